#!/bin/sh
# Builds what the benchmarks need, then runs them: bench/run.sh --size full [--only processor,sink,e2e,retention,memory]
# JVM options (a JFR recording, a heap size) go in BENCH_JAVA_OPTS. The benchmarks' logback.xml is named outright:
# the application's jar holds one too, and logback, finding two, prints its whole set-up to say so.
set -eu
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -pl bench -am -DskipTests
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=bench/target/classes/logback.xml -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.syncledger.bench.Bench "$@"
