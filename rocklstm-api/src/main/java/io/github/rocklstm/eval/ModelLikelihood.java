package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * A model's likelihood on held-out token sequences as named metrics: per token always, per chord change
 * ({@link ChordChangeLikelihood}) when {@link #withChordChanges(IntPredicate) asked for}, per piano-roll frame
 * ({@link FrameLikelihood}) when {@link #withFrames() asked for}. The model is a neural {@link SequenceModel} ({@link
 * #of(SequenceModel)}) or a count-based {@link LanguageModel} baseline ({@link #of(String, LanguageModel)}), so both
 * are reported the same way from one scoring pass.
 *
 * <p><b>Convention</b> (as {@link Likelihood}): every sequence starts with START and ends with END; every token after
 * the first is predicted from the tokens before it in the same sequence, so END is predicted and counted and START
 * is not. Figures are totals over the whole set (total log-likelihood over total count), never means of
 * per-sequence means.
 *
 * <p><b>Metrics</b>, in this order:
 *
 * <ul>
 *   <li>{@value #SEQUENCES} ({@link Metric#COUNT}), {@value #TOKENS} (predicted tokens, {@link Metric#COUNT}),
 *       {@value #LOG_LIKELIHOOD} (the total {@code sum ln p}, {@link Metric#NATS});
 *   <li>{@value #TOKEN_NATS} ({@link Metric#NATS_PER_TOKEN}), {@value #TOKEN_BITS} ({@link Metric#BITS_PER_TOKEN}),
 *       {@value #TOKEN_PERPLEXITY} ({@link Metric#PERPLEXITY}, {@code exp(nats)});
 *   <li>with chord changes: {@value #CHANGES} ({@link Metric#COUNT}), {@value #CHANGE_NATS} ({@link
 *       Metric#NATS_PER_CHANGE}), {@value #CHANGE_BITS} ({@link Metric#BITS_PER_CHANGE}), {@value
 *       #CHANGE_PERPLEXITY} ({@link Metric#PERPLEXITY}): the whole log-likelihood divided by the chord changes;
 *   <li>with frames: {@value #FRAMES} ({@link Metric#COUNT}), {@value #FRAME_NATS} ({@link Metric#NATS_PER_FRAME},
 *       END's cost left out: the headline figure), {@value #FRAME_BITS} ({@link Metric#BITS_PER_FRAME}), {@value
 *       #FRAME_PERPLEXITY} ({@link Metric#PERPLEXITY}), {@value #FRAME_NATS_WITH_END} and {@value
 *       #FRAME_NATS_AFTER_FIRST} ({@link Metric#NATS_PER_FRAME}; see {@link FrameLikelihood}; the last only when
 *       some sequence has a second frame).
 * </ul>
 *
 * <p>Typical use: {@code ModelLikelihood.of(model).withChordChanges(ChordChangeLikelihood.chordTokens(vocabulary))
 * .evaluate(test).value(ModelLikelihood.TOKEN_PERPLEXITY)}. An evaluator holds the model, not a copy: evaluate while
 * the model is open, from one thread at a time (a {@link SequenceModel} is not thread-safe).
 */
public final class ModelLikelihood implements Evaluator<List<int[]>> {

  /** Metric name: the number of scored sequences. */
  public static final String SEQUENCES = "sequences";
  /** Metric name: the number of predicted tokens (END included, START not). */
  public static final String TOKENS = "tokens";
  /** Metric name: the total log-likelihood in nats, at most 0. */
  public static final String LOG_LIKELIHOOD = "log_likelihood";
  /** Metric name: cross-entropy per predicted token in nats. */
  public static final String TOKEN_NATS = "token.nats";
  /** Metric name: cross-entropy per predicted token in bits. */
  public static final String TOKEN_BITS = "token.bits";
  /** Metric name: perplexity per predicted token. */
  public static final String TOKEN_PERPLEXITY = "token.perplexity";
  /** Metric name: the number of chord changes (consecutive duplicates removed, END counted). */
  public static final String CHANGES = "changes";
  /** Metric name: the whole log-likelihood per chord change in nats. */
  public static final String CHANGE_NATS = "change.nats";
  /** Metric name: the whole log-likelihood per chord change in bits. */
  public static final String CHANGE_BITS = "change.bits";
  /** Metric name: perplexity per chord change. */
  public static final String CHANGE_PERPLEXITY = "change.perplexity";
  /** Metric name: the number of piano-roll frames. */
  public static final String FRAMES = "frames";
  /** Metric name: nats per frame, END's cost left out. */
  public static final String FRAME_NATS = "frame.nats";
  /** Metric name: bits per frame, END's cost left out. */
  public static final String FRAME_BITS = "frame.bits";
  /** Metric name: perplexity per frame ({@code exp} of {@value #FRAME_NATS}). */
  public static final String FRAME_PERPLEXITY = "frame.perplexity";
  /** Metric name: nats per frame with END's cost charged to the frames. */
  public static final String FRAME_NATS_WITH_END = "frame.nats_with_end";
  /** Metric name: nats per frame over every frame but each sequence's first. */
  public static final String FRAME_NATS_AFTER_FIRST = "frame.nats_after_first";

  private static final double LN_2 = Math.log(2.0);

  /** One scoring pass: the total, and every token's log-probability for the frame sums. */
  private record Scored(Likelihood likelihood, FrameLikelihood.TokenLogProbabilities logProbabilities) {}

  private final String name;
  private final Function<List<int[]>, Scored> scorer;
  private final IntPredicate isChord;
  private final boolean frames;

  private ModelLikelihood(String name, Function<List<int[]>, Scored> scorer, IntPredicate isChord,
      boolean frames) {
    this.name = name;
    this.scorer = scorer;
    this.isChord = isChord;
    this.frames = frames;
  }

  /**
   * The likelihood of a neural model, named {@code lstm}, scored with {@link SequenceModel#score} (teacher-forced,
   * dropout off).
   *
   * @throws IllegalStateException from {@link #evaluate} when the model's total log-likelihood comes out positive:
   *     log-softmax outputs are at most 0 even after rounding (the largest logit gives {@code -ln(sum)} with
   *     {@code sum >= 1}), and a sum of values at most 0 is at most 0, so a positive total is a backend bug and is
   *     reported, not clamped
   */
  public static ModelLikelihood of(SequenceModel model) {
    Preconditions.checkNotNull(model, "model");
    return new ModelLikelihood("lstm", sequences -> {
      ScoreResult scores = model.score(sequences);
      Preconditions.checkState(scores.sequenceCount() == sequences.size(),
          "the model scored %s sequences of %s", scores.sequenceCount(), sequences.size());
      Preconditions.checkState(scores.totalLogLikelihood() <= 0.0,
          "the %s model's total log-likelihood over %s tokens is %s, but a sum of log-probabilities cannot be"
              + " positive: the backend returned a positive token log-probability", model.backendName(),
          scores.tokenCount(), scores.totalLogLikelihood());
      return new Scored(new Likelihood(scores.totalLogLikelihood(), scores.tokenCount()),
          scores::tokenLogProbability);
    }, null, false);
  }

  /**
   * The likelihood of a count-based model ({@link LanguageModel#score}) under {@code name}, e.g. {@code unigram} or
   * {@code kn5}.
   */
  public static ModelLikelihood of(String name, LanguageModel model) {
    Preconditions.checkNotNull(name, "name");
    Preconditions.checkNotNull(model, "model");
    Preconditions.checkArgument(!name.isBlank() && name.chars().noneMatch(Character::isWhitespace),
        "an evaluator name must be non-blank without whitespace, got '%s'", name);
    return new ModelLikelihood(name, sequences -> new Scored(model.score(sequences),
        FrameLikelihood.TokenLogProbabilities.of(sequences, model)), null, false);
  }

  /**
   * This evaluator also reporting the likelihood per chord change.
   *
   * @param isChord which token ids are chords, e.g. {@link ChordChangeLikelihood#chordTokens(Vocabulary)}; START and
   *     END are handled whatever it says
   */
  public ModelLikelihood withChordChanges(IntPredicate isChord) {
    Preconditions.checkNotNull(isChord, "isChord");
    return new ModelLikelihood(name, scorer, isChord, frames);
  }

  /**
   * This evaluator also reporting the likelihood per piano-roll frame, for sequences written by {@link
   * PianoRollTokenizer} (START, frames each closed by {@link PianoRollTokenizer#FRAME_END}, END).
   */
  public ModelLikelihood withFrames() {
    return new ModelLikelihood(name, scorer, isChord, true);
  }

  /** {@code lstm} for a neural model, the given name for a count-based one. */
  @Override
  public String name() {
    return name;
  }

  /**
   * Scores {@code sequences} once and reports the metrics listed in the class comment.
   *
   * @throws IllegalArgumentException when there are no sequences, one is shorter than 2 tokens or holds an id outside
   *     the vocabulary, and (when asked for) when they hold no chord change or a piano-roll sequence ends inside a
   *     frame
   */
  @Override
  public Metrics evaluate(List<int[]> sequences) {
    Preconditions.checkNotNull(sequences, "sequences");
    Preconditions.checkArgument(!sequences.isEmpty(), "no sequences to score");
    ImmutableList<int[]> list = ImmutableList.copyOf(sequences);
    Scored scored = scorer.apply(list);
    Likelihood perToken = scored.likelihood();
    Metrics.Builder metrics = Metrics.builder()
        .add(SEQUENCES, list.size(), Metric.COUNT)
        .add(TOKENS, perToken.tokens(), Metric.COUNT)
        .add(LOG_LIKELIHOOD, perToken.logLikelihood(), Metric.NATS)
        .add(TOKEN_NATS, perToken.natsPerToken(), Metric.NATS_PER_TOKEN)
        .add(TOKEN_BITS, perToken.bitsPerToken(), Metric.BITS_PER_TOKEN)
        .add(TOKEN_PERPLEXITY, perToken.perplexity(), Metric.PERPLEXITY);
    if (isChord != null) {
      Likelihood perChange = ChordChangeLikelihood.perChange(perToken, list, Vocabulary.END_ID, isChord);
      metrics.add(CHANGES, perChange.tokens(), Metric.COUNT)
          .add(CHANGE_NATS, perChange.natsPerToken(), Metric.NATS_PER_CHANGE)
          .add(CHANGE_BITS, perChange.bitsPerToken(), Metric.BITS_PER_CHANGE)
          .add(CHANGE_PERPLEXITY, perChange.perplexity(), Metric.PERPLEXITY);
    }
    if (frames) {
      FrameLikelihood perFrame = FrameLikelihood.of(list, scored.logProbabilities());
      Preconditions.checkArgument(perFrame.frames() > 0, "the sequences hold no frame (no %s token)",
          PianoRollTokenizer.FRAME_END);
      metrics.add(FRAMES, perFrame.frames(), Metric.COUNT)
          .add(FRAME_NATS, perFrame.natsPerFrame(), Metric.NATS_PER_FRAME)
          .add(FRAME_BITS, perFrame.natsPerFrame() / LN_2, Metric.BITS_PER_FRAME)
          .add(FRAME_PERPLEXITY, Math.exp(perFrame.natsPerFrame()), Metric.PERPLEXITY)
          .add(FRAME_NATS_WITH_END, perFrame.natsPerFrameWithEnd(), Metric.NATS_PER_FRAME);
      if (perFrame.frames() > perFrame.firstFrames()) {
        metrics.add(FRAME_NATS_AFTER_FIRST, perFrame.natsPerFrameAfterFirst(), Metric.NATS_PER_FRAME);
      }
    }
    return metrics.build();
  }
}
