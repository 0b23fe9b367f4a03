package io.github.rocklstm.music;

import com.google.common.base.Preconditions;

/**
 * A chord held for a number of beats (what a "beat" is: see {@link Meter#beatsPerBar()}). Durations may be
 * fractional: a bar of 4/4 shared by three chords gives 4/3 beats each.
 *
 * @param chord the chord, {@link Chord#NO_CHORD} for silence
 * @param beats the duration in beats, finite and greater than 0
 */
public record ChordEvent(Chord chord, double beats) {

  public ChordEvent {
    Preconditions.checkNotNull(chord, "chord");
    Preconditions.checkArgument(beats > 0 && Double.isFinite(beats),
        "a chord event lasts a finite number of beats greater than 0, got %s for %s", beats, chord);
  }

  /** This event with its chord moved by {@code semitones}. */
  public ChordEvent transpose(int semitones) {
    return new ChordEvent(chord.transpose(semitones), beats);
  }

  /** {@code C:maj x2.0}. */
  @Override
  public String toString() {
    return chord + " x" + beats;
  }
}
