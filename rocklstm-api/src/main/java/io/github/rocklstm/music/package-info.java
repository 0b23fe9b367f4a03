/**
 * Music theory for chord progressions: {@link io.github.rocklstm.music.PitchClass}, spelled
 * {@link io.github.rocklstm.music.Interval}s, {@link io.github.rocklstm.music.ChordQuality} (the Harte shorthands),
 * {@link io.github.rocklstm.music.Chord} (any Harte label exactly, plus N and X),
 * {@link io.github.rocklstm.music.VocabularyLevel} (majmin / triads / sevenths / full reductions),
 * {@link io.github.rocklstm.music.ChordSymbols} (Harte and lead-sheet parsing and formatting),
 * {@link io.github.rocklstm.music.Key}, {@link io.github.rocklstm.music.RomanNumeral} (RS200 notation),
 * and the timed values {@link io.github.rocklstm.music.ChordEvent}, {@link io.github.rocklstm.music.Meter},
 * {@link io.github.rocklstm.music.MeterChange}, {@link io.github.rocklstm.music.Section} and
 * {@link io.github.rocklstm.music.ChordProgression} (whose bars follow its metre changes).
 *
 * <p>Four-voice chorales: {@link io.github.rocklstm.music.Chorale} holds soprano, alto, tenor and bass lines
 * ({@link io.github.rocklstm.music.Voice}, with usual and Bach ranges) of {@link io.github.rocklstm.music.Note}s
 * with ties and fermatas, a key, a {@link io.github.rocklstm.music.Meter}, a pickup and the bar lines.
 * Chorale time is exact integer ticks, {@value io.github.rocklstm.music.Note#TICKS_PER_QUARTER} per quarter note;
 * rests are the gaps between notes.
 *
 * <p>All values are immutable. Parsers throw {@link io.github.rocklstm.music.ChordSyntaxException} (an
 * {@link java.lang.IllegalArgumentException}) naming the text, the position and what was expected.
 */
package io.github.rocklstm.music;
