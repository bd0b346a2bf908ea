#!/usr/bin/env bash
# Speed benchmark (issue 10): bench/speed.sh [users=5000] [importUsers=10000] [scaleUsers=2000] [heapUsers=100000]
# Needs Redis (REDIS_URL, or 127.0.0.1:6379) and wrk (installed here with apt-get when missing).
# Starts the SCIM target, a scheduler and workers as processes of their own (jars built here) and
# prints one table: raw ceiling (wrk), full-sync rate and its ratio, fleet CPU per object, first
# request, unchanged re-sync, change latency at 50/s, jobs of an import, 2 workers vs 1 at 50 ms
# (bulk off and auto), the heap of one worker at -Xmx256m syncing heapUsers users. A count of 0 skips
# its part: bench/speed.sh 0 0 2000 0 measures only the scale-out. Fleet log lines carry their time.
# The main measurements (ceiling, full sync, CPU per object, re-syncs, latency, import) run against each
# target of BENCH_TARGETS, comma-separated: scim-sdk (SCIM-SDK), scimple (Apache SCIMple); default both,
# a column each; scale-out and heap run on the first.
# CPU per object: BENCH_FORCED_RUNS (default 3) warm forced full syncs in a row, each shown with each process's
# CPU and the fleet's CPU at rest over its time; the goal stands against their median. A run's end is read from
# Redis (the bench's own polls of the status API cost the scheduler more than the sync did). A second table puts each goal of issue 25 next to
# its measured value, met or not met (docs/benchmarks.md).
# Change latency: a warm-up of 1,000 changes at 50/s, then BENCH_LATENCY_RUNS (default 5) measured runs,
# each with its p50/p99 and fleet CPU per change; the worst run and the median CPU stand against the goals.
# Then one run at 250/s (a busy fleet's CPU per change) and the HTTP floor (a bare Javalin PUT) at 50/s and 250/s.
# With scaleUsers above 0 it also runs bench/scale-out.sh's part (issue 25: 1/2/4 workers at 200 ms).
# BENCH_BULK=off sets the main fleet's provider to bulk: off (default auto).
# BENCH_JARS=<dir> runs the fleet from other jars (an older build: before/after);
# BENCH_FLEET_JAVA_OPTS adds JVM options to the fleets' processes (not the heap fleet's), %n standing for each
# process's name, e.g. '-XX:StartFlightRecording=filename=target/bench-speed/%n.jfr,settings=profile'.
# The fleet runs with the images' JVM options (deploy/docker/Dockerfile's JAVA_TOOL_OPTIONS) and the chart's
# memory limit (-XX:MaxRAM from deploy/helm/scim-fleet/values.yaml; under 1,792 MiB the serial collector, as the JVM
# picks in such a pod); BENCH_JVM=default runs it with the JVM's defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
mkdir -p target/bench-speed
if [ -z "${BENCH_JARS:-}" ]; then
  cp scim-scheduler/target/scim-scheduler.jar scim-worker/target/scim-worker.jar target/bench-speed/
  export BENCH_JARS=target/bench-speed
fi
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" io.scimfleet.scheduler.bench.SpeedBenchmark "$@"
