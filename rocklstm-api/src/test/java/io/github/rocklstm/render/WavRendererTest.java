package io.github.rocklstm.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.music.ChordEvent;
import io.github.rocklstm.music.ChordProgression;
import io.github.rocklstm.music.ChordSymbols;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavRendererTest {

  private static final int RATE = 44_100;

  @TempDir Path temp;

  /** C for a bar, G for a bar, at 240 beats a minute: 2 seconds. */
  private static Sequence twoBars() {
    ChordProgression p = ChordProgression.of(List.of(new ChordEvent(ChordSymbols.parseLeadSheet("C"), 4),
        new ChordEvent(ChordSymbols.parseLeadSheet("G"), 4)));
    return MidiRenderer.builder().rhythm(RhythmPattern.QUARTERS).beatsPerMinute(240).build().toSequence(p);
  }

  /** Reads a WAVE file back, checking the format and length, and returns its PCM bytes. */
  private static byte[] readBack(Path wav, long frames) throws Exception {
    assertEquals(AudioFileFormat.Type.WAVE, AudioSystem.getAudioFileFormat(wav.toFile()).getType());
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
      assertEquals(RATE, format.getSampleRate());
      assertEquals(16, format.getSampleSizeInBits());
      assertEquals(2, format.getChannels());
      assertEquals(false, format.isBigEndian());
      assertEquals(frames, in.getFrameLength());
      byte[] pcm = in.readAllBytes();
      assertEquals(frames * 4, pcm.length);
      return pcm;
    }
  }

  /** Root mean square of both channels' samples in frames {@code [from, to)}, in 16-bit units. */
  private static double rms(byte[] pcm, int from, int to) {
    double sum = 0;
    for (int frame = from; frame < to; frame++) {
      for (int channel = 0; channel < 2; channel++) {
        int i = 4 * frame + 2 * channel;
        int sample = (short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8));
        sum += (double) sample * sample;
      }
    }
    return Math.sqrt(sum / (2.0 * (to - from)));
  }

  @Test
  void softwareSynthesizerRendersHeadlessAndRepeatably() throws Exception {
    Sequence sequence = twoBars();
    WavRenderer renderer = WavRenderer.standard();
    assertEquals(WavRenderer.Engine.SOFTWARE_SYNTHESIZER, renderer.engine());
    // 2 s of music and 1 s of tail.
    assertEquals(3 * RATE, renderer.frameLength(sequence));
    Path first = temp.resolve("gervill.wav");
    renderer.write(sequence, first);
    byte[] pcm = readBack(first, 3 * RATE);
    for (int half = 0; half < 4; half++) {
      double rms = rms(pcm, half * RATE / 2, (half + 1) * RATE / 2);
      assertTrue(rms > 300, "half second " + half + " is too quiet: RMS " + rms);
    }
    Path second = temp.resolve("again/gervill.wav");
    renderer.write(sequence, second);
    assertEquals(-1, Files.mismatch(first, second), "the same sequence gives the same bytes in one JVM");
  }

  @Test
  void softwareSynthesizerOutputIsPaddedToALongTail() throws Exception {
    // Half a second of music: the synthesizer's stream lasts 0 + 4 s; a 4.5 s tail needs half a second of padding.
    Sequence sequence = new Sequence(Sequence.PPQ, 480);
    Track track = sequence.createTrack();
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60, 100), 0));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60, 0), 480));
    WavRenderer renderer = WavRenderer.builder().tailSeconds(4.5).build();
    assertEquals(5 * RATE, renderer.frameLength(sequence));
    Path wav = temp.resolve("padded.wav");
    renderer.write(sequence, wav);
    byte[] pcm = readBack(wav, 5 * RATE);
    assertTrue(rms(pcm, 0, RATE / 2) > 300);
    assertEquals(0, rms(pcm, 4 * RATE + RATE / 10, 5 * RATE), 0.0);
  }

  @Test
  void additiveRendersTheSameBytesEveryTime() throws Exception {
    Sequence sequence = twoBars();
    WavRenderer renderer = WavRenderer.builder().engine(WavRenderer.Engine.ADDITIVE).tailSeconds(0.5).build();
    assertEquals(2 * RATE + RATE / 2, renderer.frameLength(sequence));
    Path first = temp.resolve("additive.wav");
    renderer.write(sequence, first);
    byte[] pcm = readBack(first, 2 * RATE + RATE / 2);
    for (int half = 0; half < 4; half++) {
      double rms = rms(pcm, half * RATE / 2, (half + 1) * RATE / 2);
      assertTrue(rms > 1000, "half second " + half + " is too quiet: RMS " + rms);
    }
    int peak = 0;
    for (int i = 0; i < pcm.length; i += 2) {
      peak = Math.max(peak, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
    }
    // Peak-normalised to -1 dBFS: 0.891 x 32767 = 29195.
    assertEquals(29195, peak, 1);
    // Both channels carry the same mono mix.
    for (int i = 0; i < pcm.length; i += 4) {
      assertTrue(pcm[i] == pcm[i + 2] && pcm[i + 1] == pcm[i + 3], "frame " + i / 4);
    }
    // The last 0.4 s is after every release: silence.
    assertEquals(0, rms(pcm, 2 * RATE + RATE / 10, 2 * RATE + RATE / 2), 0.0);
    Path second = temp.resolve("additive-again.wav");
    renderer.write(twoBars(), second);
    assertEquals(-1, Files.mismatch(first, second));
  }

  @Test
  void additivePlaysThePitchItIsGiven() throws Exception {
    // A4 for one second (960 ticks at the default 500000 us a quarter) on Choir Aahs.
    Sequence sequence = new Sequence(Sequence.PPQ, 480);
    Track track = sequence.createTrack();
    track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 2, GeneralMidi.CHOIR_AAHS, 0), 0));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 2, 69, 100), 0));
    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 2, 69, 0), 960));
    WavRenderer renderer = WavRenderer.builder().engine(WavRenderer.Engine.ADDITIVE).tailSeconds(0).build();
    try (AudioInputStream audio = renderer.render(sequence)) {
      assertEquals(RATE, audio.getFrameLength());
      byte[] pcm = audio.readAllBytes();
      double[] left = new double[RATE / 2];
      for (int i = 0; i < left.length; i++) {
        int at = 4 * (RATE / 4 + i);
        left[i] = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8));
      }
      double a4 = goertzel(left, 440);
      // A semitone either side, and the octave below, carry almost nothing.
      assertTrue(a4 > 1000 * goertzel(left, 415.3), "A4 against G#4");
      assertTrue(a4 > 1000 * goertzel(left, 466.16), "A4 against A#4");
      assertTrue(a4 > 1000 * goertzel(left, 220), "A4 against A3");
      // The second harmonic is there, weaker (a quarter of the fundamental's amplitude: 1/16 of the power).
      double a5 = goertzel(left, 880);
      assertTrue(a5 > a4 / 32 && a5 < a4 / 8, "second harmonic " + a5 / a4);
    }
  }

  /** The power of {@code signal} at {@code frequency} (Goertzel). */
  private static double goertzel(double[] signal, double frequency) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequency / RATE);
    double previous = 0;
    double beforePrevious = 0;
    for (double x : signal) {
      double current = x + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  }

  @Test
  void emptySequenceIsSilence() throws Exception {
    Sequence empty = MidiRenderer.standard().toSequence(ChordProgression.of(List.of()));
    for (WavRenderer.Engine engine : WavRenderer.Engine.values()) {
      WavRenderer renderer = WavRenderer.builder().engine(engine).tailSeconds(0.25).build();
      Path wav = temp.resolve(engine + ".wav");
      renderer.write(empty, wav);
      assertEquals(0, rms(readBack(wav, RATE / 4), 0, RATE / 4), 0.0, engine.name());
    }
  }

  @Test
  void rejectsBadTails() {
    assertThrows(IllegalArgumentException.class, () -> WavRenderer.builder().tailSeconds(-1));
    assertThrows(IllegalArgumentException.class, () -> WavRenderer.builder().tailSeconds(61));
  }

  @Test
  void aFailedWriteKeepsTheOldFile() throws IOException {
    Path wav = temp.resolve("keep.wav");
    Files.writeString(wav, "old");
    assertThrows(NullPointerException.class, () -> WavRenderer.standard().write(null, wav));
    assertEquals("old", Files.readString(wav));
  }
}
