package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Mode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * The events of one MIDI track, collected in any order and added to a {@link Track} sorted by tick; at equal
 * ticks meta events come first, then program changes, then note-offs, then note-ons, so a note that ends where the
 * same pitch starts again is released before it is struck. Shared by the renderers of this package.
 */
final class TrackEvents {

  /** Meta event types of the Standard MIDI File format. */
  static final int META_TRACK_NAME = 0x03;
  static final int META_MARKER = 0x06;
  static final int META_END_OF_TRACK = 0x2F;
  static final int META_TEMPO = 0x51;
  static final int META_TIME_SIGNATURE = 0x58;
  static final int META_KEY_SIGNATURE = 0x59;

  private static final int RANK_META = 0;
  private static final int RANK_PROGRAM = 1;
  private static final int RANK_NOTE_OFF = 2;
  private static final int RANK_NOTE_ON = 3;

  private record Entry(long tick, int rank, int order, MidiMessage message) {}

  private final List<Entry> entries = new ArrayList<>();
  private long endOfTrack;

  /** A meta event. */
  TrackEvents meta(long tick, int type, byte[] data) {
    try {
      return add(tick, RANK_META, new MetaMessage(type, data, data.length));
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException("meta event 0x" + Integer.toHexString(type) + ": " + e.getMessage(), e);
    }
  }

  /** The track name at tick 0, UTF-8 encoded. */
  TrackEvents trackName(String name) {
    return meta(0, META_TRACK_NAME, name.getBytes(StandardCharsets.UTF_8));
  }

  /** A marker (rehearsal letter, section name) at {@code tick}, UTF-8 encoded. */
  TrackEvents marker(long tick, String text) {
    return meta(tick, META_MARKER, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A tempo change to {@code microsecondsPerQuarter}. */
  TrackEvents tempo(long tick, int microsecondsPerQuarter) {
    Preconditions.checkArgument(microsecondsPerQuarter >= 1 && microsecondsPerQuarter <= 0xFFFFFF,
        "a MIDI tempo is 1 to %s microseconds per quarter note, got %s", 0xFFFFFF, microsecondsPerQuarter);
    int t = microsecondsPerQuarter;
    return meta(tick, META_TEMPO, new byte[] {(byte) (t >> 16), (byte) (t >> 8), (byte) t});
  }

  /**
   * The time signature of {@code meter}: numerator, log2 of the denominator, MIDI clocks (24 per quarter note) per
   * metronome click, one click per beat of the metre (24 in 4/4, 36 in 6/8), and 8 32nd notes per quarter.
   */
  TrackEvents timeSignature(long tick, Meter meter) {
    int clocks = (int) Math.max(1, Math.round(24 * meter.beatInQuarterNotes()));
    return meta(tick, META_TIME_SIGNATURE, new byte[] {(byte) meter.numerator(),
        (byte) Integer.numberOfTrailingZeros(meter.denominator()), (byte) clocks, 8});
  }

  /** The key signature of {@code key}: sharps (positive) or flats (negative), then 0 for major, 1 for minor. */
  TrackEvents keySignature(long tick, Key key) {
    return meta(tick, META_KEY_SIGNATURE, new byte[] {(byte) sharps(key), (byte) (key.mode() == Mode.MAJOR ? 0 : 1)});
  }

  /** The sharps (positive) or flats (negative) in the signature of {@code key}, -6 to 6. */
  static int sharps(Key key) {
    int majorTonic = key.mode() == Mode.MAJOR ? key.tonic().semitone() : key.tonic().transpose(3).semitone();
    int sharps = majorTonic * 7 % 12;
    return key.prefersFlats() && sharps > 0 ? sharps - 12 : sharps;
  }

  /** A program change. */
  TrackEvents programChange(long tick, int channel, int program) {
    return add(tick, RANK_PROGRAM, shortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0));
  }

  /** A note from {@code start} to {@code end} (exclusive), {@code end > start}. */
  TrackEvents note(int channel, int pitch, int velocity, long start, long end) {
    Preconditions.checkArgument(end > start && start >= 0, "a note needs 0 <= start < end, got %s..%s", start, end);
    add(start, RANK_NOTE_ON, shortMessage(ShortMessage.NOTE_ON, channel, pitch, velocity));
    return add(end, RANK_NOTE_OFF, shortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0));
  }

  /** Makes the track last at least until {@code tick} (its end-of-track event goes there or later). */
  TrackEvents endOfTrackAtLeast(long tick) {
    endOfTrack = Math.max(endOfTrack, tick);
    return this;
  }

  /** Adds the events to {@code track} in order, then the end of track. */
  void addTo(Track track) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::tick).thenComparingInt(Entry::rank).thenComparingInt(Entry::order));
    for (Entry entry : sorted) {
      track.add(new MidiEvent(entry.message(), entry.tick()));
    }
    try {
      // Track keeps a single end-of-track event and moves it to the latest tick it is given.
      track.add(new MidiEvent(new MetaMessage(META_END_OF_TRACK, new byte[0], 0), endOfTrack));
    } catch (InvalidMidiDataException e) {
      throw new AssertionError(e);
    }
  }

  private TrackEvents add(long tick, int rank, MidiMessage message) {
    Preconditions.checkArgument(tick >= 0, "a MIDI event cannot come before tick 0, got %s", tick);
    entries.add(new Entry(tick, rank, entries.size(), message));
    return this;
  }

  private static ShortMessage shortMessage(int command, int channel, int data1, int data2) {
    try {
      return new ShortMessage(command, channel, data1, data2);
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException("MIDI message " + command + " channel " + channel + " data " + data1 + ", "
          + data2 + ": " + e.getMessage(), e);
    }
  }
}
