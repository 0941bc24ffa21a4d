// The source connector's life on a server of its own ("spare"): snapshot modes, a purged binlog
// position, and the source server restarting under it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freePort, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { diffDatabase } from '../support/compare.ts';
import { tempDir } from '../support/instaquery-process.ts';
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';
import { silentLogger } from '../../core/index.ts';
import { storeColumnType } from '../support/embedded.ts';

const DB = 'it_lifecycle';
const spare = () => mariadb('spare');
const script = fileURLToPath(new URL('../../scripts/mariadb-instance.sh', import.meta.url));
let running: RunningInstance | null = null;

async function start(dataDir: string, overrides: Record<string, unknown> = {}): Promise<RunningInstance> {
  const config = parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: 0 }, connectors: [sourceConnector('life', DB, { 'database.server.id': 4242, 'connect.backoff.initial.delay.ms': 200, ...overrides }, spare())] }, 'test');
  running = await startInstance(config, silentLogger);
  return running;
}

async function withSource<T>(work: (c: mysql.Connection) => Promise<T>): Promise<T> {
  const c = await connectSource(DB, 'spare');
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function expectEqual(instance: RunningInstance): Promise<void> {
  const gateway = await connectGateway(instance.gateway.port);
  const source = await connectSource(undefined, 'spare');
  try {
    await waitFor('store to equal source', async () => (await diffDatabase(source, gateway, DB)).length === 0, 15_000, 100);
  } finally {
    await gateway.end();
    await source.end();
  }
}

async function rowCount(instance: RunningInstance, table: string): Promise<number> {
  const gateway = await connectGateway(instance.gateway.port);
  try {
    const [rows] = await gateway.query(`SELECT COUNT(*) AS n FROM ${DB}.${table}`);
    return Number((rows as { n: string }[])[0]!.n);
  } finally {
    await gateway.end();
  }
}

beforeAll(async () => {
  const c = await connectSource(undefined, 'spare');
  await c.query(`DROP DATABASE IF EXISTS ${DB}`);
  await c.query(`CREATE DATABASE ${DB}`);
  await c.query(`CREATE TABLE ${DB}.item (id INT PRIMARY KEY, name VARCHAR(20), secret VARCHAR(20), hidden INT)`);
  await c.query(`INSERT INTO ${DB}.item VALUES (1, 'one', 's1', 10), (2, 'two', 's2', 20)`);
  await c.query(`CREATE TABLE ${DB}.price (id INT PRIMARY KEY, amount DECIMAL(30,10))`);
  await c.query(`INSERT INTO ${DB}.price VALUES (1, 12345678901234567890.0123456789)`);
  await c.end();
});

afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('snapshot.mode', () => {
  it('no_data creates the tables without their rows, then streams changes', async () => {
    const instance = await start(tempDir('nodata'), { 'snapshot.mode': 'no_data' });
    expect(await rowCount(instance, 'item')).toBe(0);
    await withSource((c) => c.query(`INSERT INTO item VALUES (3, 'three', 's3', 30)`));
    await waitFor('streamed row', async () => (await rowCount(instance, 'item')) === 1, 5000);
  });

  it('never reads the whole binlog from its oldest file instead of snapshotting', async () => {
    const instance = await start(tempDir('never'), { 'snapshot.mode': 'never' });
    // Every row arrived through the binlog (the table was created after the server started).
    await expectEqual(instance);
  });
});

describe('column filters', () => {
  it('drops column.exclude.list columns and masks column.mask.with.N.chars ones', async () => {
    const instance = await start(tempDir('columns'), { 'column.exclude.list': `${DB}\\.item\\.hidden`, 'column.mask.with.5.chars': `${DB}\\.item\\.secret` });
    await withSource((c) => c.query(`INSERT INTO item VALUES (4, 'four', 'very secret', 40)`));
    const gateway = await connectGateway(instance.gateway.port);
    await waitFor('row 4', async () => ((await gateway.query(`SELECT id FROM ${DB}.item WHERE id = 4`))[0] as unknown[]).length === 1, 5000);
    const [rows] = await gateway.query(`SELECT * FROM ${DB}.item ORDER BY id`);
    await gateway.end();
    for (const r of rows as Record<string, unknown>[]) {
      expect(Object.keys(r)).toEqual(['id', 'name', 'secret']);
      expect(r.secret).toBe('*****');
    }
  });
});

describe('decimal.handling.mode', () => {
  it.each([
    ['precise', 'DECIMAL(30,10)', '12345678901234567890.0123456789'],
    ['string', 'VARCHAR', '12345678901234567890.0123456789'],
    ['double', 'DOUBLE', 12345678901234567000],
  ])('%s stores DECIMAL as %s', async (mode, storeType, value) => {
    const instance = await start(tempDir(`decimal-${mode}`), { 'decimal.handling.mode': mode, 'table.include.list': `${DB}\\.price` });
    await withSource((c) => c.query(`INSERT INTO price VALUES (2, 0.5) ON DUPLICATE KEY UPDATE amount = 0.5`));
    const gateway = await connectGateway(instance.gateway.port);
    expect(await storeColumnType(instance, DB, 'price', 'amount')).toBe(storeType);
    const [rows] = await gateway.query(`SELECT amount FROM ${DB}.price WHERE id = 1`);
    expect((rows as { amount: unknown }[])[0]!.amount).toEqual(value);
    await waitFor('streamed decimal', async () => ((await gateway.query(`SELECT id FROM ${DB}.price WHERE id = 2`))[0] as unknown[]).length === 1, 5000);
    await gateway.end();
  });
});

describe('binlog retention', () => {
  it('warns when the source keeps binlogs for less than binlog.retention.min.hours', async () => {
    await withSource((c) => c.query('SET GLOBAL binlog_expire_logs_seconds = 7200'));
    try {
      const instance = await start(tempDir('retention'), { 'binlog.retention.min.hours': 48 });
      expect(instance.connectors.get('life')!.status().warnings).toEqual([expect.stringMatching(/purges binlogs after 2 h, shorter than binlog\.retention\.min\.hours \(48 h\)/)]);
    } finally {
      await withSource((c) => c.query('SET GLOBAL binlog_expire_logs_seconds = 0'));
    }
  });
});

describe('heartbeat', () => {
  it('moves the stored offset and reports zero lag while followed tables are idle', async () => {
    const dataDir = tempDir('heartbeat');
    const instance = await start(dataDir, { 'heartbeat.interval.ms': 100 });
    const status = () => instance.connectors.get('life')!.status();
    const before = status().offset!;
    await withSource(async (c) => {
      await c.query('CREATE DATABASE IF NOT EXISTS it_lifecycle_other');
      await c.query('CREATE TABLE IF NOT EXISTS it_lifecycle_other.noise (id INT PRIMARY KEY AUTO_INCREMENT, v INT)');
      for (let i = 0; i < 5; i++) await c.query('INSERT INTO it_lifecycle_other.noise (v) VALUES (1)');
    });
    const moved = await waitFor('offset to move past unfollowed changes', async () => {
      const o = status().offset!;
      return o.file !== before.file || o.pos > before.pos ? o : undefined;
    }, 5000, 50);
    expect(moved.snapshotCompleted).toBe(true);
    await waitFor('zero lag when caught up', async () => status().millisBehindSource === 0, 5000, 50);
    // The moved offset is durable: a restart resumes from it, or from later.
    await instance.stop();
    const again = await start(dataDir, { 'heartbeat.interval.ms': 100 });
    const resumed = again.connectors.get('life')!.status().offset!;
    expect(resumed.file > moved.file || (resumed.file === moved.file && resumed.pos >= moved.pos)).toBe(true);
  });
});

describe('binlog position gone from the server', () => {
  it('stops with a clear error naming the purged file, or re-snapshots with when_needed', async () => {
    const dataDir = tempDir('purge');
    await (await start(dataDir)).stop();
    running = null;
    await withSource(async (c) => {
      await c.query(`INSERT INTO item VALUES (5, 'five', 's5', 50)`);
      await c.query('FLUSH BINARY LOGS');
      await c.query(`UPDATE item SET name = 'FIVE' WHERE id = 5`);
      // A dump thread still open on an old file (a stopped reader the server has not noticed
      // yet) would keep PURGE from removing it.
      const [threads] = await c.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE COMMAND LIKE 'Binlog Dump%'");
      for (const { id } of threads as { id: number }[]) await c.query(`KILL ${id}`).catch(() => undefined);
      const [logs] = await c.query('SHOW BINARY LOGS');
      const names = (logs as { Log_name: string }[]).map((l) => l.Log_name);
      // A killed dump thread exits asynchronously; purge until the old files are gone.
      await waitFor('old binlogs to be purged', async () => {
        await c.query(`PURGE BINARY LOGS TO '${names.at(-1)!}'`);
        const [after] = await c.query('SHOW BINARY LOGS');
        return (after as unknown[]).length === 1;
      }, 10_000, 200);
    });
    await expect(start(dataDir)).rejects.toThrow(/stopped at binlog position (\S+):\d+, but the source MySQL at 127\.0\.0\.1:\d+ no longer has \1/);
    const instance = await start(dataDir, { 'snapshot.mode': 'when_needed' });
    await expectEqual(instance);
  });
});

describe('source server restart', () => {
  it('mid-snapshot: retries with backoff and resumes the snapshot after its last chunk', async () => {
    await withSource(async (c) => {
      await c.query('CREATE TABLE IF NOT EXISTS big (id INT PRIMARY KEY, v VARCHAR(40))');
      await c.query('TRUNCATE big');
      await c.query("INSERT INTO big SELECT seq, REPEAT('x', 40) FROM seq_1_to_300000");
    });
    const restPort = await freePort();
    const dataDir = tempDir('midsnap');
    const config = parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: restPort }, connectors: [sourceConnector('life', DB, { 'database.server.id': 4243, 'connect.backoff.initial.delay.ms': 300, 'snapshot.fetch.size': 2000 }, spare())] }, 'test');
    const starting = startInstance(config, silentLogger);
    await waitFor('big part-way', async () => {
      const res = await fetch(`http://127.0.0.1:${restPort}/connectors/life/status`).catch(() => undefined);
      const done = res ? ((await res.json()) as { instaquery: { snapshot: Record<string, number> } }).instaquery.snapshot[`${DB}.big`] ?? 0 : 0;
      return done > 10_000 && done < 300_000;
    }, 30_000, 5);
    execFileSync('bash', [script, 'stop', 'spare']);
    await new Promise((r) => setTimeout(r, 500));
    execFileSync('bash', [script, 'start', 'spare', String(spare().port)], { env: { ...process.env, INSTAQUERY_MARIADB_BUFFER_POOL: '64M' } });
    running = await starting;
    await expectEqual(running);
    await withSource((c) => c.query('DROP TABLE big'));
  });

  it('reconnects with backoff and resumes from the stored offset, losing nothing', async () => {
    const instance = await start(tempDir('restart'));
    await withSource((c) => c.query(`INSERT INTO item VALUES (6, 'six', 's6', 60)`));
    await expectEqual(instance);
    execFileSync('bash', [script, 'stop', 'spare']);
    await waitFor('the connector to notice', async () => /reconnecting/.test(instance.connectors.get('life')!.status().trace ?? ''), 10_000, 50);
    execFileSync('bash', [script, 'start', 'spare', String(spare().port)], { env: { ...process.env, INSTAQUERY_MARIADB_BUFFER_POOL: '64M' } });
    await withSource(async (c) => {
      await c.query(`INSERT INTO item VALUES (7, 'seven', 's7', 70)`);
      await c.query(`DELETE FROM item WHERE id = 1`);
    });
    await waitFor('streaming again', async () => instance.connectors.get('life')!.status().phase === 'streaming' && instance.connectors.get('life')!.status().state === 'RUNNING', 20_000, 100);
    await expectEqual(instance);
  });
});
