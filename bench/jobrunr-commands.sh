#!/usr/bin/env bash
# Redis commands and CPU per job life cycle (enqueue → processing → succeeded):
#   bench/jobrunr-commands.sh [jobs=500] [rate jobs/s, 0 = as fast as it goes] [warm-up jobs=20]
# BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -Dbench.roundTrips=false" for a CPU run (MONITOR costs CPU).
# Starts its own redis-server on a free port (nothing else counts), runs one job server with 4 threads
# on it through the fleet's JobRunr seam, enqueues the jobs one at a time and prints the INFO
# commandstats delta per command and per job (background heartbeats and polls included), and the
# JVM's and Redis's CPU per job.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl scim-api -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-api/target/test-classes:scim-api/target/classes:$(cat scim-api/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.job.jobrunr.bench.JobCommandsBenchmark "$@"
