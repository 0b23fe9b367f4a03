package io.github.rocklstm.backend;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import io.github.rocklstm.model.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The long single-step sampling run of the backends' memory tests: a batch-1 session fed its own greedy choice
 * (never the same token twice running, so the input keeps changing), a {@code select} of row 0 every 997 steps, and
 * the process's resident memory (VmRSS) read every {@code readEvery} steps. Readings after {@code warmUpSteps} must
 * stay within {@code maxGrowthKb} of the reading at {@code warmUpSteps}.
 *
 * <p>Resident memory moves with the Java heap too: the backend modules' surefire configurations give the JVM a
 * fixed, pre-touched heap, so the readings move with native memory only.
 *
 * @param steps single steps to run
 * @param readEvery steps between readings
 * @param warmUpSteps the reading that later ones are compared with (a multiple of {@code readEvery})
 * @param maxGrowthKb how far a later reading may rise above it, in kB
 * @param beforeReading what makes a reading meaningful (a garbage collection, and for a backend that frees native
 *     memory on its own thread, a pause)
 */
public record LongSamplingRun(int steps, int readEvery, int warmUpSteps, long maxGrowthKb, Runnable beforeReading) {

  /** Checks the settings. */
  public LongSamplingRun {
    Preconditions.checkArgument(readEvery > 0 && warmUpSteps > 0 && warmUpSteps % readEvery == 0
        && warmUpSteps < steps, "warmUpSteps %s must be a multiple of readEvery %s below steps %s", warmUpSteps,
        readEvery, steps);
    Preconditions.checkArgument(maxGrowthKb > 0, "maxGrowthKb must be positive, got %s", maxGrowthKb);
    Preconditions.checkNotNull(beforeReading, "beforeReading");
  }

  /**
   * Runs the steps on {@code session} and fails at the first reading past the bound.
   *
   * @param atReading called after each reading with the step count, for the backend's own counters
   * @return the resident-memory readings, in kB
   */
  public ImmutableList<Long> run(Session session, int vocabularySize, IntConsumer atReading) {
    int[] token = {1};
    long afterWarmUp = 0;
    List<Long> readings = new ArrayList<>();
    for (int step = 1; step <= steps; step++) {
      int next = argmax(session.step(token)[0]);
      token[0] = next == token[0] ? (next + 1) % vocabularySize : next;
      if (step % 997 == 0) {
        session.select(new int[] {0});
      }
      if (step % readEvery == 0) {
        beforeReading.run();
        long resident = residentKilobytes();
        readings.add(resident);
        atReading.accept(step);
        if (step == warmUpSteps) {
          afterWarmUp = resident;
        } else if (step > warmUpSteps && resident - afterWarmUp >= maxGrowthKb) {
          throw new AssertionError("resident memory grew by " + (resident - afterWarmUp) + " kB between step "
              + warmUpSteps + " and step " + step + " (bound " + maxGrowthKb + " kB; readings every " + readEvery
              + " steps, kB: " + readings + ")");
        }
      }
    }
    return ImmutableList.copyOf(readings);
  }

  /** The process's resident memory in kB, from {@code /proc/self/status}. */
  public static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  private static int argmax(float[] row) {
    int best = 0;
    for (int i = 1; i < row.length; i++) {
      if (row[i] > row[best]) {
        best = i;
      }
    }
    return best;
  }
}
