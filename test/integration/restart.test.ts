// Restart safety, exactly once into the store (bill range-partitioned, two sink tasks): stop the process (SIGTERM, and kill -9 under a
// concurrent write load), change rows while it is down, start again. It must resume from its
// stored offset without re-snapshotting, and every table must equal the source.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { connectGateway, connectSource, freePort, mariadb, sourceConnector } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { createSchema, generate } from '../../workload/rental-billing/generate.ts';
import { startTrickle } from '../../workload/rental-billing/trickle.ts';

const DB = 'it_restart';
let source: mysql.Connection;
let configPath: string;
let running: InstaqueryProcess | null = null;

async function start(): Promise<{ proc: InstaqueryProcess; port: number }> {
  const proc = runInstaquery(['start', '--config', configPath]);
  running = proc;
  return { proc, port: await proc.ready() };
}

/**
 * Runs the real `instaquery verify` against the running process, once the store holds the
 * source's last transaction (read-your-writes through the gateway: a loaded CI box may be
 * seconds behind); it must find every table equal.
 */
async function expectEqualToSource(port: number): Promise<void> {
  const [[{ gtid }]] = (await source.query('SELECT @@gtid_binlog_pos AS gtid')) as unknown as [[{ gtid: string }]];
  const gateway = await connectGateway(port, { user: 'app', password: 'app-secret' });
  try {
    const [[reached]] = (await gateway.query(`SELECT MASTER_GTID_WAIT('${gtid}', 60) AS r`)) as unknown as [[{ r: unknown }]];
    expect(String(reached.r)).toBe('0');
  } finally {
    await gateway.end();
  }
  const verify = runInstaquery(['verify', '--config', configPath]);
  const code = await verify.exited();
  expect(verify.output()).toMatch(/verify: all 7 tables equal/);
  expect(code).toBe(0);
}

beforeAll(async () => {
  source = await connectSource();
  await createSchema(source, DB);
  await generate(source, { bills: 5000, seed: 3 });
  const dir = tempDir('restart');
  configPath = writeConfig(dir, {
    dataDir: `${dir}/data`,
    // A fixed port, so `instaquery verify` finds the gateway from the same config.
    gateway: { port: await freePort(), users: [{ user: 'app', password: 'app-secret' }] },
    rest: { port: 0 },
    log: { level: 'info' },
    // bill in monthly range partitions, written by two sink tasks: restarts must keep both exact.
    connectors: [
      sourceConnector('restart', DB),
      { name: 'sink', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', 'tasks.max': 2, [`partitioning.${DB}.bill`]: 'HASH(id) PARTITIONS 8 RANGE(created_at) INTERVAL MONTH' } },
    ],
  });
});

afterEach(async () => {
  // A failed test must not leave its process holding the store for the next one.
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited();
  }
});

afterAll(async () => {
  await source?.end();
});

describe('restart', () => {
  it('snapshots once, then resumes from its offset after SIGTERM with changes made while down', async () => {
    const first = await start();
    expect(first.proc.output()).toContain('snapshot started');
    await expectEqualToSource(first.port);

    first.proc.child.kill('SIGTERM');
    expect(await first.proc.exited()).toBe(0);

    await source.query(`UPDATE ${DB}.bill SET remark = 'changed while down' WHERE id BETWEEN 100 AND 300`);
    await source.query(`DELETE FROM ${DB}.bill WHERE id BETWEEN 301 AND 320`);
    await source.query(`INSERT INTO ${DB}.bill_type VALUES (50, 'DOWN', 'Added while down', 'misc', 0)`);

    const second = await start();
    expect(second.proc.output()).toContain('resuming from stored offset');
    expect(second.proc.output()).not.toContain('snapshot started');
    await expectEqualToSource(second.port);
    second.proc.child.kill('SIGTERM');
    expect(await second.proc.exited()).toBe(0);
  });

  it('loses and duplicates nothing after kill -9 in the middle of a write load', async () => {
    const pool = mysql.createPool({ ...mariadb(), connectionLimit: 2 });
    const trickle = startTrickle(pool, { db: DB, bills: 5000, perSecond: 1000, seed: 99 });
    try {
      const first = await start();
      await new Promise((r) => setTimeout(r, 1500));
      first.proc.child.kill('SIGKILL');
      await first.proc.exited();
      // Keep writing while it is down.
      await new Promise((r) => setTimeout(r, 1000));
      const second = await start();
      expect(second.proc.output()).toContain('resuming from stored offset');
      await new Promise((r) => setTimeout(r, 1000));
      await trickle.stop();
      expect(trickle.changes).toBeGreaterThan(500);
      await expectEqualToSource(second.port);
      second.proc.child.kill('SIGTERM');
      expect(await second.proc.exited()).toBe(0);
    } finally {
      await trickle.stop();
      await pool.end();
    }
  });

  it('checks gateway users and passwords from the config', async () => {
    const { proc, port } = await start();
    const ok = await connectGateway(port, { user: 'app', password: 'app-secret' });
    const [rows] = await ok.query(`SELECT COUNT(*) AS n FROM ${DB}.bill_type`);
    expect(Number((rows as { n: string }[])[0]!.n)).toBeGreaterThan(0);
    await ok.end();
    await expect(connectGateway(port, { user: 'app', password: 'wrong' })).rejects.toMatchObject({ errno: 1045 });
    await expect(connectGateway(port, { user: 'root' })).rejects.toMatchObject({ errno: 1045 });
    proc.child.kill('SIGTERM');
    expect(await proc.exited()).toBe(0);
  });
});
