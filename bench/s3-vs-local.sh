#!/usr/bin/env bash
# Benchmark (not a test): N `sample` customers to Parquet through the launcher, to a local directory
# and to S3Proxy (objects on local disk), in interleaved rounds; prints both rates and their ratio,
# then list/spec/read-to-stdout start-up times with and without the S3 plugin installed
# (see plugin-sink-cloud/README.md). Usage: bench/s3-vs-local.sh [records]
# Environment: ROUNDS (3), HEAP (-Xmx256m), STARTUPS (5 runs per start-up figure).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q package -DskipTests
exec bench/java.sh plugin-sink-cloud/s3 -Xmx512m -Dsolidafy.root="$PWD" -Dbench.rounds="${ROUNDS:-3}" -Dbench.heap="${HEAP:--Xmx256m}" \
  -Dbench.startups="${STARTUPS:-5}" io.solidafy.cdk.cloud.s3.sdk.S3VsLocalBench "${1:-1000000}"
