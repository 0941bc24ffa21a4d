// The system variables clients and tools read on connect (`SELECT @@version_comment LIMIT 1`
// from the mysql CLI, `@@max_allowed_packet` from drivers). Values mirror a MySQL 8.0 server.
import { readNameList } from './name-list.ts';
import { SERVER_VERSION } from './server.ts';

/** Every system variable MariaDB 10.11 or MySQL 8.0 has (scripts/mysql-builtin-functions.sh). */
const KNOWN = readNameList(new URL('./mysql-system-variables.txt', import.meta.url));

/** The variables a session starts with, by name: built once, on the first SET. */
let gatewayDefaults: ReadonlySet<string> | null = null;

/** A name MySQL or MariaDB knows, or one of the gateway's own (instaquery_*): SET of any other is error 1193. */
export function isSystemVariable(name: string): boolean {
  const n = name.toLowerCase();
  return KNOWN.has(n) || n.startsWith('instaquery_') || (gatewayDefaults ??= new Set(systemVariables().keys())).has(n);
}

/** A session's variables; `collationConnection` is the collation the client connected with. */
export function systemVariables(collationConnection = 'utf8mb4_general_ci'): Map<string, string> {
  return new Map([
    ['version', SERVER_VERSION],
    ['version_comment', 'instaquery (read-only MySQL-compatible gateway over DuckDB)'],
    ['max_allowed_packet', String(64 * 1024 * 1024)],
    ['autocommit', '1'],
    ['auto_increment_increment', '1'],
    ['auto_increment_offset', '1'],
    ['init_connect', ''],
    ['performance_schema', '0'],
    ['query_cache_size', '0'],
    ['query_cache_type', 'OFF'],
    ['have_query_cache', 'NO'],
    ['max_execution_time', '0'],
    ['net_read_timeout', '30'],
    ['session_track_schema', 'ON'],
    ['default_storage_engine', 'InnoDB'],
    ['version_compile_os', 'Linux'],
    ['sql_select_limit', '18446744073709551615'],
    ['sql_auto_is_null', '0'],
    ['character_set_database', 'utf8mb4'],
    ['collation_database', 'utf8mb4_general_ci'],
    ['explicit_defaults_for_timestamp', 'ON'],
    ['sql_mode', 'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'],
    ['character_set_client', 'utf8mb4'],
    ['character_set_connection', 'utf8mb4'],
    ['character_set_results', 'utf8mb4'],
    ['character_set_server', 'utf8mb4'],
    // String literals compare under it (dialect/collation.ts), as on the source.
    ['collation_connection', collationConnection],
    ['collation_server', 'utf8mb4_general_ci'],
    ['time_zone', 'SYSTEM'],
    ['system_time_zone', 'UTC'],
    ['transaction_isolation', 'REPEATABLE-READ'],
    ['tx_isolation', 'REPEATABLE-READ'],
    ['transaction_read_only', '1'],
    ['read_only', '1'],
    ['lower_case_table_names', '0'],
    ['wait_timeout', '28800'],
    ['interactive_timeout', '28800'],
    ['net_write_timeout', '60'],
    ['net_buffer_length', '16384'],
    ['license', 'Apache-2.0'],
    // Read-your-writes: a GTID every read waits for, and how long (seconds). See gateway/freshness.ts.
    ['instaquery_wait_for_gtid', ''],
    ['instaquery_wait_timeout', '10'],
  ]);
}

/**
 * Answers a SELECT made only of `@@[session.|global.]name [AS alias]` items with an optional
 * LIMIT, or returns null so the query goes to the engine.
 */
export function selectVariables(sql: string, vars: Map<string, string>, database: string | null): { names: string[]; values: (string | null)[] } | null {
  // Drivers put a comment first, e.g. Connector/J's "/* mysql-connector-j-9.1.0 … */SELECT @@…".
  const m = /^\s*select\s+(.+?)(?:\s+limit\s+\d+)?\s*;?\s*$/is.exec(sql.replace(/^(\s|\/\*[\s\S]*?\*\/|--[^\n]*\n|#[^\n]*\n)*/, ''));
  if (!m) return null;
  const items = m[1]!.split(',').map((s) => s.trim());
  const names: string[] = [];
  const values: (string | null)[] = [];
  for (const item of items) {
    const v = /^(@@(?:(?:session|global|local)\.)?([A-Za-z_]+)|database\(\)|schema\(\))(?:\s+(?:as\s+)?([`'"]?)([A-Za-z0-9_@.]+)\3)?$/i.exec(item);
    if (!v) return null;
    const variable = v[2]?.toLowerCase();
    if (variable !== undefined && !vars.has(variable)) return null;
    names.push(v[4] ?? v[1]!);
    values.push(variable === undefined ? database : vars.get(variable)!);
  }
  return { names, values };
}
