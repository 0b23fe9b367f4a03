package io.github.rocklstm.cli;

import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.token.ChoraleTokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads a soprano line from a MIDI file for {@code chorale harmonize}: the notes of the first track that has any,
 * on our tick grid, starts and ends rounded to the nearest 16th note; where notes overlap the later one starts a
 * new note and cuts the earlier. Meter from the first time signature (4/4 without one), key from the first key
 * signature (C major without one), no pickup.
 *
 * @param notes the soprano's notes
 * @param key the key signature's key
 * @param meter the time signature
 */
record SopranoMidiReader(List<Note> notes, Key key, Meter meter) {

  static SopranoMidiReader read(Path file) throws IOException {
    Sequence sequence;
    try {
      sequence = MidiSystem.getSequence(file.toFile());
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException(file + " is not a readable MIDI file: " + e.getMessage(), e);
    }
    if (sequence.getDivisionType() != Sequence.PPQ) {
      throw new IllegalArgumentException(file + ": SMPTE timing is not supported; a MIDI file with pulses per quarter"
          + " note is needed");
    }
    double scale = (double) Note.TICKS_PER_QUARTER / sequence.getResolution();
    Meter meter = Meter.COMMON_TIME;
    Key key = Key.C_MAJOR;
    boolean meterSeen = false;
    boolean keySeen = false;
    List<Note> notes = new ArrayList<>();
    for (Track track : sequence.getTracks()) {
      int[] startOf = new int[128];
      java.util.Arrays.fill(startOf, -1);
      List<Note> trackNotes = new ArrayList<>();
      for (int i = 0; i < track.size(); i++) {
        MidiEvent event = track.get(i);
        int tick = round(event.getTick() * scale);
        if (event.getMessage() instanceof MetaMessage meta) {
          byte[] data = meta.getData();
          if (meta.getType() == 0x58 && !meterSeen && data.length >= 2) {
            meter = new Meter(data[0], 1 << data[1]);
            meterSeen = true;
          } else if (meta.getType() == 0x59 && !keySeen && data.length >= 2) {
            PitchClass major = PitchClass.of(Math.floorMod(7 * data[0], 12));
            key = data[1] == 0 ? Key.major(major) : Key.minor(PitchClass.of(Math.floorMod(7 * data[0] + 9, 12)));
            keySeen = true;
          }
        } else if (event.getMessage() instanceof ShortMessage m) {
          boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
          boolean off = m.getCommand() == ShortMessage.NOTE_OFF
              || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
          int pitch = m.getData1();
          if (off && startOf[pitch] >= 0) {
            if (tick > startOf[pitch]) {
              trackNotes.add(Note.of(pitch, startOf[pitch], tick - startOf[pitch]));
            }
            startOf[pitch] = -1;
          } else if (on) {
            startOf[pitch] = tick;
          }
        }
      }
      if (notes.isEmpty() && !trackNotes.isEmpty()) {
        trackNotes.sort(java.util.Comparator.comparingInt(Note::start));
        for (int i = 0; i < trackNotes.size(); i++) {
          Note n = trackNotes.get(i);
          int end = i + 1 < trackNotes.size() ? Math.min(n.end(), trackNotes.get(i + 1).start()) : n.end();
          if (end > n.start() && (notes.isEmpty() || n.start() >= notes.get(notes.size() - 1).end())) {
            notes.add(n.withDuration(end - n.start()));
          }
        }
      }
    }
    if (notes.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no notes: the soprano is read from the first track with"
          + " notes");
    }
    return new SopranoMidiReader(List.copyOf(notes), key, meter);
  }

  /** Rounds to the nearest 16th-note frame (half up), as chorale preparation does. */
  private static int round(double tick) {
    int frame = ChoraleTokenizer.FRAME_TICKS;
    return (int) Math.floorDiv(Math.round(tick) + frame / 2, frame) * frame;
  }
}
