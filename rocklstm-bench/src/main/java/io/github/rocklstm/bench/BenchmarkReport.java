package io.github.rocklstm.bench;

import com.google.common.collect.ImmutableList;
import io.github.rocklstm.model.ModelSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH JSON result files of these benchmarks into the Markdown tables of {@code docs/BENCHMARKS.md}: the GEMM
 * limit per backend, tokens per second with FLOP/s and the fraction of the GEMM limit ({@link ModelFlops}), the
 * DL4J-to-DJL ratio, generation rates and load times.
 *
 * <pre>
 *   java -cp rocklstm-bench/target/benchmarks.jar io.github.rocklstm.bench.BenchmarkReport results.json [more.json]
 * </pre>
 *
 * <p>The GEMM limit of a backend at a thread count is the best {@link GemmBenchmark} rate over the matrix sizes
 * measured with that backend and thread count in the given files; without one the fraction reads {@code n/a}.
 */
public final class BenchmarkReport {

  /** The DL4J issue's bar: DL4J within 3x of DJL's tokens per second on the same configuration. */
  public static final double RATIO_BAR = 3.0;

  private static final String CPU = "cpu";

  private final List<JmhResult> results;

  /** A report over {@code results}. */
  public BenchmarkReport(List<JmhResult> results) {
    this.results = ImmutableList.copyOf(results);
  }

  /** Prints the report of the JMH JSON files named by {@code args}. */
  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: java -cp benchmarks.jar io.github.rocklstm.bench.BenchmarkReport RESULT.json...");
      System.exit(2);
    }
    List<JmhResult> all = new ArrayList<>();
    for (String arg : args) {
      all.addAll(JmhResult.parse(Files.readString(Path.of(arg), StandardCharsets.UTF_8)));
    }
    System.out.print(new BenchmarkReport(all).markdown());
  }

  /** Every table that has results, in Markdown. */
  public String markdown() {
    StringBuilder out = new StringBuilder();
    appendGemm(out);
    appendThroughput(out);
    appendRatio(out);
    appendGeneration(out);
    appendLoad(out);
    return out.toString();
  }

  /**
   * The best GEMM rate in FLOP/s measured through {@code backend} on the CPU with {@code threads} threads, if any.
   */
  public Optional<Double> gemmLimit(String backend, String threads) {
    return gemmLimit(backend, CPU, threads);
  }

  /**
   * The best GEMM rate in FLOP/s measured through {@code backend} on {@code device} (the {@code device} parameter,
   * {@code cpu} in results from before it existed) with {@code threads} threads, if any.
   */
  public Optional<Double> gemmLimit(String backend, String device, String threads) {
    return results.stream()
        .filter(r -> r.benchmarkClass().equals("GemmBenchmark"))
        .filter(r -> r.param("backend", "").equals(backend) && device(r).equals(device)
            && r.param("threads", "1").equals(threads))
        .map(r -> r.secondary().get("flops"))
        .filter(s -> s != null && Double.isFinite(s.value()))
        .map(JmhResult.Score::value)
        .max(Double::compare);
  }

  /** The FLOPs per token of a throughput result's model and work (training or forward only), if it has one. */
  public static Optional<Long> flopsPerToken(JmhResult result) {
    switch (result.benchmarkClass()) {
      case "TrainingBenchmark":
        return Optional.of(ModelFlops.trainingPerToken(chordSpec(result)));
      case "BachBotTrainingBenchmark":
        return Optional.of(ModelFlops.trainingPerToken(
            BenchmarkShapes.BACHBOT_SIZE.spec(BenchmarkShapes.BACHBOT_VOCABULARY, BenchmarkShapes.TRAINING_DROPOUT)));
      case "ScoringBenchmark":
      case "SamplingBenchmark":
      case "GenerationBenchmark":
        return Optional.of(ModelFlops.forwardPerToken(chordSpec(result)));
      default:
        return Optional.empty();
    }
  }

  private static ModelSpec chordSpec(JmhResult result) {
    return ModelSize.parse(result.param("size", "?")).spec(BenchmarkShapes.CHORD_VOCABULARY, 0);
  }

  /** The {@code device} parameter of a result; results from before the parameter existed ran on the CPU. */
  private static String device(JmhResult result) {
    return result.param("device", CPU);
  }

  /** The backend's name, followed by the device where that is not the CPU (e.g. {@code djl gpu0}). */
  private static String backend(JmhResult result) {
    return withDevice(result.param("backend", "?"), result);
  }

  /** {@code label}, followed by the result's device where that is not the CPU. */
  private static String withDevice(String label, JmhResult result) {
    return device(result).equals(CPU) ? label : label + " " + device(result);
  }

  private static String model(JmhResult result) {
    return result.benchmarkClass().equals("BachBotTrainingBenchmark")
        ? BenchmarkShapes.BACHBOT_SIZE.toString() : result.param("size", "?");
  }

  private static String shape(JmhResult result) {
    switch (result.benchmarkClass()) {
      case "TrainingBenchmark":
        return BenchmarkShapes.TRAINING_BATCH + "x" + BenchmarkShapes.TRAINING_BPTT;
      case "BachBotTrainingBenchmark":
        return BenchmarkShapes.BACHBOT_BATCH + "x" + BenchmarkShapes.BACHBOT_BPTT;
      case "ScoringBenchmark":
        return BenchmarkShapes.SCORED_SEQUENCES + "x" + (BenchmarkShapes.PROGRESSION_TOKENS + 1);
      default:
        return "batch " + result.param("batch", "?");
    }
  }

  private static String work(JmhResult result) {
    switch (result.benchmarkClass()) {
      case "TrainingBenchmark":
        return "training";
      case "BachBotTrainingBenchmark":
        return "training (BachBot)";
      case "ScoringBenchmark":
        return "scoring";
      case "SamplingBenchmark":
        return "sampling step";
      case "GenerationBenchmark":
        return "generation";
      default:
        return result.benchmarkClass();
    }
  }

  private List<JmhResult> throughputResults() {
    return results.stream()
        .filter(r -> flopsPerToken(r).isPresent() && r.secondary().containsKey("tokens"))
        .toList();
  }

  private void appendGemm(StringBuilder out) {
    Table table = new Table("library", "n", "threads", "GFLOP/s", "±", "cores busy");
    for (JmhResult r : results) {
      if (r.benchmarkClass().equals("GemmBenchmark") && r.secondary().containsKey("flops")) {
        JmhResult.Score flops = r.secondary().get("flops");
        table.row(withDevice(library(r.param("backend", "?")), r), r.param("n", "?"),
            r.param("threads", "1"), fixed(flops.value() / 1e9, 2), fixed(flops.error() / 1e9, 2), coresBusy(r));
      }
    }
    table.appendTo(out, "GEMM limit (float32, C = A B of two n x n matrices)");
  }

  private static String library(String backend) {
    return backend.equals("djl") ? "djl (PyTorch matMul)" : backend.equals("dl4j") ? "dl4j (Nd4j.gemm)" : backend;
  }

  private void appendThroughput(StringBuilder out) {
    Table table = new Table("work", "backend", "model", "shape", "threads", "tokens/s", "±", "MFLOP/token",
        "GFLOP/s", "of GEMM limit", "cores busy");
    for (JmhResult r : throughputResults()) {
      JmhResult.Score tokens = r.secondary().get("tokens");
      long flops = flopsPerToken(r).orElseThrow();
      double rate = tokens.value() * flops;
      Optional<Double> limit = gemmLimit(r.param("backend", "?"), device(r), r.param("threads", "1"));
      table.row(work(r), backend(r), model(r), shape(r), r.param("threads", "1"),
          grouped(tokens.value()), grouped(tokens.error()), fixed(flops / 1e6, 3), fixed(rate / 1e9, 2),
          limit.map(l -> fixed(100 * rate / l, 1) + "%").orElse("n/a"), coresBusy(r));
    }
    table.appendTo(out, "Throughput (tokens per second; FLOP/s from ModelFlops)");
  }

  private void appendRatio(StringBuilder out) {
    Map<String, JmhResult[]> pairs = new LinkedHashMap<>();
    for (JmhResult r : throughputResults()) {
      String key = work(r) + "|" + model(r) + "|" + shape(r) + "|" + device(r) + "|" + r.param("threads", "1");
      JmhResult[] pair = pairs.computeIfAbsent(key, k -> new JmhResult[2]);
      if (r.param("backend", "").equals("djl")) {
        pair[0] = r;
      } else if (r.param("backend", "").equals("dl4j")) {
        pair[1] = r;
      }
    }
    Table table = new Table("work", "model", "shape", "threads", "djl tokens/s", "dl4j tokens/s", "dl4j / djl",
        "dl4j within 3x");
    for (JmhResult[] pair : pairs.values()) {
      if (pair[0] == null || pair[1] == null) {
        continue;
      }
      double djl = pair[0].secondary().get("tokens").value();
      double dl4j = pair[1].secondary().get("tokens").value();
      double ratio = dl4j / djl;
      String threads = pair[0].param("threads", "1");
      table.row(work(pair[0]), model(pair[0]), shape(pair[0]),
          device(pair[0]).equals(CPU) ? threads : threads + " (" + device(pair[0]) + ")", grouped(djl),
          grouped(dl4j), fixed(ratio, 2), ratio * RATIO_BAR >= 1 ? "yes" : "no");
    }
    table.appendTo(out, "DL4J against DJL (same configuration)");
  }

  private void appendGeneration(StringBuilder out) {
    Table table = new Table("backend", "model", "batch", "threads", "progressions/s", "chords/s", "tokens/s",
        "1,000 progressions take", "cores busy");
    for (JmhResult r : results) {
      if (r.benchmarkClass().equals("GenerationBenchmark") && r.secondary().containsKey("progressions")) {
        double progressions = r.secondary().get("progressions").value();
        table.row(backend(r), r.param("size", "?"), r.param("batch", "?"), r.param("threads", "1"),
            fixed(progressions, 2), grouped(r.secondary().get("chords").value()),
            grouped(r.secondary().get("tokens").value()), fixed(1000 / progressions, 1) + " s", coresBusy(r));
      }
    }
    table.appendTo(out, "Generation of 32-bar progressions (128 chords, 161 predicted tokens each)");
  }

  private void appendLoad(StringBuilder out) {
    Table table = new Table("backend", "model", "threads", "load ms", "±");
    for (JmhResult r : results) {
      if (r.benchmarkClass().equals("LoadBenchmark")) {
        table.row(backend(r), r.param("size", "?"), r.param("threads", "1"),
            fixed(r.primary().value(), 1), fixed(r.primary().error(), 1));
      }
    }
    table.appendTo(out, "Model load time (save once, load and close; single shot)");
  }

  /** CPU cores the fork kept busy while measured ({@link CpuCounter}), or n/a. */
  private static String coresBusy(JmhResult result) {
    JmhResult.Score cpu = result.secondary().get("cpuMicros");
    return cpu == null ? "n/a" : fixed(cpu.value() / 1e6, 2);
  }

  private static String grouped(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.0f", value) : "n/a";
  }

  private static String fixed(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "n/a";
  }

  /** A Markdown table that is printed only when it has rows. */
  private static final class Table {
    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    void appendTo(StringBuilder out, String title) {
      if (rows.isEmpty()) {
        return;
      }
      out.append("#### ").append(title).append("\n\n");
      line(out, header);
      String[] rule = new String[header.length];
      for (int i = 0; i < rule.length; i++) {
        rule[i] = i == 0 ? "---" : "---:";
      }
      line(out, rule);
      rows.forEach(row -> line(out, row));
      out.append('\n');
    }

    private static void line(StringBuilder out, String[] cells) {
      out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
  }
}
