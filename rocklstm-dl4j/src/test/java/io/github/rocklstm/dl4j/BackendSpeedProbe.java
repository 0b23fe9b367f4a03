package io.github.rocklstm.dl4j;

import io.github.rocklstm.backend.Backends;
import io.github.rocklstm.model.Device;
import io.github.rocklstm.model.ModelSpec;
import io.github.rocklstm.model.SequenceModel;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingConfig;
import io.github.rocklstm.model.TrainingListener;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A scratch measurement, not a test: training throughput of one backend through the public API, in tokens per
 * second of wall time and per second of process CPU time (the second is the fair figure on a shared machine).
 * JMH benchmarks in rocklstm-bench replace it; it stays as the record of how the figures in the package
 * documentation were taken.
 *
 * <pre>
 * OMP_NUM_THREADS=1 java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -Dorg.nd4j.log.initialization=false -cp (test classpath) io.github.rocklstm.dl4j.BackendSpeedProbe dl4j
 * </pre>
 * Arguments: backend name, then optionally rounds (3) and steps per round (10). Model: vocabulary 150, embedding
 * 32, 2 x 256 LSTM, dropout 0.2; batches of 32 windows of 64 tokens; one backend per JVM.
 */
public final class BackendSpeedProbe {

  private BackendSpeedProbe() {}

  public static void main(String[] args) {
    String backend = args.length > 0 ? args[0] : "dl4j";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int steps = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    ModelSpec spec = new ModelSpec(150, 32, 2, 256, 0.2);
    SplittableRandom random = new SplittableRandom(1);
    List<int[]> train = new ArrayList<>();
    for (int s = 0; s < 40; s++) {
      int[] sequence = new int[2000];
      sequence[0] = 1;
      for (int t = 1; t < sequence.length - 1; t++) {
        sequence[t] = 5 + random.nextInt(145);
      }
      sequence[sequence.length - 1] = 2;
      train.add(sequence);
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    try (SequenceModel model = Backends.get(backend).create(spec, Device.cpu(), 1)) {
      TrainingConfig config = TrainingConfig.builder().batchSize(32).bptt(64).maxEpochs(1).maxStepsPerEpoch(3)
          .earlyStoppingPatience(0).build();
      model.fit(train, List.of(), config, TrainingListener.NONE);
      double[] wall = new double[rounds];
      double[] cpu = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long[] tokens = {0};
        TrainingListener count = new TrainingListener() {
          @Override
          public void onStep(StepEvent event) {
            tokens[0] += event.targetTokens();
          }
        };
        long wall0 = System.nanoTime();
        long cpu0 = os.getProcessCpuTime();
        model.fit(train, List.of(), config.toBuilder().maxEpochs(round + 2).maxStepsPerEpoch(steps).build(), count);
        wall[round] = tokens[0] / ((System.nanoTime() - wall0) / 1e9);
        cpu[round] = tokens[0] / ((os.getProcessCpuTime() - cpu0) / 1e9);
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf("%s: tokens/s %s median %.0f; tokens per CPU-second %s median %.0f; load %.1f%n", backend,
          Arrays.toString(Arrays.stream(wall).mapToLong(Math::round).toArray()), wall[rounds / 2],
          Arrays.toString(Arrays.stream(cpu).mapToLong(Math::round).toArray()), cpu[rounds / 2],
          os.getSystemLoadAverage());
    }
  }
}
