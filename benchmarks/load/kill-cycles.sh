#!/usr/bin/env bash
# Nothing acknowledged is lost (issue 14): kill cycles of a real server receiving evidence from 4 clients, SIGKILLed
# at random, checked event id by event id after every kill (org.regroup.store.KillCycles, rest's test classes).
#
#   bash benchmarks/load/kill-cycles.sh [--cycles 100] [--db-url JDBC_URL] [--out FILE.json] [--seed N] …
#
# Embedded H2 in a temporary directory unless --db-url is given. Needs the built jar and test classes:
#   ./mvnw -B -o -q verify -pl rest -am -DskipTests
# Exits 1 when an acknowledged event was lost or stored twice.
set -euo pipefail
cd "$(dirname "$0")/../.."
for f in rest/target/regroup.jar rest/target/test-classes/org/regroup/store/KillCycles.class; do
  [ -f "$f" ] || { echo "$f missing: run ./mvnw -B -o -q verify -pl rest -am -DskipTests" >&2; exit 2; }
done
# absolute: the server processes run in their own directory
exec java -Xmx1g -cp "$PWD/rest/target/regroup.jar:$PWD/rest/target/test-classes" org.regroup.store.KillCycles "$@"
