package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.corpus.Song;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import java.util.List;

/**
 * A chord progression with a name and the key it is in: what the set evaluators of this package ({@link
 * ChordStatistics}, {@link Novelty}) take. A corpus song gives one with {@link #of(Song)}; generated progressions are
 * named and keyed with {@link #allInKey}.
 *
 * @param id a non-blank name, used in reports (a training song's id names the song a generated progression copies)
 * @param key the key of the progression: the diatonic scale of {@link ChordStatistics}, the transposition to C major
 *     or A minor of {@link Novelty}
 * @param progression the chords
 */
public record KeyedProgression(String id, Key key, ChordProgression progression) {

  /** Checks that nothing is null and the id is not blank. */
  public KeyedProgression {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkArgument(!id.isBlank(), "a progression id must not be blank");
    Preconditions.checkNotNull(key, "key");
    Preconditions.checkNotNull(progression, "progression");
  }

  /**
   * A corpus song's id, key and progression. The key is the song's key at the start: modulations ({@link
   * Song#keyChanges()}) are not followed, so a song that changes key is measured against its first key.
   */
  public static KeyedProgression of(Song song) {
    Preconditions.checkNotNull(song, "song");
    return new KeyedProgression(song.id(), song.key(), song.progression());
  }

  /** {@link #of(Song)} of every song, in order. */
  public static ImmutableList<KeyedProgression> ofSongs(Iterable<Song> songs) {
    Preconditions.checkNotNull(songs, "songs");
    ImmutableList.Builder<KeyedProgression> keyed = ImmutableList.builder();
    for (Song song : songs) {
      keyed.add(of(song));
    }
    return keyed.build();
  }

  /**
   * Every progression in the same key, named {@code idPrefix + index} ({@code generated-0}, {@code generated-1}, ...):
   * for samples of a model trained on key-normalised songs, the key is {@link Key#C_MAJOR} or {@link Key#A_MINOR}.
   */
  public static ImmutableList<KeyedProgression> allInKey(List<ChordProgression> progressions, Key key,
      String idPrefix) {
    Preconditions.checkNotNull(progressions, "progressions");
    Preconditions.checkNotNull(idPrefix, "idPrefix");
    ImmutableList.Builder<KeyedProgression> keyed = ImmutableList.builder();
    for (int i = 0; i < progressions.size(); i++) {
      keyed.add(new KeyedProgression(idPrefix + i, key, progressions.get(i)));
    }
    return keyed.build();
  }
}
