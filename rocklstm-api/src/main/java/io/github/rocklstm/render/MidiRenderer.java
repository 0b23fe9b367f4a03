package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.music.Chord;
import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.Key;
import io.github.rocklstm.music.Meter;
import io.github.rocklstm.music.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Sequence;

/**
 * Turns a {@link ChordProgression} into a type 1 MIDI {@link Sequence} or file that a DAW, a notation program or
 * {@link WavRenderer} can play.
 *
 * <p><b>Tracks</b>, at {@value #RESOLUTION} ticks per quarter note:
 * <ol start="0">
 *   <li>the conductor track: the title as track name, the tempo, the time signature of the progression's
 *       {@link Meter}, when a key is given the key signature, and a marker (meta event 6) with the label of each
 *       section where it starts; its end-of-track event marks the end of the last chord, so
 *       {@link Sequence#getTickLength()} is the progression's exact length;
 *   <li>{@code Chords} on channel {@value #CHORD_CHANNEL}: every chord voiced by {@link ChordVoicer} (bass note in
 *       octave 3, close position above, smooth voice leading) and struck in the {@link RhythmPattern};
 *   <li>{@code Bass} on channel {@value #BASS_CHANNEL}, unless the {@link BassLine} is {@link BassLine#NONE}.
 * </ol>
 * Each instrument track starts with its track name and a program change. No chord and unknown chords are rests.
 *
 * <p><b>Time:</b> a beat is the metre's beat ({@link Meter#beatInQuarterNotes()}: a quarter in 4/4, a dotted quarter
 * in 6/8), so the tempo is in those beats per minute and a beat is {@code 480 * beatInQuarterNotes} ticks. Chord
 * onsets are the running sum of the events' beats, rounded to the nearest tick only at the end, so fractional
 * durations never drift.
 *
 * <p><b>Velocities:</b> {@value #ACCENT_VELOCITY} on accented beats (the downbeat, and in bars of an even number of
 * beats every odd-numbered beat: 1 and 3 of 4/4), {@value #BEAT_VELOCITY} on other beats, {@value #OFFBEAT_VELOCITY}
 * between beats; the chord and bass tracks use the same rule.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MidiRenderer {

  /** Ticks per quarter note. */
  public static final int RESOLUTION = 480;
  /** The tempo unless set: 120 beats per minute. */
  public static final double DEFAULT_BEATS_PER_MINUTE = 120;
  /** The channel (0-based) of the chord track. */
  public static final int CHORD_CHANNEL = 0;
  /** The channel (0-based) of the bass track. */
  public static final int BASS_CHANNEL = 1;
  /** The lowest bass-track note, C2. */
  public static final int BASS_TRACK_LOWEST = 36;
  /** Silence before the next strike: 30 ticks, a 64th note (at most a quarter of the note's slot). */
  public static final int RELEASE_GAP_TICKS = 30;
  /** Velocity of accented beats. */
  public static final int ACCENT_VELOCITY = 100;
  /** Velocity of other beats. */
  public static final int BEAT_VELOCITY = 84;
  /** Velocity of strikes between beats. */
  public static final int OFFBEAT_VELOCITY = 68;

  private final double beatsPerMinute;
  private final RhythmPattern rhythm;
  private final BassLine bassLine;
  private final int chordProgram;
  private final int bassProgram;
  private final String title;

  private MidiRenderer(Builder builder) {
    this.beatsPerMinute = builder.beatsPerMinute;
    this.rhythm = builder.rhythm;
    this.bassLine = builder.bassLine;
    this.chordProgram = builder.chordProgram;
    this.bassProgram = builder.bassProgram;
    this.title = builder.title;
  }

  /** The defaults of {@link Builder}. */
  public static MidiRenderer standard() {
    return builder().build();
  }

  /** Settings, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a {@link MidiRenderer}. */
  public static final class Builder {
    private double beatsPerMinute = DEFAULT_BEATS_PER_MINUTE;
    private RhythmPattern rhythm = RhythmPattern.ROCK_EIGHTHS;
    private BassLine bassLine = BassLine.ROOTS;
    private int chordProgram = GeneralMidi.ACOUSTIC_GRAND_PIANO;
    private int bassProgram = GeneralMidi.ELECTRIC_BASS_FINGER;
    private String title = "rocklstm";

    private Builder() {}

    /** Tempo in beats of the metre per minute (default 120); the MIDI tempo must come out as 1 to 2^24-1 us. */
    public Builder beatsPerMinute(double value) {
      Preconditions.checkArgument(value > 0 && Double.isFinite(value),
          "the tempo must be a finite number of beats per minute above 0, got %s", value);
      this.beatsPerMinute = value;
      return this;
    }

    /** How chords are struck (default {@link RhythmPattern#ROCK_EIGHTHS}). */
    public Builder rhythm(RhythmPattern value) {
      this.rhythm = Preconditions.checkNotNull(value, "rhythm");
      return this;
    }

    /** The bass track (default {@link BassLine#ROOTS}; {@link BassLine#NONE} leaves it out). */
    public Builder bassLine(BassLine value) {
      this.bassLine = Preconditions.checkNotNull(value, "bassLine");
      return this;
    }

    /** General MIDI program of the chord track, 0 to 127 (default {@link GeneralMidi#ACOUSTIC_GRAND_PIANO}). */
    public Builder chordProgram(int value) {
      this.chordProgram = GeneralMidi.checkProgram(value);
      return this;
    }

    /** General MIDI program of the bass track, 0 to 127 (default {@link GeneralMidi#ELECTRIC_BASS_FINGER}). */
    public Builder bassProgram(int value) {
      this.bassProgram = GeneralMidi.checkProgram(value);
      return this;
    }

    /** The name of the conductor track, which players show as the title (default {@code rocklstm}). */
    public Builder title(String value) {
      Preconditions.checkNotNull(value, "title");
      Preconditions.checkArgument(!value.isBlank(), "a title must not be blank");
      this.title = value.strip();
      return this;
    }

    /** The renderer. */
    public MidiRenderer build() {
      return new MidiRenderer(this);
    }
  }

  /** The sequence of {@code progression}, without a key signature. */
  public Sequence toSequence(ChordProgression progression) {
    return toSequence(progression, Optional.empty());
  }

  /** The sequence of {@code progression}, with the key signature of {@code key}. */
  public Sequence toSequence(ChordProgression progression, Key key) {
    return toSequence(progression, Optional.of(Preconditions.checkNotNull(key, "key")));
  }

  /** Writes the type 1 MIDI file of {@code progression} (no key signature) atomically. */
  public void write(ChordProgression progression, Path file) throws IOException {
    MidiFiles.write(toSequence(progression), file);
  }

  /** Writes the type 1 MIDI file of {@code progression} in {@code key} atomically. */
  public void write(ChordProgression progression, Key key, Path file) throws IOException {
    MidiFiles.write(toSequence(progression, key), file);
  }

  /** The MIDI tempo of {@code bpm} beats of {@code meter} per minute, in microseconds per quarter note. */
  static int microsecondsPerQuarter(double bpm, double beatInQuarterNotes, String what) {
    double value = Math.rint(60_000_000.0 / (bpm * beatInQuarterNotes));
    if (!(value >= 1 && value <= 0xFFFFFF)) {
      throw new IllegalArgumentException(what + " gives " + value + " microseconds per quarter note; MIDI allows 1 to "
          + 0xFFFFFF + " (about 3.6 to 60 million quarter notes per minute)");
    }
    return (int) value;
  }

  private Sequence toSequence(ChordProgression progression, Optional<Key> key) {
    Preconditions.checkNotNull(progression, "progression");
    Meter meter = progression.meter();
    int tempo = microsecondsPerQuarter(beatsPerMinute, meter.beatInQuarterNotes(),
        "a tempo of " + beatsPerMinute + " beats per minute in " + meter);
    long beatTicks = Math.round(RESOLUTION * meter.beatInQuarterNotes());
    long barTicks = beatTicks * meter.beatsPerBar();
    ImmutableList<ChordEvent> events = progression.events();
    long[] onsets = new long[events.size() + 1];
    double position = 0;
    for (int i = 0; i < events.size(); i++) {
      onsets[i] = Math.round(position * beatTicks);
      position += events.get(i).beats();
    }
    onsets[events.size()] = Math.round(position * beatTicks);
    long end = onsets[events.size()];

    Sequence sequence;
    try {
      sequence = new Sequence(Sequence.PPQ, RESOLUTION);
    } catch (InvalidMidiDataException e) {
      throw new AssertionError(e);
    }
    TrackEvents conductor = new TrackEvents().trackName(title).tempo(0, tempo).timeSignature(0, meter);
    key.ifPresent(k -> conductor.keySignature(0, k));
    for (Section section : progression.sections()) {
      conductor.marker(onsets[section.startEvent()], section.label());
    }
    conductor.endOfTrackAtLeast(end).addTo(sequence.createTrack());

    Velocities velocities = new Velocities(beatTicks, barTicks, meter.beatsPerBar());
    TrackEvents chords = new TrackEvents().trackName("Chords").programChange(0, CHORD_CHANNEL, chordProgram);
    long step = rhythm == RhythmPattern.QUARTERS ? beatTicks
        : rhythm == RhythmPattern.ROCK_EIGHTHS ? beatTicks / (meter.isCompound() ? 3 : 2) : 0;
    ImmutableList<Voicing> voicings = ChordVoicer.voiceAll(progression.chords());
    for (int i = 0; i < events.size(); i++) {
      List<Long> strikes = strikes(onsets[i], onsets[i + 1], step);
      for (int s = 0; s < strikes.size(); s++) {
        long start = strikes.get(s);
        long stop = noteEnd(start, s + 1 < strikes.size() ? strikes.get(s + 1) : onsets[i + 1]);
        for (int pitch : voicings.get(i).pitches()) {
          chords.note(CHORD_CHANNEL, pitch, velocities.at(start), start, stop);
        }
      }
    }
    chords.endOfTrackAtLeast(end).addTo(sequence.createTrack());

    if (bassLine != BassLine.NONE) {
      TrackEvents bass = new TrackEvents().trackName("Bass").programChange(0, BASS_CHANNEL, bassProgram);
      for (int i = 0; i < events.size(); i++) {
        Chord chord = events.get(i).chord();
        if (!chord.isPitched()) {
          continue;
        }
        int root = BASS_TRACK_LOWEST + chord.bass().semitone();
        List<Long> strikes = strikes(onsets[i], onsets[i + 1], beatTicks);
        for (int s = 0; s < strikes.size(); s++) {
          int pitch = root;
          boolean last = s == strikes.size() - 1;
          if (last && s > 0 && bassLine == BassLine.ROOTS_AND_APPROACH && i + 1 < events.size()
              && events.get(i + 1).chord().isPitched()) {
            int target = BASS_TRACK_LOWEST + events.get(i + 1).chord().bass().semitone();
            if (target != root) {
              pitch = target > root ? target - 1 : target + 1;
            }
          }
          long start = strikes.get(s);
          long stop = noteEnd(start, last ? onsets[i + 1] : strikes.get(s + 1));
          bass.note(BASS_CHANNEL, pitch, velocities.at(start), start, stop);
        }
      }
      bass.endOfTrackAtLeast(end).addTo(sequence.createTrack());
    }
    return sequence;
  }

  /** The strike ticks in {@code [start, end)}: {@code start}, then every multiple of {@code step} after it. */
  private static List<Long> strikes(long start, long end, long step) {
    List<Long> strikes = new ArrayList<>();
    if (end <= start) {
      return strikes;
    }
    strikes.add(start);
    if (step > 0) {
      for (long tick = (start / step + 1) * step; tick < end; tick += step) {
        strikes.add(tick);
      }
    }
    return strikes;
  }

  /** Where a note struck at {@code start} and followed by something at {@code next} is released. */
  private static long noteEnd(long start, long next) {
    long slot = next - start;
    return next - Math.min(RELEASE_GAP_TICKS, slot / 4);
  }

  /** The velocity rule of the class comment. */
  private record Velocities(long beatTicks, long barTicks, int beatsPerBar) {
    int at(long tick) {
      long inBar = tick % barTicks;
      if (inBar % beatTicks != 0) {
        return OFFBEAT_VELOCITY;
      }
      int beat = (int) (inBar / beatTicks);
      boolean accented = beat == 0 || (beatsPerBar % 2 == 0 && beat % 2 == 0);
      return accented ? ACCENT_VELOCITY : BEAT_VELOCITY;
    }
  }
}
