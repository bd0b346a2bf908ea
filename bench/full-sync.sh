#!/usr/bin/env bash
# Full-sync benchmark: bench/full-sync.sh [users=10000] [groups=100] [concurrency=16]
# Needs Redis (REDIS_URL, or 127.0.0.1:6379). Prints a table: fleet vs. the raw HTTP ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.scimfleet.scheduler.bench.FullSyncBenchmark "$@"
