#!/usr/bin/env bash
# Runs `java ARGS...` on a module's test class path (see bench/classpath.sh): the way to start the
# benchmark mains under src/test/java without `mvn install`.
# Usage: bench/java.sh MODULE [java options] MAIN-CLASS [args]
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1
shift
CP=$(bench/classpath.sh "$module")
exec java -cp "$CP" "$@"
