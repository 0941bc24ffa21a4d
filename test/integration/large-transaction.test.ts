// A transaction far larger than what the source keeps in memory (it is staged in the store in
// chunks) still reaches the store whole: never half-applied, and equal to the source after.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { waitFor } from '../support/services.ts';
import { diffDatabase } from '../support/compare.ts';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';

const DB = 'it_big_txn';
const ROWS = 120_000;
let instance: FollowedDatabase['instance'];
let source: mysql.Connection;
let gateway: mysql.Connection;
let followed: FollowedDatabase;

beforeAll(async () => {
  followed = await followFreshDatabase(DB, 'big', ['CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL, note VARCHAR(20))', `INSERT INTO t SELECT seq, 0, 'start' FROM seq_1_to_${ROWS}`]);
  ({ instance, source, gateway } = followed);
});

afterAll(() => followed?.close());

it(`applies a ${ROWS.toLocaleString()}-row transaction (with inserts, updates, deletes and key changes) all at once`, async () => {
  const seen = new Set<number>();
  let watching = true;
  const watcher = (async () => {
    while (watching) {
      const [rows] = await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.t WHERE v = 1`);
      seen.add(Number((rows as { n: string }[])[0]!.n));
    }
  })();
  await source.query('BEGIN');
  await source.query('UPDATE t SET v = 1, note = CONCAT(note, \'-1\')');
  await source.query('DELETE FROM t WHERE id % 10 = 0');
  await source.query(`INSERT INTO t SELECT ${ROWS} + seq, 1, 'new' FROM seq_1_to_5000`);
  // A key that moves after it was staged: the old key must go, the new one stay.
  await source.query('UPDATE t SET id = id + 1000000 WHERE id BETWEEN 1 AND 3');
  await source.query('UPDATE t SET note = \'last\' WHERE id = 5');
  await source.query('COMMIT');
  const expectedAfter = ROWS - ROWS / 10 + 5000;
  await waitFor('the transaction to land', async () => seen.has(expectedAfter), 60_000, 50);
  watching = false;
  await watcher;
  // Either nothing of it or all of it, never a part.
  expect([...seen].filter((n) => n !== 0 && n !== expectedAfter)).toEqual([]);
  expect(await diffDatabase(source, gateway, DB)).toEqual([]);
  // It went through the store's staging, not memory.
  expect(instance.connectors.get('big')!.status().stagedChunks).toBeGreaterThanOrEqual(5);
});
