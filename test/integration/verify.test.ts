// The verifier itself, on two real MariaDB servers standing in as "source" and "store": it must
// find rows missing, extra and changed, in the right chunk, with composite keys and without keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectSource } from '../support/services.ts';
import { verifyTable } from '../../runtime/verify/index.ts';

const DB = 'it_verify';
let a: mysql.Connection;
let b: mysql.Connection;
const options = { chunkSize: 3, retries: 0, retryDelayMs: 0 };
const keyed = { primaryKey: ['a', 'b'], columns: [{ name: 'a', columnType: 'int', nullable: false }, { name: 'b', columnType: 'varchar(8)', nullable: false }] };
const keyless = { primaryKey: [], columns: [] };

async function both(sql: string): Promise<void> {
  await a.query(sql);
  await b.query(sql);
}

beforeAll(async () => {
  a = await connectSource(undefined, 'main');
  b = await connectSource(undefined, 'statement');
  await both(`DROP DATABASE IF EXISTS ${DB}`);
  await both(`CREATE DATABASE ${DB}`);
  await both(`CREATE TABLE ${DB}.k (a INT, b VARCHAR(8), v DECIMAL(10,2), d DATETIME(6), bin VARBINARY(4), PRIMARY KEY (a, b))`);
  await both(`INSERT INTO ${DB}.k VALUES ${Array.from({ length: 10 }, (_, i) => `(${i % 4}, 'k${i}', ${i}.25, '2024-01-0${(i % 9) + 1} 00:00:00.00000${i % 10}', 0x0${i % 10})`).join(', ')}`);
  await both(`CREATE TABLE ${DB}.nokey (x INT, y VARCHAR(8))`);
  await both(`INSERT INTO ${DB}.nokey VALUES (1, 'a'), (1, 'a'), (2, NULL)`);
});

afterAll(async () => {
  await a?.end();
  await b?.end();
});

describe('instaquery verify', () => {
  it('reports equal tables as equal, reading them in key-ordered chunks', async () => {
    const report = await verifyTable(a, b, DB, 'k', keyed, options);
    expect(report).toMatchObject({ table: `${DB}.k`, chunks: 4, sourceRows: 10, storeRows: 10, differences: [] });
  });

  it('finds a missing, an extra and a changed row, each in its own chunk', async () => {
    await b.query(`DELETE FROM ${DB}.k WHERE a = 0 AND b = 'k0'`);
    await b.query(`INSERT INTO ${DB}.k VALUES (3, 'zz', 1.00, NULL, NULL)`);
    await b.query(`UPDATE ${DB}.k SET bin = 0xff WHERE a = 2 AND b = 'k6'`);
    const report = await verifyTable(a, b, DB, 'k', keyed, options);
    const all = report.differences;
    expect(all.flatMap((d) => d.missingInStore)).toEqual([JSON.stringify([0, 'k0'])]);
    expect(all.flatMap((d) => d.extraInStore)).toEqual([JSON.stringify([3, 'zz'])]);
    expect(all.flatMap((d) => d.changed)).toEqual([JSON.stringify([2, 'k6'])]);
    expect(report.storeRows).toBe(10);
  });

  it('compares keyless tables as multisets, so a lost duplicate row shows', async () => {
    expect((await verifyTable(a, b, DB, 'nokey', keyless, options)).differences).toEqual([]);
    await b.query(`DELETE FROM ${DB}.nokey WHERE x = 1 LIMIT 1`);
    const report = await verifyTable(a, b, DB, 'nokey', keyless, options);
    expect(report.differences).toHaveLength(1);
    expect(report).toMatchObject({ sourceRows: 3, storeRows: 2 });
  });
});
