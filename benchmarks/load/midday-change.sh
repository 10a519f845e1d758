#!/usr/bin/env bash
# Mid-day staff absence on a large school (issue 5): time to a new feasible plan.
#
#   bash benchmarks/load/midday-change.sh [dataset=datasets/large.json] [morning-solve=30s] [re-plan=10s]
#
# Starts a server on a temporary store, creates the school, plans and publishes the day, then reports a teacher gone
# from the fourth block on and prints the re-plan's time to its first feasible plan, its score and who moves.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATASET=${1:-datasets/large.json}
MORNING=${2:-30s}
REPLAN=${3:-10s}
PORT=${PORT:-18199}
source benchmarks/load/server.sh
require_jar
WORK=$(mktemp -d)
start_server --data-dir "$WORK/data"
B="localhost:$PORT/api/schools/bench"
curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @"$DATASET" "$B" >/dev/null
DAY=2026-11-23
wait_plan() { for _ in $(seq 1 600); do S=$(curl -sf "localhost:$PORT/api/plans/$1?plan=false"); \
  echo "$S" | grep -q NOT_SOLVING && { echo "$S"; return; }; sleep 0.5; done; }
P1=$(curl -sf -XPOST "$B/days/$DAY/plan?timeLimit=$MORNING" | python3 -c 'import json,sys; print(json.load(sys.stdin)["planId"])')
wait_plan "$P1" >/dev/null
sleep 1; curl -sf -XPOST "$B/days/$DAY/publish" >/dev/null
BLOCK=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["blocks"][3]["id"])' "$DATASET")
STAFF=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print([s["id"] for s in d["staff"] if s["role"]=="teacher"][0])' "$DATASET")
P2=$(curl -sf -XPOST -H 'Content-Type: application/json' -d "{\"fromBlock\":\"$BLOCK\",\"staffAbsent\":[\"$STAFF\"]}" \
  "$B/days/$DAY/changes?timeLimit=$REPLAN" | python3 -c 'import json,sys; print(json.load(sys.stdin)["planId"])')
wait_plan "$P2" | python3 -c 'import json,sys; p=json.load(sys.stdin); print("re-plan: first feasible after", p.get("firstFeasibleMillis"), "ms; score", p["score"])'
curl -sf "localhost:$PORT/api/plans/$P2/analysis" | python3 -c '
import json,sys
for r in json.load(sys.stdin)["rules"]:
    if "hard" in r["score"] and not r["score"].startswith("0hard/0medium"):
        print("  breaks", r["rule"], r["score"], r["matches"])' | head -5
curl -sf "localhost:$PORT/api/plans/$P2" | python3 -c '
import json,sys,collections
p=json.load(sys.stdin); p=p.get("plan",p)
why=collections.Counter((u["blockId"], (u.get("reasons") or ["?"])[0]) for u in p.get("unplaced",[]))
for (block,reason),n in sorted(why.items()): print("  unplaced", n, "in", block + ":", reason)' | head -8
sleep 1
curl -sf "$B/days/$DAY/diff?from=1&to=2" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["moves"]), "student-blocks move;", len(d["newRosters"]), "adults get a new roster")'
echo "($STAFF gone from $BLOCK on; $DATASET; morning plan $MORNING, re-plan $REPLAN)"
