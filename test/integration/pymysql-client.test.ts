// PyMySQL (Debian's python3-pymysql) against the gateway and against MariaDB, same queries, same
// rows: values must arrive as the same Python types and values, with the same column types.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_pymysql';
const runner = fileURLToPath(new URL('../clients/python/query_runner.py', import.meta.url));
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;

const REQUESTS = [
  { sql: 'SELECT * FROM payment ORDER BY id' },
  { sql: 'SELECT id, amount FROM payment WHERE method = %s AND amount > %s ORDER BY id', args: ['wechat', '10.00'] },
  { sql: 'SELECT count(*) AS n, sum(amount) AS total FROM payment WHERE paid_at >= %s', args: ['2024-01-01 00:00:00'] },
  { sql: 'SELECT * FROM missing_table' },
];

async function run(host: string, port: number, user: string, password: string): Promise<unknown[]> {
  const child = execFile('/usr/bin/python3', [runner, host, String(port), user, password, DB]);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin!.end(REQUESTS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`query_runner.py exited ${code}`)))));
  return out.trim().split('\n').map((l) => JSON.parse(l) as unknown);
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE payment (id INT UNSIGNED PRIMARY KEY, bill_id BIGINT NOT NULL, amount DECIMAL(12,2) NOT NULL, method ENUM('cash','wechat','alipay') NOT NULL, paid_at DATETIME(6), ok TINYINT(1) NOT NULL, memo VARCHAR(40), raw VARBINARY(4))`);
  await source.query(`INSERT INTO payment VALUES (1, 9007199254740993, 12.50, 'wechat', '2024-02-29 12:00:00.123456', 1, 'première', X'0102'), (2, -1, 0.00, 'cash', NULL, 0, NULL, NULL), (3, 7, 99999.99, 'wechat', '2024-05-01 00:00:00', 1, '', X'')`);
  instance = await startEmbedded([sourceConnector('pymysql', DB)]);
  await waitFor('streaming', async () => instance.connectors.get('pymysql')!.status().phase === 'streaming', 30_000);
}, 60_000);

afterAll(async () => {
  await source?.end();
  await instance?.stop();
});

it('gets from the gateway what it gets from MariaDB', async () => {
  const m = mariadb();
  const expected = await run(m.host, m.port, m.user, m.password);
  const actual = await run('127.0.0.1', instance.gateway.port, 'root', '');
  expect(actual.slice(0, 2)).toEqual(expected.slice(0, 2));
  // Computed columns (count, sum) match in values and types; their NOT NULL flag waits for the
  // dialect's result-column hints (MySQL marks count(*) NOT NULL, DuckDB does not say).
  const withoutNullability = (r: unknown) => ({ ...(r as object), columns: (r as { columns: object[] }).columns.map((c) => ({ ...c, null_ok: null })) });
  expect(withoutNullability(actual[2])).toEqual(withoutNullability(expected[2]));
  // The same error code for a missing table (the message names it in DuckDB's words).
  expect(actual[3]).toMatchObject({ error: { code: 1146 } });
  expect(expected[3]).toMatchObject({ error: { code: 1146 } });
}, 60_000);
