#!/usr/bin/env bash
# Provision and start a private MariaDB 10.11 instance (own datadir, port, socket), idempotently.
#
#   scripts/mariadb-instance.sh start NAME PORT [extra mariadbd options...]
#   scripts/mariadb-instance.sh stop  NAME
#
# The instance lives in $INSTAQUERY_SERVICES_DIR/NAME (default /tmp/instaquery-services/NAME),
# binds 127.0.0.1 only, and by default has what CDC needs: log_bin, binlog_format=ROW,
# binlog_row_image=FULL, binlog_row_metadata=FULL, a server_id and GTID strict mode.
# Extra options are appended and win (e.g. --skip-log-bin, --binlog-format=STATEMENT).
# It writes NAME/connection.json with a TCP user that has every privilege:
#   {"host":"127.0.0.1","port":PORT,"user":"iq","password":"iq-secret","socket":...}
set -euo pipefail

cmd=${1:-}; name=${2:-}
[[ -n "$cmd" && -n "$name" ]] || { echo "usage: $0 start NAME PORT [mariadbd options...] | stop NAME" >&2; exit 2; }
root_dir=${INSTAQUERY_SERVICES_DIR:-/tmp/instaquery-services}
dir="$root_dir/$name"
sock="$dir/mysqld.sock"

ensure_installed() {
  if ! command -v mariadbd >/dev/null 2>&1 || ! command -v mariadb >/dev/null 2>&1; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "mariadb-server is not installed; run as root or: apt-get install mariadb-server mariadb-client" >&2
      exit 1
    fi
    echo "installing mariadb-server and mariadb-client from Debian's packages" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
  fi
}

alive() { mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; }

case "$cmd" in
  stop)
    if alive; then mariadb-admin --no-defaults --socket="$sock" -uroot shutdown; fi
    exit 0 ;;
  start) ;;
  *) echo "unknown command '$cmd': use start or stop" >&2; exit 2 ;;
esac

port=${3:-}
[[ "$port" =~ ^[0-9]+$ ]] || { echo "start needs a numeric PORT as third argument, got '$port'" >&2; exit 2; }
shift 3
ensure_installed
mkdir -p "$dir/binlog" "$dir/tmp"

if ! alive; then
  if [[ ! -d "$dir/data/mysql" ]]; then
    rm -rf "$dir/data"
    mariadb-install-db --no-defaults --datadir="$dir/data" --user="$(id -un)" \
      --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
      || { cat "$dir/install.log" >&2; exit 1; }
  fi
  # setsid + nohup: the server outlives this script and the shell that ran it.
  setsid nohup mariadbd --no-defaults --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$sock" --pid-file="$dir/mysqld.pid" --log-error="$dir/error.log" --user="$(id -un)" \
    --tmpdir="$dir/tmp" \
    --server-id=1 --log-bin="$dir/binlog/mysql-bin" --binlog-format=ROW --binlog-row-image=FULL \
    --binlog-row-metadata=FULL --gtid-strict-mode=1 --skip-name-resolve \
    --innodb-buffer-pool-size="${INSTAQUERY_MARIADB_BUFFER_POOL:-256M}" --innodb-flush-log-at-trx-commit=2 \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci "$@" \
    >/dev/null 2>&1 < /dev/null &
  for _ in $(seq 1 120); do alive && break; sleep 0.25; done
  alive || { echo "mariadbd '$name' did not start on port $port; its log:" >&2; tail -n 30 "$dir/error.log" >&2; exit 1; }
fi

mariadb --no-defaults --socket="$sock" -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'iq'@'127.0.0.1' IDENTIFIED BY 'iq-secret';
GRANT ALL PRIVILEGES ON *.* TO 'iq'@'127.0.0.1' WITH GRANT OPTION;
SQL
cat >"$dir/connection.json" <<JSON
{"host":"127.0.0.1","port":$port,"user":"iq","password":"iq-secret","socket":"$sock"}
JSON
echo "mariadb '$name' ready on 127.0.0.1:$port (datadir $dir/data)" >&2
