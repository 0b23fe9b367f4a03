package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.VocabularyLevel;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistics of a set of chord progressions, for comparing generated progressions with real ones (in the spirit of
 * the MuseGAN metrics of Dong et al. 2018 and the features of Yang &amp; Lerch 2020).
 *
 * <h2>Chord changes</h2>
 *
 * Everything is counted on the progression's chord changes at a {@link VocabularyLevel}: each chord reduced to the
 * level, {@link Chord#NO_CHORD} (N) and {@link Chord#UNKNOWN} (X) events removed, then neighbours with equal chord
 * classes merged (their beats added). N and X are thus left out of every statistic, including the durations: silence
 * is not harmony, and a chord before and after a silence is one change. A progression with no chord change at all
 * (empty, or only N and X) is an {@link IllegalArgumentException}.
 *
 * <h2>Per progression ({@link #of(KeyedProgression)})</h2>
 *
 * <ul>
 *   <li><b>entropy</b> (bits): {@code -sum p(c) log2 p(c)} over the chord classes {@code c}, where {@code p(c)} is
 *       the share of the progression's beats ({@link Weighting#BEATS}) or of its changes ({@link Weighting#CHANGES})
 *       that class {@code c} takes;
 *   <li><b>coverage</b> (count): the number of distinct chord classes;
 *   <li><b>tonal distance</b>: the mean {@link TonalCentroid} distance between consecutive changes (of the reduced
 *       chords), 0 when there is only one change;
 *   <li><b>unique trigram ratio</b>: distinct trigrams of changes divided by the number of trigrams (changes - 2),
 *       1 when there are fewer than three changes (nothing can repeat); low values mean repetition;
 *   <li><b>mean beats</b>: beats of the changes divided by their number (the chord-change rate per bar is this
 *       metric's reciprocal times the beats per bar, so it is not reported separately);
 *   <li><b>diatonic share</b>: the weighted share (weighted as the entropy) of changes whose reduced chord's pitch
 *       classes all belong to the key's scale ({@link #diatonicPitchClasses(Key)}: the major scale in a major key,
 *       natural and harmonic minor together in a minor key).
 * </ul>
 *
 * <h2>Over a set ({@link #evaluate(List)})</h2>
 *
 * Each per-progression statistic is averaged over the progressions, every progression counting once, and two
 * statistics are also measured on the whole set pooled. In this order:
 *
 * <ul>
 *   <li>{@value #PROGRESSIONS} and {@value #CHANGES} ({@link Metric#COUNT}): the numbers of progressions and of chord
 *       changes in all of them;
 *   <li>{@value #ENTROPY} ({@link Metric#BITS}), the mean entropy, and {@value #ENTROPY_POOLED}, the entropy of the
 *       histogram of all progressions' weights added together;
 *   <li>{@value #COVERAGE} ({@link Metric#COUNT}), the mean coverage, and {@value #COVERAGE_POOLED}, the number of
 *       distinct chord classes in the whole set;
 *   <li>{@value #TONAL_DISTANCE} ({@link Metric#DISTANCE}), {@value #UNIQUE_TRIGRAM_RATIO} ({@link Metric#RATIO}),
 *       {@value #MEAN_BEATS} ({@link Metric#BEATS}) and {@value #DIATONIC_SHARE} ({@link Metric#RATIO}): means.
 * </ul>
 */
public final class ChordStatistics implements Evaluator<List<KeyedProgression>> {

  /** Metric name: the number of progressions. */
  public static final String PROGRESSIONS = "progressions";
  /** Metric name: the number of chord changes in the set. */
  public static final String CHANGES = "chord.changes";
  /** Metric name: the mean chord-class histogram entropy. */
  public static final String ENTROPY = "chord.entropy";
  /** Metric name: the entropy of the set's pooled chord-class histogram. */
  public static final String ENTROPY_POOLED = "chord.entropy.pooled";
  /** Metric name: the mean number of distinct chord classes per progression. */
  public static final String COVERAGE = "chord.coverage";
  /** Metric name: the number of distinct chord classes in the set. */
  public static final String COVERAGE_POOLED = "chord.coverage.pooled";
  /** Metric name: the mean tonal-centroid distance between consecutive changes. */
  public static final String TONAL_DISTANCE = "chord.tonal_distance";
  /** Metric name: the mean unique trigram ratio. */
  public static final String UNIQUE_TRIGRAM_RATIO = "chord.unique_trigram_ratio";
  /** Metric name: the mean length of a chord change in beats. */
  public static final String MEAN_BEATS = "chord.mean_beats";
  /** Metric name: the mean share of diatonic chords. */
  public static final String DIATONIC_SHARE = "chord.diatonic_share";

  private static final double LN_2 = Math.log(2);
  private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
  /** Natural minor (0 2 3 5 7 8 10) with the harmonic minor's raised seventh (11). */
  private static final int[] MINOR_SCALES = {0, 2, 3, 5, 7, 8, 10, 11};

  /** What a chord class's share of a histogram is measured in. */
  public enum Weighting {
    /** Each change weighs its length in beats: the share of time a chord sounds. */
    BEATS,
    /** Each change weighs 1, whatever its length: the share of changes (as in a chord-change token sequence). */
    CHANGES
  }

  private final VocabularyLevel level;
  private final Weighting weighting;
  private final ChordChanges chordChanges;

  /**
   * Statistics at a vocabulary level with a histogram weighting.
   *
   * @param level the chord classes: {@link VocabularyLevel#MAJMIN} counts 24 triads, {@link VocabularyLevel#FULL}
   *     exact chords (inversions and extensions distinct)
   * @param weighting beats or changes, for the entropy and the diatonic share
   */
  public ChordStatistics(VocabularyLevel level, Weighting weighting) {
    this.level = Preconditions.checkNotNull(level, "level");
    this.weighting = Preconditions.checkNotNull(weighting, "weighting");
    this.chordChanges = new ChordChanges(level);
  }

  /** The vocabulary level chords are reduced to. */
  public VocabularyLevel level() {
    return level;
  }

  /** How histogram shares are weighted. */
  public Weighting weighting() {
    return weighting;
  }

  /**
   * The pitch classes of a key's diatonic scale: the major scale of a major key (7), natural and harmonic minor
   * together for a minor key (8: the natural minor and the raised seventh, so V and vii° count as diatonic).
   */
  public static ImmutableSortedSet<PitchClass> diatonicPitchClasses(Key key) {
    Preconditions.checkNotNull(key, "key");
    ImmutableSortedSet.Builder<PitchClass> scale = ImmutableSortedSet.naturalOrder();
    for (int step : key.mode() == Mode.MAJOR ? MAJOR_SCALE : MINOR_SCALES) {
      scale.add(key.tonic().transpose(step));
    }
    return scale.build();
  }

  /**
   * Whether every pitch class of a chord belongs to {@link #diatonicPitchClasses(Key)}; false for N and X.
   */
  public static boolean isDiatonic(Chord chord, Key key) {
    Preconditions.checkNotNull(chord, "chord");
    return chord.isPitched() && diatonicPitchClasses(key).containsAll(chord.pitchClasses());
  }

  /**
   * The statistics of one progression (definitions in the class comment).
   *
   * @throws IllegalArgumentException when the progression has no chord change (no events, or only N and X)
   */
  public ProgressionStatistics of(KeyedProgression progression) {
    Preconditions.checkNotNull(progression, "progression");
    ImmutableList<ChordEvent> changes = chordChanges.of(progression.progression());
    Preconditions.checkArgument(!changes.isEmpty(),
        "progression '%s' has no chord change (it has %s events, none with a pitched chord: N and X do not count)",
        progression.id(), progression.progression().events().size());
    int count = changes.size();
    ImmutableSortedSet<PitchClass> scale = diatonicPitchClasses(progression.key());
    Map<Chord, Double> histogram = new HashMap<>();
    double beats = 0;
    double totalWeight = 0;
    double diatonicWeight = 0;
    double tonalDistance = 0;
    double[] previousCentroid = null;
    for (ChordEvent change : changes) {
      double weight = weight(change);
      histogram.merge(change.chord(), weight, Double::sum);
      beats += change.beats();
      totalWeight += weight;
      if (scale.containsAll(change.chord().pitchClasses())) {
        diatonicWeight += weight;
      }
      double[] centroid = TonalCentroid.of(change.chord());
      if (previousCentroid != null) {
        tonalDistance += TonalCentroid.euclidean(previousCentroid, centroid);
      }
      previousCentroid = centroid;
    }
    Set<List<Chord>> trigrams = new HashSet<>();
    ImmutableList<Chord> chords = changes.stream().map(ChordEvent::chord).collect(ImmutableList.toImmutableList());
    for (int i = 0; i + 3 <= count; i++) {
      trigrams.add(chords.subList(i, i + 3));
    }
    return new ProgressionStatistics(progression.id(), count, entropyBits(histogram.values()), histogram.size(),
        count > 1 ? tonalDistance / (count - 1) : 0.0, count >= 3 ? (double) trigrams.size() / (count - 2) : 1.0,
        beats / count, diatonicWeight / totalWeight);
  }

  /** {@link #of(KeyedProgression)} of every progression, in order. */
  public ImmutableList<ProgressionStatistics> perProgression(List<KeyedProgression> progressions) {
    checkSet(progressions);
    return progressions.stream().map(this::of).collect(ImmutableList.toImmutableList());
  }

  /** {@code chords}. */
  @Override
  public String name() {
    return "chords";
  }

  /**
   * The set's statistics; the metric names are listed in the class comment.
   *
   * @throws IllegalArgumentException for an empty set, a null element, or a progression without chord changes
   */
  @Override
  public Metrics evaluate(List<KeyedProgression> progressions) {
    ImmutableList<ProgressionStatistics> statistics = perProgression(progressions);
    Map<Chord, Double> pooled = new HashMap<>();
    for (KeyedProgression progression : progressions) {
      for (ChordEvent change : chordChanges.of(progression.progression())) {
        pooled.merge(change.chord(), weight(change), Double::sum);
      }
    }
    int n = statistics.size();
    double changes = 0;
    double entropy = 0;
    double coverage = 0;
    double tonalDistance = 0;
    double uniqueTrigramRatio = 0;
    double meanBeats = 0;
    double diatonicShare = 0;
    for (ProgressionStatistics s : statistics) {
      changes += s.changes();
      entropy += s.entropy();
      coverage += s.coverage();
      tonalDistance += s.tonalDistance();
      uniqueTrigramRatio += s.uniqueTrigramRatio();
      meanBeats += s.meanBeats();
      diatonicShare += s.diatonicShare();
    }
    return Metrics.builder()
        .add(PROGRESSIONS, n, Metric.COUNT)
        .add(CHANGES, changes, Metric.COUNT)
        .add(ENTROPY, entropy / n, Metric.BITS)
        .add(ENTROPY_POOLED, entropyBits(pooled.values()), Metric.BITS)
        .add(COVERAGE, coverage / n, Metric.COUNT)
        .add(COVERAGE_POOLED, pooled.size(), Metric.COUNT)
        .add(TONAL_DISTANCE, tonalDistance / n, Metric.DISTANCE)
        .add(UNIQUE_TRIGRAM_RATIO, uniqueTrigramRatio / n, Metric.RATIO)
        .add(MEAN_BEATS, meanBeats / n, Metric.BEATS)
        .add(DIATONIC_SHARE, diatonicShare / n, Metric.RATIO)
        .build();
  }

  private double weight(ChordEvent change) {
    return weighting == Weighting.BEATS ? change.beats() : 1.0;
  }

  /** {@code -sum p log2 p} with {@code p = w / sum w}; 0 for a single class. */
  static double entropyBits(Collection<Double> weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double entropy = 0;
    for (double weight : weights) {
      double p = weight / total;
      entropy -= p * Math.log(p) / LN_2;
    }
    return Math.max(0.0, entropy);
  }

  static void checkSet(List<?> progressions) {
    Preconditions.checkNotNull(progressions, "progressions");
    Preconditions.checkArgument(!progressions.isEmpty(), "the set of progressions is empty");
    for (int i = 0; i < progressions.size(); i++) {
      if (progressions.get(i) == null) {
        throw new IllegalArgumentException("progression " + i + " of the set is null");
      }
    }
  }
}
