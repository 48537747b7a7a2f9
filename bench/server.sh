#!/usr/bin/env bash
# Benchmark (not a test) of `solidafy-cdk serve`: requests/s and p99 latency of GET /connectors and of
# small /sync calls (sample, 100 records) at 1, 8 and 32 concurrent clients, then one streamed
# /sync of N sample records beside the CLI's `read` of the same records in the same run.
# Usage: bench/server.sh [N] [seconds per step]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
SECONDS_PER_STEP=${2:-5}
HEAP=${HEAP:--Xmx128m}
mvn -q package -DskipTests
CP=$(bench/classpath.sh platform-runtime)

OUT=$(mktemp)
JAVA_OPTS="$HEAP" ./solidafy-cdk serve --port 0 --max-concurrent-syncs 64 --log-level INFO > "$OUT" 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 100); do grep -q listening "$OUT" && break; sleep 0.1; done
BASE=$(grep -o 'http://[0-9.:]*' "$OUT" | head -n 1)
echo "== server at $BASE ($HEAP, parallel collector); client in another JVM on the same 2-core machine"
java -cp "$CP" io.solidafy.cdk.runtime.bench.ServerLoad "$BASE" "$SECONDS_PER_STEP" "$N"

echo "== CLI: read --connector sample, $N records to /dev/null, $HEAP (JVM start included)"
for run in 1 2 3; do
  start=$(date +%s.%N)
  JAVA_OPTS="$HEAP" ./solidafy-cdk read --connector sample --config-json "{\"count\":$N}" --streams customers --log-level INFO > /dev/null
  end=$(date +%s.%N)
  awk -v n="$N" -v s="$start" -v e="$end" -v r="$run" 'BEGIN { printf "CLI round %d: %.2f s = %.0f records/s\n", r, e - s, n / (e - s) }'
done
