#!/usr/bin/env bash
# Benchmark (not a test): a 1,000,000-row, 10-column MariaDB table (the shape of postgres-throughput.sh) read by
#   1. mariadb --quick -e "select * from t" to /dev/null              (the reference)
#   2. solidafy-cdk read --connector mysql -> JSON lines to /dev/null, default JVM options
#   3. the same with -Xmx64m (memory does not grow with the table)
# printing rows/s (wall time, JVM start included), peak RSS (/usr/bin/time %M) and the client's CPU time
# (user + system; on a shared machine wall time also measures the neighbours).
#
# Usage (from the repository root, after `mvn -q package -DskipTests`):
#   plugin-database-duckdb/bench/mariadb-throughput.sh [rows]
# Server: BENCH_MYSQL_HOST/PORT/USER (127.0.0.1, 3306, root); the table is solidafy_bench.bench_rows,
# the one bench/all.sh reads (made here when missing or of another size).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
HOST=${BENCH_MYSQL_HOST:-127.0.0.1}
PORT=${BENCH_MYSQL_PORT:-3306}
USER_NAME=${BENCH_MYSQL_USER:-root}
DB=solidafy_bench
MYSQL="mariadb -h $HOST -P $PORT -u $USER_NAME"

. plugin-database-duckdb/bench/tables.sh
mariadb_bench_table "$MYSQL" "$ROWS"

. plugin-database-duckdb/bench/measure.sh

CONFIG="{\"host\":\"$HOST\",\"port\":$PORT,\"user\":\"$USER_NAME\",\"database\":\"$DB\"}"
for run in 1 2; do
  echo "== run $run"
  measure "mariadb --quick -e to /dev/null" $MYSQL --quick -e "select * from $DB.bench_rows"
  measure "solidafy-cdk read -> JSON lines" env -u JAVA_OPTS ./solidafy-cdk read -c mysql --config-json "$CONFIG" \
    -s $DB.bench_rows --log-level WARN
  measure "solidafy-cdk read -> JSON lines -Xmx64m" env JAVA_OPTS="-Xmx64m" ./solidafy-cdk read -c mysql \
    --config-json "$CONFIG" -s $DB.bench_rows --log-level WARN
done
