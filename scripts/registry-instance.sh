#!/usr/bin/env bash
# Provision and start a private Confluent-compatible schema registry, idempotently: Apicurio
# Registry 2.x with in-memory (H2) storage, built from Maven Central jars: no Docker, no download
# of a distribution.
#
#   scripts/registry-instance.sh start  NAME PORT
#   scripts/registry-instance.sh stop   NAME
#   scripts/registry-instance.sh status NAME     (exit 0 ready, 1 running but not ready, 3 not running)
#
# scripts/registry/pom.xml re-packages io.apicurio:apicurio-registry-app as a Quarkus fast-jar
# application, built once into $INSTAQUERY_SERVICES_DIR/registry-app (default services dir
# /tmp/instaquery-services) and again only when the pom or its application.properties is newer.
# The instance lives in $INSTAQUERY_SERVICES_DIR/NAME: registry.pid, logs/registry.log, start.sh
# and connection.json:
#   {"url":"http://127.0.0.1:PORT/apis/ccompat/v6","kind":"apicurio","version":"2.4.2.Final",
#    "start":".../start.sh","startCommand":"bash '.../start.sh'",...}
# Storage is in memory: every (re)start begins with an empty registry. Tests that kill -9 the
# registry restart it with startCommand: it starts it exactly as this script did and returns once
# it serves again (at most INSTAQUERY_REGISTRY_START_TIMEOUT s, 90 by default), printing the log
# tail if it does not.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}; name=${2:-}
usage="usage: $0 start NAME PORT | stop NAME | status NAME"
[[ -n "$cmd" && -n "$name" ]] || { echo "$usage" >&2; exit 2; }
root_dir=${INSTAQUERY_SERVICES_DIR:-/tmp/instaquery-services}
dir="$root_dir/$name"
pid_file="$dir/registry.pid"
app="$root_dir/registry-app"
# On the java command line, so a pid can be told to be this instance's registry.
marker="-Dinstaquery.registry=$dir"

# The pid file alone is not proof: after a reboot or kill -9 the pid may belong to another process.
running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid; pid=$(cat "$pid_file" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$marker " || return 1
  echo "$pid"
}

stop_registry() {
  local pid
  pid=$(running_pid) || { rm -f "$pid_file"; return 0; }
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$pid_file"
}

ready() { # port
  [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$1/apis/ccompat/v6/subjects" 2>/dev/null) == 200 ]]
}

case "$cmd" in
  stop) stop_registry; exit 0 ;;
  status)
    pid=$(running_pid) || { echo "registry '$name' is not running"; exit 3; }
    port=$(sed -n 's/^PORT=//p' "$dir/instance.env")
    if ready "$port"; then echo "registry '$name' (pid $pid) ready on 127.0.0.1:$port"; exit 0; fi
    echo "registry '$name' (pid $pid) running but not ready on 127.0.0.1:$port"; exit 1 ;;
  start) ;;
  *) echo "unknown command '$cmd'; $usage" >&2; exit 2 ;;
esac

port=${3:-}
[[ "$port" =~ ^[0-9]+$ ]] || { echo "start needs a numeric PORT as third argument, got '$port'" >&2; exit 2; }

if ! command -v java >/dev/null || ! command -v mvn >/dev/null || ! command -v curl >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "java, mvn and curl are needed; run as root or: apt-get install openjdk-17-jdk-headless maven curl" >&2; exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven openjdk-17-jdk-headless curl >/dev/null
fi

mkdir -p "$dir/logs"

# --- application: built once, again only when the pom or its properties changed -----------------
pom="$here/registry/pom.xml"
props="$here/registry/src/main/resources/application.properties"
if [[ ! -f "$app/.complete" || "$pom" -nt "$app/.complete" || "$props" -nt "$app/.complete" ]]; then
  # The running registry's jars are about to be replaced: stop it first, it is restarted below.
  stop_registry
  echo "building the Apicurio Registry application from Maven Central jars into $app" >&2
  rm -rf "$app.tmp"
  mvn -q -B -f "$pom" package -Dregistry.build.dir="$app.tmp/build" >"$root_dir/registry-app-build.log" 2>&1 \
    || { tail -n 60 "$root_dir/registry-app-build.log" >&2; exit 1; }
  [[ -f "$app.tmp/build/quarkus-app/quarkus-run.jar" ]] \
    || { echo "no quarkus-run.jar in $app.tmp/build/quarkus-app" >&2; exit 1; }
  mv "$app.tmp/build/quarkus-app" "$app.tmp/quarkus-app" && rm -rf "$app.tmp/build"
  # The marker holds the Apicurio version, read back for connection.json.
  sed -n 's:.*<apicurio.version>\(.*\)</apicurio.version>.*:\1:p' "$pom" >"$app.tmp/.complete"
  [[ -s "$app.tmp/.complete" ]] || { echo "no <apicurio.version> in $pom" >&2; exit 1; }
  rm -rf "$app" && mv "$app.tmp" "$app"
fi
apicurio_version=$(cat "$app/.complete")

# --- configuration -------------------------------------------------------------------------------
# Rewritten only when the content changes; a change restarts a running registry.
changed=0
write_if_changed() { # path, content on stdin
  local tmp="$1.new"; cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv "$tmp" "$1"; changed=1; fi
}

write_if_changed "$dir/instance.env" <<ENV
VERSION=$apicurio_version
PORT=$port
ENV

java_opts="-Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true $marker -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$port"

write_if_changed "$dir/start.sh" <<START
#!/usr/bin/env bash
# Written by scripts/registry-instance.sh: starts schema registry '$name' (Apicurio $apicurio_version,
# in-memory storage, so it starts empty) exactly as that script does and returns once it serves on
# 127.0.0.1:$port. Tests run it after kill -9 of the registry. If it is already up it only waits for
# it. Waiting is bounded by \${INSTAQUERY_REGISTRY_START_TIMEOUT:-90} seconds; on failure it prints
# the log tail and exits 1.
set -euo pipefail
dir='$dir'
pid_file="\$dir/registry.pid"
alive() {
  local pid; pid=\$(cat "\$pid_file" 2>/dev/null) && [[ "\$pid" =~ ^[0-9]+\$ ]] && kill -0 "\$pid" 2>/dev/null \\
    && tr '\\0' ' ' <"/proc/\$pid/cmdline" 2>/dev/null | grep -qF -- '$marker '
}
ready() {
  [[ \$(curl -s -o /dev/null -m 2 -w '%{http_code}' http://127.0.0.1:$port/apis/ccompat/v6/subjects 2>/dev/null) == 200 ]]
}
if ! alive; then
  cd "\$dir"
  echo "--- start \$(date -Is)" >>"\$dir/logs/registry.log"
  # setsid + nohup: the registry outlives this script and the shell (or test) that ran it.
  setsid nohup java $java_opts -jar '$app/quarkus-app/quarkus-run.jar' \\
    >>"\$dir/logs/registry.log" 2>&1 </dev/null &
  echo \$! >"\$pid_file"
fi
deadline=\$((SECONDS + \${INSTAQUERY_REGISTRY_START_TIMEOUT:-90}))
until ready; do
  if ! alive || (( SECONDS >= deadline )); then
    alive && reason="is not ready after \${INSTAQUERY_REGISTRY_START_TIMEOUT:-90} s" || reason="exited"
    echo "registry '$name' \$reason; the end of \$dir/logs/registry.log:" >&2
    tail -n 40 "\$dir/logs/registry.log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.25
done
START
chmod +x "$dir/start.sh"

if (( changed )) && running_pid >/dev/null; then
  echo "registry '$name': configuration changed, restarting" >&2
  stop_registry
fi

if ! running_pid >/dev/null; then
  # Something else on the port would make the registry die at bind, or worse, make the readiness
  # probe talk to the wrong server.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port 127.0.0.1:$port is taken by another process; registry '$name' cannot start" >&2; exit 1
  fi
fi
"$dir/start.sh"

write_if_changed "$dir/connection.json" <<JSON
{"url":"http://127.0.0.1:$port/apis/ccompat/v6","kind":"apicurio","version":"$apicurio_version","pidFile":"$pid_file","logFile":"$dir/logs/registry.log","start":"$dir/start.sh","startCommand":"bash '$dir/start.sh'"}
JSON
echo "schema registry '$name' (Apicurio $apicurio_version) ready at http://127.0.0.1:$port/apis/ccompat/v6 (dir $dir)" >&2
