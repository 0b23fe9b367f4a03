package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedMap;
import java.util.Arrays;
import java.util.Map;

/**
 * Tokens that must stand at given positions: at a fixed position every other token is masked. This is how
 * inpainting keeps the right context and harmonisation keeps the given melody. So that every fixed position is
 * reached, END is also masked at every free position before the last fixed one.
 *
 * <p>Position 0 is START and cannot be fixed. END may be fixed only at the last fixed position (the sequence then
 * ends exactly there).
 *
 * <p>Applied on its own, like any constraint, it intersects with the others: a fixed token that another constraint
 * masks leaves nothing allowed. Inside a {@link GenerationConfig} fixed tokens are given instead, and win over the
 * other constraints (see there).
 *
 * @param tokens position to token, positions at least 1, tokens at least 0
 */
public record FixedPositions(ImmutableSortedMap<Integer, Integer> tokens) implements Constraint {

  /** No fixed positions. */
  public static final FixedPositions NONE = new FixedPositions(ImmutableSortedMap.of());

  /** Checks positions, tokens and the place of a fixed END. */
  public FixedPositions {
    Preconditions.checkNotNull(tokens, "tokens");
    for (Map.Entry<Integer, Integer> entry : tokens.entrySet()) {
      int position = entry.getKey();
      int token = entry.getValue();
      Preconditions.checkArgument(position >= 1,
          "fixed positions start at 1 (position 0 is always START), got position %s", position);
      Preconditions.checkArgument(token >= 0, "fixed token at position %s must be at least 0, got %s", position,
          token);
      Preconditions.checkArgument(token != Vocabulary.END_ID || position == tokens.lastKey(),
          "END is fixed at position %s, but position %s after it is fixed too: nothing can follow END", position,
          tokens.lastKey());
    }
  }

  /** The given position-to-token map. */
  public static FixedPositions of(Map<Integer, Integer> tokens) {
    return new FixedPositions(ImmutableSortedMap.copyOf(tokens));
  }

  /** Whether no position is fixed. */
  public boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** The last fixed position, or -1 if none. */
  public int lastPosition() {
    return tokens.isEmpty() ? -1 : tokens.lastKey();
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    if (tokens.isEmpty()) {
      return;
    }
    int last = tokens.lastKey();
    for (int row = 0; row < logProbabilities.length; row++) {
      float[] scores = logProbabilities[row];
      int position = prefixes[row].length;
      Integer fixed = tokens.get(position);
      if (fixed != null) {
        if (fixed >= scores.length) {
          throw new IllegalArgumentException("fixed token " + fixed + " at position " + position
              + " is outside the vocabulary (valid ids are 0.." + (scores.length - 1) + ")");
        }
        float kept = scores[fixed];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        scores[fixed] = kept;
      } else if (position < last) {
        scores[Vocabulary.END_ID] = Float.NEGATIVE_INFINITY;
      }
    }
  }
}
