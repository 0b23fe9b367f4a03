package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * Moves songs between keys: to C major / A minor for key-invariant training, and into all 12 keys for
 * augmentation.
 *
 * <p>Both use {@link Song#key()}, the key at the song's start, which is the annotated key where the corpus has one
 * and otherwise {@link KeyFinder}'s estimate (the readers fill it in; {@link Song#keySource()} says which). Moves
 * are the smallest ones, -5..+6 semitones ({@link io.github.rocklstm.music.Key#semitonesToNormal()}), and each
 * result records the shift in {@link Song#transposition()} and in its id ({@code rs200:help:dt@-2}); the work id
 * stays, so every copy of a song lands in the same {@link Split}.
 */
public final class Transposition {

  private Transposition() {}

  /** The song moved so that its (starting) key is C major, or A minor for a minor key. */
  public static Song normalize(Song song) {
    Preconditions.checkNotNull(song, "song");
    return song.transpose(song.key().semitonesToNormal());
  }

  /**
   * The song in all 12 keys: shifts -5, -4, ..., +6 semitones from the key it was read in (the one with shift 0
   * is the song itself, id suffixed {@code @+0}). For a song already transposed, the shifts are from its source key.
   */
  public static ImmutableList<Song> allKeys(Song song) {
    Preconditions.checkNotNull(song, "song");
    ImmutableList.Builder<Song> all = ImmutableList.builderWithExpectedSize(12);
    for (int shift = -5; shift <= 6; shift++) {
      all.add(song.transpose(shift - song.transposition()));
    }
    return all.build();
  }

  /** Every song of the corpus normalised to C major / A minor ({@link #normalize}). */
  public static Corpus normalize(Corpus corpus) {
    Preconditions.checkNotNull(corpus, "corpus");
    return corpus.map(corpus.name() + "-normalized", Transposition::normalize);
  }

  /** Every song of the corpus in all 12 keys ({@link #allKeys}), 12 times the songs. */
  public static Corpus allKeys(Corpus corpus) {
    Preconditions.checkNotNull(corpus, "corpus");
    ImmutableList.Builder<Song> all = ImmutableList.builder();
    for (Song song : corpus.songs()) {
      all.addAll(allKeys(song));
    }
    return Corpus.of(corpus.name() + "-12keys", all.build());
  }
}
