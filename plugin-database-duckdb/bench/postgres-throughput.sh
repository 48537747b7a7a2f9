#!/usr/bin/env bash
# Benchmark (not a test): a 2,000,000-row, 10-column PostgreSQL table read by
#   1. psql -c "\copy (select * from t) to '/dev/null'"          (the reference)
#   2. solidafy-cdk read --connector postgres  -> JSON lines to /dev/null, -Xmx256m
#   3. solidafy-cdk read --connector postgres --format parquet --output DIR, -Xmx256m (when the Parquet sink is staged)
# printing rows/s (wall time, JVM start included), peak RSS (/usr/bin/time %M) and the client's CPU time
# (user + system; on a shared machine wall time also measures the neighbours). A run with -Xmx64m shows
# that memory does not grow with the table.
#
# Usage (from the repository root, after `mvn -q package -DskipTests`, or at least
#   `mvn -q -pl plugin-database-duckdb package -DskipTests` for the plugin staging):
#   plugin-database-duckdb/bench/postgres-throughput.sh [rows]
# Server: BENCH_PG_HOST/PORT/USER (127.0.0.1, 5432, postgres); the table lives in database solidafy_bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-2000000}
HOST=${BENCH_PG_HOST:-127.0.0.1}
PORT=${BENCH_PG_PORT:-5432}
USER_NAME=${BENCH_PG_USER:-postgres}
DB=solidafy_bench
HEAP=${HEAP:--Xmx256m}
PSQL="psql -X -q -h $HOST -p $PORT -U $USER_NAME"

. plugin-database-duckdb/bench/tables.sh
postgres_bench_table "$PSQL" t "$ROWS"

. plugin-database-duckdb/bench/measure.sh

CONFIG="{\"host\":\"$HOST\",\"port\":$PORT,\"user\":\"$USER_NAME\",\"database\":\"$DB\"}"
for run in 1 2; do
  echo "== run $run"
  measure "psql copy to /dev/null" $PSQL -d $DB -c "\\copy (select * from t) to '/dev/null'"
  measure "solidafy-cdk read -> JSON lines $HEAP" env JAVA_OPTS="$HEAP" ./solidafy-cdk read -c postgres --config-json "$CONFIG" \
    -s public.t --log-level WARN
  measure "solidafy-cdk read -> JSON lines -Xmx64m" env JAVA_OPTS="-Xmx64m" ./solidafy-cdk read -c postgres \
    --config-json "$CONFIG" -s public.t --log-level WARN
  if [ -d plugins-dir/plugin-sink-parquet ]; then
    OUT=$(mktemp -d /tmp/solidafy-db-bench-parquet.XXXXXX)
    measure "solidafy-cdk read -> Parquet $HEAP" env JAVA_OPTS="$HEAP" ./solidafy-cdk read -c postgres --config-json "$CONFIG" \
      -s public.t --log-level WARN --format parquet --output "$OUT"
    echo "   parquet output: $(du -sh "$OUT" | cut -f1) in $(find "$OUT" -name '*.parquet' | wc -l) file(s)"
    rm -rf "$OUT"
  else
    echo "   (no Parquet sink staged in plugins-dir: Parquet not measured)"
  fi
done
