package io.github.rocklstm.music;

import static io.github.rocklstm.music.ChordSymbols.parseHarte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChordProgressionTest {

  private static ChordEvent event(String harte, double beats) {
    return new ChordEvent(parseHarte(harte), beats);
  }

  @Test
  void totalBeatsTransposeAndChords() {
    ChordProgression progression = new ChordProgression(
        ImmutableList.of(event("C:maj", 4), event("A:min", 2), event("F:maj", 2), event("G:7", 4)),
        Meter.COMMON_TIME, ImmutableList.of(new Section("verse", 0), new Section("chorus", 3)));
    assertEquals(12.0, progression.totalBeats());
    ChordProgression up = progression.transpose(2);
    assertEquals(List.of(parseHarte("D:maj"), parseHarte("B:min"), parseHarte("G:maj"), parseHarte("A:7")),
        up.chords());
    assertEquals(progression.sections(), up.sections());
    assertEquals(progression.meter(), up.meter());
    assertEquals(progression, up.transpose(-2));
  }

  @Test
  void barsSplitEventsAtBarLines() {
    // 6/8 has 2 beats a bar: 3 beats of C cross the first bar line.
    ChordProgression progression = ChordProgression.of(
        List.of(event("C:maj", 3), event("G:maj", 1), event("A:min", 0.5), event("F:maj", 1.5), event("N", 1)),
        Meter.parse("6/8"));
    ImmutableList<ImmutableList<ChordEvent>> bars = progression.bars();
    assertEquals(4, bars.size());
    assertEquals(List.of(event("C:maj", 2)), bars.get(0));
    assertEquals(List.of(event("C:maj", 1), event("G:maj", 1)), bars.get(1));
    assertEquals(List.of(event("A:min", 0.5), event("F:maj", 1.5)), bars.get(2));
    assertEquals(List.of(new ChordEvent(Chord.NO_CHORD, 1)), bars.get(3), "the last bar may be short");
  }

  @Test
  void barsWithThirdsOfBeats() {
    double third = 4.0 / 3;
    ChordProgression progression = ChordProgression.of(
        List.of(event("C:maj", third), event("D:min", third), event("E:min", third), event("F:maj", 4)));
    assertEquals(2, progression.bars().size());
    assertEquals(3, progression.bars().get(0).size());
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> new ChordEvent(Chord.NO_CHORD, 0));
    assertThrows(IllegalArgumentException.class, () -> new ChordEvent(Chord.NO_CHORD, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Section(" ", 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChordProgression(
        ImmutableList.of(event("C:maj", 4)), Meter.COMMON_TIME, ImmutableList.of(new Section("verse", 1))));
    assertTrue(e.getMessage().contains("verse"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ChordProgression(
        ImmutableList.of(event("C:maj", 4), event("G:maj", 4)), Meter.COMMON_TIME,
        ImmutableList.of(new Section("b", 1), new Section("a", 1))));
    assertEquals(0.0, ChordProgression.of(List.of()).totalBeats());
    assertTrue(ChordProgression.of(List.of()).bars().isEmpty());
  }
}
