package io.github.rocklstm.render;

import com.google.common.base.Preconditions;
import io.github.rocklstm.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;

/** Writes {@link Sequence}s as Standard MIDI Files. */
public final class MidiFiles {

  private MidiFiles() {}

  /** The bytes of {@code sequence} as a Standard MIDI File of type 1 (one chunk per track). */
  public static byte[] toBytes(Sequence sequence) {
    Preconditions.checkNotNull(sequence, "sequence");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(sequence, out);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the sequence as a type 1 MIDI file: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  /** Writes {@code sequence} to {@code file} as a Standard MIDI File of type 1, atomically. */
  public static void write(Sequence sequence, Path file) throws IOException {
    Preconditions.checkNotNull(sequence, "sequence");
    AtomicFiles.write(file, out -> write(sequence, out));
  }

  private static void write(Sequence sequence, java.io.OutputStream out) throws IOException {
    int[] types = MidiSystem.getMidiFileTypes(sequence);
    for (int type : types) {
      if (type == 1) {
        MidiSystem.write(sequence, 1, out);
        return;
      }
    }
    throw new IOException("this Java runtime cannot write the sequence as a type 1 MIDI file (it offers types "
        + java.util.Arrays.toString(types) + ")");
  }
}
