// A table without a primary key is an append-only multiset in the store, as in MySQL: duplicate
// rows stay duplicates, a delete removes one identical row (not all of them), an update replaces
// one. Checked against the source's own multiset while streaming, with and without range
// partitions, with several sink tasks (a keyless table stays whole on task 0).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_keyless';
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

const multiset = async (conn: mysql.Connection, table: string) =>
  JSON.stringify(((await conn.query(`SELECT msg, n, CAST(on_day AS CHAR) AS on_day FROM ${DB}.${table} ORDER BY msg, n, on_day`))[0] as unknown[]));
const sameAsSource = (table: string) => waitFor(`${table} equals the source`, async () => (await multiset(source, table)) === (await multiset(gateway, table)), 10_000, 50);

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  for (const t of ['plain_log', 'monthly_log']) {
    await source.query(`CREATE TABLE ${t} (msg VARCHAR(10), n INT, on_day DATE NOT NULL)`);
    await source.query(`INSERT INTO ${t} VALUES ('a', 1, '2024-01-05'), ('a', 1, '2024-01-05'), ('a', 1, '2024-01-05'), ('b', NULL, '2024-02-01')`);
  }
  const sink = { name: 'sink', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', 'tasks.max': 2, [`partitioning.${DB}.monthly_log`]: 'HASH(msg) PARTITIONS 2 RANGE(on_day) INTERVAL MONTH' } };
  instance = await startEmbedded([sourceConnector('keyless', DB), sink]);
  gateway = await connectGateway(instance.gateway.port);
  await sameAsSource('plain_log');
  await sameAsSource('monthly_log');
}, 60_000);

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

it.each(['plain_log', 'monthly_log'])('%s keeps duplicates and removes one copy per deleted row', async (table) => {
  expect(await multiset(gateway, table)).toContain('"msg":"a","n":1');
  await source.query(`DELETE FROM ${table} WHERE msg = 'a' LIMIT 1`);
  await sameAsSource(table);
  expect(((await gateway.query(`SELECT count(*) AS c FROM ${DB}.${table} WHERE msg = 'a'`))[0] as { c: unknown }[])[0]!.c).toBe('2');
  await source.query(`UPDATE ${table} SET on_day = '2024-03-03' WHERE msg = 'a' LIMIT 1`);
  await source.query(`INSERT INTO ${table} VALUES ('b', NULL, '2024-02-01')`);
  await source.query(`DELETE FROM ${table} WHERE msg = 'b' AND n IS NULL LIMIT 1`);
  await sameAsSource(table);
  // One transaction that inserts a duplicate and deletes two copies.
  await source.query(`BEGIN`);
  await source.query(`INSERT INTO ${table} VALUES ('a', 1, '2024-01-05')`);
  await source.query(`DELETE FROM ${table} WHERE msg = 'a' AND on_day = '2024-01-05' LIMIT 2`);
  await source.query(`COMMIT`);
  await sameAsSource(table);
  expect(((await gateway.query(`SELECT count(*) AS c FROM ${DB}.${table}`))[0] as { c: unknown }[])[0]!.c).toBe('2');
});
