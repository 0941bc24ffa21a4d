// The sink's batching knobs and tasks, end to end from a real MariaDB: batch.size caps a store
// transaction (a larger source transaction still goes whole), linger.ms gathers a burst into
// few transactions, and tasks.max splits one table's upserts among tasks by hash bucket.
import { afterEach, expect, it } from 'vitest';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { diffTable } from '../support/compare.ts';
import type mysql from 'mysql2/promise';

const DB = 'it_batching';
let instance: Awaited<ReturnType<typeof startEmbedded>> | null = null;
const open: mysql.Connection[] = [];

afterEach(async () => {
  for (const c of open.splice(0)) await c.end();
  await instance?.stop();
  instance = null;
});

async function follow(name: string, sinkConfig: Record<string, unknown>) {
  await freshDatabase(DB);
  const source = await connectSource(DB);
  await source.query('CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(20))');
  instance = await startEmbedded([sourceConnector(name, DB), { name: 'sink', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', ...sinkConfig } }]);
  const gateway = await connectGateway(instance.gateway.port);
  open.push(source, gateway);
  await waitFor('snapshot done', async () => instance!.connectors.get(name)!.status().state === 'RUNNING' && (await diffTable(source, gateway, DB, 't')) === null);
  const synced = () => waitFor('in sync', async () => (await diffTable(source, gateway, DB, 't')) === null, 10_000, 50);
  return { source, synced, tasks: () => instance!.store!.sinkTasks(name) };
}

it('batch.size caps the records of one store transaction, except one larger source transaction', async () => {
  // linger.ms holds the first flush until all 60 one-row transactions wait: uncapped, they would
  // go as one store transaction of 60.
  const { source, synced, tasks } = await follow('batching', { 'batch.size': 10, 'linger.ms': 300 });
  await source.query(Array.from({ length: 60 }, (_, i) => `INSERT INTO t VALUES (${i + 1}, 'single')`).join('; '));
  await synced();
  expect(tasks()[0]!.largestBatch).toBe(10);
  expect(tasks()[0]!.batches).toBeGreaterThanOrEqual(6);
  expect(tasks()[0]!.recordsApplied).toBe(60);
  const rows = Array.from({ length: 25 }, (_, i) => `(${1000 + i}, 'one txn')`);
  await source.query(`INSERT INTO t VALUES ${rows.join(', ')}`);
  await synced();
  expect(tasks()[0]!.largestBatch).toBe(25);
});

it('linger.ms gathers a burst of source transactions into few store transactions', async () => {
  const { source, synced, tasks } = await follow('linger', { 'linger.ms': 500 });
  const burst = Array.from({ length: 40 }, (_, i) => `INSERT INTO t VALUES (${i + 1}, 'burst')`);
  const committed = Date.now();
  await source.query(burst.join('; '));
  await synced();
  // The flush waited for linger.ms: nothing could be visible sooner (without it, tens of ms).
  expect(Date.now() - committed).toBeGreaterThanOrEqual(450);
  expect(tasks()[0]!.recordsApplied).toBe(40);
  expect(tasks()[0]!.batches).toBeLessThanOrEqual(2);
});

it('tasks.max splits one table among tasks by hash bucket, and the result equals the source', async () => {
  const { source, synced, tasks } = await follow('tasks', { 'tasks.max': 4 });
  const rows = Array.from({ length: 400 }, (_, i) => `(${i + 1}, 'v${i}')`);
  await source.query(`INSERT INTO t VALUES ${rows.join(', ')}`);
  await source.query(`UPDATE t SET v = 'updated' WHERE id % 3 = 0`);
  await source.query(`DELETE FROM t WHERE id % 7 = 0`);
  await synced();
  const stats = tasks();
  expect(stats.map((s) => s.task)).toEqual([0, 1, 2, 3]);
  // Every task got a share: 4 tasks over 16 buckets of 400 keys.
  for (const s of stats) expect(s.recordsApplied).toBeGreaterThan(50);
  // 400 inserts, 133 updates and 57 deletes are 590 records when each statement is its own batch;
  // fewer when batches merge them (a key inserted and updated in one batch is one record).
  const total = stats.reduce((n, s) => n + s.recordsApplied, 0);
  expect(total).toBeGreaterThanOrEqual(400);
  expect(total).toBeLessThanOrEqual(590);
});
