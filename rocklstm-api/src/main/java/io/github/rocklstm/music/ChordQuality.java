package io.github.rocklstm.music;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The quality of a chord: a named set of intervals above the root, with its Harte shorthand and its lead-sheet
 * suffix. The constants are the shorthands of Harte et al. (ISMIR 2005: {@code maj min dim aug maj7 min7 7 dim7
 * hdim7 minmaj7 maj6 min6 9 maj9 min9 sus4 sus2}), the {@code 1} and {@code 5} that the Billboard annotations
 * add, and the extended {@code 11 min11 13 maj13 min13} of Harte's thesis and mir_eval/JAMS, plus {@link #NONE}
 * for labels written as a bare interval list.
 *
 * <p>Eleventh and thirteenth chords contain every stacked third below them, as in Harte:
 * {@code 11 = (1,3,5,b7,9,11)}, {@code 13 = (1,3,5,b7,9,11,13)}. Lead-sheet {@code C13} is read the same way.
 *
 * <p>{@link #reduce} maps every quality to the classes of a {@link VocabularyLevel}; the table is in
 * {@link VocabularyLevel}.
 */
public enum ChordQuality {
  /** {@code maj (1,3,5)}; lead sheet {@code C}. */
  MAJOR("maj", "", "1,3,5"),
  /** {@code min (1,b3,5)}; lead sheet {@code Cm}. */
  MINOR("min", "m", "1,b3,5"),
  /** {@code dim (1,b3,b5)}; lead sheet {@code Cdim}. */
  DIMINISHED("dim", "dim", "1,b3,b5"),
  /** {@code aug (1,3,#5)}; lead sheet {@code Caug}. */
  AUGMENTED("aug", "aug", "1,3,#5"),
  /** {@code sus2 (1,2,5)}; lead sheet {@code Csus2}. */
  SUSPENDED_SECOND("sus2", "sus2", "1,2,5"),
  /** {@code sus4 (1,4,5)}; lead sheet {@code Csus4}. */
  SUSPENDED_FOURTH("sus4", "sus4", "1,4,5"),
  /** The power chord {@code 5 (1,5)}; lead sheet {@code C5}. */
  POWER("5", "5", "1,5"),
  /** The root alone, {@code 1 (1)} (Billboard: unison riffs); lead sheet {@code C(no3,no5)}. */
  ROOT_ONLY("1", "(no3,no5)", "1"),
  /** {@code maj6 (1,3,5,6)}; lead sheet {@code C6}. */
  MAJOR_SIXTH("maj6", "6", "1,3,5,6"),
  /** {@code min6 (1,b3,5,6)}; lead sheet {@code Cm6}. */
  MINOR_SIXTH("min6", "m6", "1,b3,5,6"),
  /** The dominant seventh {@code 7 (1,3,5,b7)}; lead sheet {@code C7}. */
  DOMINANT_SEVENTH("7", "7", "1,3,5,b7"),
  /** {@code maj7 (1,3,5,7)}; lead sheet {@code Cmaj7}. */
  MAJOR_SEVENTH("maj7", "maj7", "1,3,5,7"),
  /** {@code min7 (1,b3,5,b7)}; lead sheet {@code Cm7}. */
  MINOR_SEVENTH("min7", "m7", "1,b3,5,b7"),
  /** The half-diminished seventh {@code hdim7 (1,b3,b5,b7)}; lead sheet {@code Cm7b5}. */
  HALF_DIMINISHED_SEVENTH("hdim7", "m7b5", "1,b3,b5,b7"),
  /** The diminished seventh {@code dim7 (1,b3,b5,bb7)}; lead sheet {@code Cdim7}. */
  DIMINISHED_SEVENTH("dim7", "dim7", "1,b3,b5,bb7"),
  /** {@code minmaj7 (1,b3,5,7)}; lead sheet {@code CmMaj7}. */
  MINOR_MAJOR_SEVENTH("minmaj7", "mMaj7", "1,b3,5,7"),
  /** The dominant ninth {@code 9 (1,3,5,b7,9)}; lead sheet {@code C9}. */
  DOMINANT_NINTH("9", "9", "1,3,5,b7,9"),
  /** {@code maj9 (1,3,5,7,9)}; lead sheet {@code Cmaj9}. */
  MAJOR_NINTH("maj9", "maj9", "1,3,5,7,9"),
  /** {@code min9 (1,b3,5,b7,9)}; lead sheet {@code Cm9}. */
  MINOR_NINTH("min9", "m9", "1,b3,5,b7,9"),
  /** The dominant eleventh {@code 11 (1,3,5,b7,9,11)}; lead sheet {@code C11}. */
  DOMINANT_ELEVENTH("11", "11", "1,3,5,b7,9,11"),
  /** {@code min11 (1,b3,5,b7,9,11)}; lead sheet {@code Cm11}. */
  MINOR_ELEVENTH("min11", "m11", "1,b3,5,b7,9,11"),
  /** The dominant thirteenth {@code 13 (1,3,5,b7,9,11,13)}; lead sheet {@code C13}. */
  DOMINANT_THIRTEENTH("13", "13", "1,3,5,b7,9,11,13"),
  /** {@code maj13 (1,3,5,7,9,11,13)}; lead sheet {@code Cmaj13}. */
  MAJOR_THIRTEENTH("maj13", "maj13", "1,3,5,7,9,11,13"),
  /** {@code min13 (1,b3,5,b7,9,11,13)}; lead sheet {@code Cm13}. */
  MINOR_THIRTEENTH("min13", "m13", "1,b3,5,b7,9,11,13"),
  /**
   * No shorthand: the chord is exactly its listed intervals, as in Harte {@code C:(1,b3,#4)}. Its own interval
   * set is empty; a chord of this quality keeps all its notes in {@link Chord#added()}.
   */
  NONE("", "", "");

  private static final ImmutableMap<String, ChordQuality> BY_HARTE;
  private static final ImmutableMap<ImmutableSortedSet<Interval>, ChordQuality> BY_INTERVALS;

  static {
    ImmutableMap.Builder<String, ChordQuality> byHarte = ImmutableMap.builder();
    ImmutableMap.Builder<ImmutableSortedSet<Interval>, ChordQuality> byIntervals = ImmutableMap.builder();
    for (ChordQuality quality : values()) {
      if (quality != NONE) {
        byHarte.put(quality.harte, quality);
        byIntervals.put(quality.intervals, quality);
      }
    }
    BY_HARTE = byHarte.buildOrThrow();
    BY_INTERVALS = byIntervals.buildOrThrow();
  }

  private final String harte;
  private final String leadSheet;
  private final ImmutableSortedSet<Interval> intervals;

  ChordQuality(String harte, String leadSheet, String intervals) {
    this.harte = harte;
    this.leadSheet = leadSheet;
    this.intervals = intervals.isEmpty()
        ? ImmutableSortedSet.of()
        : Arrays.stream(intervals.split(",")).map(Interval::parse)
            .collect(ImmutableSortedSet.toImmutableSortedSet(Interval::compareTo));
  }

  /** The Harte shorthand: {@code maj}, {@code min7}, {@code hdim7}, {@code 5}; empty for {@link #NONE}. */
  public String harte() {
    return harte;
  }

  /** The usual lead-sheet suffix after the root: empty for major, {@code m7}, {@code m7b5}, {@code 5}. */
  public String leadSheetSuffix() {
    return leadSheet;
  }

  /** The intervals above the root, root included; empty for {@link #NONE}. */
  public ImmutableSortedSet<Interval> intervals() {
    return intervals;
  }

  /** The class of this quality at {@code level} (itself at {@link VocabularyLevel#FULL}). */
  public ChordQuality reduce(VocabularyLevel level) {
    return level == VocabularyLevel.FULL ? this : level.classify(intervals);
  }

  /** The quality with this Harte shorthand, if any ({@code "maj"}, {@code "hdim7"}, {@code "5"}). */
  public static Optional<ChordQuality> fromHarte(String shorthand) {
    return Optional.ofNullable(BY_HARTE.get(shorthand));
  }

  /** The quality whose interval set is exactly {@code intervals}, if any (never {@link #NONE}). */
  public static Optional<ChordQuality> withIntervals(Set<Interval> intervals) {
    return Optional.ofNullable(BY_INTERVALS.get(ImmutableSortedSet.copyOf(intervals)));
  }

  /** All Harte shorthands, in declaration order, for error messages. */
  static String harteShorthands() {
    return String.join(" ", BY_HARTE.keySet());
  }
}
