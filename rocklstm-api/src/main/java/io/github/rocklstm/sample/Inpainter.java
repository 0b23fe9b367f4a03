package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fills gaps in a token sequence: each gap position gets one token, everything else stays.
 *
 * <p>A left-to-right model cannot look ahead, so the inpainter proposes and then judges: it samples {@link
 * InpaintingConfig#samples()} complete sequences with {@link SequenceGenerator}, feeding the tokens before the
 * first gap as the primer and fixing every non-gap position after it (the right context, END included) with
 * {@link FixedPositions}; then it removes duplicates and ranks the distinct candidates by the model's
 * log-likelihood of the <em>whole</em> sequence ({@link SequenceModel#score}), so that how well a fill leads into
 * the right context counts. The best {@link InpaintingConfig#keep()} are returned (fewer if fewer distinct fills
 * were drawn).
 *
 * <p>Deterministic for a given seed (see {@link SequenceGenerator} for what that guarantees); immutable and
 * thread-safe.
 */
public final class Inpainter {

  private final InpaintingConfig config;

  /** An inpainter with the given settings. */
  public Inpainter(InpaintingConfig config) {
    this.config = Preconditions.checkNotNull(config, "config");
  }

  /** The settings. */
  public InpaintingConfig config() {
    return config;
  }

  /**
   * Fills the positions that hold MASK.
   *
   * @param model the model that samples and scores
   * @param sequence START, tokens with at least one MASK, END
   * @param seed fixes the sampling
   * @return the best distinct candidates, highest log-likelihood first (equal values: the lexicographically
   *     smaller sequence first)
   * @throws IllegalArgumentException if the sequence is malformed or holds no MASK
   */
  public List<InpaintingCandidate> inpaint(SequenceModel model, int[] sequence, long seed) {
    Preconditions.checkNotNull(sequence, "sequence");
    int[] gaps = new int[sequence.length];
    int count = 0;
    for (int position = 0; position < sequence.length; position++) {
      if (sequence[position] == Vocabulary.MASK_ID) {
        gaps[count++] = position;
      }
    }
    Preconditions.checkArgument(count > 0, "the sequence holds no MASK token (id %s), so there is no gap to fill: %s",
        Vocabulary.MASK_ID, Arrays.toString(sequence));
    return inpaint(model, sequence, Arrays.copyOf(gaps, count), seed);
  }

  /**
   * Fills the given positions, whatever they hold now.
   *
   * @param model the model that samples and scores
   * @param sequence START, tokens, END; MASK only at gap positions
   * @param gapPositions strictly increasing positions in {@code 1..length-2}, at least one
   * @param seed fixes the sampling
   * @return the best distinct candidates, highest log-likelihood first (equal values: the lexicographically
   *     smaller sequence first)
   * @throws IllegalArgumentException if the sequence or the gaps are malformed
   */
  public List<InpaintingCandidate> inpaint(SequenceModel model, int[] sequence, int[] gapPositions, long seed) {
    Preconditions.checkNotNull(model, "model");
    checkSequence(sequence, gapPositions);
    int firstGap = gapPositions[0];
    GenerationConfig.Builder generation = GenerationConfig.builder()
        .batchSize(config.batchSize())
        .minLength(sequence.length)
        .maxLength(sequence.length)
        .primer(Arrays.copyOfRange(sequence, 1, firstGap))
        .bannedTokens(config.bannedTokens())
        .maxAttempts(config.maxAttempts());
    int gap = 0;
    for (int position = firstGap; position < sequence.length; position++) {
      if (gap < gapPositions.length && gapPositions[gap] == position) {
        gap++;
      } else {
        generation.fix(position, sequence[position]);
      }
    }
    config.constraints().forEach(generation::constraint);
    List<int[]> samples = new SequenceGenerator(config.sampler(), generation.build())
        .generate(model, config.samples(), seed);
    Set<ImmutableIntArray> distinct = new LinkedHashSet<>();
    for (int[] sample : samples) {
      distinct.add(ImmutableIntArray.copyOf(sample));
    }
    List<int[]> candidates = new ArrayList<>();
    distinct.forEach(candidate -> candidates.add(candidate.toArray()));
    ScoreResult scores = model.score(candidates);
    List<InpaintingCandidate> ranked = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      ranked.add(new InpaintingCandidate(candidates.get(i), scores.logLikelihood(i)));
    }
    ranked.sort(Comparator.comparingDouble(InpaintingCandidate::logLikelihood).reversed()
        .thenComparing(InpaintingCandidate::tokens, Arrays::compare));
    return List.copyOf(ranked.subList(0, Math.min(config.keep(), ranked.size())));
  }

  private static void checkSequence(int[] sequence, int[] gapPositions) {
    Preconditions.checkNotNull(sequence, "sequence");
    Preconditions.checkNotNull(gapPositions, "gapPositions");
    Preconditions.checkArgument(sequence.length >= 3,
        "a sequence with a gap needs at least 3 tokens (START, gap, END), got %s", Arrays.toString(sequence));
    Preconditions.checkArgument(sequence[0] == Vocabulary.START_ID,
        "the sequence must start with START (id %s), got %s at position 0", Vocabulary.START_ID, sequence[0]);
    Preconditions.checkArgument(sequence[sequence.length - 1] == Vocabulary.END_ID,
        "the sequence must end with END (id %s), got %s at position %s", Vocabulary.END_ID,
        sequence[sequence.length - 1], sequence.length - 1);
    Preconditions.checkArgument(gapPositions.length > 0, "no gap positions given");
    for (int i = 0; i < gapPositions.length; i++) {
      int position = gapPositions[i];
      Preconditions.checkArgument(position >= 1 && position <= sequence.length - 2,
          "gap position %s is outside 1..%s (START and END cannot be gaps)", position, sequence.length - 2);
      Preconditions.checkArgument(i == 0 || position > gapPositions[i - 1],
          "gap positions must be strictly increasing, got %s", Arrays.toString(gapPositions));
    }
    int gap = 0;
    for (int position = 0; position < sequence.length; position++) {
      if (gap < gapPositions.length && gapPositions[gap] == position) {
        gap++;
      } else {
        Preconditions.checkArgument(sequence[position] != Vocabulary.MASK_ID,
            "position %s holds MASK but is not a gap", position);
        Preconditions.checkArgument(position == 0 || sequence[position] != Vocabulary.START_ID,
            "position %s holds START, which only position 0 may", position);
        Preconditions.checkArgument(position == sequence.length - 1 || sequence[position] != Vocabulary.END_ID,
            "position %s holds END before the end of the sequence", position);
      }
    }
  }

  @Override
  public String toString() {
    return "Inpainter{" + config + "}";
  }
}
