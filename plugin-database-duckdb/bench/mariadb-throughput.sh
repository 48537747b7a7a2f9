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

$MYSQL -e "create database if not exists $DB"
if [ "$($MYSQL -N -e "select count(*) from information_schema.tables where table_schema = '$DB' and table_name = 'bench_rows'")" = "0" ] \
  || [ "$($MYSQL -N -e "select count(*) from $DB.bench_rows")" != "$ROWS" ]; then
  echo "== creating $DB.bench_rows with $ROWS rows"
  $MYSQL $DB -e "drop table if exists bench_rows; create table bench_rows (
      id bigint primary key, created_at datetime(6) not null, name text, amount decimal(12,2), qty int,
      price double, active boolean, day date, note text, code varchar(16));
    insert into bench_rows select seq, timestamp '2024-01-01 00:00:00' + interval seq second, concat('name-', seq),
      (seq % 100000) / 100.0, seq % 1000, seq * 0.25, seq % 2 = 0, date '2020-01-01' + interval (seq % 2000) day,
      concat('note number ', seq, ' with some text'), concat('C', seq % 9973) from seq_1_to_$ROWS"
fi

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
