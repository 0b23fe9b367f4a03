package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rocklstm.corpus.DataDirectory;
import io.github.rocklstm.corpus.MusicXmlChoraleReader;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.music.Voice;
import io.github.rocklstm.render.MidiTracks.Played;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChoraleMidiRendererTest {

  private static final int Q = Note.TICKS_PER_QUARTER;

  @TempDir Path temp;

  private static Note fermata(int pitch, int start, int duration) {
    return new Note(pitch, start, duration, false, false, true);
  }

  /**
   * Two bars of 4/4 in F with fermatas starting at beats 3 and 7 (both two quarters long), a tie in the alto and the
   * tenor, and a broken tie (different pitches) in the bass.
   */
  private static Chorale chorale() {
    List<Note> soprano = List.of(Note.of(72, 0, Q), Note.of(74, Q, Q), fermata(76, 2 * Q, 2 * Q),
        Note.of(77, 4 * Q, 2 * Q), fermata(76, 6 * Q, 2 * Q));
    List<Note> alto = List.of(new Note(65, 0, 2 * Q, true, false, false), new Note(65, 2 * Q, 2 * Q, false, true, true),
        Note.of(67, 4 * Q, Q), Note.of(65, 5 * Q, Q), fermata(64, 6 * Q, 2 * Q));
    List<Note> tenor = List.of(Note.of(60, 0, Q), Note.of(59, Q, Q), fermata(60, 2 * Q, 2 * Q),
        new Note(60, 4 * Q, 2 * Q, true, false, false), new Note(60, 6 * Q, 2 * Q, false, true, true));
    List<Note> bass = List.of(Note.of(41, 0, 2 * Q), fermata(45, 2 * Q, 2 * Q),
        new Note(46, 4 * Q, 2 * Q, true, false, false), fermata(48, 6 * Q, 2 * Q));
    return Chorale.of("test", "Test chorale", Key.major(PitchClass.F), Meter.COMMON_TIME, 0, soprano, alto, tenor,
        bass);
  }

  @Test
  void fourVoiceTracksWithTiesMerged() throws Exception {
    Path file = temp.resolve("test.mid");
    ChoraleMidiRenderer.standard().write(chorale(), file);
    assertEquals(1, MidiSystem.getMidiFileFormat(file.toFile()).getType());
    Sequence sequence = MidiSystem.getSequence(file.toFile());
    assertEquals(Q, sequence.getResolution());
    Track[] tracks = sequence.getTracks();
    assertEquals(5, tracks.length);
    assertEquals(8 * Q, sequence.getTickLength());
    // 72 quarters a minute: 833333 us a quarter, 0x0CB735.
    assertArrayEquals(new byte[] {0x0C, (byte) 0xB7, 0x35}, MidiTracks.metaAtStart(tracks[0], 0x51));
    assertArrayEquals(new byte[] {4, 2, 24, 8}, MidiTracks.metaAtStart(tracks[0], 0x58));
    assertArrayEquals(new byte[] {-1, 0}, MidiTracks.metaAtStart(tracks[0], 0x59));
    assertEquals("Test chorale", MidiTracks.name(tracks[0]));
    String[] names = {"Soprano", "Alto", "Tenor", "Bass"};
    for (int voice = 0; voice < 4; voice++) {
      assertEquals(names[voice], MidiTracks.name(tracks[voice + 1]));
      assertArrayEquals(new int[] {voice, GeneralMidi.CHOIR_AAHS, 0}, MidiTracks.programChanges(tracks[voice + 1])
          .get(0));
    }
    assertEquals(List.of(new Played(0, Q, 0, 72, 80), new Played(Q, 2 * Q, 0, 74, 80),
        new Played(2 * Q, 4 * Q, 0, 76, 80), new Played(4 * Q, 6 * Q, 0, 77, 80), new Played(6 * Q, 8 * Q, 0, 76, 80)),
        MidiTracks.notes(tracks[1]));
    assertEquals(List.of(new Played(0, 4 * Q, 1, 65, 80), new Played(4 * Q, 5 * Q, 1, 67, 80),
        new Played(5 * Q, 6 * Q, 1, 65, 80), new Played(6 * Q, 8 * Q, 1, 64, 80)), MidiTracks.notes(tracks[2]));
    assertEquals(List.of(new Played(0, Q, 2, 60, 80), new Played(Q, 2 * Q, 2, 59, 80),
        new Played(2 * Q, 4 * Q, 2, 60, 80), new Played(4 * Q, 8 * Q, 2, 60, 80)), MidiTracks.notes(tracks[3]));
    assertEquals(List.of(new Played(0, 2 * Q, 3, 41, 80), new Played(2 * Q, 4 * Q, 3, 45, 80),
        new Played(4 * Q, 6 * Q, 3, 46, 80), new Played(6 * Q, 8 * Q, 3, 48, 80)), MidiTracks.notes(tracks[4]));
  }

  @Test
  void fermatasLengthened() {
    // Factor 1.5 on two-quarter fermatas: a quarter more each. Ticks from 4Q on move by Q, from 8Q on by 2Q.
    Sequence sequence = ChoraleMidiRenderer.builder().fermataLengthening(1.5).quarterNotesPerMinute(60)
        .program(GeneralMidi.CHURCH_ORGAN).build().toSequence(chorale());
    Track[] tracks = sequence.getTracks();
    assertEquals(10 * Q, sequence.getTickLength());
    assertEquals(10_000_000, sequence.getMicrosecondLength());
    assertEquals(List.of(new Played(0, Q, 0, 72, 80), new Played(Q, 2 * Q, 0, 74, 80),
        new Played(2 * Q, 5 * Q, 0, 76, 80), new Played(5 * Q, 7 * Q, 0, 77, 80), new Played(7 * Q, 10 * Q, 0, 76, 80)),
        MidiTracks.notes(tracks[1]));
    // The alto's two quarters under no fermata keep their length; its tied fermata note is held longer.
    assertEquals(List.of(new Played(0, 5 * Q, 1, 65, 80), new Played(5 * Q, 6 * Q, 1, 67, 80),
        new Played(6 * Q, 7 * Q, 1, 65, 80), new Played(7 * Q, 10 * Q, 1, 64, 80)), MidiTracks.notes(tracks[2]));
    assertEquals(List.of(new Played(0, Q, 2, 60, 80), new Played(Q, 2 * Q, 2, 59, 80),
        new Played(2 * Q, 5 * Q, 2, 60, 80), new Played(5 * Q, 10 * Q, 2, 60, 80)), MidiTracks.notes(tracks[3]));
    assertEquals(GeneralMidi.CHURCH_ORGAN, MidiTracks.programChanges(tracks[4]).get(0)[1]);
    assertArrayEquals(new byte[] {0x0F, 0x42, 0x40}, MidiTracks.metaAtStart(tracks[0], 0x51)); // 1000000 us
  }

  @Test
  void bachChoraleFromTheCorpus() throws Exception {
    Path bwv269 = DataDirectory.resolve("music21-bach-chorales").resolve("bach").resolve("bwv269.mxl");
    Chorale chorale = MusicXmlChoraleReader.strict().read(bwv269);
    Path file = temp.resolve("bwv269.mid");
    ChoraleMidiRenderer.standard().write(chorale, file);
    Sequence sequence = MidiSystem.getSequence(file.toFile());
    assertEquals(chorale.totalDuration(), sequence.getTickLength());
    // bwv269 (G major, 3/4, a quarter-note pickup): 46, 61, 59 and 63 notes, of which 0, 1, 0 and 3 continue a tie.
    int[] expectedNoteOns = {46, 60, 59, 60};
    int[] firstPitches = {67, 62, 59, 43};
    for (Voice voice : Voice.values()) {
      List<Played> notes = MidiTracks.notes(sequence.getTracks()[voice.ordinal() + 1]);
      long tieContinuations = chorale.voice(voice).stream().filter(Note::tieStop).count();
      assertEquals(chorale.voice(voice).size() - tieContinuations, notes.size(), voice.name());
      assertEquals(expectedNoteOns[voice.ordinal()], notes.size(), voice.name());
      assertEquals(new Played(0, Q, voice.ordinal(), firstPitches[voice.ordinal()], 80), notes.get(0));
      assertEquals(chorale.totalDuration(), notes.get(notes.size() - 1).end(), voice.name());
    }
    // Six fermatas, each on a half note in all four voices: held half again, a quarter more each.
    assertEquals(6, chorale.fermataPositions().size());
    Sequence held = ChoraleMidiRenderer.builder().fermataLengthening(1.5).build().toSequence(chorale);
    assertEquals(chorale.totalDuration() + 6 * Q, held.getTickLength());
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> ChoraleMidiRenderer.builder().fermataLengthening(0.5));
    assertThrows(IllegalArgumentException.class, () -> ChoraleMidiRenderer.builder().fermataLengthening(5));
    assertThrows(IllegalArgumentException.class, () -> ChoraleMidiRenderer.builder().quarterNotesPerMinute(-1));
    assertThrows(IllegalArgumentException.class, () -> ChoraleMidiRenderer.builder().program(200));
  }
}
