#!/usr/bin/env bash
# Evidence ingestion throughput, durably committed (issue 5): batches of results POSTed to a server on the embedded
# H2 store (default) or PostgreSQL.
#
#   bash benchmarks/load/evidence-load.sh [batch=500] [connections=4] [duration=30s] [db-url]
#
# Needs wrk and python3 (to list the students' skills for the request script) and the built jar. Every request is a
# batch of new results (unique event ids); results/s = requests/s × batch. The server answers 200 only after the
# batch is committed.
set -euo pipefail
cd "$(dirname "$0")/../.."

BATCH=${1:-500}
CONNECTIONS=${2:-4}
DURATION=${3:-30s}
DB_URL=${4:-}
PORT=${PORT:-18191}
source benchmarks/load/server.sh
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
require_jar

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK/pairs.lua" <<'PY'
import json, sys
day = json.load(open("datasets/large.json"))
pairs = [(s["id"], k) for s in day["students"] for k in sorted(s.get("mastery", {}))]
pairs = pairs[::max(1, len(pairs) // 15000)]  # Lua allows 65,536 constants per chunk
with open(sys.argv[1], "w") as out:
    out.write("subjects = {\n" + ",\n".join('{"%s","%s"}' % p for p in pairs) + "\n}\n")
PY
cat > "$WORK/batch.lua" <<LUA
dofile("$WORK/pairs.lua")

local n = 0
local tid = 0
setup = function(thread) tid = tid + 1; thread:set("id", tid) end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("REGROUP_TOKEN") -- set by start_server
request = function()
  n = n + 1
  local parts = {}
  for i = 1, $BATCH do
    local p = subjects[((n * $BATCH + i) % #subjects) + 1]
    parts[i] = string.format('{"eventId":"t%d-%d-%d","studentId":"%s","skillId":"%s","correct":%s,"observedAt":"2026-11-23T09:00:00Z"}',
      id, n, i, p[1], p[2], (i % 3 ~= 0) and "true" or "false")
  end
  return wrk.format(nil, nil, nil, '{"results":[' .. table.concat(parts, ",") .. ']}')
end
response = function(status, headers, body)
  if status ~= 200 then io.stderr:write("status " .. status .. ": " .. body:sub(1, 200) .. "\n") end
end
LUA

if [ -n "$DB_URL" ]; then STORE=(--db-url "$DB_URL"); else STORE=(--data-dir "$WORK/data"); fi
REGROUP_JAVA_OPTS=${REGROUP_JAVA_OPTS:--Xmx1g} start_server "${STORE[@]}"
SCHOOL="load$RANDOM"
curl -sf -XPOST -H 'Content-Type: application/json' --data-binary @datasets/large.json \
  "localhost:$PORT/api/schools/$SCHOOL" >/dev/null
echo "school $SCHOOL (large: 1,152 students), batches of $BATCH, $CONNECTIONS connections, $DURATION; store: ${DB_URL:-embedded H2}"
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/batch.lua" "http://127.0.0.1:$PORT/api/schools/$SCHOOL/evidence"
STORED=$(curl -sf "localhost:$PORT/api/schools/$SCHOOL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["evidence"])')
echo "results stored: $STORED"
