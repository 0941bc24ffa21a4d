// The gateway's protocol against real clients: prepared statements with every parameter type
// (mysql2's binary protocol), multi-statement queries, results streamed with bounded memory, and
// the commands drivers send besides queries. Answers are compared with MariaDB's for the same SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { spawn } from 'node:child_process';
import { connectSource, exactValues, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_protocol';
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE bill (id BIGINT UNSIGNED PRIMARY KEY, no VARCHAR(20) NOT NULL, amount DECIMAL(12,2) NOT NULL, due DATE NOT NULL, created DATETIME(3) NOT NULL, note TEXT, flag TINYINT NOT NULL, ratio DOUBLE)`);
  const rows = Array.from({ length: 50 }, (_, i) => `(${i + 1}, 'B${i + 1}', ${i * 10}.5, '2024-0${(i % 9) + 1}-15', '2024-03-0${(i % 9) + 1} 10:11:12.${String(i).padStart(3, '0')}', ${i % 4 ? `'note ${i}'` : 'NULL'}, ${i % 2}, ${i / 4})`);
  await source.query(`INSERT INTO bill VALUES ${rows.join(', ')}`);
  instance = await startEmbedded([sourceConnector('protocol', DB)]);
  gateway = await mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user: 'root', database: DB, multipleStatements: true, ...exactValues });
  await waitFor('snapshot', async () => ((await gateway.query('SELECT count(*) AS n FROM bill'))[0] as { n: string }[])[0]?.n === '50');
}, 60_000);

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

describe('prepared statements', () => {
  it.each([
    ['an integer key', 'SELECT id, no FROM bill WHERE id = ?', [7]],
    ['a bigint beyond 2^53 and a string', 'SELECT id FROM bill WHERE id < ? AND no <> ? ORDER BY id LIMIT 3', [18446744073709551615n, 'B1']],
    ['a decimal and a date as text', 'SELECT id, amount, due FROM bill WHERE amount > ? AND due >= ? ORDER BY id', ['100.25', '2024-05-01']],
    ['a Date object (binary DATETIME)', 'SELECT id, created FROM bill WHERE created > ? ORDER BY id LIMIT 5', [new Date(Date.UTC(2024, 2, 8, 0, 0, 0))]],
    ['a double', 'SELECT id, ratio FROM bill WHERE ratio BETWEEN ? AND ? ORDER BY id', [1.5, 3.25]],
    ['NULL', 'SELECT count(*) AS n FROM bill WHERE note IS NULL OR note = ?', [null]],
    ['a LIMIT', 'SELECT id FROM bill ORDER BY id LIMIT ?', [4]],
    ['no parameters', 'SELECT id, no, amount, due, created, note, flag, ratio FROM bill ORDER BY id', []],
  ])('with %s answer as MariaDB does', async (_, sql, params) => {
    const [expected] = await source.execute(sql, params);
    const [actual] = await gateway.execute(sql, params);
    expect(actual).toEqual(expected);
  });

  it('reports a wrong statement at prepare time with MySQL error 1146', async () => {
    await expect(gateway.execute('SELECT * FROM no_such_table WHERE id = ?', [1])).rejects.toMatchObject({ errno: 1146 });
  });

  it('answers the statements the gateway handles itself (variables, SET) through prepare too', async () => {
    const [rows] = await gateway.execute('SELECT @@version_comment AS c');
    expect((rows as { c: string }[])[0]!.c).toMatch(/instaquery/);
    await expect(gateway.execute('SET NAMES utf8mb4')).resolves.toBeDefined();
  });

  it('reuses a statement with new parameters', async () => {
    for (const id of [3, 9, 27]) {
      const [rows] = await gateway.execute('SELECT no FROM bill WHERE id = ?', [id]);
      expect(rows).toEqual([{ no: `B${id}` }]);
    }
  });
});

describe('multi-statement queries', () => {
  it('return one result per statement', async () => {
    const [results] = await gateway.query('SELECT 1 AS a; SELECT no FROM bill WHERE id = 2; SELECT count(*) AS n FROM bill');
    expect(results).toEqual([[{ a: 1 }], [{ no: 'B2' }], [{ n: '50' }]]);
  });

  it('stop at the first failing statement with its error', async () => {
    await expect(gateway.query('SELECT 1; SELECT * FROM nope; SELECT 2')).rejects.toMatchObject({ errno: 1146 });
    const [rows] = await gateway.query('SELECT 3 AS x');
    expect(rows).toEqual([{ x: 3 }]);
  });

  it('keep semicolons inside strings', async () => {
    const [results] = await gateway.query("SELECT 'a;b' AS s; SELECT 2 AS t");
    expect(results).toEqual([[{ s: 'a;b' }], [{ t: 2 }]]);
  });
});

describe('large results', () => {
  it('stream 2M rows to a slow reader with bounded memory', async () => {
    // The reader runs in its own process, so this process's memory is the server's alone: if the
    // gateway buffered what the client has not read yet, it would grow by the ~220 MB of packets.
    const reader = spawn(process.execPath, [new URL('../clients/node/slow-reader.mjs', import.meta.url).pathname, String(instance.gateway.port), "WITH RECURSIVE d AS (SELECT 0 AS i UNION ALL SELECT i + 1 FROM d WHERE i < 1999) SELECT a.i * 1000 + b.i AS n, REPEAT('x', 100) AS pad FROM d a, d b WHERE b.i < 1000"], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    reader.stdout.on('data', (c: Buffer) => (out += c.toString()));
    reader.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const code = await new Promise<number | null>((resolve) => reader.on('exit', resolve));
    clearInterval(sampler);
    expect(code, err).toBe(0);
    expect(JSON.parse(out)).toEqual({ count: 2_000_000, sum: '1999999000000' });
    expect((peak - before) / 1e6).toBeLessThan(100);
  });
});

describe('catalog: SHOW, DESCRIBE and information_schema answer as MariaDB does', () => {
  const same = async (sql: string, gatewaySql = sql) => {
    const [expected] = await source.query(sql);
    const [actual] = await gateway.query(gatewaySql);
    expect(actual).toEqual(expected);
  };

  it.each([
    'SHOW COLUMNS FROM bill',
    'SHOW FULL TABLES',
    "SHOW TABLES LIKE 'bi%'",
    'DESCRIBE bill',
    "SHOW COLUMNS FROM bill LIKE 'a%'",
    'SHOW INDEX FROM bill',
  ])('%s', async (sql) => {
    if (sql.startsWith('SHOW INDEX')) {
      // Cardinality is MariaDB's estimate; the rest must match.
      const [expected] = await source.query(sql);
      const [actual] = await gateway.query(sql);
      const strip = (rows: unknown) => (rows as Record<string, unknown>[]).map(({ Cardinality: _, Ignored: __, ...r }) => r);
      const mine = strip(actual).map(({ Visible: _, Expression: __, ...r }) => r);
      expect(mine).toEqual(strip(expected));
      return;
    }
    await same(sql);
  });

  it('answers information_schema.COLUMNS, TABLES, KEY_COLUMN_USAGE and SCHEMATA from the source types', async () => {
    const columns = `SELECT COLUMN_NAME, ORDINAL_POSITION, IS_NULLABLE, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, COLUMN_TYPE, COLUMN_KEY
      FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = 'bill' ORDER BY ORDINAL_POSITION`;
    await same(columns);
    await same(`SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = '${DB}' ORDER BY TABLE_NAME`);
    await same(`SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = '${DB}'`);
    await same(`SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '${DB}'`);
  });

  it('answers SHOW VARIABLES LIKE, SHOW STATUS and SHOW WARNINGS in MySQL shapes', async () => {
    const [vars] = await gateway.query("SHOW VARIABLES LIKE 'max_allowed%'");
    expect(vars).toEqual([{ Variable_name: 'max_allowed_packet', Value: String(64 * 1024 * 1024) }]);
    const [status] = await gateway.query("SHOW GLOBAL STATUS LIKE 'Uptime'");
    expect((status as { Variable_name: string }[]).map((r) => r.Variable_name)).toEqual(['Uptime']);
    const [warnings, fields] = await gateway.query('SHOW WARNINGS');
    expect(warnings).toEqual([]);
    expect(fields.map((f) => f.name)).toEqual(['Level', 'Code', 'Message']);
  });

  it('names a missing table in SHOW COLUMNS with error 1146', async () => {
    await expect(gateway.query('SHOW COLUMNS FROM nope')).rejects.toMatchObject({ errno: 1146 });
  });
});

describe('session control: SET, max_execution_time, KILL, SHOW PROCESSLIST', () => {
  // MySQL SQL that runs for minutes on the store: a filter over a 10^12-row cross join of digits.
  const digits = Array.from({ length: 10 }, (_, i) => `SELECT ${i} AS x`).join(' UNION ALL ');
  const names = 'abcdefghijkl'.split('');
  const LONG = `WITH d AS (${digits}) SELECT count(*) AS n FROM ${names.map((t) => `d ${t}`).join(', ')} WHERE (${names.map((t, i) => `${t}.x * ${i + 1}`).join(' + ')}) % 7 = 3`;
  const open = () => mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user: 'root', database: DB });

  it('keeps session variables set by SET, per session', async () => {
    const a = await open();
    const b = await open();
    try {
      await a.query("SET @@session.sql_mode = 'ANSI_QUOTES', SESSION max_execution_time = 1234, @user_var = 5");
      expect((await a.query('SELECT @@sql_mode AS m, @@max_execution_time AS t'))[0]).toEqual([{ m: 'ANSI_QUOTES', t: '1234' }]);
      expect((await a.query("SHOW VARIABLES LIKE 'max_execution%'"))[0]).toEqual([{ Variable_name: 'max_execution_time', Value: '1234' }]);
      expect(((await b.query('SELECT @@max_execution_time AS t'))[0] as { t: string }[])[0]!.t).toBe('0');
    } finally {
      await a.end();
      await b.end();
    }
  });

  it('stops a statement past max_execution_time with error 3024, session or hint', async () => {
    const a = await open();
    try {
      await a.query('SET SESSION max_execution_time = 300');
      const started = Date.now();
      await expect(a.query(LONG)).rejects.toMatchObject({ errno: 3024, sqlState: 'HY000' });
      expect(Date.now() - started).toBeLessThan(5000);
      await a.query('SET SESSION max_execution_time = 0');
      await expect(a.query(LONG.replace(' SELECT count', ' SELECT /*+ MAX_EXECUTION_TIME(300) */ count'))).rejects.toMatchObject({ errno: 3024 });
      expect((await a.query('SELECT 1 AS ok'))[0]).toEqual([{ ok: 1 }]);
    } finally {
      await a.end();
    }
  });

  it('lists a running statement in SHOW PROCESSLIST and cancels it with KILL QUERY', async () => {
    const a = await open();
    const b = await open();
    try {
      const running = a.query(LONG).then(
        () => null,
        (err: { errno: number }) => err,
      );
      const row = await waitFor('A in the process list', async () => {
        const [list] = await b.query('SHOW FULL PROCESSLIST');
        return (list as { Id: string; Command: string; Info: string | null }[]).find((r) => Number(r.Id) === a.threadId && r.Command === 'Query');
      }, 5000);
      expect(row.Info).toBe(LONG);
      await b.query(`KILL QUERY ${a.threadId}`);
      expect(await running).toMatchObject({ errno: 1317, sqlState: '70100' });
      expect((await a.query('SELECT 2 AS still'))[0]).toEqual([{ still: 2 }]);
      await b.query(`KILL CONNECTION ${a.threadId}`);
      await expect(a.query('SELECT 3')).rejects.toBeDefined();
      await expect(b.query('KILL 999999')).rejects.toMatchObject({ errno: 1094 });
    } finally {
      a.destroy();
      await b.end();
    }
  });
});

describe('only reads reach DuckDB', () => {
  it.each([
    // Not MySQL: a syntax error to MySQL, and never run by DuckDB here.
    ["COPY (SELECT 1) TO '/tmp/iq-should-not-exist.csv'", 1064],
    ["ATTACH '/tmp/iq-other.duckdb' AS other", 1064],
    ['PRAGMA enable_profiling', 1064],
    ['CHECKPOINT', 1064],
    // MySQL statements not served.
    ['DO SLEEP(1)', 1235],
    // MySQL has INSTALL (plugins): refused as a write, like every statement that changes the server.
    ["INSTALL 'httpfs'", 1290],
  ])('refuses DuckDB statement %s with error %i', async (sql, errno) => {
    await expect(gateway.query(sql)).rejects.toMatchObject({ errno });
  });
});

describe('freshness: SHOW STATUS and read-your-writes', () => {
  const lastGtid = async () => ((await source.query('SELECT @@last_gtid AS g'))[0] as { g: string }[])[0]!.g;

  it('reports each source in SHOW STATUS LIKE instaquery_%', async () => {
    const [rows] = await gateway.query("SHOW STATUS LIKE 'instaquery_protocol_%'");
    const status = Object.fromEntries((rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
    expect(status.instaquery_protocol_phase).toBe('streaming');
    expect(Object.keys(status)).toEqual(['instaquery_protocol_phase', 'instaquery_protocol_gtid', 'instaquery_protocol_millis_behind_source']);
  });

  it('waits with MASTER_GTID_WAIT until the store holds a write, then the write is visible', async () => {
    await source.query(`INSERT INTO bill VALUES (900, 'B900', 1.00, '2024-01-01', '2024-01-01 00:00:00.000', 'ryw', 0, NULL)`);
    const gtid = await lastGtid();
    expect((await gateway.query(`SELECT MASTER_GTID_WAIT('${gtid}', 5) AS w`))[0]).toEqual([{ w: '0' }]);
    expect((await gateway.query('SELECT note FROM bill WHERE id = 900'))[0]).toEqual([{ note: 'ryw' }]);
    const [domain, server, seq] = gtid.split('-');
    const future = `${domain}-${server}-${Number(seq) + 1000}`;
    expect((await gateway.query(`SELECT MASTER_GTID_WAIT('${future}', 0.2) AS w`))[0]).toEqual([{ w: '-1' }]);
  });

  it('makes every read wait for @@session.instaquery_wait_for_gtid, failing with 3024 past instaquery_wait_timeout', async () => {
    const c = await mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user: 'root', database: DB });
    try {
      await source.query(`UPDATE bill SET note = 'ryw2' WHERE id = 900`);
      const gtid = await lastGtid();
      await c.query(`SET SESSION instaquery_wait_for_gtid = '${gtid}'`);
      expect((await c.query('SELECT note FROM bill WHERE id = 900'))[0]).toEqual([{ note: 'ryw2' }]);
      const [domain, server, seq] = gtid.split('-');
      await c.query(`SET SESSION instaquery_wait_for_gtid = '${domain}-${server}-${Number(seq) + 1000}', instaquery_wait_timeout = 0.2`);
      await expect(c.query('SELECT 1')).rejects.toMatchObject({ errno: 3024, message: expect.stringMatching(/has not reached GTID .* within instaquery_wait_timeout/) });
    } finally {
      await c.end();
    }
  });
});

describe('no reach into the host through DuckDB functions', () => {
  // Not MySQL: a table function is a syntax MySQL lacks, getenv() a function it lacks, a string
  // as a table a syntax error. The dialect writes none of them (test/security has the whole corpus).
  it.each([
    ["SELECT * FROM read_csv('/etc/passwd')", 1235],
    ["SELECT getenv('HOME') AS h", 1235],
    ["SELECT * FROM '/etc/hostname'", 1064],
  ] as const)('refuses %s with error %i', async (sql, errno) => {
    await expect(gateway.query(sql)).rejects.toMatchObject({ errno });
    await expect(gateway.execute(sql)).rejects.toMatchObject({ errno });
  });
});
