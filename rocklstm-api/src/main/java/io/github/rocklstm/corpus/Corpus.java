package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable, named list of songs with unique ids, and its deterministic train/valid/test {@link Split}.
 *
 * <p>The split of a song depends only on its work id ({@link Split#of}), so it is the same whatever order the songs
 * were read in and whichever other songs the corpus holds, and every version of a work (RS200's two analyses,
 * transposed copies) lands in the same part. Remove duplicates before splitting (McGill Billboard:
 * {@link BillboardReader#read} does).
 */
public final class Corpus {

  private final String name;
  private final ImmutableList<Song> songs;

  private Corpus(String name, ImmutableList<Song> songs) {
    this.name = name;
    this.songs = songs;
  }

  /**
   * A corpus of these songs, in this order.
   *
   * @throws IllegalArgumentException when two songs share an id, naming it
   */
  public static Corpus of(String name, Collection<Song> songs) {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkArgument(!name.isBlank(), "a corpus name must not be blank");
    ImmutableList<Song> list = ImmutableList.copyOf(songs);
    Set<String> ids = new HashSet<>();
    for (Song song : list) {
      Preconditions.checkArgument(ids.add(song.id()), "corpus %s: two songs with id %s", name, song.id());
    }
    return new Corpus(name, list);
  }

  /** Several corpora as one (e.g. Billboard + RS200 for training a rock model); ids must stay unique. */
  public static Corpus concat(String name, List<Corpus> parts) {
    List<Song> all = new ArrayList<>();
    for (Corpus part : parts) {
      all.addAll(part.songs);
    }
    return of(name, all);
  }

  /** The corpus's name ({@code billboard}, {@code rs200}, ...). */
  public String name() {
    return name;
  }

  /** The songs in reading order. */
  public ImmutableList<Song> songs() {
    return songs;
  }

  /** The number of songs. */
  public int size() {
    return songs.size();
  }

  /** The songs of one part of the split, in corpus order. */
  public Corpus part(Split split) {
    Preconditions.checkNotNull(split, "split");
    return filter(name + "-" + split.name().toLowerCase(java.util.Locale.ROOT), s -> Split.of(s.workId()) == split);
  }

  /** All three parts. */
  public ImmutableMap<Split, Corpus> split() {
    Map<Split, List<Song>> parts = new EnumMap<>(Split.class);
    for (Split split : Split.values()) {
      parts.put(split, new ArrayList<>());
    }
    for (Song song : songs) {
      parts.get(Split.of(song.workId())).add(song);
    }
    ImmutableMap.Builder<Split, Corpus> result = ImmutableMap.builder();
    for (Split split : Split.values()) {
      result.put(split, new Corpus(name + "-" + split.name().toLowerCase(java.util.Locale.ROOT),
          ImmutableList.copyOf(parts.get(split))));
    }
    return result.buildOrThrow();
  }

  /** The training part. */
  public Corpus train() {
    return part(Split.TRAIN);
  }

  /** The validation part. */
  public Corpus valid() {
    return part(Split.VALID);
  }

  /** The test part. */
  public Corpus test() {
    return part(Split.TEST);
  }

  /** The songs that pass {@code keep}, under a new name. */
  public Corpus filter(String newName, Predicate<Song> keep) {
    Preconditions.checkNotNull(keep, "keep");
    return new Corpus(newName, songs.stream().filter(keep).collect(ImmutableList.toImmutableList()));
  }

  /** Every song replaced by {@code f(song)} (ids must stay unique), e.g. {@code map(Transposition::normalize)}. */
  public Corpus map(String newName, Function<Song, Song> f) {
    Preconditions.checkNotNull(f, "f");
    List<Song> mapped = new ArrayList<>(songs.size());
    for (Song song : songs) {
      mapped.add(f.apply(song));
    }
    return of(newName, mapped);
  }

  /** The number of chord events over all songs. */
  public int eventCount() {
    int n = 0;
    for (Song song : songs) {
      n += song.progression().events().size();
    }
    return n;
  }

  /** The distinct chords over all songs (no-chord included when it occurs). */
  public ImmutableSet<Chord> distinctChords() {
    ImmutableSet.Builder<Chord> chords = ImmutableSet.builder();
    for (Song song : songs) {
      for (ChordEvent event : song.progression().events()) {
        chords.add(event.chord());
      }
    }
    return chords.build();
  }

  /** {@code billboard (739 songs)}. */
  @Override
  public String toString() {
    return name + " (" + songs.size() + " songs)";
  }
}
