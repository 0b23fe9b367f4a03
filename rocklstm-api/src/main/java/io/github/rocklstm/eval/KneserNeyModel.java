package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Interpolated modified Kneser-Ney n-gram model (Chen &amp; Goodman 1998, "An empirical study of smoothing
 * techniques for language modeling", section 3) over int token sequences, orders 1 to {@value #MAX_ORDER}.
 *
 * <h2>Probabilities</h2>
 *
 * For a model of order {@code n}, level {@code k} ({@code 1 <= k <= n}) deals with k-grams {@code h w} (context
 * {@code h} of {@code k - 1} tokens, then {@code w}):
 *
 * <pre>
 *   P_k(w | h) = (a_k(h w) - D_k(a_k(h w))) / A_k(h)  +  gamma_k(h) * P_{k-1}(w | h')
 *   A_k(h)     = sum over v of a_k(h v)
 *   gamma_k(h) = (D_k1 * N1(h) + D_k2 * N2(h) + D_k3+ * N3+(h)) / A_k(h)
 *   P_0(w)     = 1 / V
 * </pre>
 *
 * where {@code h'} is {@code h} without its oldest token, {@code N1(h), N2(h), N3+(h)} count the tokens {@code v}
 * with {@code a_k(h v)} equal to 1, 2 and at least 3, and {@code D_k(c)} is 0 for {@code c = 0}, {@code D_k1},
 * {@code D_k2} or {@code D_k3+} for {@code c = 1, 2, >= 3}. When the context was never seen ({@code A_k(h) = 0}),
 * {@code P_k(w | h) = P_{k-1}(w | h')}. The recursion ends in the uniform distribution over all {@code V} token ids,
 * so every id in the vocabulary has a non-zero probability, and for every context the probabilities sum to 1.
 *
 * <h2>Counts</h2>
 *
 * The counted events are the n-grams ending at a predicted token (every token after the first of a sequence).
 * At the highest level, {@code a_n(g)} is the raw count of {@code g}. At lower levels it is the Kneser-Ney
 * continuation count plus the occurrences that cannot be continued to the left:
 *
 * <pre>
 *   a_k(g) = N1+(. g) + s(g)     for k &lt; n
 * </pre>
 *
 * with {@code N1+(. g)} the number of distinct tokens {@code v} such that {@code v g} was seen as a (k+1)-gram and
 * {@code s(g)} the number of times {@code g} was seen at the very beginning of a sequence. With START only at the
 * head of sequences, {@code s(g)} is the raw count of every n-gram that begins with START and 0 for all others (as in
 * KenLM, whose adjusted counts are raw counts for n-grams starting with {@code <s>}).
 *
 * <h2>Discounts</h2>
 *
 * Three discounts per level, estimated from that level's count-of-counts {@code n1..n4} (numbers of k-grams with
 * adjusted count exactly 1..4):
 *
 * <pre>
 *   Y = n1 / (n1 + 2 n2),  D1 = 1 - 2Y n2/n1 (= Y),  D2 = 2 - 3Y n3/n2,  D3+ = 3 - 4Y n4/n3
 * </pre>
 *
 * A discount {@code D_r} must lie in {@code (0, r]} (so counts stay non-negative and every seen context passes some
 * mass down). Small corpora leave estimates undefined (a zero denominator) or out of range; such a discount falls
 * back to {@code Y}, the single absolute discount of Ney, Essen &amp; Kneser (1994), or to 0.5 when the level has no
 * k-gram seen once. {@link #discounts(int)} shows the values in use.
 *
 * <h2>Context at the start of a sequence</h2>
 *
 * The history of the token at position {@code i} is the up to {@code n - 1} tokens before it in the same sequence.
 * Nothing is padded: the first prediction of a sequence sees only START, so it uses levels up to 2 whatever the
 * order, with the START bigram's raw count (see {@code s(g)} above). {@link #logProbability(int[], int)} treats any
 * context shorter than {@code n - 1} the same way, as the whole history.
 *
 * <h2>Cost</h2>
 *
 * Every k-gram is a {@code long} key {@code index(prefix) * V + w} (the index of its (k-1)-token prefix at the level
 * below), kept in one sorted array per level and found by binary search; there is no limit on the vocabulary size.
 * Building is a few sorts over the training tokens per level; a probability costs about {@code n^2 / 2} binary
 * searches. A model is immutable and may be shared between threads.
 */
public final class KneserNeyModel implements LanguageModel {

  /** The highest supported order. */
  public static final int MAX_ORDER = 5;

  /**
   * The three discounts of one level.
   *
   * @param d1 subtracted from adjusted counts of 1
   * @param d2 subtracted from adjusted counts of 2
   * @param d3Plus subtracted from adjusted counts of 3 or more
   */
  public record Discounts(double d1, double d2, double d3Plus) {

    /** Checks {@code 0 < d1 <= 1}, {@code 0 < d2 <= 2} and {@code 0 < d3Plus <= 3}. */
    public Discounts {
      Preconditions.checkArgument(d1 > 0 && d1 <= 1 && d2 > 0 && d2 <= 2 && d3Plus > 0 && d3Plus <= 3,
          "discounts must satisfy 0 < D1 <= 1, 0 < D2 <= 2, 0 < D3+ <= 3, got %s, %s, %s", d1, d2, d3Plus);
    }

    /**
     * Chen &amp; Goodman's estimates from the count-of-counts, with the fallback described in {@link
     * KneserNeyModel}.
     */
    public static Discounts estimate(long n1, long n2, long n3, long n4) {
      Preconditions.checkArgument(n1 >= 0 && n2 >= 0 && n3 >= 0 && n4 >= 0, "count-of-counts must be >= 0, got %s, %s,"
          + " %s, %s", n1, n2, n3, n4);
      double y = n1 + 2 * n2 > 0 ? (double) n1 / (n1 + 2 * n2) : 0.0;
      double d2 = n2 > 0 ? 2 - 3 * y * n3 / n2 : Double.NaN;
      double d3 = n3 > 0 ? 3 - 4 * y * n4 / n3 : Double.NaN;
      double fallback = y > 0 ? y : 0.5;
      return new Discounts(valid(y, 1) ? y : fallback, valid(d2, 2) ? d2 : fallback, valid(d3, 3) ? d3 : fallback);
    }

    private static boolean valid(double discount, int count) {
      return discount > 0 && discount <= count;
    }

    /** The discount for an adjusted count: 0 for 0, then {@code d1}, {@code d2}, {@code d3Plus}. */
    public double of(long count) {
      return count <= 0 ? 0.0 : count == 1 ? d1 : count == 2 ? d2 : d3Plus;
    }
  }

  private final int order;
  private final int vocabularySize;
  private final long trainingTokens;
  /** {@code keys[k]}: sorted keys of every k-gram in the training data, {@code k >= 2}; level 1 uses token ids. */
  private final long[][] keys;
  /** {@code adjusted[k][type]}: the adjusted count of a k-gram, indexed like {@code keys[k]} (token id for k = 1). */
  private final int[][] adjusted;
  /** {@code contextTotal[k][h]}: {@code A_k(h)}, indexed by the (k-1)-gram's index (0 for the empty context). */
  private final long[][] contextTotal;
  /** {@code contextMass[k][h]}: {@code D_k1 N1(h) + D_k2 N2(h) + D_k3+ N3+(h)}, the numerator of gamma. */
  private final double[][] contextMass;
  private final Discounts[] discounts;
  private final int[] seenTypes;

  private KneserNeyModel(int order, int vocabularySize, long trainingTokens, long[][] keys, int[][] adjusted,
      long[][] contextTotal, double[][] contextMass, Discounts[] discounts, int[] seenTypes) {
    this.order = order;
    this.vocabularySize = vocabularySize;
    this.trainingTokens = trainingTokens;
    this.keys = keys;
    this.adjusted = adjusted;
    this.contextTotal = contextTotal;
    this.contextMass = contextMass;
    this.discounts = discounts;
    this.seenTypes = seenTypes;
  }

  /**
   * Counts the n-grams of {@code sequences} and estimates the discounts.
   *
   * @param sequences training sequences (START first, END last by convention), each at least two ids in {@code [0,
   *     vocabularySize)}; at least one sequence
   * @param vocabularySize number of token ids, at least 1
   * @param order the n-gram order, 1 to {@value #MAX_ORDER}
   * @throws IllegalArgumentException on any bad argument, naming the sequence and position
   */
  public static KneserNeyModel fit(Iterable<int[]> sequences, int vocabularySize, int order) {
    Preconditions.checkNotNull(sequences, "sequences");
    TokenSequences.checkVocabularySize(vocabularySize);
    TokenSequences.checkOrder(order, 1, MAX_ORDER);
    List<int[]> list = new ArrayList<>();
    long length = 0;
    for (int[] sequence : sequences) {
      TokenSequences.checkSequence(sequence, list.size(), vocabularySize);
      list.add(sequence);
      length += sequence.length;
    }
    Preconditions.checkArgument(!list.isEmpty(), "no training sequences");
    Preconditions.checkArgument(length < Integer.MAX_VALUE, "too many training tokens: %s", length);
    int total = (int) length;
    int[] tokens = new int[total];
    int[] offset = new int[total];
    int at = 0;
    for (int[] sequence : list) {
      for (int i = 0; i < sequence.length; i++, at++) {
        tokens[at] = sequence[i];
        offset[at] = i;
      }
    }
    return build(tokens, offset, vocabularySize, order, total - list.size());
  }

  private static KneserNeyModel build(int[] tokens, int[] offset, int vocabularySize, int order, long predicted) {
    int total = tokens.length;
    long v = vocabularySize;
    long[][] keys = new long[order + 1][];
    // gramIndex[k][p]: index of the k-gram ending at position p (or -1 where the sequence is shorter).
    int[][] gramIndex = new int[order + 1][];
    gramIndex[1] = tokens;
    for (int k = 2; k <= order; k++) {
      long[] all = new long[total];
      int size = 0;
      for (int p = 0; p < total; p++) {
        if (offset[p] >= k - 1) {
          all[size++] = gramIndex[k - 1][p - 1] * v + tokens[p];
        }
      }
      long[] sorted = Arrays.copyOf(all, size);
      Arrays.sort(sorted);
      keys[k] = unique(sorted);
      int[] index = new int[total];
      for (int p = 0; p < total; p++) {
        index[p] = offset[p] >= k - 1
            ? Arrays.binarySearch(keys[k], gramIndex[k - 1][p - 1] * v + tokens[p])
            : -1;
      }
      gramIndex[k] = index;
    }

    int[][] adjusted = new int[order + 1][];
    for (int k = 1; k <= order; k++) {
      int[] counts = new int[types(keys, k, vocabularySize)];
      if (k == order) {
        for (int p = 0; p < total; p++) {
          if (offset[p] >= Math.max(1, k - 1)) {
            counts[gramIndex[k][p]]++;
          }
        }
      } else {
        boolean[] extensionSeen = new boolean[types(keys, k + 1, vocabularySize)];
        for (int p = 0; p < total; p++) {
          if (k >= 2 && offset[p] == k - 1) {
            counts[gramIndex[k][p]]++; // s(g): starts at the head of its sequence, nothing to its left
          }
          if (offset[p] >= k) {
            int extension = gramIndex[k + 1][p];
            if (!extensionSeen[extension]) {
              extensionSeen[extension] = true;
              counts[gramIndex[k][p]]++; // one more distinct left neighbour: N1+(. g)
            }
          }
        }
      }
      adjusted[k] = counts;
    }

    Discounts[] discounts = new Discounts[order + 1];
    long[][] contextTotal = new long[order + 1][];
    double[][] contextMass = new double[order + 1][];
    int[] seenTypes = new int[order + 1];
    for (int k = 1; k <= order; k++) {
      int[] counts = adjusted[k];
      long[] countOfCounts = new long[5];
      for (int count : counts) {
        if (count > 0) {
          seenTypes[k]++;
          if (count <= 4) {
            countOfCounts[count]++;
          }
        }
      }
      Discounts d = Discounts.estimate(countOfCounts[1], countOfCounts[2], countOfCounts[3], countOfCounts[4]);
      discounts[k] = d;
      int contexts = k == 1 ? 1 : types(keys, k - 1, vocabularySize);
      long[] totals = new long[contexts];
      double[] mass = new double[contexts];
      for (int type = 0; type < counts.length; type++) {
        if (counts[type] > 0) {
          int context = k == 1 ? 0 : (int) (keys[k][type] / v);
          totals[context] += counts[type];
          mass[context] += d.of(counts[type]);
        }
      }
      contextTotal[k] = totals;
      contextMass[k] = mass;
    }
    return new KneserNeyModel(order, vocabularySize, predicted, keys, adjusted, contextTotal, contextMass, discounts,
        seenTypes);
  }

  private static int types(long[][] keys, int level, int vocabularySize) {
    return level == 1 ? vocabularySize : keys[level].length;
  }

  private static long[] unique(long[] sorted) {
    if (sorted.length == 0) {
      return sorted;
    }
    int size = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[size - 1]) {
        sorted[size++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, size);
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public int vocabularySize() {
    return vocabularySize;
  }

  /** Number of predicted tokens the model was trained on. */
  public long trainingTokens() {
    return trainingTokens;
  }

  /**
   * The discounts used at {@code level} (n-gram length, 1 to {@link #order()}).
   *
   * @throws IllegalArgumentException for a level outside {@code 1..order()}
   */
  public Discounts discounts(int level) {
    checkLevel(level);
    return discounts[level];
  }

  /** Number of distinct k-grams with a non-zero adjusted count at {@code level} (1 to {@link #order()}). */
  public int ngramTypes(int level) {
    checkLevel(level);
    return seenTypes[level];
  }

  /**
   * The adjusted count {@code a_k(ngram)} with {@code k = ngram.length} (raw count at the highest level,
   * continuation count plus sequence-start count below; see the class comment); 0 for an n-gram never seen.
   */
  public long adjustedCount(int... ngram) {
    TokenSequences.checkContext(ngram, vocabularySize);
    Preconditions.checkArgument(ngram.length >= 1 && ngram.length <= order,
        "n-gram length must be 1..%s (the model's order), got %s", order, ngram.length);
    int type = indexOf(ngram, 0, ngram.length);
    return type < 0 ? 0 : adjusted[ngram.length][type];
  }

  /** {@inheritDoc} Rounding is clamped: the result is never above 0. */
  @Override
  public double logProbability(int[] context, int token) {
    TokenSequences.checkContext(context, vocabularySize);
    TokenSequences.checkToken(token, vocabularySize);
    return Math.min(0.0, Math.log(probability(context, 0, context.length, token)));
  }

  /** {@code p(token | context)}; see {@link #logProbability(int[], int)}. */
  public double probability(int[] context, int token) {
    TokenSequences.checkContext(context, vocabularySize);
    TokenSequences.checkToken(token, vocabularySize);
    return probability(context, 0, context.length, token);
  }

  /** The whole distribution after {@code context}, computed with one context look-up per level. */
  @Override
  public double[] probabilities(int[] context) {
    TokenSequences.checkContext(context, vocabularySize);
    double[] p = new double[vocabularySize];
    Arrays.fill(p, 1.0 / vocabularySize);
    int levels = Math.min(order - 1, context.length) + 1;
    for (int k = 1; k <= levels; k++) {
      int h = k == 1 ? 0 : indexOf(context, context.length - (k - 1), context.length);
      if (h < 0 || contextTotal[k][h] == 0) {
        break;
      }
      double totalCount = contextTotal[k][h];
      double mass = contextMass[k][h];
      for (int w = 0; w < vocabularySize; w++) {
        long count = count(k, h, w);
        p[w] = (count - discounts[k].of(count) + mass * p[w]) / totalCount;
      }
    }
    return p;
  }

  /** Scores without copying contexts; same result as the interface's definition. */
  @Override
  public Likelihood score(Iterable<int[]> sequences) {
    Preconditions.checkNotNull(sequences, "sequences");
    double logLikelihood = 0;
    long tokens = 0;
    long index = 0;
    for (int[] sequence : sequences) {
      TokenSequences.checkSequence(sequence, index++, vocabularySize);
      for (int i = 1; i < sequence.length; i++) {
        double p = probability(sequence, Math.max(0, i - (order - 1)), i, sequence[i]);
        logLikelihood += Math.min(0.0, Math.log(p));
      }
      tokens += sequence.length - 1;
    }
    Preconditions.checkArgument(index > 0, "no sequences to score");
    return new Likelihood(logLikelihood, tokens);
  }

  /** p(token | tokens[from..to)), the context already checked. */
  private double probability(int[] tokens, int from, int to, int token) {
    double p = 1.0 / vocabularySize;
    int levels = Math.min(order - 1, to - from) + 1;
    for (int k = 1; k <= levels; k++) {
      int h = k == 1 ? 0 : indexOf(tokens, to - (k - 1), to);
      if (h < 0 || contextTotal[k][h] == 0) {
        break; // unseen context: so are all longer ones, P_k = P_{k-1} from here up
      }
      long count = count(k, h, token);
      p = (count - discounts[k].of(count) + contextMass[k][h] * p) / contextTotal[k][h];
    }
    return p;
  }

  /** a_k(h w), h given by its index at level k - 1. */
  private long count(int level, int context, int token) {
    if (level == 1) {
      return adjusted[1][token];
    }
    int type = Arrays.binarySearch(keys[level], context * (long) vocabularySize + token);
    return type < 0 ? 0 : adjusted[level][type];
  }

  /** Index of the n-gram tokens[from..to) at level to - from, or -1 when it never occurred in training. */
  private int indexOf(int[] tokens, int from, int to) {
    int index = tokens[from];
    for (int j = from + 1; j < to && index >= 0; j++) {
      index = Arrays.binarySearch(keys[j - from + 1], index * (long) vocabularySize + tokens[j]);
    }
    return index < 0 ? -1 : index;
  }

  private void checkLevel(int level) {
    Preconditions.checkArgument(level >= 1 && level <= order, "level must be 1..%s (the model's order), got %s", order,
        level);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "KneserNeyModel[order=%d, vocabulary=%d, trainingTokens=%d, types=%s]", order,
        vocabularySize, trainingTokens, Arrays.toString(Arrays.copyOfRange(seenTypes, 1, order + 1)));
  }
}
