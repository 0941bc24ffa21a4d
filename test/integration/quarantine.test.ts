// A table whose binlog rows no longer match the schema history (here: an ALTER run with the
// binlog switched off, as online-schema-change tools do on replicas) is quarantined, never
// misread; the other tables keep streaming; an ad-hoc snapshot of just that table brings it back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { waitFor } from '../support/services.ts';
import { diffTable } from '../support/compare.ts';
import { followFreshDatabase, storeColumnType, type FollowedDatabase } from '../support/embedded.ts';

const DB = 'it_quarantine';
let instance: FollowedDatabase['instance'];
let source: mysql.Connection;
let gateway: mysql.Connection;
let followed: FollowedDatabase;

beforeAll(async () => {
  followed = await followFreshDatabase(DB, 'q', [
    'CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10))',
    'CREATE TABLE b (id INT PRIMARY KEY, v VARCHAR(10))',
    "INSERT INTO a VALUES (1, 'a1'), (2, 'a2')",
    "INSERT INTO b VALUES (1, 'b1')",
    'CREATE TABLE u (id INT PRIMARY KEY, x UUID, ip INET6)',
  ]);
  ({ instance, source, gateway } = followed);
});

afterAll(() => followed?.close());

const status = () => instance.connectors.get('q')!.status();
const rows = async (sql: string) => (await gateway.query(sql))[0] as Record<string, unknown>[];

it('quarantines the table, keeps the others flowing, and re-snapshots it on request', async () => {
  await source.query('SET SESSION sql_log_bin = 0');
  await source.query('ALTER TABLE a ADD COLUMN extra INT NOT NULL DEFAULT 7');
  await source.query('SET SESSION sql_log_bin = 1');
  await source.query("INSERT INTO a VALUES (3, 'a3', 8)");
  await source.query("INSERT INTO b VALUES (2, 'b2')");

  const quarantined = await waitFor('a quarantined', async () => status().quarantined.find((q) => q.table === `${DB}.a`), 5000);
  expect(quarantined.reason).toMatch(/carry columns \[id, v, extra\] but the schema history has \[id, v\]/);
  await waitFor('b still streaming', async () => (await rows(`SELECT id FROM ${DB}.b WHERE id = 2`)).length === 1, 5000);
  // Nothing of a was misread: row 3 is not in the store.
  expect(await rows(`SELECT id FROM ${DB}.a ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);

  const res = await fetch(`http://127.0.0.1:${instance.restPort}/connectors/q/snapshot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'data-collections': [`${DB}.a`] }) });
  expect(res.status).toBe(202);
  await waitFor('a back', async () => status().quarantined.length === 0 && (await diffTable(source, gateway, DB, 'a')) === null, 10_000, 50);
  await source.query("INSERT INTO a VALUES (4, 'a4', 9)");
  await waitFor('a streaming again', async () => (await diffTable(source, gateway, DB, 'a')) === null && (await rows(`SELECT id FROM ${DB}.a WHERE id = 4`)).length === 1, 5000);

  const bad = await fetch(`http://127.0.0.1:${instance.restPort}/connectors/q/snapshot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tables: 'x' }) });
  expect(bad.status).toBe(400);
});

it('quarantines a table with a type the binlog reader cannot decode, naming the column and the way out', async () => {
  await source.query("INSERT INTO u VALUES (1, '123e4567-e89b-12d3-a456-426614174000', '::1')");
  const q = await waitFor('u quarantined', async () => status().quarantined.find((x) => x.table === `${DB}.u`), 5000);
  expect(q.reason).toMatch(/column x is uuid, which the binlog reader cannot decode exactly; exclude it \(column\.exclude\.list\)/);
  expect(await rows(`SELECT * FROM ${DB}.u`)).toEqual([]);
});

it('quarantines a table whose column is narrowed, widens in place, and takes the new type on a re-snapshot', async () => {
  await source.query('CREATE TABLE n (id INT PRIMARY KEY, big BIGINT, small SMALLINT, price DECIMAL(10,2))');
  await source.query('INSERT INTO n VALUES (1, 5, 6, 7.25)');
  await waitFor('n created', async () => (await rows(`SELECT id FROM ${DB}.n`)).length === 1, 5000);
  // Widening applies in place, values kept.
  await source.query('ALTER TABLE n MODIFY small BIGINT, MODIFY price DECIMAL(14,4)');
  await source.query('INSERT INTO n VALUES (2, 8, 9000000000, 1.1234)');
  await waitFor('widened', async () => (await diffTable(source, gateway, DB, 'n')) === null, 5000);
  // Narrowing does not guess: the table is set aside with the reason, the others go on.
  await source.query('ALTER TABLE n MODIFY big INT');
  await source.query("INSERT INTO b VALUES (50, 'after')");
  const q = await waitFor('n quarantined', async () => status().quarantined.find((x) => x.table === `${DB}.n`), 5000);
  expect(q.reason).toMatch(/cannot change column big from bigint(\(20\))? to int(\(11\))? .*narrows the type/);
  await waitFor('b flows', async () => (await rows(`SELECT id FROM ${DB}.b WHERE id = 50`)).length === 1, 5000);
  await fetch(`http://127.0.0.1:${instance.restPort}/connectors/q/snapshot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'data-collections': [`${DB}.n`] }) });
  await waitFor('n back with the new type', async () => !status().quarantined.some((x) => x.table === `${DB}.n`) && (await diffTable(source, gateway, DB, 'n')) === null, 10_000, 50);
  expect(await storeColumnType(instance, DB, 'n', 'big')).toBe('INTEGER');
});
