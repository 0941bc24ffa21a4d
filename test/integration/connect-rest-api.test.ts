// Kafka Connect's REST API driven with real curl, as the original system's scripts drove
// Debezium + Kafka Connect: a Debezium 1.x-style source body and the Kudu sink body create
// working connectors; configs persist across a restart; passwords never come back; pause,
// resume, stop, offsets (KIP-875), validation and auth behave as Kafka Connect's do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, mariadb, waitFor } from '../support/services.ts';
import { tempDir } from '../support/instaquery-process.ts';
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';
import { silentLogger } from '../../core/index.ts';

const DB = 'it_connect_rest';
let instance: RunningInstance;
let source: mysql.Connection;
let dataDir: string;

const run = promisify(execFile);

// The REST API runs in this process: curl must not block its event loop.
async function curl(method: string, path: string, body?: unknown, headers: string[] = []): Promise<{ status: number; body: any }> {
  const args = ['-s', '-o', '-', '-w', '\n%{http_code}', '-X', method, ...headers.flatMap((h) => ['-H', h]), `http://127.0.0.1:${instance.restPort}${path}`];
  if (body !== undefined) args.push('-H', 'Content-Type: application/json', '-d', JSON.stringify(body));
  const { stdout: out } = await run('curl', args, { encoding: 'utf8' });
  const cut = out.lastIndexOf('\n');
  const text = out.slice(0, cut);
  return { status: Number(out.slice(cut + 1)), body: text ? JSON.parse(text) : null };
}

const m = mariadb('main');
// The original system's command, as it was written for Debezium 1.x on Kafka Connect.
const debeziumBody = (serverId: number) => ({
  name: 'rb-source',
  config: {
    'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
    'tasks.max': '1',
    'database.hostname': m.host,
    'database.port': String(m.port),
    'database.user': m.user,
    'database.password': m.password,
    'database.server.id': String(serverId),
    'database.server.name': 'rb',
    'database.whitelist': DB,
    'table.whitelist': `${DB}.bill`,
    'database.history.kafka.bootstrap.servers': 'kafka:9092',
    'database.history.kafka.topic': 'dbhistory.rb',
    'include.schema.changes': 'true',
    'decimal.handling.mode': 'precise',
  },
});
const kuduBody = {
  name: 'kudu-sink',
  config: {
    'connector.class': 'com.yr.connector.KuduSinkConnector',
    'tasks.max': '2',
    'kudu.masters': 'kudu-master:7051',
    'batch.size': '1000',
    'max.retries': '3',
    'behavior.on.exception': 'LOG',
    'max.buffered.records': '5000',
  },
};

async function start(extra: Record<string, unknown> = {}): Promise<void> {
  instance = await startInstance(parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: 0, ...extra }, connectors: [] }, 'test'), silentLogger);
}

async function billCount(): Promise<number> {
  const gw = await connectGateway(instance.gateway.port);
  try {
    const [rows] = await gw.query(`SELECT COUNT(*) AS n FROM ${DB}.bill`);
    return Number((rows as { n: number }[])[0]!.n);
  } finally {
    await gw.end();
  }
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query('CREATE TABLE bill (id INT PRIMARY KEY, amount DECIMAL(12,2) NOT NULL); CREATE TABLE other (id INT PRIMARY KEY)');
  await source.query('INSERT INTO bill VALUES (1, 10.50), (2, 20.25); INSERT INTO other VALUES (1)');
  dataDir = `${tempDir('rest')}/data`;
  await start();
});

afterAll(async () => {
  await instance?.stop();
  await source?.end();
});

describe('Kafka Connect REST API', () => {
  it('answers GET / and lists the connector plugins', async () => {
    expect((await curl('GET', '/')).body).toMatchObject({ version: expect.any(String), commit: '' });
    const classes = (await curl('GET', '/connector-plugins')).body.map((p: { class: string }) => p.class);
    expect(classes).toEqual(expect.arrayContaining(['io.debezium.connector.mysql.MySqlConnector', 'com.yr.connector.KuduSinkConnector']));
  });

  it('refuses an invalid config with 400 listing every problem, as config/validate does', async () => {
    const bad = (await curl('POST', '/connectors', { name: 'bad', config: { 'connector.class': 'io.debezium.connector.mysql.MySqlConnector', 'database.port': 'abc', 'databse.user': 'x' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe(400);
    for (const key of ['database.hostname', 'database.port', 'databse.user', 'database.server.id']) expect(bad.body.message).toContain(`'${key}'`);
    const validated = (await curl('PUT', '/connector-plugins/MySqlConnector/config/validate', { 'database.port': 'abc' }));
    expect(validated.status).toBe(200);
    expect(validated.body.name).toBe('io.debezium.connector.mysql.MySqlConnector');
    expect(validated.body.error_count).toBeGreaterThanOrEqual(4);
    const port = validated.body.configs.find((c: { value: { name: string } }) => c.value.name === 'database.port');
    expect(port.value.errors).toEqual([expect.stringContaining("'database.port'")]);
    expect((await curl('GET', '/connectors')).body).toEqual([]);
  });

  it('creates a working source from the Debezium 1.x body, with the password hidden', async () => {
    const created = (await curl('POST', '/connectors', debeziumBody(4000 + Math.floor(Math.random() * 100000))));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'rb-source', type: 'source', tasks: [{ connector: 'rb-source', task: 0 }] });
    expect(created.body.config['database.password']).toBe('[hidden]');
    expect(JSON.stringify((await curl('GET', '/connectors/rb-source/config')).body)).not.toContain(m.password);
    expect((await curl('POST', '/connectors', debeziumBody(1))).status).toBe(409);
    await waitFor('the snapshot', async () => (await billCount()) === 2, 30_000, 100);
    // table.whitelist kept `other` out.
    const gw = await connectGateway(instance.gateway.port);
    await expect(gw.query(`SELECT * FROM ${DB}.other`)).rejects.toThrow(/other/);
    await gw.end();
    await source.query('INSERT INTO bill VALUES (3, 30.00)');
    await waitFor('streaming', async () => (await billCount()) === 3, 15_000, 50);
    const status = (await curl('GET', '/connectors/rb-source/status')).body;
    expect(status).toMatchObject({ name: 'rb-source', type: 'source', connector: { state: 'RUNNING' }, tasks: [{ id: 0, state: 'RUNNING' }] });
    expect(status.instaquery.ignored_keys.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining(['database.history.kafka.topic', 'database.whitelist']));
    expect((await curl('GET', '/connectors/rb-source/tasks/0/status')).body).toMatchObject({ id: 0, state: 'RUNNING' });
  });

  it('accepts the Kudu sink body as an alias, reporting Kudu keys as ignored', async () => {
    const created = (await curl('POST', '/connectors', kuduBody));
    expect(created.status).toBe(201);
    expect(created.body.type).toBe('sink');
    const status = (await curl('GET', '/connectors/kudu-sink/status')).body;
    expect(status.connector.state).toBe('RUNNING');
    expect(status.instaquery.ignored_keys).toEqual([{ key: 'kudu.masters', reason: expect.stringContaining('DuckDB') }]);
    const expanded = (await curl('GET', '/connectors?expand=status&expand=info')).body;
    expect(Object.keys(expanded).sort()).toEqual(['kudu-sink', 'rb-source']);
    expect(expanded['rb-source'].status.connector.state).toBe('RUNNING');
    expect(expanded['kudu-sink'].info.config['kudu.masters']).toBe('kudu-master:7051');
  });

  it('pauses and resumes: nothing arrives while paused, everything after', async () => {
    expect((await curl('PUT', '/connectors/rb-source/pause')).status).toBe(202);
    expect((await curl('GET', '/connectors/rb-source/status')).body.connector.state).toBe('PAUSED');
    await source.query('INSERT INTO bill VALUES (4, 40.00)');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await billCount()).toBe(3);
    expect((await curl('PUT', '/connectors/rb-source/resume')).status).toBe(202);
    await waitFor('the change made while paused', async () => (await billCount()) === 4, 15_000, 50);
    expect((await curl('GET', '/connectors/rb-source/status')).body.connector.state).toBe('RUNNING');
  });

  it('keeps a hidden password when a GET config body is PUT back, and PATCH changes one key', async () => {
    const config = (await curl('GET', '/connectors/rb-source/config')).body;
    const put = (await curl('PUT', '/connectors/rb-source/config', config));
    expect(put.status).toBe(200);
    await source.query('INSERT INTO bill VALUES (5, 50.00)');
    await waitFor('streaming with the kept password', async () => (await billCount()) === 5, 15_000, 50);
    const patched = (await curl('PATCH', '/connectors/kudu-sink/config', { 'batch.size': '2000' }));
    expect(patched.status).toBe(200);
    expect(patched.body.config['batch.size']).toBe('2000');
  });

  it('manages offsets only when STOPPED (KIP-875)', async () => {
    const offsets = (await curl('GET', '/connectors/rb-source/offsets')).body;
    expect(offsets.offsets).toEqual([{ partition: { server: 'rb' }, offset: expect.objectContaining({ file: expect.any(String), pos: expect.any(Number) }) }]);
    const refused = (await curl('DELETE', '/connectors/rb-source/offsets'));
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/STOPPED/);
    expect((await curl('PUT', '/connectors/rb-source/stop')).status).toBe(204);
    expect((await curl('GET', '/connectors/rb-source/status')).body.connector.state).toBe('STOPPED');
    expect((await curl('DELETE', '/connectors/rb-source/offsets')).body.message).toMatch(/reset successfully/);
    expect((await curl('GET', '/connectors/rb-source/offsets')).body.offsets).toEqual([]);
  });

  it('keeps connector configs across a restart, and a reset connector snapshots again', async () => {
    await instance.stop();
    await source.query('INSERT INTO bill VALUES (6, 60.00)');
    await start();
    expect((await curl('GET', '/connectors')).body.sort()).toEqual(['kudu-sink', 'rb-source']);
    expect((await curl('GET', '/connectors/rb-source/status')).body.connector.state).toBe('STOPPED');
    expect((await curl('PUT', '/connectors/rb-source/resume')).status).toBe(202);
    await waitFor('a new snapshot after the reset', async () => (await billCount()) === 6, 30_000, 100);
    expect((await curl('POST', '/connectors/rb-source/restart?includeTasks=true&onlyFailed=false')).status).toBe(202);
    expect((await curl('DELETE', '/connectors/kudu-sink')).status).toBe(204);
    expect((await curl('GET', '/connectors/kudu-sink')).status).toBe(404);
    expect((await curl('GET', '/connectors/kudu-sink')).body).toMatchObject({ error_code: 404, message: 'Connector kudu-sink not found' });
  });

  it('asks for credentials when rest.token is set', async () => {
    await instance.stop();
    await start({ token: 'a-long-enough-rest-token' });
    const denied = (await curl('GET', '/connectors'));
    expect(denied.status).toBe(401);
    expect(denied.body.message).toMatch(/rest\.token/);
    expect((await curl('GET', '/connectors', undefined, ['Authorization: Bearer a-long-enough-rest-token'])).status).toBe(200);
  });
});
