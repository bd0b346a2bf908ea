#!/usr/bin/env bash
# Memory benchmark: bench/memory.sh [users=1000000] [heap=256m] [driftObjects=200000]
# Plans a full sync of that many users (PagePlan) in its own JVM with -Xmx<heap>, against real Redis
# (REDIS_URL, or 127.0.0.1:6379) under its own key prefix, removed after. Prints a table: users,
# pages, peak heap (MiB, heap pools' peaks summed: an upper bound), max heap, time. Then, in another
# JVM with the same heap, the drift check of that many target users, all managed (sync states in
# Redis), listed by an in-process fake SCIM target.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS="${1:-1000000}"
HEAP="${2:-256m}"
DRIFT="${3:-200000}"
mvn -B -q -o -DskipTests package -pl scim-worker -am dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-worker/target/test-classes:scim-worker/target/classes:$(cat scim-worker/target/bench.classpath)"
printf 'bench\tsize\t\tresult\t\tpeak heap\t\tmax heap\t\ttime\n'
java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.worker.handler.PlanMemoryBenchmark "$USERS"
java -Xmx"$HEAP" ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.worker.pipeline.DriftMemoryBenchmark "$DRIFT"
