#!/usr/bin/env bash
# Fairness benchmark: bench/fairness.sh [users=2000] [groups=20] [runs=3]
# Needs Redis (REDIS_URL, or 127.0.0.1:6379). One worker runs a healthy provider's forced full sync
# alone, then beside a provider whose target answers every request in 2 s; prints both (median of
# runs) and their ratio. SCIM_JOBS_PER_PROVIDER applies as in a worker.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.scimfleet.scheduler.bench.FairnessBenchmark "$@"
