# Sourced by the database benchmarks (from the repository root, with ROWS set): waits for the
# launcher's class data archive and defines `measure LABEL COMMAND...`.

# the first run after a build makes the launcher's class data archive in the background: let it finish
./solidafy-cdk list > /dev/null
cache=${SOLIDAFY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/solidafy-cdk}
for _ in $(seq 120); do ls -d "$cache"/*.lock > /dev/null 2>&1 || break; sleep 1; done

# measure LABEL COMMAND...: runs COMMAND (stdout to /dev/null) and prints rows/s, peak RSS and client CPU
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o /tmp/solidafy-db-bench.time "$@" > /dev/null
  read -r seconds rss_kb user sys < /tmp/solidafy-db-bench.time
  awk -v n="$ROWS" -v s="$seconds" -v r="$rss_kb" -v u="$user" -v y="$sys" -v l="$label" \
    'BEGIN { printf "%-40s %6.2f s wall %9.0f rows/s  peak RSS %6.0f MiB  client CPU %5.2f s\n", l, s, n / s, r / 1024, u + y }'
}
