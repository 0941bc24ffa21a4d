// The gateway's protocol against real clients: prepared statements with every parameter type
// (mysql2's binary protocol), multi-statement queries, results streamed with bounded memory, and
// the commands drivers send besides queries. Answers are compared with MariaDB's for the same SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { connectSource, exactValues, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
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

/** The server version a server's handshake (its first packet) names. */
async function greetingVersion(port: number, host = '127.0.0.1'): Promise<string> {
  const socket = new Socket();
  try {
    const packet = await new Promise<Buffer>((resolve, reject) => {
      socket.once('data', resolve).once('error', reject).connect(port, host);
    });
    return packet.toString('latin1', 5, packet.indexOf(0, 5));
  } finally {
    socket.destroy();
  }
}

describe('the server it presents', () => {
  it("greets with the source's version as the source does (MariaDB's 5.5.5- prefix) and answers its variables", async () => {
    const { host, port } = mariadb();
    expect(await greetingVersion(instance.gateway.port)).toBe(await greetingVersion(port, host));
    const sql = 'SELECT @@version, @@version_comment, @@sql_mode, @@max_allowed_packet, @@tx_isolation';
    expect((await gateway.query(sql))[0]).toEqual((await source.query(sql))[0]);
    await expect(gateway.query('SELECT @@transaction_isolation')).rejects.toMatchObject({ errno: 1193 });
  });
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
    // The gateway presents itself as its source: the same @@version_comment MariaDB answers.
    const [rows] = await gateway.execute('SELECT @@version_comment AS c');
    const [expected] = await source.query('SELECT @@version_comment AS c');
    expect(rows).toEqual(expected);
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
    // The reader runs in its own process and pauses; the gateway must keep pace with it, holding
    // at most a batch of rows beyond the socket's buffer. What it has written and the client has
    // not read yet is the socket's writableLength: sampled on every write of the gateway's
    // sockets. (Process memory is no measure here: V8 collects the rows' garbage when it likes.)
    const port = instance.gateway.port;
    let peakQueued = 0;
    const write = Socket.prototype.write;
    Socket.prototype.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
      const ok = write.apply(this, args);
      if (this.localPort === port) peakQueued = Math.max(peakQueued, this.writableLength);
      return ok;
    } as Socket['write'];
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const reader = spawn(process.execPath, [new URL('../clients/node/slow-reader.mjs', import.meta.url).pathname, String(port), "WITH RECURSIVE d AS (SELECT 0 AS i UNION ALL SELECT i + 1 FROM d WHERE i < 1999) SELECT a.i * 1000 + b.i AS n, REPEAT('x', 100) AS pad FROM d a, d b WHERE b.i < 1000"], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      reader.stdout.on('data', (c: Buffer) => (out += c.toString()));
      reader.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise<number | null>((resolve) => reader.on('exit', resolve));
      expect(code, err).toBe(0);
      expect(JSON.parse(out)).toEqual({ count: 2_000_000, sum: '1999999000000' });
    } finally {
      Socket.prototype.write = write;
      clearInterval(sampler);
    }
    // ~220 MB of row packets went out, the reader pausing; a batch is 2,048 rows of ~110 bytes.
    expect(peakQueued).toBeGreaterThan(0);
    expect(peakQueued / 1e6).toBeLessThan(2);
    expect((peak - before) / 1e6).toBeLessThan(400);
  });
});
