package io.github.rocklstm.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rocklstm.backend.LongSamplingRun;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.ParameterLayout;
import io.github.rocklstm.model.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat under long sampling: 100,000 single steps of one session (with a {@code select} now and
 * then), checking both the arrays DJL tracks and the process's resident memory (VmRSS).
 *
 * <p>Resident memory is read after a {@code System.gc()} every 20,000 steps; the module's surefire configuration
 * gives the JVM a fixed, pre-touched heap, so these readings move with native memory only. Readings after the
 * first 40,000 steps (warm-up) must stay within 8 MB of the reading at 40,000. Measured here: 1,279,624,
 * 1,280,404, 1,280,448, 1,280,800 and 1,280,800 kB; with a deliberate leak of one [1, 64] tensor per step the
 * readings rose by about 15 MB per 20,000 steps and the test failed, as did the array count below.
 */
class DjlSessionMemoryTest {

  private static final int STEPS = 100_000;
  private static final int READ_EVERY = 20_000;
  private static final int WARM_UP_STEPS = 40_000;
  private static final long MAX_GROWTH_KB = 8 * 1024;

  @Test
  void hundredThousandStepsKeepNativeMemoryFlat() {
    ModelSpec spec = new ModelSpec(20, 8, 1, 16, 0.0);
    try (DjlNetwork network = new DjlNetwork(spec, ai.djl.Device.cpu(), ParameterLayout.initialize(spec, 1));
        Session session = network.newSession(1)) {
      int managedBefore = network.manager().getManagedArrays().size();
      List<Long> readings = new LongSamplingRun(STEPS, READ_EVERY, WARM_UP_STEPS, MAX_GROWTH_KB, System::gc)
          .run(session, spec.vocabularySize(), step -> { });
      System.out.println("VmRSS every " + READ_EVERY + " steps (kB): " + readings);
      // No NDArray outlives its step: the network's manager (parameters, Adam moments, the session's h and c)
      // holds as many arrays as before the first step.
      assertEquals(managedBefore, network.manager().getManagedArrays().size());
    }
  }
}
