package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Section;
import io.github.rocklstm.render.MidiTracks.Played;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiFileFormat;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiRendererTest {

  @TempDir Path temp;

  private static ChordEvent event(String leadSheet, double beats) {
    return new ChordEvent(ChordSymbols.parseLeadSheet(leadSheet), beats);
  }

  /** C and G for a bar each, then Am and F for half a bar each: 12 beats. */
  private static final ChordProgression C_G_AM_F =
      ChordProgression.of(List.of(event("C", 4), event("G", 4), event("Am", 2), event("F", 2)));

  // Voicings, hand-led: C3+C4 E4 G4; G3+B3 D4 G4 (1+2+0); A3+C4 E4 A4 (1+2+2); F3+C4 F4 A4 (0+1+0).
  private static final List<Integer> C = List.of(48, 60, 64, 67);
  private static final List<Integer> G = List.of(55, 59, 62, 67);
  private static final List<Integer> AM = List.of(57, 60, 64, 69);
  private static final List<Integer> F = List.of(53, 60, 65, 69);

  private Sequence writeAndRead(MidiRenderer renderer, ChordProgression progression, Key key)
      throws IOException, InvalidMidiDataException {
    Path file = temp.resolve("song.mid");
    renderer.write(progression, key, file);
    MidiFileFormat format = MidiSystem.getMidiFileFormat(file.toFile());
    assertEquals(1, format.getType());
    return MidiSystem.getSequence(file.toFile());
  }

  @Test
  void quartersWithRootsHandComputed() throws Exception {
    MidiRenderer renderer = MidiRenderer.builder().rhythm(RhythmPattern.QUARTERS).bassLine(BassLine.ROOTS)
        .title("Four chords").build();
    Sequence sequence = writeAndRead(renderer, C_G_AM_F, Key.C_MAJOR);
    assertEquals(Sequence.PPQ, sequence.getDivisionType());
    assertEquals(480, sequence.getResolution());
    Track[] tracks = sequence.getTracks();
    assertEquals(3, tracks.length);
    assertEquals(12 * 480, sequence.getTickLength());
    assertEquals(6_000_000, sequence.getMicrosecondLength());

    Track conductor = tracks[0];
    assertEquals("Four chords", MidiTracks.name(conductor));
    assertArrayEquals(new byte[] {0x07, (byte) 0xA1, 0x20}, MidiTracks.metaAtStart(conductor, 0x51)); // 500000 us
    assertArrayEquals(new byte[] {4, 2, 24, 8}, MidiTracks.metaAtStart(conductor, 0x58));
    assertArrayEquals(new byte[] {0, 0}, MidiTracks.metaAtStart(conductor, 0x59));

    Track chords = tracks[1];
    assertEquals("Chords", MidiTracks.name(chords));
    assertArrayEquals(new int[] {0, GeneralMidi.ACOUSTIC_GRAND_PIANO, 0}, MidiTracks.programChanges(chords).get(0));
    List<Played> chordNotes = MidiTracks.notes(chords);
    assertEquals(12 * 4, chordNotes.size());
    assertEquals(List.of(0L, 480L, 960L, 1440L, 1920L, 2400L, 2880L, 3360L, 3840L, 4320L, 4800L, 5280L),
        MidiTracks.onsets(chordNotes));
    assertEquals(C, MidiTracks.pitchesAt(chordNotes, 0));
    assertEquals(C, MidiTracks.pitchesAt(chordNotes, 1440));
    assertEquals(G, MidiTracks.pitchesAt(chordNotes, 1920));
    assertEquals(AM, MidiTracks.pitchesAt(chordNotes, 3840));
    assertEquals(F, MidiTracks.pitchesAt(chordNotes, 5280));
    Played first = chordNotes.get(0);
    assertEquals(new Played(0, 450, 0, 48, 100), first);
    // Beats 1 and 3 accented, 2 and 4 not.
    assertEquals(List.of(100, 84, 100, 84), velocitiesAt(chordNotes, 0, 480, 960, 1440));
    assertEquals(5280 + 450, chordNotes.get(chordNotes.size() - 1).end());

    Track bass = tracks[2];
    assertEquals("Bass", MidiTracks.name(bass));
    assertArrayEquals(new int[] {1, GeneralMidi.ELECTRIC_BASS_FINGER, 0}, MidiTracks.programChanges(bass).get(0));
    List<Played> bassNotes = MidiTracks.notes(bass);
    assertEquals(List.of(36, 36, 36, 36, 43, 43, 43, 43, 45, 45, 41, 41), pitches(bassNotes));
    assertEquals(new Played(1920, 2370, 1, 43, 100), bassNotes.get(4));
  }

  @Test
  void rockEighthsAccentOneAndThree() throws Exception {
    Sequence sequence = MidiRenderer.builder().bassLine(BassLine.NONE).build().toSequence(C_G_AM_F);
    assertEquals(2, sequence.getTracks().length);
    List<Played> notes = MidiTracks.notes(sequence.getTracks()[1]);
    assertEquals(24 * 4, notes.size());
    assertEquals(List.of(100, 68, 84, 68, 100, 68, 84, 68),
        velocitiesAt(notes, 0, 240, 480, 720, 960, 1200, 1440, 1680));
    assertEquals(new Played(240, 450, 0, 48, 68), notes.get(4));
    assertEquals(AM, MidiTracks.pitchesAt(notes, 4080));
    // No key given: no key signature.
    assertEquals(0, MidiTracks.metas(sequence.getTracks()[0], 0x59).size());
  }

  @Test
  void sustainedHoldsEachChord() throws Exception {
    Sequence sequence = writeAndRead(MidiRenderer.builder().rhythm(RhythmPattern.SUSTAINED).bassLine(BassLine.NONE)
        .chordProgram(GeneralMidi.OVERDRIVEN_GUITAR).build(), C_G_AM_F, Key.C_MAJOR);
    List<Played> notes = MidiTracks.notes(sequence.getTracks()[1]);
    assertEquals(16, notes.size());
    assertEquals(List.of(0L, 1920L, 3840L, 4800L), MidiTracks.onsets(notes));
    assertEquals(new Played(0, 1890, 0, 48, 100), notes.get(0));
    assertEquals(new Played(3840, 4770, 0, 57, 100), notes.get(8));
    assertEquals(GeneralMidi.OVERDRIVEN_GUITAR, MidiTracks.programChanges(sequence.getTracks()[1]).get(0)[1]);
  }

  @Test
  void approachNotesLeadIntoTheNextBass() throws Exception {
    Sequence sequence = MidiRenderer.builder().rhythm(RhythmPattern.SUSTAINED)
        .bassLine(BassLine.ROOTS_AND_APPROACH).bassProgram(GeneralMidi.ELECTRIC_BASS_PICK).build()
        .toSequence(C_G_AM_F);
    List<Played> bass = MidiTracks.notes(sequence.getTracks()[2]);
    // C to G goes up: F#; G to A up: G#; A to F down: F#; F is last.
    assertEquals(List.of(36, 36, 36, 42, 43, 43, 43, 44, 45, 42, 41, 41), pitches(bass));
    assertEquals(new Played(1440, 1890, 1, 42, 84), bass.get(3));
    assertEquals(GeneralMidi.ELECTRIC_BASS_PICK, MidiTracks.programChanges(sequence.getTracks()[2]).get(0)[1]);
  }

  @Test
  void compoundMetreBeatsAreDottedQuarters() throws Exception {
    ChordProgression sixEight = ChordProgression.of(List.of(event("Em", 2), event("D", 2)), new Meter(6, 8));
    Sequence sequence = writeAndRead(MidiRenderer.builder().beatsPerMinute(80).build(), sixEight,
        Key.minor(PitchClass.E));
    Track conductor = sequence.getTracks()[0];
    // 80 dotted quarters a minute = 120 quarters = 500000 us per quarter.
    assertArrayEquals(new byte[] {0x07, (byte) 0xA1, 0x20}, MidiTracks.metaAtStart(conductor, 0x51));
    assertArrayEquals(new byte[] {6, 3, 36, 8}, MidiTracks.metaAtStart(conductor, 0x58));
    assertArrayEquals(new byte[] {1, 1}, MidiTracks.metaAtStart(conductor, 0x59));
    assertEquals(2 * 1440, sequence.getTickLength());
    List<Played> chords = MidiTracks.notes(sequence.getTracks()[1]);
    // Three eighths per beat: strikes every 240 ticks; the second beat of the bar is not accented.
    assertEquals(List.of(100, 68, 68, 84, 68, 68), velocitiesAt(chords, 0, 240, 480, 720, 960, 1200));
    List<Played> bass = MidiTracks.notes(sequence.getTracks()[2]);
    assertEquals(List.of(0L, 720L, 1440L, 2160L), MidiTracks.onsets(bass));
    assertEquals(List.of(40, 40, 38, 38), pitches(bass));
  }

  @Test
  void fractionalBeatsAndRests() throws Exception {
    ChordProgression p = ChordProgression.of(List.of(event("C", 4.0 / 3), event("Dm", 4.0 / 3), event("Em", 4.0 / 3),
        event("NC", 4), event("F", 4)));
    Sequence sequence = MidiRenderer.builder().rhythm(RhythmPattern.QUARTERS).build().toSequence(p);
    List<Played> chords = MidiTracks.notes(sequence.getTracks()[1]);
    // Chords start at 0, 640 and 1280; strikes at each start and on each beat inside.
    assertEquals(List.of(0L, 480L, 640L, 960L, 1280L, 1440L, 3840L, 4320L, 4800L, 5280L), MidiTracks.onsets(chords));
    assertEquals(List.of(100, 84, 68, 100, 68, 84), velocitiesAt(chords, 0, 480, 640, 960, 1280, 1440));
    // 480 to 640 is 160 ticks: a release gap of 30.
    assertEquals(610, chords.stream().filter(n -> n.start() == 480).findFirst().orElseThrow().end());
    // C4 E4 G4, then D4 F4 A4 (2+1+2), then B3 E4 G4 (3+1+2, ties E4 G4 B4 and is nearer E4); across the rest F
    // is led from B3 E4 G4: C4 F4 A4 (1+1+2) beats A3 C4 F4 (2+4+2).
    assertEquals(F, MidiTracks.pitchesAt(chords, 3840));
    List<Played> bass = MidiTracks.notes(sequence.getTracks()[2]);
    assertEquals(List.of(0L, 480L, 640L, 960L, 1280L, 1440L, 3840L, 4320L, 4800L, 5280L), MidiTracks.onsets(bass));
    assertEquals(12 * 480, sequence.getTickLength());
  }

  @Test
  void sectionsBecomeMarkers() throws Exception {
    ChordProgression p = new ChordProgression(C_G_AM_F.events(), Meter.COMMON_TIME,
        ImmutableList.of(new Section("verse", 0), new Section("chorus", 2)));
    Sequence sequence = writeAndRead(MidiRenderer.standard(), p, Key.C_MAJOR);
    Track conductor = sequence.getTracks()[0];
    List<String> markers = new ArrayList<>();
    List<Long> ticks = new ArrayList<>();
    for (int i = 0; i < conductor.size(); i++) {
      if (conductor.get(i).getMessage() instanceof MetaMessage meta && meta.getType() == 0x06) {
        markers.add(new String(meta.getData(), StandardCharsets.UTF_8));
        ticks.add(conductor.get(i).getTick());
      }
    }
    assertEquals(List.of("verse", "chorus"), markers);
    assertEquals(List.of(0L, 3840L), ticks);
  }

  @Test
  void keySignatures() {
    assertEquals(0, TrackEvents.sharps(Key.C_MAJOR));
    assertEquals(0, TrackEvents.sharps(Key.A_MINOR));
    assertEquals(-1, TrackEvents.sharps(Key.major(PitchClass.F)));
    assertEquals(-2, TrackEvents.sharps(Key.minor(PitchClass.G)));
    assertEquals(4, TrackEvents.sharps(Key.major(PitchClass.E)));
    assertEquals(-6, TrackEvents.sharps(Key.major(PitchClass.F_SHARP)));
    assertEquals(5, TrackEvents.sharps(Key.major(PitchClass.B)));
    assertEquals(-5, TrackEvents.sharps(Key.minor(PitchClass.A_SHARP)));
    assertEquals(3, TrackEvents.sharps(Key.minor(PitchClass.F_SHARP)));
  }

  @Test
  void emptyProgressionIsAValidSilentFile() throws Exception {
    Sequence sequence = writeAndRead(MidiRenderer.standard(), ChordProgression.of(List.of()), Key.C_MAJOR);
    assertEquals(3, sequence.getTracks().length);
    assertEquals(0, sequence.getTickLength());
    assertEquals(0, MidiTracks.notes(sequence.getTracks()[1]).size());
  }

  @Test
  void rejectsBadSettingsAndKeepsTheOldFileOnFailure() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> MidiRenderer.builder().beatsPerMinute(0));
    assertThrows(IllegalArgumentException.class, () -> MidiRenderer.builder().chordProgram(128));
    assertThrows(IllegalArgumentException.class, () -> MidiRenderer.builder().bassProgram(-1));
    Path file = temp.resolve("keep.mid");
    Files.writeString(file, "old");
    // One beat a minute is 60 s per quarter: beyond MIDI's 16.7 s.
    MidiRenderer tooSlow = MidiRenderer.builder().beatsPerMinute(1).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tooSlow.write(C_G_AM_F, Key.C_MAJOR, file));
    assertTrue(e.getMessage().contains("microseconds per quarter note"), e.getMessage());
    assertEquals("old", Files.readString(file));
  }

  private static List<Integer> pitches(List<Played> notes) {
    List<Integer> pitches = new ArrayList<>();
    notes.forEach(n -> pitches.add(n.pitch()));
    return pitches;
  }

  /** The velocity of the notes at each tick (all notes struck at one tick share it). */
  private static List<Integer> velocitiesAt(List<Played> notes, long... ticks) {
    List<Integer> velocities = new ArrayList<>();
    for (long tick : ticks) {
      List<Integer> at = new ArrayList<>();
      notes.stream().filter(n -> n.start() == tick).forEach(n -> at.add(n.velocity()));
      assertTrue(!at.isEmpty() && at.stream().distinct().count() == 1, "velocities at " + tick + ": " + at);
      velocities.add(at.get(0));
    }
    return velocities;
  }
}
