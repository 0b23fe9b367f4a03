package io.github.rocklstm.render;

/**
 * The bass track of {@link MidiRenderer}: what it plays under each chord.
 *
 * <p>The bass plays the chord's bass note (its root, or the note after the slash in {@code C/E}) in octave 2, C2
 * to B2 (MIDI 36-47), on every beat of the metre and at the start of every chord; each note lasts until the next,
 * less the same release gap as the chord track. No chord and unknown chords are rests.
 */
public enum BassLine {
  /** No bass track. */
  NONE,
  /** The bass note on every beat. */
  ROOTS,
  /**
   * As {@link #ROOTS}, but when a chord lasts two beats or more and the next chord has another bass note, its last
   * beat plays a chromatic approach note instead: a semitone below the next bass note when the line goes up, a
   * semitone above it when it goes down (C to F plays C C C E, then F; G to C plays G G G C#, then C).
   */
  ROOTS_AND_APPROACH
}
