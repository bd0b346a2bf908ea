#!/usr/bin/env bash
# Adaptive concurrency: bench/adaptive.sh [capacity=12] [workers=3] [threads=16] [seconds=30]
# Several workers' limiters (one fleet limit per host in Redis: REDIS_URL, or 127.0.0.1:6379), each
# with many threads, against a target in another JVM that answers 503 above `capacity` requests at
# once. Prints each second the fleet's learned limit next to the target's peak concurrency, then the
# mean limit over the second half: the fleet settles near the capacity without a setting.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl scim-scheduler -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.scheduler.bench.AdaptiveBenchmark "$@"
