// The security suite's environment: a fresh pair of source databases on the main MariaDB (one the
// `limited` gateway user may read, one it may not, holding SENTINEL values), bait files on the
// host, a WATCH directory attacks try to write into, and a real `instaquery start` process whose
// config carries sentinel passwords. Everything an answer must never contain is a sentinel here,
// so the checks (answer-checks.ts) can look for them by value.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import mysql from 'mysql2/promise';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';

export type Who = 'limited' | 'admin';

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
