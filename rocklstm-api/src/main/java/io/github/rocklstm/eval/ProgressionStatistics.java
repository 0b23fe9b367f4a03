package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * The chord statistics of one progression, as {@link ChordStatistics#of(KeyedProgression)} measures them (the
 * definitions, and what happens to N and X, are in {@link ChordStatistics}). These are also the per-sample features
 * of a {@link YangLerch} comparison: {@link #features()}.
 *
 * @param id the progression's id
 * @param changes number of chord changes (N and X removed, equal neighbours merged), at least 1
 * @param entropy entropy of the chord-class histogram in bits, weighted as the {@link ChordStatistics.Weighting} says
 * @param coverage number of distinct chord classes
 * @param tonalDistance mean distance between the {@link TonalCentroid}s of consecutive changes; 0 with one change
 * @param uniqueTrigramRatio distinct trigrams of changes divided by all trigrams; 1 with fewer than three changes
 * @param meanBeats mean length of a change in beats (N and X time excluded)
 * @param diatonicShare weighted share of changes whose pitch classes all lie in the key's scale
 */
public record ProgressionStatistics(String id, int changes, double entropy, int coverage, double tonalDistance,
    double uniqueTrigramRatio, double meanBeats, double diatonicShare) {

  /** Checks the ranges in the parameter list. */
  public ProgressionStatistics {
    Preconditions.checkNotNull(id, "id");
    Preconditions.checkArgument(changes >= 1, "a progression needs at least one chord change, got %s", changes);
    Preconditions.checkArgument(coverage >= 1 && coverage <= changes, "coverage must be 1..%s, got %s", changes,
        coverage);
    Preconditions.checkArgument(entropy >= 0 && Double.isFinite(entropy), "entropy must be finite and >= 0, got %s",
        entropy);
    Preconditions.checkArgument(tonalDistance >= 0 && Double.isFinite(tonalDistance),
        "tonal distance must be finite and >= 0, got %s", tonalDistance);
    Preconditions.checkArgument(uniqueTrigramRatio > 0 && uniqueTrigramRatio <= 1,
        "unique trigram ratio must be in (0, 1], got %s", uniqueTrigramRatio);
    Preconditions.checkArgument(meanBeats > 0 && Double.isFinite(meanBeats),
        "mean beats must be finite and > 0, got %s", meanBeats);
    Preconditions.checkArgument(diatonicShare >= 0 && diatonicShare <= 1, "diatonic share must be in [0, 1], got %s",
        diatonicShare);
  }

  /**
   * The six statistics as scalar {@link YangLerch} features, named {@code entropy}, {@code coverage}, {@code
   * tonal_distance}, {@code unique_trigram_ratio}, {@code mean_beats} and {@code diatonic_share}.
   */
  public static ImmutableList<YangLerch.Feature<ProgressionStatistics>> features() {
    return ImmutableList.of(
        YangLerch.Feature.scalar("entropy", ProgressionStatistics::entropy),
        YangLerch.Feature.scalar("coverage", ProgressionStatistics::coverage),
        YangLerch.Feature.scalar("tonal_distance", ProgressionStatistics::tonalDistance),
        YangLerch.Feature.scalar("unique_trigram_ratio", ProgressionStatistics::uniqueTrigramRatio),
        YangLerch.Feature.scalar("mean_beats", ProgressionStatistics::meanBeats),
        YangLerch.Feature.scalar("diatonic_share", ProgressionStatistics::diatonicShare));
  }
}
