// The system variables clients and tools read on connect (`SELECT @@version_comment LIMIT 1`
// from the mysql CLI, `@@max_allowed_packet` from drivers). The gateway presents itself as the
// source server the store recorded (`_instaquery.source_server`, read by the source connector):
// its version, its variables' values and result column types, and only the variable names its
// flavor has. With no record (Kafka mode, or before any source connected) the values mirror a
// MySQL 8.0 server, as below.
import type { SourceServer, SourceServerLists, SourceVariable } from '../core/index.ts';
import { readNameList } from './name-list.ts';
import { SERVER_VERSION } from './server.ts';
import { Charset, ColumnFlag, ColumnType } from './protocol/constants.ts';
import { SqlError } from './sql-errors.ts';
import type { ResultColumn } from './result-set.ts';

/** Every system variable MariaDB 10.11 or MySQL 8.0 has (scripts/mysql-builtin-functions.sh). */
const KNOWN = readNameList(new URL('./mysql-system-variables.txt', import.meta.url));

/**
 * Values that are the gateway's whatever the source says: it is read-only, autocommits, runs no
 * init_connect, has no performance_schema, and the character sets are the client's connection's.
 */
const GATEWAY_VALUES = new Set([
  'autocommit', 'read_only', 'tx_read_only', 'transaction_read_only', 'character_set_client', 'character_set_connection',
  'character_set_results', 'collation_connection', 'init_connect', 'performance_schema', 'session_track_schema', 'max_execution_time',
]);

/** The gateway's own variables, there whatever the flavor (max_execution_time is enforced here, see README). */
const gatewayOwn = (name: string) => name.startsWith('instaquery_') || name === 'max_execution_time';

/** How the gateway presents itself: as the recorded source server, or as MySQL 8.0 without one. */
export interface ServerProfile {
  flavor: 'mariadb' | 'mysql' | null;
  /** The version the handshake sends (MariaDB's carries the `5.5.5-` prefix MariaDB itself sends). */
  handshakeVersion: string;
  /** The source's variables by name: values and the column each is sent as. */
  source: ReadonlyMap<string, SourceVariable>;
  /** The variable names SET and SELECT @@ accept: the flavor's and the gateway's own. */
  knows(name: string): boolean;
  /** Decimals of a string result column (MariaDB 39, MySQL 31). */
  textDecimals: number;
  /** A zone name as the source's time-zone tables hold it (case and trailing spaces aside); null: not there; undefined: not known. */
  timeZone(name: string): string | null | undefined;
  /** The source's SHOW ENGINES / CHARACTER SET / COLLATION lists; null: not recorded. */
  lists: SourceServerLists | null;
  /** Every variable name the source has ([] without a record): SHOW VARIABLES must not silently omit one. */
  variableNames: readonly string[];
}

/** Looks a name up in the source's time-zone names as MariaDB does (utf8mb3_general_ci: case-blind). */
function timeZoneLookup(names: string[] | null | undefined): (name: string) => string | null | undefined {
  if (!names) return () => undefined;
  let byKey: Map<string, string> | null = null;
  return (name) => (byKey ??= new Map(names.map((n) => [n.toLowerCase(), n]))).get(name.replace(/ +$/, '').toLowerCase()) ?? null;
}

function profileOf(server: SourceServer | null): ServerProfile {
  if (!server) {
    let defaults: ReadonlySet<string> | null = null;
    return {
      flavor: null,
      handshakeVersion: SERVER_VERSION,
      source: new Map(),
      knows: (n) => KNOWN.has(n) || gatewayOwn(n) || (defaults ??= new Set(systemVariables().keys())).has(n),
      textDecimals: 31,
      timeZone: () => undefined,
      lists: null,
      variableNames: [],
    };
  }
  const names = new Set(server.variableNames);
  const source = new Map(server.variables.map((v) => [v.name, v]));
  // MariaDB prefixes its version so that old MySQL clients, which read the first digits as the
  // protocol generation, accept it; its own clients strip the prefix (MariaDB 10.11 sends
  // "5.5.5-10.11.x-MariaDB…").
  const handshakeVersion = server.flavor === 'mariadb' && !server.version.startsWith('5.5.5-') ? `5.5.5-${server.version}` : server.version;
  return {
    flavor: server.flavor,
    handshakeVersion,
    source,
    knows: (n) => names.has(n) || gatewayOwn(n),
    textDecimals: source.get('version')?.decimals ?? (server.flavor === 'mariadb' ? 39 : 31),
    timeZone: timeZoneLookup(server.timeZoneNames),
    lists: server.lists ?? null,
    variableNames: server.variableNames,
  };
}

/** The profile with no source recorded. */
export const DEFAULT_PROFILE = profileOf(null);

/** The profile of a source server. */
export const serverProfile = profileOf;

/**
 * The first source's profile, as the store recorded it (`order`: connector names, first first).
 * A record is kept for a few seconds (a source reconnecting to an upgraded server records anew);
 * no record yet is asked again at the next connection.
 */
export class ServerProfiles {
  private cached: { at: number; profile: ServerProfile } | null = null;

  constructor(
    private readonly read: () => Promise<Map<string, SourceServer>>,
    private readonly order: () => string[],
  ) {}

  async current(): Promise<ServerProfile> {
    if (this.cached && Date.now() - this.cached.at < 5000) return this.cached.profile;
    let servers: Map<string, SourceServer>;
    try {
      servers = await this.read();
    } catch {
      return DEFAULT_PROFILE;
    }
    const name = this.order().find((n) => servers.has(n)) ?? servers.keys().next().value;
    if (name === undefined) return DEFAULT_PROFILE;
    this.cached = { at: Date.now(), profile: profileOf(servers.get(name)!) };
    return this.cached.profile;
  }
}

/** A name the server's flavor knows, or one of the gateway's own (instaquery_*): SET of any other is error 1193. */
export function isSystemVariable(name: string, profile: ServerProfile = DEFAULT_PROFILE): boolean {
  return profile.knows(name.toLowerCase());
}

/**
 * A session's variables; `collationConnection` is the collation the client connected with. The
 * gateway's defaults, less the names the source's flavor lacks, with the source's values.
 */
export function systemVariables(collationConnection = 'utf8mb4_general_ci', profile: ServerProfile = DEFAULT_PROFILE): Map<string, string> {
  const vars = gatewayDefaults(collationConnection);
  if (profile.flavor === null) return vars;
  for (const name of vars.keys()) if (!profile.knows(name)) vars.delete(name);
  for (const v of profile.source.values()) if (!GATEWAY_VALUES.has(v.name) && v.value !== null) vars.set(v.name, v.value);
  return vars;
}

function gatewayDefaults(collationConnection: string): Map<string, string> {
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
    // The server is read-only (read_only, every write refused with 1290), while a session's
    // transactions are READ WRITE until it says otherwise, as on a read-only MariaDB or MySQL
    // (SET SESSION TRANSACTION READ ONLY sets them: gateway/lock-statements.ts).
    ['transaction_read_only', '0'],
    ['tx_read_only', '0'],
    ['read_only', '1'],
    ['lower_case_table_names', '0'],
    ['wait_timeout', '28800'],
    ['interactive_timeout', '28800'],
    ['group_concat_max_len', '1024'],
    ['div_precision_increment', '4'],
    ['net_write_timeout', '60'],
    ['net_buffer_length', '16384'],
    ['license', 'Apache-2.0'],
    // Read-your-writes: a GTID every read waits for, and how long (seconds). See gateway/freshness.ts.
    ['instaquery_wait_for_gtid', ''],
    ['instaquery_wait_timeout', '10'],
  ]);
}

/** Booleans MySQL 8.0 sends as a signed one-digit BIGINT, for the profile without a source. */
const BOOLEANS = new Set(['autocommit', 'read_only', 'tx_read_only', 'transaction_read_only', 'sql_auto_is_null', 'performance_schema', 'session_track_schema', 'explicit_defaults_for_timestamp']);

/** The column `SELECT @@name` is sent as: the source's, else BIGINT for numbers and VARCHAR for text. */
function variableColumn(label: string, name: string, value: string | null, profile: ServerProfile, textCharset: number): { column: ResultColumn; value: string | null } {
  const base = { schema: '', table: '', orgTable: '', name: label, orgName: label };
  const v = profile.source.get(name);
  const numeric = v ? v.type !== ColumnType.VAR_STRING && v.type !== ColumnType.VARCHAR && v.type !== ColumnType.STRING : BOOLEANS.has(name) || /^\d+$/.test(value ?? '');
  if (numeric) {
    const boolean = v ? v.length === 1 : BOOLEANS.has(name);
    const column = v
      ? { ...base, charset: Charset.BINARY, length: v.length, type: v.type, flags: v.flags, decimals: v.decimals }
      : { ...base, charset: Charset.BINARY, length: boolean ? 1 : 21, type: ColumnType.LONGLONG, flags: ColumnFlag.BINARY | (boolean ? 0 : ColumnFlag.UNSIGNED), decimals: 0 };
    // SHOW VARIABLES prints booleans ON/OFF; SELECT @@ sends them as 1/0.
    const upper = value?.toUpperCase();
    return { column, value: upper === 'ON' || upper === 'TRUE' ? '1' : upper === 'OFF' || upper === 'FALSE' ? '0' : value };
  }
  // A string is as long as its value, in the result's utf8mb4 (4 bytes a character).
  const length = [...(value ?? '')].length * 4;
  return { column: { ...base, charset: textCharset, length, type: ColumnType.VAR_STRING, flags: 0, decimals: profile.textDecimals }, value };
}

/** DATABASE() and SCHEMA(): a nullable VARCHAR(64), as the server sends it. */
function databaseColumn(label: string, profile: ServerProfile, textCharset: number): ResultColumn {
  return { schema: '', table: '', orgTable: '', name: label, orgName: label, charset: textCharset, length: 64 * 4, type: ColumnType.VAR_STRING, flags: 0, decimals: profile.textDecimals };
}

export interface VariablesAnswer {
  names: string[];
  values: (string | null)[];
  columns: ResultColumn[];
}

/**
 * Answers a SELECT made only of `@@[session.|global.]name [AS alias]` items with an optional
 * LIMIT, or returns null so the query goes to the engine. A name the server's flavor does not
 * have is its error 1193, as on the server.
 */
export function selectVariables(sql: string, vars: Map<string, string>, database: string | null, profile: ServerProfile = DEFAULT_PROFILE, textCharset: number = Charset.UTF8MB4_GENERAL_CI): VariablesAnswer | null {
  // Drivers put a comment first, e.g. Connector/J's "/* mysql-connector-j-9.1.0 … */SELECT @@…".
  const m = /^\s*select\s+(.+?)(?:\s+limit\s+\d+)?\s*;?\s*$/is.exec(sql.replace(/^(\s|\/\*[\s\S]*?\*\/|--[^\n]*\n|#[^\n]*\n)*/, ''));
  if (!m) return null;
  const items = m[1]!.split(',').map((s) => s.trim());
  const answer: VariablesAnswer = { names: [], values: [], columns: [] };
  const parsed = items.map((item) => /^(@@(?:(?:session|global|local)\.)?([A-Za-z_]+)|database\(\)|schema\(\))(?:\s+(?:as\s+)?([`'"]?)([A-Za-z0-9_@.]+)\3)?$/i.exec(item));
  if (parsed.some((v) => !v)) return null;
  for (const v of parsed) {
    const variable = v![2]?.toLowerCase();
    if (variable !== undefined && !profile.knows(variable)) throw new SqlError('UNKNOWN_SYSTEM_VARIABLE', `Unknown system variable '${variable}'`);
  }
  for (const v of parsed) {
    const variable = v![2]?.toLowerCase();
    if (variable !== undefined && !vars.has(variable)) return null;
    const label = v![4] ?? v![1]!;
    answer.names.push(label);
    if (variable === undefined) {
      answer.values.push(database);
      answer.columns.push(databaseColumn(label, profile, textCharset));
    } else {
      const { column, value } = variableColumn(label, variable, vars.get(variable)!, profile, textCharset);
      answer.values.push(value);
      answer.columns.push(column);
    }
  }
  return answer;
}
