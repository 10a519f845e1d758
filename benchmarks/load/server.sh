# Sourced by the load scripts (bash): the built server, started for one script and stopped when it exits.
#
#   require_jar                     exits 2 when rest/target/regroup.jar is not built
#   WORK=$(mktemp -d)               a directory of the script's own (removed at exit)
#   start_server [serve options]    starts `regroup serve --port $PORT …` (JVM options: REGROUP_JAVA_OPTS, default
#                                   -Xmx2g), logging to $WORK/server.log; sets SERVER; returns once it answers.
#                                   Every curl of the script is signed in: a district admin "bench" is made on the
#                                   server's store (./regroup users) and its token put in $WORK/.curlrc (CURL_HOME);
#                                   TOKEN holds it for other clients (wrk).
JAR=rest/target/regroup.jar

require_jar() {
  [ -f "$JAR" ] || { echo "$JAR missing: run ./mvnw -B -q install -DskipTests" >&2; exit 2; }
}

# The store options among serve's (--data-dir, --db-url, --db-user), for ./regroup users on the same store.
store_options() {
  while [ $# -gt 0 ]; do
    case "$1" in --data-dir|--db-url|--db-user) printf '%s\n%s\n' "$1" "$2"; shift 2 ;; *) shift ;; esac
  done
}

start_server() {
  local store=()
  mapfile -t store < <(store_options "$@")
  java -jar "$JAR" users add bench --role district-admin --no-password "${store[@]}" >/dev/null 2>&1 || true
  TOKEN=$(java -jar "$JAR" users token bench --name load-script --days 1 "${store[@]}")
  export REGROUP_TOKEN="$TOKEN"
  export CURL_HOME="$WORK"
  printf 'header = "Authorization: Bearer %s"\n' "$TOKEN" >"$WORK/.curlrc"
  java ${REGROUP_JAVA_OPTS:--Xmx2g} -jar "$JAR" serve --port "$PORT" "$@" >"$WORK/server.log" 2>&1 &
  SERVER=$!
  # on a failure the server's own account of it is shown before its log goes
  trap 'rc=$?; [ $rc -ne 0 ] && { echo "server log (last 40 lines):" >&2; tail -40 "$WORK/server.log" >&2; }; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
  for _ in $(seq 1 100); do curl -sf "localhost:$PORT/api/health" >/dev/null && return; sleep 0.2; done
  echo "the server did not answer on port $PORT; its log:" >&2
  tail -20 "$WORK/server.log" >&2
  exit 1
}
