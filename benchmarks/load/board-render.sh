#!/usr/bin/env bash
# How fast the scheduler's board shows a big school's day in headless Chromium (issue 20: large under 2 s).
#
#   bash benchmarks/load/board-render.sh [DAY.json=datasets/large.json] [runs=7] [planSeconds=30]
#
# Needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) and the built jars
# (./mvnw -B -q install -DskipTests). Starts its own server on a free port, makes a district admin with a password for
# the browser, then BoardRender plans today's day and opens the board again and again (results:
# benchmarks/results/board-render.json).
set -euo pipefail
cd "$(dirname "$0")/../.."

DAY=${1:-datasets/large.json}
RUNS=${2:-7}
PLAN_SECONDS=${3:-30}
PORT=${PORT:-18184}
source benchmarks/load/server.sh
require_jar
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || { echo "no chromium or chromedriver (apt-get install -y chromium chromium-driver)" >&2; exit 2; }

WORK=$(mktemp -d)
export REGROUP_USER=board-bench REGROUP_PASSWORD="grid-$RANDOM-$RANDOM-$RANDOM"
printf '%s\n' "$REGROUP_PASSWORD" | java -jar "$JAR" users add "$REGROUP_USER" --role district-admin --password-stdin \
  --data-dir "$WORK/data" >/dev/null
start_server --data-dir "$WORK/data"
java -cp benchmarks/target/regroup-benchmarks.jar org.regroup.benchmarks.BoardRender "http://127.0.0.1:$PORT/" \
  "$DAY" "$RUNS" "$PLAN_SECONDS" "${OUT:-benchmarks/results/board-render.json}"
