// Kafka mode against Apache Kafka 4.x, and interop both ways with Confluent's own Avro serdes:
// what instaquery's source worker writes is decoded by Confluent's AvroDeserializer with the
// registry (a standard Avro consumer; Debian's kcat is built without Avro), and the query node's
// sink consumes a topic that Confluent's AvroSerializer wrote in Debezium's exact shape. Also: a
// schema version the registry refuses stops that one table, with the registry's reason in status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type mysql from 'mysql2/promise';
import { avroClient, connectGateway, connectSource, freePort, freshDatabase, kafkaBroker, schemaRegistry, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';

const run = promisify(execFile);
const DB = 'it_interop';
const broker = kafkaBroker('kafka4');
const registryUrl = schemaRegistry().url;
const prefix = `ix${Date.now().toString(36)}`;
// A second prefix for the topic the Debezium-shaped producer writes.
const foreign = `dz${Date.now().toString(36)}`;
const kafka = { 'bootstrap.servers': broker.bootstrapServers, 'schema.registry.url': registryUrl };
const client = avroClient();
let source: mysql.Connection;
let gateway: mysql.Connection;
let restPort: number;
const running: InstaqueryProcess[] = [];

async function launch(config: unknown, dir: string): Promise<void> {
  const proc = runInstaquery(['start', '--config', writeConfig(dir, config)]);
  running.push(proc);
  await proc.ready(90_000);
}

async function python(script: string, args: string[]): Promise<string> {
  const { stdout } = await run(client.python, [`${client.scripts}${script}`, ...args], { timeout: 90_000, maxBuffer: 64 << 20 });
  return stdout;
}

async function gatewayRows(sql: string): Promise<Record<string, unknown>[]> {
  const [rows] = await gateway.query(sql);
  return rows as Record<string, unknown>[];
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(`
    CREATE TABLE item (id BIGINT UNSIGNED PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(12,2), created DATETIME(3),
      day DATE, kind ENUM('a','b'), doc JSON, big BIGINT);
    INSERT INTO item VALUES
      (1, 'one', 12.50, '2024-01-02 03:04:05.678', '2024-01-02', 'b', '{"x": 1}', 9007199254740993),
      (18446744073709551615, 'max', -0.01, '1969-12-31 23:59:59.000', '1000-01-01', NULL, NULL, -9223372036854775808);
    CREATE TABLE evolving (id INT PRIMARY KEY, qty INT);
    INSERT INTO evolving VALUES (1, 10);`);
  restPort = await freePort();
  const gatewayPort = await freePort();
  const workerDir = tempDir('interop-worker');
  await launch({ dataDir: `${workerDir}/data`, gateway: { port: 0 }, rest: { port: restPort }, kafka, connectors: [sourceConnector(`src-${prefix}`, DB, { 'topic.prefix': prefix })] }, workerDir);
  const nodeDir = tempDir('interop-node');
  await launch(
    {
      dataDir: `${nodeDir}/data`,
      gateway: { port: gatewayPort },
      rest: { port: 0 },
      kafka,
      connectors: [
        { name: `sink-${prefix}`, config: { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', 'topics.regex': `${prefix}(\\.${DB}\\..*)?` } },
        { name: `sink-${foreign}`, config: { 'connector.class': 'com.yr.connector.KuduSinkConnector', topics: `${foreign}.dz.items` } },
      ],
    },
    nodeDir,
  );
  gateway = await connectGateway(gatewayPort);
  await waitFor('the snapshot on the query node', async () => Number((await gatewayRows(`SELECT COUNT(*) AS n FROM ${DB}.item`))[0]?.n) === 2 || false, 90_000, 200).catch((err: Error) => {
    throw new Error(`${err.message}\n${running.map((p) => p.output().slice(-4000)).join('\n----\n')}`);
  });
}, 240_000);

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await gateway?.end();
  await source?.end();
});

describe(`Kafka mode on Apache Kafka ${broker.version}`, () => {
  it("writes what Confluent's AvroDeserializer decodes with the registry, in Debezium's types", async () => {
    const out = await python('consume.py', [broker.bootstrapServers, registryUrl, `${prefix}.${DB}.item`, '2']);
    const messages = out.trim().split('\n').map((l) => JSON.parse(l) as { key: Record<string, unknown>; value: Record<string, any>; value_schema_id: number });
    const byId = new Map(messages.map((m) => [String(m.key.id), m.value]));
    // BIGINT UNSIGNED in precise mode is a Connect Decimal; DATETIME(3) epoch millis; DATE epoch days.
    expect(byId.get('1')).toMatchObject({
      op: 'r',
      before: null,
      after: { id: '1', name: 'one', price: '12.50', created: 1704164645678, day: 19724, kind: 'b', doc: '{"x": 1}', big: '9007199254740993' },
      source: { db: DB, table: 'item', snapshot: expect.stringMatching(/^(true|last)$/) },
    });
    expect(byId.get('18446744073709551615')).toMatchObject({
      after: { id: '18446744073709551615', name: 'max', price: '-0.01', created: -1000, day: -354285, kind: null, doc: null, big: '-9223372036854775808' },
    });
    const subject = (await (await fetch(`${registryUrl}/schemas/ids/${messages[0]!.value_schema_id}`)).json()) as { schema: string };
    expect(JSON.parse(subject.schema)).toMatchObject({ name: 'Envelope', namespace: `${prefix}.${DB}.item` });

    // A change made now arrives as Debezium's "u" with before and after images.
    await source.query(`UPDATE item SET price = 13.00 WHERE id = 1`);
    const updates = (await python('consume.py', [broker.bootstrapServers, registryUrl, `${prefix}.${DB}.item`, '3'])).trim().split('\n').map((l) => JSON.parse(l) as { value: Record<string, any> });
    expect(updates.at(-1)!.value).toMatchObject({ op: 'u', before: { price: '12.50' }, after: { price: '13.00' }, source: { snapshot: 'false', db: DB, table: 'item' } });
  }, 120_000);

  it('follows a table created after the query node subscribed: its new topic is picked up by topics.regex', async () => {
    await source.query(`CREATE TABLE late (id INT PRIMARY KEY, v VARCHAR(10)); INSERT INTO late VALUES (1, 'x'), (2, 'y')`);
    await waitFor('rows of the new table on the query node', async () => JSON.stringify(await gatewayRows(`SELECT id, v FROM ${DB}.late ORDER BY id`).catch(() => [])) === JSON.stringify([{ id: 1, v: 'x' }, { id: 2, v: 'y' }]) || undefined, 30_000, 200);
  }, 60_000);

  it('publishes a transaction larger than one produce request (split under producer.max.request.size)', async () => {
    // 40 rows of 100 KB in one transaction: 4 MB, where the broker takes 1 MiB per record batch.
    await source.query(`CREATE TABLE wide (id INT PRIMARY KEY, body MEDIUMTEXT)`);
    await source.query(`INSERT INTO wide SELECT seq, REPEAT(CHAR(65 + seq % 26), 100000) FROM seq_1_to_40`);
    await waitFor('the wide rows on the query node', async () => {
      const [row] = await gatewayRows(`SELECT COUNT(*) AS n, SUM(LENGTH(body)) AS bytes FROM ${DB}.wide`);
      return (Number(row?.n) === 40 && Number(row?.bytes) === 4_000_000) || undefined;
    }, 60_000, 200);
  }, 90_000);

  it('consumes a topic a Debezium-shaped Avro producer wrote: creates the table and applies r/c/u/d and the tombstone', async () => {
    await python('produce_debezium.py', [broker.bootstrapServers, registryUrl, foreign, 'dz', 'items']);
    const expected = [
      { id: '1', name: 'first', price: '12.50', created_at: '2024-01-02 03:04:05.678', day: '2024-01-02', kind: 'open', qty: 3, updated_at: '2024-01-02 03:04:05.000000' },
      { id: '2', name: 'second, updated', price: '7.25', created_at: '1970-01-01 00:00:00.000', day: '1970-01-01', kind: 'open', qty: -32768, updated_at: null },
      { id: '4', name: 'fourth', price: '9999999999.99', created_at: '1969-12-31 00:00:00.000', day: '1969-12-31', kind: 'open', qty: 32767, updated_at: '2030-12-31 23:59:59.500000' },
    ];
    let last: unknown;
    await waitFor('the Debezium-shaped topic in the store', async () => {
      last = await gatewayRows('SELECT id, name, price, created_at, day, kind, qty, updated_at FROM dz.items ORDER BY id').catch((e: Error) => e.message);
      return JSON.stringify(last) === JSON.stringify(expected) || undefined;
    }, 60_000, 200).catch((err: Error) => {
      throw new Error(`${err.message}\nlast answer: ${JSON.stringify(last)}`);
    });
  }, 120_000);

  it('stops only the table whose new schema version the registry refuses, and says why in status', async () => {
    // BACKWARD, as a Confluent registry defaults to: an INT column turned VARCHAR cannot be read by the new schema's readers.
    const res = await fetch(`${registryUrl}/config/${prefix}.${DB}.evolving-value`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ compatibility: 'BACKWARD' }) });
    expect(res.status).toBe(200);
    await source.query(`ALTER TABLE evolving MODIFY qty VARCHAR(20)`);
    await source.query(`INSERT INTO evolving VALUES (2, 'twenty')`);
    await source.query(`INSERT INTO item (id, name) VALUES (3, 'after the refusal')`);
    await waitFor('the other table to keep flowing', async () => (await gatewayRows(`SELECT name FROM ${DB}.item WHERE id = 3`))[0]?.name === 'after the refusal' || undefined, 30_000, 100);
    const status = (await (await fetch(`http://127.0.0.1:${restPort}/connectors/src-${prefix}/status`)).json()) as { connector: { state: string }; instaquery: { quarantined: { table: string; reason: string }[] } };
    expect(status.connector.state).toBe('RUNNING');
    expect(status.instaquery.quarantined).toHaveLength(1);
    expect(status.instaquery.quarantined[0]!.table).toBe(`${DB}.evolving`);
    expect(status.instaquery.quarantined[0]!.reason).toMatch(new RegExp(`${prefix}\\.${DB}\\.evolving-value.*(incompatible|Incompatible)`));
    expect(await gatewayRows(`SELECT id, qty FROM ${DB}.evolving ORDER BY id`)).toEqual([{ id: 1, qty: 10 }]);
  }, 120_000);
});
