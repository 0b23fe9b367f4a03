package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat under long sampling: 100,000 single steps of one session, with the process's resident
 * memory (VmRSS) compared between the end of a warm-up and the end of the run.
 */
class DjlSessionMemoryTest {

  private static final int WARM_UP_STEPS = 20_000;
  private static final int STEPS = 100_000;
  /** A leak of even 1 KB per step would add about 80 MB over the measured 80,000 steps. */
  private static final long MAX_GROWTH_KB = 40 * 1024;

  @Test
  void hundredThousandStepsKeepResidentMemoryFlat() throws IOException {
    ModelSpec spec = new ModelSpec(20, 8, 1, 16, 0.0);
    try (DjlNetwork network = new DjlNetwork(spec, ai.djl.Device.cpu(), ParameterLayout.initialize(spec, 1));
        Session session = network.newSession(1)) {
      int managedBefore = network.manager().getManagedArrays().size();
      int[] token = {1};
      long afterWarmUp = 0;
      for (int step = 1; step <= STEPS; step++) {
        float[] row = session.step(token)[0];
        token[0] = argmax(row) == token[0] ? (token[0] + 1) % 20 : argmax(row);
        if (step % 997 == 0) {
          session.select(new int[] {0});
        }
        if (step == WARM_UP_STEPS) {
          System.gc();
          afterWarmUp = residentKilobytes();
        }
      }
      System.gc();
      long atEnd = residentKilobytes();
      System.out.printf("VmRSS after %d warm-up steps: %d kB; after %d steps: %d kB (growth %d kB)%n",
          WARM_UP_STEPS, afterWarmUp, STEPS, atEnd, atEnd - afterWarmUp);
      assertTrue(atEnd - afterWarmUp < MAX_GROWTH_KB,
          "resident memory grew by " + (atEnd - afterWarmUp) + " kB over " + (STEPS - WARM_UP_STEPS) + " steps");
      // No NDArray outlives its step: the network's manager (parameters, Adam moments, the session's h and c)
      // holds as many arrays as before the first step.
      assertEquals(managedBefore, network.manager().getManagedArrays().size());
    }
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

  private static long residentKilobytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }
}
