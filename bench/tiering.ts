// Issue 8's figures, on N bills (default 10M) spread over 60 months with a hot window that leaves
// about 80% of them cold. The store is filled through the sink's own snapshot path, in process (no
// MariaDB: this measures tiering, not capture). Then, in one run:
//   1. the same queries on the all-hot store (median of --repeats runs each);
//   2. the tiering run: rows/s moved, and the hot size of the moved rows (DuckDB blocks in use
//      before minus after) vs their cold size (Parquet bytes);
//   3. the same queries on the hot+cold view.
// Queries (MySQL, translated as the gateway does): full scan (COUNT, SUM over every row), one month
// in the cold range, a point lookup by
// primary key of a cold row.
//   npx tsx bench/tiering.ts [--bills 10000000] [--repeats 5]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ColumnarStore } from '../store/index.ts';
import { parseSinkConfig, writePolicyOf } from '../connectors/columnar-sink/index.ts';
import type { Row, TableSchema } from '../core/index.ts';
import { parseHotWindow } from '../partitioning/index.ts';
import { silentLogger } from '../core/index.ts';
import { Tiering } from '../tiering/index.ts';
import { translate } from '../dialect/index.ts';
import { SourceCatalogCache } from '../gateway/source-columns.ts';
import { argNumber, percentile, printTable } from './support.ts';

const bills = argNumber('bills', 10_000_000);
const repeats = argNumber('repeats', 5);
const MONTHS = 60;
const dir = mkdtempSync(join(tmpdir(), 'iq-bench-tier-'));
const schema: TableSchema = {
  db: 'rb',
  table: 'bill',
  primaryKey: ['id'],
  columns: [
    { name: 'id', columnType: 'bigint(20)', nullable: false },
    { name: 'contract_id', columnType: 'int(11)', nullable: false },
    { name: 'created_at', columnType: 'datetime', nullable: false },
    { name: 'amount_due', columnType: 'decimal(12,2)', nullable: false },
    { name: 'pay_status', columnType: 'tinyint(4)', nullable: false },
    { name: 'remark', columnType: 'varchar(64)', nullable: true },
  ],
};
const sink = parseSinkConfig({
  'connector.class': 'io.instaquery.connector.ColumnarSinkConnector',
  'partitioning.rb.bill': 'HASH(id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH',
  'hot.window.rb.bill': '12 months',
  'batch.size': 100_000,
  'max.buffered.records': 100_000,
});

// Bills over the 60 months before this month, evenly, so 48 of 60 months (80%) are cold.
const now = new Date();
const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS + 1, 1));
const pad = (n: number) => String(n).padStart(2, '0');
function bill(id: number): Row {
  const month = Math.floor(((id - 1) / bills) * MONTHS);
  const d = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + month, 1 + (id % 28), id % 24, id % 60, (id * 7) % 60));
  return {
    id: String(id),
    contract_id: String(1 + (id % 50_000)),
    created_at: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
    amount_due: `${id % 5000}.${pad(id % 100)}`,
    pay_status: String(id % 3),
    remark: id % 10 === 0 ? null : `bill ${id}`,
  };
}

const store = await ColumnarStore.open(join(dir, 'data'), [join(dir, 'cold')]);
const consumer = store.consumerFor('bench', writePolicyOf(sink));
const loadStart = Date.now();
await consumer.beginSnapshot([schema], { file: 'bench', pos: 4, gtid: null, snapshotCompleted: false });
const CHUNK = 100_000;
for (let from = 1; from <= bills; from += CHUNK) {
  const rows = Array.from({ length: Math.min(CHUNK, bills - from + 1) }, (_, i) => bill(from + i));
  await consumer.writeSnapshotRows(schema, rows, { lastKey: [rows.at(-1)!.id], rowsDone: from + rows.length - 1, done: from + CHUNK > bills });
  if ((from - 1) % 2_000_000 === 0) console.error(`loaded ${from - 1 + rows.length} bills`);
}
await consumer.completeSnapshot({ file: 'bench', pos: 4, gtid: null, snapshotCompleted: true });
console.error(`loaded ${bills} bills in ${((Date.now() - loadStart) / 1000).toFixed(0)} s`);

const coldMonth = `${firstMonth.getUTCFullYear() + 1}-${pad(firstMonth.getUTCMonth() + 1)}-01`;
const afterColdMonth = new Date(`${coldMonth}T00:00:00Z`);
afterColdMonth.setUTCMonth(afterColdMonth.getUTCMonth() + 1);
const coldId = Math.floor(bills * 0.3);
const queries = [
  { name: 'full scan: COUNT, SUM(amount_due)', sql: `SELECT COUNT(*), SUM(amount_due) FROM rb.bill` },
  { name: `one month (${coldMonth.slice(0, 7)}): COUNT, SUM`, sql: `SELECT COUNT(*), SUM(amount_due) FROM rb.bill WHERE created_at >= '${coldMonth}' AND created_at < '${afterColdMonth.toISOString().slice(0, 10)}'` },
  { name: `point lookup by id (${coldId})`, sql: `SELECT * FROM rb.bill WHERE id = ${coldId}` },
];

// Each query is MySQL, translated as the gateway translates it against the store's catalog as it is
// at that moment (a point lookup on a table with cold files reads its key's bucket view).
async function timeQueries(): Promise<{ ms: number[]; answers: string[] }> {
  const conn = await store.connect();
  try {
    const out = { ms: [] as number[], answers: [] as string[] };
    const catalog = (await new SourceCatalogCache().get(conn, true)).dialect;
    for (const mysqlQuery of queries) {
      const translated = translate(mysqlQuery.sql, { database: null, catalog });
      if (translated.kind !== 'select') throw new Error(`not a SELECT: ${mysqlQuery.sql}`);
      const q = { sql: translated.sql };
      const times: number[] = [];
      let answer = '';
      for (let i = 0; i < repeats + 1; i++) {
        const t = performance.now();
        const rows = (await conn.runAndReadAll(q.sql)).getRowsJS();
        if (i > 0) times.push(performance.now() - t); // the first run warms caches
        answer = JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
      }
      out.ms.push(percentile(times.sort((a, b) => a - b), 50));
      out.answers.push(answer);
    }
    return out;
  } finally {
    conn.closeSync();
  }
}

async function hotBytes(): Promise<number> {
  const conn = await store.connect();
  try {
    await conn.run('CHECKPOINT');
    // Blocks in use, not the file's size: DuckDB keeps a file's freed blocks for reuse.
    const r = await conn.runAndReadAll(`SELECT used_blocks * block_size FROM pragma_database_size()`);
    return Number(r.getRowsJS()[0]![0]);
  } finally {
    conn.closeSync();
  }
}

const allHot = await timeQueries();
const bytesBefore = await hotBytes();
const tiering = new Tiering(store, { schedule: '0 3 1 1 *', targetDir: join(dir, 'cold'), fileSizeBytes: 134_217_728, rowGroupSize: 122_880, orphanGraceMs: 0 }, (db, table) => (db === 'rb' && table === 'bill' ? parseHotWindow('12 months', 'bench') : null), silentLogger);
await tiering.start();
const tierStart = Date.now();
const runs = await tiering.run('rb.bill', 'manual');
const tierSeconds = (Date.now() - tierStart) / 1000;
const moved = runs.reduce((s, r) => s + (r.rows ?? 0), 0);
const coldBytes = runs.reduce((s, r) => s + (r.bytes ?? 0), 0);
const bytesAfter = await hotBytes();
const hotCold = await timeQueries();
for (let i = 0; i < queries.length; i++) {
  if (allHot.answers[i] !== hotCold.answers[i]) throw new Error(`${queries[i]!.name}: the hot+cold view answered ${hotCold.answers[i]}, all-hot ${allHot.answers[i]}`);
}

printTable(`Tiering ${bills.toLocaleString()} bills (60 months, hot window 12 months), one run`, [
  {
    'partitions moved': runs.length,
    'rows moved': moved,
    seconds: tierSeconds.toFixed(1),
    'rows/s': Math.round(moved / tierSeconds),
    'store used before (MB)': (bytesBefore / 2 ** 20).toFixed(0),
    'store used after (MB)': (bytesAfter / 2 ** 20).toFixed(0),
    'Parquet written (MB)': (coldBytes / 2 ** 20).toFixed(0),
    'cold / hot bytes of the moved rows': (coldBytes / Math.max(1, bytesBefore - bytesAfter)).toFixed(2),
  },
]);
printTable(`Query medians (ms, ${repeats} runs after one warm-up; answers checked equal)`, queries.map((q, i) => ({ query: q.name, 'all hot': allHot.ms[i]!.toFixed(1), 'hot + cold view': hotCold.ms[i]!.toFixed(1), ratio: (hotCold.ms[i]! / allHot.ms[i]!).toFixed(2) })));
await tiering.stop();
await store.close();
rmSync(dir, { recursive: true, force: true });
