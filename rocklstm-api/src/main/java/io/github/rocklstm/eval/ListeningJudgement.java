package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import java.util.OptionalInt;

/**
 * One listener's judgement of one pair of a listening test (one real excerpt, one generated), with the answer key
 * already applied: whether the listener picked the real one, and the 1-5 rating given to each excerpt.
 *
 * @param pair the pair's id, e.g. {@code p07}
 * @param pick which excerpt the listener said was from a real song, or {@link Pick#NONE}
 * @param realRating the rating of the real excerpt, 1..5, if given
 * @param generatedRating the rating of the generated excerpt, 1..5, if given
 */
public record ListeningJudgement(String pair, Pick pick, OptionalInt realRating, OptionalInt generatedRating) {

  /** The lowest rating. */
  public static final int MIN_RATING = 1;
  /** The highest rating. */
  public static final int MAX_RATING = 5;

  /** What the listener picked as the excerpt from a real song. */
  public enum Pick {
    /** The real excerpt: a correct discrimination. */
    REAL,
    /** The generated excerpt. */
    GENERATED,
    /** No answer for this pair. */
    NONE
  }

  public ListeningJudgement {
    Preconditions.checkNotNull(pair, "pair");
    Preconditions.checkNotNull(pick, "pick");
    checkRating(realRating, pair);
    checkRating(generatedRating, pair);
  }

  private static void checkRating(OptionalInt rating, String pair) {
    Preconditions.checkNotNull(rating, "rating");
    Preconditions.checkArgument(rating.isEmpty() || (rating.getAsInt() >= MIN_RATING
        && rating.getAsInt() <= MAX_RATING), "pair %s: a rating must be %s..%s, got %s", pair, MIN_RATING, MAX_RATING,
        rating);
  }
}
