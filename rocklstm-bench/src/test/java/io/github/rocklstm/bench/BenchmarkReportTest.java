package io.github.rocklstm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BenchmarkReportTest {

  private static List<JmhResult> results;

  @BeforeAll
  static void readSample() throws IOException {
    try (InputStream in = BenchmarkReportTest.class.getResourceAsStream("/jmh-result-sample.json")) {
      results = JmhResult.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void parsesJmhJson() {
    assertEquals(7, results.size());
    JmhResult gemm = results.get(0);
    assertEquals("GemmBenchmark.multiply", gemm.benchmark());
    assertEquals("GemmBenchmark", gemm.benchmarkClass());
    assertEquals("512", gemm.param("n", "?"));
    assertEquals(1.6e10, gemm.secondary().get("flops").value());
    assertTrue(Double.isNaN(gemm.primary().error()), "JMH writes a missing error as the string NaN");
    assertEquals("ms/op", results.get(6).primary().unit());
  }

  @Test
  void gemmLimitIsTheBestSizePerBackend() {
    BenchmarkReport report = new BenchmarkReport(results);
    assertEquals(Optional.of(2.0e10), report.gemmLimit("djl", "1"));
    assertEquals(Optional.of(1.0e10), report.gemmLimit("dl4j", "1"));
    assertEquals(Optional.empty(), report.gemmLimit("djl", "2"));
  }

  @Test
  void aGpuRunIsComparedWithTheGemmLimitOfItsOwnDevice() {
    List<JmhResult> withGpu = new java.util.ArrayList<>(results);
    withGpu.addAll(JmhResult.parse("""
        [
          {
            "benchmark" : "io.github.rocklstm.bench.GemmBenchmark.multiply",
            "mode" : "thrpt",
            "threads" : 1,
            "params" : { "backend" : "djl", "device" : "gpu0", "n" : "1024", "threads" : "1" },
            "primaryMetric" : { "score" : 100.0, "scoreError" : "NaN", "scoreUnit" : "ops/s" },
            "secondaryMetrics" : { "flops" : { "score" : 1.0E13, "scoreError" : "NaN", "scoreUnit" : "ops/s" } }
          },
          {
            "benchmark" : "io.github.rocklstm.bench.TrainingBenchmark.fit",
            "mode" : "thrpt",
            "threads" : 1,
            "params" : { "backend" : "djl", "device" : "gpu0", "size" : "1x128", "stepsPerFit" : "2",
                         "threads" : "1" },
            "primaryMetric" : { "score" : 1.0, "scoreError" : "NaN", "scoreUnit" : "ops/s" },
            "secondaryMetrics" : { "tokens" : { "score" : 1.0E6, "scoreError" : 0.0, "scoreUnit" : "ops/s" } }
          }
        ]
        """));
    BenchmarkReport report = new BenchmarkReport(withGpu);
    assertEquals(Optional.of(1.0e13), report.gemmLimit("djl", "gpu0", "1"));
    assertEquals(Optional.of(2.0e10), report.gemmLimit("djl", "1"), "results without a device ran on the CPU");
    String markdown = report.markdown();
    // 1,000,000 tokens/s x 515,328 FLOPs = 515.33 GFLOP/s, 5.2% of the GPU's 10 TFLOP/s (not of the CPU's 20 GFLOP/s).
    assertTrue(markdown.contains(
        "| training | djl gpu0 | 1x128 | 32x64 | 1 | 1,000,000 | 0 | 0.515 | 515.33 | 5.2% | n/a |"), markdown);
    assertTrue(markdown.contains("| djl (PyTorch matMul) gpu0 | 1024 | 1 | 10,000.00 |"), markdown);
    // The CPU row still pairs with dl4j's CPU row; the GPU row has no dl4j partner.
    assertTrue(markdown.contains("| training | 1x128 | 32x64 | 1 | 10,000 | 2,500 | 0.25 | no |"), markdown);
  }

  @Test
  void throughputAsFractionOfTheLimitAndTheBackendRatio() {
    String markdown = new BenchmarkReport(results).markdown();
    // djl 1x128 training: 10,000 tokens/s x 515,328 FLOPs = 5.15 GFLOP/s, 25.8% of djl's 20 GFLOP/s.
    assertTrue(markdown.contains("| training | djl | 1x128 | 32x64 | 1 | 10,000 | 500 | 0.515 | 5.15 | 25.8% | n/a |"),
        markdown);
    // dl4j: 2,500 tokens/s = 1.29 GFLOP/s, 12.9% of dl4j's 10 GFLOP/s; 0.25 of djl, not within 3x.
    assertTrue(markdown.contains("| training | dl4j | 1x128 | 32x64 | 1 | 2,500 | 100 | 0.515 | 1.29 | 12.9% |"),
        markdown);
    assertTrue(markdown.contains("| training | 1x128 | 32x64 | 1 | 10,000 | 2,500 | 0.25 | no |"), markdown);
    // GEMM with its CPU share: 980,000 CPU microseconds per second = 0.98 cores.
    assertTrue(markdown.contains("| djl (PyTorch matMul) | 512 | 1 | 16.00 | 1.00 | 0.98 |"), markdown);
    // Generation: 1,000 / 128 progressions per second = 7.8 s.
    assertTrue(markdown.contains("| djl | 1x128 | 256 | 1 | 128.00 | 16,384 | 20,608 | 7.8 s | n/a |"), markdown);
    assertTrue(markdown.contains("| dl4j | 2x256 | 1 | 42.5 | 3.3 |"), markdown);
  }
}
