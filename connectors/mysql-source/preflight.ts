// Checks a source before anything is written: reachable, credentials right, binlog on in ROW
// format with full row images, and the replication privileges CDC needs. Each failure says what
// is wrong, where, and how to fix it.
import mysql from 'mysql2/promise';
import { UserFacingError, type SourceServer, type SourceVariable } from '../../core/index.ts';
import type { MySqlSourceConfig } from './config.ts';
import { connectionOptions } from './connection-options.ts';
import { flavorOf, type Flavor } from './flavor.ts';
import { readServerLists } from './server-lists.ts';

export interface SourceServerInfo {
  version: string;
  flavor: Flavor;
  serverId: number;
  /** Its identity and the variables clients read, for the gateway to present (core/source-server.ts). */
  identity: SourceServer;
}

/**
 * The variables drivers and tools read on connect (Connector/J, MariaDB Connector/J, the mysql
 * CLI, PyMySQL, DBeaver, Workbench), or the gateway types its own answer for (autocommit,
 * character sets). Those the server lacks (tx_isolation on MySQL 8, transaction_isolation on
 * MariaDB) are left out, as the server would refuse them. Host-revealing ones (datadir,
 * hostname, socket, port) are not read: gateway users are not the source's users.
 */
const CLIENT_VARIABLES = [
  'version', 'version_comment', 'version_compile_os', 'version_compile_machine', 'protocol_version', 'license',
  'sql_mode', 'max_allowed_packet', 'net_buffer_length', 'lower_case_table_names',
  'character_set_server', 'collation_server', 'character_set_database', 'collation_database', 'character_set_system', 'character_set_filesystem',
  'character_set_client', 'character_set_connection', 'character_set_results', 'collation_connection',
  'time_zone', 'system_time_zone', 'tx_isolation', 'transaction_isolation', 'tx_read_only', 'transaction_read_only', 'read_only',
  'autocommit', 'auto_increment_increment', 'auto_increment_offset', 'div_precision_increment', 'group_concat_max_len',
  'default_storage_engine', 'default_week_format', 'lc_time_names', 'explicit_defaults_for_timestamp', 'sql_auto_is_null', 'sql_select_limit',
  'net_read_timeout', 'net_write_timeout', 'wait_timeout', 'interactive_timeout',
  'have_query_cache', 'query_cache_size', 'query_cache_type', 'performance_schema', 'init_connect',
  'session_track_schema', 'max_execution_time', 'max_statement_time',
];

/**
 * The server's identity and client variables: their values as SHOW VARIABLES prints them, and
 * the column each `SELECT @@name` is sent as (read from the server's own column definitions).
 */
export async function readSourceServer(conn: mysql.Connection, flavor: Flavor): Promise<SourceServer> {
  const [shown] = await conn.query('SHOW SESSION VARIABLES');
  const values = new Map((shown as Rows).map((r) => [String(r.Variable_name).toLowerCase(), r.Value === null ? null : String(r.Value)]));
  // A session's sql_mode carries IGNORE_SPACE when its client asks for it (this connection's
  // driver does); a client's session starts from the global value.
  const [globalMode] = await conn.query('SELECT @@GLOBAL.sql_mode AS m');
  if (values.has('sql_mode')) values.set('sql_mode', String((globalMode as Rows)[0]!.m));
  const names = CLIENT_VARIABLES.filter((n) => values.has(n));
  const [, fields] = await conn.query(`SELECT ${names.map((n) => `@@${n}`).join(', ')} LIMIT 0`);
  const variables: SourceVariable[] = names.map((name, i) => {
    const f = (fields as mysql.FieldPacket[])[i]!;
    return { name, value: values.get(name) ?? null, type: Number(f.columnType ?? f.type), flags: Number(f.flags), decimals: f.decimals, length: f.columnLength ?? 0 };
  });
  return { flavor: flavor.name, version: values.get('version') ?? '', variables, variableNames: [...values.keys()].sort(), timeZoneNames: await readTimeZoneNames(conn), lists: await readServerLists(conn) };
}

/** The names in the server's time-zone tables; null when this account may not read them. */
async function readTimeZoneNames(conn: mysql.Connection): Promise<string[] | null> {
  try {
    const [rows] = await conn.query('SELECT Name AS name FROM mysql.time_zone_name ORDER BY Name');
    return (rows as Rows).map((r) => String(r.name));
  } catch {
    return null;
  }
}

function where(config: MySqlSourceConfig): string {
  return `${config['database.hostname']}:${config['database.port']}`;
}

export async function connectSource(config: MySqlSourceConfig): Promise<mysql.Connection> {
  try {
    const conn = await mysql.createConnection(connectionOptions(config));
    // A server that goes away between queries makes the connection emit 'error'; the next query
    // reports it to whoever runs it, so the event itself must not crash the process.
    conn.on('error', () => undefined);
    return conn;
  } catch (err) {
    throw explainConnectError(err, config);
  }
}

function explainConnectError(err: unknown, config: MySqlSourceConfig): UserFacingError {
  const e = err as { code?: string; errno?: number; message?: string };
  const at = where(config);
  if (e.code === 'ER_ACCESS_DENIED_ERROR' || e.errno === 1045) {
    return new UserFacingError(
      `the source MySQL at ${at} refused user '${config['database.user']}': access denied (wrong database.user or database.password)`,
      'check database.user and database.password in the connector config',
    );
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ETIMEDOUT' || e.code === 'ENOTFOUND' || e.code === 'EHOSTUNREACH' || e.code === 'EAI_AGAIN') {
    return new UserFacingError(
      `cannot reach the source MySQL at ${at} (${e.code})`,
      'check database.hostname and database.port, and that the server is running and accepts TCP connections',
    );
  }
  return new UserFacingError(`cannot connect to the source MySQL at ${at}: ${e.message ?? String(err)}`);
}

type Rows = Record<string, unknown>[];

export async function preflight(config: MySqlSourceConfig): Promise<SourceServerInfo> {
  const conn = await connectSource(config);
  try {
    const [rows] = await conn.query(
      'SELECT @@version AS version, @@log_bin AS log_bin, @@binlog_format AS binlog_format, @@binlog_row_image AS row_image, @@server_id AS server_id',
    );
    const v = (rows as Rows)[0] ?? {};
    const at = where(config);
    if (Number(v.log_bin) !== 1) {
      throw new UserFacingError(
        `binary logging is off on the source MySQL at ${at} (log_bin=OFF): change data capture reads the binlog`,
        'start the server with log_bin and binlog_format=ROW (e.g. in my.cnf: log_bin=mysql-bin, binlog_format=ROW, server_id=1) and restart it',
      );
    }
    if (String(v.binlog_format).toUpperCase() !== 'ROW') {
      throw new UserFacingError(
        `binlog_format is ${String(v.binlog_format)} on the source MySQL at ${at}; change data capture needs ROW`,
        "run SET GLOBAL binlog_format='ROW' and set binlog_format=ROW in my.cnf so it survives a restart",
      );
    }
    if (String(v.row_image).toUpperCase() !== 'FULL') {
      throw new UserFacingError(
        `binlog_row_image is ${String(v.row_image)} on the source MySQL at ${at}; change data capture needs FULL row images`,
        "run SET GLOBAL binlog_row_image='FULL' and set it in my.cnf",
      );
    }
    await checkReplicationPrivileges(conn, config);
    const version = String(v.version);
    const flavor = flavorOf(version);
    return { version, flavor, serverId: Number(v.server_id), identity: await readSourceServer(conn, flavor) };
  } finally {
    await conn.end().catch(() => undefined);
  }
}

async function checkReplicationPrivileges(conn: mysql.Connection, config: MySqlSourceConfig): Promise<void> {
  const [rows] = await conn.query('SHOW GRANTS');
  const grants = (rows as Rows).map((r) => String(Object.values(r)[0])).filter((g) => / ON \*\.\* /i.test(g));
  const has = (re: RegExp) => grants.some((g) => /ALL PRIVILEGES/i.test(g) || re.test(g));
  const missing: string[] = [];
  // REPLICATION SLAVE lets the connector request the binlog stream (COM_BINLOG_DUMP).
  if (!has(/REPLICATION SLAVE(?! ADMIN)|REPLICATION REPLICA(?! ADMIN)/i)) missing.push('REPLICATION SLAVE');
  // REPLICATION CLIENT (MariaDB 10.5+: BINLOG MONITOR) lets it read binlog positions.
  if (!has(/REPLICATION CLIENT|BINLOG MONITOR/i)) missing.push('REPLICATION CLIENT');
  if (missing.length > 0) {
    const user = config['database.user'];
    throw new UserFacingError(
      `user '${user}' on the source MySQL at ${where(config)} lacks the ${missing.join(' and ')} privilege${missing.length > 1 ? 's' : ''} that change data capture needs`,
      `GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '${user}'@'<host>'`,
    );
  }
}
