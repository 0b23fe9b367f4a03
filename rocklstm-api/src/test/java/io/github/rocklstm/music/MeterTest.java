package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeterTest {

  @Test
  void simpleAndCompoundBeats() {
    assertEquals(4, Meter.parse("4/4").beatsPerBar());
    assertEquals(3, Meter.parse("3/4").beatsPerBar());
    assertEquals(2, Meter.parse("2/2").beatsPerBar());
    assertEquals(2.0, Meter.parse("2/2").beatInQuarterNotes());
    assertEquals(3, Meter.parse("3/8").beatsPerBar());
    assertEquals(0.5, Meter.parse("3/8").beatInQuarterNotes());
    Meter sixEight = Meter.parse("6/8");
    assertTrue(sixEight.isCompound());
    assertEquals(2, sixEight.beatsPerBar());
    assertEquals(1.5, sixEight.beatInQuarterNotes());
    assertEquals(4, Meter.parse("12/8").beatsPerBar());
    assertEquals(3, Meter.parse("9/8").beatsPerBar());
    assertFalse(Meter.parse("6/4").isCompound());
    assertEquals(6, Meter.parse("6/4").beatsPerBar());
    assertEquals(5, Meter.parse("5/4").beatsPerBar());
  }

  @Test
  void parsesJazzTimeSigAndFormats() {
    assertEquals(new Meter(4, 4), Meter.parse("4 4"));
    assertEquals(new Meter(12, 8), Meter.parse(" 12 / 8 "));
    assertEquals("6/8", Meter.parse("6/8").toString());
    assertEquals(Meter.COMMON_TIME, Meter.parse("4/4"));
  }

  @Test
  void rejectsNonsense() {
    for (String bad : new String[] {"", "4", "4/3", "0/4", "4/4/4", "x/4", "4/0", "65/4", "(3/4)"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Meter.parse(bad), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void barLengthsInNoteTicksAndCommonTimeSymbols() {
    assertEquals(40320, Meter.COMMON_TIME.barTicks());
    assertEquals(30240, Meter.THREE_FOUR.barTicks());
    assertEquals(60480, new Meter(3, 2).barTicks());
    assertEquals(30240, new Meter(6, 8).barTicks());
    assertEquals(Meter.COMMON_TIME, Meter.parse("C"));
    assertEquals(new Meter(2, 2), Meter.parse("C|"));
  }
}
