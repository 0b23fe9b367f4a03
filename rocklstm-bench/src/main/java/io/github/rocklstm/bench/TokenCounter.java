package io.github.rocklstm.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tokens processed, reported by JMH as a rate next to the invocation rate: a benchmark adds what one invocation did
 * and JMH divides by the measured time, so the secondary metric {@code tokens} is in tokens per second whatever the
 * batch shape (trained targets, scored targets, or session rows stepped).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class TokenCounter {

  /** Tokens processed in this iteration. */
  public long tokens;

  /** Zeroes the counter before each iteration. */
  @Setup(Level.Iteration)
  public void clear() {
    tokens = 0;
  }
}
