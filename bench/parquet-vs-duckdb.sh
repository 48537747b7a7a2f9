#!/usr/bin/env bash
# Benchmark (not a test): N `sample` records to Parquet through the CLI, beside DuckDB's
# COPY (SELECT * FROM read_json_auto('same.ndjson')) TO 'x.parquet' over the same records, in
# interleaved rounds; prints records/s, peak RSS, CPU and the median ratios (see
# plugin-sink-parquet/README.md). Usage: bench/parquet-vs-duckdb.sh [records] [stream]
# Environment: ROUNDS (3), HEAP (-Xmx256m), KEEP=true keeps the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q package -DskipTests
# the sink-only runs get the JIT settings the launcher gives a sync
. distribution/src/bin/jvm-options.sh
exec bench/java.sh plugin-sink-parquet -Dsolidafy.root="$PWD" -Dbench.rounds="${ROUNDS:-3}" -Dbench.heap="${HEAP:--Xmx256m}" \
  -Dbench.syncJit="$SOLIDAFY_SYNC_TIERS $SOLIDAFY_SYNC_INLINING" \
  -Dbench.keep="${KEEP:-false}" io.solidafy.cdk.parquet.bench.ParquetVsDuckDbBench "${1:-1000000}" "${2:-customers}"
