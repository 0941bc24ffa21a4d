// The tiering job follows its schedule: a table's own cron expression (here every 2 seconds, with
// croner's seconds field) starts runs with no request, and GET /tiering says when the next is due.
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { connectSource, freePort, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';

const DB = 'it_tier_sched';
let proc: InstaqueryProcess | undefined;

afterAll(async () => {
  if (proc && proc.child.exitCode === null) {
    proc.child.kill('SIGKILL');
    await proc.exited();
  }
});

describe('tiering schedule', () => {
  it("archives on the table's own cron schedule, without being asked", async () => {
    await freshDatabase(DB);
    const source = await connectSource(DB);
    await source.query(`CREATE TABLE ledger (id INT PRIMARY KEY, booked_on DATE NOT NULL, amount DECIMAL(10,2));
      INSERT INTO ledger SELECT seq, CURDATE() - INTERVAL (seq * 3) DAY, seq FROM seq_1_to_200`);
    await source.end();
    const dir = tempDir('tier-sched');
    const restPort = await freePort();
    const config = writeConfig(dir, {
      dataDir: join(dir, 'data'),
      gateway: { port: 0 },
      rest: { port: restPort },
      tiering: { schedule: '0 3 1 1 *', 'target.dir': join(dir, 'cold'), tables: { [`${DB}.ledger`]: { schedule: '*/2 * * * * *' } } },
      connectors: [
        sourceConnector(`sched-${Date.now().toString(36)}`, DB),
        { name: 'store', config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', [`partitioning.${DB}.ledger`]: 'HASH(id) PARTITIONS 2 RANGE(booked_on) INTERVAL MONTH', [`hot.window.${DB}.ledger`]: '2 months' } },
      ],
    });
    proc = runInstaquery(['start', '--config', config]);
    await proc.ready(60_000);
    const status = async () => (await (await fetch(`http://127.0.0.1:${restPort}/tiering`)).json()) as { runs: { trigger: string; state: string }[]; tables: { table: string; schedule: string; next_run: string; cold_partitions: string[] }[] };
    const first = (await status()).tables.find((t) => t.table === `${DB}.ledger`)!;
    expect(first.schedule).toBe('*/2 * * * * *');
    expect(Date.parse(first.next_run) - Date.now()).toBeLessThanOrEqual(2_500);
    // 200 rows every 3 days reach back ~20 months; about 17 of those months lie before the window.
    // Scheduled runs archive them as the snapshot brings them in.
    const done = await waitFor('scheduled runs to archive the old months', async () => {
      const s = await status();
      return s.tables.find((t) => t.table === `${DB}.ledger`)!.cold_partitions.length >= 15 ? s : undefined;
    }, 30_000, 250);
    expect(done.runs.length).toBeGreaterThan(0);
    // Every run was started by the schedule (one may be under way: frozen, not yet switched).
    expect(done.runs.filter((r) => r.trigger !== 'schedule' || !['archived', 'frozen'].includes(r.state))).toEqual([]);
    expect(done.runs.filter((r) => r.state === 'archived').length).toBeGreaterThanOrEqual(15);
  }, 90_000);
});
