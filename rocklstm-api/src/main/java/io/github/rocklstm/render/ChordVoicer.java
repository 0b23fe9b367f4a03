package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.Interval;
import io.github.rocklstm.music.PitchClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Voices chords the way a keyboard player comps: a bass note in octave 3 and a close-position chord above it,
 * moving as little as possible from one chord to the next.
 *
 * <ul>
 *   <li><b>Bass note:</b> the chord's bass (its root, or the slash-chord bass) in octave 3, C3 to B3 (MIDI 48-59).
 *   <li><b>Upper notes:</b> at most {@value #MAX_UPPER_NOTES} pitch classes of the chord, in close position (each
 *       pitch class once, all within an octave, no chord tone skipped) between G3 and C5 (MIDI
 *       {@value #UPPER_LOWEST}-{@value #UPPER_HIGHEST}) and above the bass note. Below G3, close thirds turn to
 *       mud; C5 keeps the chords under a melody.
 *   <li><b>Which notes, for chords of five or more:</b> the chord's intervals are kept in this order until four
 *       pitch classes are chosen: the third (or, without one, the suspended 2 or 4), the seventh or sixth, an
 *       altered fifth, the 13th, the 9th (or an added 2), the 11th (or an added 4), the root, the perfect fifth.
 *       So C13 is played with {@code E Bb A D} above the C (third, seventh, 13th, 9th) and Cmaj9 with
 *       {@code E B D C} (the fifth left out). Triads and four-note chords keep all their notes.
 *   <li><b>Voice leading:</b> of all close-position placements in range, the one with the least movement from
 *       the previous upper notes wins: the sum of the distances between the notes in order from the bottom when
 *       both have as many notes, else the sum, over each note of either chord, of its distance to the nearest
 *       note of the other. The first chord (and ties) go to the placement whose mean pitch is nearest E4 (MIDI
 *       {@value #HOME_PITCH}), then to the lower placement. Silences do not reset the voice leading: the chord
 *       after a rest moves from the last chord that sounded.
 * </ul>
 *
 * <p>C F G C comes out as C3+C4 E4 G4, F3+C4 F4 A4, G3+B3 D4 G4, C3+C4 E4 G4. Stateless; all methods are pure.
 */
public final class ChordVoicer {

  /** The lowest bass note, C3. */
  public static final int BASS_LOWEST = 48;
  /** The lowest upper note, G3. */
  public static final int UPPER_LOWEST = 55;
  /** The highest upper note, C5. */
  public static final int UPPER_HIGHEST = 72;
  /** The most upper notes a voicing has. */
  public static final int MAX_UPPER_NOTES = 4;
  /** The pitch that the first chord is placed around, E4. */
  public static final int HOME_PITCH = 64;

  private ChordVoicer() {}

  /**
   * The pitch classes of the upper notes of {@code chord}, at most {@value #MAX_UPPER_NOTES}, in order of
   * importance (see the class comment). Empty for no chord and unknown chords.
   */
  public static ImmutableList<PitchClass> upperPitchClasses(Chord chord) {
    Preconditions.checkNotNull(chord, "chord");
    if (!chord.isPitched()) {
      return ImmutableList.of();
    }
    Set<Interval> intervals = chord.intervals();
    boolean hasThird = intervals.stream().anyMatch(interval -> interval.degree() == 3);
    List<Interval> ranked = new ArrayList<>(intervals);
    ranked.sort(Comparator.<Interval>comparingInt(interval -> rank(interval, hasThird))
        .thenComparing(Comparator.naturalOrder()));
    Set<PitchClass> kept = new LinkedHashSet<>();
    for (Interval interval : ranked) {
      if (kept.size() == MAX_UPPER_NOTES) {
        break;
      }
      kept.add(chord.root().transpose(interval.semitones()));
    }
    return ImmutableList.copyOf(kept);
  }

  private static int rank(Interval interval, boolean hasThird) {
    switch (interval.degree()) {
      case 3:
        return 0;
      case 2:
        return hasThird ? 4 : 0;
      case 4:
        return hasThird ? 5 : 0;
      case 7:
      case 6:
        return interval.degree() == 6 && interval.isAltered() ? 3 : 1;
      case 5:
        return interval.isAltered() ? 2 : 7;
      case 13:
        return 3;
      case 9:
        return 4;
      case 11:
        return 5;
      case 1:
        return 6;
      default:
        return 8;
    }
  }

  /**
   * The voicing of {@code chord} after {@code previous} (the last voicing that sounded, or
   * {@link Voicing#SILENT} at the start). {@link Voicing#SILENT} for no chord and unknown chords.
   */
  public static Voicing voice(Chord chord, Voicing previous) {
    Preconditions.checkNotNull(chord, "chord");
    Preconditions.checkNotNull(previous, "previous");
    if (!chord.isPitched()) {
      return Voicing.SILENT;
    }
    int bass = BASS_LOWEST + chord.bass().semitone();
    ImmutableList<PitchClass> classes = upperPitchClasses(chord);
    List<Integer> sortedClasses = new ArrayList<>();
    classes.forEach(pc -> sortedClasses.add(pc.semitone()));
    sortedClasses.sort(null);
    int lowest = Math.max(UPPER_LOWEST, bass + 1);
    List<Integer> prior = previous.upper();
    int[] best = null;
    long bestCost = Long.MAX_VALUE;
    long bestHome = Long.MAX_VALUE;
    for (int start = lowest; start <= UPPER_HIGHEST; start++) {
      int first = sortedClasses.indexOf(Math.floorMod(start, 12));
      if (first < 0) {
        continue;
      }
      int[] candidate = closePosition(start, sortedClasses, first);
      if (candidate[candidate.length - 1] > UPPER_HIGHEST) {
        continue;
      }
      long cost = prior.isEmpty() ? 0 : movement(prior, candidate);
      long home = Math.abs(sum(candidate) - (long) HOME_PITCH * candidate.length);
      if (cost < bestCost || (cost == bestCost && home < bestHome)) {
        best = candidate;
        bestCost = cost;
        bestHome = home;
      }
    }
    if (best == null) {
      throw new AssertionError("no close voicing of " + chord + " between " + lowest + " and " + UPPER_HIGHEST);
    }
    ImmutableList.Builder<Integer> pitches = ImmutableList.builder();
    pitches.add(bass);
    for (int pitch : best) {
      pitches.add(pitch);
    }
    return new Voicing(pitches.build());
  }

  /** The voicings of {@code chords} in order, each led from the last one that sounded. */
  public static ImmutableList<Voicing> voiceAll(List<Chord> chords) {
    Preconditions.checkNotNull(chords, "chords");
    ImmutableList.Builder<Voicing> voicings = ImmutableList.builderWithExpectedSize(chords.size());
    Voicing last = Voicing.SILENT;
    for (Chord chord : chords) {
      Voicing voicing = voice(chord, last);
      voicings.add(voicing);
      if (!voicing.isSilent()) {
        last = voicing;
      }
    }
    return voicings.build();
  }

  /** The close-position notes from {@code start} upwards through the sorted pitch classes, cyclically. */
  private static int[] closePosition(int start, List<Integer> sortedClasses, int first) {
    int[] notes = new int[sortedClasses.size()];
    notes[0] = start;
    for (int i = 1; i < notes.length; i++) {
      int pitchClass = sortedClasses.get((first + i) % notes.length);
      notes[i] = notes[i - 1] + Math.floorMod(pitchClass - notes[i - 1], 12);
    }
    return notes;
  }

  private static long movement(List<Integer> prior, int[] candidate) {
    long cost = 0;
    if (prior.size() == candidate.length) {
      for (int i = 0; i < candidate.length; i++) {
        cost += Math.abs(candidate[i] - prior.get(i));
      }
      return cost;
    }
    for (int note : candidate) {
      cost += nearest(note, prior);
    }
    for (int note : prior) {
      int min = Integer.MAX_VALUE;
      for (int other : candidate) {
        min = Math.min(min, Math.abs(note - other));
      }
      cost += min;
    }
    return cost;
  }

  private static int nearest(int note, List<Integer> others) {
    int min = Integer.MAX_VALUE;
    for (int other : others) {
      min = Math.min(min, Math.abs(note - other));
    }
    return min;
  }

  private static long sum(int[] notes) {
    long sum = 0;
    for (int note : notes) {
      sum += note;
    }
    return sum;
  }
}
