package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import io.github.rocklstm.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import javax.sound.midi.Sequence;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Renders a MIDI {@link Sequence} to audio offline, faster than real time and without a sound card: 44.1 kHz,
 * 16-bit, stereo PCM ({@link #FORMAT}), as an {@link AudioInputStream} or a {@code .wav} file.
 *
 * <p><b>Length:</b> the sequence's length ({@link Sequence#getMicrosecondLength()}, which for the renderers of this
 * package is the end of the music) plus a tail (default {@value #DEFAULT_TAIL_SECONDS} s) for the last notes to ring
 * out: {@link #frameLength} frames exactly.
 *
 * <p><b>Engines:</b>
 * <ul>
 *   <li>{@link Engine#SOFTWARE_SYNTHESIZER} (the default) plays the sequence on the JDK's own software synthesizer
 *       (Gervill, {@code com.sun.media.sound.SoftSynthesizer}) with its default General MIDI sound bank. Its offline
 *       interface ({@code AudioSynthesizer.openStream}) lives in a package that {@code java.desktop} does not
 *       export, and {@code Synthesizer.open()} needs an audio line, which a headless machine does not have. The
 *       supported way in is the MIDI {@link javax.sound.sampled.spi.AudioFileReader} that the JDK registers:
 *       {@link AudioSystem#getAudioInputStream(InputStream)} on MIDI file bytes returns the synthesizer's output.
 *       Without a sound bank in {@code java.home/lib/audio} or a system {@code default.sf2}, Gervill generates its
 *       small "emergency" sound bank on first use and caches it in {@code ~/.gervill/soundbank-emg.sf2}. The same
 *       sequence gives the same bytes within one JVM and across runs that load the same sound bank; a freshly
 *       generated emergency sound bank differs from machine to machine, and so do the bytes.
 *   <li>{@link Engine#ADDITIVE} is a small built-in synthesizer (harmonics under an envelope, seven timbres by
 *       program family, mono mix peak-normalised to -1 dBFS on both channels). It needs nothing from the JDK's
 *       sound implementation and gives the same bytes for the same sequence on every machine.
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WavRenderer {

  /** How the audio is synthesised. */
  public enum Engine {
    /** The JDK's software synthesizer (Gervill) and its default General MIDI sound bank. */
    SOFTWARE_SYNTHESIZER,
    /** The built-in additive synthesizer: plainer sound, identical bytes everywhere. */
    ADDITIVE
  }

  /** 44.1 kHz, 16-bit signed little-endian PCM, stereo. */
  public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);
  /** Seconds of audio after the end of the sequence unless set: 1. */
  public static final double DEFAULT_TAIL_SECONDS = 1;

  private final Engine engine;
  private final double tailSeconds;

  private WavRenderer(Builder builder) {
    this.engine = builder.engine;
    this.tailSeconds = builder.tailSeconds;
  }

  /** The defaults: the JDK's software synthesizer and a one-second tail. */
  public static WavRenderer standard() {
    return builder().build();
  }

  /** Settings, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings for a {@link WavRenderer}. */
  public static final class Builder {
    private Engine engine = Engine.SOFTWARE_SYNTHESIZER;
    private double tailSeconds = DEFAULT_TAIL_SECONDS;

    private Builder() {}

    /** The synthesizer (default {@link Engine#SOFTWARE_SYNTHESIZER}). */
    public Builder engine(Engine value) {
      this.engine = Preconditions.checkNotNull(value, "engine");
      return this;
    }

    /** Seconds of audio after the end of the sequence, 0 to 60 (default {@value WavRenderer#DEFAULT_TAIL_SECONDS}). */
    public Builder tailSeconds(double value) {
      Preconditions.checkArgument(value >= 0 && value <= 60, "the tail is 0 to 60 seconds, got %s", value);
      this.tailSeconds = value;
      return this;
    }

    /** The renderer. */
    public WavRenderer build() {
      return new WavRenderer(this);
    }
  }

  /** The engine in use. */
  public Engine engine() {
    return engine;
  }

  /**
   * The number of frames {@link #render} gives for {@code sequence}: its length in microseconds and the tail, each
   * rounded to the nearest frame.
   */
  public long frameLength(Sequence sequence) {
    Preconditions.checkNotNull(sequence, "sequence");
    return Math.round(sequence.getMicrosecondLength() * (double) FORMAT.getFrameRate() / 1e6)
        + Math.round(tailSeconds * FORMAT.getFrameRate());
  }

  /**
   * The audio of {@code sequence} in {@link #FORMAT}, {@link #frameLength} frames long. Close the stream when done.
   *
   * @throws IOException when the JDK's synthesizer is asked for and this runtime cannot render MIDI
   */
  public AudioInputStream render(Sequence sequence) throws IOException {
    long frames = frameLength(sequence);
    if (engine == Engine.ADDITIVE) {
      return new AudioInputStream(new ByteArrayInputStream(AdditiveSynthesizer.render(sequence, frames)), FORMAT,
          frames);
    }
    AudioInputStream synthesized;
    try {
      synthesized = AudioSystem.getAudioInputStream(new ByteArrayInputStream(MidiFiles.toBytes(sequence)));
    } catch (UnsupportedAudioFileException e) {
      throw new IOException("this Java runtime has no audio file reader that plays MIDI (the JDK's software "
          + "synthesizer registers one in java.desktop); render with WavRenderer.Engine.ADDITIVE instead", e);
    }
    if (!synthesized.getFormat().matches(FORMAT)) {
      if (!AudioSystem.isConversionSupported(FORMAT, synthesized.getFormat())) {
        synthesized.close();
        throw new IOException("the JDK's software synthesizer produced " + synthesized.getFormat()
            + ", which cannot be converted to " + FORMAT + "; render with WavRenderer.Engine.ADDITIVE instead");
      }
      synthesized = AudioSystem.getAudioInputStream(FORMAT, synthesized);
    }
    // The synthesizer's stream lasts the whole seconds of the sequence plus 4 s; cut it, or pad it with silence.
    InputStream padded = new SequenceInputStream(synthesized, new Silence());
    return new AudioInputStream(padded, FORMAT, frames);
  }

  /** Writes the audio of {@code sequence} to {@code wavFile} as a WAVE file, atomically. */
  public void write(Sequence sequence, Path wavFile) throws IOException {
    Preconditions.checkNotNull(wavFile, "wavFile");
    try (AudioInputStream audio = render(sequence)) {
      AtomicFiles.write(wavFile, out -> AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out));
    }
  }

  /** Zero bytes without end. */
  private static final class Silence extends InputStream {
    @Override
    public int read() {
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      java.util.Arrays.fill(buffer, offset, offset + length, (byte) 0);
      return length;
    }
  }
}
