// Partitioned tables end to end (real MariaDB → store → gateway): a HASH × RANGE spec from the
// sink config lays a table out as one DuckDB table per month behind a view; rows are routed and
// moved between months as they change; queries on one month read one partition (EXPLAIN shows
// the others as EMPTY_RESULT); SHOW CREATE TABLE shows the spec; schema changes reach every
// partition; and several sink tasks share the writes by hash bucket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { diffTable } from '../support/compare.ts';

const DB = 'it_parts';
const SPEC = 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH';
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

const rows = async (sql: string) => (await gateway.query(sql))[0] as Record<string, unknown>[];
/** DuckDB's plan through the gateway (MySQL's EXPLAIN FORMAT=JSON), as JSON: the tables its scans read. */
async function scannedTables(sql: string): Promise<string[]> {
  const [plan] = await rows(`EXPLAIN FORMAT=JSON ${sql}`);
  const scans: string[] = [];
  const walk = (node: { name: string; children: unknown[]; extra_info: Record<string, string> }) => {
    if (node.name === 'SEQ_SCAN') scans.push(node.extra_info.Table!);
    for (const child of node.children) walk(child as typeof node);
  };
  for (const root of JSON.parse(String(plan!.EXPLAIN))) walk(root);
  return scans;
}
const scannedPartitions = async (sql: string) => (await scannedTables(sql)).map((t) => /p:([\d-]+)"$/.exec(t)?.[1] ?? t).sort();
const inSync = (table: string) => waitFor(`${table} in sync`, async () => (await diffTable(source, gateway, DB, table)) === null, 10_000, 50);

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`CREATE TABLE bill (id BIGINT UNSIGNED PRIMARY KEY, contract_id INT NOT NULL, amount DECIMAL(12,2) NOT NULL, created_at DATETIME NOT NULL, note VARCHAR(20))`);
  await source.query(`CREATE TABLE plain (id INT PRIMARY KEY, v VARCHAR(10))`);
  const values = Array.from({ length: 300 }, (_, i) => `(${i + 1}, ${(i % 7) + 1}, ${i}.25, '2024-0${Math.floor(i / 100) + 1}-${String((i % 27) + 1).padStart(2, '0')} 10:00:00', NULL)`);
  await source.query(`INSERT INTO bill VALUES ${values.join(', ')}`);
  await source.query(`INSERT INTO plain VALUES (1, 'a'), (2, 'b')`);
  const sink = { name: 'sink', config: { 'connector.class': 'com.yr.connector.KuduSinkConnector', 'tasks.max': 3, 'batch.size': 50, [`partitioning.${DB}.bill`]: SPEC } };
  instance = await startEmbedded([sourceConnector('parts', DB), sink]);
  gateway = await connectGateway(instance.gateway.port);
  await inSync('bill');
}, 60_000);

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

describe('a HASH x RANGE partitioned table', () => {
  it('is snapshotted into one partition per month, and SHOW CREATE TABLE shows the spec', async () => {
    const [create] = await rows(`SHOW CREATE TABLE ${DB}.bill`);
    expect(create!['Create Table']).toContain('`id` bigint(20) unsigned NOT NULL');
    expect(create!['Create Table']).toContain('PRIMARY KEY (`id`)');
    expect(create!['Create Table']).toContain(`/* instaquery PARTITION BY ${SPEC}, 3 range partitions: 2024-01-01, 2024-02-01, 2024-03-01 */`);
    expect(await rows(`SHOW TABLES FROM ${DB}`)).toEqual([{ [`Tables_in_${DB}`]: 'bill' }, { [`Tables_in_${DB}`]: 'plain' }]);
    expect(await rows('SHOW DATABASES')).not.toContainEqual({ Database: '_instaquery_parts' });
  });

  it('reads only the matching month for a query on one month of created_at (EXPLAIN)', async () => {
    expect(await scannedPartitions(`SELECT count(*) FROM ${DB}.bill WHERE created_at >= '2024-02-01' AND created_at < '2024-03-01'`)).toEqual(['2024-02-01']);
    expect(await rows(`SELECT count(*) AS n FROM ${DB}.bill WHERE created_at >= '2024-02-01' AND created_at < '2024-03-01'`)).toEqual([{ n: '100' }]);
    expect(await scannedPartitions(`SELECT count(*) FROM ${DB}.bill`)).toEqual(['2024-01-01', '2024-02-01', '2024-03-01']);
    // Ids grow with created_at here, as auto-increment ids do: each partition's statistics
    // rule it out for ids outside its range too.
    expect(await scannedPartitions(`SELECT * FROM ${DB}.bill WHERE id = 150`)).toEqual(['2024-02-01']);
  });

  it('adds a partition as time moves on, and moves a row whose created_at changes month', async () => {
    await source.query(`INSERT INTO bill VALUES (1001, 1, 5.00, '2024-04-02 08:00:00', 'april')`);
    await source.query(`UPDATE bill SET created_at = '2024-04-15 00:00:00', note = 'moved' WHERE id IN (1, 2)`);
    await source.query(`UPDATE bill SET amount = amount + 1 WHERE id BETWEEN 10 AND 40`);
    await source.query(`DELETE FROM bill WHERE id BETWEEN 50 AND 60`);
    await inSync('bill');
    expect(await rows(`SELECT id, note FROM ${DB}.bill WHERE created_at >= '2024-04-01' ORDER BY id`)).toEqual([
      { id: '1', note: 'moved' },
      { id: '2', note: 'moved' },
      { id: '1001', note: 'april' },
    ]);
    expect(await rows(`SELECT count(*) AS n, count(DISTINCT id) AS ids FROM ${DB}.bill`)).toEqual([{ n: '290', ids: '290' }]);
    expect(await scannedPartitions(`SELECT * FROM ${DB}.bill WHERE created_at >= '2024-04-01'`)).toEqual(['2024-04-01']);
    const [create] = await rows(`SHOW CREATE TABLE ${DB}.bill`);
    expect(create!['Create Table']).toContain('4 range partitions: 2024-01-01, 2024-02-01, 2024-03-01, 2024-04-01');
  });

  it('applies schema changes while streaming to every partition', async () => {
    await source.query(`ALTER TABLE bill ADD COLUMN paid TINYINT NOT NULL DEFAULT 0 AFTER amount`);
    await source.query(`UPDATE bill SET paid = 1 WHERE id % 5 = 0`);
    await source.query(`ALTER TABLE bill CHANGE note remark VARCHAR(40)`);
    await source.query(`ALTER TABLE bill MODIFY contract_id BIGINT NOT NULL`);
    await source.query(`INSERT INTO bill (id, contract_id, amount, paid, created_at, remark) VALUES (2001, 9000000000, 1.00, 1, '2024-05-05 05:05:05', 'may')`);
    await inSync('bill');
    expect(await rows(`SELECT id, contract_id, paid, remark FROM ${DB}.bill WHERE id IN (1, 2001) ORDER BY id`)).toEqual([
      { id: '1', contract_id: '1', paid: 0, remark: 'moved' },
      { id: '2001', contract_id: '9000000000', paid: 1, remark: 'may' },
    ]);
    expect(await rows(`SELECT paid, count(*) AS n FROM ${DB}.bill GROUP BY paid ORDER BY paid`)).toEqual([
      { paid: 0, n: '233' },
      { paid: 1, n: '58' },
    ]);
  });

  it('refuses to drop the range column: the table is set aside, the others keep flowing', async () => {
    await source.query(`ALTER TABLE bill DROP COLUMN created_at`);
    await source.query(`INSERT INTO plain VALUES (3, 'c')`);
    await inSync('plain');
    const status = instance.connectors.get('parts')!.status();
    expect(status.state).toBe('RUNNING');
    expect(status.quarantined.find((q) => q.table === `${DB}.bill`)?.reason).toMatch(/cannot drop column created_at: the table's partition spec .* uses it/);
  });
});
