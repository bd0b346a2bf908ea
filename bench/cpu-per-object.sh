#!/usr/bin/env bash
# Fleet CPU per object: bench/cpu-per-object.sh [users=3000] [rounds=4] [bulk=auto|off] [changes=500]
# Scheduler + worker in one JVM (JobRunr on Redis: REDIS_URL, or 127.0.0.1:6379), the SCIM-SDK target
# in a second one; the table shows the fleet JVM's CPU (/proc/self/stat) per object for forced full
# syncs and for single changes. BENCH_JFR=file.jfr records the forced full syncs with JFR (the changes in file-changes.jfr); read it
# with bench/jfr-top.sh file.jfr.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl scim-scheduler -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
JFR_OPT=()
if [ -n "${BENCH_JFR:-}" ]; then JFR_OPT=("-Dbench.jfr=$BENCH_JFR"); fi
exec java ${BENCH_JAVA_OPTS:-} "${JFR_OPT[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.scheduler.bench.CpuPerObjectBenchmark "$@"
