// A table the snapshot has not finished is never answered from: polled through the gateway while
// its 300,000 rows load (the first snapshot, then a re-snapshot on request), every answer is the
// whole table or error 1412 naming the table and its progress, never a part of it. A session that
// sets instaquery_wait_timeout waits for the load instead.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freePort, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_snapshot_ready';
const ROWS = 300_000;
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query('CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR(20))');
  await source.query(`INSERT INTO big SELECT seq, CONCAT('v', seq) FROM seq_1_to_${ROWS}`);
  await source.query('CREATE TABLE small (id INT PRIMARY KEY)');
  await source.query('INSERT INTO small VALUES (1), (2)');
}, 120_000);

afterAll(async () => {
  await source?.end();
  await instance?.stop();
});

/** Polls count(*) until the whole table is there (after a refusal, with `refusalFirst`); every answer seen, and the errors. */
async function pollDuringLoad(gateway: mysql.Connection, refusalFirst = false, onRefusal: () => void = () => undefined): Promise<{ counts: number[]; errors: { errno?: number; message: string }[] }> {
  const counts: number[] = [];
  const errors: { errno?: number; message: string }[] = [];
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const [rows] = await gateway.query('SELECT count(*) AS n FROM big');
      const n = Number((rows as { n: unknown }[])[0]!.n);
      counts.push(n);
      if (n === ROWS && (!refusalFirst || errors.length > 0)) break;
    } catch (e) {
      errors.push(e as { errno?: number; message: string });
      if (errors.length === 1) onRefusal();
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { counts, errors };
}

it('refuses a table while its first snapshot loads, and never answers with part of it', async () => {
  // The gateway listens before the first snapshot ends (startEmbedded resolves after it).
  const port = await freePort();
  const starting = startEmbedded([sourceConnector('ready', DB, { 'snapshot.fetch.size': 5000 })], { gateway: { port } });
  const gateway = await waitFor('the gateway', () => connectGateway(port, { database: DB }), 30_000, 10);
  const { counts, errors } = await pollDuringLoad(gateway);
  instance = await starting;
  expect(counts.at(-1)).toBe(ROWS);
  expect(counts.filter((n) => n !== ROWS)).toEqual([]);
  // Before the snapshot creates the table it does not exist (1146); while it loads, 1412.
  const loading = errors.filter((e) => e.errno === 1412);
  expect(errors.filter((e) => e.errno !== 1412 && e.errno !== 1146).map((e) => e.message)).toEqual([]);
  expect(loading.length).toBeGreaterThan(0);
  expect(loading.at(-1)!.message).toMatch(new RegExp(`Table '${DB}\\.big' is being loaded by a snapshot \\(\\d+ of about \\d+ rows so far`));
  await gateway.end();
}, 180_000);

it('refuses it again while a re-snapshot loads it, and a session with instaquery_wait_timeout waits instead', async () => {
  const gateway = await connectGateway(instance.gateway.port, { database: DB });
  const waiting = await connectGateway(instance.gateway.port, { database: DB });
  await waiting.query('SET SESSION instaquery_wait_timeout = 120');
  await waitFor('streaming', async () => {
    const [rows] = await gateway.query('SELECT count(*) AS n FROM small');
    return Number((rows as { n: unknown }[])[0]!.n) === 2;
  }, 30_000);
  const res = await fetch(`http://127.0.0.1:${instance.restPort}/connectors/ready/snapshot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'data-collections': [`${DB}.big`] }) });
  expect(res.status).toBeLessThan(300);
  // The waiting session reads once the load is seen under way: it gets the whole table.
  let waited: Promise<unknown> | undefined;
  let waitedAt = 0;
  const { counts, errors } = await pollDuringLoad(gateway, true, () => {
    waitedAt = Date.now();
    waited = waiting.query('SELECT count(*) AS n FROM big');
  });
  expect(counts.filter((n) => n !== ROWS)).toEqual([]);
  expect(counts.at(-1)).toBe(ROWS);
  expect(errors.filter((e) => e.errno !== 1412).map((e) => e.message)).toEqual([]);
  expect(errors.length).toBeGreaterThan(0);
  const [rows] = (await waited) as [{ n: unknown }[]];
  expect(Number(rows[0]!.n)).toBe(ROWS);
  expect(waitedAt).toBeGreaterThan(0);
  // Another table was served all along.
  const [small] = await gateway.query('SELECT count(*) AS n FROM small');
  expect(Number((small as { n: unknown }[])[0]!.n)).toBe(2);
  await gateway.end();
  await waiting.end();
}, 180_000);
