#!/usr/bin/env bash
# Inbound SCIM benchmark (issue 20): bench/inbound.sh [seconds=15] [connections=16]
# Needs Redis (REDIS_URL, or 127.0.0.1:6379) and wrk (installed here with apt-get when missing).
# Starts the scheduler all-in-one on Redis (its own key prefix, removed at the end; no provider, so
# only the write path is measured) and drives, one after the other, the REST API's create
# (PUT /api/v1/users/{id}) and the inbound SCIM create (POST /scim/v2/Users, Entra-shaped, with the
# enterprise extension) with wrk from a second process. Prints one table: requests/s, latency
# p50/p99, the scheduler's CPU per write (from /proc), and inbound/REST as a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-15}"
CONNECTIONS="${2:-16}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
[ -f scim-scheduler/target/scim-scheduler.jar ] && [ -z "${BENCH_REBUILD:-}" ] || mvn -B -q -DskipTests package
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PREFIX="bench-inbound-$$:"
export BENCH_ADMIN_TOKEN="$(openssl rand -hex 24)"
export BENCH_INBOUND_TOKEN="$(openssl rand -hex 24)"
mkdir -p target/bench-inbound
SCIM_REDIS_PREFIX="$PREFIX" SCIM_HTTP_PORT="$PORT" SCIM_DASHBOARD_PORT=0 SCIM_ADMIN_TOKEN="$BENCH_ADMIN_TOKEN" \
  SCIM_INBOUND_TOKEN="$BENCH_INBOUND_TOKEN" SCIM_INBOUND_RATE=1000000 SCIM_WARM_UP_SECONDS=0 \
  java ${BENCH_JAVA_OPTS:-} -jar scim-scheduler/target/scim-scheduler.jar --all-in-one > target/bench-inbound/scheduler.log 2>&1 &
PID=$!
cleanup() {
  kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
  redis-cli -u "$REDIS_URL" --scan --pattern "${PREFIX}*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 0.5; done
cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICK=$(getconf CLK_TCK)

run() { # name script -> "name rps p50 p99 cpu_ms_per_write"
  local name=$1 script=$2
  wrk -t2 -c"$CONNECTIONS" -d3s -s "$script" "http://127.0.0.1:$PORT" warm >/dev/null # JIT warm-up
  local before after out
  before=$(cpu_ticks)
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$script" "http://127.0.0.1:$PORT" "$name")
  after=$(cpu_ticks)
  local requests rps p50 p99 errors
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  local cpu
  cpu=$(python3 -c "print(f'{($after-$before)*1000/$TICK/$requests:.2f}')")
  echo "$name $rps $p50 $p99 $cpu ${errors:-0}"
}
REST=$(run rest bench/inbound/rest.lua)
SCIM=$(run scim bench/inbound/scim.lua)
python3 - "$REST" "$SCIM" <<'PY'
import sys
rows=[r.split() for r in sys.argv[1:]]
print(f"{'path':<34}{'writes/s':>10}{'p50':>10}{'p99':>10}{'CPU ms/write':>14}{'non-2xx':>9}")
names={'rest':'REST PUT /api/v1/users/{id}','scim':'SCIM POST /scim/v2/Users'}
for name,rps,p50,p99,cpu,err in rows:
    print(f"{names[name]:<34}{float(rps):>10.0f}{p50:>10}{p99:>10}{cpu:>14}{err:>9}")
print(f"inbound / REST writes per second: {float(rows[1][1])/float(rows[0][1]):.2f} (goal >= 0.80)")
PY
