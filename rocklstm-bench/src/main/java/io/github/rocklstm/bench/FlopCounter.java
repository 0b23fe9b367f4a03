package io.github.rocklstm.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Floating-point operations of {@link GemmBenchmark}, reported by JMH as the secondary metric {@code flops}/s. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {

  /** FLOPs done in this iteration. */
  public long flops;

  /** Zeroes the counter before each iteration. */
  @Setup(Level.Iteration)
  public void clear() {
    flops = 0;
  }
}
