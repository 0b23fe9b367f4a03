package io.github.rocklstm.corpus;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Mode;
import io.github.rocklstm.music.PitchClass;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Krumhansl-Schmuckler key finding: the key whose rotated key profile correlates best (Pearson) with a
 * 12-bin pitch-class duration profile.
 *
 * <p>For chord sequences the profile is built by {@link #profileOf}: every pitch class of every chord gets the
 * chord's duration in beats; no-chord and unknown events add nothing. The 24 candidate keys are the 12 major and 12
 * minor keys; ties (equal correlations, e.g. a profile with the symmetry of a whole-tone scale) go to the first
 * key in the order C major, C minor, C# major, ... so the result never depends on hash or iteration order.
 *
 * <p>Used by readers whose corpus has no key annotation (Harte {@code .lab} files), by readers whose annotation
 * lacks the mode (McGill tonic lines without a CoCoPops match, jazz key signatures) and by
 * {@link Transposition} as a fallback.
 */
public final class KeyFinder {

  /** Krumhansl and Kessler's (1982) major-key probe-tone profile, C major, from C up to B. */
  public static final ImmutableList<Double> KRUMHANSL_KESSLER_MAJOR =
      ImmutableList.of(6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88);

  /** Krumhansl and Kessler's (1982) minor-key probe-tone profile, C minor, from C up to B. */
  public static final ImmutableList<Double> KRUMHANSL_KESSLER_MINOR =
      ImmutableList.of(6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17);

  private static final KeyFinder KRUMHANSL_KESSLER = new KeyFinder(KRUMHANSL_KESSLER_MAJOR, KRUMHANSL_KESSLER_MINOR);

  private final double[] major;
  private final double[] minor;

  private KeyFinder(ImmutableList<Double> majorProfile, ImmutableList<Double> minorProfile) {
    this.major = toArray(majorProfile, "majorProfile");
    this.minor = toArray(minorProfile, "minorProfile");
  }

  /** The standard Krumhansl-Schmuckler finder with the Krumhansl-Kessler profiles. */
  public static KeyFinder krumhanslKessler() {
    return KRUMHANSL_KESSLER;
  }

  /**
   * A finder with other key profiles (e.g. Temperley's), each given for C (C major, C minor) from C up to B.
   *
   * @throws IllegalArgumentException unless both profiles have 12 finite values that are not all equal
   */
  public static KeyFinder withProfiles(ImmutableList<Double> majorProfile, ImmutableList<Double> minorProfile) {
    return new KeyFinder(majorProfile, minorProfile);
  }

  /** A key and how well it fits: the Pearson correlation (-1..1) of the song's profile with the key's profile. */
  public record Estimate(Key key, double correlation) {
    public Estimate {
      Preconditions.checkNotNull(key, "key");
    }
  }

  /**
   * The best key for a 12-bin pitch-class profile (index 0 = C), or empty when the profile carries no
   * information (all bins equal, e.g. a song with no chords).
   *
   * @throws IllegalArgumentException unless the profile has 12 finite, non-negative values
   */
  public Optional<Estimate> estimate(double[] profile) {
    double[] all = correlations(profile);
    if (all == null) {
      return Optional.empty();
    }
    int best = 0;
    for (int i = 1; i < all.length; i++) {
      if (all[i] > all[best]) {
        best = i;
      }
    }
    return Optional.of(new Estimate(keyAt(best), all[best]));
  }

  /** The correlation of the profile with one key's profile; NaN when the profile has no information. */
  public double correlation(double[] profile, Key key) {
    Preconditions.checkNotNull(key, "key");
    double[] all = correlations(profile);
    return all == null ? Double.NaN : all[indexOf(key)];
  }

  /** The best key for a chord progression ({@link #profileOf(List)} of its events); empty when it has no chords. */
  public Optional<Estimate> estimate(ChordProgression progression) {
    Preconditions.checkNotNull(progression, "progression");
    return estimate(profileOf(progression.events()));
  }

  /**
   * The mode that fits a profile best for a given tonic (the tonic is known, the mode is not): major unless the
   * minor key on that tonic correlates strictly better; major for an uninformative profile.
   */
  public Mode mode(PitchClass tonic, double[] profile) {
    Preconditions.checkNotNull(tonic, "tonic");
    double major = correlation(profile, Key.major(tonic));
    double minor = correlation(profile, Key.minor(tonic));
    return minor > major ? Mode.MINOR : Mode.MAJOR;
  }

  /**
   * The duration-weighted pitch-class profile of chord events: every pitch class of a chord gets the event's beats
   * (a triad held 4 beats adds 4 to each of its three pitch classes). No-chord and unknown chords add nothing.
   */
  public static double[] profileOf(List<ChordEvent> events) {
    Preconditions.checkNotNull(events, "events");
    double[] profile = new double[12];
    Map<Chord, int[]> pitchClasses = new HashMap<>();
    for (ChordEvent event : events) {
      if (event.chord().isPitched()) {
        int[] pcs = pitchClasses.computeIfAbsent(event.chord(),
            c -> c.pitchClasses().stream().mapToInt(PitchClass::semitone).toArray());
        for (int pc : pcs) {
          profile[pc] += event.beats();
        }
      }
    }
    return profile;
  }

  /**
   * The profile of chords given as pitch-class numbers: {@code pitchClasses[i]} sounds for {@code beats[i]} beats;
   * each pitch class of a chord gets the chord's duration.
   */
  public static double[] profileOf(int[][] pitchClasses, double[] beats) {
    Preconditions.checkArgument(pitchClasses.length == beats.length, "%s chords but %s durations",
        pitchClasses.length, beats.length);
    double[] profile = new double[12];
    for (int i = 0; i < pitchClasses.length; i++) {
      for (int pc : pitchClasses[i]) {
        profile[Math.floorMod(pc, 12)] += beats[i];
      }
    }
    return profile;
  }

  /** The 24 correlations in key order (C major, C minor, C# major, ...), or null for an uninformative profile. */
  private double[] correlations(double[] profile) {
    Preconditions.checkNotNull(profile, "profile");
    Preconditions.checkArgument(profile.length == 12, "a pitch-class profile has 12 bins, not %s", profile.length);
    for (double v : profile) {
      Preconditions.checkArgument(Double.isFinite(v) && v >= 0, "profile values must be finite and >= 0: %s",
          Arrays.toString(profile));
    }
    if (variance(profile) == 0) {
      return null;
    }
    double[] result = new double[24];
    double[] rotated = new double[12];
    for (int tonic = 0; tonic < 12; tonic++) {
      for (int m = 0; m < 2; m++) {
        double[] reference = m == 0 ? major : minor;
        for (int pc = 0; pc < 12; pc++) {
          rotated[pc] = reference[Math.floorMod(pc - tonic, 12)];
        }
        result[tonic * 2 + m] = pearson(profile, rotated);
      }
    }
    return result;
  }

  private static Key keyAt(int index) {
    return new Key(PitchClass.of(index / 2), index % 2 == 0 ? Mode.MAJOR : Mode.MINOR);
  }

  private static int indexOf(Key key) {
    return key.tonic().semitone() * 2 + (key.mode() == Mode.MAJOR ? 0 : 1);
  }

  private static double pearson(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - mx;
      double dy = y[i] - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s;
  }

  private static double[] toArray(ImmutableList<Double> profile, String name) {
    Preconditions.checkNotNull(profile, name);
    Preconditions.checkArgument(profile.size() == 12, "%s needs 12 values, has %s", name, profile.size());
    double[] a = new double[12];
    for (int i = 0; i < 12; i++) {
      a[i] = profile.get(i);
      Preconditions.checkArgument(Double.isFinite(a[i]), "%s has a non-finite value: %s", name, profile);
    }
    Preconditions.checkArgument(variance(a) > 0, "%s must not be flat: %s", name, profile);
    return a;
  }
}
