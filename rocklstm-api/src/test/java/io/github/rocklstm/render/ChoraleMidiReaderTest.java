package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import io.github.rocklstm.token.ChoraleTokenizer;
import io.github.rocklstm.token.PreparedChorale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chorales written by {@link ChoraleMidiRenderer} and read back by {@link ChoraleMidiReader}. */
class ChoraleMidiReaderTest {

  private static final int Q = Note.TICKS_PER_QUARTER;
  private static final int S = Note.TICKS_PER_SIXTEENTH;

  @TempDir Path temp;

  /** A voice's notes as {@code [pitch, onset, duration]}, onset and duration in 16ths. */
  private static List<List<Integer>> inSixteenths(List<Note> notes) {
    List<List<Integer>> out = new ArrayList<>();
    for (Note n : notes) {
      assertEquals(0, n.start() % S, "onset on the 16th grid: " + n);
      assertEquals(0, n.duration() % S, "duration on the 16th grid: " + n);
      out.add(List.of(n.pitch(), n.start() / S, n.duration() / S));
    }
    return out;
  }

  /**
   * One bar of 3/4 in E minor after a quarter-note pickup: the alto ties E4 over the bar line (one MIDI note), the
   * tenor rests for an 8th, the soprano ends on a fermata (not kept by MIDI).
   */
  @Test
  void readsBackTheHandBuiltChoraleNoteForNote() throws Exception {
    List<Note> soprano = List.of(Note.of(71, 0, Q), Note.of(67, Q, Q / 2), Note.of(69, Q + Q / 2, Q / 2),
        Note.of(71, 2 * Q, Q), new Note(66, 3 * Q, Q, false, false, true));
    List<Note> alto = List.of(new Note(64, 0, Q, true, false, false), new Note(64, Q, Q, false, true, false),
        Note.of(62, 2 * Q, Q), Note.of(63, 3 * Q, Q));
    List<Note> tenor = List.of(Note.of(59, 0, Q), Note.of(60, Q + Q / 2, Q / 2), Note.of(59, 2 * Q, 2 * Q));
    List<Note> bass = List.of(Note.of(55, 0, Q), Note.of(52, Q, Q / 4), Note.of(54, Q + Q / 4, 3 * Q / 4),
        Note.of(55, 2 * Q, Q), Note.of(47, 3 * Q, Q));
    Chorale chorale = Chorale.of("hand", "Hand-built", Key.minor(PitchClass.E), Meter.THREE_FOUR, Q, soprano, alto,
        tenor, bass);
    Path file = temp.resolve("hand.mid");
    ChoraleMidiRenderer.standard().write(chorale, file);

    Sequence sequence = MidiSystem.getSequence(file.toFile());
    Track[] tracks = sequence.getTracks();
    assertEquals(5, tracks.length, "a conductor track and four voices");
    for (int voice = 0; voice < 4; voice++) {
      assertEquals(voice, MidiTracks.notes(tracks[voice + 1]).get(0).channel());
    }

    Chorale back = ChoraleMidiReader.read(file);
    assertEquals("hand", back.id());
    assertEquals("Hand-built", back.title());
    assertEquals(Key.minor(PitchClass.E), back.key());
    assertEquals(Meter.THREE_FOUR, back.meter());
    assertEquals(List.of(List.of(71, 0, 4), List.of(67, 4, 2), List.of(69, 6, 2), List.of(71, 8, 4),
        List.of(66, 12, 4)), inSixteenths(back.soprano()));
    assertEquals(List.of(List.of(64, 0, 8), List.of(62, 8, 4), List.of(63, 12, 4)),
        inSixteenths(back.voice(Voice.ALTO)));
    assertEquals(List.of(List.of(59, 0, 4), List.of(60, 6, 2), List.of(59, 8, 8)),
        inSixteenths(back.voice(Voice.TENOR)));
    assertEquals(List.of(List.of(55, 0, 4), List.of(52, 4, 1), List.of(54, 5, 3), List.of(55, 8, 4),
        List.of(47, 12, 4)), inSixteenths(back.voice(Voice.BASS)));
    assertEquals(chorale.totalDuration(), back.totalDuration());
  }

  /**
   * Twenty chorales of the corpus, prepared (ties merged, on the 16th grid) and moved back to their written keys,
   * come back from MIDI with the same notes in every voice, the same key and the same metre.
   */
  @Test
  void corpusChoralesRoundTripThroughMidi() throws Exception {
    Path bach = DataDirectory.resolve("music21-bach-chorales").resolve("bach");
    List<Path> files;
    try (Stream<Path> list = Files.list(bach)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".mxl")).sorted().limit(20)
          .collect(Collectors.toList());
    }
    int notes = 0;
    for (Chorale written : MusicXmlChoraleReader.strict().readAll(files).chorales()) {
      PreparedChorale prepared = ChoraleTokenizer.prepare(written);
      Chorale chorale = prepared.chorale().transpose(-prepared.semitones());
      assertEquals(written.key(), chorale.key(), written.id());
      Path file = temp.resolve(written.id() + ".mid");
      ChoraleMidiRenderer.standard().write(chorale, file);
      assertEquals(5, MidiSystem.getSequence(file.toFile()).getTracks().length, written.id());
      Chorale back = ChoraleMidiReader.read(file);
      assertEquals(written.id(), back.id());
      assertEquals(chorale.key(), back.key(), written.id());
      assertEquals(chorale.meter(), back.meter(), written.id());
      for (Voice voice : Voice.values()) {
        assertEquals(inSixteenths(chorale.voice(voice)), inSixteenths(back.voice(voice)), written.id() + " " + voice);
        notes += back.voice(voice).size();
      }
    }
    assertTrue(notes > 20 * 4 * 20, "notes compared: " + notes);
  }

  @Test
  void theTitleIsTheFirstTracksNameOnly() throws Exception {
    Sequence sequence = new Sequence(Sequence.PPQ, Q);
    Track conductor = sequence.createTrack();
    Track melody = sequence.createTrack();
    byte[] name = "Soprano".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    melody.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.MetaMessage(0x03, name, name.length), 0));
    melody.add(new javax.sound.midi.MidiEvent(
        new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_ON, 0, 72, 90), 0));
    melody.add(new javax.sound.midi.MidiEvent(
        new javax.sound.midi.ShortMessage(javax.sound.midi.ShortMessage.NOTE_OFF, 0, 72, 0), Q));
    assertEquals(0, conductor.size() - 1, "the conductor track holds only its end of track");
    Path file = temp.resolve("untitled.mid");
    MidiSystem.write(sequence, 1, file.toFile());
    ChoraleMidiReader.MidiLines lines = ChoraleMidiReader.readLines(file);
    assertEquals("", lines.title(), "a later track's name is the voice's name, not the piece's title");
    assertEquals(List.of(List.of(List.of(72, 0, 4))), lines.lines().stream().map(l -> inSixteenths(l)).toList());
  }

  @Test
  void readsTheLinesOfAnyMidiFileAndNamesWhatIsWrong() throws Exception {
    Chorale melody = Chorale.of("melody", "Melody", Key.major(PitchClass.D), new Meter(2, 2), 0,
        List.of(Note.of(74, 0, 2 * Q), Note.of(73, 2 * Q, Q + 100)), List.of(), List.of(), List.of());
    Path file = temp.resolve("melody.mid");
    ChoraleMidiRenderer.standard().write(melody, file);
    ChoraleMidiReader.MidiLines lines = ChoraleMidiReader.readLines(file);
    assertEquals(Key.major(PitchClass.D), lines.key());
    assertEquals(new Meter(2, 2), lines.meter());
    assertEquals(1, lines.lines().size());
    // The end at Q + 100 ticks past beat 3 rounds to the nearest 16th.
    assertEquals(List.of(List.of(74, 0, 8), List.of(73, 8, 4)), inSixteenths(lines.lines().get(0)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChoraleMidiReader.read(file));
    assertEquals(file + " has 1 tracks with notes; a chorale needs exactly four: soprano, alto, tenor, bass",
        e.getMessage());

    Path text = temp.resolve("not.mid");
    Files.writeString(text, "not a MIDI file");
    e = assertThrows(IllegalArgumentException.class, () -> ChoraleMidiReader.readLines(text));
    assertTrue(e.getMessage().startsWith(text + " is not a readable MIDI file"), e.getMessage());
  }
}
