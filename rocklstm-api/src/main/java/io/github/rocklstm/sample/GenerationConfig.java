package io.github.rocklstm.sample;

import io.github.rocklstm.token.Vocabulary;
import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.primitives.ImmutableIntArray;
import java.util.Map;
import java.util.TreeMap;

/**
 * What to generate and under which rules, shared by {@link SequenceGenerator} and {@link BeamSearch}.
 *
 * <p>Every sequence starts with START, then the {@link #primer()} tokens, which are fed to the model as given (not
 * sampled and not checked by any constraint), then sampled tokens up to and including END. At each sampled position
 * the tokens are masked by, in effect all at once:
 *
 * <ol>
 *   <li>{@link #bannedTokens()} (by default PAD, START, UNK and MASK);
 *   <li>{@link LengthLimits} from {@link #minLength()} and {@link #maxLength()}: END is forbidden before the minimum
 *       and forced at the maximum, so every sequence ends with END;
 *   <li>the extra {@link #constraints()} (for example a {@link NoCopyConstraint});
 *   <li>{@link #fixedPositions()}. A fixed token is given, like the primer: at a fixed position its token is the
 *       only one allowed <em>whatever the other constraints say</em> (it keeps the model's log-probability, which
 *       counts in beam scores), and END is masked before the last fixed position. Consequently checks that look
 *       back, such as the no-copy guard, hold at every sampled position but are not applied at fixed ones.
 * </ol>
 *
 * <p>A row left with no allowed token makes that attempt fail; {@link SequenceGenerator} retries the sequence up to
 * {@link #maxAttempts()} times with fresh random streams.
 *
 * @param batchSize rows per model session in {@link SequenceGenerator}, at least 1 (beam search uses {@code width})
 * @param minLength the shortest sequence, START and END included, at least 2
 * @param maxLength the longest sequence, START and END included, at least {@code minLength}
 * @param primer the tokens after START that every sequence begins with; neither START nor END
 * @param bannedTokens tokens never sampled
 * @param fixedPositions tokens given at positions after the primer (positions inside the primer must agree with it)
 * @param constraints further constraints, applied at every sampled position
 * @param maxAttempts how often {@link SequenceGenerator} tries a sequence whose rows run out of allowed tokens, at
 *     least 1
 */
public record GenerationConfig(
    int batchSize,
    int minLength,
    int maxLength,
    ImmutableIntArray primer,
    BannedTokens bannedTokens,
    FixedPositions fixedPositions,
    ImmutableList<Constraint> constraints,
    int maxAttempts) {

  /** Checks every field and how they fit together (primer, fixed positions and lengths). */
  public GenerationConfig {
    Preconditions.checkArgument(batchSize >= 1, "batch size must be at least 1, got %s", batchSize);
    new LengthLimits(minLength, maxLength); // checks both
    Preconditions.checkNotNull(primer, "primer");
    Preconditions.checkNotNull(bannedTokens, "bannedTokens");
    Preconditions.checkNotNull(fixedPositions, "fixedPositions");
    Preconditions.checkNotNull(constraints, "constraints");
    Preconditions.checkArgument(maxAttempts >= 1, "max attempts must be at least 1, got %s", maxAttempts);
    for (int i = 0; i < primer.length(); i++) {
      int token = primer.get(i);
      Preconditions.checkArgument(token >= 0, "primer token %s at position %s is negative", token, i + 1);
      Preconditions.checkArgument(token != Vocabulary.START_ID,
          "primer position %s holds START: the primer is what follows START, which every sequence gets anyway",
          i + 1);
      Preconditions.checkArgument(token != Vocabulary.END_ID,
          "primer position %s holds END: a primer cannot end the sequence", i + 1);
    }
    Preconditions.checkArgument(primer.length() + 2 <= maxLength,
        "a primer of %s tokens leaves no room for END within the maximum length %s (START + primer + END = %s)",
        primer.length(), maxLength, primer.length() + 2);
    for (Map.Entry<Integer, Integer> entry : fixedPositions.tokens().entrySet()) {
      int position = entry.getKey();
      int token = entry.getValue();
      if (position <= primer.length()) {
        Preconditions.checkArgument(primer.get(position - 1) == token,
            "position %s is fixed to token %s but the primer holds %s there", position, token,
            primer.get(position - 1));
      }
      Preconditions.checkArgument(position < maxLength,
          "position %s is fixed, beyond the maximum length %s (positions run to %s)", position, maxLength,
          maxLength - 1);
      Preconditions.checkArgument(position != maxLength - 1 || token == Vocabulary.END_ID,
          "position %s is fixed to token %s, but END is forced there by the maximum length %s", position, token,
          maxLength);
      Preconditions.checkArgument(token != Vocabulary.END_ID || position + 1 >= minLength,
          "END is fixed at position %s, which makes the sequence %s long, below the minimum length %s", position,
          position + 1, minLength);
    }
  }

  /** A builder with the defaults listed on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /** The length constraint built from {@link #minLength()} and {@link #maxLength()}. */
  public LengthLimits lengthLimits() {
    return new LengthLimits(minLength, maxLength);
  }

  /** START followed by the primer: the tokens every sequence starts with. */
  public int[] prefix() {
    int[] prefix = new int[primer.length() + 1];
    prefix[0] = Vocabulary.START_ID;
    System.arraycopy(primer.toArray(), 0, prefix, 1, primer.length());
    return prefix;
  }

  /**
   * Checks that every token this configuration names lies in a vocabulary of {@code vocabularySize} ids.
   *
   * @throws IllegalArgumentException naming the token and where it was given
   */
  void checkVocabulary(int vocabularySize) {
    Preconditions.checkArgument(vocabularySize > Vocabulary.MASK_ID,
        "the vocabulary has %s ids, fewer than the 5 special tokens PAD, START, END, UNK, MASK", vocabularySize);
    for (int i = 0; i < primer.length(); i++) {
      checkToken(primer.get(i), vocabularySize, "primer position " + (i + 1));
    }
    for (int token : bannedTokens.tokens()) {
      checkToken(token, vocabularySize, "banned tokens");
    }
    for (Map.Entry<Integer, Integer> entry : fixedPositions.tokens().entrySet()) {
      checkToken(entry.getValue(), vocabularySize, "fixed position " + entry.getKey());
    }
  }

  private static void checkToken(int token, int vocabularySize, String where) {
    if (token >= vocabularySize) {
      throw new IllegalArgumentException(where + ": token " + token + " is outside the model's vocabulary (valid ids "
          + "are 0.." + (vocabularySize - 1) + ")");
    }
  }

  /**
   * The model's log-probabilities with every rule of the class comment applied: a masked copy, the input is left
   * alone.
   *
   * @param prefixes the tokens of each row so far
   * @param logProbabilities {@code [rows][vocabulary]} from the session
   */
  float[][] mask(int[][] prefixes, float[][] logProbabilities) {
    float[][] scores = new float[logProbabilities.length][];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = logProbabilities[row].clone();
    }
    bannedTokens.apply(prefixes, scores);
    lengthLimits().apply(prefixes, scores);
    for (Constraint constraint : constraints) {
      constraint.apply(prefixes, scores);
    }
    fixedPositions.apply(prefixes, scores);
    for (int row = 0; row < scores.length; row++) {
      Integer fixed = fixedPositions.tokens().get(prefixes[row].length);
      if (fixed != null) {
        scores[row][fixed] = logProbabilities[row][fixed]; // given, whatever the other constraints masked
      }
    }
    return scores;
  }

  /** Builds a {@link GenerationConfig}. */
  public static final class Builder {
    private int batchSize = 64;
    private int minLength = 2;
    private int maxLength = 256;
    private ImmutableIntArray primer = ImmutableIntArray.of();
    private BannedTokens bannedTokens = BannedTokens.specials();
    private final TreeMap<Integer, Integer> fixed = new TreeMap<>();
    private final ImmutableList.Builder<Constraint> constraints = ImmutableList.builder();
    private int maxAttempts = 10;

    private Builder() {}

    /** Rows per session; default 64. */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Shortest sequence including START and END; default 2. */
    public Builder minLength(int minLength) {
      this.minLength = minLength;
      return this;
    }

    /** Longest sequence including START and END; default 256. */
    public Builder maxLength(int maxLength) {
      this.maxLength = maxLength;
      return this;
    }

    /** The tokens after START every sequence begins with; default none. */
    public Builder primer(int... tokens) {
      this.primer = ImmutableIntArray.copyOf(tokens);
      return this;
    }

    /** Tokens never sampled; default {@link BannedTokens#specials()}. */
    public Builder bannedTokens(BannedTokens bannedTokens) {
      this.bannedTokens = bannedTokens;
      return this;
    }

    /** Fixes {@code token} at {@code position} (position 0 is START); replaces an earlier fix there. */
    public Builder fix(int position, int token) {
      fixed.put(position, token);
      return this;
    }

    /** Fixes every entry of {@code positions} (position to token). */
    public Builder fixAll(Map<Integer, Integer> positions) {
      fixed.putAll(positions);
      return this;
    }

    /** Adds a constraint applied at every sampled position. */
    public Builder constraint(Constraint constraint) {
      constraints.add(Preconditions.checkNotNull(constraint, "constraint"));
      return this;
    }

    /** Tries per sequence; default 10. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException if a value is out of range or the values do not fit together
     */
    public GenerationConfig build() {
      return new GenerationConfig(batchSize, minLength, maxLength, primer, bannedTokens,
          new FixedPositions(ImmutableSortedMap.copyOf(fixed)), constraints.build(), maxAttempts);
    }
  }
}
