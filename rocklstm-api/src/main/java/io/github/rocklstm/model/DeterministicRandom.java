package io.github.rocklstm.model;

import com.google.common.base.Preconditions;

/**
 * A seeded pseudo-random generator whose output is fixed by this class alone (SplitMix64, Steele, Lea and Flood
 * 2014), so that weight initialisation and window shuffling give the same numbers on every JDK and in every
 * backend. Not thread-safe; not for cryptography.
 */
public final class DeterministicRandom {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian;
  private boolean hasSpareGaussian;

  /** A generator seeded with {@code seed}. */
  public DeterministicRandom(long seed) {
    this.state = seed;
  }

  /**
   * A well-mixed seed derived from {@code seed} and {@code salt}, for independent streams such as "epoch 3 of seed
   * 42" or "tensor 5 of seed 42".
   */
  public static long mix(long seed, long salt) {
    return finish(seed * GOLDEN_GAMMA + finish(salt + GOLDEN_GAMMA));
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The next 64 random bits. */
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return finish(state);
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A uniform int in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    Preconditions.checkArgument(bound > 0, "bound must be > 0, got %s", bound);
    long bits = nextLong() >>> 1;
    long value = bits % bound;
    // Reject draws from the incomplete last block of 63-bit values, which would bias small remainders.
    while (bits - value + (bound - 1) < 0) {
      bits = nextLong() >>> 1;
      value = bits % bound;
    }
    return (int) value;
  }

  /** A standard normal value (Marsaglia's polar method). */
  public double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    hasSpareGaussian = true;
    return u * factor;
  }

  /** Shuffles {@code values} in place (Fisher-Yates). */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
