package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search: keeps the {@code width} most probable partial sequences and extends them all one token at a time,
 * under the same rules as sampling ({@link GenerationConfig}: primer, banned tokens, length limits, fixed positions,
 * extra constraints).
 *
 * <p>The variant is the <em>shrinking beam</em>: at each step every live hypothesis is extended by every allowed
 * token, and the best {@code width - finished} extensions by summed log-probability are kept (equal sums: the lower
 * hypothesis index, then the higher token log-probability, then the lower token id). An extension ending in END
 * leaves the beam as a finished hypothesis and the beam narrows by one; the search ends when {@code width}
 * hypotheses have finished (at the latest at the maximum length, where END is forced). With width 1 this is exactly
 * greedy decoding. A hypothesis left with no allowed token is dropped; if none finishes the search fails. The
 * session's rows follow the hypotheses through {@link Session#select}.
 *
 * <p><b>Ranking.</b> Finished hypotheses are ranked by {@code logProbability / lp(L)} with the GNMT length
 * normaliser {@code lp(L) = ((5 + L) / 6)^alpha} (Wu et al. 2016), {@code L} the number of generated tokens (after
 * the primer, END included): {@code alpha = 0} ranks by raw log-probability, which favours short sequences; larger
 * {@code alpha} favours longer ones ({@code 0.6} to {@code 1} are usual). Normalisation only ranks finished
 * hypotheses; which extensions stay in the beam is decided by raw sums, all of the same length.
 *
 * <p>Deterministic; immutable and thread-safe.
 */
public final class BeamSearch {

  private final GenerationConfig config;
  private final int width;
  private final double lengthPenalty;

  /**
   * A beam search.
   *
   * @param config the rules; its batch size and attempts are not used
   * @param width hypotheses kept, at least 1
   * @param lengthPenalty the GNMT {@code alpha}, finite and at least 0
   */
  public BeamSearch(GenerationConfig config, int width, double lengthPenalty) {
    this.config = Preconditions.checkNotNull(config, "config");
    Preconditions.checkArgument(width >= 1, "beam width must be at least 1, got %s", width);
    if (!(lengthPenalty >= 0) || Double.isInfinite(lengthPenalty)) {
      throw new IllegalArgumentException("length penalty alpha must be finite and >= 0 (0 = rank by raw "
          + "log-probability), got " + lengthPenalty);
    }
    this.width = width;
    this.lengthPenalty = lengthPenalty;
  }

  /** The rules. */
  public GenerationConfig config() {
    return config;
  }

  /** The beam width. */
  public int width() {
    return width;
  }

  /** The GNMT length-penalty exponent {@code alpha}. */
  public double lengthPenalty() {
    return lengthPenalty;
  }

  /**
   * The GNMT length normaliser {@code ((5 + generatedTokens) / 6)^alpha}.
   *
   * @param generatedTokens tokens after the primer, END included
   * @param alpha at least 0
   */
  public static double lengthNormalizer(int generatedTokens, double alpha) {
    return Math.pow((5.0 + generatedTokens) / 6.0, alpha);
  }

  /**
   * Runs the search.
   *
   * @param model the model; one session of at most {@code width} rows is open during the search
   * @return the finished hypotheses, best score first (at most {@code width}; equal scores: higher
   *     log-probability first, then the lexicographically smaller sequence)
   * @throws IllegalArgumentException if a configured token lies outside the model's vocabulary
   * @throws IllegalStateException if every hypothesis ran out of allowed tokens before finishing
   */
  public List<BeamHypothesis> search(SequenceModel model) {
    Preconditions.checkNotNull(model, "model");
    int[] prefix = config.prefix();
    List<BeamHypothesis> finished = new ArrayList<>();
    try (Session session = model.newSession(1)) {
      config.checkVocabulary(session.vocabularySize());
      float[][] logProbabilities = null;
      for (int token : prefix) {
        logProbabilities = session.step(new int[] {token});
      }
      int[][] live = {prefix};
      double[] sums = {0};
      String lastFailure = null;
      while (live.length > 0) {
        float[][] scores = config.mask(live, logProbabilities);
        List<Extension> extensions = new ArrayList<>();
        for (int h = 0; h < live.length; h++) {
          if (!LogSpace.hasUnmasked(scores[h])) {
            lastFailure = "every token was masked at position " + live[h].length + " after " + Arrays.toString(
                live[h]);
          }
          for (int token = 0; token < scores[h].length; token++) {
            float score = scores[h][token];
            if (score > Float.NEGATIVE_INFINITY) {
              extensions.add(new Extension(h, token, score, sums[h] + score));
            }
          }
        }
        extensions.sort(Comparator.comparingDouble(Extension::sum).reversed()
            .thenComparingInt(Extension::hypothesis)
            .thenComparing(Comparator.comparingDouble(Extension::score).reversed())
            .thenComparingInt(Extension::token));
        int slots = width - finished.size();
        List<Extension> continuing = new ArrayList<>();
        for (Extension extension : extensions.subList(0, Math.min(slots, extensions.size()))) {
          if (extension.token == Vocabulary.END_ID) {
            int[] tokens = append(live[extension.hypothesis], Vocabulary.END_ID);
            int generated = tokens.length - prefix.length;
            finished.add(new BeamHypothesis(tokens, extension.sum,
                extension.sum / lengthNormalizer(generated, lengthPenalty)));
          } else {
            continuing.add(extension);
          }
        }
        if (continuing.isEmpty()) {
          break;
        }
        int[] parents = new int[continuing.size()];
        int[] column = new int[continuing.size()];
        int[][] next = new int[continuing.size()][];
        double[] nextSums = new double[continuing.size()];
        for (int i = 0; i < parents.length; i++) {
          Extension extension = continuing.get(i);
          parents[i] = extension.hypothesis;
          column[i] = extension.token;
          next[i] = append(live[extension.hypothesis], extension.token);
          nextSums[i] = extension.sum;
        }
        if (!isIdentity(parents, live.length)) {
          session.select(parents);
        }
        logProbabilities = session.step(column);
        live = next;
        sums = nextSums;
      }
      if (finished.isEmpty()) {
        throw new IllegalStateException("beam search found no sequence that satisfies the constraints: "
            + lastFailure + " (banned " + config.bannedTokens().tokens() + ", " + config.lengthLimits() + ", "
            + config.fixedPositions() + ", constraints " + config.constraints() + ")");
      }
    }
    finished.sort(Comparator.comparingDouble(BeamHypothesis::score).reversed()
        .thenComparing(Comparator.comparingDouble(BeamHypothesis::logProbability).reversed())
        .thenComparing(BeamHypothesis::tokens, Arrays::compare));
    return List.copyOf(finished);
  }

  private static boolean isIdentity(int[] rows, int batchSize) {
    if (rows.length != batchSize) {
      return false;
    }
    for (int i = 0; i < rows.length; i++) {
      if (rows[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static int[] append(int[] tokens, int token) {
    int[] longer = Arrays.copyOf(tokens, tokens.length + 1);
    longer[tokens.length] = token;
    return longer;
  }

  /** One candidate extension of a live hypothesis. */
  private record Extension(int hypothesis, int token, float score, double sum) {}

  @Override
  public String toString() {
    return "BeamSearch{width=" + width + ", lengthPenalty=" + lengthPenalty + ", config=" + config + "}";
  }
}
