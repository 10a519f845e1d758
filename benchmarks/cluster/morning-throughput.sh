#!/usr/bin/env bash
# A district's morning on 1, 2 or 3 nodes of this machine: N `regroup serve` processes on one PostgreSQL schema plan
# SCHOOLS generated schools (the small demo day, seeds 1..SCHOOLS) as db-scheduler jobs; `regroup morning --no-work`
# schedules them and follows until every school has its plan. Prints the wall time, schools per minute, and how good
# the plans were (workable count, median soft score) — on 2 cores more solves than cores run slower, not fewer.
#
#   benchmarks/cluster/morning-throughput.sh NODES [SCHOOLS=30] [TIME_LIMIT=5s] [CONCURRENT_PER_NODE=1]
#
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth, database test), psql, curl. Leaves nothing behind (its schema is
# dropped, the servers stopped).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nodes="${1:?NODES}"
schools="${2:-30}"
limit="${3:-5s}"
per_node="${4:-1}"
schema="regroup_bench_$$"
url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
psql -q -h 127.0.0.1 -U postgres test -c "CREATE SCHEMA $schema" >/dev/null
store=(--db-url "$url" --db-user postgres)
"$here/regroup" users add bench --role district-admin --no-password "${store[@]}" >/dev/null
token="$("$here/regroup" users token bench "${store[@]}")"

ports=()
for n in $(seq 1 "$nodes"); do
  REGROUP_JAVA_OPTS="-Xmx768m" "$here/regroup" serve --port 0 --node "n$n" --concurrent "$per_node" \
      --data-dir "$work/n$n" "${store[@]}" >"$work/n$n.out" 2>"$work/n$n.log" &
  pids+=($!)
done
for n in $(seq 1 "$nodes"); do
  for _ in $(seq 1 120); do
    port="$(sed -n 's|.*Regroup API at http://127.0.0.1:\([0-9]*\)/api.*|\1|p' "$work/n$n.out")"
    [ -n "$port" ] && break
    sleep 0.5
  done
  [ -n "$port" ] || { echo "node n$n did not start" >&2; cat "$work/n$n.log" >&2; exit 1; }
  ports+=("$port")
done

cache="$here/benchmarks/target/cluster-days"
mkdir -p "$cache"
for s in $(seq 1 "$schools"); do
  day="$cache/small-$s.json"
  [ -f "$day" ] || "$here/regroup" generate --size small --seed "$s" --out "$day" >/dev/null
  port="${ports[$(( (s - 1) % nodes ))]}"
  code="$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/api/schools/s$s" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$day")"
  [ "$code" = 201 ] || { echo "school s$s: HTTP $code" >&2; exit 1; }
done

date="2026-12-07"
deadline="$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)"
start="$(date +%s.%N)"
"$here/regroup" morning "$date" --no-work --time-limit "$limit" --deadline "$deadline" "${store[@]}" \
    >"$work/morning.out"
end="$(date +%s.%N)"
tail -n 1 "$work/morning.out"
read -r workable median <<<"$(psql -At -F' ' -h 127.0.0.1 -U postgres test -c "
  SELECT COUNT(*) FILTER (WHERE score LIKE '0hard/0medium/%'),
         percentile_cont(0.5) WITHIN GROUP (ORDER BY CAST(split_part(split_part(score, '/', 3), 'soft', 1) AS INT))
  FROM $schema.morning_school WHERE morning_day = '$date'")"
runs="$(psql -At -h 127.0.0.1 -U postgres test -c "SELECT COUNT(*) FROM $schema.morning_attempt")"
awk -v n="$nodes" -v c="$per_node" -v s="$schools" -v l="$limit" -v t0="$start" -v t1="$end" -v w="$workable" \
    -v m="$median" -v r="$runs" 'BEGIN {
  t = t1 - t0;
  printf "nodes %d x %d solve(s), %d schools, %s each: %.1f s, %.1f schools/min; workable %d/%d, median soft %s; %d runs\n",
         n, c, s, l, t, s * 60 / t, w, s, m, r }'
