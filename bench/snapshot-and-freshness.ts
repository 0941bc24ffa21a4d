// Issue 2's figures on generated rental-billing data:
//   1. snapshot rate: rows/s from the source into the store (per table and overall);
//   2. freshness: source commit → visible through the gateway (p50/p99 ms) while ~1,000 row
//      changes/s stream into bill.
// instaquery runs as its own process, as in production; this script is only source and client.
//   npx tsx bench/snapshot-and-freshness.ts [--bills 1000000] [--seconds 30] [--rate 1000]
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { startTrickle } from '../workload/rental-billing/trickle.ts';
import { runInstaquery, writeConfig } from '../test/support/instaquery-process.ts';
import { argNumber, benchMariaDb, benchSourceConnector, ensureBills, percentile, printTable } from './support.ts';

const bills = argNumber('bills', 1_000_000);
const seconds = argNumber('seconds', 30);
const rate = argNumber('rate', 1000);
const DB = 'bench_rb';

const source = benchMariaDb();
const admin = await mysql.createConnection({ ...source });
await ensureBills(admin, DB, bills);
await admin.query(`CREATE TABLE IF NOT EXISTS ${DB}.freshness_probe (id INT PRIMARY KEY, committed_at BIGINT NOT NULL)`);
await admin.query(`DELETE FROM ${DB}.freshness_probe`);
const [sizes] = await admin.query(`SELECT TABLE_NAME AS t, TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?`, [DB]);
console.error(`source tables: ${(sizes as { t: string; n: number }[]).map((r) => `${r.t}≈${r.n}`).join(', ')}`);

const dir = mkdtempSync(join(tmpdir(), 'iq-bench-'));
const config = writeConfig(dir, {
  dataDir: join(dir, 'data'),
  gateway: { port: 0 },
  rest: { port: 0 },
  connectors: [benchSourceConnector(source, DB, 7001)],
});

const started = Date.now();
const proc = runInstaquery(['start', '--config', config]);
const port = await proc.ready(30 * 60_000);
const snapshotWall = (Date.now() - started) / 1000;
const done = proc
  .output()
  .split('\n')
  .filter((l) => l.includes('"snapshot table done"'))
  .map((l) => JSON.parse(l) as { table: string; rows: number; ms: number });
const totalRows = done.reduce((s, d) => s + d.rows, 0);
const snapshotMs = done.reduce((s, d) => s + d.ms, 0);
const peakKb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const snapshotPeakMb = peakKb(proc.child.pid!) / 1024;

printTable(
  `Snapshot of ${DB} (${bills.toLocaleString()} bills) into the store`,
  [
    ...done.filter((d) => d.rows >= 1000).map((d) => ({ table: d.table, rows: d.rows, seconds: (d.ms / 1000).toFixed(2), 'rows/s': Math.round(d.rows / (d.ms / 1000)) })),
    { table: 'all tables', rows: totalRows, seconds: (snapshotMs / 1000).toFixed(2), 'rows/s': Math.round(totalRows / (snapshotMs / 1000)) },
    { table: 'process start → ready', rows: totalRows, seconds: snapshotWall.toFixed(2), 'rows/s': Math.round(totalRows / snapshotWall) },
  ],
);
console.log(`\npeak RSS of the instaquery process during the snapshot: ${snapshotPeakMb.toFixed(0)} MB`);

// Freshness under load.
const pool = mysql.createPool({ ...source, connectionLimit: 4 });
const trickle = startTrickle(pool, { db: DB, bills, perSecond: rate });
const probe = await mysql.createConnection({ ...source });
const gateway = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
const latencies: number[] = [];
const until = Date.now() + seconds * 1000;
let id = 0;
while (Date.now() < until) {
  id++;
  await probe.query(`INSERT INTO ${DB}.freshness_probe VALUES (?, ?)`, [id, Date.now()]);
  const committed = Date.now();
  for (;;) {
    const [rows] = await gateway.query(`SELECT id FROM ${DB}.freshness_probe WHERE id = ${id}`);
    if ((rows as unknown[]).length > 0) break;
    if (Date.now() - committed > 30_000) throw new Error(`probe ${id} not visible after 30 s`);
    await new Promise((r) => setTimeout(r, 1));
  }
  latencies.push(Date.now() - committed);
  await new Promise((r) => setTimeout(r, 50));
}
await trickle.stop();
const changesPerSecond = trickle.changes / seconds;
const sorted = [...latencies].sort((a, b) => a - b);
printTable(`Freshness: source commit → visible through the gateway, while ~${rate} row changes/s stream in`, [
  { samples: sorted.length, 'p50 ms': percentile(sorted, 50), 'p90 ms': percentile(sorted, 90), 'p99 ms': percentile(sorted, 99), 'max ms': sorted.at(-1)!, 'row changes/s (measured)': Math.round(changesPerSecond) },
]);
console.log(`peak RSS of the instaquery process overall: ${(peakKb(proc.child.pid!) / 1024).toFixed(0)} MB`);

await gateway.end();
await probe.end();
await pool.end();
await admin.end();
proc.child.kill('SIGTERM');
await proc.exited();
