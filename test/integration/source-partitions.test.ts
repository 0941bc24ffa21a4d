// information_schema.PARTITIONS for tables the source partitions: the store keeps one table and
// does not know the source's partitions, so their rows are refused (1235), found at snapshot
// (CREATE_OPTIONS `partitioned`) and followed in the binlog (PARTITION BY, in plain text or in an
// executable comment, and REMOVE PARTITIONING); a table not partitioned gets MariaDB's one row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { startEmbedded } from '../support/embedded.ts';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';

const DB = 'it_source_partitions';
/** A database without partitioned tables, the only one the limited user may read. */
const OTHER = 'it_source_partitions_other';
const users = [
  { user: 'all', password: 'all-secret' },
  { user: 'limited', password: 'limited-secret', databases: [OTHER] },
];
let instance: Awaited<ReturnType<typeof startEmbedded>>;
const env = {} as { source: mysql.Connection; gateway: mysql.Connection };

const ROW = `SELECT TABLE_NAME, PARTITION_NAME, PARTITION_METHOD, TABLESPACE_NAME FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '${DB}' AND TABLE_NAME = ?`;

async function partitionRows(conn: mysql.Connection, table: string): Promise<unknown> {
  try {
    const [rows] = await conn.query(ROW, [table]);
    return rows;
  } catch (e) {
    return { errno: (e as { errno?: number }).errno, message: (e as Error).message };
  }
}

beforeAll(async () => {
  await freshDatabase(OTHER);
  const other = await connectSource(OTHER);
  await other.query('CREATE TABLE t (id INT PRIMARY KEY)');
  await other.end();
  await freshDatabase(DB);
  env.source = await connectSource(DB);
  await env.source.query('CREATE TABLE plain (id INT PRIMARY KEY, v INT)');
  await env.source.query('CREATE TABLE split (id INT PRIMARY KEY, v INT) PARTITION BY HASH(id) PARTITIONS 3');
  await env.source.query('INSERT INTO split VALUES (1, 1), (2, 2)');
  instance = await startEmbedded([sourceConnector('partitions', `${DB},${OTHER}`)], { gateway: { port: 0, users } });
  await waitFor('streaming', async () => instance.connectors.get('partitions')!.status().phase === 'streaming', 30_000);
  env.gateway = await connectGateway(instance.gateway.port, { user: 'all', password: 'all-secret', database: DB });
}, 60_000);

afterAll(async () => {
  await env.gateway?.end();
  await env.source?.end();
  await instance?.stop();
});

describe('information_schema.PARTITIONS of a MariaDB source', () => {
  it('gives a table the source does not partition its one row, as the source does', async () => {
    expect(await partitionRows(env.gateway, 'plain')).toEqual(await partitionRows(env.source, 'plain'));
    expect(await partitionRows(env.gateway, 'plain')).toEqual([{ TABLE_NAME: 'plain', PARTITION_NAME: null, PARTITION_METHOD: null, TABLESPACE_NAME: null }]);
  });

  it('refuses the rows of a table partitioned at snapshot, naming PARTITIONS', async () => {
    expect(await partitionRows(env.gateway, 'split')).toMatchObject({ errno: 1235, message: expect.stringMatching(/information_schema\.PARTITIONS rows of it_source_partitions\.split: the source partitions it/) });
    // Its rows are served as ever.
    const [rows] = await env.gateway.query('SELECT COUNT(*) AS n FROM split');
    expect(rows).toEqual([{ n: '2' }]);
  });

  it("refuses a limited user no row of theirs for another database's partitioned table", async () => {
    const limited = await connectGateway(instance.gateway.port, { user: 'limited', password: 'limited-secret', database: OTHER });
    try {
      const [rows] = await limited.query('SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.PARTITIONS');
      expect(rows).toEqual([{ TABLE_SCHEMA: OTHER, TABLE_NAME: 't' }]);
    } finally {
      await limited.end();
    }
    const [all] = await env.gateway.query(`SELECT COUNT(*) AS n FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = '${OTHER}'`);
    expect(all).toEqual([{ n: '1' }]);
    await expect(env.gateway.query('SELECT COUNT(*) FROM information_schema.PARTITIONS')).rejects.toMatchObject({ errno: 1235, message: expect.stringContaining(`${DB}.split`) });
  });

  it('follows PARTITION BY and REMOVE PARTITIONING in the binlog', async () => {
    await env.source.query('CREATE TABLE later (id INT PRIMARY KEY) ENGINE=InnoDB /*!50100 PARTITION BY HASH (id) PARTITIONS 2 */');
    await waitFor('later refused', async () => ((await partitionRows(env.gateway, 'later')) as { errno?: number }).errno === 1235, 20_000);
    await env.source.query('ALTER TABLE plain PARTITION BY KEY (id) PARTITIONS 2');
    await waitFor('plain refused', async () => ((await partitionRows(env.gateway, 'plain')) as { errno?: number }).errno === 1235, 20_000);
    await env.source.query('ALTER TABLE plain REMOVE PARTITIONING');
    await waitFor('plain served', async () => Array.isArray(await partitionRows(env.gateway, 'plain')), 20_000);
    expect(await partitionRows(env.gateway, 'plain')).toEqual(await partitionRows(env.source, 'plain'));
  });
});
