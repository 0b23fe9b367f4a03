package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordQuality;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Section;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChordChartTest {

  @TempDir Path temp;

  static ChordEvent event(String leadSheet, double beats) {
    return new ChordEvent(ChordSymbols.parseLeadSheet(leadSheet), beats);
  }

  static ChordProgression progression(Meter meter, List<Section> sections, ChordEvent... events) {
    return new ChordProgression(ImmutableList.copyOf(events), meter, ImmutableList.copyOf(sections));
  }

  @Test
  void oneChordPerBar() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 4), event("G", 4), event("Am", 4), event("F", 4)));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C | G | Am | F |\n", ChordChart.standard().format(p, Key.C_MAJOR));
  }

  @Test
  void evenSplitsShowTheChordsAlone() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 2), event("G", 2), event("Am", 2), event("F", 2),
        event("C", 4.0 / 3), event("G", 4.0 / 3), event("F", 4.0 / 3)));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C  G | Am  F | C  G  F |\n", ChordChart.standard().format(p, Key.C_MAJOR));
  }

  @Test
  void unevenWholeBeatsGetDotsAndOthersTheirBeats() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 3), event("G", 1), event("F", 1.5), event("C", 2.5)));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C  .  .  G | F(1.5)  C(2.5) |\n", ChordChart.standard().format(p, Key.C_MAJOR));
  }

  @Test
  void aChordAcrossABarLineIsWrittenInBothBars() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 2), event("G", 4), event("F", 2)));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C  G | G  F |\n", ChordChart.standard().format(p, Key.C_MAJOR));
  }

  @Test
  void spellsForTheKey() {
    Chord aSharp = Chord.of(PitchClass.A_SHARP, ChordQuality.MAJOR);
    Chord dSharpMinor = Chord.of(PitchClass.D_SHARP, ChordQuality.MINOR);
    ChordProgression p = ChordProgression.of(List.of(new ChordEvent(aSharp, 4), new ChordEvent(dSharpMinor, 4)));
    assertEquals("Key: Bb major  Time: 4/4\n\n| Bb | Ebm |\n",
        ChordChart.standard().format(p, Key.major(PitchClass.A_SHARP)));
    assertEquals("Key: B major  Time: 4/4\n\n| A# | D#m |\n",
        ChordChart.standard().format(p, Key.major(PitchClass.B)));
    assertEquals("Key: G minor  Time: 4/4\n\n| Bb | Ebm |\n",
        ChordChart.standard().format(p, Key.minor(PitchClass.G)));
    assertEquals("Key: E minor  Time: 4/4\n\n| A# | D#m |\n",
        ChordChart.standard().format(p, Key.minor(PitchClass.E)));
  }

  @Test
  void borrowedChordsAreSpelledAsTheirNumeralsSay() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 4), event("A#", 4), event("G#", 4), event("D#", 4),
        event("F#m7b5", 4), event("C#", 4), event("C/A#", 4)));
    assertEquals("Key: C major  Time: 4/4\n\n| C | Bb | Ab | Eb | F#m7b5 | Db | C/Bb |\n",
        ChordChart.builder().barsPerLine(8).build().format(p, Key.C_MAJOR));
    ChordProgression inE = ChordProgression.of(List.of(event("E", 4), event("D", 4), event("C", 4), event("G", 4),
        event("G#m", 4), event("B/D#", 4)));
    assertEquals("Key: E major  Time: 4/4\n\n| E | D | C | G | G#m | B/D# |\n",
        ChordChart.builder().barsPerLine(8).build().format(inE, Key.major(PitchClass.E)));
    ChordProgression inAMinor = ChordProgression.of(List.of(event("Am", 4), event("F", 4), event("C", 4),
        event("G", 4), event("E", 4), event("A#", 4)));
    assertEquals("Key: A minor  Time: 4/4\n\n| Am | F | C | G | E | Bb |\n",
        ChordChart.builder().barsPerLine(8).build().format(inAMinor, Key.A_MINOR));
  }

  @Test
  void barsPerLineAndColumnsAligned() {
    ChordProgression p = ChordProgression.of(List.of(event("C", 4), event("Am7", 4), event("F", 4), event("G7sus4", 4),
        event("Cmaj7", 4), event("A", 4)));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C      | Am7   | F |\n"
        + "| G7sus4 | Cmaj7 | A |\n", ChordChart.builder().barsPerLine(3).build().format(p, Key.C_MAJOR));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "| C     | Am7 | F | G7sus4 |\n"
        + "| Cmaj7 | A   |\n", ChordChart.standard().format(p, Key.C_MAJOR));
  }

  @Test
  void sectionsRomanNumeralsTempoAndTitle() {
    ChordProgression p = progression(Meter.COMMON_TIME, List.of(new Section("verse", 0), new Section("chorus", 6)),
        event("F", 4), event("C", 2), event("Dm", 2), event("Bb/D", 4), event("C7", 3), event("Gm", 1),
        event("F", 1.5), event("NC", 2.5), event("Ebmaj7", 4), event("C13", 4));
    ChordChart chart = ChordChart.builder().romanNumerals(true).beatsPerMinute(92.5).title("  Test  ").build();
    assertEquals("Test\n"
        + "Key: F major  Time: 4/4  Tempo: 92.5 bpm\n"
        + "\n"
        + "[verse]\n"
        + "| F                 | C  Dm  | Bb/D | C7  .  .  Gm |\n"
        + "| I                 | V  vi  | IV6  | V7  .  .  ii |\n"
        + "\n"
        + "[chorus]\n"
        + "| F(1.5)  N.C.(2.5) | Ebmaj7 | C13  |\n"
        + "| I       N.C.      | bVII7  | V13  |\n", chart.format(p, Key.major(PitchClass.F)));
  }

  @Test
  void noChordUnknownChordAndWholeTempo() {
    ChordProgression p = ChordProgression.of(List.of(event("NC", 4), new ChordEvent(Chord.UNKNOWN, 4), event("Em", 2),
        event("C", 2), event("E5", 4)));
    assertEquals("Key: E minor  Time: 4/4  Tempo: 120 bpm\n"
        + "\n"
        + "| N.C. | X | Em  C   | E5  |\n"
        + "| N.C. | X | i   bVI | I:5 |\n",
        ChordChart.builder().romanNumerals(true).beatsPerMinute(120).build().format(p, Key.minor(PitchClass.E)));
  }

  @Test
  void compoundMetreCountsDottedQuarterBeats() {
    ChordProgression p = ChordProgression.of(List.of(event("Am", 1), event("G", 1), event("F", 2)), new Meter(6, 8));
    assertEquals("Key: A minor  Time: 6/8\n\n| Am  G | F |\n", ChordChart.standard().format(p, Key.A_MINOR));
  }

  @Test
  void sectionInsideABarIsLabelledBeforeThatBar() {
    ChordProgression p = progression(Meter.COMMON_TIME, List.of(new Section("intro", 0), new Section("verse", 2)),
        event("C", 4), event("G", 2), event("F", 2), event("C", 4));
    assertEquals("Key: C major  Time: 4/4\n"
        + "\n"
        + "[intro]\n"
        + "| C    |\n"
        + "\n"
        + "[verse]\n"
        + "| G  F | C |\n", ChordChart.standard().format(p, Key.C_MAJOR));
    ChordProgression sameBar = progression(Meter.COMMON_TIME, List.of(new Section("intro", 0), new Section("A", 1)),
        event("C", 2), event("G", 2), event("F", 4));
    assertEquals("Key: C major  Time: 4/4\n\n[intro] [A]\n| C  G | F |\n",
        ChordChart.standard().format(sameBar, Key.C_MAJOR));
  }

  @Test
  void emptyProgressionIsTheHeaderAlone() {
    assertEquals("Key: D major  Time: 3/4\n",
        ChordChart.standard().format(ChordProgression.of(List.of(), Meter.THREE_FOUR), Key.major(PitchClass.D)));
  }

  @Test
  void writesTheChartToAFile() throws IOException {
    ChordProgression p = ChordProgression.of(List.of(event("D", 4), event("A/C#", 4)));
    Path file = temp.resolve("charts/song.txt");
    ChordChart.standard().write(p, Key.major(PitchClass.D), file);
    assertEquals("Key: D major  Time: 4/4\n\n| D | A/C# |\n", Files.readString(file, StandardCharsets.UTF_8));
    try (var listing = Files.list(file.getParent())) {
      assertEquals(List.of(file), listing.toList());
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> ChordChart.builder().barsPerLine(0));
    assertThrows(IllegalArgumentException.class, () -> ChordChart.builder().beatsPerMinute(0));
    assertThrows(IllegalArgumentException.class, () -> ChordChart.builder().beatsPerMinute(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ChordChart.builder().title(" "));
    assertThrows(IllegalArgumentException.class, () -> ChordChart.builder().title("two\nlines"));
  }
}
