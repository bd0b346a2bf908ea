#!/usr/bin/env bash
# Soak benchmark: bench/soak.sh [jobs=100000] [retentionMinutes=1]
# Runs the jobs through the fleet's JobRunr seam on a Redis of its own (started here on a free port,
# no persistence) and prints Redis used_memory before, during and after retention as a table.
# Set REDIS_URL to use another Redis that nothing else writes to.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl scim-scheduler -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
if [ -z "${REDIS_URL:-}" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
  redis_pid=$!
  trap 'kill "$redis_pid"' EXIT
  until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.2; done
  export REDIS_URL="redis://127.0.0.1:$port"
fi
mkdir -p target
# JobRunr logs every failed job (1% fail on purpose): the whole log goes to target/soak.log, the table to stdout.
java ${BENCH_JAVA_OPTS:-} -cp "$CP" io.scimfleet.scheduler.bench.SoakBenchmark "$@" 2>&1 \
  | tee target/soak.log | grep -E '^(\||$|[0-9]+ jobs in)'

