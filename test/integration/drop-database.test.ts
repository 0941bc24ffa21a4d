// DROP DATABASE at the source takes the database out of the gateway's list too: its tables, its
// views and the database itself, as SHOW DATABASES and USE on MariaDB then tell.
import { afterAll, expect, it } from 'vitest';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';
import { waitFor } from '../support/services.ts';

const DB = 'it_drop_database';
let env: FollowedDatabase;

afterAll(async () => {
  await env?.close();
});

it('leaves SHOW DATABASES when the source drops it', async () => {
  env = await followFreshDatabase(DB, 'dropdb', ['CREATE TABLE t (id INT PRIMARY KEY)', 'INSERT INTO t VALUES (1)', 'CREATE VIEW v AS SELECT id FROM t']);
  const listed = async () => ((await env.gateway.query('SHOW DATABASES'))[0] as { Database: string }[]).map((r) => r.Database);
  await waitFor('the snapshot', async () => (await listed()).includes(DB), 30_000, 50);
  await env.source.query(`DROP DATABASE ${DB}`);
  await waitFor('the drop', async () => !(await listed()).includes(DB), 30_000, 50);
  await expect(env.gateway.query(`USE ${DB}`)).rejects.toMatchObject({ errno: 1049 });
  await expect(env.gateway.query(`SELECT * FROM ${DB}.v`)).rejects.toMatchObject({ errno: 1146 });
}, 60_000);
