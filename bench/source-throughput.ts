// Issue 3's figures: snapshot rate and streaming throughput of the MySQL source into the store,
// with the instaquery process's peak memory during each, on N generated bills.
//   npx tsx bench/source-throughput.ts [--bills 10000000] [--changes 1000000]
// Streaming throughput is measured as catch-up: instaquery is stopped, the source takes
// `--changes` row changes (UPDATEs in 10,000-row transactions over random bill ranges), and the
// restarted instaquery's time until its stored offset reaches the source's binlog end is timed.
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { runInstaquery, writeConfig, type InstaqueryProcess } from '../test/support/instaquery-process.ts';
import { argNumber, benchMariaDb, benchSourceConnector, ensureBills, printTable } from './support.ts';

const bills = argNumber('bills', 10_000_000);
const changes = argNumber('changes', 1_000_000);
const DB = `bench_rb_${bills >= 1_000_000 ? `${bills / 1_000_000}m` : bills}`;
const source = benchMariaDb();
const admin = await mysql.createConnection({ ...source });

await ensureBills(admin, DB, bills);

/** Samples the process's resident memory; returns the peak (MB) when stopped. */
function sampleRss(pid: number): () => number {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* the process ended */
    }
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'iq-bench-src-'));
const restPort = 18000 + Math.floor(Math.random() * 1000);
const config = writeConfig(dir, {
  dataDir: join(dir, 'data'),
  gateway: { port: 0 },
  rest: { port: restPort },
  connectors: [benchSourceConnector(source, DB, 7002, { 'heartbeat.interval.ms': 200 })],
});

// 1. Snapshot.
let started = Date.now();
let proc: InstaqueryProcess = runInstaquery(['start', '--config', config]);
let stopSampling = sampleRss(proc.child.pid!);
await proc.ready(60 * 60_000);
const snapshotSeconds = (Date.now() - started) / 1000;
const snapshotPeak = stopSampling();
const done = proc.output().split('\n').filter((l) => l.includes('"snapshot table done"')).map((l) => JSON.parse(l) as { table: string; rows: number; ms: number });
const snapshotRows = done.reduce((s, d) => s + d.rows, 0);
const billDone = done.find((d) => d.table.endsWith('.bill'))!;
proc.child.kill('SIGTERM');
await proc.exited();

// 2. Changes while stopped.
const [[{ maxId }]] = (await admin.query(`SELECT MAX(id) AS maxId FROM ${DB}.bill`)) as unknown as [[{ maxId: number }]];
const perTxn = 10_000;
let applied = 0;
const loadStarted = Date.now();
while (applied < changes) {
  const lo = 1 + Math.floor(Math.random() * Math.max(1, maxId - perTxn));
  const [r] = await admin.query(`UPDATE ${DB}.bill SET amount_paid = amount_paid + 0.01, remark = 'bench' WHERE id BETWEEN ? AND ?`, [lo, lo + perTxn - 1]);
  applied += (r as { affectedRows: number }).affectedRows;
}
const loadSeconds = (Date.now() - loadStarted) / 1000;
const [[end]] = (await admin.query('SHOW MASTER STATUS')) as unknown as [[{ File: string; Position: number }]];

// 3. Catch-up.
started = Date.now();
proc = runInstaquery(['start', '--config', config]);
stopSampling = sampleRss(proc.child.pid!);
await proc.ready(10 * 60_000);
for (;;) {
  const res = await fetch(`http://127.0.0.1:${restPort}/connectors/bench/status`);
  const offset = ((await res.json()) as { instaquery: { offset: { file: string; pos: number } | null } }).instaquery.offset;
  if (offset && (offset.file > end.File || (offset.file === end.File && offset.pos >= end.Position))) break;
  await new Promise((r) => setTimeout(r, 50));
}
const catchUpSeconds = (Date.now() - started) / 1000;
const streamPeak = stopSampling();
proc.child.kill('SIGTERM');
await proc.exited();
await admin.end();

printTable(`MySQL source → store, ${bills.toLocaleString()} bills (${snapshotRows.toLocaleString()} rows in all tables)`, [
  { phase: 'snapshot: bill table', rows: billDone.rows, seconds: (billDone.ms / 1000).toFixed(1), 'rows/s': Math.round(billDone.rows / (billDone.ms / 1000)), 'peak RSS MB': '' },
  { phase: 'snapshot: process start → ready', rows: snapshotRows, seconds: snapshotSeconds.toFixed(1), 'rows/s': Math.round(snapshotRows / snapshotSeconds), 'peak RSS MB': snapshotPeak.toFixed(0) },
  { phase: `streaming: ${applied.toLocaleString()} row changes in ${perTxn.toLocaleString()}-row transactions (source took ${loadSeconds.toFixed(1)} s)`, rows: applied, seconds: catchUpSeconds.toFixed(1), 'rows/s': Math.round(applied / catchUpSeconds), 'peak RSS MB': streamPeak.toFixed(0) },
]);
