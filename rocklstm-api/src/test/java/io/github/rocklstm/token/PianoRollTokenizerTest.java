package io.github.rocklstm.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import io.github.rocklstm.corpus.JsbChorales;
import io.github.rocklstm.corpus.JsbChoralesReader;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The piano-roll encoding by hand, and its round trip over every piece of the real JSB quarter-note corpus. */
class PianoRollTokenizerTest {

  private static final PianoRollTokenizer TOKENIZER = PianoRollTokenizer.create();

  private static ImmutableList<ImmutableIntArray> piece(int[]... frames) {
    ImmutableList.Builder<ImmutableIntArray> b = ImmutableList.builder();
    for (int[] frame : frames) {
      b.add(ImmutableIntArray.copyOf(frame));
    }
    return b.build();
  }

  @Test
  void vocabularyIsSpecialsDelimiterAnd88Pitches() {
    Vocabulary v = TOKENIZER.vocabulary();
    assertEquals(5 + 1 + 88, v.size());
    assertEquals(PianoRollTokenizer.FRAME_END_ID, v.idOf("|"));
    assertEquals(6, v.idOf("p21"));
    assertEquals(6 + 39, v.idOf("p60"));
    assertEquals(93, v.idOf("p108"));
    assertEquals(60, TOKENIZER.pitchOf(TOKENIZER.pitchId(60)));
  }

  @Test
  void encodesFramesAscendingWithDelimitersAndSilenceAsDelimiterAlone() {
    // Unsorted with a repeat: the frame is a set, written in ascending order.
    int[] tokens = TOKENIZER.encode(piece(new int[] {72, 60, 67, 60}, new int[] {}, new int[] {21, 108}));
    int p60 = TOKENIZER.pitchId(60);
    int p67 = TOKENIZER.pitchId(67);
    int p72 = TOKENIZER.pitchId(72);
    int bar = PianoRollTokenizer.FRAME_END_ID;
    assertArrayEquals(new int[] {Vocabulary.START_ID, p60, p67, p72, bar, bar, 6, 93, bar, Vocabulary.END_ID}, tokens);
    assertEquals(3, PianoRollTokenizer.frameCount(tokens));
    assertEquals(piece(new int[] {60, 67, 72}, new int[] {}, new int[] {21, 108}), TOKENIZER.decode(tokens));
    assertArrayEquals(new int[] {Vocabulary.START_ID, Vocabulary.END_ID}, TOKENIZER.encode(piece()));
  }

  @Test
  void roundTripsEveryPieceOfTheRealCorpus() throws IOException {
    JsbChorales jsb = JsbChoralesReader.read(JsbChoralesReader.Resolution.QUARTER);
    // Predicted tokens (pitches + delimiters + END) per split, counted with Python from the JSON file.
    int[] expectedTokens = {67_860, 22_489, 23_169};
    List<String> splits = List.of(JsbChorales.TRAIN, JsbChorales.VALID, JsbChorales.TEST);
    for (int s = 0; s < splits.size(); s++) {
      long tokens = 0;
      long frames = 0;
      for (ImmutableList<ImmutableIntArray> piece : jsb.split(splits.get(s))) {
        int[] encoded = TOKENIZER.encode(piece);
        assertEquals(piece, TOKENIZER.decode(encoded), "the corpus frames are already sorted sets");
        assertEquals(piece.size(), PianoRollTokenizer.frameCount(encoded));
        tokens += encoded.length - 1;
        frames += piece.size();
      }
      assertEquals(expectedTokens[s], tokens, splits.get(s));
      assertEquals(jsb.stepCount(splits.get(s)), frames);
    }
  }

  @Test
  void decodeKeepsAnUnfinishedLastFrameOfACutSample() {
    int[] cut = {Vocabulary.START_ID, TOKENIZER.pitchId(48), PianoRollTokenizer.FRAME_END_ID, TOKENIZER.pitchId(50)};
    assertEquals(piece(new int[] {48}, new int[] {50}), TOKENIZER.decode(cut));
  }

  @Test
  void rejectsOutOfRangePitchesAndNonCanonicalTokens() {
    IllegalArgumentException low = assertThrows(IllegalArgumentException.class,
        () -> TOKENIZER.encode(piece(new int[] {60}, new int[] {20, 60})));
    assertTrue(low.getMessage().contains("frame 1") && low.getMessage().contains("20"), low.getMessage());
    int[] descending = {Vocabulary.START_ID, TOKENIZER.pitchId(67), TOKENIZER.pitchId(60),
        PianoRollTokenizer.FRAME_END_ID, Vocabulary.END_ID};
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> TOKENIZER.decode(descending));
    assertTrue(order.getMessage().contains("token 2"), order.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TOKENIZER.decode(new int[] {Vocabulary.START_ID, Vocabulary.UNK_ID, Vocabulary.END_ID}));
    assertThrows(IllegalArgumentException.class, () -> TOKENIZER.decode(new int[] {Vocabulary.START_ID, 94}));
  }

  @Test
  void transposesWithinThePiano() {
    ImmutableList<ImmutableIntArray> p = piece(new int[] {60, 64}, new int[] {});
    assertEquals(piece(new int[] {62, 66}, new int[] {}), PianoRollTokenizer.transpose(p, 2));
    assertTrue(PianoRollTokenizer.fitsTransposed(p, 44));
    assertTrue(!PianoRollTokenizer.fitsTransposed(p, 45));
    assertThrows(IllegalArgumentException.class, () -> PianoRollTokenizer.transpose(p, 45));
  }
}
