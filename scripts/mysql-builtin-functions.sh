#!/usr/bin/env bash
# Writes two name lists the gateway reads, from the server's own catalog:
#   gateway/mysql-builtin-functions.txt: built-in function names, from the help tables
#     (mysql.help_topic, filled by mariadb-install-db). Only statements calling these are
#     forwarded upstream (gateway/forwarding-policy.ts): any other name is a stored function.
#   gateway/mysql-system-variables.txt: system variable names (information_schema.SYSTEM_VARIABLES),
#     plus MySQL 8.0's own that MariaDB lacks: SET of any other name is error 1193, as in MySQL.
# One lower- or upper-case name a line.
#   scripts/mysql-builtin-functions.sh [mariadb client args…]   e.g. -S /tmp/instaquery-services/main/mysqld.sock -uroot
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$(mariadb "$@" -N -e 'SELECT VERSION()')
functions="$here/../gateway/mysql-builtin-functions.txt"
{
  echo "# Built-in function names of MariaDB $version, from mysql.help_topic (scripts/mysql-builtin-functions.sh)"
  mariadb "$@" -N -r -e "SELECT name FROM mysql.help_topic" \
    | sed -e 's/\\_/_/g' -e 's/ [Ff][Uu][Nn][Cc][Tt][Ii][Oo][Nn]$//' \
    | tr '[:lower:]' '[:upper:]' | grep -E '^[A-Z_][A-Z0-9_]*$' | sort -u
} > "$functions"
variables="$here/../gateway/mysql-system-variables.txt"
# MySQL 8.0 variables that drivers and tools set or read, absent from MariaDB 10.11.
mysql8="max_execution_time transaction_isolation transaction_read_only resultset_metadata default_collation_for_utf8mb4
sql_require_primary_key information_schema_stats_expiry windowing_use_high_precision internal_tmp_mem_storage_engine
cte_max_recursion_depth generated_random_password_length show_create_table_verbosity select_into_buffer_size
select_into_disk_sync session_track_gtids sql_generate_invisible_primary_key show_gipk_in_create_table_and_information_schema
original_commit_timestamp immediate_server_version explain_format regexp_time_limit regexp_stack_limit
protocol_compression_algorithms require_row_format print_identified_with_as_hex terminology_use_previous"
{
  echo "# System variable names of MariaDB $version (information_schema.SYSTEM_VARIABLES) and MySQL 8.0's own (scripts/mysql-builtin-functions.sh)"
  { mariadb "$@" -N -r -e "SELECT LOWER(VARIABLE_NAME) FROM information_schema.SYSTEM_VARIABLES"; tr ' ' '\n' <<< "$mysql8"; } | grep -E '^[a-z_][a-z0-9_]*$' | sort -u
} > "$variables"
echo "wrote $(grep -vc '^#' "$functions") function names to $functions, $(grep -vc '^#' "$variables") variable names to $variables"
