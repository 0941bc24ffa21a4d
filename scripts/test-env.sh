#!/usr/bin/env bash
# Provisions and starts every service the test suite needs, idempotently, on a fresh Debian
# machine (as root) or on one where they already run. Tests read connection details from
# $INSTAQUERY_SERVICES_DIR/<name>/connection.json.
#   main       127.0.0.1:3316  binlog ROW, FULL row images, GTID: the CDC source
#   nobinlog   127.0.0.1:3317  log_bin off: for the "binlog off" error
#   statement  127.0.0.1:3318  binlog_format=STATEMENT: for the "not ROW" error
#   spare      127.0.0.1:3319  like main, for tests that restart the server or purge its binlogs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
INSTAQUERY_MARIADB_BUFFER_POOL=512M "$here/mariadb-instance.sh" start main 3316
# main has the time-zone tables (CONVERT_TZ with zone names, SET time_zone = 'Europe/Berlin'), as
# most servers do; the others have none, as a fresh install. Loaded once, outside the binlog.
main_sock="${INSTAQUERY_SERVICES_DIR:-/tmp/instaquery-services}/main/mysqld.sock"
if [ "$(mariadb --no-defaults -S "$main_sock" -uroot -N -e 'SELECT COUNT(*) FROM mysql.time_zone_name')" = "0" ]; then
  { echo 'SET SESSION sql_log_bin = 0;'; mariadb-tzinfo-to-sql /usr/share/zoneinfo 2>/dev/null; } | mariadb --no-defaults -S "$main_sock" -uroot mysql
fi
INSTAQUERY_MARIADB_BUFFER_POOL=32M "$here/mariadb-instance.sh" start nobinlog 3317 --skip-log-bin
INSTAQUERY_MARIADB_BUFFER_POOL=32M "$here/mariadb-instance.sh" start statement 3318 --binlog-format=STATEMENT
# spare: a CDC source the tests may restart and purge binlogs on, away from the shared one.
INSTAQUERY_MARIADB_BUFFER_POOL=64M "$here/mariadb-instance.sh" start spare 3319

# Real client libraries for the gateway's client tests: JDBC drivers from Maven Central (built
# once into the services directory) and PyMySQL from Debian.
services="${INSTAQUERY_SERVICES_DIR:-/tmp/instaquery-services}"
if ! command -v mvn >/dev/null || ! command -v javac >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven openjdk-17-jdk-headless >/dev/null
fi
jdbc="$services/jdbc"
if [ ! -f "$jdbc/classes/QueryRunner.class" ] || [ "$here/../test/clients/jdbc/QueryRunner.java" -nt "$jdbc/classes/QueryRunner.class" ] || [ "$here/../test/clients/jdbc/pom.xml" -nt "$jdbc/classes/QueryRunner.class" ]; then
  rm -rf "$jdbc" && mkdir -p "$jdbc/classes"
  mvn -q -B -f "$here/../test/clients/jdbc/pom.xml" dependency:copy-dependencies -DoutputDirectory="$jdbc/lib"
  javac -d "$jdbc/classes" "$here/../test/clients/jdbc/QueryRunner.java"
fi
# Debian's python3 (/usr/bin), not a pyenv one on PATH, is the one python3-pymysql serves.
if ! /usr/bin/python3 -c 'import pymysql' 2>/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-pymysql >/dev/null
fi
# Debian's docker-compose (v1) parses and validates compose files without a Docker engine:
# test/integration/deployment.test.ts checks docker-compose.yml with it. No recommends: they
# would pull in docker.io, an engine nothing here runs.
if ! command -v docker-compose >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker-compose >/dev/null
fi

# Kafka-mode integration tests: real single-node KRaft brokers from Maven Central jars (see
# scripts/kafka-instance.sh; each writes $services/NAME/connection.json with a startCommand that
# restarts the broker after a kill -9). Java 17 and Maven are installed above.
#   kafka39  127.0.0.1:19092 (controller 19093)  Apache Kafka 3.9.x
#   kafka4   127.0.0.1:19192 (controller 19193)  Apache Kafka 4.x
"$here/kafka-instance.sh" start kafka39 3.9 19092 19093
"$here/kafka-instance.sh" start kafka4 4 19192 19193
# kcat, to look at topics from tests and by hand. Debian's build has no Avro/schema-registry
# support (`kcat -V` lists no "Avro"), so it cannot decode Confluent-wire Avro.
if ! command -v kcat >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q kcat >/dev/null
fi

# Confluent-compatible schema registry for the Avro tests: Apicurio Registry 2.4.2.Final, in-memory
# storage, built from Maven Central jars (see scripts/registry-instance.sh). Its ccompat API is
# http://127.0.0.1:18081/apis/ccompat/v6 ($services/registry/connection.json, with a startCommand
# that restarts it, empty, after a kill -9).
"$here/registry-instance.sh" start registry 18081

# A standard Avro consumer and producer with the schema registry, for the Kafka interop tests:
# Confluent's confluent-kafka client (PyPI wheel, librdkafka inside) in its own virtualenv.
# Debian's kcat would be the natural reader, but its build lacks Avro/schema-registry support.
avro_client="$services/avro-client"
requirements="$here/../test/clients/avro/requirements.txt"
if [ ! -x "$avro_client/venv/bin/python" ] || ! cmp -s "$requirements" "$avro_client/requirements.txt"; then
  rm -rf "$avro_client" && mkdir -p "$avro_client"
  python3 -m venv "$avro_client/venv"
  "$avro_client/venv/bin/pip" install -q -r "$requirements"
  cp "$requirements" "$avro_client/requirements.txt"
fi

# Browser tests of the admin UI: Debian's Chromium, driven by playwright-core (no browser download).
if [ ! -x /usr/bin/chromium ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null
fi
