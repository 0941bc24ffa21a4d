// Issue 5's figures, side by side in one run on generated rental-billing data:
//   1. point lookups (prepared `SELECT * FROM bill WHERE id = ?`): QPS and p50/p99 latency at 1, 16
//      and 64 connections, through the gateway vs on MariaDB;
//   2. streaming a 1M-row result to mysql2: rows/s through the gateway vs from MariaDB;
//   3. the gateway's added latency: the same statements through the gateway vs in DuckDB directly
//      (the store file opened read-only after instaquery stops).
// instaquery runs as its own process; this script is only the clients.
//   npx tsx bench/gateway-latency.ts [--bills 1000000] [--seconds 8]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { DuckDBInstance } from '@duckdb/node-api';
import { runInstaquery, writeConfig } from '../test/support/instaquery-process.ts';
import { argNumber, benchMariaDb, benchSourceConnector, ensureBills, percentile, printTable } from './support.ts';

const bills = argNumber('bills', 1_000_000);
const seconds = argNumber('seconds', 8);
const DB = 'bench_rb';
const source = benchMariaDb();
const admin = await mysql.createConnection({ ...source });

await ensureBills(admin, DB, bills);
const [bounds] = await admin.query(`SELECT MIN(id) AS lo, MAX(id) AS hi, COUNT(*) AS n FROM ${DB}.bill`);
const range = (bounds as { lo: number; hi: number; n: number }[])[0]!;

const dir = mkdtempSync(join(tmpdir(), 'iq-bench-gw-'));
const dataDir = join(dir, 'data');
const config = writeConfig(dir, {
  dataDir,
  gateway: { port: 0 },
  rest: { port: 0 },
  connectors: [benchSourceConnector(source, DB, 7002)],
});
const proc = runInstaquery(['start', '--config', config]);
const port = await proc.ready(30 * 60_000);
const gatewayOptions = { host: '127.0.0.1', port, user: 'root', database: DB };
const mariadbOptions = { ...source, database: DB };
const randomId = () => range.lo + Math.floor(Math.random() * (range.hi - range.lo + 1));

/** Runs prepared point lookups on `connections` connections for `seconds`; QPS and latencies. */
async function pointLookups(options: mysql.ConnectionOptions, connections: number): Promise<{ qps: number; p50: number; p99: number }> {
  const conns = await Promise.all(Array.from({ length: connections }, () => mysql.createConnection(options)));
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    conns.map(async (c) => {
      while (Date.now() < until) {
        const t0 = performance.now();
        await c.execute('SELECT * FROM bill WHERE id = ?', [randomId()]);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(conns.map((c) => c.end()));
  const sorted = latencies.sort((a, b) => a - b);
  return { qps: Math.round(latencies.length / elapsed), p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** Streams `SELECT * FROM bill LIMIT n` through mysql2's row stream; rows/s. */
async function streamRows(options: mysql.ConnectionOptions, n: number): Promise<number> {
  const c = await mysql.createConnection(options);
  const core = (c as unknown as { connection: { query(sql: string): { stream(): NodeJS.ReadableStream } } }).connection;
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    const s = core.query(`SELECT * FROM bill ORDER BY id LIMIT ${n}`).stream();
    s.on('data', () => rows++);
    s.on('end', () => resolve());
    s.on('error', reject);
  });
  const seconds = (performance.now() - t0) / 1000;
  await c.end();
  if (rows !== Math.min(n, range.n)) throw new Error(`streamed ${rows} rows, expected ${Math.min(n, range.n)}`);
  return Math.round(rows / seconds);
}

const AGGREGATE = `SELECT pay_status, count(*) AS n, sum(amount_due) AS due FROM bill WHERE created_at >= '2023-01-01' GROUP BY pay_status ORDER BY pay_status`;

/** Median ms of `runs` runs of `sql` on one mysql2 connection. */
async function medianMs(options: mysql.ConnectionOptions, sql: string, runs: number, params?: () => unknown[]): Promise<number> {
  const c = await mysql.createConnection(options);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (params) await c.execute(sql, params() as (string | number)[]);
    else await c.query(sql);
    times.push(performance.now() - t0);
  }
  await c.end();
  return percentile(times.sort((a, b) => a - b), 50);
}

const lookupRows: Record<string, string | number>[] = [];
for (const connections of [1, 16, 64]) {
  const g = await pointLookups(gatewayOptions, connections);
  const m = await pointLookups(mariadbOptions, connections);
  lookupRows.push({
    connections,
    'gateway QPS': g.qps,
    'gateway p50 ms': g.p50.toFixed(2),
    'gateway p99 ms': g.p99.toFixed(2),
    'MariaDB QPS': m.qps,
    'MariaDB p50 ms': m.p50.toFixed(2),
    'MariaDB p99 ms': m.p99.toFixed(2),
    'QPS ratio (gateway / MariaDB)': (g.qps / m.qps).toFixed(2),
  });
}
const streamGateway = await streamRows(gatewayOptions, 1_000_000);
const streamMariaDb = await streamRows(mariadbOptions, 1_000_000);
const lookupGateway = await medianMs(gatewayOptions, 'SELECT * FROM bill WHERE id = ?', 300, () => [randomId()]);
const aggregateGateway = await medianMs(gatewayOptions, AGGREGATE, 15);
const aggregateMariaDb = await medianMs(mariadbOptions, AGGREGATE, 5);

proc.child.kill('SIGTERM');
await proc.exited();

// DuckDB directly, on the same store file, the same statements (prepared lookup, aggregate).
const duck = await DuckDBInstance.create(join(dataDir, 'instaquery.duckdb'), { access_mode: 'READ_ONLY' });
const dc = await duck.connect();
await dc.run(`USE ${DB}`);
const lookup = await dc.prepare('SELECT * FROM bill WHERE id = $1');
const direct: number[] = [];
for (let i = 0; i < 300; i++) {
  lookup.bindUBigInt(1, BigInt(randomId()));
  const t0 = performance.now();
  await lookup.runAndReadAll();
  direct.push(performance.now() - t0);
}
const aggregateDirect: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  await dc.runAndReadAll(AGGREGATE);
  aggregateDirect.push(performance.now() - t0);
}
const lookupDirect = percentile(direct.sort((a, b) => a - b), 50);
const aggDirect = percentile(aggregateDirect.sort((a, b) => a - b), 50);
dc.closeSync();
duck.closeSync();

printTable(`Point lookups by primary key (prepared), ${seconds} s per cell, ${range.n.toLocaleString()} bills`, lookupRows);
printTable('Streaming SELECT * FROM bill ORDER BY id LIMIT 1,000,000 to mysql2', [{ 'gateway rows/s': streamGateway, 'MariaDB rows/s': streamMariaDb, ratio: (streamGateway / streamMariaDb).toFixed(2) }]);
printTable('The gateway\'s added latency: the same statement through the gateway vs in DuckDB directly (median ms)', [
  { statement: 'point lookup (prepared)', 'gateway ms': lookupGateway.toFixed(2), 'DuckDB direct ms': lookupDirect.toFixed(2), 'added ms': (lookupGateway - lookupDirect).toFixed(2), 'MariaDB ms': '' },
  { statement: 'grouped aggregate since 2023', 'gateway ms': aggregateGateway.toFixed(2), 'DuckDB direct ms': aggDirect.toFixed(2), 'added ms': (aggregateGateway - aggDirect).toFixed(2), 'MariaDB ms': aggregateMariaDb.toFixed(2) },
]);
await admin.end();
