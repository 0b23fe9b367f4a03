package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoteTest {

  @Test
  void ticksAreExactForPlainDottedAndTupletValues() {
    assertEquals(10080, Note.ticks(1, 1));
    assertEquals(2520, Note.ticks(1, 4));
    assertEquals(Note.TICKS_PER_SIXTEENTH, Note.ticks(1, 4));
    assertEquals(15120, Note.ticks(3, 2));
    assertEquals(3360, Note.ticks(1, 3)); // triplet eighth
    assertEquals(2016, Note.ticks(1, 5)); // quintuplet 16th of a quarter
    assertEquals(1440, Note.ticks(1, 7));
    assertEquals(315, Note.ticks(1, 32)); // 128th
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Note.ticks(1, 11));
    assertTrue(e.getMessage().contains("1/11"), e.getMessage());
  }

  @Test
  void pitchNamesFollowScientificNotation() {
    assertEquals("C4", Note.of(60, 0, 1).pitchName());
    assertEquals("C#4", Note.of(61, 0, 1).pitchName());
    assertEquals("B3", Note.of(59, 0, 1).pitchName());
    assertEquals("C-1", Note.of(0, 0, 1).pitchName());
    assertEquals("G9", Note.of(127, 0, 1).pitchName());
    assertEquals(PitchClass.A, Note.of(69, 0, 1).pitchClass());
  }

  @Test
  void endTransposeAndFlags() {
    Note n = new Note(67, 10080, 20160, true, false, true);
    assertEquals(30240, n.end());
    assertEquals(2.0, n.quarters());
    Note up = n.transpose(2);
    assertEquals(69, up.pitch());
    assertEquals(n.start(), up.start());
    assertTrue(up.tieStart() && up.fermata() && !up.tieStop());
    assertEquals("G4@10080+20160~F", n.toString());
    assertEquals("G4@0+20160<", n.withStart(0).withTies(false, true).withFermata(false).toString());
    assertFalse(n.withFermata(false).fermata());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Note.of(120, 0, 1).transpose(8));
    assertTrue(e.getMessage().contains("128"), e.getMessage());
  }

  @Test
  void invalidNotesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Note.of(128, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Note.of(-1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> Note.of(60, -1, 1));
    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Note.of(60, 0, 0));
    assertTrue(zero.getMessage().contains("duration"), zero.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Note.of(60, Integer.MAX_VALUE, 2));
  }
}
