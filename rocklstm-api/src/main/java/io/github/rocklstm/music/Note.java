package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * One sounding note of a voice: a MIDI pitch, where it starts and how long it lasts, whether it is tied to
 * its neighbours and whether it carries a fermata.
 *
 * <p><b>Time is exact integer ticks</b> at {@value #TICKS_PER_QUARTER} ticks per quarter note, counted from
 * the start of the piece (the start of the pickup measure, if there is one). 10080 = 2<sup>5</sup> &middot;
 * 3<sup>2</sup> &middot; 5 &middot; 7 is the resolution music21 writes into MusicXML: it holds every note
 * value down to the 128th and triplets, quintuplets and septuplets of them without rounding, so durations
 * add up exactly and nothing drifts. A 16th note is {@value #TICKS_PER_SIXTEENTH} ticks, the frame of the
 * BachBot encoding.
 *
 * <p><b>Ties</b> follow MusicXML: {@code tieStart} means this note is held into the next note of its voice
 * (same pitch, starting where this one ends), {@code tieStop} means it continues the previous one. A note in
 * the middle of a chain of ties has both.
 *
 * <p><b>Rests</b> are not notes: a rest is a span of a voice that no note covers.
 *
 * @param pitch MIDI note number, 0 to 127 (60 = middle C, C4)
 * @param start onset in ticks from the start of the piece, at least 0
 * @param duration length in ticks, at least 1
 * @param tieStart whether the note is tied to the next note of its voice
 * @param tieStop whether the note is tied from the previous note of its voice
 * @param fermata whether the note carries a fermata (a phrase end, in chorales)
 */
public record Note(int pitch, int start, int duration, boolean tieStart, boolean tieStop, boolean fermata) {

  /** Ticks per quarter note: the time resolution of {@link Note}, {@link Chorale} and {@link Meter}. */
  public static final int TICKS_PER_QUARTER = 10_080;

  /** Ticks per 16th note (2520), the frame length of the BachBot encoding. */
  public static final int TICKS_PER_SIXTEENTH = TICKS_PER_QUARTER / 4;

  /** The lowest MIDI pitch, 0 (C-1). */
  public static final int MIN_PITCH = 0;

  /** The highest MIDI pitch, 127 (G9). */
  public static final int MAX_PITCH = 127;

  public Note {
    Preconditions.checkArgument(pitch >= MIN_PITCH && pitch <= MAX_PITCH,
        "pitch must be a MIDI note number 0..127, was %s", pitch);
    Preconditions.checkArgument(start >= 0, "start must be >= 0 ticks, was %s", start);
    Preconditions.checkArgument(duration > 0, "duration must be > 0 ticks, was %s", duration);
    Preconditions.checkArgument(start <= Integer.MAX_VALUE - duration,
        "note end overflows: start %s + duration %s ticks", start, duration);
  }

  /** An untied note without fermata. */
  public static Note of(int pitch, int start, int duration) {
    return new Note(pitch, start, duration, false, false, false);
  }

  /**
   * The exact number of ticks in {@code numerator / denominator} quarter notes, e.g. {@code ticks(1, 4)} for
   * a 16th, {@code ticks(3, 2)} for a dotted quarter, {@code ticks(1, 3)} for a triplet eighth.
   *
   * @throws IllegalArgumentException when the value is negative or not a whole number of ticks
   */
  public static int ticks(int numerator, int denominator) {
    Preconditions.checkArgument(numerator >= 0 && denominator > 0,
        "need numerator >= 0 and denominator > 0, got %s/%s", numerator, denominator);
    long product = (long) numerator * TICKS_PER_QUARTER;
    Preconditions.checkArgument(product % denominator == 0,
        "%s/%s quarter notes is not a whole number of ticks at %s ticks per quarter", numerator, denominator,
        TICKS_PER_QUARTER);
    return Math.toIntExact(product / denominator);
  }

  /** Where the note ends (exclusive), in ticks: {@code start + duration}. */
  public int end() {
    return start + duration;
  }

  /** The pitch class of {@link #pitch}. */
  public PitchClass pitchClass() {
    return PitchClass.of(pitch);
  }

  /** The octave in scientific pitch notation: MIDI 60 is C4, so this is {@code pitch / 12 - 1}. */
  public int octave() {
    return Math.floorDiv(pitch, 12) - 1;
  }

  /** The duration in quarter notes, for display only (ticks are the exact value). */
  public double quarters() {
    return duration / (double) TICKS_PER_QUARTER;
  }

  /**
   * This note moved by {@code semitones}.
   *
   * @throws IllegalArgumentException when the result leaves the MIDI range 0..127
   */
  public Note transpose(int semitones) {
    int moved = pitch + semitones;
    Preconditions.checkArgument(moved >= MIN_PITCH && moved <= MAX_PITCH,
        "transposing %s by %s semitones leaves the MIDI range 0..127 (%s)", this, semitones, moved);
    return new Note(moved, start, duration, tieStart, tieStop, fermata);
  }

  /** This note starting at {@code newStart}. */
  public Note withStart(int newStart) {
    return new Note(pitch, newStart, duration, tieStart, tieStop, fermata);
  }

  /** This note lasting {@code newDuration} ticks. */
  public Note withDuration(int newDuration) {
    return new Note(pitch, start, newDuration, tieStart, tieStop, fermata);
  }

  /** This note with the given tie flags. */
  public Note withTies(boolean newTieStart, boolean newTieStop) {
    return new Note(pitch, start, duration, newTieStart, newTieStop, fermata);
  }

  /** This note with or without a fermata. */
  public Note withFermata(boolean newFermata) {
    return new Note(pitch, start, duration, tieStart, tieStop, newFermata);
  }

  /** The pitch in scientific notation with sharps, e.g. {@code C#4} for MIDI 61. */
  public String pitchName() {
    return pitchClass().name(false) + octave();
  }

  /**
   * {@code G4@0+10080}, then {@code ~} for tieStart, {@code <} for tieStop and {@code F} for a fermata,
   * e.g. {@code D5@30240+20160~F}.
   */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(pitchName()).append('@').append(start).append('+').append(duration);
    if (tieStop) {
      s.append('<');
    }
    if (tieStart) {
      s.append('~');
    }
    if (fermata) {
      s.append('F');
    }
    return s.toString();
  }
}
