// Issue 4's figure: does the sink stay fast as the `bill` table grows? The real sink (ColumnarStore,
// its staging, routing and DELETE+INSERT) takes bill-shaped change events — all 24 columns of
// workload/rental-billing's bill — in batches of `batch.size`, while the table grows from 0 to
// the largest size. At each size it measures, side by side for each layout:
//   inserts: new bills (increasing ids, created_at moving forward through time)
//   updates: random ids across the whole table (the worst case: every batch touches every part),
//            and random ids of the last 90 days (what bills mostly see)
//   deletes: random ids across the whole table
// in rows/s, plus the process's peak RSS and the DuckDB file size.
//   npx tsx bench/sink-growth.ts [--sizes 1000000,5000000,10000000,20000000] [--batch 20000]
//     [--update-batches 5] [--layouts hash,month] [--tasks 1]
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnarStore } from '../store/index.ts';
import { sinkConfigSchema, writePolicyOf } from '../connectors/columnar-sink/index.ts';
import type { ChangeEvent, ChangeConsumer, Row, SourceColumn, SourceOffset, TableSchema } from '../core/index.ts';
import { printTable } from './support.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const sizes = arg('sizes', '1000000,5000000,10000000,20000000').split(',').map(Number);
const batch = Number(arg('batch', '20000'));
const updateBatches = Number(arg('update-batches', '5'));
const layouts = arg('layouts', 'hash,month').split(',');
const tasks = Number(arg('tasks', '1'));

const col = (name: string, columnType: string, nullable = false): SourceColumn => ({ name, columnType, nullable });
const BILL: TableSchema = {
  db: 'rb',
  table: 'bill',
  primaryKey: ['id'],
  columns: [
    col('id', 'bigint(20) unsigned'), col('bill_no', 'varchar(40)'), col('contract_id', 'bigint(20) unsigned'), col('house_id', 'bigint(20) unsigned'),
    col('project_id', 'bigint(20) unsigned'), col('tenant_id', 'bigint(20) unsigned'), col('bill_type_id', 'int(10) unsigned'), col('account_period', 'char(7)'),
    col('period_start', 'date'), col('period_end', 'date'), col('due_date', 'date'), col('amount_due', 'decimal(14,2)'), col('amount_paid', 'decimal(14,2)'),
    col('late_fee', 'decimal(12,2)', true), col('currency', 'char(3)'), col('arrears_status', "enum('none','overdue','partially_paid','written_off')"),
    col('pay_status', 'varchar(16)'), col('paid_at', 'datetime(3)', true), col('meter_reading', 'double', true), col('remark', 'varchar(255)', true),
    col('attrs', 'json', true), col('is_deleted', 'tinyint(1)'), col('created_at', 'datetime(3)'), col('updated_at', 'timestamp(3)'),
  ],
};

/** 40,000 contracts x 8 bill types a month is ~10,000 bills a day: 20M bills span 66 months from 2019. */
const BILLS_PER_DAY = 10_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (id: number) => new Date(Date.UTC(2019, 0, 1) + Math.floor(id / BILLS_PER_DAY) * 86_400_000);
const isoDate = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function bill(id: number, version: number): Row {
  const day = dayOf(id);
  const date = isoDate(day);
  const paid = version > 0;
  return {
    id: String(id), bill_no: `B${String(id).padStart(12, '0')}`, contract_id: String((id % 40_000) + 1), house_id: String((id % 30_000) + 1),
    project_id: String((id % 50) + 1), tenant_id: String((id % 35_000) + 1), bill_type_id: (id % 8) + 1, account_period: date.slice(0, 7),
    period_start: date, period_end: date, due_date: date, amount_due: `${(id % 20_000) + 100}.25`, amount_paid: paid ? `${(id % 20_000) + 100}.25` : '0.00',
    late_fee: null, currency: 'CNY', arrears_status: 'none', pay_status: paid ? 'paid' : 'unpaid', paid_at: paid ? `${date} 12:00:00.000` : null,
    meter_reading: id % 3 === 0 ? (id % 1000) / 10 : null, remark: paid ? `paid v${version}` : null, attrs: null, is_deleted: 0,
    created_at: `${date} ${pad((id % 24))}:${pad(id % 60)}:00.000`, updated_at: `${date} ${pad(id % 24)}:${pad(id % 60)}:00.000`,
  };
}

let pos = 4;
const offset = (): SourceOffset => ({ file: 'bench-bin.000001', pos: (pos += 100), gtid: null, snapshotCompleted: true });
const event = (op: 'c' | 'u' | 'd', before: Row | null, after: Row | null): ChangeEvent => ({
  op, before, after, ts_ms: 0, schema: BILL,
  source: { name: 'bench', db: 'rb', table: 'bill', file: 'bench-bin.000001', pos, gtid: null, ts_ms: 0, snapshot: 'false' },
});

/** Random distinct live ids in [minId, maxId]. */
function randomIds(minId: number, maxId: number, n: number, deleted: Set<number>): number[] {
  const out = new Set<number>();
  while (out.size < n) {
    const id = minId + Math.floor(Math.random() * (maxId - minId + 1));
    if (!deleted.has(id)) out.add(id);
  }
  return [...out];
}

function rssMb(): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(consumer: ChangeConsumer, events: ChangeEvent[]): Promise<number> {
  const t0 = performance.now();
  await consumer.applyChanges(events, offset());
  return events.length / ((performance.now() - t0) / 1000);
}

const results: Record<string, string | number>[] = [];
for (const layout of layouts) {
  const dir = mkdtempSync(join(tmpdir(), 'iq-sink-growth-'));
  const store = await ColumnarStore.open(dir);
  const sink = sinkConfigSchema.parse({
    'connector.class': 'io.instaquery.connector.ColumnarSinkConnector',
    'tasks.max': tasks,
    'batch.size': batch,
    ...(layout === 'month' ? { 'partitioning.rb.bill': 'HASH(id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH' } : {}),
  });
  const consumer = store.consumerFor('bench', writePolicyOf(sink));
  await consumer.applySchemaChange('-- bench', [{ kind: 'create', after: BILL }], offset());
  let maxId = 0;
  let peakRss = rssMb();
  const deleted = new Set<number>();
  const versions = new Map<number, number>();
  for (const size of sizes) {
    // Grow to the size; the last batches before it are the insert measurement.
    const insertRates: number[] = [];
    while (maxId < size) {
      const n = Math.min(batch, size - maxId);
      const events = Array.from({ length: n }, (_, i) => event('c', null, bill(maxId + i + 1, 0)));
      const rate = await timed(consumer, events);
      maxId += n;
      if (size - maxId < batch * updateBatches) insertRates.push(rate);
      peakRss = Math.max(peakRss, rssMb());
    }
    const updates = async (minId: number) => {
      const rates: number[] = [];
      for (let b = 0; b < updateBatches; b++) {
        const ids = randomIds(minId, maxId, batch, deleted);
        const events = ids.map((id) => {
          const v = versions.get(id) ?? 0;
          versions.set(id, v + 1);
          return event('u', bill(id, v), bill(id, v + 1));
        });
        rates.push(await timed(consumer, events));
        peakRss = Math.max(peakRss, rssMb());
      }
      return rates;
    };
    const updateRates = await updates(1);
    // Bills mostly change while recent (payments, late fees): ids of the last 90 days.
    const recentRates = await updates(Math.max(1, maxId - 90 * BILLS_PER_DAY));
    const deleteRates: number[] = [];
    for (let b = 0; b < Math.max(1, Math.floor(updateBatches / 2)); b++) {
      const ids = randomIds(1, maxId, batch / 4, deleted);
      for (const id of ids) deleted.add(id);
      deleteRates.push(await timed(consumer, ids.map((id) => event('d', bill(id, versions.get(id) ?? 0), null))));
      peakRss = Math.max(peakRss, rssMb());
    }
    const reader = await store.connect();
    const rows = Number((await reader.runAndReadAll('SELECT count(*) FROM rb.bill')).getRowsJS()[0]![0]);
    reader.closeSync();
    if (rows !== maxId - deleted.size) throw new Error(`bill has ${rows} rows, expected ${maxId - deleted.size}`);
    results.push({
      layout: layout === 'month' ? 'HASH(id) x RANGE(created_at) MONTH' : 'HASH(id) PARTITIONS 16 (one table)',
      tasks,
      'bill rows': rows.toLocaleString(),
      'inserts rows/s': Math.round(median(insertRates)).toLocaleString(),
      'updates rows/s': Math.round(median(updateRates)).toLocaleString(),
      'updates, last 90 days, rows/s': Math.round(median(recentRates)).toLocaleString(),
      'deletes rows/s': Math.round(median(deleteRates)).toLocaleString(),
      'peak RSS MB': Math.round(peakRss),
      // The write-ahead log holds what the last checkpoint has not yet written into the file.
      'file + WAL MB': Math.round((statSync(store.path).size + (existsSync(`${store.path}.wal`) ? statSync(`${store.path}.wal`).size : 0)) / 1e6),
    });
    console.error(JSON.stringify(results.at(-1)));
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
printTable(`The sink applying bill changes in batches of ${batch.toLocaleString()} as the table grows (medians of ${updateBatches} batches; deletes in batches of ${(batch / 4).toLocaleString()})`, results);
