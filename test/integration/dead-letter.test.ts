// A poison record — a value the store cannot hold, like MySQL's '2024-02-30' under
// ALLOW_INVALID_DATES — by the sink's behavior.on.exception: LOG puts it in the dead-letter
// table (visible through the gateway) and applies everything else; FAIL stops the task naming it.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, freshDatabase, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_poison';
let instance: Awaited<ReturnType<typeof startEmbedded>> | null = null;
let source: mysql.Connection;

beforeEach(async () => {
  await source?.end();
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query('CREATE TABLE a (id INT PRIMARY KEY, d DATETIME NOT NULL)');
  await source.query('CREATE TABLE b (id INT PRIMARY KEY, v VARCHAR(10))');
});

afterEach(async () => {
  await instance?.stop();
  instance = null;
});

async function poison(base: number): Promise<void> {
  await source.query("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
  await source.query('BEGIN');
  await source.query(`INSERT INTO a VALUES (${base + 1}, '2024-02-30 10:00:00'), (${base + 2}, '2024-02-28 10:00:00')`);
  await source.query(`INSERT INTO b VALUES (${base + 1}, 'x')`);
  await source.query('COMMIT');
  await source.query("SET SESSION sql_mode = DEFAULT");
}

/** The connector's dead letters, as the REST API gives them. */
async function deadLetters(running: { restPort: number }, connector: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`http://127.0.0.1:${running.restPort}/connectors/${connector}/dead-letters`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { records: Record<string, unknown>[] }).records;
}

const sink = (behavior: string) => ({ name: 'sink', config: { 'connector.class': 'com.yr.connector.KuduSinkConnector', 'behavior.on.exception': behavior, 'max.retries': 0 } });

it('LOG: dead-letters the poison record and applies the rest of its transaction and what follows', async () => {
  instance = await startEmbedded([sourceConnector('poison', DB), sink('LOG')]);
  const gateway = await connectGateway(instance.gateway.port);
  const rows = async (sql: string) => (await gateway.query(sql))[0] as Record<string, unknown>[];
  await poison(0);
  await waitFor('the rest applied', async () => (await rows(`SELECT id FROM ${DB}.b WHERE id = 1`)).length === 1, 5000);
  expect(await rows(`SELECT id, d FROM ${DB}.a ORDER BY id`)).toEqual([{ id: 2, d: '2024-02-28 10:00:00' }]);
  const letters = await deadLetters(instance, 'poison');
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ connector: 'poison', db: DB, table: 'a', op: 'u', error: "column d: '2024-02-30 10:00:00' is not a valid TIMESTAMP_S" });
  expect(letters[0]!.record).toEqual({ id: '1', d: '2024-02-30 10:00:00' });
  expect(letters[0]!.file).toMatch(/^mysql-bin\.\d+$/);
  // The store's own schemas are no database to any gateway user, root included.
  await expect(gateway.query('SELECT * FROM _instaquery.dead_letter')).rejects.toMatchObject({ errno: 1146 });
  await source.query('INSERT INTO b VALUES (99, \'after\')');
  await waitFor('later changes flow', async () => (await rows(`SELECT id FROM ${DB}.b WHERE id = 99`)).length === 1, 5000);
  expect(instance.connectors.get('poison')!.status().state).toBe('RUNNING');
  await gateway.end();
});

it('FAIL (the default): stops the task with the table, the value and the fix', async () => {
  instance = await startEmbedded([sourceConnector('poison2', DB), sink('FAIL')]);
  await poison(100);
  const status = await waitFor('FAILED', async () => {
    const s = instance!.connectors.get('poison2')!.status();
    return s.state === 'FAILED' ? s : undefined;
  }, 5000);
  expect(status.trace).toMatch(/cannot store 1 record\(s\) of it_poison\.a: column d: '2024-02-30 10:00:00' is not a valid TIMESTAMP_S/);
  expect(status.trace).toMatch(/behavior\.on\.exception/);
});

it('LOG during the snapshot: the poison row is dead-lettered and the snapshot completes', async () => {
  await poison(200);
  instance = await startEmbedded([sourceConnector('poison3', DB), sink('LOG')]);
  const gateway = await connectGateway(instance.gateway.port);
  expect((await gateway.query(`SELECT id FROM ${DB}.a ORDER BY id`))[0]).toEqual([{ id: 202 }]);
  expect((await deadLetters(instance, 'poison3')).map(({ table, error, file }) => ({ table, error, file }))).toEqual([{ table: 'a', error: "column d: '2024-02-30 10:00:00' is not a valid TIMESTAMP_S", file: null }]);
  await gateway.end();
});
