package io.github.rocklstm.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How much CPU the fork got while it was measured: the process's CPU time over an iteration, which JMH divides by
 * the iteration's time, so the secondary metric {@code cpuMicros} is CPU microseconds per second, 10<sup>6</sup>
 * per busy core. On a machine shared with other work a one-thread benchmark that gets less than a whole core shows
 * it here (the iteration span read here includes the set-up and tear-down around the timed loop, so the figure is
 * slightly high). Process CPU time counts every thread of the JVM: compute, JIT and GC.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CpuCounter {

  private static final com.sun.management.OperatingSystemMXBean OS = operatingSystem();

  /** Process CPU microseconds spent in this iteration. */
  public long cpuMicros;

  private long startNanos;

  /** Reads the process CPU time at the start of an iteration. */
  @Setup(Level.Iteration)
  public void start() {
    startNanos = OS.getProcessCpuTime();
  }

  /** Records the CPU time spent since {@link #start()}. */
  @TearDown(Level.Iteration)
  public void stop() {
    cpuMicros = (OS.getProcessCpuTime() - startNanos) / 1000;
  }

  private static com.sun.management.OperatingSystemMXBean operatingSystem() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    if (bean instanceof com.sun.management.OperatingSystemMXBean) {
      return (com.sun.management.OperatingSystemMXBean) bean;
    }
    throw new IllegalStateException("this JVM does not report process CPU time (com.sun.management is missing)");
  }
}
