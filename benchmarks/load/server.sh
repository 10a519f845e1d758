# Sourced by the load scripts (bash): the built server, started for one script and stopped when it exits.
#
#   require_jar                     exits 2 when rest/target/regroup.jar is not built
#   WORK=$(mktemp -d)               a directory of the script's own (removed at exit)
#   start_server [serve options]    starts `regroup serve --port $PORT …` (JVM options: REGROUP_JAVA_OPTS, default
#                                   -Xmx2g), logging to $WORK/server.log; sets SERVER; returns once it answers
JAR=rest/target/regroup.jar

require_jar() {
  [ -f "$JAR" ] || { echo "$JAR missing: run ./mvnw -B -q install -DskipTests" >&2; exit 2; }
}

start_server() {
  java ${REGROUP_JAVA_OPTS:--Xmx2g} -jar "$JAR" serve --port "$PORT" "$@" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 100); do curl -sf "localhost:$PORT/api/health" >/dev/null && return; sleep 0.2; done
  echo "the server did not answer on port $PORT; its log:" >&2
  tail -20 "$WORK/server.log" >&2
  exit 1
}
