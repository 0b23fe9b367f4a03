package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token and frame error rates on sequences small enough to count by hand. */
class HarmonisationErrorsTest {

  private static final ChoraleTokenizer TOKENIZER = new ChoraleTokenizer(Vocabulary.builder()
      .add(ChoraleTokenizer.FRAME_END).add(ChoraleTokenizer.FERMATA).add(ChoraleTokenizer.REST)
      .addAll(List.of("(48, False)", "(48, True)", "(55, False)", "(60, False)", "(60, True)", "(64, False)",
          "(67, False)", "(72, False)"))
      .build());

  private static int id(String token) {
    return TOKENIZER.vocabulary().idOf(token);
  }

  /** START, then per frame [fermata] S A T B |||, then END. */
  private static int[] frames(boolean fermataOnFirst, String[]... frames) {
    int[] out = new int[2 + frames.length * 5 + (fermataOnFirst ? 1 : 0)];
    int n = 0;
    out[n++] = Vocabulary.START_ID;
    for (int f = 0; f < frames.length; f++) {
      if (f == 0 && fermataOnFirst) {
        out[n++] = TOKENIZER.fermataId();
      }
      for (String voice : frames[f]) {
        out[n++] = id(voice);
      }
      out[n++] = TOKENIZER.frameEndId();
    }
    out[n] = Vocabulary.END_ID;
    return out;
  }

  @Test
  void countsWrongAltoTenorBassTokensAndFrames() {
    int[] bach = frames(true,
        new String[] {"(72, False)", "(67, False)", "(64, False)", "(48, False)"},
        new String[] {"(72, False)", "(67, False)", "(60, False)", "(48, True)"},
        new String[] {"(72, False)", "(64, False)", "(55, False)", "(48, False)"});
    // Frame 0: all right. Frame 1: tenor held instead of struck (1 error). Frame 2: alto rests, bass differs (2).
    int[] model = frames(false,
        new String[] {"(72, False)", "(67, False)", "(64, False)", "(48, False)"},
        new String[] {"(72, False)", "(67, False)", "(60, True)", "(48, True)"},
        new String[] {"(72, False)", "rest", "(55, False)", "(60, False)"});
    HarmonisationErrors errors = HarmonisationErrors.compare(TOKENIZER, model, bach);
    assertEquals(new HarmonisationErrors(3, 9, 3, 2), errors);
    assertEquals(3.0 / 9, errors.tokenErrorRate(), 1e-12);
    assertEquals(2.0 / 3, errors.frameErrorRate(), 1e-12);
    HarmonisationErrors twice = errors.plus(HarmonisationErrors.compare(TOKENIZER, bach, bach));
    assertEquals(new HarmonisationErrors(6, 18, 3, 2), twice);
    assertEquals(1.0 / 6, twice.tokenErrorRate(), 1e-12);
    assertTrue(Double.isNaN(HarmonisationErrors.ZERO.tokenErrorRate()));
  }

  @Test
  void refusesADifferentSopranoOrFrameCount() {
    int[] a = frames(false, new String[] {"(72, False)", "(67, False)", "(64, False)", "(48, False)"});
    int[] b = frames(false, new String[] {"(67, False)", "(67, False)", "(64, False)", "(48, False)"});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HarmonisationErrors.compare(TOKENIZER, a, b));
    assertTrue(e.getMessage().contains("frame 0: the soprano tokens differ ((72, False) vs (67, False))"),
        e.getMessage());
    int[] two = frames(false, new String[] {"(72, False)", "(67, False)", "(64, False)", "(48, False)"},
        new String[] {"(72, False)", "(67, False)", "(64, False)", "(48, False)"});
    assertThrows(IllegalArgumentException.class, () -> HarmonisationErrors.compare(TOKENIZER, a, two));
  }
}
