// Hot/cold tiering end to end, with the real MariaDB and instaquery as its own process: a table
// with monthly range partitions and a 90-day hot window has its old months moved to Parquet while
// row changes keep streaming in (old months included). At every sample the gateway must show each
// key once, and after each write batch it must equal the source; late updates and deletes of
// archived rows show at once and survive compaction; kill -9 inside each step of the job, restart,
// and the store still equals the source with no frozen partition and no stray file left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type mysql from 'mysql2/promise';
import { DuckDBInstance } from '@duckdb/node-api';
import { connectGateway, connectSource, freePort, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';

const DB = 'it_tier';
let source: mysql.Connection;
let config: string;
let gatewayPort: number;
let restPort: number;
let coldDir: string;
let proc: InstaqueryProcess;
let nextId = 100_000;

async function start(env: Record<string, string> = {}): Promise<InstaqueryProcess> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    proc = runInstaquery(['start', '--config', config]);
  } finally {
    process.env = saved;
  }
  await proc.ready(90_000);
  return proc;
}

async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`http://127.0.0.1:${restPort}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

const TOTALS = `SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, CAST(COALESCE(SUM(amount), 0) AS CHAR) AS total FROM ${DB}.bill`;

async function totals(conn: mysql.Connection): Promise<{ n: number; ids: number; total: string }> {
  const [rows] = await conn.query(TOTALS);
  const r = (rows as Record<string, unknown>[])[0]!;
  return { n: Number(r.n), ids: Number(r.ids), total: String(r.total) };
}

/** The gateway equals the source (waits for the pipeline); returns the totals. */
async function expectInSync(gateway: mysql.Connection): Promise<void> {
  const want = await totals(source);
  let got: unknown;
  await waitFor('the gateway to equal the source', async () => {
    got = await totals(gateway);
    return JSON.stringify(got) === JSON.stringify(want) || undefined;
  }, 30_000, 50).catch((err: Error) => {
    throw new Error(`${err.message}: source ${JSON.stringify(want)}, gateway ${JSON.stringify(got)}\n${proc.output().slice(-3000)}`);
  });
}

/** A batch of changes across all months, old ones included: updates, deletes, inserts. */
async function writeBatch(size = 20): Promise<void> {
  const ops: string[] = [];
  for (let i = 0; i < size; i++) {
    const id = 1 + Math.floor(Math.random() * 6000);
    const roll = Math.random();
    if (roll < 0.5) ops.push(`UPDATE bill SET amount = amount + 1.25, remark = 'u${i}' WHERE id = ${id}`);
    else if (roll < 0.7) ops.push(`DELETE FROM bill WHERE id = ${id}`);
    else ops.push(`INSERT INTO bill VALUES (${nextId++}, NOW() - INTERVAL ${Math.floor(Math.random() * 390)} DAY, ${(Math.random() * 1000).toFixed(2)}, 'late')`);
  }
  await source.query(`START TRANSACTION; ${ops.join('; ')}; COMMIT`);
}

function parquetFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.parquet')).map((f) => join(dir, f));
}

async function status(): Promise<any> {
  const { status: code, json } = await rest('GET', '/tiering');
  expect(code).toBe(200);
  return json;
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  // 6,000 bills over the last 390 days: about nine months lie wholly before a 90-day window.
  await source.query(`CREATE TABLE bill (id INT PRIMARY KEY, created_at DATETIME NOT NULL, amount DECIMAL(12,2), remark VARCHAR(40));
    INSERT INTO bill SELECT seq, NOW() - INTERVAL (seq * 7919 % 390) DAY - INTERVAL (seq % 86400) SECOND, (seq % 1000) + 0.25, 'seed' FROM seq_1_to_6000`);
  const dir = tempDir('tiering');
  coldDir = join(dir, 'cold');
  gatewayPort = await freePort();
  restPort = await freePort();
  config = writeConfig(dir, {
    dataDir: join(dir, 'data'),
    gateway: { port: gatewayPort },
    rest: { port: restPort },
    // Far from now: runs here are asked for; orphans go at once (no query outlives a test step).
    tiering: { schedule: '0 3 1 1 *', 'target.dir': coldDir, 'orphan.grace.ms': 0 },
    connectors: [
      sourceConnector(`tier-${Date.now().toString(36)}`, DB),
      {
        name: 'store',
        config: {
          'connector.class': 'io.instaquery.connector.ColumnarSinkConnector',
          [`partitioning.${DB}.bill`]: 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH',
          [`hot.window.${DB}.bill`]: '90 days',
        },
      },
    ],
  });
}, 60_000);

afterAll(async () => {
  if (proc && proc.child.exitCode === null) {
    proc.child.kill('SIGKILL');
    await proc.exited();
  }
  await source?.end();
});

describe('tiering', () => {
  it('moves old months to Parquet under write load with every key shown once at every sample, and equal to the source after every batch', async () => {
    await start({ INSTAQUERY_TIERING_STEP_PAUSE_MS: '150' });
    const gateway = await connectGateway(gatewayPort);
    await expectInSync(gateway);
    const before = await status();
    const table = before.tables.find((t: any) => t.table === `${DB}.bill`);
    expect(table.hot_window).toBe('90 days');
    expect(table.cold_partitions).toEqual([]);

    let running = true;
    const run = rest('POST', '/tiering/run', { table: `${DB}.bill` }).finally(() => (running = false));
    // A second reader samples continuously: never a key twice, never a negative gap.
    const sampler = await connectGateway(gatewayPort);
    let samples = 0;
    const sampling = (async () => {
      while (running) {
        const t = await totals(sampler);
        expect(t.n).toBe(t.ids);
        samples++;
      }
    })();
    let batches = 0;
    while (running) {
      await writeBatch();
      await expectInSync(gateway);
      batches++;
    }
    await sampling;
    await sampler.end();
    const { status: code, json } = await run;
    expect(code, JSON.stringify(json)).toBe(200);
    expect(samples).toBeGreaterThan(20);
    expect(batches).toBeGreaterThan(2);

    const archived = json.runs.filter((r: any) => r.state === 'archived');
    expect(archived.length).toBeGreaterThanOrEqual(8);
    const after = (await status()).tables.find((t: any) => t.table === `${DB}.bill`);
    expect(after.cold_partitions.length).toBe(archived.length);
    expect(after.frozen_partitions).toEqual([]);
    // No cold month is inside the window, no hot month outside it.
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 7);
    for (const p of after.cold_partitions) expect(p.slice(0, 7) < cutoff).toBe(true);
    for (const p of after.hot_partitions) expect(p.slice(0, 7) >= cutoff.slice(0, 7) || after.cold_partitions.includes(p)).toBe(true);
    await writeBatch();
    await expectInSync(gateway);
    await gateway.end();
  }, 180_000);

  it('shows late updates, deletes and inserts of archived rows at once, and keeps them through compaction', async () => {
    const gateway = await connectGateway(gatewayPort);
    const cold = (await status()).tables.find((t: any) => t.table === `${DB}.bill`).cold_partitions as string[];
    const month = cold[2]!;
    const [rows] = await source.query(`SELECT id FROM bill WHERE created_at >= ? AND created_at < ? + INTERVAL 1 MONTH ORDER BY id LIMIT 3`, [month, month]);
    const [a, b] = (rows as { id: number }[]).map((r) => r.id);
    await source.query(`UPDATE bill SET amount = 4242.42, remark = 'late update' WHERE id = ${a}`);
    await source.query(`DELETE FROM bill WHERE id = ${b}`);
    await source.query(`INSERT INTO bill VALUES (${nextId++}, ? + INTERVAL 3 DAY, 7.77, 'late insert')`, [month]);
    await expectInSync(gateway);
    const [updated] = await gateway.query(`SELECT amount, remark FROM ${DB}.bill WHERE id = ${a}`);
    expect(updated).toEqual([{ amount: '4242.42', remark: 'late update' }]);
    const [deleted] = await gateway.query(`SELECT id FROM ${DB}.bill WHERE id = ${b}`);
    expect(deleted).toEqual([]);
    const pending = (await status()).tables.find((t: any) => t.table === `${DB}.bill`);
    expect(pending.hot_partitions).toContain(month);

    // Compaction (asked for on the command line) folds them into the month's files: no hot
    // table left for it, same answers.
    const cli = runInstaquery(['tier', 'run', `${DB}.bill`, '--config', config]);
    expect(await cli.exited()).toBe(0);
    expect(cli.output()).toContain(`${DB}.bill ${month}: archived`);
    const compacted = (await status()).tables.find((t: any) => t.table === `${DB}.bill`);
    expect(compacted.hot_partitions).not.toContain(month);
    await expectInSync(gateway);
    expect((await gateway.query(`SELECT amount FROM ${DB}.bill WHERE id = ${a}`))[0]).toEqual([{ amount: '4242.42' }]);

    // A range filter on the month reads that month's files only: the other cold months' branches
    // are dropped from the plan (their range contradicts the filter) without opening a file.
    const next = new Date(`${month}T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const [plan] = await gateway.query(`EXPLAIN FORMAT=JSON SELECT COUNT(*) FROM ${DB}.bill WHERE created_at >= '${month}' AND created_at < '${next.toISOString().slice(0, 10)}'`);
    const scans: { name: string; filters?: string }[] = [];
    const walk = (node: { name: string; children: unknown[]; extra_info: Record<string, string> }) => {
      if (/SCAN|READ_PARQUET/.test(node.name)) scans.push({ name: node.name, filters: node.extra_info.Filters });
      for (const child of node.children) walk(child as typeof node);
    };
    // MySQL's EXPLAIN FORMAT=JSON column, holding DuckDB's plan of the translated SQL.
    for (const root of JSON.parse(String((plan as { EXPLAIN: string }[])[0]!.EXPLAIN))) walk(root);
    expect(scans).toEqual([{ name: 'READ_PARQUET', filters: expect.stringContaining(`'${month} 00:00:00'`) }]);

    // Point lookups read one bucket's files (the gateway picks the bucket view): every key, hot,
    // cold, updated late, deleted or never there, answers as the source does.
    const [ids] = await source.query(`SELECT id FROM bill ORDER BY RAND() LIMIT 60`);
    for (const id of [...(ids as { id: number }[]).map((r) => r.id), a, b, 999_999_999]) {
      const [want] = await source.query(`SELECT id, CAST(created_at AS CHAR) AS created_at, amount, remark FROM bill WHERE id = ${id}`);
      const [got] = await gateway.query(`SELECT id, CAST(created_at AS CHAR) AS created_at, amount, remark FROM ${DB}.bill WHERE id = ${id}`);
      expect(got, `id ${id}`).toEqual(want);
    }

    // Another engine reads the month from plain Parquet through the manifest and gets the source's rows.
    const manifest = JSON.parse(readFileSync(join(coldDir, DB, 'bill', '_manifest.json'), 'utf8'));
    const entry = manifest.partitions.find((p: any) => p.range_partition === month);
    const files = entry.files.map((f: any) => join(coldDir, DB, 'bill', f.path));
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const read = await duck.runAndReadAll(`SELECT COUNT(*), CAST(SUM(amount) AS VARCHAR) FROM read_parquet([${files.map((f: string) => `'${f}'`).join(', ')}])`);
    const [src] = await source.query(`SELECT COUNT(*) AS n, CAST(SUM(amount) AS CHAR) AS total FROM bill WHERE created_at >= ? AND created_at < ? + INTERVAL 1 MONTH`, [month, month]);
    const s = (src as { n: number; total: string }[])[0]!;
    expect(read.getRowsJS()[0]).toEqual([BigInt(s.n), s.total]);
    duck.closeSync();
    await gateway.end();
  }, 120_000);

  for (const step of ['freeze', 'write', 'switch', 'manifest'] as const) {
    it(`recovers after kill -9 inside the "${step}" step: equal to the source, nothing frozen, no stray file`, async () => {
      // A late change makes an archived month due for compaction.
      const cold = (await status()).tables.find((t: any) => t.table === `${DB}.bill`).cold_partitions as string[];
      const month = cold[1]!;
      await source.query(`INSERT INTO bill VALUES (${nextId++}, ? + INTERVAL 1 DAY, 1.00, 'due')`, [month]);
      proc.child.kill('SIGTERM');
      await proc.exited();
      await start({ INSTAQUERY_TIERING_STEP_PAUSE_MS: '3000' });
      void rest('POST', '/tiering/run', {}).catch(() => undefined);
      await waitFor(`the ${step} step`, async () => proc.output().includes(`"step":"${step}"`) || undefined, 30_000, 20);
      proc.child.kill('SIGKILL');
      await proc.exited();

      await start();
      const gateway = await connectGateway(gatewayPort);
      await expectInSync(gateway);
      const t = (await status()).tables.find((x: any) => x.table === `${DB}.bill`);
      expect(t.frozen_partitions).toEqual([]);
      // Finish the compaction if the kill came before the freeze; then every file is referenced.
      await rest('POST', '/tiering/run', {});
      await expectInSync(gateway);
      const after = (await status()).tables.find((x: any) => x.table === `${DB}.bill`);
      expect(after.hot_partitions).not.toContain(month);
      const manifest = JSON.parse(readFileSync(join(coldDir, DB, 'bill', '_manifest.json'), 'utf8'));
      const referenced = manifest.partitions.flatMap((p: any) => p.files.map((f: any) => join(coldDir, DB, 'bill', f.path))).sort();
      expect(parquetFiles(coldDir).sort()).toEqual(referenced);
      await gateway.end();
    }, 150_000);
  }

  it('restores an archived month to the hot store', async () => {
    const gateway = await connectGateway(gatewayPort);
    const cold = (await status()).tables.find((t: any) => t.table === `${DB}.bill`).cold_partitions as string[];
    const month = cold[0]!;
    const { status: code, json } = await rest('POST', '/tiering/restore', { table: `${DB}.bill`, partition: month });
    expect(code).toBe(200);
    expect(json).toMatchObject({ kind: 'restore', state: 'restored', partition: month });
    expect(json.rows).toBeGreaterThan(0);
    const t = (await status()).tables.find((x: any) => x.table === `${DB}.bill`);
    expect(t.cold_partitions).not.toContain(month);
    expect(t.hot_partitions).toContain(month);
    await expectInSync(gateway);
    const bad = await rest('POST', '/tiering/restore', { table: `${DB}.bill`, partition: '1999-01-01' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/partition 1999-01-01 of it_tier\.bill is not archived/);
    await gateway.end();
  }, 60_000);
});
