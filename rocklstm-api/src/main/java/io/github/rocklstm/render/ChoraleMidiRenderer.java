package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chorale;
import io.github.rocklstm.music.Note;
import io.github.rocklstm.music.Voice;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Sequence;

/**
 * Turns a four-voice {@link Chorale} into a type 1 MIDI {@link Sequence} or file.
 *
 * <p><b>Tracks:</b> a conductor track (the chorale's title as track name, the tempo, the time signature and the key
 * signature; its end-of-track event at the end of the piece), then {@code Soprano}, {@code Alto}, {@code Tenor} and
 * {@code Bass} on channels 0 to 3, each with its track name and a program change (default
 * {@link GeneralMidi#CHOIR_AAHS}; {@link GeneralMidi#CHURCH_ORGAN} sounds like a chorale prelude). Notes have
 * velocity {@value #VELOCITY}.
 *
 * <p><b>Time:</b> the resolution is {@value #RESOLUTION} ticks per quarter note, the resolution of {@link Note}, so
 * chorale ticks are MIDI ticks and nothing is rounded. Tick 0 is the start of the pickup measure, if there is one.
 * The tempo is in quarter notes per minute whatever the metre (chorales in 2/2 then move as fast as in 4/4).
 *
 * <p><b>Ties</b> are merged: a note tied into the next note of its voice (same pitch, starting where it ends) and
 * that note sound as one MIDI note; a tie whose next note does not match is ignored.
 *
 * <p><b>Fermatas</b> are held longer with {@link Builder#fermataLengthening(double)}: for each tick where fermata
 * notes start, the fermata lasts until the latest of them ends, and everything from that end on moves later by
 * {@code (factor - 1)} times the fermata's length (rounded to a tick), so the fermata notes, and any note that ends
 * with them, last that much longer. The default factor 1 keeps the written time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ChoraleMidiRenderer {

  /** Ticks per quarter note: {@link Note#TICKS_PER_QUARTER}. */
  public static final int RESOLUTION = Note.TICKS_PER_QUARTER;
  /** The tempo unless set: 72 quarter notes per minute. */
  public static final double DEFAULT_QUARTER_NOTES_PER_MINUTE = 72;
  /** The velocity of every note. */
  public static final int VELOCITY = 80;

  private static final String[] TRACK_NAMES = {"Soprano", "Alto", "Tenor", "Bass"};

  private final double quarterNotesPerMinute;
  private final int program;
  private final double fermataLengthening;

  private ChoraleMidiRenderer(Builder builder) {
    this.quarterNotesPerMinute = builder.quarterNotesPerMinute;
    this.program = builder.program;
    this.fermataLengthening = builder.fermataLengthening;
  }

  /** The defaults of {@link Builder}. */
  public static ChoraleMidiRenderer standard() {
    return builder().build();
  }

  /** Settings, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a {@link ChoraleMidiRenderer}. */
  public static final class Builder {
    private double quarterNotesPerMinute = DEFAULT_QUARTER_NOTES_PER_MINUTE;
    private int program = GeneralMidi.CHOIR_AAHS;
    private double fermataLengthening = 1;

    private Builder() {}

    /** Tempo in quarter notes per minute (default {@value ChoraleMidiRenderer#DEFAULT_QUARTER_NOTES_PER_MINUTE}). */
    public Builder quarterNotesPerMinute(double value) {
      Preconditions.checkArgument(value > 0 && Double.isFinite(value),
          "the tempo must be a finite number of quarter notes per minute above 0, got %s", value);
      this.quarterNotesPerMinute = value;
      return this;
    }

    /** The General MIDI program of all four voices, 0 to 127 (default {@link GeneralMidi#CHOIR_AAHS}). */
    public Builder program(int value) {
      this.program = GeneralMidi.checkProgram(value);
      return this;
    }

    /** How much longer fermatas last, a factor from 1 (as written, the default) to 4; 1.5 holds them half again. */
    public Builder fermataLengthening(double factor) {
      Preconditions.checkArgument(factor >= 1 && factor <= 4, "fermata lengthening is a factor from 1 to 4, got %s",
          factor);
      this.fermataLengthening = factor;
      return this;
    }

    /** The renderer. */
    public ChoraleMidiRenderer build() {
      return new ChoraleMidiRenderer(this);
    }
  }

  /** The sequence of {@code chorale}. */
  public Sequence toSequence(Chorale chorale) {
    Preconditions.checkNotNull(chorale, "chorale");
    TimeMap time = new TimeMap(chorale, fermataLengthening);
    Sequence sequence;
    try {
      sequence = new Sequence(Sequence.PPQ, RESOLUTION);
    } catch (InvalidMidiDataException e) {
      throw new AssertionError(e);
    }
    int tempo = MidiRenderer.microsecondsPerQuarter(quarterNotesPerMinute, 1,
        "a tempo of " + quarterNotesPerMinute + " quarter notes per minute");
    long end = time.map(chorale.totalDuration());
    new TrackEvents().trackName(chorale.title()).tempo(0, tempo).timeSignature(0, chorale.meter())
        .keySignature(0, chorale.key()).endOfTrackAtLeast(end).addTo(sequence.createTrack());
    for (Voice voice : Voice.values()) {
      int channel = voice.ordinal();
      TrackEvents track = new TrackEvents().trackName(TRACK_NAMES[channel]).programChange(0, channel, program);
      ImmutableList<Note> notes = chorale.voice(voice);
      for (int i = 0; i < notes.size(); i++) {
        Note first = notes.get(i);
        int noteEnd = first.end();
        while (notes.get(i).tieStart() && i + 1 < notes.size() && continues(notes.get(i), notes.get(i + 1))) {
          i++;
          noteEnd = notes.get(i).end();
        }
        track.note(channel, first.pitch(), VELOCITY, time.map(first.start()), time.map(noteEnd));
      }
      track.endOfTrackAtLeast(end).addTo(sequence.createTrack());
    }
    return sequence;
  }

  /** Writes the type 1 MIDI file of {@code chorale} atomically. */
  public void write(Chorale chorale, Path file) throws IOException {
    MidiFiles.write(toSequence(chorale), file);
  }

  private static boolean continues(Note tied, Note next) {
    return next.tieStop() && next.pitch() == tied.pitch() && next.start() == tied.end();
  }

  /** Chorale ticks to MIDI ticks: the identity, plus the lengthened fermatas. */
  private static final class TimeMap {
    /** Fermata end tick to the total shift of every tick at or after it. */
    private final TreeMap<Integer, Long> shifts = new TreeMap<>();

    TimeMap(Chorale chorale, double factor) {
      if (factor == 1) {
        return;
      }
      TreeMap<Integer, Integer> fermataEnds = new TreeMap<>();
      for (Voice voice : Voice.values()) {
        for (Note note : chorale.voice(voice)) {
          if (note.fermata()) {
            fermataEnds.merge(note.start(), note.end(), Math::max);
          }
        }
      }
      TreeMap<Integer, Long> extraAtEnd = new TreeMap<>();
      for (Map.Entry<Integer, Integer> fermata : fermataEnds.entrySet()) {
        long extra = Math.round((factor - 1) * (fermata.getValue() - fermata.getKey()));
        extraAtEnd.merge(fermata.getValue(), extra, Long::sum);
      }
      long total = 0;
      for (Map.Entry<Integer, Long> entry : extraAtEnd.entrySet()) {
        total += entry.getValue();
        shifts.put(entry.getKey(), total);
      }
    }

    long map(int tick) {
      Map.Entry<Integer, Long> shift = shifts.floorEntry(tick);
      return tick + (shift == null ? 0 : shift.getValue());
    }
  }
}
