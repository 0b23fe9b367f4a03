package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.primitives.Ints;

/**
 * Tokens that are never generated, at any position. {@link #specials()} bans the special tokens a model must not
 * emit: PAD, START, UNK and MASK (END is controlled by {@link LengthLimits}).
 *
 * @param tokens the banned ids, each at least 0
 */
public record BannedTokens(ImmutableSortedSet<Integer> tokens) implements Constraint {

  /** Checks that every id is at least 0. */
  public BannedTokens {
    Preconditions.checkNotNull(tokens, "tokens");
    for (int token : tokens) {
      Preconditions.checkArgument(token >= 0, "banned token ids must be at least 0, got %s", token);
    }
  }

  /** Bans the given ids. */
  public static BannedTokens of(int... tokens) {
    return new BannedTokens(ImmutableSortedSet.copyOf(Ints.asList(tokens)));
  }

  /** Bans PAD (0), START (1), UNK (3) and MASK (4). */
  public static BannedTokens specials() {
    return of(Vocabulary.PAD_ID, Vocabulary.START_ID, Vocabulary.UNK_ID, Vocabulary.MASK_ID);
  }

  /** Whether {@code token} is banned. */
  public boolean contains(int token) {
    return tokens.contains(token);
  }

  @Override
  public void apply(int[][] prefixes, float[][] logProbabilities) {
    for (float[] row : logProbabilities) {
      for (int token : tokens) {
        if (token >= row.length) {
          throw new IllegalArgumentException("banned token " + token + " is outside the vocabulary (valid ids are 0.."
              + (row.length - 1) + ")");
        }
        row[token] = Float.NEGATIVE_INFINITY;
      }
    }
  }
}
