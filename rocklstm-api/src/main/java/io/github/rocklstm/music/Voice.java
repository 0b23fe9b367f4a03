package io.github.rocklstm.music;

/**
 * The four voices of a chorale, top to bottom, with two pitch ranges each (MIDI numbers, both ends included).
 *
 * <ul>
 *   <li>The <b>usual range</b> is the textbook range for four-part writing (as in Kostka &amp; Payne, or
 *       Aldwell &amp; Schachter): soprano C4-G5 (60-79), alto G3-D5 (55-74), tenor C3-G4 (48-67),
 *       bass E2-C4 (40-60). Use it to judge or constrain generated chorales.
 *   <li>The <b>Bach range</b> is what Bach actually wrote: the lowest and highest pitch of each voice over the
 *       364 four-part chorales of the music21 corpus, measured with
 *       {@link io.github.rocklstm.corpus.MusicXmlChoraleReader}: soprano A3-A5 (57-81), alto F3-D5 (53-74),
 *       tenor C3-A4 (48-69), bass C2-E4 (36-64). Bach goes past the usual range now and then (the soprano's
 *       A3 is a single note, in BWV 254).
 * </ul>
 */
public enum Voice {
  SOPRANO(60, 79, 57, 81),
  ALTO(55, 74, 53, 74),
  TENOR(48, 67, 48, 69),
  BASS(40, 60, 36, 64);

  private static final Voice[] VALUES = values();

  private final int usualLowest;
  private final int usualHighest;
  private final int bachLowest;
  private final int bachHighest;

  Voice(int usualLowest, int usualHighest, int bachLowest, int bachHighest) {
    this.usualLowest = usualLowest;
    this.usualHighest = usualHighest;
    this.bachLowest = bachLowest;
    this.bachHighest = bachHighest;
  }

  /** The lowest pitch of the usual (textbook) range. */
  public int usualLowest() {
    return usualLowest;
  }

  /** The highest pitch of the usual (textbook) range. */
  public int usualHighest() {
    return usualHighest;
  }

  /** The lowest pitch this voice has in the music21 Bach chorales. */
  public int bachLowest() {
    return bachLowest;
  }

  /** The highest pitch this voice has in the music21 Bach chorales. */
  public int bachHighest() {
    return bachHighest;
  }

  /** Whether {@code pitch} lies in the usual (textbook) range of this voice. */
  public boolean inUsualRange(int pitch) {
    return pitch >= usualLowest && pitch <= usualHighest;
  }

  /** Whether {@code pitch} lies within the range Bach gives this voice in the chorales. */
  public boolean inBachRange(int pitch) {
    return pitch >= bachLowest && pitch <= bachHighest;
  }

  /** The voice at {@code index} in score order: 0 soprano, 1 alto, 2 tenor, 3 bass. */
  public static Voice ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException("voice index must be 0..3 (soprano, alto, tenor, bass), was " + index);
    }
    return VALUES[index];
  }
}
