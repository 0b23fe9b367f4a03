package io.github.rocklstm.music;

import static io.github.rocklstm.music.ChordSymbols.parseHarte;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
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
  void barsNeverCutASliverOffAnEventForRoundingError() {
    // Twelve thirds of a beat add up to a little less than 4 - 1/3 before the last one: the last third must stay
    // whole in the first bar.
    List<ChordEvent> thirds = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      thirds.add(event(i % 2 == 0 ? "C:maj" : "G:maj", 1.0 / 3));
    }
    thirds.add(event("F:maj", 4));
    ImmutableList<ImmutableList<ChordEvent>> bars = ChordProgression.of(thirds).bars();
    assertEquals(2, bars.size());
    assertEquals(thirds.subList(0, 12), bars.get(0));
    assertEquals(List.of(event("F:maj", 4)), bars.get(1));
  }

  @Test
  void metreChangesStartBarsInTheirMetre() {
    // 4/4: C for a bar; 2/4 from event 1: G for a bar; 3/4 from event 2: F for two bars, A:min for one; 4/4 from
    // event 4: D for a bar and a half (the last bar is short).
    ChordProgression progression = new ChordProgression(
        ImmutableList.of(event("C:maj", 4), event("G:maj", 2), event("F:maj", 6), event("A:min", 3),
            event("D:maj", 6)),
        Meter.COMMON_TIME, ImmutableList.of(new Section("verse", 0)),
        ImmutableList.of(new MeterChange(1, new Meter(2, 4)), new MeterChange(2, Meter.THREE_FOUR),
            new MeterChange(4, Meter.COMMON_TIME)));
    assertEquals(List.of(List.of(event("C:maj", 4)), List.of(event("G:maj", 2)), List.of(event("F:maj", 3)),
        List.of(event("F:maj", 3)), List.of(event("A:min", 3)), List.of(event("D:maj", 4)),
        List.of(event("D:maj", 2))), progression.bars());
    assertEquals(List.of(Meter.COMMON_TIME, new Meter(2, 4), Meter.THREE_FOUR, Meter.THREE_FOUR,
        Meter.COMMON_TIME), List.of(progression.meterAt(0), progression.meterAt(1), progression.meterAt(2),
        progression.meterAt(3), progression.meterAt(4)));
    assertThrows(IndexOutOfBoundsException.class, () -> progression.meterAt(5));
    ChordProgression up = progression.transpose(5);
    assertEquals(progression.meterChanges(), up.meterChanges());
    assertEquals(progression, up.transpose(-5));
    // Without the changes the same events make other bars: 21 beats of 4/4.
    assertEquals(6, ChordProgression.of(progression.events()).bars().size());
  }

  @Test
  void aMetreChangeMidBarStartsANewBar() {
    // 4/4 C for 2 beats, then 3/4: the first bar is short, the G bars start at the change.
    ChordProgression progression = new ChordProgression(ImmutableList.of(event("C:maj", 2), event("G:maj", 6)),
        Meter.COMMON_TIME, ImmutableList.of(), ImmutableList.of(new MeterChange(1, Meter.THREE_FOUR)));
    assertEquals(List.of(List.of(event("C:maj", 2)), List.of(event("G:maj", 3)), List.of(event("G:maj", 3))),
        progression.bars());
  }

  @Test
  void metreChangeValidation() {
    ImmutableList<ChordEvent> two = ImmutableList.of(event("C:maj", 4), event("G:maj", 4));
    IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
        () -> new MeterChange(0, Meter.THREE_FOUR));
    assertTrue(first.getMessage().contains("event 1 or later"), first.getMessage());
    IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class, () -> new ChordProgression(two,
        Meter.COMMON_TIME, ImmutableList.of(), ImmutableList.of(new MeterChange(2, Meter.THREE_FOUR))));
    assertTrue(beyond.getMessage().contains("2 events"), beyond.getMessage());
    IllegalArgumentException restated = assertThrows(IllegalArgumentException.class, () -> new ChordProgression(
        two, Meter.COMMON_TIME, ImmutableList.of(), ImmutableList.of(new MeterChange(1, Meter.COMMON_TIME))));
    assertTrue(restated.getMessage().contains("restates"), restated.getMessage());
    ImmutableList<ChordEvent> three = ImmutableList.of(event("C:maj", 4), event("G:maj", 4), event("F:maj", 4));
    assertThrows(IllegalArgumentException.class, () -> new ChordProgression(three, Meter.COMMON_TIME,
        ImmutableList.of(), ImmutableList.of(new MeterChange(2, Meter.THREE_FOUR), new MeterChange(1,
            new Meter(2, 4)))));
    assertEquals(ImmutableList.of(), new ChordProgression(two, Meter.COMMON_TIME, ImmutableList.of()).meterChanges());
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
