package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * Every n-gram (of one fixed order {@code n}) of a set of token sequences, organised by context: for each
 * {@code (n-1)}-gram it knows which tokens followed it. The {@link NoCopyConstraint} asks, for the last {@code n-1}
 * tokens of a row, which continuations would reproduce a training n-gram.
 *
 * <p>Built in one pass: each context's 64-bit polynomial hash is updated in O(1) per position (a rolling hash), and
 * contexts live in an open-addressing table of hashes. Lookups are exact: a hash match is verified against the
 * stored tokens of the context, so two contexts with the same hash are told apart. Memory is about
 * {@code (n - 1) + 6} ints per distinct context plus 4 bytes per distinct n-gram. Every window of every sequence
 * counts, START and END included. Immutable and thread-safe once built.
 */
public final class NGramIndex {

  /** Odd multiplier of the polynomial hash. */
  private static final long HASH_BASE = 0x9E3779B97F4A7C15L;

  private final int order;
  private final long base;
  /** Open-addressing table: slot to (entry + 1), 0 = empty. */
  private final int[] slots;
  private final long[] slotHashes;
  private final int mask;
  /** The {@code order - 1} tokens of each entry's context, entry after entry. */
  private final int[] contextTokens;
  /** Sorted distinct continuations of each entry. */
  private final int[][] continuations;
  private final long ngramCount;

  private NGramIndex(int order, long base, Builder builder) {
    this.order = order;
    this.base = base;
    this.slots = builder.slots;
    this.slotHashes = builder.slotHashes;
    this.mask = builder.slots.length - 1;
    this.contextTokens = Arrays.copyOf(builder.contextTokens, builder.entries * (order - 1));
    this.continuations = new int[builder.entries][];
    long count = 0;
    for (int entry = 0; entry < builder.entries; entry++) {
      int[] set = Arrays.copyOf(builder.continuations[entry], builder.continuationCounts[entry]);
      Arrays.sort(set);
      continuations[entry] = set;
      count += set.length;
    }
    this.ngramCount = count;
  }

  /**
   * Indexes every n-gram of order {@code order} in {@code sequences}; sequences shorter than {@code order} add
   * nothing.
   *
   * @param sequences token sequences, ids at least 0
   * @param order n-gram length, at least 2 (a context of at least one token)
   * @throws IllegalArgumentException naming the sequence and position of a negative id
   */
  public static NGramIndex build(Iterable<int[]> sequences, int order) {
    return build(sequences, order, HASH_BASE);
  }

  /** {@link #build(Iterable, int)} with another hash base: tests use a degenerate one to force collisions. */
  static NGramIndex build(Iterable<int[]> sequences, int order, long base) {
    Preconditions.checkNotNull(sequences, "sequences");
    Preconditions.checkArgument(order >= 2, "n-gram order must be at least 2 (a context and a continuation), got %s",
        order);
    int contextLength = order - 1;
    long topPower = power(base, contextLength - 1);
    Builder builder = new Builder(contextLength);
    int index = 0;
    for (int[] sequence : sequences) {
      Preconditions.checkArgument(sequence != null, "sequence %s is null", index);
      for (int position = 0; position < sequence.length; position++) {
        if (sequence[position] < 0) {
          throw new IllegalArgumentException("sequence " + index + ", position " + position + ": token id "
              + sequence[position] + " is negative");
        }
      }
      if (sequence.length >= order) {
        long hash = hash(sequence, 0, contextLength, base);
        for (int start = 0; start + contextLength < sequence.length; start++) {
          if (start > 0) {
            hash = (hash - sequence[start - 1] * topPower) * base + sequence[start + contextLength - 1];
          }
          builder.add(sequence, start, hash, sequence[start + contextLength]);
        }
      }
      index++;
    }
    return new NGramIndex(order, base, builder);
  }

  /** The n-gram length {@code n}. */
  public int order() {
    return order;
  }

  /** The number of distinct n-grams. */
  public long ngramCount() {
    return ngramCount;
  }

  /** The number of distinct contexts ({@code (n-1)}-grams followed by at least one token). */
  public int contextCount() {
    return continuations.length;
  }

  /**
   * The tokens that follow the context {@code tokens[from .. from + order - 2]} somewhere in the indexed
   * sequences, in increasing order; empty if the context never occurs (a fresh array each call).
   */
  public int[] continuations(int[] tokens, int from) {
    checkWindow(tokens, from, order - 1);
    int entry = find(tokens, from);
    return entry < 0 ? new int[0] : continuations[entry].clone();
  }

  /** Whether the n-gram {@code tokens[from .. from + order - 1]} occurs in the indexed sequences. */
  public boolean contains(int[] tokens, int from) {
    checkWindow(tokens, from, order);
    int entry = find(tokens, from);
    return entry >= 0 && Arrays.binarySearch(continuations[entry], tokens[from + order - 1]) >= 0;
  }

  /**
   * The start of the first n-gram of {@code sequence} that occurs in the indexed sequences, or -1 if none does
   * (then no run of {@code order} or more tokens of {@code sequence} is copied from them).
   */
  public int firstOccurrence(int[] sequence) {
    Preconditions.checkNotNull(sequence, "sequence");
    for (int start = 0; start + order <= sequence.length; start++) {
      if (contains(sequence, start)) {
        return start;
      }
    }
    return -1;
  }

  private int find(int[] tokens, int from) {
    long hash = hash(tokens, from, order - 1, base);
    for (int slot = slot(hash, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
      if (slotHashes[slot] == hash && sameContext(slots[slot] - 1, tokens, from)) {
        return slots[slot] - 1;
      }
    }
    return -1;
  }

  private boolean sameContext(int entry, int[] tokens, int from) {
    int contextLength = order - 1;
    return Arrays.equals(contextTokens, entry * contextLength, (entry + 1) * contextLength, tokens, from,
        from + contextLength);
  }

  private static void checkWindow(int[] tokens, int from, int length) {
    Preconditions.checkNotNull(tokens, "tokens");
    if (from < 0 || from + length > tokens.length) {
      throw new IllegalArgumentException("a window of " + length + " tokens from position " + from
          + " does not fit in " + tokens.length + " tokens");
    }
  }

  /** {@code sum tokens[from + j] * base^(length - 1 - j)} modulo 2^64. */
  private static long hash(int[] tokens, int from, int length, long base) {
    long hash = 0;
    for (int j = 0; j < length; j++) {
      hash = hash * base + tokens[from + j];
    }
    return hash;
  }

  private static long power(long base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result *= base;
    }
    return result;
  }

  /** The table slot of a hash: the hash's bits mixed (SplitMix64's finaliser), then masked. */
  private static int slot(long hash, int mask) {
    long z = hash;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) (z ^ (z >>> 31)) & mask;
  }

  @Override
  public String toString() {
    return "NGramIndex{order=" + order + ", contexts=" + contextCount() + ", ngrams=" + ngramCount + "}";
  }

  /** The growing table during {@link #build}. */
  private static final class Builder {
    private final int contextLength;
    private int[] slots = new int[1024];
    private long[] slotHashes = new long[1024];
    private int entries;
    private int[] contextTokens;
    private int[][] continuations = new int[256][];
    private int[] continuationCounts = new int[256];

    Builder(int contextLength) {
      this.contextLength = contextLength;
      this.contextTokens = new int[256 * contextLength];
    }

    void add(int[] sequence, int start, long hash, int next) {
      int mask = slots.length - 1;
      int slot = slot(hash, mask);
      while (slots[slot] != 0) {
        int entry = slots[slot] - 1;
        if (slotHashes[slot] == hash && Arrays.equals(contextTokens, entry * contextLength,
            (entry + 1) * contextLength, sequence, start, start + contextLength)) {
          addContinuation(entry, next);
          return;
        }
        slot = (slot + 1) & mask;
      }
      int entry = newEntry(sequence, start);
      slots[slot] = entry + 1;
      slotHashes[slot] = hash;
      addContinuation(entry, next);
      if (2L * entries > slots.length) {
        grow();
      }
    }

    private int newEntry(int[] sequence, int start) {
      if (entries == continuations.length) {
        int capacity = entries * 2;
        continuations = Arrays.copyOf(continuations, capacity);
        continuationCounts = Arrays.copyOf(continuationCounts, capacity);
        contextTokens = Arrays.copyOf(contextTokens, capacity * contextLength);
      }
      System.arraycopy(sequence, start, contextTokens, entries * contextLength, contextLength);
      continuations[entries] = new int[2];
      return entries++;
    }

    private void addContinuation(int entry, int next) {
      int[] set = continuations[entry];
      int count = continuationCounts[entry];
      for (int i = 0; i < count; i++) {
        if (set[i] == next) {
          return;
        }
      }
      if (count == set.length) {
        set = Arrays.copyOf(set, count * 2);
        continuations[entry] = set;
      }
      set[count] = next;
      continuationCounts[entry] = count + 1;
    }

    private void grow() {
      int[] oldSlots = slots;
      long[] oldHashes = slotHashes;
      slots = new int[oldSlots.length * 2];
      slotHashes = new long[oldSlots.length * 2];
      int mask = slots.length - 1;
      for (int old = 0; old < oldSlots.length; old++) {
        if (oldSlots[old] != 0) {
          int slot = slot(oldHashes[old], mask);
          while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          slots[slot] = oldSlots[old];
          slotHashes[slot] = oldHashes[old];
        }
      }
    }
  }
}
