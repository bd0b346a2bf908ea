#!/usr/bin/env bash
# LDAP source: bench/ldap.sh [entries=50000] [pollSeconds=5] [changes=10]
# Starts Debian's slapd (mdb) on a free port, loads the entries (users, and a group of 100 members per
# 100 entries), and reads them with one source into the fleet's directory on Redis (REDIS_URL, or
# 127.0.0.1:6379; its own key prefix, removed at the end): the first full read (time, heap growth
# after GC and peak), an unchanged full read, and for modifyTimestamp polling and RFC 4533 content
# sync each: one poll with nothing changed and the change latency (a modify in LDAP until the
# directory store has it). BENCH_JAVA_OPTS sets the heap, e.g. -Xmx512m.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -pl scim-scheduler -am package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
CP="scim-scheduler/target/test-classes:scim-scheduler/target/classes:$(cat scim-scheduler/target/bench.classpath)"
exec java ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
  io.scimfleet.scheduler.source.LdapReadBenchmark "$@"
