package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeSignatureTest {

  @Test
  void barAndBeatLengthsInTicks() {
    assertEquals(40320, TimeSignature.COMMON_TIME.barTicks());
    assertEquals(30240, TimeSignature.THREE_FOUR.barTicks());
    assertEquals(60480, new TimeSignature(3, 2).barTicks());
    assertEquals(20160, new TimeSignature(3, 2).beatTicks());
    assertEquals(30240, new TimeSignature(6, 8).barTicks());
    assertEquals(5040, new TimeSignature(6, 8).beatTicks());
  }

  @Test
  void parsesAndFormats() {
    assertEquals(TimeSignature.THREE_FOUR, TimeSignature.parse("3/4"));
    assertEquals(new TimeSignature(6, 8), TimeSignature.parse(" 6 / 8 "));
    assertEquals(TimeSignature.COMMON_TIME, TimeSignature.parse("C"));
    assertEquals(new TimeSignature(2, 2), TimeSignature.parse("C|"));
    assertEquals("3/2", new TimeSignature(3, 2).toString());
  }

  @Test
  void rejectsWhatIsNotATimeSignature() {
    assertThrows(IllegalArgumentException.class, () -> new TimeSignature(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new TimeSignature(0, 4));
    for (String bad : new String[] {"3", "3/3", "x/4", "3+2/8", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSignature.parse(bad));
      assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("e.g. 3/4"), e.getMessage());
    }
  }
}
