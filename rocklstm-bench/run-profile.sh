#!/usr/bin/env bash
# Runs a benchmark profile from the shaded jar and writes, under OUTDIR, one JMH JSON result file and log per group,
# load.txt (the load average before and after each group), loadavg.txt (sampled every 15 s) and report.md (the
# tables of docs/BENCHMARKS.md, made by BenchmarkReport).
#
#   rocklstm-bench/run-profile.sh short [OUTDIR]   # about 7 minutes on an idle 2-core machine (7 min 0 s)
#   rocklstm-bench/run-profile.sh full  [OUTDIR]   # every benchmark and size with the annotated times: hours
#   rocklstm-bench/run-profile.sh compute [OUTDIR] # the short profile's GEMM, training, scoring and BachBot groups:
#                                                  # about 3.5 minutes (3 min 31 s with THREADS=2), for comparing
#                                                  # thread counts
#
# Run from the repository root after `mvn -B -o package -pl rocklstm-bench -am -DskipTests`. THREADS (default 1)
# sets the backends' compute threads (-p threads) and OMP_NUM_THREADS for every fork; DEVICE (default cpu) where the
# models and the GEMM reference compute (-p device: cpu, gpuN or auto, read by Device.parse).
set -euo pipefail

profile=${1:-short}
out=${2:-rocklstm-bench/target/results-$profile}
jar=rocklstm-bench/target/benchmarks.jar
threads=${THREADS:-1}
device=${DEVICE:-cpu}
export OMP_NUM_THREADS=$threads

if [[ ! -f $jar ]]; then
  echo "missing $jar: build it with mvn -B -o package -pl rocklstm-bench -am -DskipTests" >&2
  exit 1
fi
mkdir -p "$out"

(while sleep 15; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)"; done) > "$out/loadavg.txt" &
sampler=$!
trap 'kill "$sampler"' EXIT

# Each group names its benchmark class by an anchored regular expression: JMH matches with find(), so a bare
# TrainingBenchmark would also run BachBotTrainingBenchmark.
group() {
  local name=$1
  shift
  echo "$(date -Is) $name start, load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
  java -jar "$jar" "$@" -p threads="$threads" -p device="$device" -rf json -rff "$out/$name.json" 2>&1 \
    | tee "$out/$name.log"
  echo "$(date -Is) $name end, load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"
}

case $profile in
  short)
    group gemm '^io\.github\.rocklstm\.bench\.GemmBenchmark\.' -wi 1 -i 5 -w 1s -r 1s
    group training '^io\.github\.rocklstm\.bench\.TrainingBenchmark\.' -p size=1x128,2x256,3x256 -wi 1 -i 5 -w 4s -r 3s
    group scoring '^io\.github\.rocklstm\.bench\.ScoringBenchmark\.' -p size=1x128,2x256,3x256 -wi 1 -i 5 -w 3s -r 2s
    group sampling '^io\.github\.rocklstm\.bench\.SamplingBenchmark\.' -p size=1x128 -wi 1 -i 5 -w 2s -r 2s
    group generation '^io\.github\.rocklstm\.bench\.GenerationBenchmark\.' -p size=1x128 -wi 1 -i 5 -w 3s -r 2s
    group load '^io\.github\.rocklstm\.bench\.LoadBenchmark\.' -p size=1x128,2x256,3x256 -wi 2 -i 5
    group bachbot '^io\.github\.rocklstm\.bench\.BachBotTrainingBenchmark\.' -wi 1 -i 5 -w 1s -r 1s
    ;;
  compute)
    group gemm '^io\.github\.rocklstm\.bench\.GemmBenchmark\.' -wi 1 -i 5 -w 1s -r 1s
    group training '^io\.github\.rocklstm\.bench\.TrainingBenchmark\.' -p size=1x128,2x256 -wi 1 -i 5 -w 4s -r 3s
    group scoring '^io\.github\.rocklstm\.bench\.ScoringBenchmark\.' -p size=1x128,2x256 -wi 1 -i 5 -w 3s -r 2s
    group bachbot '^io\.github\.rocklstm\.bench\.BachBotTrainingBenchmark\.' -wi 1 -i 5 -w 1s -r 1s
    ;;
  full)
    group gemm '^io\.github\.rocklstm\.bench\.GemmBenchmark\.'
    group training '^io\.github\.rocklstm\.bench\.TrainingBenchmark\.'
    group scoring '^io\.github\.rocklstm\.bench\.ScoringBenchmark\.'
    group sampling '^io\.github\.rocklstm\.bench\.SamplingBenchmark\.'
    group generation '^io\.github\.rocklstm\.bench\.GenerationBenchmark\.'
    group load '^io\.github\.rocklstm\.bench\.LoadBenchmark\.'
    group bachbot '^io\.github\.rocklstm\.bench\.BachBotTrainingBenchmark\.'
    ;;
  *)
    echo "unknown profile '$profile': expected short, compute or full" >&2
    exit 2
    ;;
esac

java -cp "$jar" io.github.rocklstm.bench.BenchmarkReport "$out"/*.json > "$out/report.md"
echo "report: $out/report.md"
