// The security suite's shared setup: a fresh pair of source databases on the main MariaDB (one the
// `limited` gateway user may read, one it may not, holding SENTINEL values), bait files on the
// host, a WATCH directory attacks try to write into, and a real `instaquery start` process whose
// config carries sentinel passwords. Then: the attack corpus (attacks.jsonl), a runner that sends
// a statement as text, prepared (binary protocol), multi-statement or as a raw protocol command,
// and the checks every answer goes through (no sentinel, the expected MySQL error, no file made).
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect as netConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';

export type Who = 'limited' | 'admin';
/**
 * How an attack is sent: `text` (COM_QUERY, no multi-statement capability), `prepared`
 * (COM_STMT_PREPARE + EXECUTE through mysql2's execute), `multi` (COM_QUERY with
 * CLIENT_MULTI_STATEMENTS), `nodb` (text, on a connection without a default database), and raw
 * protocol commands: `field_list` (COM_FIELD_LIST; sql = the table argument) and `init_db`
 * (COM_INIT_DB; sql = the database name), and `connect_db` (a login naming sql as its database).
 */
export type Mode = 'text' | 'prepared' | 'multi' | 'nodb' | 'field_list' | 'init_db' | 'connect_db';

export interface Attack {
  category: string;
  sql: string;
  as: Who | 'both';
  mode: Mode;
  /** What `limited` must get (see checkExpectation); default: the category's rule. */
  expect?: string;
  /** What `admin` must get; default: `expect`, else the category's rule. */
  expectAdmin?: string;
  /** Strings (placeholders allowed) that must not appear in the answer. */
  absent?: string[];
  /** Values bound to the `?` of a prepared statement (strings may hold placeholders). */
  params?: (string | number | null)[];
  /** 1-based line in attacks.jsonl. */
  line: number;
}

const MODES: ReadonlySet<string> = new Set(['text', 'prepared', 'multi', 'nodb', 'field_list', 'init_db', 'connect_db']);

/** The corpus, read synchronously so tests can be declared per category. */
export function loadAttacks(file = 'attacks.jsonl'): Attack[] {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  const attacks: Attack[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('//')) return;
    let a: Attack;
    try {
      a = JSON.parse(raw) as Attack;
    } catch (err) {
      throw new Error(`${file} line ${i + 1}: ${(err as Error).message}`);
    }
    if (typeof a.category !== 'string' || typeof a.sql !== 'string' || !['limited', 'admin', 'both'].includes(a.as) || !MODES.has(a.mode)) {
      throw new Error(`${file} line ${i + 1}: needs category, sql, as (limited|admin|both), mode (${[...MODES].join('|')})`);
    }
    attacks.push({ ...a, line: i + 1 });
  });
  return attacks;
}

/** Reads first; what might change the session, the settings or the store last. */
const CATEGORY_ORDER = ['control', 'cross-db-join', 'cte', 'subquery', 'derived-table', 'set-operation', 'multi-statement', 'prepared', 'versioned-comment', 'escape', 'comment', 'identifier', 'explain', 'catalog-info', 'protocol-command', 'internal-schema', 'file-function', 'session', 'settings', 'write', 'duckdb-statement'];

/** The corpus's categories, in the order they run. */
export function categoriesOf(attacks: Attack[]): string[] {
  const present = [...new Set(attacks.map((a) => a.category))];
  return [...CATEGORY_ORDER.filter((c) => present.includes(c)), ...present.filter((c) => !CATEGORY_ORDER.includes(c))];
}

const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();

export interface Sentinel {
  label: string;
  value: string;
  /** secret: the forbidden database's data (admin may read it); host: bait files, config, environment. */
  kind: 'secret' | 'host';
}

export interface SecurityEnv {
  suffix: string;
  allowedDb: string;
  secretDb: string;
  /** A table only the secret database has; its name, and its column's, must never reach `limited` unasked. */
  vaultTable: string;
  vaultColumn: string;
  sentinels: Sentinel[];
  users: Record<Who, { user: string; password: string }>;
  port: number;
  configPath: string;
  dataDir: string;
  storeFile: string;
  tempRoot: string;
  baitDir: string;
  bait: { csv: string; json: string; ndjson: string; txt: string; parquet: string; duckdb: string };
  watchDir: string;
  /** The MariaDB account the connector reads with (sentinel password), dropped at the end. */
  cdcUser: string;
  proc: InstaqueryProcess;
  upstream?: { host: string; port: number; user: string; password: string };
  stop(): Promise<void>;
}

export interface EnvOptions {
  /** gateway.upstream: forward refused SELECTs to the main MariaDB as the iq user (who can read everything). */
  upstream?: boolean;
}

/** Sets up databases, bait, config and the instaquery process; resolves once every table and view is queryable. */
export async function startSecurityEnv(name: string, options: EnvOptions = {}): Promise<SecurityEnv> {
  const suffix = randomBytes(4).toString('hex');
  const allowedDb = `sec_rb_${suffix}`;
  const secretDb = `secret_${suffix}`;
  const vaultTable = `vault_${suffix}`;
  const vaultColumn = `vc_${suffix}`;
  const sentinels: Sentinel[] = [];
  const sentinel = (label: string, kind: Sentinel['kind']) => {
    const value = `ZZ${label.replace(/[^A-Z0-9]/gi, '').toUpperCase()}Z${hex(8)}`;
    sentinels.push({ label, value, kind });
    return value;
  };
  const s = {
    key1: sentinel('key1', 'secret'),
    key2: sentinel('key2', 'secret'),
    key3: sentinel('key3', 'secret'),
    keyDefault: sentinel('keydefault', 'secret'),
    comment: sentinel('comment', 'secret'),
    t1: sentinel('t1', 'secret'),
    t2: sentinel('t2', 'secret'),
    vault: sentinel('vault', 'secret'),
    cust: sentinel('cust', 'secret'),
    city: sentinel('city', 'secret'),
    viewdef: sentinel('viewdef', 'secret'),
    pwLimited: sentinel('pwlimited', 'host'),
    pwAdmin: sentinel('pwadmin', 'host'),
    pwCdc: sentinel('pwcdc', 'host'),
    restToken: sentinel('resttoken', 'host'),
    env: sentinel('env', 'host'),
    csvHead: sentinel('csvhead', 'host'),
    csv: sentinel('csv', 'host'),
    json: sentinel('json', 'host'),
    ndjson: sentinel('ndjson', 'host'),
    txt: sentinel('txt', 'host'),
    parquet: sentinel('parquet', 'host'),
    duckdb: sentinel('duckdb', 'host'),
    // A number, for the secret sequence.
    sequence: String(7_300_000_000_000 + Math.floor(Math.random() * 99_999_999_999)),
  };
  sentinels.push({ label: 'sequence', value: s.sequence, kind: 'secret' });

  // Source data.
  await freshDatabase(allowedDb);
  await freshDatabase(secretDb);
  const source = await connectSource();
  const cdcUser = `sec_cdc_${suffix}`;
  try {
    await source.query(`USE \`${allowedDb}\``);
    for (const sql of [
      'CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(40))',
      "INSERT INTO customers VALUES (1, 'Ada', 'Paris'), (2, 'Bob', 'Oslo'), (3, 'Cyd', 'Rome')",
      'CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), note VARCHAR(40))',
      "INSERT INTO orders VALUES (10, 1, 12.50, 'first'), (11, 1, 7.25, 'second'), (12, 2, 99.00, 'third')",
      'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(64))',
      "INSERT INTO t VALUES (1, 'public-one'), (2, 'public-two')",
      // A decoy with the secret table's name and shape, holding nothing secret.
      'CREATE TABLE secrets (id INT PRIMARY KEY, api_key VARCHAR(64))',
      "INSERT INTO secrets VALUES (1, 'public-key-1'), (2, 'public-key-2')",
      'CREATE VIEW v_orders AS SELECT o.id, c.name, o.amount FROM orders o JOIN customers c ON c.id = o.customer_id',
    ]) {
      await source.query(sql);
    }
    await source.query(`USE \`${secretDb}\``);
    for (const sql of [
      `CREATE TABLE secrets (id INT PRIMARY KEY, api_key VARCHAR(64) DEFAULT '${s.keyDefault}') COMMENT='${s.comment}'`,
      `INSERT INTO secrets VALUES (1, '${s.key1}'), (2, '${s.key2}'), (3, '${s.key3}')`,
      'CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(64))',
      `INSERT INTO t VALUES (1, '${s.t1}'), (2, '${s.t2}')`,
      `CREATE TABLE \`${vaultTable}\` (id INT PRIMARY KEY, \`${vaultColumn}\` VARCHAR(64), n INT)`,
      `INSERT INTO \`${vaultTable}\` VALUES (1, '${s.vault}', 42)`,
      'CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40), city VARCHAR(40))',
      `INSERT INTO customers VALUES (1, '${s.cust}', '${s.city}')`,
      `CREATE VIEW v_secrets AS SELECT id, api_key, '${s.viewdef}' AS tag FROM secrets`,
      // Objects that read the secret database without being a table: a stored function and a sequence.
      'CREATE FUNCTION leak() RETURNS VARCHAR(64) READS SQL DATA RETURN (SELECT api_key FROM secrets WHERE id = 1)',
      `CREATE SEQUENCE seq START WITH ${s.sequence}`,
    ]) {
      await source.query(sql);
    }
    // The connector reads with an account of its own, so its password can be a sentinel too.
    await source.query(`DROP USER IF EXISTS '${cdcUser}'@'127.0.0.1'`);
    await source.query(`CREATE USER '${cdcUser}'@'127.0.0.1' IDENTIFIED BY '${s.pwCdc}'`);
    await source.query(`GRANT SELECT, SHOW VIEW, RELOAD, LOCK TABLES, REPLICATION SLAVE, BINLOG MONITOR, REPLICATION CLIENT ON *.* TO '${cdcUser}'@'127.0.0.1'`);
  } finally {
    await source.end();
  }

  // Host files. Readable (and the watch dir writable) by anyone, so a forwarded LOAD_FILE or
  // INTO OUTFILE would not fail on permissions alone.
  const tempRoot = tempDir(`sec-${name}`);
  chmodSync(tempRoot, 0o755);
  const baitDir = join(tempRoot, 'bait');
  const watchDir = join(tempRoot, 'watch');
  const dataDir = join(tempRoot, 'data');
  mkdirSync(baitDir, { mode: 0o755 });
  mkdirSync(watchDir);
  chmodSync(watchDir, 0o777);
  const bait = {
    csv: join(baitDir, 'bait.csv'),
    json: join(baitDir, 'bait.json'),
    ndjson: join(baitDir, 'bait.ndjson'),
    txt: join(baitDir, 'bait.txt'),
    parquet: join(baitDir, 'bait.parquet'),
    duckdb: join(baitDir, 'bait.duckdb'),
  };
  writeFileSync(bait.csv, `${s.csvHead},n\n${s.csv},1\n`);
  writeFileSync(bait.json, JSON.stringify({ k: s.json, n: 1 }));
  writeFileSync(bait.ndjson, `${JSON.stringify({ k: s.ndjson, n: 1 })}\n`);
  writeFileSync(bait.txt, `${s.txt}\n`);
  {
    const duck = await DuckDBInstance.create(bait.duckdb);
    const c = await duck.connect();
    await c.run(`COPY (SELECT '${s.parquet}' AS k, 1 AS n) TO '${bait.parquet}' (FORMAT parquet)`);
    await c.run(`CREATE TABLE bait AS SELECT '${s.duckdb}' AS k`);
    await c.run('CHECKPOINT');
    c.closeSync();
    duck.closeSync();
  }
  for (const f of Object.values(bait)) chmodSync(f, 0o644);

  const m = mariadb();
  const users: Record<Who, { user: string; password: string }> = {
    limited: { user: 'limited', password: s.pwLimited },
    admin: { user: 'admin', password: s.pwAdmin },
  };
  const upstream = options.upstream ? { host: m.host, port: m.port, user: m.user, password: m.password } : undefined;
  const connector = sourceConnector(`sec_${name}_${suffix}`, `${allowedDb},${secretDb}`, { 'database.user': cdcUser, 'database.password': s.pwCdc });
  const configPath = writeConfig(tempRoot, {
    dataDir,
    gateway: {
      port: 0,
      users: [
        { user: 'limited', password: s.pwLimited, databases: [allowedDb] },
        { user: 'admin', password: s.pwAdmin },
      ],
      ...(upstream ? { upstream } : {}),
    },
    rest: { port: 0, token: s.restToken },
    log: { level: 'warn' },
    connectors: [connector],
  });
  chmodSync(configPath, 0o644);

  // The process inherits an environment variable holding a sentinel (for getenv()).
  process.env.INSTAQUERY_SECURITY_BAIT = s.env;
  const proc = runInstaquery(['start', '--config', configPath]);
  delete process.env.INSTAQUERY_SECURITY_BAIT;
  let port: number;
  try {
    port = await proc.ready(90_000);
  } catch (err) {
    proc.child.kill('SIGKILL');
    throw err;
  }

  const env: SecurityEnv = {
    suffix,
    allowedDb,
    secretDb,
    vaultTable,
    vaultColumn,
    sentinels,
    users,
    port,
    configPath,
    dataDir,
    storeFile: join(dataDir, 'instaquery.duckdb'),
    tempRoot,
    baitDir,
    bait,
    watchDir,
    cdcUser,
    proc,
    upstream,
    async stop() {
      if (proc.child.exitCode === null && proc.child.signalCode === null) {
        proc.child.kill('SIGTERM');
        const timer = setTimeout(() => proc.child.kill('SIGKILL'), 15_000);
        await proc.exited();
        clearTimeout(timer);
      }
      const c = await connectSource();
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${allowedDb}\``);
        await c.query(`DROP DATABASE IF EXISTS \`${secretDb}\``);
        await c.query(`DROP USER IF EXISTS '${cdcUser}'@'127.0.0.1'`);
      } finally {
        await c.end();
      }
      rmSync(tempRoot, { recursive: true, force: true });
    },
  };

  // Every table and view readable through the gateway, by admin.
  const admin = await connectAs(env, 'admin');
  try {
    const expected: [string, number][] = [
      [`${allowedDb}.customers`, 3],
      [`${allowedDb}.orders`, 3],
      [`${allowedDb}.t`, 2],
      [`${allowedDb}.secrets`, 2],
      [`${allowedDb}.v_orders`, 3],
      [`${secretDb}.secrets`, 3],
      [`${secretDb}.t`, 2],
      [`${secretDb}.${vaultTable}`, 1],
      [`${secretDb}.customers`, 1],
      [`${secretDb}.v_secrets`, 3],
    ];
    for (const [table, n] of expected) {
      const [db, tbl] = table.split('.') as [string, string];
      await waitFor(
        `${table} in the store`,
        async () => {
          const [rows] = await admin.query({ sql: `SELECT COUNT(*) FROM \`${db}\`.\`${tbl}\``, rowsAsArray: true });
          return Number((rows as unknown[][])[0]?.[0]) === n;
        },
        60_000,
        100,
      );
    }
  } catch (err) {
    throw new Error(`${(err as Error).message}\ninstaquery output:\n${proc.output().slice(-4000)}`);
  } finally {
    await admin.end();
  }
  return env;
}

export function connectAs(env: SecurityEnv, who: Who, options: { multipleStatements?: boolean; database?: string | null } = {}): Promise<mysql.Connection> {
  const { user, password } = env.users[who];
  const database = options.database === null ? undefined : (options.database ?? env.allowedDb);
  return mysql.createConnection({ host: '127.0.0.1', port: env.port, user, password, database, multipleStatements: options.multipleStatements ?? false, connectTimeout: 10_000 });
}

/**
 * The placeholders of attacks.jsonl and forwarding-attacks.jsonl: {{SECRET_DB}} (and
 * {{SECRET_DB_UPPER}}), {{ALLOWED_DB}}, {{VAULT}} / {{VAULT_COLUMN}} (a table and column only the
 * secret database has), {{SUFFIX}} (the run's random suffix), {{BAIT}} (= {{BAIT_CSV}}),
 * {{BAIT_JSON}}, {{BAIT_NDJSON}}, {{BAIT_TXT}}, {{BAIT_PARQUET}}, {{BAIT_DUCKDB}}, {{BAIT_DIR}},
 * {{WATCH}} (a path of this attack's own in the watch dir), {{WATCH_DIR}}, {{MARK}} (a name of this
 * attack's own, looked for in /tmp, the temp root and the data dir afterwards), {{CONFIG}},
 * {{DATA_DIR}}, {{STORE_FILE}}, {{ENV_VAR}} (an environment variable of the instaquery process
 * holding a sentinel), and {{ADMIN_CONN_ID}} (an admin session's connection id, given by the run).
 */
export function placeholders(env: SecurityEnv, mark: string): Record<string, string> {
  return {
    SUFFIX: env.suffix,
    SECRET_DB: env.secretDb,
    SECRET_DB_UPPER: env.secretDb.toUpperCase(),
    ALLOWED_DB: env.allowedDb,
    VAULT: env.vaultTable,
    VAULT_COLUMN: env.vaultColumn,
    BAIT: env.bait.csv,
    BAIT_CSV: env.bait.csv,
    BAIT_JSON: env.bait.json,
    BAIT_NDJSON: env.bait.ndjson,
    BAIT_TXT: env.bait.txt,
    BAIT_PARQUET: env.bait.parquet,
    BAIT_DUCKDB: env.bait.duckdb,
    BAIT_DIR: env.baitDir,
    WATCH: join(env.watchDir, mark),
    WATCH_DIR: env.watchDir,
    MARK: mark,
    CONFIG: env.configPath,
    DATA_DIR: env.dataDir,
    STORE_FILE: env.storeFile,
    ENV_VAR: 'INSTAQUERY_SECURITY_BAIT',
  };
}

export function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`unknown placeholder ${whole}`);
    return v;
  });
}

// ---------------------------------------------------------------------------------------------
// Running a statement and flattening everything the server said into text.

export interface Outcome {
  kind: 'rows' | 'ok' | 'error' | 'dropped' | 'timeout';
  error?: { errno?: number; sqlState?: string; code?: string; message: string };
  /** Rows (as arrays of text) of the last result set, for exact-row expectations. */
  rows?: string[][];
  rowCount: number;
  /** Every value, column name and message the server sent, flattened. */
  text: string;
  warnings: string;
  /** What the client sent earlier on the same connection: SHOW WARNINGS may still describe it. */
  earlier?: string;
}

function flatten(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || value === null || value === undefined) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') out.push(String(value));
  else if (Buffer.isBuffer(value)) out.push(value.toString('utf8'), value.toString('latin1'), value.toString('hex'));
  else if (value instanceof Date) out.push(Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
  else if (Array.isArray(value)) for (const v of value) flatten(v, out, depth + 1);
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.startsWith('_')) continue;
      out.push(k);
      flatten(v, out, depth + 1);
    }
  }
}

function fieldText(fields: unknown): string[] {
  const out: string[] = [];
  const visit = (f: unknown) => {
    if (!f) return;
    if (Array.isArray(f)) return f.forEach(visit);
    const c = f as Record<string, unknown>;
    for (const k of ['name', 'orgName', 'table', 'orgTable', 'db', 'schema', 'catalog']) if (typeof c[k] === 'string') out.push(c[k] as string);
  };
  visit(fields);
  return out;
}

const asText = (v: unknown): string => (v === null || v === undefined ? 'NULL' : Buffer.isBuffer(v) ? v.toString('utf8') : v instanceof Date ? v.toISOString() : String(v));

/** The last result set's rows, when the answer was rows (several result sets: fields is a list of lists). */
function lastRows(rows: unknown, fields: unknown): string[][] | undefined {
  if (!Array.isArray(rows)) return undefined;
  const several = Array.isArray(fields) && fields.length > 0 && fields.every((f) => f === undefined || f === null || Array.isArray(f));
  const last = several ? rows.at(-1) : rows;
  if (!Array.isArray(last)) return undefined;
  return last.map((r) => (Array.isArray(r) ? r.map(asText) : Object.values(r as object).map(asText)));
}

const FATAL_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ECONNREFUSED']);

/** One user's connections, reopened when the server drops one or a statement may have changed the session. */
export class UserSession {
  private conns = new Map<string, mysql.Connection>();
  /** Every statement (and bound value) sent on each open connection. */
  private sent = new Map<string, string[]>();
  constructor(
    readonly env: SecurityEnv,
    readonly who: Who,
  ) {}

  async conn(kind: 'text' | 'multi' | 'nodb'): Promise<mysql.Connection> {
    let c = this.conns.get(kind);
    if (!c) {
      c = await connectAs(this.env, this.who, { multipleStatements: kind === 'multi', database: kind === 'nodb' ? null : undefined });
      c.on('error', () => undefined);
      this.conns.set(kind, c);
    }
    return c;
  }

  drop(kind: 'text' | 'multi' | 'nodb'): void {
    const c = this.conns.get(kind);
    this.conns.delete(kind);
    this.sent.delete(kind);
    c?.destroy();
  }

  async close(): Promise<void> {
    for (const kind of [...this.conns.keys()] as ('text' | 'multi' | 'nodb')[]) {
      const c = this.conns.get(kind)!;
      this.conns.delete(kind);
      await c.end().catch(() => c.destroy());
    }
  }

  /** Sends `sql` in `mode`, then SHOW WARNINGS on the same connection. */
  async run(sql: string, mode: Mode, params: (string | number | null)[] = [], timeoutMs = 10_000): Promise<Outcome> {
    if (mode === 'connect_db') {
      const login = await rawLogin(this.env, this.who, sql);
      if ('error' in login) return { kind: 'error', error: login.error, rowCount: 0, text: login.error.message, warnings: '' };
      login.socket.destroy();
      return { kind: 'ok', rowCount: 0, text: '', warnings: '' };
    }
    if (mode === 'field_list' || mode === 'init_db') {
      const raw = await rawCommand(this.env, this.who, mode === 'field_list' ? 0x04 : 0x02, mode === 'field_list' ? Buffer.concat([Buffer.from(sql, 'utf8'), Buffer.from([0])]) : Buffer.from(sql, 'utf8'));
      return raw;
    }
    const kind = mode === 'multi' ? 'multi' : mode === 'nodb' ? 'nodb' : 'text';
    let c: mysql.Connection;
    try {
      c = await this.conn(kind);
    } catch (err) {
      return { kind: 'dropped', error: { message: `cannot connect: ${(err as Error).message}` }, rowCount: 0, text: (err as Error).message, warnings: '' };
    }
    const parts: string[] = [];
    let outcome: Outcome;
    const history = this.sent.get(kind) ?? [];
    this.sent.set(kind, history);
    const earlier = history.join('\n');
    history.push(sql, ...params.map(String));
    try {
      const [rows, fields] = mode === 'prepared' ? await c.execute({ sql, timeout: timeoutMs, rowsAsArray: true }, params) : await c.query({ sql, timeout: timeoutMs, rowsAsArray: true });
      if (mode === 'prepared') await c.unprepare(sql);
      flatten(rows, parts);
      parts.push(...fieldText(fields));
      const last = lastRows(rows, fields);
      outcome = { kind: last ? 'rows' : 'ok', rows: last, rowCount: last?.length ?? 0, text: '', warnings: '' };
    } catch (err) {
      const e = err as { errno?: number; sqlState?: string; code?: string; message?: string; fatal?: boolean; sqlMessage?: string };
      const message = e.sqlMessage ?? e.message ?? String(err);
      parts.push(message);
      if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        this.drop(kind);
        return { kind: 'timeout', error: { code: e.code, message }, rowCount: 0, text: parts.join('\n'), warnings: '' };
      }
      if (e.fatal || (e.code && FATAL_CODES.has(e.code))) {
        this.drop(kind);
        return { kind: 'dropped', error: { code: e.code, message }, rowCount: 0, text: parts.join('\n'), warnings: '' };
      }
      if (mode === 'prepared') await c.unprepare(sql);
      outcome = { kind: 'error', error: { errno: e.errno, sqlState: e.sqlState, code: e.code, message }, rowCount: 0, text: '', warnings: '' };
    }
    try {
      const [w] = await c.query({ sql: 'SHOW WARNINGS', rowsAsArray: true, timeout: timeoutMs });
      const wp: string[] = [];
      flatten(w, wp);
      outcome.warnings = wp.join('\n');
    } catch (err) {
      const e = err as { fatal?: boolean; message?: string };
      outcome.warnings = `SHOW WARNINGS failed: ${e.message}`;
      if (e.fatal) this.drop(kind);
    }
    outcome.text = parts.join('\n');
    outcome.earlier = earlier;
    // A statement that was not refused may have changed the session (USE, SET, ...): start the next one clean.
    if (mode === 'multi' || (outcome.kind !== 'error' && !/^[\s(]*(select|with|values|table|explain|describe|desc|show)\b/i.test(sql))) this.drop(kind);
    return outcome;
  }
}

// ---------------------------------------------------------------------------------------------
// A minimal raw MySQL client (mysql_native_password), for commands mysql2 does not send.

function frame(payload: Buffer, seq: number): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = seq & 0xff;
  return Buffer.concat([header, payload]);
}

class PacketReader {
  private buf = Buffer.alloc(0);
  private waiters: ((p: Buffer | null) => void)[] = [];
  private ended = false;
  constructor(socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.pump();
    });
    const end = () => {
      this.ended = true;
      this.pump();
    };
    socket.on('close', end);
    socket.on('error', end);
  }
  private pump() {
    while (this.waiters.length) {
      if (this.buf.length >= 4) {
        const len = this.buf.readUIntLE(0, 3);
        if (this.buf.length >= 4 + len) {
          const p = this.buf.subarray(4, 4 + len);
          this.buf = this.buf.subarray(4 + len);
          this.waiters.shift()!(Buffer.from(p));
          continue;
        }
      }
      if (this.ended) this.waiters.shift()!(null);
      else return;
    }
  }
  next(timeoutMs = 10_000): Promise<Buffer | null> {
    return new Promise((resolve) => {
      const waiter = (p: Buffer | null) => {
        clearTimeout(timer);
        resolve(p);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
      this.pump();
    });
  }
}

function nativeScramble(password: string, salt: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const mix = sha1(Buffer.concat([salt, stage2]));
  return Buffer.from(stage1.map((b, i) => b ^ mix[i]!));
}

const errorOf = (p: Buffer) => ({ errno: p.readUInt16LE(1), sqlState: p[3] === 0x23 ? p.subarray(4, 9).toString() : undefined, message: p.subarray(p[3] === 0x23 ? 9 : 3).toString('utf8') });

/** Logs in over a raw socket; resolves with the socket and reader, or with the login's error. */
export async function rawLogin(env: SecurityEnv, who: Who, database: string | null = env.allowedDb): Promise<{ socket: Socket; reader: PacketReader } | { error: { errno: number; sqlState?: string; message: string } }> {
  const socket = netConnect(env.port, '127.0.0.1');
  socket.on('error', () => undefined);
  const reader = new PacketReader(socket);
  const greeting = await reader.next();
  if (!greeting) throw new Error('no handshake from the gateway');
  let o = 1;
  o = greeting.indexOf(0, o) + 1; // server version
  o += 4; // connection id
  const salt1 = greeting.subarray(o, o + 8);
  o += 9; // salt part 1 + filler
  o += 2 + 1 + 2 + 2; // capabilities (low), charset, status, capabilities (high)
  const authLen = greeting[o]!;
  o += 1 + 10;
  const salt2 = greeting.subarray(o, o + Math.max(13, authLen - 8) - 1);
  const salt = Buffer.concat([salt1, salt2]);
  const { user, password } = env.users[who];
  const CLIENT_LONG_PASSWORD = 1, CLIENT_CONNECT_WITH_DB = 8, CLIENT_PROTOCOL_41 = 0x200, CLIENT_SECURE_CONNECTION = 0x8000, CLIENT_PLUGIN_AUTH = 0x80000;
  const caps = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | (database ? CLIENT_CONNECT_WITH_DB : 0);
  const head = Buffer.alloc(32);
  head.writeUInt32LE(caps, 0);
  head.writeUInt32LE(1 << 24, 4);
  head[8] = 45; // utf8mb4_general_ci
  const auth = nativeScramble(password, salt);
  const payload = Buffer.concat([head, Buffer.from(`${user}\0`), Buffer.from([auth.length]), auth, database ? Buffer.from(`${database}\0`) : Buffer.alloc(0), Buffer.from('mysql_native_password\0')]);
  socket.write(frame(payload, 1));
  let reply = await reader.next();
  if (reply && reply[0] === 0xfe && reply.length > 1) {
    // Auth switch: the server names a plugin and a fresh salt.
    const nul = reply.indexOf(0, 1);
    const fresh = reply.subarray(nul + 1, reply.length - (reply.at(-1) === 0 ? 1 : 0));
    socket.write(frame(nativeScramble(password, fresh), 3));
    reply = await reader.next();
  }
  if (!reply) {
    socket.destroy();
    return { error: { errno: 0, message: 'connection closed during login' } };
  }
  if (reply[0] === 0xff) {
    socket.destroy();
    return { error: errorOf(reply) };
  }
  return { socket, reader };
}

/** Logs in and sends one command; collects every packet of the answer. */
export async function rawCommand(env: SecurityEnv, who: Who, command: number, body: Buffer, database: string | null = env.allowedDb): Promise<Outcome> {
  const login = await rawLogin(env, who, database);
  if ('error' in login) return { kind: 'error', error: login.error, rowCount: 0, text: login.error.message, warnings: '' };
  const { socket, reader } = login;
  try {
    socket.write(frame(Buffer.concat([Buffer.from([command]), body]), 0));
    const packets: Buffer[] = [];
    for (;;) {
      const p = await reader.next(5000);
      if (!p) return { kind: packets.length ? 'rows' : 'dropped', rowCount: packets.length, text: packets.map((b) => b.toString('utf8')).join('\n'), warnings: '' };
      if (p[0] === 0xff) {
        const error = errorOf(p);
        return { kind: 'error', error, rowCount: 0, text: [...packets.map((b) => b.toString('utf8')), error.message].join('\n'), warnings: '' };
      }
      if (p[0] === 0x00 && packets.length === 0) return { kind: 'ok', rowCount: 0, text: p.toString('utf8'), warnings: '' };
      if (p[0] === 0xfe && p.length < 9) return { kind: 'rows', rowCount: packets.length, text: packets.map((b) => b.toString('utf8')).join('\n'), warnings: '' };
      packets.push(p);
    }
  } finally {
    socket.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// Checks.

const reversed = (s: string) => [...s].reverse().join('');

/** Which sentinels `text` holds, for a response to `who` that sent `sql`. */
export function leaksIn(env: SecurityEnv, who: Who, sql: string, text: string): string[] {
  const hay = text.toUpperCase();
  const found: string[] = [];
  for (const s of env.sentinels) {
    if (who === 'admin' && s.kind === 'secret') continue;
    const core = s.value.slice(-16);
    const forms = [s.value, core, Buffer.from(s.value).toString('hex'), Buffer.from(s.value).toString('base64'), reversed(s.value)];
    if (forms.some((f) => hay.includes(f.toUpperCase()))) found.push(`sentinel ${s.label}`);
  }
  if (who === 'limited') {
    // Names of the forbidden database's objects, when the statement did not name them itself.
    const asked = sql.toUpperCase();
    for (const [label, name] of [['secret database name', env.secretDb], ['secret table name', env.vaultTable], ['secret column name', env.vaultColumn]] as const) {
      if (hay.includes(name.toUpperCase()) && !asked.includes(name.toUpperCase())) found.push(label);
    }
  }
  return found;
}

/** Categories where every attack must end in an error packet, for both users. */
export const MUST_ERROR = new Set(['file-function', 'settings', 'duckdb-statement', 'write']);

const host = '127.0.0.1';
/**
 * `expect` / `expectAdmin`:
 * - `ok`: answered (rows or OK), no leak;
 * - `safe`: an error, or an answer with no sentinel;
 * - `error`: an error packet;
 * - `errno:1064,1235`: an error with one of these numbers;
 * - `deny:DB.TABLE` (or `deny:DB|TABLE`): 1142 `SELECT command denied to user '<user>'@'127.0.0.1' for table \`DB\`.\`TABLE\``;
 * - `showdeny:DB.TABLE`: the same with `SHOW command denied`;
 * - `dbdeny:DB`: 1044 `Access denied for user '<user>'@'%' to database 'DB'`;
 * - `nosuch:DB.NAME`: 1146 `Table 'DB.NAME' doesn't exist`;
 * - `rows:<JSON array of arrays>`: exactly these rows (as text);
 * - `rowsif:<JSON>`: an error, or exactly these rows (a refusal is safe; a different answer means the
 *   statement was read differently from MySQL).
 */
export function checkExpectation(spec: string, who: Who, outcome: Outcome): string | null {
  const user = who;
  const err = outcome.error;
  const describe = () => (outcome.kind === 'error' ? `error ${err?.errno}: ${err?.message}` : outcome.kind === 'rows' ? `${outcome.rowCount} row(s) ${JSON.stringify(outcome.rows?.slice(0, 3))}`.slice(0, 300) : outcome.kind === 'ok' ? 'OK packet' : `${outcome.kind}: ${err?.message ?? ''}`);
  const exact = (errno: number, message: string) => (outcome.kind === 'error' && err?.errno === errno && err.message === message ? null : `expected error ${errno} "${message}", got ${describe()}`);
  const [kind, ...rest] = spec.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'safe':
      return outcome.kind === 'rows' || outcome.kind === 'ok' || outcome.kind === 'error' ? null : `expected an answer, got ${describe()}`;
    case 'ok':
      return outcome.kind === 'rows' || outcome.kind === 'ok' ? null : `expected an answer, got ${describe()}`;
    case 'error':
      return outcome.kind === 'error' ? null : `expected an error packet, got ${describe()}`;
    case 'errno': {
      const allowed = arg.split(',').map(Number);
      return outcome.kind === 'error' && allowed.includes(err?.errno ?? -1) ? null : `expected error ${arg}, got ${describe()}`;
    }
    case 'deny':
    case 'showdeny': {
      // DB.TABLE, or DB|TABLE when the database name holds dots.
      const cut = arg.includes('|') ? arg.indexOf('|') : arg.indexOf('.');
      const [db, table] = [arg.slice(0, cut), arg.slice(cut + 1)];
      return exact(1142, `${kind === 'deny' ? 'SELECT' : 'SHOW'} command denied to user '${user}'@'${host}' for table \`${db}\`.\`${table}\``);
    }
    case 'dbdeny':
      return exact(1044, `Access denied for user '${user}'@'%' to database '${arg}'`);
    case 'nosuch':
      return exact(1146, `Table '${arg}' doesn't exist`);
    case 'rowsif':
    case 'rows': {
      if (kind === 'rowsif' && outcome.kind === 'error') return null;
      if (outcome.kind !== 'rows') return `expected rows ${arg}, got ${describe()}`;
      return JSON.stringify(outcome.rows) === JSON.stringify(JSON.parse(arg)) ? null : `expected rows ${arg}, got ${JSON.stringify(outcome.rows)}`;
    }
    default:
      throw new Error(`unknown expectation ${spec}`);
  }
}

/** Host paths and DuckDB error texts in an answer: allowed, but reported. */
export function notesOn(env: SecurityEnv, sql: string, outcome: Outcome): string[] {
  const notes: string[] = [];
  const text = `${outcome.text}\n${outcome.warnings}`;
  if (/Permission Error/i.test(text)) notes.push('DuckDB "Permission Error" text');
  if (/\b(Catalog|Binder|Parser|IO|Invalid Input|Conversion|Not implemented|Internal|Dependency|Serialization|Constraint|Out of Range|Transaction|Catalog Write|Sequence) Error:/.test(text)) notes.push('DuckDB error class in the message');
  for (const [label, path] of [['temp dir', env.tempRoot], ['data dir', env.dataDir], ['config path', env.configPath], ['bait dir', env.baitDir]] as const) {
    if (text.includes(path) && !sql.includes(path)) notes.push(`host path (${label}) not in the statement`);
  }
  return [...new Set(notes)];
}

// ---------------------------------------------------------------------------------------------
// Files: nothing may appear in the watch dir, nothing change in the bait dir, nothing named by a mark in the data dir.

export class FileWatch {
  private readonly baitAtStart: string;
  private readonly dataAtStart: Set<string>;
  private seen = new Set<string>();
  private lastBait: string;
  constructor(private readonly env: SecurityEnv) {
    this.baitAtStart = this.baitSnapshot();
    this.lastBait = this.baitAtStart;
    this.dataAtStart = new Set(this.listData());
  }

  private baitSnapshot(): string {
    return readdirSync(this.env.baitDir)
      .sort()
      .map((f) => `${f}:${createHash('sha1').update(readFileSync(join(this.env.baitDir, f))).digest('hex').slice(0, 12)}`)
      .join(' ');
  }

  private listData(): string[] {
    return existsSync(this.env.dataDir) ? readdirSync(this.env.dataDir) : [];
  }

  /** Everything that differs from the start: files in the watch dir, a changed bait dir, marked names. */
  private state(): string[] {
    const out: string[] = [];
    for (const f of readdirSync(this.env.watchDir)) out.push(`watch dir: ${f} (${statSync(join(this.env.watchDir, f)).size} bytes)`);
    for (const f of this.listData().filter((n) => !this.dataAtStart.has(n) && !/^instaquery\.duckdb(\.wal)?$|\.tmp$/.test(n))) out.push(`data dir: ${f}`);
    for (const dir of ['/tmp', this.env.tempRoot]) for (const f of readdirSync(dir).filter((n) => n.startsWith(`iqsec_${this.env.suffix}`))) out.push(`${dir}: ${f}`);
    return out;
  }

  /** What appeared or changed since the last call (attributed to the statement just run). */
  changes(): string[] {
    const now = this.state().filter((x) => !this.seen.has(x));
    for (const x of now) this.seen.add(x);
    const bait = this.baitSnapshot();
    if (bait !== this.lastBait) {
      now.push(`bait dir changed: ${bait}`);
      this.lastBait = bait;
    }
    return now;
  }

  /** Everything that differs from the start, for the end-of-suite check. */
  sinceStart(): string[] {
    const out = this.state();
    const bait = this.baitSnapshot();
    if (bait !== this.baitAtStart) out.push(`bait dir changed: ${bait}`);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// One attack, as one user: the failures (empty: it was held), and notes.

export interface AttackResult {
  attack: Attack;
  who: Who;
  sql: string;
  outcome: Outcome;
  failures: string[];
  notes: string[];
}

export function expectationFor(attack: Attack, who: Who): string {
  const explicit = who === 'limited' ? attack.expect : (attack.expectAdmin ?? attack.expect);
  if (explicit) return explicit;
  return MUST_ERROR.has(attack.category) ? 'error' : 'safe';
}

export async function runAttack(env: SecurityEnv, sessions: Record<Who, UserSession>, files: FileWatch, attack: Attack, who: Who, index: number, extra: Record<string, string> = {}): Promise<AttackResult> {
  const mark = `iqsec_${env.suffix}_${index}_${who}`;
  const values = { ...placeholders(env, mark), ...extra };
  const sql = expand(attack.sql, values);
  const params = attack.params?.map((p) => (typeof p === 'string' ? expand(p, values) : p));
  const outcome = await sessions[who].run(sql, attack.mode, params);
  const failures: string[] = [];
  const spec = expand(expectationFor(attack, who), values);
  const mismatch = checkExpectation(spec, who, outcome);
  if (mismatch) failures.push(mismatch);
  // What the client itself sent (statement and bound values) may come back as an echo.
  const asked = [sql, ...(params ?? []).map(String)].join('\n');
  // The answer may echo this statement; SHOW WARNINGS may also describe an earlier one of this client's.
  const leaks = [...new Set([...leaksIn(env, who, asked, outcome.text), ...leaksIn(env, who, `${asked}\n${outcome.earlier ?? ''}`, outcome.warnings)])];
  if (leaks.length) failures.push(`LEAK: ${leaks.join(', ')}`);
  for (const a of attack.absent ?? []) {
    const s = expand(a, values);
    if (!asked.includes(s) && `${outcome.text}\n${outcome.warnings}`.includes(s)) failures.push(`answer contains ${JSON.stringify(s)}`);
  }
  const changed = files.changes();
  if (changed.length) failures.push(`FILES: ${changed.join('; ')}`);
  return { attack, who, sql, outcome, failures, notes: notesOn(env, sql, outcome) };
}

export const whoRuns = (a: Attack): Who[] => (a.as === 'both' ? ['limited', 'admin'] : [a.as]);

export function describeResult(r: AttackResult): string {
  const o = r.outcome;
  const got = o.kind === 'error' ? `error ${o.error?.errno}` : o.kind === 'rows' ? `${o.rowCount} rows` : o.kind;
  return `[line ${r.attack.line} ${r.who} ${r.attack.mode}] ${JSON.stringify(r.sql.length > 240 ? `${r.sql.slice(0, 240)}…` : r.sql)} → ${got}: ${r.failures.join(' | ')}`;
}

/** The gateway still answers a normal query, as each user. */
export async function stillAnswers(env: SecurityEnv): Promise<void> {
  for (const who of ['limited', 'admin'] as const) {
    const c = await connectAs(env, who);
    try {
      const [rows] = await c.query({ sql: 'SELECT COUNT(*) AS n FROM customers', rowsAsArray: true });
      if (Number((rows as unknown[][])[0]?.[0]) !== 3) throw new Error(`${who}: SELECT COUNT(*) FROM customers answered ${JSON.stringify(rows)}`);
    } finally {
      await c.end();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// A corpus run: sessions for both users, the file watch, an admin session a KILL must not reach,
// every result kept for the summary.

export class CorpusRun {
  readonly sessions: Record<Who, UserSession>;
  readonly files: FileWatch;
  readonly results: AttackResult[] = [];
  private victim: mysql.Connection | null = null;
  private victimId = 0;
  private index = 0;

  constructor(readonly env: SecurityEnv) {
    this.sessions = { limited: new UserSession(env, 'limited'), admin: new UserSession(env, 'admin') };
    this.files = new FileWatch(env);
  }

  /** Opens the admin session that KILL attacks name ({{ADMIN_CONN_ID}}). */
  async open(): Promise<void> {
    this.victim = await connectAs(this.env, 'admin');
    this.victim.on('error', () => undefined);
    const [rows] = await this.victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
    this.victimId = Number((rows as unknown[][])[0]![0]);
  }

  /** Runs every attack as each of its users; the description of each one that got through. */
  async run(list: Attack[]): Promise<{ runs: number; failures: string[] }> {
    const failures: string[] = [];
    let runs = 0;
    for (const attack of list) {
      for (const who of whoRuns(attack)) {
        runs++;
        const r = await runAttack(this.env, this.sessions, this.files, attack, who, this.index++, { ADMIN_CONN_ID: String(this.victimId) });
        this.results.push(r);
        if (r.failures.length) failures.push(describeResult(r));
      }
    }
    return { runs, failures };
  }

  /** The KILLed-at admin session still answers. */
  async victimAlive(): Promise<boolean> {
    try {
      const [rows] = await this.victim!.query({ sql: 'SELECT 7', rowsAsArray: true });
      return Number((rows as unknown[][])[0]![0]) === 7;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.sessions.limited.close();
    await this.sessions.admin.close();
    this.victim?.destroy();
  }

  /** Per category: runs, how many got through (by kind), up to three examples; and where every outcome went. */
  summary(title: string, file: string): string {
    const lines: string[] = ['', `${title}: attacks that got through, per category (runs = attack × user)`];
    const by: Record<string, { runs: number; leak: number; answered: number; wrong: number; examples: string[]; notes: Record<string, number> }> = {};
    for (const r of this.results) {
      const s = (by[r.attack.category] ??= { runs: 0, leak: 0, answered: 0, wrong: 0, examples: [], notes: {} });
      s.runs++;
      for (const n of r.notes) s.notes[n] = (s.notes[n] ?? 0) + 1;
      if (!r.failures.length) continue;
      if (r.failures.some((f) => /^(LEAK|FILES|answer contains)/.test(f))) s.leak++;
      else if (r.outcome.kind === 'rows' || r.outcome.kind === 'ok') s.answered++;
      else s.wrong++;
      if (s.examples.length < 3) s.examples.push(describeResult(r));
    }
    for (const [category, s] of Object.entries(by)) {
      const through = s.leak + s.answered + s.wrong;
      const notes = Object.entries(s.notes).map(([n, k]) => `${n} ×${k}`).join(', ');
      lines.push(`  ${category}: ${through} of ${s.runs} through (leaked or wrote: ${s.leak}, answered where MySQL refuses: ${s.answered}, other error or answer: ${s.wrong})${notes ? `; notes: ${notes}` : ''}`);
      for (const e of s.examples) lines.push(`      ${e}`);
    }
    const path = join(tmpdir(), file);
    writeFileSync(path, JSON.stringify(this.results.map((r) => ({ category: r.attack.category, line: r.attack.line, who: r.who, mode: r.attack.mode, sql: r.sql, outcome: { kind: r.outcome.kind, error: r.outcome.error, rows: r.outcome.rows?.slice(0, 5) }, failures: r.failures, notes: r.notes })), null, 1));
    lines.push(`  every outcome: ${path}`);
    return lines.join('\n');
  }
}
