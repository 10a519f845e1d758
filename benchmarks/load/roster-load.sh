#!/usr/bin/env bash
# Roster GET latency and throughput on loopback while a large plan is solving (issue 4).
#
#   bash benchmarks/load/roster-load.sh [connections=200] [duration=30s] [media=application/json]
#
# connections may be a list ("10 50 200"): one wrk run each, after one 30 s warm-up run (JIT) that is not reported.
#
# Needs wrk (Debian: apt-get install wrk) and the built jar (./mvnw -B -q install -DskipTests).
# Starts its own server on a free port, submits datasets/large.json for 180 s, waits for its first plan, then
# runs wrk against one teacher's roster while the solver keeps working. Prints wrk's latency distribution.
set -euo pipefail
cd "$(dirname "$0")/../.."

CONNECTIONS=${1:-200}
DURATION=${2:-30s}
MEDIA=${3:-application/json}
PORT=${PORT:-18181}
source benchmarks/load/server.sh
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
require_jar

WORK=$(mktemp -d)
start_server --data-dir "$WORK/data"

ID=$(curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @datasets/large.json \
  "localhost:$PORT/api/plans?timeLimit=${TIME_LIMIT:-180s}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for _ in $(seq 1 200); do
  curl -sf "localhost:$PORT/api/plans/$ID?plan=false" | grep -q '"score"' && break; sleep 0.2
done
STAFF=$(curl -sf "localhost:$PORT/api/plans/$ID" | python3 -c '
import json,sys
plan=json.load(sys.stdin)["plan"]
for b in plan["blocks"]:
    for s in b.get("sessions",[]):
        if s.get("students"): print(s["staffId"]); sys.exit()')
[ -n "${IDLE:-}" ] && { curl -sf -XDELETE "localhost:$PORT/api/plans/$ID/solving" >/dev/null; sleep 2; }
URL="http://127.0.0.1:$PORT/api/plans/$ID/rosters/$STAFF"
echo "plan $ID (large, solving), roster of $STAFF as $MEDIA; $CONNECTIONS connections for $DURATION; $(nproc) cores"
curl -sf -H "Accept: $MEDIA" "$URL" | wc -c | xargs echo "roster bytes:"
wrk -t2 -c50 -d30s -H "Accept: $MEDIA" "$URL" >/dev/null # warm-up: the JIT needs ~30 s of traffic on 2 cores
for C in $CONNECTIONS; do
  echo "== $C connections"
  wrk -t2 -c"$C" -d"$DURATION" --latency -H "Accept: $MEDIA" "$URL"
done
curl -sf "localhost:$PORT/api/plans/$ID?plan=false" | python3 -c '
import json,sys; p=json.load(sys.stdin); print("after the run: status", p["status"], "score", p["score"])'
