#!/bin/bash
# Runs a scheduler and a worker from their jars (mvn -DskipTests package first) on a private
# redis-server, each as its own ACL user from deploy/redis/users.acl, drives a full sync (dry-run
# provider), API writes, deletes, an import and the dashboard, then prints the commands each user sent
# (from MONITOR) and the ACL LOG, which must be empty. Run from the repository root.
set -euo pipefail
root=$(pwd)
work=$(mktemp -d)
port=${ACL_CHECK_REDIS_PORT:-6411}
api=${ACL_CHECK_API_PORT:-18411}
dashboard=$((api + 1))
token=acl-check-admin-token-0123456789abcdef
key=$(head -c 32 /dev/urandom | base64)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" \
  --daemonize yes --logfile "$work/redis.log"
for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
sed -e 's/>CHANGE-ME-scheduler/>pw-scheduler/' -e 's/>CHANGE-ME-worker/>pw-worker/' \
  deploy/redis/users.acl | while read -r line; do
  # shellcheck disable=SC2086 # each rule is an argument
  redis-cli -p "$port" ACL SETUSER ${line#user } >/dev/null
done
redis-cli -p "$port" MONITOR >"$work/monitor.txt" &
pids+=($!)

env REDIS_URL="redis://scim-scheduler:pw-scheduler@127.0.0.1:$port" SCIM_HTTP_PORT="$api" \
  SCIM_DASHBOARD_PORT="$dashboard" SCIM_DASHBOARD_USER=admin SCIM_DASHBOARD_PASSWORD=acl-check-dashboard \
  SCIM_METRICS_PORT=0 SCIM_ADMIN_TOKEN="$token" SCIM_SECRET_KEY="$key" SCIM_ALLOW_HTTP_TARGETS=true \
  java -jar "$root/scim-scheduler/target/scim-scheduler.jar" >"$work/scheduler.log" 2>&1 &
pids+=($!)
env REDIS_URL="redis://scim-worker:pw-worker@127.0.0.1:$port" SCIM_METRICS_PORT=0 \
  SCIM_SECRET_KEY="$key" HOSTNAME=acl-check-worker SCIM_ALLOW_HTTP_TARGETS=true \
  java -jar "$root/scim-worker/target/scim-worker.jar" >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$api/health/ready" && break; sleep 1; done

clients() { redis-cli -p "$port" CLIENT LIST >>"$work/clients.txt"; }
call() {
  curl -s -o /dev/null -w "%{http_code} $1 $2\n" -X "$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' "http://127.0.0.1:$api$2" ${3:+-d "$3"}
}
clients
call PUT /api/v1/providers/dry '{"baseUrl":"http://127.0.0.1:9/scim/v2","token":"t0123456789","dryRun":true}'
for u in 1 2 3 4 5; do call PUT "/api/v1/users/u$u" "{\"username\":\"user$u\"}"; done
call PUT /api/v1/groups/g1 '{"name":"group 1"}'
call PUT /api/v1/groups/g1/members/u1 ''
call PUT /api/v1/users/u2/password '{"password":"Secret-Passw0rd!"}'
call POST /api/v1/providers/dry/sync ''
sleep 8
clients
call GET /api/v1/providers/dry/status
call DELETE /api/v1/users/u5
call DELETE /api/v1/groups/g1/members/u1
printf '%s\n' '{"type":"user","id":"u9","username":"user9"}' \
  '{"type":"group","id":"g2","name":"G2","members":["u9","u1"]}' |
  curl -s -o /dev/null -w "%{http_code} POST /api/v1/import\n" -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/x-ndjson' --data-binary @- \
    "http://127.0.0.1:$api/api/v1/import"
sleep 8
clients
for path in "api/jobs?state=SUCCEEDED" api/servers api/recurring-jobs; do
  curl -s -o /dev/null -w "%{http_code} dashboard /$path\n" -u admin:acl-check-dashboard \
    "http://127.0.0.1:$dashboard/$path"
done
sleep 20
clients

python3 - "$work" <<'PY'
import collections, re, sys
work = sys.argv[1]
users = {}
for line in open(f"{work}/clients.txt"):
    addr, user = re.search(r"addr=(\S+)", line), re.search(r" user=(\S+)", line)
    if addr and user:
        users[addr.group(1)] = user.group(1)
sent = collections.defaultdict(set)
last = None
for line in open(f"{work}/monitor.txt"):
    m = re.match(r'[\d.]+ \[\d+ ([^\]]+)\] "([^"]+)"', line)
    if not m:
        continue
    if m.group(1) == "lua":
        sent[last].add("(script) " + m.group(2).lower())
    else:
        last = users.get(m.group(1), "?")
        sent[last].add(m.group(2).lower())
for user, commands in sorted(sent.items(), key=lambda kv: str(kv[0])):
    print(f"{user}: {' '.join(sorted(commands))}")
PY
denied=$(redis-cli -p "$port" ACL LOG 100 | grep -c . || true)
echo "ACL LOG entries: $denied"
[ "$denied" -eq 0 ]
