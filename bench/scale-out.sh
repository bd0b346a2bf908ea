#!/usr/bin/env bash
# Scale-out where CPU is not the bound (issue 25): bench/scale-out.sh [<workers> <users>]
# A target answering every request in 200 ms, bulk off, driftCheck off, maxConcurrency 8: a forced full
# sync of 600 users (6 pages) and of 5,000 (50 pages) with 1, 2 and 4 workers (each after a warm-up
# sync, in a fleet and against a target of its own), and the ratios 2 ÷ 1 and 4 ÷ 1 next to their goals
# (≥ 1.8×, ≥ 3.2×). Same processes and classes as bench/speed.sh (which runs this part too when its
# scaleUsers is above 0). With <workers> <users>: only that one forced sync (after its warm-up), e.g. to
# count Redis commands on a Redis of its own (docs/scale.md). Needs Redis (REDIS_URL, or 127.0.0.1:6379). Takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
mkdir -p target/bench-speed
if [ -z "${BENCH_JARS:-}" ]; then
  cp scim-scheduler/target/scim-scheduler.jar scim-worker/target/scim-worker.jar target/bench-speed/
  export BENCH_JARS=target/bench-speed
fi
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.scimfleet.scheduler.bench.ScaleOutBenchmark "$@"
