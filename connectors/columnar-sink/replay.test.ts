// Idempotence, on a real DuckDB store: after a crash the source re-reads from the stored offset
// (or, with several sink tasks, from before a batch some tasks already committed), so applying
// any suffix of the stream again must leave the same state — for one table and for range
// partitions (where a re-applied row may have moved month since), with one task and with three.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnarStore } from '../../store/index.ts';
import { sinkConfigSchema, writePolicyOf } from './config.ts';
import type { ChangeEvent, Row, SourceOffset, TableSchema } from '../../core/index.ts';

const T: TableSchema = {
  db: 'shop',
  table: 'orders',
  primaryKey: ['id'],
  columns: [
    { name: 'id', columnType: 'int(11)', nullable: false },
    { name: 'status', columnType: 'varchar(10)', nullable: true },
    { name: 'created_at', columnType: 'datetime', nullable: false },
  ],
};

let pos = 0;
const at = (): SourceOffset => ({ file: 'bin.000001', pos: (pos += 10), gtid: null, snapshotCompleted: true });
const ev = (op: 'c' | 'u' | 'd', before: Row | null, after: Row | null): ChangeEvent => ({
  op, before, after, ts_ms: 0, schema: T,
  source: { name: 'src', db: 'shop', table: 'orders', file: 'bin.000001', pos, gtid: null, ts_ms: 0, snapshot: 'false' },
});
const row = (id: number, status: string, month: number): Row => ({ id, status, created_at: `2024-0${month}-10 08:00:00` });

/** A history that inserts, updates (some across months), deletes and re-inserts keys. */
function history(): ChangeEvent[][] {
  const batches: ChangeEvent[][] = [];
  batches.push(Array.from({ length: 30 }, (_, i) => ev('c', null, row(i + 1, 'new', (i % 3) + 1))));
  batches.push(Array.from({ length: 10 }, (_, i) => ev('u', row(i + 1, 'new', (i % 3) + 1), row(i + 1, 'paid', 4))));
  batches.push([ev('d', row(11, 'new', 2), null), ev('d', row(1, 'paid', 4), null), ev('c', null, row(1, 'again', 1))]);
  batches.push(Array.from({ length: 5 }, (_, i) => ev('u', row(i + 2, 'paid', 4), row(i + 2, 'moved', 2))));
  return batches;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function stateAfter(batches: ChangeEvent[][], replayFrom: number | null, config: Record<string, unknown>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'iq-replay-'));
  dirs.push(dir);
  const store = await ColumnarStore.open(dir);
  try {
    const consumer = store.consumerFor('src', writePolicyOf(sinkConfigSchema.parse({ 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', ...config })));
    await consumer.applySchemaChange('CREATE TABLE orders', [{ kind: 'create', after: T }], at());
    for (const b of batches) await consumer.applyChanges(b, at());
    if (replayFrom !== null) for (const b of batches.slice(replayFrom)) await consumer.applyChanges(b, at());
    const conn = await store.connect();
    const rows = (await conn.runAndReadAll('SELECT id, status, CAST(created_at AS VARCHAR) FROM shop.orders ORDER BY id')).getRowsJS();
    conn.closeSync();
    return JSON.stringify(rows);
  } finally {
    await store.close();
  }
}

describe.each([
  ['one table, one task', {}],
  ['range partitions by month, one task', { 'partitioning.shop.orders': 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH' }],
  ['range partitions by month, three tasks', { 'partitioning.shop.orders': 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH', 'tasks.max': 3 }],
  ['one table, three tasks', { 'tasks.max': 3 }],
])('%s', (_, config) => {
  it('ends in the same state whatever suffix of the stream is applied again', async () => {
    const batches = history();
    const once = await stateAfter(batches, null, config);
    expect(JSON.parse(once)).toHaveLength(29);
    expect(once).toContain('[1,"again","2024-01-10 08:00:00"]');
    expect(once).toContain('[2,"moved","2024-02-10 08:00:00"]');
    for (let from = 0; from < batches.length; from++) expect(await stateAfter(batches, from, config)).toBe(once);
  });
});
