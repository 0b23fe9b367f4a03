package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.PitchClass;
import io.github.rocklstm.token.ChoraleTokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Reads MIDI files back into chorale voices: what {@link ChoraleMidiRenderer} wrote comes back as the same notes
 * (pitch, start and duration; ties were merged into one note by the renderer, and MIDI keeps no fermatas).
 *
 * <p>Every track with notes is one line, in track order: its notes on the {@link Note} tick grid, starts and ends
 * rounded to the nearest 16th note (half up, as chorale preparation rounds); notes shorter than that vanish, and
 * where notes of a track overlap the later one starts a new note and cuts the earlier. The metre comes from the
 * first time signature (4/4 without one), the key from the first key signature (C major without one), the title
 * from the first track's name; there is no pickup.
 *
 * <pre>{@code
 * Chorale chorale = ChoraleMidiReader.read(Path.of("chorale.mid"));   // four tracks with notes: S, A, T, B
 * List<Note> soprano = ChoraleMidiReader.readLines(Path.of("melody.mid")).lines().get(0);
 * }</pre>
 */
public final class ChoraleMidiReader {

  private ChoraleMidiReader() {}

  /**
   * What a MIDI file holds on the chorale grid.
   *
   * @param title the first track's name, empty without one
   * @param key the first key signature's key
   * @param meter the first time signature
   * @param lines the notes of each track that has any, in track order
   */
  public record MidiLines(String title, Key key, Meter meter, ImmutableList<ImmutableList<Note>> lines) {
    public MidiLines {
      Preconditions.checkNotNull(title, "title");
      Preconditions.checkNotNull(key, "key");
      Preconditions.checkNotNull(meter, "meter");
      Preconditions.checkNotNull(lines, "lines");
    }
  }

  /**
   * The note lines of a MIDI file.
   *
   * @throws IllegalArgumentException naming the file when it is not a MIDI file or uses SMPTE timing
   * @throws IOException when it cannot be read
   */
  public static MidiLines readLines(Path file) throws IOException {
    Preconditions.checkNotNull(file, "file");
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
    Meter meter = null;
    Key key = null;
    String title = null;
    ImmutableList.Builder<ImmutableList<Note>> lines = ImmutableList.builder();
    Track[] tracks = sequence.getTracks();
    for (Track track : tracks) {
      boolean firstTrack = track == tracks[0];
      int[] startOf = new int[128];
      Arrays.fill(startOf, -1);
      List<Note> played = new ArrayList<>();
      for (int i = 0; i < track.size(); i++) {
        MidiEvent event = track.get(i);
        int tick = ChoraleTokenizer.roundToFrame((int) Math.round(event.getTick() * scale));
        if (event.getMessage() instanceof MetaMessage meta) {
          byte[] data = meta.getData();
          if (meta.getType() == 0x58 && meter == null && data.length >= 2) {
            meter = new Meter(data[0], 1 << data[1]);
          } else if (meta.getType() == 0x59 && key == null && data.length >= 2) {
            key = key(data[0], data[1]);
          } else if (meta.getType() == 0x03 && firstTrack && title == null) {
            title = new String(data, StandardCharsets.UTF_8);
          }
        } else if (event.getMessage() instanceof ShortMessage m) {
          boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
          boolean off = m.getCommand() == ShortMessage.NOTE_OFF
              || m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0;
          int pitch = m.getData1();
          if (off && startOf[pitch] >= 0) {
            if (tick > startOf[pitch]) {
              played.add(Note.of(pitch, startOf[pitch], tick - startOf[pitch]));
            }
            startOf[pitch] = -1;
          } else if (on) {
            startOf[pitch] = tick;
          }
        }
      }
      if (!played.isEmpty()) {
        lines.add(line(played));
      }
    }
    return new MidiLines(title == null ? "" : title, key == null ? Key.C_MAJOR : key,
        meter == null ? Meter.COMMON_TIME : meter, lines.build());
  }

  /**
   * The chorale of a MIDI file whose four tracks with notes are soprano, alto, tenor and bass (as
   * {@link ChoraleMidiRenderer} writes them). Its id is the file name without extension, its title the first
   * track's name (the id without one).
   *
   * @throws IllegalArgumentException naming the file when it is not a MIDI file, or does not have exactly four
   *     tracks with notes
   * @throws IOException when it cannot be read
   */
  public static Chorale read(Path file) throws IOException {
    MidiLines midi = readLines(file);
    if (midi.lines().size() != 4) {
      throw new IllegalArgumentException(file + " has " + midi.lines().size() + " tracks with notes; a chorale needs"
          + " exactly four: soprano, alto, tenor, bass");
    }
    String name = file.getFileName().toString();
    String id = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    return Chorale.of(id, midi.title().isBlank() ? id : midi.title(), midi.key(), midi.meter(), 0,
        midi.lines().get(0), midi.lines().get(1), midi.lines().get(2), midi.lines().get(3));
  }

  /** One line of notes: sorted by start, each cut where the next starts, notes starting inside another dropped. */
  private static ImmutableList<Note> line(List<Note> played) {
    played.sort(Comparator.comparingInt(Note::start));
    List<Note> notes = new ArrayList<>();
    for (int i = 0; i < played.size(); i++) {
      Note n = played.get(i);
      int end = i + 1 < played.size() ? Math.min(n.end(), played.get(i + 1).start()) : n.end();
      if (end > n.start() && (notes.isEmpty() || n.start() >= notes.get(notes.size() - 1).end())) {
        notes.add(n.withDuration(end - n.start()));
      }
    }
    return ImmutableList.copyOf(notes);
  }

  /** The key of a key signature: {@code sharps} (-7..7, negative for flats), {@code minor} 0 or 1. */
  private static Key key(int sharps, int minor) {
    return minor == 0 ? Key.major(PitchClass.of(Math.floorMod(7 * sharps, 12)))
        : Key.minor(PitchClass.of(Math.floorMod(7 * sharps + 9, 12)));
  }
}
