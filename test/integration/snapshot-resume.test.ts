// kill -9 in the middle of a snapshot, under a concurrent write load: the restart resumes after
// the last chunk written (not from zero) and the store ends equal to the source.
import { afterAll, beforeAll, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { connectSource, freePort, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { createSchema, generate } from '../../workload/rental-billing/generate.ts';
import { startTrickle } from '../../workload/rental-billing/trickle.ts';

const DB = 'it_snap_resume';
const BILLS = 60_000;
let configPath: string;
let restPort: number;
const procs: InstaqueryProcess[] = [];

async function status(): Promise<{ phase: string; snapshot: Record<string, number> } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${restPort}/connectors/resume/status`);
    return ((await res.json()) as { instaquery: { phase: string; snapshot: Record<string, number> } }).instaquery;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  const conn = await connectSource();
  await createSchema(conn, DB);
  await generate(conn, { bills: BILLS, seed: 5, chunk: 5000 });
  await conn.end();
  const dir = tempDir('snapresume');
  restPort = await freePort();
  configPath = writeConfig(dir, {
    dataDir: `${dir}/data`,
    gateway: { port: await freePort() },
    rest: { port: restPort },
    connectors: [sourceConnector('resume', DB, { 'snapshot.fetch.size': 1000, 'snapshot.max.threads': 2 })],
  });
});

afterAll(() => {
  for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
});

it('resumes an interrupted snapshot after its last chunk and ends equal to the source', async () => {
  const pool = mysql.createPool({ ...mariadb(), connectionLimit: 2 });
  const trickle = startTrickle(pool, { db: DB, bills: BILLS, perSecond: 500, seed: 17 });
  try {
    const first = runInstaquery(['start', '--config', configPath]);
    procs.push(first);
    const partial = await waitFor('the snapshot to be part-way through bill', async () => {
      const s = await status();
      const done = s?.snapshot[`${DB}.bill`] ?? 0;
      return s?.phase === 'snapshot' && done >= 5000 && done < BILLS ? done : undefined;
    }, 60_000, 5);
    first.child.kill('SIGKILL');
    await first.exited();

    const second = runInstaquery(['start', '--config', configPath]);
    procs.push(second);
    await second.ready();
    expect(second.output()).toContain('resuming snapshot');
    expect(second.output()).not.toContain('snapshot started');
    // It went on from where it was, not from zero: the first chunk it wrote was past the kill point.
    const resumedRows = second
      .output()
      .split('\n')
      .filter((l) => l.includes('"resuming snapshot"'))
      .map((l) => JSON.parse(l) as { tables: string[] })[0]!
      .tables.find((t) => t.startsWith(`${DB}.bill:`))!;
    expect(Number(resumedRows.split(':')[1])).toBeGreaterThanOrEqual(Math.min(partial, 5000));

    await trickle.stop();
    const verify = runInstaquery(['verify', '--config', configPath]);
    expect(await verify.exited()).toBe(0);
    expect(verify.output()).toMatch(/verify: all 7 tables equal/);
    second.child.kill('SIGTERM');
    expect(await second.exited()).toBe(0);
  } finally {
    await trickle.stop().catch(() => undefined);
    await pool.end();
  }
});
