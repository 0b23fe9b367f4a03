package io.github.rocklstm.sample;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;

/**
 * How an {@link Inpainter} proposes and keeps candidates.
 *
 * @param sampler draws the gap tokens (default temperature 1: the model's own distribution)
 * @param samples how many filled sequences to draw before deduplication, at least 1 (default 64)
 * @param keep how many of the best distinct candidates to return, at least 1 (default 5)
 * @param batchSize rows per model session, at least 1 (default 64)
 * @param bannedTokens tokens never placed in a gap (default {@link BannedTokens#specials()}; END is kept out of
 *     gaps anyway)
 * @param constraints further constraints at every gap position, e.g. a {@link NoCopyConstraint}
 * @param maxAttempts tries per sample when a gap runs out of allowed tokens, at least 1 (default 10)
 */
public record InpaintingConfig(
    Sampler sampler,
    int samples,
    int keep,
    int batchSize,
    BannedTokens bannedTokens,
    ImmutableList<Constraint> constraints,
    int maxAttempts) {

  /** Checks every field. */
  public InpaintingConfig {
    Preconditions.checkNotNull(sampler, "sampler");
    Preconditions.checkArgument(samples >= 1, "samples must be at least 1, got %s", samples);
    Preconditions.checkArgument(keep >= 1, "keep must be at least 1, got %s", keep);
    Preconditions.checkArgument(batchSize >= 1, "batch size must be at least 1, got %s", batchSize);
    Preconditions.checkNotNull(bannedTokens, "bannedTokens");
    Preconditions.checkNotNull(constraints, "constraints");
    Preconditions.checkArgument(maxAttempts >= 1, "max attempts must be at least 1, got %s", maxAttempts);
  }

  /** A builder with the defaults above. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InpaintingConfig}. */
  public static final class Builder {
    private Sampler sampler = Sampler.temperature(1);
    private int samples = 64;
    private int keep = 5;
    private int batchSize = 64;
    private BannedTokens bannedTokens = BannedTokens.specials();
    private final ImmutableList.Builder<Constraint> constraints = ImmutableList.builder();
    private int maxAttempts = 10;

    private Builder() {}

    /** The sampler for gap tokens. */
    public Builder sampler(Sampler sampler) {
      this.sampler = sampler;
      return this;
    }

    /** Draws before deduplication. */
    public Builder samples(int samples) {
      this.samples = samples;
      return this;
    }

    /** Candidates returned. */
    public Builder keep(int keep) {
      this.keep = keep;
      return this;
    }

    /** Rows per session. */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /** Tokens never placed in a gap. */
    public Builder bannedTokens(BannedTokens bannedTokens) {
      this.bannedTokens = bannedTokens;
      return this;
    }

    /** Adds a constraint at every gap position. */
    public Builder constraint(Constraint constraint) {
      constraints.add(Preconditions.checkNotNull(constraint, "constraint"));
      return this;
    }

    /** Tries per sample. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The configuration. */
    public InpaintingConfig build() {
      return new InpaintingConfig(sampler, samples, keep, batchSize, bannedTokens, constraints.build(), maxAttempts);
    }
  }
}
