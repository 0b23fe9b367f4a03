package io.github.rocklstm.cli;

import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.render.ChoraleMidiReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a soprano line from a MIDI file for {@code chorale harmonize}: the first track that has notes, as
 * {@link ChoraleMidiReader#readLines} reads it (on our tick grid, starts and ends rounded to the nearest 16th note;
 * where notes overlap the later one starts a new note and cuts the earlier). Meter from the first time signature
 * (4/4 without one), key from the first key signature (C major without one), no pickup.
 *
 * @param notes the soprano's notes
 * @param key the key signature's key
 * @param meter the time signature
 */
record SopranoMidiReader(List<Note> notes, Key key, Meter meter) {

  static SopranoMidiReader read(Path file) throws IOException {
    ChoraleMidiReader.MidiLines midi = ChoraleMidiReader.readLines(file);
    if (midi.lines().isEmpty()) {
      throw new IllegalArgumentException(file + " holds no notes: the soprano is read from the first track with"
          + " notes");
    }
    return new SopranoMidiReader(midi.lines().get(0), midi.key(), midi.meter());
  }
}
