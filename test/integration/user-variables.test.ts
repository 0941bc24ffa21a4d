// User variables through the wire, as clients use them: in one multi-statement text (mysql2's
// multipleStatements), in server-side prepared statements (the value at each execution, not at
// prepare), SELECT … INTO, and a user limited to some databases setting a variable from a table
// it may not read (1142, as for the SELECT itself). Each answer is compared with MariaDB's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { followFreshDatabase, startEmbedded, type FollowedDatabase } from '../support/embedded.ts';
import { connectGateway, waitFor } from '../support/services.ts';

const DB = 'it_user_vars';
let env: FollowedDatabase;

beforeAll(async () => {
  env = await followFreshDatabase(DB, 'uservars', ['CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20), amount DECIMAL(10,2))', "INSERT INTO t VALUES (1, 'bob', 1.50), (2, 'Zoë', NULL), (3, 'BOB ', 99.99)"]);
  await waitFor('the snapshot', async () => Number(((await env.gateway.query(`SELECT count(*) AS n FROM ${DB}.t`))[0] as { n: unknown }[])[0]?.n) === 3, 60_000, 100);
}, 90_000);

afterAll(async () => {
  await env?.close();
});

async function both<T>(run: (c: mysql.Connection) => Promise<T>, multipleStatements = false): Promise<[T, T]> {
  const source = await mysql.createConnection({ socketPath: '/tmp/instaquery-services/main/mysqld.sock', user: 'root', database: DB, multipleStatements, charset: 'UTF8MB4_GENERAL_CI' });
  const gateway = await mysql.createConnection({ host: '127.0.0.1', port: env.instance.gateway.port, user: 'root', database: DB, multipleStatements, charset: 'UTF8MB4_GENERAL_CI' });
  try {
    return [await run(source), await run(gateway)];
  } finally {
    await source.end();
    await gateway.end();
  }
}

it('keeps variables across the statements of one multi-statement text', async () => {
  const [a, b] = await both(async (c) => (await c.query("SET @lo = 1, @n = 'BOB'; SELECT id FROM t WHERE id > @lo AND name = @n ORDER BY id; SELECT @lo + 1 AS next"))[0], true);
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
});

it('reads a variable at each execution of a prepared statement, not when it was prepared', async () => {
  const [a, b] = await both(async (c) => {
    const out: unknown[] = [];
    await c.query("SET @n = 'bob'");
    out.push((await c.execute('SELECT id FROM t WHERE name = @n AND id >= ? ORDER BY id', [1]))[0]);
    await c.query("SET @n = 'zoe'");
    out.push((await c.execute('SELECT id FROM t WHERE name = @n AND id >= ? ORDER BY id', [1]))[0]);
    return out;
  });
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  expect(JSON.stringify(b)).toContain('"id":2');
});

it('stores SELECT … INTO and SET from a subquery, once', async () => {
  const [a, b] = await both(async (c) => {
    await c.query('SELECT max(id), min(name) INTO @top, @first FROM t');
    await c.query('SET @cnt = (SELECT count(*) FROM t WHERE id <= @top)');
    return (await c.query('SELECT @top, @first, @cnt'))[0];
  });
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
});

it('checks the grants of a SET @x = (SELECT …) as of a SELECT', async () => {
  const limited = await startEmbedded([], { gateway: { port: 0, users: [{ user: 'ana', password: 'pw-ana', databases: ['only_this'] }] } });
  try {
    const conn = await connectGateway(limited.gateway.port, { user: 'ana', password: 'pw-ana' });
    await expect(conn.query(`SET @x = (SELECT count(*) FROM ${DB}.t)`)).rejects.toMatchObject({ errno: 1142 });
    await conn.end();
  } finally {
    await limited.stop();
  }
}, 30_000);
