package io.github.rocklstm.token;

import com.google.common.base.Preconditions;

/**
 * What {@link ChoraleTokenizer#prepare} changed in the notes of one chorale or, {@linkplain #plus summed}, a
 * corpus.
 *
 * <p>Counts are of notes as written, before any merging, so that {@code notes} is the chorale's
 * {@link io.github.rocklstm.music.Chorale#noteCount()}:
 * <ul>
 *   <li>{@code tiesMerged}: tie joins removed, each one merging a note into the note it continues (a chain of
 *       three tied notes counts 2); the merged note is what is quantised;
 *   <li>{@code moved}: merged notes whose start or end was not on the 16th-note grid and was moved to the nearest
 *       grid line (and that did not vanish);
 *   <li>{@code vanished}: merged notes shorter than a 16th whose start and end rounded to the same grid line, so
 *       that they were dropped;
 *   <li>{@code fermatasAdded}: notes that gained a fermata because another voice's fermata starts on the frame
 *       where they start (the encoding has one fermata mark per frame, see {@link ChoraleTokenizer});
 *   <li>{@code fermatasLost}: fermatas lost with a vanished note.
 * </ul>
 *
 * @param chorales how many chorales were prepared
 * @param notes notes before preparation
 * @param tiesMerged tie joins merged away
 * @param moved merged notes moved onto the 16th grid
 * @param vanished merged notes dropped as shorter than a 16th
 * @param fermatasAdded notes that gained a fermata from their frame
 * @param fermatasLost fermatas on vanished notes
 */
public record QuantisationReport(int chorales, int notes, int tiesMerged, int moved, int vanished, int fermatasAdded,
    int fermatasLost) {

  /** Nothing prepared. */
  public static final QuantisationReport ZERO = new QuantisationReport(0, 0, 0, 0, 0, 0, 0);

  public QuantisationReport {
    Preconditions.checkArgument(chorales >= 0 && notes >= 0 && tiesMerged >= 0 && moved >= 0 && vanished >= 0
        && fermatasAdded >= 0 && fermatasLost >= 0, "counts must not be negative");
  }

  /** Both reports summed. */
  public QuantisationReport plus(QuantisationReport other) {
    Preconditions.checkNotNull(other, "other");
    return new QuantisationReport(chorales + other.chorales, notes + other.notes, tiesMerged + other.tiesMerged,
        moved + other.moved, vanished + other.vanished, fermatasAdded + other.fermatasAdded,
        fermatasLost + other.fermatasLost);
  }

  /** Whether preparation changed no note's timing (ties merged and fermatas added aside). */
  public boolean timingUnchanged() {
    return moved == 0 && vanished == 0;
  }
}
