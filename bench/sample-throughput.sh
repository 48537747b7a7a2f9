#!/usr/bin/env bash
# Benchmark (not a test): records/s and peak RSS of `read --connector sample` to /dev/null, beside a
# bare generate-and-write Jackson loop over the same records. Usage: bench/sample-throughput.sh [records]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
HEAP=${HEAP:--Xmx128m}
mvn -q package -DskipTests

echo "== solidafy-cdk read --connector sample, $N records, $HEAP, stdout to /dev/null"
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o /tmp/solidafy-bench.time \
    env JAVA_OPTS="$HEAP" ./solidafy-cdk read --connector sample --config-json "{\"count\":$N}" \
    --streams customers --log-level INFO > /dev/null
  read -r seconds rss_kb < /tmp/solidafy-bench.time
  awk -v n="$N" -v s="$seconds" -v r="$rss_kb" \
    'BEGIN { printf "run %d: %.2f s wall (JVM start included) = %.0f records/s, peak RSS %.0f MiB\n", '"$run"', s, n / s, r / 1024 }'
done

echo "== bare Jackson loop over the same records (no runtime), $HEAP"
bench/java.sh plugin-source-sample "$HEAP" -XX:+UseParallelGC io.solidafy.cdk.sample.bench.BareJacksonLoop "$N"
