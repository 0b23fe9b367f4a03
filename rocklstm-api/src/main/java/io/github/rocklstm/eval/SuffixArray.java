package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.Arrays;

/**
 * The suffix array of an int text, and the longest prefix of a pattern found anywhere in the text.
 *
 * <p>Built by prefix doubling (Manber &amp; Myers 1993): every round sorts the suffixes by the ranks of their first
 * {@code 2k} symbols, packed with the position into one {@code long} so that {@link Arrays#sort(long[])} does the
 * work; at most {@code log2(n) + 1} rounds of {@code O(n log n)}. Ranks and positions take 21 bits each, so the text
 * holds fewer than {@value #MAX_LENGTH} + 1 symbols.
 */
final class SuffixArray {

  /** The longest text this class indexes: 2^21 - 1 symbols. */
  static final int MAX_LENGTH = (1 << 21) - 1;

  private static final long MASK = (1L << 21) - 1;

  private final int[] text;
  private final int[] suffixes;

  SuffixArray(int[] text) {
    Preconditions.checkArgument(text.length >= 1 && text.length <= MAX_LENGTH, "a suffix array indexes 1..%s symbols,"
        + " got %s", MAX_LENGTH, text.length);
    this.text = text;
    this.suffixes = sort(text);
  }

  private static int[] sort(int[] text) {
    int n = text.length;
    int[] rank = new int[n];
    int[] distinct = Arrays.stream(text).sorted().distinct().toArray();
    for (int i = 0; i < n; i++) {
      rank[i] = Arrays.binarySearch(distinct, text[i]);
    }
    int[] suffixes = new int[n];
    long[] keys = new long[n];
    int[] next = new int[n];
    for (int k = 1; ; k <<= 1) {
      for (int i = 0; i < n; i++) {
        long second = i + k < n ? rank[i + k] + 1 : 0;
        keys[i] = ((long) rank[i] << 42) | (second << 21) | i;
      }
      Arrays.sort(keys);
      int r = 0;
      for (int j = 0; j < n; j++) {
        if (j > 0 && (keys[j] >>> 21) != (keys[j - 1] >>> 21)) {
          r++;
        }
        suffixes[j] = (int) (keys[j] & MASK);
        next[suffixes[j]] = r;
      }
      int[] swap = rank;
      rank = next;
      next = swap;
      if (r == n - 1 || k >= n) {
        return suffixes;
      }
    }
  }

  /** Number of symbols. */
  int length() {
    return text.length;
  }

  /** The start of the suffix of rank {@code index} (0 is the smallest). */
  int suffix(int index) {
    return suffixes[index];
  }

  /**
   * The longest prefix of {@code pattern[start..]} that occurs in the text, as its length and the range of suffix
   * ranks that begin with it. The text must end with a symbol the pattern never contains (a separator), so that no
   * match runs past its end.
   *
   * @return {@code {length, firstRank, endRank}}: suffix ranks {@code firstRank} (inclusive) to {@code endRank}
   *     (exclusive) start with the match; the whole array for length 0
   */
  int[] longestPrefixMatch(int[] pattern, int start) {
    int lo = 0;
    int hi = text.length;
    int length = 0;
    while (start + length < pattern.length) {
      int symbol = pattern[start + length];
      int first = lowerBound(lo, hi, length, symbol);
      int end = symbol == Integer.MAX_VALUE ? hi : lowerBound(first, hi, length, symbol + 1);
      if (first == end) {
        break;
      }
      lo = first;
      hi = end;
      length++;
    }
    return new int[] {length, lo, hi};
  }

  /** The first rank in {@code [lo, hi)} whose symbol at {@code offset} is at least {@code symbol}. */
  private int lowerBound(int lo, int hi, int offset, int symbol) {
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int position = suffixes[mid] + offset;
      int at = position < text.length ? text[position] : Integer.MIN_VALUE;
      if (at < symbol) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
