package io.github.rocklstm.render;

/**
 * How the chord track of {@link MidiRenderer} strikes each chord.
 *
 * <p>Strikes fall on a grid counted from the start of the piece (the first bar's downbeat), plus one at the start of
 * every chord, so a chord that begins off the grid is still heard when it begins. Every strike sounds until the next
 * strike or the end of the chord, less a short release gap ({@link MidiRenderer#RELEASE_GAP_TICKS} ticks, at most a
 * quarter of the note) so that repeated strikes are heard as such. Velocities follow the metre: see
 * {@link MidiRenderer}.
 */
public enum RhythmPattern {
  /** One strike per chord, held for the chord's whole duration. */
  SUSTAINED,
  /** A strike on every beat of the metre (quarter notes in 4/4, dotted quarters in 6/8). */
  QUARTERS,
  /**
   * A strike on every eighth note: two per beat in simple metres, three per (dotted-quarter) beat in compound
   * metres, the beats 1 and 3 of 4/4 accented and the off-beats softest: a straight rock strum.
   */
  ROCK_EIGHTHS
}
