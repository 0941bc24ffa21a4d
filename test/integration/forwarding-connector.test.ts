// gateway.upstream naming the source connector: a SELECT the dialect refuses is forwarded to the
// source with the connector's own host and credentials, labelled as any forwarded statement is,
// and the password appears in no log line and no REST answer.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pino } from 'pino';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, exactValues, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { tempDir } from '../support/instaquery-process.ts';
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';

const DB = 'it_forwarding_connector';
const logLines: string[] = [];
let instance: RunningInstance;
let source: mysql.Connection;
let gateway: mysql.Connection;

const warnings = async (c: mysql.Connection) => ((await c.query({ sql: 'SHOW WARNINGS', rowsAsArray: true }))[0] as string[][]).map((r) => r.map(String));

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query('CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20))');
  await source.query("INSERT INTO person VALUES (1, 'Robert'), (2, 'Rupert'), (3, 'Ashcraft')");
  const config = parseInstanceConfig(
    { dataDir: tempDir('embedded'), gateway: { port: 0, upstream: { connector: 'shop' } }, rest: { port: 0 }, log: { level: 'debug' }, connectors: [sourceConnector('shop', DB)] },
    'test config',
  );
  // The instance's own redaction, with every line kept to look for the password in.
  const sink = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
  const log = pino({ level: 'debug', redact: { paths: ['*.password', '*["database.password"]'], censor: '[redacted]' } }, sink);
  instance = await startInstance(config, log);
  gateway = await connectGateway(instance.gateway.port, { database: DB });
  const count = async () => ((await gateway.query('SELECT COUNT(*) AS n FROM person').catch(() => [[{ n: 0 }]]))[0] as { n: unknown }[])[0]?.n;
  await waitFor('the snapshot', async () => Number(await count()) === 3, 30_000);
}, 60_000);

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

const REFUSED = 'SELECT id, SOUNDEX(name) AS s FROM person WHERE id < 3 ORDER BY id';

it("forwards a refused SELECT to the connector's source, labelled with its host:port and the reason", async () => {
  const [expected] = await source.query({ sql: REFUSED, ...exactValues, rowsAsArray: true });
  const [actual] = await gateway.query({ sql: REFUSED, rowsAsArray: true });
  expect(actual).toEqual(expected);
  expect(actual).toEqual([[1, 'R163'], [2, 'R163']]);
  const m = mariadb();
  const label = new RegExp(`^forwarded to ${m.host.replace(/\./g, '\\.')}:${m.port}: .*SOUNDEX`);
  expect(await warnings(gateway)).toEqual([['Note', '1235', expect.stringMatching(label)]]);
});

it('still serves what the store answers, labelled as served', async () => {
  expect((await gateway.query({ sql: 'SELECT name FROM person WHERE id = 3', rowsAsArray: true }))[0]).toEqual([['Ashcraft']]);
  expect(await warnings(gateway)).toEqual([['Note', '1003', 'served by instaquery from the store']]);
});

it('lists the forwarded shape at GET /gateway/forwarded, and shows the password in no REST answer or log line', async () => {
  const rest = `http://127.0.0.1:${instance.restPort}`;
  const forwarded = await (await fetch(`${rest}/gateway/forwarded`)).text();
  expect(JSON.parse(forwarded)).toContainEqual(expect.objectContaining({ shape: 'SELECT id, SOUNDEX(name) AS s FROM person WHERE id < ? ORDER BY id', reason: 'the function SOUNDEX()' }));
  const answers = [forwarded, await (await fetch(`${rest}/connectors/shop/config`)).text(), await (await fetch(`${rest}/connectors/shop/status`)).text(), await (await fetch(`${rest}/connectors?expand=info`)).text()];
  const secret = mariadb().password;
  expect(secret.length).toBeGreaterThan(0);
  for (const text of [...answers, ...logLines]) expect(text).not.toContain(secret);
  expect(logLines.length).toBeGreaterThan(0);
});
