package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import io.github.rocklstm.model.DeterministicRandom;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Samples token sequences from a model: {@code count} sequences, {@link GenerationConfig#batchSize()} rows per
 * {@link Session}, each START, primer, sampled tokens, END (see {@link GenerationConfig} for the rules).
 *
 * <p>Rows advance in lock step; a row that emits END is dropped from the session with {@link Session#select}, so
 * finished rows cost nothing. A row left with no allowed token (every entry masked) abandons that attempt of its
 * sequence, which is tried again later with a fresh random stream, up to {@link GenerationConfig#maxAttempts()}
 * times; then {@link #generate} throws an {@link IllegalStateException} naming the sequence, the position, the
 * prefix and the constraints.
 *
 * <p><b>Determinism.</b> Attempt {@code a} of sequence {@code i} draws only from its own {@link SplittableRandom},
 * seeded with {@code DeterministicRandom.mix(DeterministicRandom.mix(seed, i), a)}. So for a given model, sampler,
 * configuration and seed, sequence {@code i} is the same whatever the batch size and whatever {@code count} (as long
 * as {@code count > i}) — provided the session computes each row independently of the others. The fake models of
 * the tests do so bit for bit; a real backend multiplies whole batches, and if its float rounding depends on the
 * batch size, a draw that falls within rounding of a boundary between two tokens may differ. The same batch size
 * on the same backend, machine and JDK always gives the same output ({@code SplittableRandom}'s algorithm has not
 * changed since Java 8, but the JDK does not promise it never will).
 *
 * <p>Immutable and thread-safe; the model is used from the calling thread only.
 */
public final class SequenceGenerator {

  private static final System.Logger LOG = System.getLogger(SequenceGenerator.class.getName());

  private final Sampler sampler;
  private final GenerationConfig config;

  /**
   * A generator drawing with {@code sampler} under {@code config}.
   *
   * @param sampler chooses each sampled token
   * @param config lengths, primer, constraints, batch size, attempts
   */
  public SequenceGenerator(Sampler sampler, GenerationConfig config) {
    this.sampler = Preconditions.checkNotNull(sampler, "sampler");
    this.config = Preconditions.checkNotNull(config, "config");
  }

  /** The sampler. */
  public Sampler sampler() {
    return sampler;
  }

  /** The configuration. */
  public GenerationConfig config() {
    return config;
  }

  /**
   * Generates {@code count} sequences.
   *
   * @param model the model to sample from; one session of at most {@code batchSize} rows is open at a time
   * @param count how many sequences, at least 1
   * @param seed fixes every random choice (see the class comment)
   * @return the sequences in order of their index: each starts with START and the primer, ends with END, and is
   *     {@code minLength..maxLength} tokens long
   * @throws IllegalArgumentException if {@code count < 1} or a configured token lies outside the model's vocabulary
   * @throws IllegalStateException if a sequence ran out of allowed tokens in every one of its attempts
   */
  public List<int[]> generate(SequenceModel model, int count, long seed) {
    Preconditions.checkNotNull(model, "model");
    Preconditions.checkArgument(count >= 1, "count must be at least 1, got %s", count);
    int[][] results = new int[count][];
    Deque<Attempt> pending = new ArrayDeque<>();
    for (int i = 0; i < count; i++) {
      pending.add(new Attempt(i, 0));
    }
    while (!pending.isEmpty()) {
      List<Attempt> batch = new ArrayList<>();
      while (batch.size() < config.batchSize() && !pending.isEmpty()) {
        batch.add(pending.poll());
      }
      String[] failures = runBatch(model, batch, seed, results);
      for (int row = 0; row < batch.size(); row++) {
        if (failures[row] == null) {
          continue;
        }
        Attempt attempt = batch.get(row);
        if (attempt.number + 1 >= config.maxAttempts()) {
          throw new IllegalStateException("could not generate sequence " + attempt.sequence + " in "
              + config.maxAttempts() + " attempts; the last one: " + failures[row] + ". Loosen the constraints "
              + "(a larger no-copy length, fewer fixed positions, a wider length range) or allow more attempts");
        }
        String why = failures[row];
        LOG.log(System.Logger.Level.DEBUG, () -> "sequence " + attempt.sequence + ", attempt "
            + (attempt.number + 1) + " abandoned: " + why);
        pending.add(new Attempt(attempt.sequence, attempt.number + 1));
      }
    }
    return Arrays.asList(results);
  }

  /**
   * Runs one batch to the end. Fills {@code results} for the rows that finish; returns, per row, null or why its
   * attempt failed.
   */
  private String[] runBatch(SequenceModel model, List<Attempt> batch, long seed, int[][] results) {
    int rows = batch.size();
    String[] failures = new String[rows];
    int[] prefix = config.prefix();
    int[][] tokens = new int[rows][config.maxLength()];
    RandomGenerator[] randoms = new RandomGenerator[rows];
    for (int row = 0; row < rows; row++) {
      System.arraycopy(prefix, 0, tokens[row], 0, prefix.length);
      randoms[row] = random(seed, batch.get(row).sequence, batch.get(row).number);
    }
    try (Session session = model.newSession(rows)) {
      config.checkVocabulary(session.vocabularySize());
      float[][] logProbabilities = null;
      for (int token : prefix) {
        int[] column = new int[rows];
        Arrays.fill(column, token);
        logProbabilities = session.step(column);
      }
      int length = prefix.length;
      int[] live = new int[rows]; // session row -> batch row
      for (int row = 0; row < rows; row++) {
        live[row] = row;
      }
      while (true) {
        int[][] histories = new int[live.length][];
        for (int r = 0; r < live.length; r++) {
          histories[r] = Arrays.copyOf(tokens[live[r]], length);
        }
        float[][] scores = config.mask(histories, logProbabilities);
        int[] keep = new int[live.length];
        int kept = 0;
        for (int r = 0; r < live.length; r++) {
          int row = live[r];
          if (!LogSpace.hasUnmasked(scores[r])) {
            failures[row] = "every token was masked at position " + length + " after the prefix "
                + Arrays.toString(histories[r]) + " (banned " + config.bannedTokens().tokens() + ", "
                + config.lengthLimits() + ", " + config.fixedPositions() + ", constraints " + config.constraints()
                + ")";
            continue;
          }
          int token = sampler.sample(scores[r], histories[r], randoms[row]);
          tokens[row][length] = token;
          if (token == Vocabulary.END_ID) {
            results[batch.get(row).sequence] = Arrays.copyOf(tokens[row], length + 1);
          } else {
            keep[kept++] = r;
          }
        }
        length++;
        if (kept == 0) {
          return failures;
        }
        if (kept < live.length) {
          keep = Arrays.copyOf(keep, kept);
          session.select(keep);
          int[] next = new int[kept];
          for (int k = 0; k < kept; k++) {
            next[k] = live[keep[k]];
          }
          live = next;
        }
        int[] column = new int[live.length];
        for (int r = 0; r < live.length; r++) {
          column[r] = tokens[live[r]][length - 1];
        }
        logProbabilities = session.step(column);
      }
    }
  }

  /** The random stream of attempt {@code attempt} of sequence {@code sequence}. */
  static SplittableRandom random(long seed, int sequence, int attempt) {
    return new SplittableRandom(DeterministicRandom.mix(DeterministicRandom.mix(seed, sequence), attempt));
  }

  private record Attempt(int sequence, int number) {}

  @Override
  public String toString() {
    return "SequenceGenerator{sampler=" + sampler + ", config=" + config + "}";
  }
}
