#!/usr/bin/env bash
# A mid-day change sent while the day is still solving (issue 5): the running solve takes it as a Timefold
# ProblemChange. Prints how long the request took (the answer comes once the solve has taken the change) and, from
# the request on, when the first best plan without the absent adult's groups appeared, when it was feasible (no hard
# rule broken) and when it was workable (no medium rule broken either: everyone placed).
#
#   bash benchmarks/load/running-change.sh [dataset=datasets/medium.json] [solve=40s] [change-after=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
DATASET=${1:-datasets/medium.json}
SOLVE=${2:-40s}
AFTER=${3:-8}
PORT=${PORT:-18198}
source benchmarks/load/server.sh
require_jar
WORK=$(mktemp -d)
start_server --data-dir "$WORK/data"
curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @"$DATASET" "localhost:$PORT/api/schools/bench" >/dev/null
python3 - "$PORT" "$DATASET" "$SOLVE" "$AFTER" <<'PY'
import json, sys, time, urllib.request
port, dataset, solve, after = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
base = "http://localhost:%s" % port
day = json.load(open(dataset))
block = day["blocks"][3]["id"]
order = [b["id"] for b in day["blocks"]]
staff = [s["id"] for s in day["staff"] if s["role"] == "teacher"][1]

def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)

started = call("POST", "/api/schools/bench/days/2026-11-23/plan?timeLimit=" + solve)
plan_id = started["planId"]
time.sleep(after)
t0 = time.monotonic()
taken = call("POST", "/api/schools/bench/days/2026-11-23/changes",
             {"fromBlock": block, "staffAbsent": [staff]})
took = time.monotonic() - t0
print("%s gone from %s on, sent %.0f s into a %s solve of %s" % (staff, block, after, solve, dataset))
print("change taken: answer after %.2f s; version %s; %d student-blocks freed by the change" % (
    took, taken["version"], len((taken.get("diff") or {}).get("moves", []))))

def without_staff(plan):
    for b in plan["blocks"]:
        if order.index(b["blockId"]) >= 3:
            for s in b["sessions"]:
                if s.get("staffId") == staff and s.get("students"):
                    return False
    return True

seen = feasible = workable = None
while True:
    view = call("GET", "/api/plans/" + plan_id)
    now = time.monotonic() - t0
    plan = view.get("plan")
    if plan and without_staff(plan):
        hard, medium = [int(x.split("hard")[0].split("medium")[0]) for x in view["score"].split("/")[:2]]
        seen = seen or (now, view["score"])
        if hard == 0 and feasible is None:
            feasible = (now, view["score"])
        if hard == 0 and medium == 0 and workable is None:
            workable = (now, view["score"])
    if workable or view["status"] == "NOT_SOLVING":
        break
    time.sleep(0.1)
for name, v in (("first plan without them", seen), ("feasible", feasible), ("workable (everyone placed)", workable)):
    print("%-27s %s" % (name + ":", "none before the solve ended" if v is None else "%.2f s after the request (%s)" % v))
PY
