// Issue 18's cost ("no wrong answers"): the bill-detail and analytics queries of the rental-billing
// workload, median ms of N runs each, through the gateway built from the current working tree
// ("after": per-collation key expressions, HUGEINT integer arithmetic, MariaDB's double text) vs
// through the gateway built from an earlier commit ("before": DuckDB's session collation
// nocase.noaccent), plus MariaDB itself for scale; per query and the geometric mean, with the
// after/before ratio. The two gateways are each their own instaquery process following the same
// bench MariaDB; both snapshot it, then every query's runs alternate between them (after, before,
// after, ...) so that load elsewhere on the box falls on both alike.
// The before tree is a git worktree (made here when missing, removed at the end if made here).
//   npx tsx bench/semantics-cost.ts [--bills 200000] [--runs 15] [--mariadb-runs 5]
//                                   [--before 940ced4] [--before-tree /tmp/iq-before]
import { DETAIL_JOINS } from '../test/differential/rental-queries.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import type { InstaqueryProcess } from '../test/support/instaquery-process.ts';
import { runInstaquery, writeConfig } from '../test/support/instaquery-process.ts';
import { argNumber, benchMariaDb, benchSourceConnector, ensureBills, percentile, printTable, type MariaDb } from './support.ts';

const bills = argNumber('bills', 200_000);
const runs = argNumber('runs', 15);
const mariadbRuns = argNumber('mariadb-runs', 5);
const beforeCommit = argText('before', '940ced4');
const beforeTree = argText('before-tree', '/tmp/iq-before');
const DB = 'bench_rb';
const repo = fileURLToPath(new URL('..', import.meta.url));

const DETAIL_COLUMNS = 'b.id, b.bill_no, b.account_period, b.due_date, b.amount_due, b.amount_paid, b.pay_status, b.arrears_status, b.remark, b.meter_reading, c.contract_no, c.status, h.building, h.room_no, p.name AS project, p.city, t.name AS tenant, bt.name AS bill_type';

/** The query set: the bill-detail screen's pages and totals, and the reports on text columns. */
const QUERIES: [string, string][] = [
  ['page: paid, tenant LIKE, by created_at', `SELECT ${DETAIL_COLUMNS} ${DETAIL_JOINS} WHERE b.pay_status = 'paid' AND t.name LIKE '%Zhang%' AND b.created_at >= '2021-01-01' ORDER BY b.created_at DESC, b.id DESC LIMIT 20`],
  ['page: 6 conditions, by tenant name', `SELECT ${DETAIL_COLUMNS} ${DETAIL_JOINS} WHERE b.pay_status IN ('unpaid', 'cancelled') AND b.arrears_status <> 'none' AND c.status = 'active' AND h.classification IN ('office', 'retail') AND b.amount_due > 500 AND b.is_deleted = 0 ORDER BY t.name DESC, b.id LIMIT 40, 20`],
  ['page: city IN, remark LIKE, by city', `SELECT ${DETAIL_COLUMNS} ${DETAIL_JOINS} WHERE p.city IN ('Shenzhen', 'guangzhou') AND b.remark LIKE '%über%' AND bt.expense_account IN ('rent', 'water') ORDER BY p.city, b.id LIMIT 20`],
  ['total: count, sums, text filters', `SELECT COUNT(*), SUM(b.amount_due), SUM(b.amount_paid) ${DETAIL_JOINS} WHERE b.pay_status = 'paid' AND t.kind = 'company' AND c.status IN ('active', 'ended') AND b.account_period BETWEEN '2021-01' AND '2023-12'`],
  ['count: pay_status = text', `SELECT COUNT(*) FROM bill WHERE pay_status = 'PAID'`],
  ['count: bill_no LIKE prefix', `SELECT COUNT(*) FROM bill WHERE bill_no LIKE 'B00000%'`],
  ['group: pay_status, arrears_status', `SELECT pay_status, arrears_status, COUNT(*), SUM(amount_due) FROM bill GROUP BY pay_status, arrears_status ORDER BY pay_status, arrears_status`],
  ['group: account_period', `SELECT account_period, COUNT(*) AS n, SUM(amount_due - amount_paid) AS owed FROM bill WHERE created_at >= '2022-01-01' GROUP BY account_period ORDER BY account_period`],
  ['group: city, expense_account (joins)', `SELECT p.city, bt.expense_account, COUNT(*) AS bills, SUM(b.amount_due) AS due, SUM(CASE WHEN b.pay_status = 'paid' THEN 1 ELSE 0 END) AS paid ${DETAIL_JOINS} GROUP BY p.city, bt.expense_account ORDER BY p.city, bt.expense_account`],
  ['group: tenant name, top 20', `SELECT t.name, COUNT(*) AS bills, SUM(b.amount_due) AS due FROM bill b JOIN tenant t ON t.id = b.tenant_id GROUP BY t.name ORDER BY due DESC, t.name LIMIT 20`],
  ['order: bill_no DESC top 20', `SELECT id, bill_no, pay_status FROM bill ORDER BY bill_no DESC LIMIT 20`],
  ['order: remark, id, 1000 rows', `SELECT id, remark FROM bill WHERE remark IS NOT NULL ORDER BY remark, id LIMIT 1000`],
  ['distinct: account_period', `SELECT DISTINCT account_period FROM bill ORDER BY account_period`],
  ['count distinct: remark, tenant', `SELECT COUNT(DISTINCT b.remark), COUNT(DISTINCT t.name) FROM bill b JOIN tenant t ON t.id = b.tenant_id`],
  ['min/max: bill_no, remark', `SELECT MIN(bill_no), MAX(bill_no), MIN(remark), MAX(remark) FROM bill`],
  ['union: pay and contract status', `SELECT pay_status AS s FROM bill UNION SELECT status FROM lease_contract ORDER BY s`],
  ['arithmetic: integer sums', `SELECT SUM(contract_id * bill_type_id + tenant_id), MAX(house_id * 7 + project_id) FROM bill`],
  ['doubles: 5000 meter readings', `SELECT id, meter_reading, meter_reading * 2 AS twice FROM bill WHERE meter_reading IS NOT NULL ORDER BY id LIMIT 5000`],
];

function argText(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

/** A worktree of the before commit at `dir` (sharing this tree's node_modules); true if made here. */
function ensureBeforeTree(dir: string, commit: string): boolean {
  if (existsSync(join(dir, 'bin', 'instaquery.js'))) return false;
  execFileSync('git', ['-C', repo, 'worktree', 'add', '--detach', dir, commit], { stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  return true;
}

interface Gateway {
  label: string;
  dir: string;
  proc: InstaqueryProcess;
  conn: mysql.Connection;
}

/** Starts an instaquery process (its own tree's `runInstaquery`) following the bench MariaDB; waits for its snapshot. */
async function startGateway(label: string, run: typeof runInstaquery, source: MariaDb, serverId: number): Promise<Gateway> {
  const dir = mkdtempSync(join(tmpdir(), `iq-bench-sem-${label}-`));
  const config = writeConfig(dir, { dataDir: join(dir, 'data'), gateway: { port: 0 }, rest: { port: 0 }, connectors: [benchSourceConnector(source, DB, serverId)] });
  const t = Date.now();
  const proc = run(['start', '--config', config]);
  const port = await proc.ready(30 * 60_000);
  console.error(`${label}: gateway ready on port ${port} after ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const conn = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', database: DB });
  return { label, dir, proc, conn };
}

async function stopGateway(g: Gateway): Promise<void> {
  await g.conn.end();
  g.proc.child.kill('SIGTERM');
  await g.proc.exited();
  rmSync(g.dir, { recursive: true, force: true });
}

async function billCount(conn: mysql.Connection): Promise<number> {
  const [rows] = await conn.query('SELECT COUNT(*) AS n FROM bill');
  return Number((rows as { n: number | string }[])[0]!.n);
}

/** One run of `sql`: ms and rows returned. */
async function timed(conn: mysql.Connection, sql: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const [rows] = await conn.query(sql);
  return { ms: performance.now() - t0, rows: (rows as unknown[]).length };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

/** Medians of `n` runs per connection, the connections' runs alternating; one warm-up run each. */
async function alternatingMedians(conns: mysql.Connection[], sql: string, n: number): Promise<{ ms: number; rows: number }[]> {
  const times = conns.map(() => [] as number[]);
  const rows = conns.map(() => 0);
  for (let i = -1; i < n; i++) {
    for (const [k, c] of conns.entries()) {
      const r = await timed(c, sql);
      rows[k] = r.rows;
      if (i >= 0) times[k]!.push(r.ms);
    }
  }
  return times.map((t, k) => ({ ms: median(t), rows: rows[k]! }));
}

interface Timings {
  name: string;
  mariadb: number;
  before: number;
  after: number;
  /** Empty, or the row counts where they differ. */
  rows: string;
}
type Measured = Timings | { name: string; error: string };

/** One query's medians on MariaDB, then on the two gateways alternately; the row counts if they differ. */
async function measure(name: string, sql: string, mariadb: mysql.Connection, after: mysql.Connection, before: mysql.Connection): Promise<Timings> {
  const [m] = await alternatingMedians([mariadb], sql, mariadbRuns);
  const [a, b] = await alternatingMedians([after, before], sql, runs);
  const rows = m!.rows === a!.rows && m!.rows === b!.rows ? '' : ` (rows: MariaDB ${m!.rows}, before ${b!.rows}, after ${a!.rows})`;
  return { name, mariadb: m!.ms, before: b!.ms, after: a!.ms, rows };
}

const geomean = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);

/** The printed rows: one per query, then the geometric means over the queries that ran. */
function tableRows(measured: Measured[]): Record<string, string>[] {
  const cells = (query: string, m: number, b: number, a: number) => ({ query, 'MariaDB ms': m.toFixed(1), 'before ms': b.toFixed(1), 'after ms': a.toFixed(1), 'after/before': (a / b).toFixed(2) });
  const ok = measured.filter((r): r is Timings => !('error' in r));
  return [
    ...measured.map((r) => ('error' in r ? { query: `${r.name} (failed: ${r.error.slice(0, 80)})`, 'MariaDB ms': '', 'before ms': '', 'after ms': '', 'after/before': '' } : cells(r.name + r.rows, r.mariadb, r.before, r.after))),
    cells('geometric mean', geomean(ok.map((r) => r.mariadb)), geomean(ok.map((r) => r.before)), geomean(ok.map((r) => r.after))),
  ];
}

async function main(): Promise<void> {
  const source = benchMariaDb();
  const admin = await mysql.createConnection({ ...source });
  await ensureBills(admin, DB, bills);
  await admin.query(`ANALYZE TABLE ${DB}.bill, ${DB}.tenant, ${DB}.lease_contract, ${DB}.house, ${DB}.project, ${DB}.bill_type`);
  const madeTree = ensureBeforeTree(beforeTree, beforeCommit);
  const beforeModule = (await import(join(beforeTree, 'test/support/instaquery-process.ts'))) as { runInstaquery: typeof runInstaquery };
  const after = await startGateway('after', runInstaquery, source, 7181);
  const before = await startGateway('before', beforeModule.runInstaquery, source, 7182);
  const mariadb = await mysql.createConnection({ ...source, database: DB });
  try {
    const expected = await billCount(mariadb);
    for (const g of [after, before]) if ((await billCount(g.conn)) !== expected) throw new Error(`${g.label}: the store does not hold the ${expected} bills`);
    const measured: Measured[] = [];
    for (const [name, sql] of QUERIES) {
      const r = await measure(name, sql, mariadb, after.conn, before.conn).catch((err: Error) => ({ name, error: err.message }));
      measured.push(r);
      console.error('error' in r ? `${name}: failed: ${r.error}` : `${name}: MariaDB ${r.mariadb.toFixed(1)}, before ${r.before.toFixed(1)}, after ${r.after.toFixed(1)} ms`);
    }
    printTable(`Issue 18's cost: median ms of ${runs} runs through the gateway before (${beforeCommit}) and after (working tree), MariaDB ${mariadbRuns} runs; ${expected.toLocaleString()} bills`, tableRows(measured));
  } finally {
    await mariadb.end();
    await admin.end();
    await stopGateway(after);
    await stopGateway(before);
    if (madeTree) execFileSync('git', ['-C', repo, 'worktree', 'remove', '--force', beforeTree], { stdio: 'inherit' });
  }
}

await main();
