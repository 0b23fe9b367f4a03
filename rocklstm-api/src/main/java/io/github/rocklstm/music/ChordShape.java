package io.github.rocklstm.music;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.util.Set;

/**
 * The root-independent part of a chord (quality with added and omitted intervals), normalised. Shared by
 * {@link Chord} and {@link RomanNumeral} so that both keep a label's structure the same way.
 *
 * <p>Normal form: added intervals are not in the quality, omitted ones are; and when the resulting interval set
 * is exactly a quality's, that quality is used with nothing added or omitted ({@code C:maj(b7)} is {@code C:7},
 * {@code C:(1,3,5)} is {@code C:maj}, {@code A:maj(*3)} is {@code A:5}).
 */
record ChordShape(ChordQuality quality, ImmutableSortedSet<Interval> added, ImmutableSortedSet<Interval> omitted) {

  ChordShape {
    Preconditions.checkNotNull(quality, "quality");
    Preconditions.checkNotNull(added, "added");
    Preconditions.checkNotNull(omitted, "omitted");
  }

  /** The normal form of a quality with these added and omitted intervals. */
  static ChordShape normalize(ChordQuality quality, Set<Interval> added, Set<Interval> omitted) {
    Preconditions.checkNotNull(quality, "quality");
    ImmutableSortedSet<Interval> add = ImmutableSortedSet.copyOf(Sets.difference(added, quality.intervals()));
    ImmutableSortedSet<Interval> omit = ImmutableSortedSet.copyOf(Sets.intersection(omitted, quality.intervals()));
    ImmutableSortedSet<Interval> all = intervals(quality, add, omit);
    Preconditions.checkArgument(!all.isEmpty(),
        "a chord needs at least one interval (quality %s, added %s, omitted %s)", quality.harte(), added, omitted);
    if (!add.isEmpty() || !omit.isEmpty() || quality == ChordQuality.NONE) {
      ChordQuality exact = ChordQuality.withIntervals(all).orElse(null);
      if (exact != null) {
        return new ChordShape(exact, ImmutableSortedSet.of(), ImmutableSortedSet.of());
      }
    }
    return new ChordShape(quality, add, omit);
  }

  /**
   * The shape that spells {@code intervals} with the fewest changes to a quality: fewest added plus omitted
   * intervals, then fewest omitted, then most intervals shared with the quality, then {@link ChordQuality}
   * declaration order. {@link ChordQuality#NONE} (everything added) competes too, so a rootless
   * {@code (b3,#4)} stays a bare list. Equal interval sets always give equal shapes.
   */
  static ChordShape bestFit(Set<Interval> intervals) {
    ImmutableSortedSet<Interval> target = ImmutableSortedSet.copyOf(intervals);
    Preconditions.checkArgument(!target.isEmpty(), "a chord needs at least one interval");
    ChordQuality best = ChordQuality.NONE;
    int bestCost = target.size();
    int bestOmitted = 0;
    int bestShared = 0;
    for (ChordQuality quality : ChordQuality.values()) {
      if (quality == ChordQuality.NONE) {
        continue;
      }
      int omitted = Sets.difference(quality.intervals(), target).size();
      int shared = quality.intervals().size() - omitted;
      int cost = omitted + target.size() - shared;
      if (cost < bestCost
          || (cost == bestCost && omitted < bestOmitted)
          || (cost == bestCost && omitted == bestOmitted && shared > bestShared)) {
        best = quality;
        bestCost = cost;
        bestOmitted = omitted;
        bestShared = shared;
      }
    }
    return normalize(best, Sets.difference(target, best.intervals()), Sets.difference(best.intervals(), target));
  }

  /** The sounding intervals: the quality's, less the omitted, plus the added. */
  ImmutableSortedSet<Interval> intervals() {
    return intervals(quality, added, omitted);
  }

  private static ImmutableSortedSet<Interval> intervals(
      ChordQuality quality, Set<Interval> added, Set<Interval> omitted) {
    return ImmutableSortedSet.<Interval>naturalOrder()
        .addAll(Sets.difference(quality.intervals(), omitted))
        .addAll(added)
        .build();
  }
}
