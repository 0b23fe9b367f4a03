package io.github.rocklstm.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  @Test
  void longSamplingKeepsMemoryFlat() throws IOException {
    int warmUp = 5_000;
    int steps = 30_000;
    ModelSpec spec = new ModelSpec(20, 8, 1, 16, 0.0);
    try (SequenceModel model = new Dl4jBackend().create(spec, Device.cpu(), 1); Session session = model.newSession(1)) {
      int[] token = {1};
      long arraysAfterWarmUp = 0;
      long workspaceAfterWarmUp = 0;
      long nativeAfterWarmUp = 0;
      for (int step = 1; step <= steps; step++) {
        float[] row = session.step(token)[0];
        token[0] = argmax(row) == token[0] ? (token[0] + 1) % 20 : argmax(row);
        if (step % 997 == 0) {
          session.select(new int[] {0});
        }
        if (step == warmUp) {
          nativeAfterWarmUp = nativeKilobytes();
          arraysAfterWarmUp = liveArrayBytes();
          workspaceAfterWarmUp = workspaceBytes();
        }
      }
      long nativeAtEnd = nativeKilobytes();
      long arraysAtEnd = liveArrayBytes();
      System.out.printf("after %d warm-up steps and after %d steps: ND4J arrays outside workspaces %d and %d bytes, "
          + "workspace %d and %d bytes, native memory (VmRSS - committed JVM memory) %d and %d kB%n", warmUp, steps,
          arraysAfterWarmUp, arraysAtEnd, workspaceAfterWarmUp, workspaceBytes(), nativeAfterWarmUp, nativeAtEnd);
      // No array outlives its step (the session's own state is reused), and the workspace does not grow.
      assertTrue(arraysAtEnd - arraysAfterWarmUp < 64 * 1024,
          "ND4J arrays outside workspaces grew from " + arraysAfterWarmUp + " to " + arraysAtEnd + " bytes");
      assertEquals(workspaceAfterWarmUp, workspaceBytes(), "workspace size");
    }
  }

  /**
   * Bytes of ND4J arrays outside workspaces that are still reachable: the least of a few readings after a garbage
   * collection, because ND4J frees collected arrays on its own thread a little later.
   */
  private static long liveArrayBytes() {
    long least = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 4; attempt++) {
      System.gc();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      least = Math.min(least, Nd4j.getMemoryManager().allocatedMemory(0));
    }
    return least;
  }

  private static long workspaceBytes() {
    return Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(Dl4jNetwork.WORKSPACE_ID).getCurrentSize();
  }

  /**
   * Resident memory outside the JVM's own heap and non-heap areas (printed, not asserted: ND4J 1.0.0-M2.1 keeps
   * small native bookkeeping per array and per operation that only the garbage collector frees, so this figure
   * rises and falls with the collector's timing).
   */
  private static long nativeKilobytes() throws IOException {
    System.gc();
    try {
      // ND4J frees the native memory of collected arrays on its deallocator thread.
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    long committed = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
    return residentKilobytes() - committed / 1024;
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
