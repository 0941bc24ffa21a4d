#!/usr/bin/env bash
# Provision and start a private single-node Apache Kafka (KRaft, combined broker+controller),
# idempotently, from Maven Central jars: no Docker, no tarball download.
#
#   scripts/kafka-instance.sh start  NAME VERSION BROKER_PORT CONTROLLER_PORT   (VERSION: 3.9 or 4)
#   scripts/kafka-instance.sh stop   NAME
#   scripts/kafka-instance.sh status NAME     (exit 0 ready, 1 running but not ready, 3 not running)
#
# The jars come from scripts/kafka/pom-VERSION.xml via `mvn dependency:copy-dependencies` into
# $INSTAQUERY_SERVICES_DIR/kafka-VERSION-lib (default services dir /tmp/instaquery-services),
# fetched once and again only when the pom is newer. The instance lives in
# $INSTAQUERY_SERVICES_DIR/NAME: server.properties, data/ (log.dirs), logs/server.log (log4j;
# nothing goes to the console), kafka.pid, start.sh and connection.json:
#   {"bootstrapServers":"127.0.0.1:PORT","version":"3.9.2","pidFile":...,"dataDir":...,
#    "start":".../start.sh","startCommand":"bash '.../start.sh'",...}
# Tests that kill -9 the broker restart it with startCommand: it starts the broker exactly as this
# script did and returns once it serves again (at most INSTAQUERY_KAFKA_START_TIMEOUT s, 60 by
# default), printing the log tail if it does not.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:-}; name=${2:-}
usage="usage: $0 start NAME 3.9|4 BROKER_PORT CONTROLLER_PORT | stop NAME | status NAME"
[[ -n "$cmd" && -n "$name" ]] || { echo "$usage" >&2; exit 2; }
root_dir=${INSTAQUERY_SERVICES_DIR:-/tmp/instaquery-services}
dir="$root_dir/$name"
pid_file="$dir/kafka.pid"
# A fixed cluster id (any base64 UUID works): a stable identity for a test broker, no random-uuid step.
cluster_id=MkU3OEVBNTcwNTJENDM2Qk

# The pid file alone is not proof: after a reboot or kill -9 the pid may belong to another process.
running_pid() {
  [[ -f "$pid_file" ]] || return 1
  local pid; pid=$(cat "$pid_file" 2>/dev/null) || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "kafka.Kafka $dir/server.properties" || return 1
  echo "$pid"
}

stop_broker() {
  local pid
  pid=$(running_pid) || { rm -f "$pid_file"; return 0; }
  kill "$pid" 2>/dev/null || true
  # A clean KRaft shutdown takes a few seconds; past 30 s, kill it so stop is bounded.
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  rm -f "$pid_file"
}

case "$cmd" in
  stop) stop_broker; exit 0 ;;
  status)
    pid=$(running_pid) || { echo "kafka '$name' is not running"; exit 3; }
    port=$(sed -n 's/^BROKER_PORT=//p' "$dir/instance.env")
    if python3 "$dir/broker-ready.py" 127.0.0.1 "$port" 2 2>/dev/null; then
      echo "kafka '$name' (pid $pid) ready on 127.0.0.1:$port"; exit 0
    fi
    echo "kafka '$name' (pid $pid) running but not ready on 127.0.0.1:$port"; exit 1 ;;
  start) ;;
  *) echo "unknown command '$cmd'; $usage" >&2; exit 2 ;;
esac

version=${3:-}; broker_port=${4:-}; controller_port=${5:-}
[[ "$version" == 3.9 || "$version" == 4 ]] || { echo "VERSION must be 3.9 or 4, got '$version'" >&2; exit 2; }
[[ "$broker_port" =~ ^[0-9]+$ && "$controller_port" =~ ^[0-9]+$ ]] \
  || { echo "start needs numeric BROKER_PORT and CONTROLLER_PORT, got '$broker_port' '$controller_port'" >&2; exit 2; }

# Kafka 4 needs Java 17 for the broker; Debian 12's default JDK is 17. Maven fetches the jars.
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "java and mvn are needed; run as root or: apt-get install openjdk-17-jdk-headless maven" >&2; exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven openjdk-17-jdk-headless >/dev/null
fi

mkdir -p "$dir/data" "$dir/logs"

# --- jars: once per version, again only when the pom changed -----------------------------------
pom="$here/kafka/pom-$version.xml"
lib="$root_dir/kafka-$version-lib"
if [[ ! -f "$lib/.complete" || "$pom" -nt "$lib/.complete" ]]; then
  # The running broker's jars are about to be replaced: stop it first, it is restarted below.
  stop_broker
  echo "fetching Kafka $version jars from Maven Central into $lib" >&2
  rm -rf "$lib.tmp"
  mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$lib.tmp" >"$root_dir/kafka-$version-fetch.log" 2>&1 \
    || { cat "$root_dir/kafka-$version-fetch.log" >&2; exit 1; }
  # The marker holds the exact Kafka version, read back for connection.json.
  ls "$lib.tmp" | sed -n 's/^kafka_2\.13-\(.*\)\.jar$/\1/p' >"$lib.tmp/.complete"
  [[ -s "$lib.tmp/.complete" ]] || { echo "no kafka_2.13 jar in $lib.tmp" >&2; exit 1; }
  rm -rf "$lib" && mv "$lib.tmp" "$lib"
fi
kafka_version=$(cat "$lib/.complete")

# --- configuration -------------------------------------------------------------------------------
# Each file is rewritten only when its content changes, and a change restarts a running broker, so
# a second `start` with the same arguments touches nothing.
changed=0
write_if_changed() { # path, content on stdin
  local tmp="$1.new"; cat >"$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv "$tmp" "$1"; changed=1; fi
}

write_if_changed "$dir/server.properties" <<PROPS
# Written by scripts/kafka-instance.sh; edits are overwritten.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$broker_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$broker_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
# One node: every internal topic has one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# One partition for internal topics too: created in milliseconds on first use, and little to
# recover after a kill -9 (the defaults are 50 and 50 partitions).
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
# Consumers join a group at once instead of after the default 3 s.
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
num.partitions=1
# After a kill -9 the restarted broker cannot register until the controller has given up on its
# previous incarnation (DuplicateBrokerRegistrationException until the session times out): 3 s
# instead of the default 9 s makes the restart that much faster.
broker.session.timeout.ms=3000
broker.heartbeat.interval.ms=500
# A 2-core test machine: a few threads are plenty.
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
$(if [[ "$version" == 4 ]]; then printf '%s\n' \
  "share.coordinator.state.topic.replication.factor=1" \
  "share.coordinator.state.topic.min.isr=1" \
  "share.coordinator.state.topic.num.partitions=1"; fi)
PROPS

if [[ "$version" == 3.9 ]]; then
  # Kafka 3.x logs through slf4j to reload4j, configured by log4j.properties.
  log_opt="-Dlog4j.configuration=file:$dir/log4j.properties"
  write_if_changed "$dir/log4j.properties" <<'LOG'
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
LOG
else
  # Kafka 4 dropped log4j 1: it logs through slf4j to log4j2.
  log_opt="-Dlog4j2.configurationFile=$dir/log4j2.xml"
  write_if_changed "$dir/log4j2.xml" <<'LOG'
<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="warn">
  <Appenders>
    <RollingFile name="file" fileName="${sys:kafka.logs.dir}/server.log" filePattern="${sys:kafka.logs.dir}/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy max="2"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="file"/></Root>
    <Logger name="kafka.request.logger" level="warn"/>
    <Logger name="state.change.logger" level="warn"/>
  </Loggers>
</Configuration>
LOG
fi

# A copy, so start.sh works from the services dir alone, wherever the work tree is.
write_if_changed "$dir/broker-ready.py" <"$here/kafka/broker-ready.py"
write_if_changed "$dir/instance.env" <<ENV
VERSION=$version
KAFKA_VERSION=$kafka_version
BROKER_PORT=$broker_port
CONTROLLER_PORT=$controller_port
ENV

java_opts="-Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true -Dkafka.logs.dir=$dir/logs $log_opt"

write_if_changed "$dir/start.sh" <<START
#!/usr/bin/env bash
# Written by scripts/kafka-instance.sh: starts Kafka '$name' ($kafka_version) exactly as that script
# does and returns once it serves on 127.0.0.1:$broker_port. Tests run it after kill -9 of the
# broker. If the broker is already up it only waits for it. Waiting is bounded by
# \${INSTAQUERY_KAFKA_START_TIMEOUT:-60} seconds; on failure it prints the log tail and exits 1.
set -euo pipefail
dir='$dir'
pid_file="\$dir/kafka.pid"
alive() {
  local pid; pid=\$(cat "\$pid_file" 2>/dev/null) && [[ "\$pid" =~ ^[0-9]+\$ ]] && kill -0 "\$pid" 2>/dev/null \\
    && tr '\\0' ' ' <"/proc/\$pid/cmdline" 2>/dev/null | grep -qF "kafka.Kafka \$dir/server.properties"
}
if ! alive; then
  cd "\$dir"
  echo "--- start \$(date -Is)" >>"\$dir/logs/stdout.log"
  # setsid + nohup: the broker outlives this script and the shell (or test) that ran it.
  setsid nohup java $java_opts -cp '$lib/*' kafka.Kafka "\$dir/server.properties" \\
    >>"\$dir/logs/stdout.log" 2>&1 </dev/null &
  echo \$! >"\$pid_file"
fi
deadline=\$((SECONDS + \${INSTAQUERY_KAFKA_START_TIMEOUT:-60}))
until python3 "\$dir/broker-ready.py" 127.0.0.1 $broker_port 2 2>/dev/null; do
  if ! alive || (( SECONDS >= deadline )); then
    alive && reason="is not ready after \${INSTAQUERY_KAFKA_START_TIMEOUT:-60} s" || reason="exited"
    echo "kafka '$name' \$reason; the end of \$dir/logs/server.log and stdout.log:" >&2
    tail -n 40 "\$dir/logs/server.log" >&2 2>/dev/null || true
    tail -n 20 "\$dir/logs/stdout.log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
START
chmod +x "$dir/start.sh"

if (( changed )) && running_pid >/dev/null; then
  echo "kafka '$name': configuration changed, restarting" >&2
  stop_broker
fi

# --- storage: formatted once (it writes meta.properties and the bootstrap metadata) --------------
if [[ ! -f "$dir/data/meta.properties" ]]; then
  rm -rf "$dir/data" && mkdir -p "$dir/data"
  # kafka.tools.StorageTool is the kafka-storage.sh main class in 3.9 and 4.x alike.
  # shellcheck disable=SC2086 # java_opts is a list of options
  java $java_opts -cp "$lib/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
    >"$dir/logs/format.log" 2>&1 || { echo "formatting kafka '$name' storage failed:" >&2; cat "$dir/logs/format.log" >&2; exit 1; }
fi

if ! running_pid >/dev/null; then
  # Something else on our ports would make the broker die at bind, or worse, make the readiness
  # probe talk to the wrong server.
  for p in "$broker_port" "$controller_port"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "port 127.0.0.1:$p is taken by another process; kafka '$name' cannot start" >&2; exit 1
    fi
  done
fi
"$dir/start.sh"

cat >"$dir/connection.json" <<JSON
{"bootstrapServers":"127.0.0.1:$broker_port","version":"$kafka_version","controller":"127.0.0.1:$controller_port","clusterId":"$cluster_id","pidFile":"$pid_file","dataDir":"$dir/data","logFile":"$dir/logs/server.log","start":"$dir/start.sh","startCommand":"bash '$dir/start.sh'"}
JSON
echo "kafka '$name' $kafka_version ready on 127.0.0.1:$broker_port (dir $dir)" >&2
