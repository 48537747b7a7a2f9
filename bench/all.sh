#!/usr/bin/env bash
# Benchmark (not a test): every performance figure of the project beside its reference, measured in
# one run, then one table of ratios and peak RSS. Only ratios carry over between machines; on a
# shared machine run it twice and compare.
#
# Usage: bench/all.sh            (from anywhere; builds the checkout first unless NO_BUILD=true)
# Environment: SAMPLE_N (1000000) sample records, DB_ROWS (1000000) table rows, STARTUP_RUNS (5),
#   PARQUET_ROUNDS (3: a single round swings most), PG_HOST/PG_PORT/PG_USER (127.0.0.1, 5432, postgres),
#   MYSQL_HOST/MYSQL_PORT/MYSQL_USER (127.0.0.1, 3306, root); the tables live in database solidafy_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE_N=${SAMPLE_N:-1000000}
DB_ROWS=${DB_ROWS:-1000000}
RUNS=${STARTUP_RUNS:-5}
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_USER=${PG_USER:-postgres}
MYSQL_HOST=${MYSQL_HOST:-127.0.0.1} MYSQL_PORT=${MYSQL_PORT:-3306} MYSQL_USER=${MYSQL_USER:-root}
DB=solidafy_bench
LOG=$(mktemp /tmp/solidafy-bench-all.XXXXXX)
TABLE=$(mktemp /tmp/solidafy-bench-table.XXXXXX)
trap 'rm -f "$LOG" "$LOG.bare" "$TABLE" /tmp/solidafy-bench-all.time.$$' EXIT

[ "${NO_BUILD:-false}" = true ] || mvn -q package -DskipTests
export NO_BUILD=true

# timed CMD...: runs CMD (stdout to $TIMED_OUT, else /dev/null), sets SECONDS_TAKEN (wall), CPU_TAKEN
# (user + system: on a busy machine wall time also measures the neighbours, CPU time much less) and RSS_MIB
timed() {
  /usr/bin/time -f "%e %M %U %S" -o /tmp/solidafy-bench-all.time.$$ "$@" > "${TIMED_OUT:-/dev/null}"
  read -r SECONDS_TAKEN rss_kb user sys < /tmp/solidafy-bench-all.time.$$
  CPU_TAKEN=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  RSS_MIB=$((rss_kb / 1024))
}

# median_time RUNS CMD...: the median wall and CPU times of RUNS runs in MEDIAN and MEDIAN_CPU, the last run's RSS in RSS_MIB
median_time() {
  local runs=$1; shift
  local times=() cpus=()
  for _ in $(seq "$runs"); do timed "$@"; times+=("$SECONDS_TAKEN"); cpus+=("$CPU_TAKEN"); done
  MEDIAN=$(median "${times[@]}")
  MEDIAN_CPU=$(median "${cpus[@]}")
}
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# row WHAT MEASURED REFERENCE RATIO CPU RSS TARGET
row() { printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" >> "$TABLE"; echo "   $1: $2 (reference $3) ratio $4, CPU $5, peak RSS $6" >&2; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
k() { awk -v r="$1" 'BEGIN { printf "%.0fk/s", r / 1000 }'; }

. plugin-database-duckdb/bench/tables.sh

# class paths first: resolving one runs Maven, which must not happen between a warm-up and a measurement
SAMPLE_CP=$(bench/classpath.sh plugin-source-sample 2>/dev/null)

echo "== startup (median of $RUNS runs each)" >&2
./solidafy-cdk list > /dev/null # the first run after a build prepares the launchers' caches in the background
cache=${SOLIDAFY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/solidafy-cdk}
for _ in $(seq 120); do ls -d "$cache"/*.lock > /dev/null 2>&1 || break; sleep 1; done
median_time "$RUNS" ./solidafy-cdk --version
version=$MEDIAN version_cpu=$MEDIAN_CPU
for command in "list" "spec -c stripe" "check -c sample --config-json {}" \
  "read -c sample --config-json {\"count\":1} --streams customers"; do
  # shellcheck disable=SC2086
  median_time "$RUNS" ./solidafy-cdk $command
  row "\`${command%% --config-json*}\` wall time" "${MEDIAN} s" "\`--version\` ${version} s" "$(ratio "$MEDIAN" "$version")" \
    "${MEDIAN_CPU} s (--version ${version_cpu} s)" "${RSS_MIB} MiB" "≤ 0.30 s"
done

echo "== sample: $SAMPLE_N records to /dev/null, default JVM options vs -Xmx128m" >&2
timed env -u JAVA_OPTS -u JDK_JAVA_OPTIONS ./solidafy-cdk read -c sample --config-json "{\"count\":$SAMPLE_N}" --streams customers --log-level INFO
default_s=$SECONDS_TAKEN default_rss=$RSS_MIB default_cpu=$CPU_TAKEN
timed env JAVA_OPTS=-Xmx128m ./solidafy-cdk read -c sample --config-json "{\"count\":$SAMPLE_N}" --streams customers --log-level INFO
row "\`read -c sample\` $SAMPLE_N records, no JAVA_OPTS" "${default_s} s" "-Xmx128m: ${SECONDS_TAKEN} s, ${RSS_MIB} MiB" \
  "$(ratio "$SECONDS_TAKEN" "$default_s")" "${default_cpu} s (-Xmx128m ${CPU_TAKEN} s)" "${default_rss} MiB" "as fast as tuned, ≤ 200 MiB"
TIMED_OUT=$LOG.bare timed java -cp "$SAMPLE_CP" -Xmx128m -XX:+UseParallelGC io.solidafy.cdk.sample.bench.BareJacksonLoop "$SAMPLE_N"
tee -a "$LOG" < "$LOG.bare" >&2
bare_loop=$(grep -o '= [0-9]* records/s' "$LOG.bare" | tail -1 | tr -dc 0-9)
# like for like: both rates over the whole process, JVM start included (the loop's own figure leaves it out)
bare=$(rate "$SAMPLE_N" "$SECONDS_TAKEN")
sample_rate=$(rate "$SAMPLE_N" "$default_s")
row "sample → /dev/null (JVM start included)" "$(k "$sample_rate")" "bare Jackson loop $(k "$bare") ($(k "$bare_loop") inside its loop)" \
  "$(ratio "$sample_rate" "$bare") ($(ratio "$sample_rate" "$bare_loop") of the loop alone)" \
  "${default_cpu} s (bare loop ${CPU_TAKEN} s, JVM start included)" "${default_rss} MiB" "≥ 0.9"

echo "== REST: EngineBench (1,000,000 records from a local HTTP server)" >&2
bench/java.sh plugin-declarative-yaml -Xmx128m -XX:+UseParallelGC io.solidafy.cdk.declarative.bench.EngineBench 2>/dev/null | tee -a "$LOG" >&2
engine_bare=$(grep '^bare HttpClient5' "$LOG" | tail -1 | sed 's/.*= *\([0-9,]*\) records\/s.*/\1/' | tr -d ,)
engine_cli=$(grep '^CLI read' "$LOG" | tail -1 | sed 's/.*= *\([0-9,]*\) records\/s.*/\1/' | tr -d ,)
engine_rss=$(grep '^CLI read' "$LOG" | tail -1 | sed 's/.*peak RSS \([0-9,]*\) MB.*/\1/' | tr -d ,)
row "REST CLI → JSON lines (EngineBench)" "$(k "$engine_cli")" "bare HttpClient 5 + Jackson → RECORD lines $(k "$engine_bare")" \
  "$(ratio "$engine_cli" "$engine_bare")" "one JVM, phases in turn" "${engine_rss} MB (whole JVM)" "≥ 0.9"

echo "== PostgreSQL: $DB_ROWS rows, 10 columns" >&2
PSQL="psql -X -q -h $PG_HOST -p $PG_PORT -U $PG_USER"
postgres_bench_table "$PSQL" bench_rows "$DB_ROWS"
timed $PSQL -d $DB -c "\\copy (select * from bench_rows) to '/dev/null'"
psql_rate=$(rate "$DB_ROWS" "$SECONDS_TAKEN")
timed ./solidafy-cdk read -c postgres --config-json "{\"host\":\"$PG_HOST\",\"port\":$PG_PORT,\"user\":\"$PG_USER\",\"database\":\"$DB\"}" \
  -s public.bench_rows --log-level WARN
pg_rate=$(rate "$DB_ROWS" "$SECONDS_TAKEN")
row "PostgreSQL → JSON lines" "$(k "$pg_rate")" "psql \\copy to /dev/null $(k "$psql_rate")" "$(ratio "$pg_rate" "$psql_rate")" "client ${CPU_TAKEN} s" "${RSS_MIB} MiB" "≥ 0.5"

echo "== MariaDB: $DB_ROWS rows, 10 columns" >&2
MYSQL="mariadb -h $MYSQL_HOST -P $MYSQL_PORT -u $MYSQL_USER"
mariadb_bench_table "$MYSQL" "$DB_ROWS"
timed $MYSQL --quick -e "select * from $DB.bench_rows"
mysql_rate=$(rate "$DB_ROWS" "$SECONDS_TAKEN")
timed ./solidafy-cdk read -c mysql --config-json "{\"host\":\"$MYSQL_HOST\",\"port\":$MYSQL_PORT,\"user\":\"$MYSQL_USER\",\"database\":\"$DB\"}" \
  -s $DB.bench_rows --log-level WARN
my_rate=$(rate "$DB_ROWS" "$SECONDS_TAKEN")
row "MariaDB → JSON lines" "$(k "$my_rate")" "mariadb --quick -e to /dev/null $(k "$mysql_rate")" "$(ratio "$my_rate" "$mysql_rate")" "client ${CPU_TAKEN} s" "${RSS_MIB} MiB" "≥ 0.5"

echo "== Parquet: $SAMPLE_N sample customers, ${PARQUET_ROUNDS:-3} round(s) beside DuckDB" >&2
ROUNDS=${PARQUET_ROUNDS:-3} bench/parquet-vs-duckdb.sh "$SAMPLE_N" customers 2>/dev/null | tee -a "$LOG" >&2
parquet=$(grep '^== median ratio' "$LOG" | tail -1 | sed 's/.*(like for like) \([0-9.]*\).*/\1/')
parquet_cli=$(grep '^== median ratio' "$LOG" | tail -1 | sed 's/.*parquet) \([0-9.]*\) of.*/\1/')
parquet_rss=$(grep '^solidafy-cdk read sample -> parquet' "$LOG" | tail -1 | grep -o 'peak RSS [0-9]* MiB' || echo "see log")
row "Parquet: NDJSON → Parquet (CLI sync: $parquet_cli)" "ratio of DuckDB's rate" "DuckDB COPY to Parquet" "$parquet" "see log" "${parquet_rss#peak RSS }" "≥ 0.8"

echo
echo "solidafy-cdk benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| what | measured | reference (same run) | ratio | CPU (user + system) | peak RSS | target |"
echo "|---|---|---|---|---|---|---|"
cat "$TABLE"
echo
echo "Startup ratios are command / --version (lower is better); throughput ratios are solidafy-cdk / reference (higher is better)."
