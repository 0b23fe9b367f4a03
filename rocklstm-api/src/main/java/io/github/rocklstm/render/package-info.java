/**
 * Output people can read and hear, from {@link io.github.rocklstm.music.ChordProgression}s and
 * {@link io.github.rocklstm.music.Chorale}s.
 *
 * <ul>
 *   <li>{@link io.github.rocklstm.render.ChordChart}: a plain-text chord chart (bars, sections, lead-sheet symbols
 *       spelled for the key, optional roman numerals).
 *   <li>{@link io.github.rocklstm.render.MidiRenderer}: a progression as a type 1 MIDI file (chord track voiced by
 *       {@link io.github.rocklstm.render.ChordVoicer} in a {@link io.github.rocklstm.render.RhythmPattern}, optional
 *       {@link io.github.rocklstm.render.BassLine}, {@link io.github.rocklstm.render.GeneralMidi} programs);
 *       {@link io.github.rocklstm.render.ChoraleMidiRenderer}: a chorale as four voice tracks, which
 *       {@link io.github.rocklstm.render.ChoraleMidiReader} reads back;
 *       {@link io.github.rocklstm.render.MidiFiles} writes any sequence.
 *   <li>{@link io.github.rocklstm.render.WavRenderer}: a MIDI sequence as a 44.1 kHz stereo WAVE file, offline and
 *       headless, on the JDK's software synthesizer or a built-in additive one.
 *   <li>{@link io.github.rocklstm.render.ProgressionJson}: a progression, its key and metadata as JSON, and back.
 * </ul>
 *
 * <p>MusicXML for chorales is written by {@link io.github.rocklstm.corpus.MusicXmlChoraleWriter}. Every file is
 * written atomically (a temporary file in the same folder, then a move), so a failure never leaves a half-written
 * file or destroys the previous one.
 */
package io.github.rocklstm.render;
