package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.model.ScoreResult;
import io.github.rocklstm.token.PianoRollTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame NLL from hand-written token log-probability tables. */
class FrameLikelihoodTest {

  private static final PianoRollTokenizer T = PianoRollTokenizer.create();
  private static final int S = Vocabulary.START_ID;
  private static final int E = Vocabulary.END_ID;
  private static final int BAR = PianoRollTokenizer.FRAME_END_ID;

  // Two frames {60}, {62, 64}; then a piece of one silent frame.
  private static final int[] A = {S, T.pitchId(60), BAR, T.pitchId(62), T.pitchId(64), BAR, E};
  private static final int[] B = {S, BAR, E};

  @Test
  void sumsTokenLogProbabilitiesPerFrame() {
    ScoreResult scores = new ScoreResult(new float[][] {
        {-1f, -0.5f, -2f, -0.25f, -0.25f, -0.125f}, // frame 1: -1.5, frame 2: -2.5, END: -0.125
        {-0.25f, -0.5f}}); // frame 1: -0.25, END: -0.5
    FrameLikelihood f = FrameLikelihood.of(List.of(A, B), scores);
    assertEquals(3, f.frames());
    assertEquals(2, f.firstFrames());
    assertEquals(2, f.sequences());
    assertEquals(-4.25, f.frameLogLikelihood(), 1e-9);
    assertEquals(-1.75, f.firstFrameLogLikelihood(), 1e-9);
    assertEquals(-0.625, f.endLogLikelihood(), 1e-9);
    assertEquals(4.25 / 3, f.natsPerFrame(), 1e-9);
    assertEquals((4.25 + 0.625) / 3, f.natsPerFrameWithEnd(), 1e-9);
    assertEquals(2.5, f.natsPerFrameAfterFirst(), 1e-9); // only A's second frame is left
  }

  @Test
  void worksWithACountBasedModel() {
    LanguageModel uniform = new LanguageModel() {
      @Override
      public int order() {
        return 1;
      }

      @Override
      public int vocabularySize() {
        return 94;
      }

      @Override
      public double logProbability(int[] context, int token) {
        return -Math.log(94);
      }
    };
    FrameLikelihood f = FrameLikelihood.of(List.of(A), uniform);
    // 5 frame tokens over 2 frames.
    assertEquals(2.5 * Math.log(94), f.natsPerFrame(), 1e-9);
    assertEquals(3.0 * Math.log(94), f.natsPerFrameWithEnd(), 1e-9);
  }

  @Test
  void rejectsAnUnfinishedFrameAndAMissingStart() {
    int[] open = {S, T.pitchId(60), E};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FrameLikelihood.of(List.of(B, open), (s, p) -> -1.0));
    assertEquals(true, e.getMessage().contains("sequence 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> FrameLikelihood.of(List.of(new int[] {BAR, E}), (s, p) -> -1));
  }
}
