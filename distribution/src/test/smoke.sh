#!/usr/bin/env bash
# Smoke test of the assembled distribution (run by `mvn verify` in this module): the real launcher,
# module path and plugins/ folder, as a user gets them. Prints "N passed, N failed".
set -uo pipefail
HOME_DIR=$(cd "$1" && pwd)
CLI="$HOME_DIR/bin/solidafy-cdk"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0
check() { # description, command...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $what" >&2; fi
}
last_line_has() { tail -n 1 "$1" | grep -q "$2"; }

unset SOLIDAFY_HOME SOLIDAFY_CACHE_DIR
# the launcher's default cache folder is under XDG_CACHE_HOME: here inside the work folder, not the user's home
export XDG_CACHE_HOME="$WORK/xdg-cache"
"$CLI" --version > "$WORK/version" 2>&1
check "--version prints the version" grep -q '^solidafy-cdk [0-9]' "$WORK/version"

JAVA_OPTS=-XX:+UseSerialGC "$CLI" --version > /dev/null 2>&1
check "a collector chosen in JAVA_OPTS replaces the launcher's default" test $? -eq 0
JDK_JAVA_OPTIONS=-XX:+UseG1GC "$CLI" --version > /dev/null 2>&1
check "a collector chosen in JDK_JAVA_OPTIONS replaces the launcher's default" test $? -eq 0

JAVA_OPTS=-XX:+PrintCommandLineFlags "$CLI" --version > "$WORK/flags" 2>&1
check "without options the young generation is bounded" grep -q -- '-XX:MaxNewSize=33554432' "$WORK/flags"
JAVA_OPTS="-Xmx64m -XX:+PrintCommandLineFlags" "$CLI" --version > "$WORK/flags" 2>&1
check "a heap size in JAVA_OPTS replaces the launcher's young generation" \
  sh -c "grep -q -- '-Xmx64m\|MaxHeapSize=67108864' '$WORK/flags' && ! grep -q -- '-XX:MaxNewSize=33554432' '$WORK/flags'"
check "a command runs without a performance-data file" grep -q -- '-XX:-UsePerfData' "$WORK/flags"
JAVA_OPTS=-XX:+PrintCommandLineFlags "$CLI" read --connector sample --config-json '{"count":1}' > "$WORK/flags" 2>&1
check "a sync gets the launcher's inlining limits" \
  sh -c "grep -q -- '-XX:InlineSmallCode=1000' '$WORK/flags' && grep -q -- '-XX:FreqInlineSize=110' '$WORK/flags'"
JAVA_OPTS=-XX:+PrintCommandLineFlags "$CLI" read --connector sample --config-json '{"count":1}' --streams serve > "$WORK/flags" 2>&1
check "the command is the first argument, not any argument named like one" grep -q -- '-XX:FreqInlineSize=110' "$WORK/flags"
JAVA_OPTS=-XX:+PrintCommandLineFlags "$CLI" --help read > "$WORK/flags" 2>&1
check "a root option before the command leaves the command found" grep -q -- '-XX:FreqInlineSize=110' "$WORK/flags"
JAVA_OPTS="-XX:InlineSmallCode=2000 -XX:+PrintCommandLineFlags" "$CLI" read --connector sample --config-json '{"count":1}' \
  > "$WORK/flags" 2>&1
check "an inlining option in JAVA_OPTS replaces the launcher's" \
  sh -c "grep -q -- '-XX:InlineSmallCode=2000' '$WORK/flags' && ! grep -q -- '-XX:MaxInlineLevel=6\|-XX:FreqInlineSize=110' '$WORK/flags'"

# class data sharing and the connector index: the same output before, while and after they are made,
# and with an archive the JVM cannot use
export SOLIDAFY_CACHE_DIR="$WORK/cache"
"$CLI" list > "$WORK/list-cold" 2> "$WORK/list-cold.err"
has_archive() { ls "$WORK"/cache/classes-*.jsa > /dev/null 2>&1; }
for _ in $(seq 60); do has_archive && break; sleep 1; done
check "the first run made a class data sharing archive in the cache directory" has_archive
check "the training run's Parquet sync left no temporary folder" sh -c '! ls -d "${TMPDIR:-/tmp}"/solidafy-cds-training* > /dev/null 2>&1'
check "the connector index was written" test -d "$WORK/cache/connector-index"
"$CLI" list > "$WORK/list-warm" 2> "$WORK/list-warm.err"
check "list with archive and index prints exactly what the cold run printed" cmp -s "$WORK/list-cold" "$WORK/list-warm"
check "nothing on stderr with archive and index" test ! -s "$WORK/list-warm.err"
# the archive's key follows the jars, not their folders, which a rebuild recreates
training() { ls -d "$WORK"/cache/*.lock > /dev/null 2>&1; }
touch "$HOME_DIR/plugins" "$HOME_DIR"/plugins/*/
"$CLI" --version > /dev/null 2>&1
check "touched plugin folders keep the class data sharing archive" sh -c '! ls -d "$0"/cache/*.lock > /dev/null 2>&1' "$WORK"
touch "$(ls "$HOME_DIR"/plugins/*/*.jar | head -n 1)"
"$CLI" --version > /dev/null 2>&1
check "a changed plugin jar starts a new class data sharing archive" training
for _ in $(seq 60); do training || break; sleep 1; done
for archive in "$WORK"/cache/classes-*.jsa; do chmod u+w "$archive"; echo "not an archive" > "$archive"; done
"$CLI" read --connector sample --config-json '{"count":10}' > "$WORK/bad-archive" 2> "$WORK/bad-archive.err"
check "an unusable archive is ignored silently" test ! -s "$WORK/bad-archive.err"
check "an unusable archive changes nothing on stdout" last_line_has "$WORK/bad-archive" '"status":"SUCCEEDED"'
# from here on the launcher's default cache folder again
unset SOLIDAFY_CACHE_DIR

"$CLI" list > "$WORK/list" 2> "$WORK/list.err"
check "list exits 0 and prints one CONNECTORS message" test "$(wc -l < "$WORK/list")" -eq 1
check "without SOLIDAFY_CACHE_DIR the connector index goes under XDG_CACHE_HOME" test -d "$XDG_CACHE_HOME/solidafy-cdk/connector-index"
check "list shows the sample connector" grep -q '"name":"sample"' "$WORK/list"
check "no plugin is reported broken" test ! -s "$WORK/list.err"

"$CLI" read --connector sample --config-json '{"count":1000}' --state "$WORK/s.json" > "$WORK/run1" 2> "$WORK/run1.err"
check "first run succeeds" last_line_has "$WORK/run1" '"status":"SUCCEEDED"'
check "first run emits 3000 records" test "$(grep -c '"type":"RECORD"' "$WORK/run1")" -eq 3000
check "state file is valid JSON" python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$WORK/s.json"

"$CLI" read --connector sample --config-json '{"count":1000}' --state "$WORK/s.json" > "$WORK/run2" 2> "$WORK/run2.err"
check "second run emits nothing new" test "$(grep -c '"type":"RECORD"' "$WORK/run2")" -eq 0
check "second run ends with SYNC_SUMMARY" last_line_has "$WORK/run2" '"type":"SYNC_SUMMARY"'

"$CLI" read --connector nope > "$WORK/bad" 2> "$WORK/bad.err"
code=$?
check "unknown connector exits 1" test "$code" -eq 1
check "unknown connector is one sentence on stderr" test "$(wc -l < "$WORK/bad.err")" -eq 1

"$CLI" read --bogus-flag > /dev/null 2>&1
check "usage error exits 2" test $? -eq 2

# serve: the HTTP server's libraries are on the module path for it alone
check "lib/ holds no HTTP server library (every other command starts without them)" \
  sh -c '! ls "$0"/lib/jetty-* > /dev/null 2>&1 && ls "$0"/lib/server/jetty-server-*.jar > /dev/null' "$HOME_DIR"
"$CLI" serve --port 0 > "$WORK/serve.out" 2> "$WORK/serve.err" &
server=$!
for _ in $(seq 60); do test -s "$WORK/serve.out" && break; sleep 0.5; done
address=$(grep -o 'http://[0-9.:]*' "$WORK/serve.out" | head -n 1)
http() { python3 -c 'import sys, urllib.request as u
body = sys.argv[2].encode() if len(sys.argv) > 2 else None
request = u.Request(sys.argv[1], body, {"Content-Type": "application/json"})
print(u.urlopen(request, timeout=30).read().decode())' "$@"; }
check "serve prints where it listens" test -n "$address"
http "$address/health" > "$WORK/health" 2>&1
check "the server answers /health" grep -q '"ok"' "$WORK/health"
http "$address/sync" '{"connector":"sample","config":{"count":3},"streams":["customers"]}' > "$WORK/sync" 2>&1
check "the server runs a sync with the installed plugins" grep -q '"success":true' "$WORK/sync"
kill -TERM "$server"
wait "$server"
check "SIGTERM stops the server with exit code 0" test $? -eq 0
mkdir -p "$WORK/no-server/lib"
ln -s "$HOME_DIR/bin" "$HOME_DIR/plugins" "$WORK/no-server/"
ln -s "$HOME_DIR"/lib/*.jar "$WORK/no-server/lib/"
SOLIDAFY_HOME="$WORK/no-server" "$CLI" serve --port 0 > /dev/null 2> "$WORK/no-server.err"
code=$?
check "serve without lib/server exits 1 naming the missing folder" \
  sh -c 'test "$1" -eq 1 && grep -q "lib/server" "$0" && test "$(wc -l < "$0")" -eq 1' "$WORK/no-server.err" "$code"

echo "distribution smoke test: $passed passed, $failed failed"
test "$failed" -eq 0
