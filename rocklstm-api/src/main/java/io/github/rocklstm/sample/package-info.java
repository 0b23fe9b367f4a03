/**
 * Token-level generation: turning a model's next-token log-probabilities into token sequences.
 *
 * <p>Everything here works on {@code int} token ids and natural-log probabilities {@code [rows][vocabulary]}; the
 * musical meaning of the tokens lives above, in the tokenizers. Special ids are fixed: PAD 0, START 1, END 2, UNK 3,
 * MASK 4. A sequence starts with START and ends with END; position 0 is START.
 *
 * <ul>
 *   <li>{@link io.github.rocklstm.sample.Sampler} picks one token per row: {@link
 *       io.github.rocklstm.sample.CompositeSampler} applies repetition penalty, temperature, top-k and top-p in that
 *       order (temperature 0 = greedy). Randomness always comes in as a seeded {@link
 *       java.util.random.RandomGenerator}, never from global state.
 *   <li>{@link io.github.rocklstm.sample.Constraint}s mask forbidden tokens to {@code -Infinity} before sampling,
 *       for a whole batch: {@link io.github.rocklstm.sample.BannedTokens}, {@link
 *       io.github.rocklstm.sample.LengthLimits} (END handling), {@link io.github.rocklstm.sample.FixedPositions}
 *       (inpainting, harmonisation) and {@link io.github.rocklstm.sample.NoCopyConstraint} (no long verbatim
 *       training n-grams, over an {@link io.github.rocklstm.sample.NGramIndex}), {@link
 *       io.github.rocklstm.sample.BarStructure} (PER_BAR streams of an exact number of bars of exact length).
 *   <li>{@link io.github.rocklstm.sample.GenerationConfig} gathers the rules of one run (lengths, primer, bans, fixed
 *       positions, extra constraints, batch size, attempts); {@link io.github.rocklstm.sample.SequenceGenerator}
 *       samples many sequences through batched {@link io.github.rocklstm.model.Session}s, one random stream per
 *       sequence so that the output does not depend on the batch size; {@link
 *       io.github.rocklstm.sample.BeamSearch} finds high-probability sequences under the same rules (width 1 is
 *       greedy).
 *   <li>{@link io.github.rocklstm.sample.Inpainter} fills gaps: it samples fills with the right context held by
 *       fixed positions, removes duplicates and ranks them by the model's likelihood of the whole sequence.
 * </ul>
 *
 * <p>Chorales: {@link io.github.rocklstm.sample.ChoraleGrammar} masks every token that would make a BachBot chorale
 * sequence malformed or put a voice out of range; {@link io.github.rocklstm.sample.ChoraleHarmoniser} fills the alto,
 * tenor and bass of a soprano's harmonisation template greedily or by beam search.
 */
package io.github.rocklstm.sample;
