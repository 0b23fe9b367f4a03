package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChoraleTest {

  private static final int Q = Note.TICKS_PER_QUARTER;

  /** A 3/4 phrase with a quarter pickup: 1 + 3 + 3 quarters = 70560 ticks. */
  private static Chorale phrase() {
    List<Note> soprano = List.of(Note.of(67, 0, Q), Note.of(67, Q, 2 * Q), Note.of(74, 3 * Q, Q),
        new Note(71, 4 * Q, 3 * Q, false, false, true));
    List<Note> alto = List.of(Note.of(62, 0, Q), new Note(62, Q, 3 * Q, true, false, false),
        new Note(62, 4 * Q, Q, false, true, false), new Note(62, 5 * Q, 2 * Q, false, false, true));
    List<Note> tenor = List.of(Note.of(59, 0, Q), Note.of(59, Q, Q), /* rest */ Note.of(57, 3 * Q, 4 * Q));
    List<Note> bass = List.of(Note.of(43, 0, Q), Note.of(55, Q, 6 * Q));
    return Chorale.of("test", "A test", Key.major(PitchClass.G), Meter.THREE_FOUR, Q, soprano, alto, tenor,
        bass);
  }

  @Test
  void ofLaysOutThePickupAndFullBars() {
    Chorale c = phrase();
    assertEquals(7 * Q, c.totalDuration());
    assertEquals(ImmutableList.of(0, Q, 4 * Q), c.measureStarts());
    assertEquals(3, c.measureCount());
    assertEquals(Q, c.pickup());
    assertEquals(13, c.noteCount());
    assertEquals("test (G, 3/4, pickup 10080, 3 measures, 13 notes)", c.toString());
    assertSame(c.tenor(), c.voice(Voice.TENOR));
    assertEquals(List.of(Voice.SOPRANO, Voice.ALTO, Voice.TENOR, Voice.BASS), c.voices().keySet().asList());
  }

  @Test
  void fermataPositionsAreDistinctAndSorted() {
    // soprano has a fermata at 4Q, alto at 5Q
    assertEquals(ImmutableSortedSet.of(4 * Q, 5 * Q), phrase().fermataPositions());
  }

  @Test
  void transposeMovesEveryNoteAndTheKey() {
    Chorale c = phrase();
    Chorale up = c.transpose(2);
    assertEquals(Key.major(PitchClass.A), up.key());
    for (Voice v : Voice.values()) {
      for (int i = 0; i < c.voice(v).size(); i++) {
        assertEquals(c.voice(v).get(i).pitch() + 2, up.voice(v).get(i).pitch());
        assertEquals(c.voice(v).get(i).start(), up.voice(v).get(i).start());
      }
    }
    assertEquals(c, up.transpose(-2));
    assertSame(c, c.transpose(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.transpose(-50));
    assertTrue(e.getMessage().contains("BASS") && e.getMessage().contains("test"), e.getMessage());
  }

  @Test
  void equalityIsByValue() {
    assertEquals(phrase(), phrase());
    assertEquals(phrase().hashCode(), phrase().hashCode());
    assertFalse(phrase().equals(phrase().transpose(1)));
  }

  @Test
  void overlappingNotesInOneVoiceAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Chorale.of("x", "x", Key.C_MAJOR, Meter.COMMON_TIME, 0,
            List.of(Note.of(60, 0, 2 * Q), Note.of(62, Q, Q)), List.of(), List.of(), List.of()));
    assertTrue(e.getMessage().contains("SOPRANO") && e.getMessage().contains("monophonic"), e.getMessage());
  }

  @Test
  void inconsistentLayoutIsRejected() {
    ImmutableList<Note> line = ImmutableList.of(Note.of(60, 0, 4 * Q));
    ImmutableList<Note> none = ImmutableList.of();
    // a line that ends after the piece
    assertThrows(IllegalArgumentException.class, () -> new Chorale("x", "x", Key.C_MAJOR, Meter.COMMON_TIME,
        0, ImmutableList.of(0), 2 * Q, line, none, none, none));
    // a pickup that is not the first measure
    IllegalArgumentException pickup = assertThrows(IllegalArgumentException.class, () -> new Chorale("x", "x",
        Key.C_MAJOR, Meter.COMMON_TIME, Q, ImmutableList.of(0, 2 * Q), 4 * Q, line, none, none, none));
    assertTrue(pickup.getMessage().contains("pickup"), pickup.getMessage());
    // a pickup as long as a bar
    assertThrows(IllegalArgumentException.class, () -> new Chorale("x", "x", Key.C_MAJOR, Meter.COMMON_TIME,
        4 * Q, ImmutableList.of(0, 4 * Q), 8 * Q, line, none, none, none));
    // bar lines out of order or not from 0
    assertThrows(IllegalArgumentException.class, () -> new Chorale("x", "x", Key.C_MAJOR, Meter.COMMON_TIME,
        0, ImmutableList.of(0, 2 * Q, 2 * Q), 4 * Q, line, none, none, none));
    assertThrows(IllegalArgumentException.class, () -> new Chorale("x", "x", Key.C_MAJOR, Meter.COMMON_TIME,
        0, ImmutableList.of(Q), 4 * Q, line, none, none, none));
    assertThrows(IllegalArgumentException.class, () -> new Chorale(" ", "x", Key.C_MAJOR, Meter.COMMON_TIME,
        0, ImmutableList.of(0), 4 * Q, line, none, none, none));
    assertThrows(IllegalArgumentException.class, () -> new Chorale("x", " ", Key.C_MAJOR, Meter.COMMON_TIME,
        0, ImmutableList.of(0), 4 * Q, line, none, none, none));
    assertEquals("t", new Chorale("x", " t\n", Key.C_MAJOR, Meter.COMMON_TIME, 0, ImmutableList.of(0), 4 * Q,
        line, none, none, none).title());
  }

  @Test
  void voiceRanges() {
    assertEquals(60, Voice.SOPRANO.usualLowest());
    assertEquals(79, Voice.SOPRANO.usualHighest());
    assertTrue(Voice.BASS.inUsualRange(40) && !Voice.BASS.inUsualRange(39));
    assertTrue(Voice.BASS.inBachRange(36) && !Voice.BASS.inBachRange(65));
    assertTrue(Voice.TENOR.inBachRange(69) && !Voice.TENOR.inUsualRange(69));
    assertEquals(Voice.ALTO, Voice.ofIndex(1));
    assertThrows(IllegalArgumentException.class, () -> Voice.ofIndex(4));
    for (Voice v : Voice.values()) {
      assertTrue(v.bachLowest() <= v.usualLowest() && v.usualHighest() <= v.bachHighest(), v.name());
    }
  }
}
