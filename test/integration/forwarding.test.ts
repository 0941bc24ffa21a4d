// A SELECT the dialect refuses: error 1235 naming the construct by default; with gateway.upstream
// set, MariaDB's own answer, labelled in SHOW WARNINGS and counted by shape at GET /gateway/forwarded.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, exactValues, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_forwarding';
let forwarding: Awaited<ReturnType<typeof startEmbedded>>;
let refusing: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let viaUpstream: mysql.Connection;
let storeOnly: mysql.Connection;

const warnings = async (c: mysql.Connection) => ((await c.query({ sql: 'SHOW WARNINGS', rowsAsArray: true }))[0] as string[][]).map((r) => r.map(String));

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(20))");
  await source.query("INSERT INTO person VALUES (1, 'Robert'), (2, 'Rupert'), (3, 'Ashcraft')");
  const m = mariadb();
  forwarding = await startEmbedded([sourceConnector('fwd', DB)], { gateway: { port: 0, upstream: { host: m.host, port: m.port, user: m.user, password: m.password } } });
  refusing = await startEmbedded([sourceConnector('ref', DB)]);
  viaUpstream = await connectGateway(forwarding.gateway.port, { database: DB });
  storeOnly = await connectGateway(refusing.gateway.port, { database: DB });
  for (const gw of [viaUpstream, storeOnly]) {
    const count = async () => ((await gw.query('SELECT COUNT(*) AS n FROM person').catch(() => [[{ n: 0 }]]))[0] as { n: unknown }[])[0]?.n;
    await waitFor('the snapshot', async () => Number(await count()) === 3, 30_000);
  }
}, 60_000);

afterAll(async () => {
  await viaUpstream?.end();
  await storeOnly?.end();
  await source?.end();
  await forwarding?.stop();
  await refusing?.stop();
});

const REFUSED = 'SELECT id, SOUNDEX(name) AS s FROM person WHERE id < 3 ORDER BY id';

it('refuses with 1235 naming the construct when no upstream is configured, and SHOW WARNINGS repeats it', async () => {
  await expect(storeOnly.query(REFUSED)).rejects.toMatchObject({ errno: 1235, message: expect.stringMatching(/the function SOUNDEX\(\)/) });
  expect(await warnings(storeOnly)).toEqual([['Error', '1235', expect.stringMatching(/SOUNDEX/)]]);
});

it("forwards it to the upstream and gives the upstream's answer, labelled forwarded with the reason", async () => {
  const [expected] = await source.query({ sql: REFUSED, ...exactValues, rowsAsArray: true });
  const [actual] = await viaUpstream.query({ sql: REFUSED, rowsAsArray: true });
  expect(actual).toEqual(expected);
  expect(actual).toEqual([[1, 'R163'], [2, 'R163']]);
  expect(await warnings(viaUpstream)).toEqual([['Note', '1235', expect.stringMatching(/^forwarded to 127\.0\.0\.1:\d+: .*SOUNDEX/)]]);
});

it('labels a query it serves as served from the store', async () => {
  expect((await viaUpstream.query({ sql: 'SELECT name FROM person WHERE id = 3', rowsAsArray: true }))[0]).toEqual([['Ashcraft']]);
  expect(await warnings(viaUpstream)).toEqual([['Note', '1003', 'served by instaquery from the store']]);
});

it('counts forwarded statements by shape at GET /gateway/forwarded and in SHOW STATUS', async () => {
  await viaUpstream.query('SELECT SOUNDEX(name) FROM person WHERE id = 1');
  await viaUpstream.query('SELECT SOUNDEX(name) FROM person WHERE id = 2');
  const list = (await (await fetch(`http://127.0.0.1:${forwarding.restPort}/gateway/forwarded`)).json()) as { shape: string; count: number; reason: string }[];
  expect(list).toContainEqual(expect.objectContaining({ shape: 'SELECT SOUNDEX(name) FROM person WHERE id = ?', count: 2, reason: 'the function SOUNDEX()' }));
  const [status] = await viaUpstream.query("SHOW STATUS LIKE 'Instaquery_forwarded_statements'");
  expect(Number((status as { Value: string }[])[0]!.Value)).toBeGreaterThanOrEqual(3);
});

it('passes on the upstream error when the forwarded statement fails there', async () => {
  await expect(viaUpstream.query('SELECT SOUNDEX(nope) FROM person')).rejects.toMatchObject({ errno: 1054 });
});
