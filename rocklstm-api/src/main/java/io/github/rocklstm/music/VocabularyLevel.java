package io.github.rocklstm.music;

import static io.github.rocklstm.music.ChordQuality.AUGMENTED;
import static io.github.rocklstm.music.ChordQuality.DIMINISHED;
import static io.github.rocklstm.music.ChordQuality.DIMINISHED_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.DOMINANT_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.HALF_DIMINISHED_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.MAJOR;
import static io.github.rocklstm.music.ChordQuality.MAJOR_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.MAJOR_SIXTH;
import static io.github.rocklstm.music.ChordQuality.MINOR;
import static io.github.rocklstm.music.ChordQuality.MINOR_MAJOR_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.MINOR_SEVENTH;
import static io.github.rocklstm.music.ChordQuality.MINOR_SIXTH;
import static io.github.rocklstm.music.ChordQuality.POWER;
import static io.github.rocklstm.music.ChordQuality.ROOT_ONLY;
import static io.github.rocklstm.music.ChordQuality.SUSPENDED_FOURTH;
import static io.github.rocklstm.music.ChordQuality.SUSPENDED_SECOND;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSet;
import java.util.EnumSet;
import java.util.Set;

/**
 * How much of a chord a chord vocabulary keeps. Below {@link #FULL} a chord keeps its root and a quality from a
 * small set, and loses its bass (inversion) and extensions; {@link Chord#NO_CHORD} and {@link Chord#UNKNOWN} stay
 * as they are at every level (a tokenizer maps {@code X} to its UNK token).
 *
 * <p>The class is read from the chord's sounding intervals (its quality with added and omitted intervals
 * applied), by spelled degree:
 * <ol>
 *   <li>the third: {@code 3} makes it major, else {@code b3} minor, else it has no third;
 *   <li>the triad: major with {@code #5} and no {@code 5} is {@code aug}; minor with {@code b5} and no {@code 5}
 *       is {@code dim}; with no third, a {@code 4} makes {@code sus4}, else a {@code 2} makes {@code sus2}, else
 *       any fifth makes {@code 5}, else it is the root alone ({@code 1});
 *   <li>the seventh (only at {@link #SEVENTHS}): {@code 7} (checked first), {@code b7}, and {@code bb7} or
 *       {@code 6} on a diminished triad; without a seventh, a {@code 6} on a major or minor triad.
 * </ol>
 *
 * <p>The mapping of every {@link ChordQuality} (unmodified) that this gives:
 * <pre>
 * quality   MAJMIN  TRIADS  SEVENTHS
 * maj       maj     maj     maj
 * min       min     min     min
 * dim       min     dim     dim
 * aug       maj     aug     aug
 * sus2      maj     sus2    sus2
 * sus4      maj     sus4    sus4
 * 5         maj     5       5
 * 1         maj     5       5        (a lone root: no class has fewer notes than the power chord)
 * maj6      maj     maj     maj6
 * min6      min     min     min6
 * 7         maj     maj     7
 * maj7      maj     maj     maj7
 * min7      min     min     min7
 * hdim7     min     dim     hdim7
 * dim7      min     dim     dim7
 * minmaj7   min     min     minmaj7
 * 9         maj     maj     7
 * maj9      maj     maj     maj7
 * min9      min     min     min7
 * 11        maj     maj     7
 * min11     min     min     min7
 * 13        maj     maj     7
 * maj13     maj     maj     maj7
 * min13     min     min     min7
 * </pre>
 * Choices: chords without a third ({@code sus2}, {@code sus4}, {@code 5}, {@code 1}) count as major at MAJMIN,
 * because in the rock corpora they stand where a major triad would and a 25-class vocabulary has nowhere else to
 * put them; diminished chords count as minor (their third is minor). At SEVENTHS a seventh on an augmented or
 * suspended triad is dropped (there is no {@code aug7} or {@code 7sus4} class).
 */
public enum VocabularyLevel {
  /** 24 major and minor triads plus N: 25 chord classes. */
  MAJMIN(EnumSet.of(MAJOR, MINOR)),
  /** maj, min, dim, aug, sus2, sus4 and the power chord 5, on 12 roots, plus N. */
  TRIADS(EnumSet.of(MAJOR, MINOR, DIMINISHED, AUGMENTED, SUSPENDED_SECOND, SUSPENDED_FOURTH, POWER)),
  /** The triads plus 7, maj7, min7, hdim7, dim7, minmaj7, maj6 and min6, on 12 roots, plus N. */
  SEVENTHS(EnumSet.of(MAJOR, MINOR, DIMINISHED, AUGMENTED, SUSPENDED_SECOND, SUSPENDED_FOURTH, POWER,
      DOMINANT_SEVENTH, MAJOR_SEVENTH, MINOR_SEVENTH, HALF_DIMINISHED_SEVENTH, DIMINISHED_SEVENTH,
      MINOR_MAJOR_SEVENTH, MAJOR_SIXTH, MINOR_SIXTH)),
  /** The exact chord: quality, added and omitted intervals, and bass. */
  FULL(EnumSet.allOf(ChordQuality.class));

  private final ImmutableSet<ChordQuality> qualities;

  VocabularyLevel(EnumSet<ChordQuality> qualities) {
    this.qualities = ImmutableSet.copyOf(qualities);
  }

  /** The qualities a chord can have at this level (all of them at {@link #FULL}). */
  public ImmutableSet<ChordQuality> qualities() {
    return qualities;
  }

  /**
   * The class at this level of a chord with these sounding intervals (root included or not), following the
   * rules in the class comment. Not defined for {@link #FULL}, which keeps chords as they are.
   *
   * @throws IllegalStateException for {@link #FULL}
   */
  public ChordQuality classify(Set<Interval> intervals) {
    Preconditions.checkState(this != FULL, "FULL keeps chords exact; there is nothing to classify");
    ChordQuality triad = triad(intervals);
    switch (this) {
      case MAJMIN:
        return triad == MINOR || triad == DIMINISHED ? MINOR : MAJOR;
      case TRIADS:
        return triad == ROOT_ONLY ? POWER : triad;
      default:
        return seventh(triad, intervals);
    }
  }

  private static ChordQuality triad(Set<Interval> intervals) {
    boolean fifth = intervals.contains(Interval.PERFECT_FIFTH);
    if (intervals.contains(Interval.MAJOR_THIRD)) {
      return intervals.contains(Interval.AUGMENTED_FIFTH) && !fifth ? AUGMENTED : MAJOR;
    }
    if (intervals.contains(Interval.MINOR_THIRD)) {
      return intervals.contains(Interval.DIMINISHED_FIFTH) && !fifth ? DIMINISHED : MINOR;
    }
    if (intervals.contains(Interval.PERFECT_FOURTH)) {
      return SUSPENDED_FOURTH;
    }
    if (intervals.contains(Interval.natural(2))) {
      return SUSPENDED_SECOND;
    }
    for (Interval interval : intervals) {
      if (interval.degree() == 5) {
        return POWER;
      }
    }
    return ROOT_ONLY;
  }

  private static ChordQuality seventh(ChordQuality triad, Set<Interval> intervals) {
    boolean major7 = intervals.contains(Interval.MAJOR_SEVENTH);
    boolean minor7 = intervals.contains(Interval.MINOR_SEVENTH);
    boolean sixth = intervals.contains(Interval.MAJOR_SIXTH);
    switch (triad) {
      case MAJOR:
        return major7 ? MAJOR_SEVENTH : minor7 ? DOMINANT_SEVENTH : sixth ? MAJOR_SIXTH : MAJOR;
      case MINOR:
        return major7 ? MINOR_MAJOR_SEVENTH : minor7 ? MINOR_SEVENTH : sixth ? MINOR_SIXTH : MINOR;
      case DIMINISHED:
        if (minor7) {
          return HALF_DIMINISHED_SEVENTH;
        }
        return intervals.contains(Interval.DIMINISHED_SEVENTH) || sixth ? DIMINISHED_SEVENTH : DIMINISHED;
      case ROOT_ONLY:
        return POWER;
      default:
        return triad;
    }
  }
}
