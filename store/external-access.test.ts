// The store's DuckDB instance, as every gateway session gets it: no file outside the cold tier's
// directories, no extension, no setting can change. Checked on a real store, with SQL no gateway
// would ever emit, so this wall is shown to hold on its own.
import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ColumnarStore } from './index.ts';

let dir: string;
let store: ColumnarStore;
let conn: DuckDBConnection;
const bait = 'external-access-bait-7f3a';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iq-external-'));
  mkdirSync(join(dir, 'cold'));
  writeFileSync(join(dir, 'bait.csv'), `a\n${bait}\n`);
  store = await ColumnarStore.open(join(dir, 'data'), [join(dir, 'cold')]);
  conn = await store.connect();
});

afterAll(async () => {
  conn?.closeSync();
  await store?.close();
});

const fails = async (sql: string) => {
  const err = await conn.run(sql).then(() => null, (e: Error) => e);
  expect(err, sql).not.toBeNull();
  return err!.message;
};

describe("the store's DuckDB", () => {
  it('reads and writes no file outside the cold directories, by any route', async () => {
    const file = join(dir, 'bait.csv');
    for (const sql of [`SELECT * FROM read_csv('${file}')`, `SELECT * FROM '${file}'`, `SELECT * FROM "${file}"`, `SELECT * FROM read_text('${join(dir, 'cold', '..', 'bait.csv')}')`, `SELECT * FROM glob('${dir}/*')`]) {
      expect(await fails(sql)).toMatch(/Permission Error|disabled by configuration/);
    }
    for (const sql of [`COPY (SELECT 1) TO '${join(dir, 'out.csv')}'`, `ATTACH '${join(dir, 'other.duckdb')}'`, `EXPORT DATABASE '${join(dir, 'export')}'`]) {
      expect(await fails(sql)).toMatch(/Permission Error|disabled by configuration/);
    }
    expect(existsSync(join(dir, 'out.csv')) || existsSync(join(dir, 'other.duckdb')) || existsSync(join(dir, 'export'))).toBe(false);
  });

  it('still reads and writes Parquet in the cold directory, where tiering works', async () => {
    const path = join(dir, 'cold', 'probe.parquet');
    await conn.run(`COPY (SELECT 42 AS a) TO '${path}'`);
    expect((await conn.runAndReadAll(`SELECT a FROM read_parquet('${path}')`)).getRowsJS()).toEqual([[42]]);
  });

  it('installs and loads no extension, and no setting can be changed, not even the lock', async () => {
    expect(await fails('INSTALL httpfs')).toMatch(/Permission Error|disabled|locked/);
    for (const sql of ['SET enable_external_access = true', "SET allowed_directories = ['/']", 'SET lock_configuration = false', 'SET autoload_known_extensions = true', 'SET threads = 1', "SET temp_directory = '/tmp'"]) {
      expect(await fails(sql)).toMatch(/configuration has been locked/);
    }
    const settings = (await conn.runAndReadAll("SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions', 'allow_community_extensions') ORDER BY name")).getRowsJS();
    expect(settings).toEqual([
      ['allow_community_extensions', 'false'],
      ['autoinstall_known_extensions', 'false'],
      ['autoload_known_extensions', 'false'],
      ['enable_external_access', 'false'],
      ['lock_configuration', 'true'],
    ]);
  });

  it('lets no session change the collation (the dialect writes collation keys itself)', async () => {
    await expect(conn.run("SET SESSION default_collation = 'nocase.noaccent'")).rejects.toThrow(/configuration|locked|lock/i);
    expect((await conn.runAndReadAll("SELECT 'a' = 'A'")).getRowsJS()).toEqual([[false]]);
  });
});
