package io.github.rocklstm.eval;

import com.google.common.base.Preconditions;
import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.List;

/**
 * Negative log-likelihood per piano-roll frame of sequences written by {@link PianoRollTokenizer}, as the
 * polyphonic-music benchmarks (JSB Chorales, Nottingham, ...) report it.
 *
 * <p><b>Convention.</b> A frame's log-probability is the sum of the log-probabilities of its tokens, each predicted
 * from everything before it: its pitch tokens and its {@link PianoRollTokenizer#FRAME_END} delimiter. Because the
 * encoding is a bijection, that sum is exactly {@code ln p(frame | earlier frames)}. START is never predicted. Every
 * frame of every sequence counts, the first included (predicted from START alone).
 *
 * <ul>
 *   <li>{@link #natsPerFrame()} {@code = -frameLogLikelihood / frames}: the headline figure. END's cost is left out:
 *       the benchmark's piano rolls have no end-of-piece event, so the figure covers the frames only.
 *   <li>{@link #natsPerFrameWithEnd()} adds END's cost to the total (as if it were part of the last frame).
 *   <li>{@link #natsPerFrameAfterFirst()} leaves each sequence's first frame out of total and count, the convention
 *       of the TCN reference code (Bai et al. 2018), which predicts frames 2..T from frame 1.
 * </ul>
 *
 * <p>All are token-weighted totals over the whole set (total log-likelihood over total frames), never a mean of
 * per-sequence means.
 *
 * @param frameLogLikelihood sum of {@code ln p(frame | past)} over all frames, at most 0
 * @param frames number of frames
 * @param firstFrameLogLikelihood the part of {@code frameLogLikelihood} from the sequences' first frames
 * @param firstFrames number of sequences with at least one frame
 * @param endLogLikelihood sum of {@code ln p(END | past)} over the sequences
 * @param sequences number of sequences
 */
public record FrameLikelihood(double frameLogLikelihood, long frames, double firstFrameLogLikelihood,
    long firstFrames, double endLogLikelihood, int sequences) {

  /** Checks counts and signs. */
  public FrameLikelihood {
    Preconditions.checkArgument(frames >= firstFrames && firstFrames >= 0, "frames %s, first frames %s", frames,
        firstFrames);
    Preconditions.checkArgument(!Double.isNaN(frameLogLikelihood) && frameLogLikelihood <= 0,
        "frame log-likelihood must be at most 0, got %s", frameLogLikelihood);
    Preconditions.checkArgument(!Double.isNaN(endLogLikelihood) && endLogLikelihood <= 0,
        "END log-likelihood must be at most 0, got %s", endLogLikelihood);
  }

  /** Per-token log-probabilities, as {@link ScoreResult} and {@link LanguageModel} give them. */
  @FunctionalInterface
  public interface TokenLogProbabilities {
    /** {@code ln p(s[position + 1] | s[0..position])} of sequence {@code sequence}. */
    double at(int sequence, int position);

    /** The per-token log-probabilities of {@code sequences} under a count-based {@link LanguageModel}. */
    static TokenLogProbabilities of(List<int[]> sequences, LanguageModel model) {
      Preconditions.checkNotNull(sequences, "sequences");
      Preconditions.checkNotNull(model, "model");
      return (s, position) -> {
        int[] sequence = sequences.get(s);
        return model.logProbability(java.util.Arrays.copyOf(sequence, position + 1), sequence[position + 1]);
      };
    }
  }

  /** Frame likelihood of {@code sequences} from a model's {@link ScoreResult} of the same sequences, same order. */
  public static FrameLikelihood of(List<int[]> sequences, ScoreResult scores) {
    Preconditions.checkArgument(scores.sequenceCount() == sequences.size(), "%s sequences but %s scores",
        sequences.size(), scores.sequenceCount());
    return of(sequences, scores::tokenLogProbability);
  }

  /** Frame likelihood of {@code sequences} under a count-based {@link LanguageModel} (a baseline). */
  public static FrameLikelihood of(List<int[]> sequences, LanguageModel model) {
    return of(sequences, TokenLogProbabilities.of(sequences, model));
  }

  /**
   * Frame likelihood of {@code sequences} (each START, frames, END) from their per-token log-probabilities.
   *
   * @throws IllegalArgumentException when a sequence does not start with START, or has pitch tokens after its
   *     last delimiter (an unfinished frame), naming the sequence
   */
  public static FrameLikelihood of(List<int[]> sequences, TokenLogProbabilities logProbabilities) {
    Preconditions.checkNotNull(sequences, "sequences");
    double frameTotal = 0;
    double firstTotal = 0;
    double endTotal = 0;
    long frames = 0;
    long firstFrames = 0;
    for (int s = 0; s < sequences.size(); s++) {
      int[] sequence = sequences.get(s);
      Preconditions.checkArgument(sequence.length >= 2 && sequence[0] == Vocabulary.START_ID,
          "sequence %s must start with START and hold at least one more token", s);
      double current = 0;
      boolean open = false;
      long framesHere = 0;
      for (int t = 1; t < sequence.length; t++) {
        double lp = logProbabilities.at(s, t - 1);
        if (sequence[t] == Vocabulary.END_ID) {
          endTotal += lp;
          break;
        }
        current += lp;
        open = true;
        if (sequence[t] == PianoRollTokenizer.FRAME_END_ID) {
          frameTotal += current;
          if (framesHere == 0) {
            firstTotal += current;
            firstFrames++;
          }
          framesHere++;
          current = 0;
          open = false;
        }
      }
      Preconditions.checkArgument(!open, "sequence %s ends inside a frame (pitch tokens after its last %s)", s,
          PianoRollTokenizer.FRAME_END);
      frames += framesHere;
    }
    return new FrameLikelihood(frameTotal, frames, firstTotal, firstFrames, endTotal, sequences.size());
  }

  /** {@code -frameLogLikelihood / frames}: nats per frame, END not counted (the headline figure). */
  public double natsPerFrame() {
    return -frameLogLikelihood / frames;
  }

  /** {@code -(frameLogLikelihood + endLogLikelihood) / frames}: END's cost charged to the frames. */
  public double natsPerFrameWithEnd() {
    return -(frameLogLikelihood + endLogLikelihood) / frames;
  }

  /** Nats per frame over every frame but each sequence's first (the TCN reference code's convention). */
  public double natsPerFrameAfterFirst() {
    return -(frameLogLikelihood - firstFrameLogLikelihood) / (frames - firstFrames);
  }
}
