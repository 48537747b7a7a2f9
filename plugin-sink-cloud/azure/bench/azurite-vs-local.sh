#!/usr/bin/env bash
# Benchmark (not a test): N sample customers to Parquet in a local directory and in Azurite, in one run,
# with the built launcher and plugins (run `mvn -q package -DskipTests` first). Prints both rates and their ratio.
# Usage: plugin-sink-cloud/azure/bench/azurite-vs-local.sh [records, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/../../.."
count=${1:-1000000}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d)
.ci/node/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$port" --inMemoryPersistence --disableTelemetry \
  --silent --skipApiVersionCheck >/dev/null 2>&1 &
azurite=$!
trap 'kill $azurite; rm -rf "$work"' EXIT
key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
endpoint="http://127.0.0.1:$port/devstoreaccount1"
sleep 2
java -cp "plugins-dir/plugin-storage-azure/sdk/*:platform-runtime/target/lib/*" plugin-sink-cloud/azure/bench/CreateContainer.java \
  "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=$endpoint;" bench

run() { # label output
  local start end
  start=$(date +%s%N)
  AZURE_STORAGE_ACCOUNT_NAME=devstoreaccount1 AZURE_STORAGE_ACCOUNT_KEY=$key AZURE_STORAGE_ENDPOINT=$endpoint \
    ./solidafy-cdk read -c sample --config-json "{\"count\":$count}" -s customers -f parquet -o "$2" | tail -1 | grep -q '"status":"SUCCEEDED"'
  end=$(date +%s%N)
  echo "$1 $(( (end - start) / 1000000 ))"
}
local_ms=$(run local "$work/out" | cut -d' ' -f2)
azure_ms=$(run azurite az://bench/run/ | cut -d' ' -f2)
echo "records: $count (sample customers, whole CLI runs incl. JVM start)"
echo "local dir: ${local_ms} ms, $(( count * 1000 / local_ms )) records/s"
echo "azurite:   ${azure_ms} ms, $(( count * 1000 / azure_ms )) records/s"
echo "azurite/local rate: $(( local_ms * 100 / azure_ms ))%"
