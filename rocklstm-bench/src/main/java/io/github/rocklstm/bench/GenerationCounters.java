package io.github.rocklstm.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@link GenerationBenchmark} generated, reported by JMH as rates (per second): the secondary metrics
 * {@code progressions}, {@code chords} (one per beat) and {@code tokens} (predicted tokens, END included).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GenerationCounters {

  /** Progressions of 32 bars generated in this iteration. */
  public long progressions;

  /** Chords generated, one per beat: 128 per progression. */
  public long chords;

  /** Tokens predicted: 161 per progression (160 and END). */
  public long tokens;

  /** Zeroes the counters before each iteration. */
  @Setup(Level.Iteration)
  public void clear() {
    progressions = 0;
    chords = 0;
    tokens = 0;
  }
}
