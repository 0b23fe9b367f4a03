package io.github.rocklstm.dl4j;

import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GravesLSTM;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A scratch measurement, not a test: training throughput of DL4J's own {@code MultiLayerNetwork}
 * ({@code EmbeddingSequenceLayer}, two {@code LSTM} layers, {@code RnnOutputLayer} with sparse cross-entropy) on
 * random tokens, the baseline that the backend's hand-written training pass replaced (see the package
 * documentation). It prints tokens per second of wall time and of process CPU time.
 *
 * <p>Settings are system properties: {@code vocab} (150), {@code emb} (32), {@code hidden} (256), {@code batch}
 * (32), {@code bptt} (64), {@code iters} per round (10), {@code reps} rounds (3), {@code ws} workspace mode
 * ({@code ENABLED} or {@code NONE}), {@code dtype} ({@code FLOAT} or {@code DOUBLE}), {@code layer} ({@code LSTM}
 * or {@code GravesLSTM}), {@code input} ({@code embed} or {@code onehot}), {@code order} of the input arrays
 * ({@code c} or {@code f}), {@code clip} (ClipL2PerLayer at 5), {@code tbptt} (DL4J's truncated BPTT over windows
 * four times longer). Run with {@code OMP_NUM_THREADS} set, e.g.
 * {@code OMP_NUM_THREADS=1 java -Dorg.nd4j.log.initialization=false -Dws=NONE -cp (test classpath)
 * io.github.rocklstm.dl4j.LstmSpeedProbe}.
 */
public final class LstmSpeedProbe {
  @SuppressWarnings("deprecation") // GravesLSTM is measured on purpose
  public static void main(String[] args) {
    int vocab = Integer.getInteger("vocab", 150);
    int emb = Integer.getInteger("emb", 32);
    int hidden = Integer.getInteger("hidden", 256);
    int batch = Integer.getInteger("batch", 32);
    int bptt = Integer.getInteger("bptt", 64);
    int iters = Integer.getInteger("iters", 10);
    int reps = Integer.getInteger("reps", 3);
    String ws = System.getProperty("ws", "ENABLED");
    String dtype = System.getProperty("dtype", "FLOAT");
    String layer = System.getProperty("layer", "LSTM");
    String input = System.getProperty("input", "embed");
    boolean clip = Boolean.getBoolean("clip");
    boolean tbptt = Boolean.getBoolean("tbptt");
    char order = System.getProperty("order", "c").charAt(0);
    DataType dt = DataType.valueOf(dtype);
    Nd4j.setDefaultDataTypes(dt, dt);
    WorkspaceMode mode = WorkspaceMode.valueOf(ws);
    NeuralNetConfiguration.Builder b = new NeuralNetConfiguration.Builder().seed(42).dataType(dt)
        .updater(new Adam(2e-3)).weightInit(WeightInit.XAVIER)
        .trainingWorkspaceMode(mode).inferenceWorkspaceMode(mode);
    if (clip) {
      b.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(5.0);
    }
    NeuralNetConfiguration.ListBuilder lb = b.list();
    int nIn;
    if (input.equals("embed")) {
      lb.layer(new EmbeddingSequenceLayer.Builder().nIn(vocab).nOut(emb).outputDataFormat(RNNFormat.NCW).build());
      nIn = emb;
    } else {
      nIn = vocab;
    }
    for (int l = 0; l < 2; l++) {
      int in = l == 0 ? nIn : hidden;
      if (layer.equals("LSTM")) {
        lb.layer(new LSTM.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).dataFormat(RNNFormat.NCW)
            .dropOut(l == 1 ? 0.8 : 1.0).build());
      } else {
        lb.layer(new GravesLSTM.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build());
      }
    }
    lb.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.SPARSE_MCXENT).activation(Activation.SOFTMAX)
        .nIn(hidden).nOut(vocab).dataFormat(RNNFormat.NCW).build());
    if (tbptt) {
      lb.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(bptt).tBPTTBackwardLength(bptt);
    }
    MultiLayerConfiguration conf = lb.build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    Random rnd = new Random(1);
    int seqLen = tbptt ? bptt * 4 : bptt;
    DataSet[] data = new DataSet[4];
    for (int d = 0; d < data.length; d++) {
      INDArray x;
      INDArray y = Nd4j.create(dt, new long[] {batch, 1, seqLen}, order);
      int[][] tok = new int[batch][seqLen + 1];
      for (int[] row : tok) {
        for (int t = 0; t < row.length; t++) {
          row[t] = 5 + rnd.nextInt(vocab - 5);
        }
      }
      if (input.equals("embed")) {
        x = Nd4j.create(dt, new long[] {batch, 1, seqLen}, order);
        for (int i = 0; i < batch; i++) {
          for (int t = 0; t < seqLen; t++) {
            x.putScalar(new long[] {i, 0, t}, tok[i][t]);
          }
        }
      } else {
        x = Nd4j.create(dt, new long[] {batch, vocab, seqLen}, order);
        for (int i = 0; i < batch; i++) {
          for (int t = 0; t < seqLen; t++) {
            x.putScalar(new long[] {i, tok[i][t], t}, 1.0);
          }
        }
      }
      for (int i = 0; i < batch; i++) {
        for (int t = 0; t < seqLen; t++) {
          y.putScalar(new long[] {i, 0, t}, tok[i][t + 1]);
        }
      }
      data[d] = new DataSet(x, y);
    }
    for (int i = 0; i < 3; i++) {
      net.fit(data[i % data.length]);
    }
    double[] rates = new double[reps];
    double[] cpuRates = new double[reps];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      for (int i = 0; i < iters; i++) {
        net.fit(data[i % data.length]);
      }
      double sec = (System.nanoTime() - t0) / 1e9;
      rates[r] = (double) iters * batch * seqLen / sec;
      cpuRates[r] = (double) iters * batch * seqLen / ((os.getProcessCpuTime() - c0) / 1e9);
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    System.out.printf("config ws=%s dtype=%s layer=%s input=%s clip=%s tbptt=%s order=%c threads=%s score=%.3f%n",
        ws, dtype, layer, input, clip, tbptt, order, System.getenv("OMP_NUM_THREADS"), net.score());
    System.out.printf("tokens/s runs=%s median=%.0f%n", Arrays.toString(Arrays.stream(rates).mapToLong(Math::round)
        .toArray()), sorted[sorted.length / 2]);
    Arrays.sort(cpuRates);
    System.out.printf("tokens per cpu-second runs=%s median=%.0f load=%.1f%n",
        Arrays.toString(Arrays.stream(cpuRates).mapToLong(Math::round).toArray()), cpuRates[cpuRates.length / 2],
        os.getSystemLoadAverage());
  }
}
