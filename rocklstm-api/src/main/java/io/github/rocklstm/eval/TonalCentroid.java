package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.PitchClass;
import java.util.Collection;

/**
 * The tonal centroid of Harte, Sandler &amp; Gasser (2006, "Detecting harmonic change in musical audio", ACM
 * workshop on audio and music computing multimedia): a chord's pitch classes projected onto three circles, the circle
 * of fifths, the circle of minor thirds and the circle of major thirds, and averaged.
 *
 * <pre>
 *   zeta(d) = (1 / |P|) * sum over pitch classes l in P of Phi(d, l),   d = 0..5
 *   Phi(0, l) = r1 sin(l 7pi/6)   Phi(1, l) = r1 cos(l 7pi/6)    fifths:        a fifth (7 semitones) is 30 degrees
 *   Phi(2, l) = r2 sin(l 3pi/2)   Phi(3, l) = r2 cos(l 3pi/2)    minor thirds:  a minor third is 90 degrees
 *   Phi(4, l) = r3 sin(l 2pi/3)   Phi(5, l) = r3 cos(l 2pi/3)    major thirds:  a major third is 120 degrees
 *   r1 = 1, r2 = 1, r3 = 0.5
 * </pre>
 *
 * with {@code l} the pitch class in semitones above C and {@code P} the set of pitch classes that sound (a binary
 * chroma vector normalised to sum 1, as the paper's L1 normalisation of the chroma does). Transposing a chord turns
 * every circle by a fixed angle, so the distance between two chords' centroids does not depend on the key. For two
 * single pitch classes {@code k} semitones apart the squared distance is {@code sum of r^2 (2 - 2 cos(k theta))} over
 * the three circles.
 */
public final class TonalCentroid {

  /** Radius of the circle of fifths. */
  public static final double R1 = 1.0;
  /** Radius of the circle of minor thirds. */
  public static final double R2 = 1.0;
  /** Radius of the circle of major thirds. */
  public static final double R3 = 0.5;

  private static final double[][] PHI = new double[12][6];

  static {
    // The angles l 7pi/6, l 3pi/2 and l 2pi/3 taken modulo 2 pi first, for accuracy: (7 l mod 12) steps of 30
    // degrees, (3 l mod 4) steps of 90, (l mod 3) steps of 120.
    for (int l = 0; l < 12; l++) {
      double fifths = (7 * l % 12) * Math.PI / 6;
      double minorThirds = (3 * l % 4) * Math.PI / 2;
      double majorThirds = (l % 3) * 2 * Math.PI / 3;
      PHI[l][0] = R1 * Math.sin(fifths);
      PHI[l][1] = R1 * Math.cos(fifths);
      PHI[l][2] = R2 * Math.sin(minorThirds);
      PHI[l][3] = R2 * Math.cos(minorThirds);
      PHI[l][4] = R3 * Math.sin(majorThirds);
      PHI[l][5] = R3 * Math.cos(majorThirds);
    }
  }

  private TonalCentroid() {}

  /**
   * The 6-D centroid of a set of pitch classes (each counted once).
   *
   * @throws IllegalArgumentException when there is no pitch class
   */
  public static double[] of(Collection<PitchClass> pitchClasses) {
    Preconditions.checkNotNull(pitchClasses, "pitchClasses");
    Preconditions.checkArgument(!pitchClasses.isEmpty(), "a tonal centroid needs at least one pitch class");
    boolean[] present = new boolean[12];
    for (PitchClass pitchClass : pitchClasses) {
      present[pitchClass.semitone()] = true;
    }
    double[] centroid = new double[6];
    int count = 0;
    for (int l = 0; l < 12; l++) {
      if (present[l]) {
        count++;
        for (int d = 0; d < 6; d++) {
          centroid[d] += PHI[l][d];
        }
      }
    }
    for (int d = 0; d < 6; d++) {
      centroid[d] /= count;
    }
    return centroid;
  }

  /**
   * The centroid of a chord's sounding pitch classes ({@link Chord#pitchClasses()}).
   *
   * @throws IllegalArgumentException for {@link Chord#NO_CHORD} and {@link Chord#UNKNOWN}, which have none
   */
  public static double[] of(Chord chord) {
    Preconditions.checkNotNull(chord, "chord");
    Preconditions.checkArgument(chord.isPitched(), "%s has no pitch classes and so no tonal centroid", chord);
    return of(chord.pitchClasses());
  }

  /** The Euclidean distance between the centroids of two chords. */
  public static double distance(Chord first, Chord second) {
    return euclidean(of(first), of(second));
  }

  static double euclidean(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double difference = a[d] - b[d];
      sum += difference * difference;
    }
    return Math.sqrt(sum);
  }
}
