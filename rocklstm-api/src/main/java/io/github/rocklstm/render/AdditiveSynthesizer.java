package io.github.rocklstm.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * A small additive synthesizer for {@link WavRenderer.Engine#ADDITIVE}: every note is a sum of a few harmonics of
 * its pitch under an attack-decay-release envelope, with one of seven timbres chosen by the channel's General MIDI
 * program (piano, guitar, overdriven guitar, bass, organ, strings, voice). The mix is mono, peak-normalised to
 * -1 dBFS, and written to both channels.
 *
 * <p>It reads note-on, note-off and program-change messages and the tempo; controllers, pitch bend and the
 * percussion channel (10) are ignored. All arithmetic is IEEE double arithmetic plus {@link StrictMath}, so the
 * same sequence gives the same bytes on every Java platform.
 */
final class AdditiveSynthesizer {

  private static final double SAMPLE_RATE = 44_100;
  private static final int TABLE_SIZE = 4096;
  private static final double[] SINE = new double[TABLE_SIZE + 1];
  private static final double PEAK = 0.891; // -1 dBFS

  static {
    for (int i = 0; i <= TABLE_SIZE; i++) {
      SINE[i] = StrictMath.sin(2 * StrictMath.PI * i / TABLE_SIZE);
    }
  }

  /** A sound: harmonic amplitudes, whether it dies away while held, and its envelope times in seconds. */
  private enum Timbre {
    PIANO(true, 0.004, 1.2, 0.08, 1, 0.5, 0.3, 0.15, 0.08),
    GUITAR(true, 0.004, 1.0, 0.08, 1, 0.6, 0.35, 0.2, 0.1),
    DRIVEN_GUITAR(true, 0.004, 2.5, 0.06, 1, 0.8, 0.6, 0.45, 0.35, 0.25, 0.18, 0.12),
    BASS(true, 0.006, 1.5, 0.06, 1, 0.45, 0.2, 0.08),
    ORGAN(false, 0.01, 0, 0.05, 1, 0.6, 0.4, 0.3, 0.2),
    STRINGS(false, 0.08, 0, 0.2, 1, 0.5, 0.33, 0.25, 0.2, 0.16),
    VOICE(false, 0.06, 0, 0.15, 1, 0.25, 0.08);

    final boolean decays;
    final double attack;
    final double decayTime;
    final double release;
    final double[] harmonics;

    Timbre(boolean decays, double attack, double decayTime, double release, double... harmonics) {
      this.decays = decays;
      this.attack = attack;
      this.decayTime = decayTime;
      this.release = release;
      double sum = 0;
      for (double h : harmonics) {
        sum += h;
      }
      this.harmonics = new double[harmonics.length];
      for (int i = 0; i < harmonics.length; i++) {
        this.harmonics[i] = harmonics[i] / sum;
      }
    }

    static Timbre of(int program) {
      if (program < 16) {
        return PIANO;
      } else if (program < 24) {
        return ORGAN;
      } else if (program < 29) {
        return GUITAR;
      } else if (program < 32) {
        return DRIVEN_GUITAR;
      } else if (program < 40) {
        return BASS;
      } else if (program < 52) {
        return STRINGS;
      } else if (program < 56) {
        return VOICE;
      } else if (program < 104) {
        return ORGAN;
      } else if (program < 112) {
        return GUITAR;
      }
      return PIANO;
    }
  }

  private record Sounding(long startFrame, int velocity, int program) {}

  private record Played(int pitch, int velocity, int program, long startFrame, long endFrame) {}

  private AdditiveSynthesizer() {}

  /** {@code frames} frames of 16-bit little-endian stereo PCM at 44.1 kHz. */
  static byte[] render(Sequence sequence, long frames) {
    if (frames > Integer.MAX_VALUE / 4) {
      throw new IllegalArgumentException("the additive synthesizer renders at most " + Integer.MAX_VALUE / 4
          + " frames (about 3.3 hours), asked for " + frames);
    }
    float[] mix = new float[(int) frames];
    for (Played note : notes(sequence)) {
      play(note, mix);
    }
    double peak = 0;
    for (float sample : mix) {
      peak = Math.max(peak, Math.abs(sample));
    }
    double gain = peak > 0 ? PEAK / peak : 0;
    byte[] pcm = new byte[mix.length * 4];
    for (int i = 0; i < mix.length; i++) {
      long value = Math.round(mix[i] * gain * 32767);
      int sample = (int) Math.max(-32768, Math.min(32767, value));
      pcm[4 * i] = (byte) sample;
      pcm[4 * i + 1] = (byte) (sample >> 8);
      pcm[4 * i + 2] = (byte) sample;
      pcm[4 * i + 3] = (byte) (sample >> 8);
    }
    return pcm;
  }

  /** The notes of all tracks, with start and end in frames, in the order they start. */
  private static List<Played> notes(Sequence sequence) {
    List<MidiEvent> events = new ArrayList<>();
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        events.add(track.get(i));
      }
    }
    // Stable: events of equal ticks keep track order, then their order within the track.
    events.sort((a, b) -> Long.compare(a.getTick(), b.getTick()));
    boolean ppq = sequence.getDivisionType() == Sequence.PPQ;
    double resolution = sequence.getResolution();
    double ticksPerSecond = ppq ? 0 : sequence.getDivisionType() * resolution;
    long tempoTick = 0;
    double tempoSeconds = 0;
    double secondsPerTick = ppq ? 0.5 / resolution : 1 / ticksPerSecond;
    int[] programs = new int[16];
    Map<Integer, Sounding> sounding = new HashMap<>();
    List<Played> played = new ArrayList<>();
    long lastFrame = 0;
    for (MidiEvent event : events) {
      double seconds = tempoSeconds + (event.getTick() - tempoTick) * secondsPerTick;
      long frame = Math.round(seconds * SAMPLE_RATE);
      lastFrame = Math.max(lastFrame, frame);
      MidiMessage message = event.getMessage();
      if (message instanceof MetaMessage && ppq && ((MetaMessage) message).getType() == TrackEvents.META_TEMPO) {
        byte[] data = ((MetaMessage) message).getData();
        if (data.length >= 3) {
          tempoSeconds = seconds;
          tempoTick = event.getTick();
          int microseconds = ((data[0] & 0xFF) << 16) | ((data[1] & 0xFF) << 8) | (data[2] & 0xFF);
          secondsPerTick = microseconds / 1e6 / resolution;
        }
      } else if (message instanceof ShortMessage) {
        ShortMessage m = (ShortMessage) message;
        int channel = m.getChannel();
        int key = channel * 128 + m.getData1();
        boolean noteOn = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
        boolean noteOff = m.getCommand() == ShortMessage.NOTE_OFF
            || (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0);
        if (m.getCommand() == ShortMessage.PROGRAM_CHANGE) {
          programs[channel] = m.getData1();
        } else if ((noteOn || noteOff) && channel != GeneralMidi.PERCUSSION_CHANNEL) {
          Sounding previous = sounding.remove(key);
          if (previous != null) {
            played.add(new Played(m.getData1(), previous.velocity(), previous.program(), previous.startFrame(), frame));
          }
          if (noteOn) {
            sounding.put(key, new Sounding(frame, m.getData2(), programs[channel]));
          }
        }
      }
    }
    for (Map.Entry<Integer, Sounding> open : new java.util.TreeMap<>(sounding).entrySet()) {
      Sounding s = open.getValue();
      played.add(new Played(open.getKey() % 128, s.velocity(), s.program(), s.startFrame(), lastFrame));
    }
    played.sort((a, b) -> Long.compare(a.startFrame(), b.startFrame()));
    return played;
  }

  /** Adds one note to the mix. */
  private static void play(Played note, float[] mix) {
    Timbre timbre = Timbre.of(note.program());
    double frequency = 440 * StrictMath.pow(2, (note.pitch() - 69) / 12.0);
    double amplitude = 0.3 * note.velocity() / 127.0;
    int partials = 0;
    while (partials < timbre.harmonics.length && (partials + 1) * frequency < 0.45 * SAMPLE_RATE) {
      partials++;
    }
    double[] increments = new double[partials];
    double[] phases = new double[partials];
    for (int h = 0; h < partials; h++) {
      increments[h] = (h + 1) * frequency / SAMPLE_RATE;
    }
    double attackFrames = Math.max(1, timbre.attack * SAMPLE_RATE);
    double releaseFrames = Math.max(1, timbre.release * SAMPLE_RATE);
    double decayPerFrame = timbre.decays ? StrictMath.exp(-1 / (timbre.decayTime * SAMPLE_RATE)) : 1;
    long heldFrames = note.endFrame() - note.startFrame();
    long stop = Math.min(mix.length, note.endFrame() + (long) Math.ceil(releaseFrames));
    double decay = 1;
    double levelAtRelease = 0;
    for (long frame = note.startFrame(); frame < stop; frame++) {
      long t = frame - note.startFrame();
      double level;
      if (t < heldFrames) {
        level = Math.min(1, (t + 1) / attackFrames) * decay;
        decay *= decayPerFrame;
        levelAtRelease = level;
      } else {
        level = levelAtRelease * Math.max(0, 1 - (t - heldFrames + 1) / releaseFrames);
      }
      double sample = 0;
      for (int h = 0; h < partials; h++) {
        sample += timbre.harmonics[h] * sine(phases[h]);
        phases[h] += increments[h];
        if (phases[h] >= 1) {
          phases[h] -= 1;
        }
      }
      mix[(int) frame] += (float) (amplitude * level * sample);
    }
  }

  /** sin(2 pi phase) for phase in [0, 1), from the table with linear interpolation. */
  private static double sine(double phase) {
    double position = phase * TABLE_SIZE;
    int index = (int) position;
    double fraction = position - index;
    return SINE[index] + (SINE[index + 1] - SINE[index]) * fraction;
  }
}
