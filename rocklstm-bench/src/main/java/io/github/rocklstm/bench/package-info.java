/**
 * JMH benchmarks of rocklstm's backends and the tools around them: training, scoring and sampling throughput in
 * tokens per second, model load time, generation of chord progressions, each backend's float32 GEMM rate as the
 * machine's attainable limit, FLOPs per token of a model ({@link io.github.rocklstm.bench.ModelFlops}) and a
 * report that turns JMH's JSON results into the tables of {@code docs/BENCHMARKS.md}
 * ({@link io.github.rocklstm.bench.BenchmarkReport}).
 *
 * <p>Every benchmark picks its backend by name through {@link io.github.rocklstm.backend.Backends#get(String)} and
 * computes on the device of its {@code device} parameter (default {@code cpu}; {@code gpuN} or {@code auto} as
 * {@link io.github.rocklstm.model.Device#parse} reads them), and
 * feeds synthetic tokens from a fixed seed ({@link io.github.rocklstm.bench.SyntheticTokens}): throughput depends on
 * the shapes, not on what the tokens mean, so no corpus is needed. Work is counted with JMH's {@code @AuxCounters}
 * ({@link io.github.rocklstm.bench.TokenCounter} and friends), so tokens per second come straight out of JMH, and
 * {@link io.github.rocklstm.bench.CpuCounter} records how much CPU each fork actually got. Run them from the shaded
 * {@code rocklstm-bench/target/benchmarks.jar}; {@code docs/BENCHMARKS.md} has the commands and the figures.
 */
package io.github.rocklstm.bench;
