#!/bin/sh
# Builds what the benchmarks need, then runs them: bench/run.sh --size full [--only processor,sink,e2e,retention,memory]
# JVM options (a JFR recording, a heap size) go in BENCH_JAVA_OPTS. bench/target/classes comes first so that
# the benchmarks' logback.xml wins over the application's.
set -eu
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -pl bench -am -DskipTests
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.syncledger.bench.Bench "$@"
