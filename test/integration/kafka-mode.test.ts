// Kafka mode end to end, with real parts only: MariaDB → source worker (its own process) →
// Apache Kafka (KRaft) with Avro in a real schema registry → query node (another process: sink
// consumer group + store + gateway). Under a write load the source worker and the query node are
// each killed with -9, and the broker is killed and restarted; afterwards `instaquery verify`
// must find every table equal to the source: nothing lost, nothing duplicated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { connectGateway, connectSource, freePort, kafkaBroker, mariadb, schemaRegistry, sourceConnector, waitFor } from '../support/services.ts';
import { runInstaquery, tempDir, writeConfig, type InstaqueryProcess } from '../support/instaquery-process.ts';
import { createSchema, generate } from '../../workload/rental-billing/generate.ts';
import { startTrickle } from '../../workload/rental-billing/trickle.ts';
import { AvroRegistry } from '../../connectors/kafka-transport/index.ts';

const DB = 'it_kafka';
const broker = kafkaBroker('kafka39');
const registryUrl = schemaRegistry().url;
// Fresh topics and consumer group for each run.
const prefix = `iq${Date.now().toString(36)}`;
let source: mysql.Connection;
let workerConfig: string;
let nodeConfig: string;
let verifyConfig: string;
let gatewayPort: number;
const running: InstaqueryProcess[] = [];

const kafka = { 'bootstrap.servers': broker.bootstrapServers, 'schema.registry.url': registryUrl };

async function launch(config: string): Promise<InstaqueryProcess> {
  const proc = runInstaquery(['start', '--config', config]);
  running.push(proc);
  await proc.ready(90_000);
  return proc;
}

async function kill9(proc: InstaqueryProcess): Promise<void> {
  proc.child.kill('SIGKILL');
  await proc.exited();
}

/** `instaquery verify` through the query node's gateway, retried while the pipeline catches up. */
async function expectEqualToSource(timeoutMs = 90_000): Promise<string> {
  let last = '';
  await waitFor(
    'instaquery verify to find every table equal',
    async () => {
      const verify = runInstaquery(['verify', '--config', verifyConfig]);
      const code = await verify.exited();
      last = verify.output();
      return code === 0;
    },
    timeoutMs,
    500,
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${last}`);
  });
  expect(last).toMatch(/verify: all 7 tables equal/);
  return last;
}

beforeAll(async () => {
  source = await connectSource();
  await createSchema(source, DB);
  await generate(source, { bills: 3000, seed: 7 });
  const dir = tempDir('kafka');
  gatewayPort = await freePort();
  const src = sourceConnector(`src-${prefix}`, DB, { 'topic.prefix': prefix });
  workerConfig = writeConfig(`${dir}`, { dataDir: `${dir}/worker`, gateway: { port: 0 }, rest: { port: 0 }, kafka, connectors: [src] });
  const nodeDir = tempDir('kafka-node');
  nodeConfig = writeConfig(nodeDir, {
    dataDir: `${nodeDir}/data`,
    gateway: { port: gatewayPort },
    rest: { port: 0 },
    kafka,
    connectors: [
      // The original system's sink class, consuming the source's table topics and its schema-change topic.
      { name: `sink-${prefix}`, config: { 'connector.class': 'com.yr.connector.KuduSinkConnector', 'topics.regex': `${prefix}(\\.${DB}\\..*)?`, 'tasks.max': '2', 'kudu.masters': 'kudu:7051' } },
    ],
  });
  const verifyDir = tempDir('kafka-verify');
  verifyConfig = writeConfig(verifyDir, { dataDir: `${verifyDir}/unused`, gateway: { port: gatewayPort }, connectors: [src] });
}, 180_000);

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) await kill9(p);
  await source?.end();
});

describe('Kafka mode', () => {
  it('carries the snapshot and live changes MariaDB → Kafka (Avro, registry) → sink → gateway', async () => {
    const worker = await launch(workerConfig);
    const node = await launch(nodeConfig);
    await expectEqualToSource();
    await source.query(`UPDATE ${DB}.bill SET remark = 'via kafka' WHERE id BETWEEN 10 AND 20`);
    await source.query(`DELETE FROM ${DB}.bill WHERE id BETWEEN 21 AND 25`);
    const gw = await connectGateway(gatewayPort);
    await waitFor('the update through Kafka', async () => {
      const [rows] = await gw.query(`SELECT COUNT(*) AS n FROM ${DB}.bill WHERE remark = 'via kafka'`);
      return Number((rows as { n: string }[])[0]!.n) === 11;
    }, 30_000, 100);
    await gw.end();
    await expectEqualToSource();
    // The values are Debezium envelopes in Confluent's wire format, under <topic>-value subjects.
    const subjects = (await (await fetch(`${registryUrl}/subjects`)).json()) as string[];
    expect(subjects).toEqual(expect.arrayContaining([`${prefix}.${DB}.bill-value`, `${prefix}.${DB}.bill-key`, `${prefix}-value`]));
    const latest = (await (await fetch(`${registryUrl}/subjects/${prefix}.${DB}.bill-value/versions/latest`)).json()) as { schema: string };
    const envelope = JSON.parse(latest.schema) as { name: string; fields: { name: string }[] };
    expect(envelope.name).toBe('Envelope');
    expect(envelope.fields.map((f) => f.name)).toEqual(['before', 'after', 'source', 'op', 'ts_ms', 'transaction']);
    worker.child.kill('SIGTERM');
    node.child.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);
    expect(await node.exited()).toBe(0);
  }, 240_000);

  it('loses and duplicates nothing when the source worker, the query node and the broker are killed under write load', async () => {
    const pool = mysql.createPool({ ...mariadb(), connectionLimit: 2 });
    const trickle = startTrickle(pool, { db: DB, bills: 3000, perSecond: 500, seed: 11 });
    try {
      let worker = await launch(workerConfig);
      let node = await launch(nodeConfig);
      await new Promise((r) => setTimeout(r, 2000));
      await kill9(worker);
      await new Promise((r) => setTimeout(r, 1000));
      worker = await launch(workerConfig);
      expect(worker.output()).toContain('resuming from stored offset');
      await new Promise((r) => setTimeout(r, 1500));
      await kill9(node);
      await new Promise((r) => setTimeout(r, 1000));
      node = await launch(nodeConfig);
      await new Promise((r) => setTimeout(r, 1500));
      // The broker: kill -9 and start again as test-env started it.
      const pid = Number(readFileSync(broker.pidFile, 'utf8').trim());
      process.kill(pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 1500));
      execSync(broker.startCommand, { stdio: 'ignore', timeout: 90_000 });
      await new Promise((r) => setTimeout(r, 3000));
      await trickle.stop();
      expect(trickle.changes).toBeGreaterThan(500);
      await expectEqualToSource(120_000);
      worker.child.kill('SIGTERM');
      node.child.kill('SIGTERM');
      expect(await worker.exited()).toBe(0);
      expect(await node.exited()).toBe(0);
    } finally {
      await trickle.stop();
      await pool.end();
    }
  }, 360_000);
});

describe('Avro through the registry', () => {
  it('encodes and decodes in Confluent wire format with BIGINT beyond 2^53 exact', async () => {
    const registry = new AvroRegistry(registryUrl);
    const schema = { type: 'record', name: 'T', namespace: prefix, fields: [{ name: 'id', type: 'long' }, { name: 'v', type: ['null', { type: 'string', 'connect.name': 'io.debezium.data.Json' }], default: null }] };
    const id = await registry.register(`${prefix}.probe-value`, schema);
    const bytes = registry.encode(`${prefix}.probe-value`, schema, id, { id: 9007199254740993n, v: '{"a":1}' });
    expect(bytes[0]).toBe(0);
    expect(bytes.readInt32BE(1)).toBe(id);
    const decoded = await new AvroRegistry(registryUrl).decode(bytes);
    expect(decoded.value).toEqual({ id: 9007199254740993n, v: '{"a":1}' });
    // The registry keeps the Connect attributes a standard consumer reads semantic types from.
    expect(JSON.stringify(decoded.schema)).toContain('io.debezium.data.Json');
  });
});
