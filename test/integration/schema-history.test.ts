// DDL interleaved with DML: replayed from an old offset after a restart, and live while
// streaming. Binlog rows carry no column names of their own; each event must be applied with the
// schema in force when it was written, and the store's tables must follow every DDL statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { diffDatabase } from '../support/compare.ts';
import { startEmbedded } from '../support/embedded.ts';
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';
import { silentLogger } from '../../core/index.ts';

const DB = 'it_ddl';
let source: mysql.Connection;
let dataDir: string;
let instance: RunningInstance | null = null;
const connector = sourceConnector('ddl', DB);

async function start(): Promise<RunningInstance> {
  const config = parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: 0 }, connectors: [connector] }, 'test');
  instance = await startInstance(config, silentLogger);
  return instance;
}

async function storeTables(port: number): Promise<string[]> {
  const gateway = await connectGateway(port, { database: DB });
  const [rows] = await gateway.query('SHOW TABLES');
  await gateway.end();
  return (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!);
}

async function expectStoreEqualsSource(port: number): Promise<void> {
  const gateway = await connectGateway(port);
  try {
    await waitFor('store to equal source', async () => (await diffDatabase(source, gateway, DB)).length === 0, 10_000, 100);
  } finally {
    await gateway.end();
  }
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10), created DATETIME(3))`);
  await source.query(`CREATE TABLE t2 (id INT PRIMARY KEY, v TEXT)`);
  await source.query(`INSERT INTO t VALUES (1, 10, 'one', '2024-01-01 00:00:00.001'), (2, 20, 'two', NULL)`);
  await source.query(`INSERT INTO t2 VALUES (1, 'x'), (2, 'y')`);
  const first = await startEmbedded([connector]);
  dataDir = first.dataDir;
  await first.stop();
});

afterAll(async () => {
  await instance?.stop();
  await source?.end();
});

describe('schema history', () => {
  it('replays DDL interleaved with DML from an old offset, while the server already has the final schema', async () => {
    const steps = [
      `INSERT INTO t VALUES (3, 30, 'three', NOW(3))`,
      `ALTER TABLE t ADD COLUMN c DECIMAL(10,2) NULL AFTER a`,
      `INSERT INTO t VALUES (4, 40, 4.25, 'four', NOW(3))`,
      `UPDATE t SET c = 1.50 WHERE id = 1`,
      `ALTER TABLE t CHANGE b b2 VARCHAR(20) NOT NULL DEFAULT ''`,
      `INSERT INTO t (id, a, c, b2) VALUES (5, 50, 5.00, 'five, renamed col')`,
      `ALTER TABLE t DROP COLUMN a`,
      `INSERT INTO t (id, c, b2) VALUES (6, 6.60, 'six')`,
      `ALTER TABLE t RENAME COLUMN c TO amount`,
      `UPDATE t SET amount = amount * 2 WHERE id <= 4`,
      `ALTER TABLE t MODIFY amount DECIMAL(12,3)`,
      `INSERT INTO t (id, amount, b2) VALUES (7, 7.125, 'seven')`,
      `CREATE TABLE t_new (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, v JSON, made DATE)`,
      `INSERT INTO t_new VALUES (1, '{"k": 1}', '2024-02-29')`,
      `CREATE TABLE t_gone (id INT PRIMARY KEY)`,
      `INSERT INTO t_gone VALUES (1)`,
      `DROP TABLE t_gone`,
      `RENAME TABLE t_new TO t_renamed`,
      `INSERT INTO t_renamed VALUES (2, NULL, NULL)`,
      `TRUNCATE TABLE t2`,
      `INSERT INTO t2 VALUES (9, 'after truncate')`,
      `ALTER TABLE t ADD COLUMN note VARCHAR(8) NOT NULL DEFAULT 'n/a' FIRST, ADD INDEX idx_b2 (b2)`,
      `DELETE FROM t WHERE id = 2`,
    ];
    for (const sql of steps) await source.query(sql);

    const running = await start();
    await expectStoreEqualsSource(running.gateway.port);
    expect(await storeTables(running.gateway.port)).toEqual(['t', 't2', 't_renamed']);
    // Old rows kept their values through the renames: the renamed column was renamed, not dropped and re-added.
    const gateway = await connectGateway(running.gateway.port);
    const [rows] = await gateway.query(`SELECT id, amount, b2 FROM ${DB}.t WHERE id IN (1, 3) ORDER BY id`);
    expect(rows).toEqual([
      { id: 1, amount: '3.000', b2: 'one' },
      { id: 3, amount: null, b2: 'three' },
    ]);
    await gateway.end();
    await running.stop();
    instance = null;
  });

  it('follows DDL live while streaming, and keeps the history across another restart', async () => {
    const running = await start();
    await source.query(`ALTER TABLE t2 ADD COLUMN score DOUBLE NULL`);
    await source.query(`INSERT INTO t2 VALUES (10, 'live', 2.5)`);
    await source.query(`CREATE TABLE t_live (k VARCHAR(4) NOT NULL, n INT NOT NULL, PRIMARY KEY (k, n))`);
    await source.query(`INSERT INTO t_live VALUES ('a', 1), ('a', 2)`);
    await expectStoreEqualsSource(running.gateway.port);
    await running.stop();

    await source.query(`ALTER TABLE t_live ADD COLUMN extra INT`);
    await source.query(`INSERT INTO t_live VALUES ('b', 1, 42)`);
    const again = await start();
    await expectStoreEqualsSource(again.gateway.port);
    const res = await fetch(`http://127.0.0.1:${again.restPort}/connectors/ddl/status`);
    expect(((await res.json()) as { instaquery: { quarantined: unknown[] } }).instaquery.quarantined).toEqual([]);
  });
});
