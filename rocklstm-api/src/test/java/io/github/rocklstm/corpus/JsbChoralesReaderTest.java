package io.github.rocklstm.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.ImmutableIntArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts from the corpus README (computed there with Python), and bad input. */
class JsbChoralesReaderTest {

  @TempDir Path temp;

  private static void assertSplits(JsbChorales jsb, int train, int valid, int test) {
    assertEquals(List.of("test", "train", "valid"), jsb.splits().keySet().asList()); // file order
    assertEquals(229, jsb.train().size());
    assertEquals(76, jsb.valid().size());
    assertEquals(77, jsb.test().size());
    assertEquals(train, jsb.stepCount(JsbChorales.TRAIN));
    assertEquals(valid, jsb.stepCount(JsbChorales.VALID));
    assertEquals(test, jsb.stepCount(JsbChorales.TEST));
  }

  private static int[] pitchRange(JsbChorales jsb) {
    int lowest = 127;
    int highest = 0;
    for (ImmutableList<ImmutableList<ImmutableIntArray>> pieces : jsb.splits().values()) {
      for (ImmutableList<ImmutableIntArray> piece : pieces) {
        for (ImmutableIntArray step : piece) {
          for (int i = 0; i < step.length(); i++) {
            lowest = Math.min(lowest, step.get(i));
            highest = Math.max(highest, step.get(i));
          }
        }
      }
    }
    return new int[] {lowest, highest};
  }

  @Test
  void quarterNoteFile() throws IOException {
    JsbChorales jsb = JsbChoralesReader.read(JsbChoralesReader.Resolution.QUARTER);
    assertSplits(jsb, 13_807, 4_602, 4_725);
    assertEquals(List.of(ImmutableIntArray.of(60, 72, 79, 88), ImmutableIntArray.of(72, 79, 88),
        ImmutableIntArray.of(67, 70, 76, 84), ImmutableIntArray.of(69, 77, 86), ImmutableIntArray.of(67, 70, 79, 88),
        ImmutableIntArray.of(65, 72, 81, 89)), jsb.train().get(0).subList(0, 6));
    assertEquals(ImmutableIntArray.of(), jsb.test().get(0).get(6)); // a silent step
    int[] range = pitchRange(jsb);
    assertEquals(43, range[0]);
    assertEquals(96, range[1]);
  }

  @Test
  void eighthAndSixteenthFiles() throws IOException {
    JsbChorales eighth = JsbChoralesReader.read(JsbChoralesReader.Resolution.EIGHTH);
    assertSplits(eighth, 27_614, 9_204, 9_450);
    JsbChorales sixteenth = JsbChoralesReader.read(JsbChoralesReader.Resolution.SIXTEENTH);
    assertSplits(sixteenth, 55_228, 18_408, 18_900);
    for (JsbChorales jsb : List.of(eighth, sixteenth)) {
      int[] range = pitchRange(jsb);
      assertEquals(36, range[0]);
      assertEquals(81, range[1]);
    }
    // pitches are written 65.0 in places; voices in unison keep both entries
    assertEquals(ImmutableIntArray.of(65, 60, 57, 53), sixteenth.test().get(0).get(0));
    assertEquals(ImmutableIntArray.of(69, 60, 53, 53), sixteenth.test().get(0).get(8));
  }

  @Test
  void badInputNamesFileAndPlace() throws IOException {
    Path syntax = temp.resolve("syntax.json");
    Files.writeString(syntax, "{\"train\": [[[60, 64]],\n  [[60,, 64]]]}");
    CorpusFormatException e = assertThrows(CorpusFormatException.class, () -> JsbChoralesReader.read(syntax));
    assertTrue(e.getMessage().contains("syntax.json:2") && e.getMessage().contains("not valid JSON"), e.getMessage());
    assertEquals(2, e.position().line());

    Path fraction = temp.resolve("fraction.json");
    Files.writeString(fraction, "{\"train\": [[[60, 64.5]]]}");
    CorpusFormatException f = assertThrows(CorpusFormatException.class, () -> JsbChoralesReader.read(fraction));
    assertTrue(f.getMessage().contains("train[0][0][1] should be a MIDI pitch, a whole number 0..127, found 64.5"),
        f.getMessage());

    Path shape = temp.resolve("shape.json");
    Files.writeString(shape, "{\"valid\": [[60, 64]]}");
    CorpusFormatException s = assertThrows(CorpusFormatException.class, () -> JsbChoralesReader.read(shape));
    assertTrue(s.getMessage().contains("valid[0][0] should be a list of MIDI pitches, found 60"), s.getMessage());

    Path top = temp.resolve("top.json");
    Files.writeString(top, "[1, 2]");
    assertThrows(CorpusFormatException.class, () -> JsbChoralesReader.read(top));

    Path range = temp.resolve("range.json");
    Files.writeString(range, "{\"test\": [[[128]]]}");
    CorpusFormatException r = assertThrows(CorpusFormatException.class, () -> JsbChoralesReader.read(range));
    assertTrue(r.getMessage().contains("test[0][0][0]") && r.getMessage().contains("found 128"), r.getMessage());

    Path validOnly = temp.resolve("valid-only.json");
    Files.writeString(validOnly, "{\"valid\": [[[60, 64], []]]}");
    JsbChorales small = JsbChoralesReader.read(validOnly);
    assertEquals(2, small.stepCount("valid"));
    IllegalArgumentException noSplit = assertThrows(IllegalArgumentException.class, () -> small.split("train"));
    assertTrue(noSplit.getMessage().contains("[valid]"), noSplit.getMessage());
  }
}
