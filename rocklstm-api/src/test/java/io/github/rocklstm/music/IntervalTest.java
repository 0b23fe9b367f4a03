package io.github.rocklstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IntervalTest {

  @Test
  void parsesHarteDegreesWithTheirSizes() {
    assertEquals(0, Interval.parse("1").semitones());
    assertEquals(3, Interval.parse("b3").semitones());
    assertEquals(4, Interval.parse("3").semitones());
    assertEquals(6, Interval.parse("#4").semitones());
    assertEquals(6, Interval.parse("b5").semitones());
    assertEquals(7, Interval.parse("5").semitones());
    assertEquals(8, Interval.parse("#5").semitones());
    assertEquals(9, Interval.parse("6").semitones());
    assertEquals(9, Interval.parse("bb7").semitones());
    assertEquals(10, Interval.parse("b7").semitones());
    assertEquals(11, Interval.parse("7").semitones());
    assertEquals(13, Interval.parse("b9").semitones());
    assertEquals(14, Interval.parse("9").semitones());
    assertEquals(15, Interval.parse("#9").semitones());
    assertEquals(17, Interval.parse("11").semitones());
    assertEquals(18, Interval.parse("#11").semitones());
    assertEquals(20, Interval.parse("b13").semitones());
    assertEquals(21, Interval.parse("13").semitones());
    assertEquals(-1, Interval.parse("b1").semitones());
    assertEquals(11, Interval.parse("b1").pitchClassOffset());
    assertEquals(2, Interval.parse("9").pitchClassOffset());
  }

  @Test
  void keepsSpellingAndFormatsBack() {
    for (String name : List.of("1", "b3", "3", "#4", "b5", "5", "#5", "6", "bb7", "b7", "7", "b9", "9", "#9", "11",
        "#11", "b13", "13", "bb13")) {
      assertEquals(name, Interval.parse(name).toString());
    }
    assertFalse(Interval.parse("#4").equals(Interval.parse("b5")));
    assertFalse(Interval.parse("9").equals(Interval.parse("2")));
    assertTrue(Interval.parse("b9").isAltered());
    assertEquals(Interval.natural(9), Interval.parse("#9").unaltered());
  }

  @Test
  void sortsByDegreeThenAlteration() {
    TreeSet<Interval> set = new TreeSet<>();
    for (String name : List.of("11", "9", "b7", "#9", "3", "1", "b9", "5", "b3")) {
      set.add(Interval.parse(name));
    }
    assertEquals("[1, b3, 3, 5, b7, b9, 9, #9, 11]", set.toString());
  }

  @Test
  void defaultSpellingOfSemitoneCounts() {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      names.append(Interval.fromSemitones(i)).append(' ');
    }
    assertEquals("1 b2 2 b3 3 4 b5 5 b6 6 b7 7 ", names.toString());
    assertEquals(Interval.parse("b7"), Interval.fromSemitones(-2));
  }

  @Test
  void rejectsWhatIsNotAnInterval() {
    for (String bad : List.of("", "b", "0", "14", "bbb3", "3b", "x3", "#", "b 3")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interval.parse(bad), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Interval.of(14, 0));
    assertThrows(IllegalArgumentException.class, () -> Interval.of(3, 3));
  }
}
