package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.backend.LongSamplingRun;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sessions keep their own state: two sessions of one model, interleaved on one thread or stepping at the same
 * time on two threads, give exactly what each gives alone; and long sampling leaks no arrays.
 */
class Dl4jSessionTest {

  private static final ModelSpec SPEC = new ModelSpec(30, 8, 2, 32, 0.0);
  private static final int STEPS = 100_000;
  private static final int READ_EVERY = 10_000;
  private static final int WARM_UP_STEPS = 30_000;
  private static final long MAX_GROWTH_KB = 64 * 1024;

  private static int[][] randomTokens(long seed, int steps, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    int[][] tokens = new int[steps][rows];
    for (int[] step : tokens) {
      for (int row = 0; row < rows; row++) {
        step[row] = random.nextInt(SPEC.vocabularySize());
      }
    }
    return tokens;
  }

  /** Every step's output of one session fed {@code tokens}, with a select half-way. */
  private static List<float[][]> run(Session session, int[][] tokens) {
    List<float[][]> outputs = new ArrayList<>();
    for (int t = 0; t < tokens.length; t++) {
      if (t == tokens.length / 2) {
        session.select(new int[] {2, 0, 1});
      }
      outputs.add(session.step(tokens[t]));
    }
    return outputs;
  }

  private static void assertSame(List<float[][]> expected, List<float[][]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int t = 0; t < expected.size(); t++) {
      for (int row = 0; row < expected.get(t).length; row++) {
        assertArrayEquals(expected.get(t)[row], actual.get(t)[row], "step " + t + ", row " + row);
      }
    }
  }

  @Test
  void twoSessionsOnTwoThreadsGiveWhatEachGivesAlone() throws Exception {
    int[][] first = randomTokens(1, 60, 3);
    int[][] second = randomTokens(2, 60, 3);
    try (SequenceModel model = new Dl4jBackend().create(SPEC, Device.cpu(), 5)) {
      List<float[][]> firstAlone;
      List<float[][]> secondAlone;
      try (Session a = model.newSession(3)) {
        firstAlone = run(a, first);
      }
      try (Session b = model.newSession(3)) {
        secondAlone = run(b, second);
      }

      // Interleaved on one thread.
      try (Session a = model.newSession(3); Session b = model.newSession(3)) {
        List<float[][]> firstOut = new ArrayList<>();
        List<float[][]> secondOut = new ArrayList<>();
        for (int t = 0; t < first.length; t++) {
          if (t == first.length / 2) {
            a.select(new int[] {2, 0, 1});
            b.select(new int[] {2, 0, 1});
          }
          firstOut.add(a.step(first[t]));
          secondOut.add(b.step(second[t]));
        }
        assertSame(firstAlone, firstOut);
        assertSame(secondAlone, secondOut);
      }

      // At the same time on two threads, meeting at a barrier before every step.
      CyclicBarrier barrier = new CyclicBarrier(2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        Future<List<float[][]>> firstThread = threads.submit(() -> runInStep(model, first, barrier));
        Future<List<float[][]>> secondThread = threads.submit(() -> runInStep(model, second, barrier));
        assertSame(firstAlone, firstThread.get(5, TimeUnit.MINUTES));
        assertSame(secondAlone, secondThread.get(5, TimeUnit.MINUTES));
      } finally {
        threads.shutdownNow();
      }
    }
  }

  private static List<float[][]> runInStep(SequenceModel model, int[][] tokens, CyclicBarrier barrier)
      throws Exception {
    try (Session session = model.newSession(3)) {
      List<float[][]> outputs = new ArrayList<>();
      for (int t = 0; t < tokens.length; t++) {
        barrier.await(1, TimeUnit.MINUTES);
        if (t == tokens.length / 2) {
          session.select(new int[] {2, 0, 1});
        }
        outputs.add(session.step(tokens[t]));
      }
      return outputs;
    }
  }

  /**
   * 100,000 single steps of one session (with a {@code select} now and then) leak no ND4J arrays and grow resident
   * memory by less than a fixed bound. Resident memory (VmRSS) is read every {@value #READ_EVERY} steps after a
   * garbage collection and a pause (ND4J frees the native memory of collected arrays on its deallocator thread); the
   * module's surefire configuration gives the JVM a fixed, pre-touched heap, so the readings move with native memory
   * only. Readings after the first {@value #WARM_UP_STEPS} steps must stay within {@value #MAX_GROWTH_KB} kB of the
   * reading there.
   *
   * <p>Measured here (2 cores, 2026-12-06; the test takes 20 to 60 s): ND4J's arrays outside workspaces do not grow
   * (1,587 bytes after 30,000 and after 100,000 steps). Run alone, resident memory still creeps up by about 250 to
   * 580 bytes a step after warm-up: 16 to 18 MB between steps 30,000 and 100,000 in four runs earlier in the day,
   * 35 to 41 MB in four later runs (41 MB over 200,000 steps once); after the module's other tests it rose 0.3 MB
   * (0.24 MB in a CI run: 1,522,332 to 1,522,576 kB), so it depends on the state of the native allocator, which a
   * leak of ours would not.
   * The creep is in native memory that neither ND4J's nor JavaCPP's counters see and that a garbage collection does
   * not return; trimming the native heap returned only about 1 MB, one glibc malloc arena ({@code
   * MALLOC_ARENA_MAX=1}) slowed it (27 MB in one run) without stopping it, and running the custom ops with an
   * explicitly closed op context changed nothing. Its cause is not found. The bound, 64 MB, is above every
   * creep measured and still catches a leak of one small array per step (in the DJL backend's test a [1, 64]
   * float array leaked per step added about 750 bytes a step, about 50 MB over these 70,000 steps, on top of the
   * creep).
   */
  @Test
  void hundredThousandStepsKeepMemoryFlat() {
    ModelSpec spec = new ModelSpec(20, 8, 1, 16, 0.0);
    try (SequenceModel model = new Dl4jBackend().create(spec, Device.cpu(), 1); Session session = model.newSession(1)) {
      long[] afterWarmUp = new long[2]; // ND4J array bytes outside workspaces, workspace bytes
      List<Long> readings = new LongSamplingRun(STEPS, READ_EVERY, WARM_UP_STEPS, MAX_GROWTH_KB,
          Dl4jSessionTest::collectGarbage).run(session, spec.vocabularySize(), step -> {
            if (step == WARM_UP_STEPS) {
              afterWarmUp[0] = liveArrayBytes();
              afterWarmUp[1] = workspaceBytes();
            }
          });
      long arraysAtEnd = liveArrayBytes();
      System.out.printf("VmRSS every %d steps (kB): %s; ND4J arrays outside workspaces after %d and %d steps: %d and "
          + "%d bytes%n", READ_EVERY, readings, WARM_UP_STEPS, STEPS, afterWarmUp[0], arraysAtEnd);
      // No array outlives its step (the session's own state is reused), and the workspace does not grow.
      assertTrue(arraysAtEnd - afterWarmUp[0] < 64 * 1024,
          "ND4J arrays outside workspaces grew from " + afterWarmUp[0] + " to " + arraysAtEnd + " bytes");
      assertEquals(afterWarmUp[1], workspaceBytes(), "workspace size");
    }
  }

  /**
   * Bytes of ND4J arrays outside workspaces that are still reachable: the least of a few readings after a garbage
   * collection, because ND4J frees collected arrays on its own thread a little later.
   */
  private static long liveArrayBytes() {
    long least = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 4; attempt++) {
      collectGarbage();
      least = Math.min(least, Nd4j.getMemoryManager().allocatedMemory(0));
    }
    return least;
  }

  private static long workspaceBytes() {
    return Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(Dl4jNetwork.WORKSPACE_ID).getCurrentSize();
  }

  private static void collectGarbage() {
    System.gc();
    try {
      // ND4J frees the native memory of collected arrays on its deallocator thread.
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
