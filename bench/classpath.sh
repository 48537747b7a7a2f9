#!/usr/bin/env bash
# Prints a module's test class path (its test classes, classes and every dependency), resolved inside
# the reactor: sibling modules come from their jars under target/, so nothing needs `mvn install`.
# Usage: bench/classpath.sh MODULE   (Maven's output goes to stderr)
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1
mvn -q -pl "$module" -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >&2
echo "$PWD/$module/target/test-classes:$PWD/$module/target/classes:$(cat "$module/target/bench.classpath")"
