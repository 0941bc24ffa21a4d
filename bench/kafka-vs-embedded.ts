// Issue 7's figures: the same workload through embedded mode (one process: source → store) and
// Kafka mode (source worker → Apache Kafka, Avro + schema registry → query node), in one run:
//   1. initial load: every row of the generated tables visible through the gateway, rows/s;
//   2. freshness: source commit → visible through the gateway (p50/p99 ms) while ~--rate row
//      changes/s stream in;
//   3. burst throughput: --burst rows updated in 1,000-row transactions, from the first commit
//      to all visible through the gateway, row changes/s (and MariaDB's own time for the writes).
// Both modes run as real processes; Kafka mode uses the test environment's Kafka 3.9 broker and
// registry (start them with `bash scripts/test-env.sh`).
//   npx tsx bench/kafka-vs-embedded.ts [--bills 100000] [--seconds 30] [--rate 1000] [--burst 50000]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { startTrickle } from '../workload/rental-billing/trickle.ts';
import { runInstaquery, writeConfig, type InstaqueryProcess } from '../test/support/instaquery-process.ts';
import { freePort, kafkaBroker, schemaRegistry } from '../test/support/services.ts';
import { argNumber, benchMariaDb, benchSourceConnector, ensureBills, percentile, printTable } from './support.ts';

const bills = argNumber('bills', 100_000);
const seconds = argNumber('seconds', 30);
const rate = argNumber('rate', 1000);
const burst = argNumber('burst', 50_000);
const DB = 'bench_kx';

const source = benchMariaDb();
const admin = await mysql.createConnection({ ...source, multipleStatements: true });
await ensureBills(admin, DB, bills);
await admin.query(`CREATE TABLE IF NOT EXISTS ${DB}.freshness_probe (id INT PRIMARY KEY, committed_at BIGINT NOT NULL)`);
const [tableRows] = await admin.query(`SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?`, [DB]);
const tables = (tableRows as { t: string }[]).map((r) => r.t);

interface Mode {
  name: string;
  /** Starts the mode's processes; resolves with the gateway port. */
  start(run: string): Promise<{ port: number; procs: InstaqueryProcess[] }>;
}

const broker = kafkaBroker('kafka39');
const modes: Mode[] = [
  {
    name: 'embedded',
    async start(run) {
      const dir = mkdtempSync(join(tmpdir(), 'iq-bench-emb-'));
      const proc = runInstaquery(['start', '--config', writeConfig(dir, { dataDir: join(dir, 'data'), gateway: { port: 0 }, rest: { port: 0 }, connectors: [benchSourceConnector(source, DB, 7101, { 'topic.prefix': run })] })]);
      return { port: await proc.ready(30 * 60_000), procs: [proc] };
    },
  },
  {
    name: `Kafka ${broker.version}`,
    async start(run) {
      const kafka = { 'bootstrap.servers': broker.bootstrapServers, 'schema.registry.url': schemaRegistry().url };
      const wdir = mkdtempSync(join(tmpdir(), 'iq-bench-worker-'));
      const worker = runInstaquery(['start', '--config', writeConfig(wdir, { dataDir: join(wdir, 'data'), gateway: { port: 0 }, rest: { port: 0 }, kafka, connectors: [benchSourceConnector(source, DB, 7102, { 'topic.prefix': run })] })]);
      await worker.ready(30 * 60_000);
      const ndir = mkdtempSync(join(tmpdir(), 'iq-bench-node-'));
      const port = await freePort();
      const sink = { name: 'bench-sink', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', 'topics.regex': `${run}(\\.${DB}\\..*)?` } };
      const node = runInstaquery(['start', '--config', writeConfig(ndir, { dataDir: join(ndir, 'data'), gateway: { port }, rest: { port: 0 }, kafka, connectors: [sink] })]);
      await node.ready(5 * 60_000);
      return { port, procs: [worker, node] };
    },
  },
];

async function counts(conn: mysql.Connection): Promise<number[]> {
  const out: number[] = [];
  for (const t of tables) out.push(Number(((await conn.query(`SELECT COUNT(*) AS n FROM ${DB}.${t}`))[0] as { n: string }[])[0]!.n));
  return out;
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
function cpuSeconds(proc: InstaqueryProcess): number {
  const fields = readFileSync(`/proc/${proc.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const results: Record<string, string | number>[] = [];
for (const mode of modes) {
  const run = `kx${Date.now().toString(36)}`;
  await admin.query(`DELETE FROM ${DB}.freshness_probe`);
  const expected = await counts(admin);
  const totalRows = expected.reduce((a, b) => a + b, 0);
  const started = Date.now();
  const { port, procs } = await mode.start(run);
  const gateway = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  await until(`${mode.name}: the initial load`, async () => (await counts(gateway)).every((n, i) => n === expected[i]), 30 * 60_000);
  const loadSeconds = (Date.now() - started) / 1000;
  const loadCpu = procs.map(cpuSeconds);

  // Freshness under a steady write load.
  const pool = mysql.createPool({ ...source, connectionLimit: 4 });
  const trickle = startTrickle(pool, { db: DB, bills, perSecond: rate });
  const probe = await mysql.createConnection({ ...source });
  const latencies: number[] = [];
  const stopAt = Date.now() + seconds * 1000;
  for (let id = 1; Date.now() < stopAt; id++) {
    await probe.query(`INSERT INTO ${DB}.freshness_probe VALUES (?, ?)`, [id, Date.now()]);
    const committed = Date.now();
    await until(`${mode.name}: probe ${id}`, async () => ((await gateway.query(`SELECT id FROM ${DB}.freshness_probe WHERE id = ${id}`))[0] as unknown[]).length > 0, 60_000);
    latencies.push(Date.now() - committed);
    await new Promise((r) => setTimeout(r, 50));
  }
  await trickle.stop();
  const sorted = latencies.sort((a, b) => a - b);

  // Burst: row changes as fast as MariaDB takes them, then wait for the last to show.
  const tag = `burst-${run}`;
  const [idRows] = await admin.query(`SELECT id FROM ${DB}.bill ORDER BY id LIMIT ${burst}`);
  const ids = (idRows as { id: number }[]).map((r) => r.id);
  const burstStart = Date.now();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await admin.query(`UPDATE ${DB}.bill SET remark = ? WHERE id BETWEEN ? AND ?`, [tag, chunk[0], chunk.at(-1)]);
  }
  const writeSeconds = (Date.now() - burstStart) / 1000;
  await until(`${mode.name}: the burst`, async () => Number(((await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.bill WHERE remark = '${tag}'`))[0] as { n: string }[])[0]!.n) === ids.length, 10 * 60_000);
  const burstSeconds = (Date.now() - burstStart) / 1000;
  const totalCpu = procs.map(cpuSeconds);

  results.push({
    mode: mode.name,
    'load rows': totalRows,
    'load s': loadSeconds.toFixed(1),
    'load rows/s': Math.round(totalRows / loadSeconds),
    'fresh samples': sorted.length,
    'fresh p50 ms': percentile(sorted, 50),
    'fresh p99 ms': percentile(sorted, 99),
    'trickle changes/s': Math.round(trickle.changes / seconds),
    'burst rows': ids.length,
    'MariaDB write s': writeSeconds.toFixed(1),
    'burst visible s': burstSeconds.toFixed(1),
    'burst changes/s': Math.round(ids.length / burstSeconds),
    // Where the time goes: CPU seconds per process (embedded: one; Kafka: worker / query node).
    'load CPU s': loadCpu.map((s) => s.toFixed(1)).join(' / '),
    'total CPU s': totalCpu.map((s) => s.toFixed(1)).join(' / '),
  });
  await gateway.end();
  await probe.end();
  await pool.end();
  for (const p of procs.reverse()) {
    p.child.kill('SIGTERM');
    await p.exited();
  }
  console.error(`${mode.name} done`);
}
await admin.end();

printTable(`Embedded vs Kafka mode on ${DB} (${bills.toLocaleString()} bills, ${tables.length} tables), one run`, results);
const [emb, kaf] = results;
const ratio = (k: string) => (Number(kaf![k]) / Number(emb![k])).toFixed(2);
console.log(`\nKafka / embedded: load rows/s ×${ratio('load rows/s')}, freshness p50 ×${ratio('fresh p50 ms')}, p99 ×${ratio('fresh p99 ms')}, burst changes/s ×${ratio('burst changes/s')}`);
