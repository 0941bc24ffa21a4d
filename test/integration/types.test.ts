// Every MySQL/MariaDB type through snapshot and binlog into the store, against the real server.
// Values are compared as the store holds them: where the store's form differs from MySQL's on
// purpose, the expected form is derived from the source value (BIT as its unsigned number,
// zero dates as NULL as Debezium emits them); everything else must be identical.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { connectGateway, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';

const DB = 'it_types';
type Row = Record<string, unknown>;
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;

// Both sides decode alike; GEOMETRY as bytes, JSON as text.
const exact = { dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, decimalNumbers: false, jsonStrings: true, timezone: 'Z' } as const;
const geometryAsBytes: mysql.TypeCast = (field, next) => (field.type === 'GEOMETRY' ? field.buffer() : next());

const ROWS = (base: number) => [
  `(${base + 1}, ST_GeomFromText('POLYGON((0 0,1 0,1 1,0 0))', 4326), 'ab', POINT(1.5, -2.25), 'café', b'1', b'101010101010', 18446744073709551615, TRUE, 'x',
    255, 18446744073709551615, -9223372036854775808, '12345678901234567890123456789012345.123456789012345678901234567891', -999.99,
    3.5, -1.7976931348623157e308, '1000-01-01 00:00:00', '2024-02-29 23:59:59.120', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999', '2024-02-29',
    '-838:59:59.500', 2155, 'c', 'x,z', '{"emoji": "😀", "n": [1, 2.5, null]}', REPEAT('ü', 3000), UNHEX(REPEAT('00FF', 40000)))`,
  `(${base + 2}, NULL, '', NULL, '', b'0', b'0', 0, FALSE, '', 0, 0, 0, 0, 0, 0, 0, '0000-00-00 00:00:00', '0000-00-00 00:00:00.000', NULL, NULL, '0000-00-00',
    '00:00:00', 0, '', '', '[]', '', '', DEFAULT, DEFAULT)`,
  `(${base + 3}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, DEFAULT, DEFAULT)`,
];

/** The value the store must hold for a source value of this column. */
function expected(column: string, value: unknown): unknown {
  if (value === null) return null;
  if (['b1', 'b12', 'b64'].includes(column)) return BigInt('0x' + ((value as Buffer).toString('hex') || '0')).toString();
  if (typeof value === 'string' && /^0000-00-00|^\d{4}-00-|^\d{4}-\d\d-00/.test(value)) return null;
  return value;
}

beforeAll(async () => {
  await freshDatabase(DB);
  source = await mysql.createConnection({ ...mariadb(), ...exact, typeCast: geometryAsBytes, database: DB });
  // Zero dates and '' for ENUM need a permissive sql_mode, as old applications run with.
  await source.query("SET SESSION sql_mode = ''");
  await source.query(readFileSync(new URL('../fixtures/every-type.sql', import.meta.url), 'utf8'));
  await source.query(`INSERT INTO every_type (id, g, c5, p, vc, b1, b12, b64, bool_col, bin4, tiny_u, big_u, big_s, dec_wide, dec_small, f, d, dt0, dt3, dt6, ts6, dd, t3, y, e, s, j, txt, blb) VALUES ${ROWS(0).map((r) => r.replace(/, DEFAULT, DEFAULT\)$/, ')')).join(', ')}`);
  instance = await startEmbedded([sourceConnector('types', DB)]);
  gateway = await connectGateway(instance.gateway.port);
  await gateway.query('SELECT 1');
});

afterAll(async () => {
  await gateway?.end();
  await source?.end();
  await instance?.stop();
});

async function compare(ids: number[]): Promise<void> {
  const [src] = await source.query(`SELECT * FROM every_type WHERE id IN (?) ORDER BY id`, [ids]);
  const store = await mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user: 'root', ...exact, typeCast: geometryAsBytes });
  try {
    const [dst] = await waitFor(`rows ${ids.join(',')} in the store`, async () => {
      const r = await store.query(`SELECT * FROM ${DB}.every_type WHERE id IN (${ids.join(',')}) ORDER BY id`);
      return (r[0] as Row[]).length === ids.length ? r : undefined;
    }, 5000);
    const a = src as Row[];
    const b = dst as Row[];
    for (let i = 0; i < a.length; i++) {
      for (const column of Object.keys(a[i]!)) {
        expect({ id: a[i]!.id, column, value: b[i]![column] }).toEqual({ id: a[i]!.id, column, value: expected(column, a[i]![column]) });
      }
    }
  } finally {
    await store.end();
  }
}

describe('types', () => {
  it('arrive exactly through the snapshot', async () => {
    await compare([1, 2, 3]);
  });

  it('arrive exactly through the binlog, inserted and updated', async () => {
    await source.query(`INSERT INTO every_type (id, g, c5, p, vc, b1, b12, b64, bool_col, bin4, tiny_u, big_u, big_s, dec_wide, dec_small, f, d, dt0, dt3, dt6, ts6, dd, t3, y, e, s, j, txt, blb) VALUES ${ROWS(100).map((r) => r.replace(/, DEFAULT, DEFAULT\)$/, ')')).join(', ')}`);
    await compare([101, 102, 103]);
    await source.query(`UPDATE every_type SET c5 = 'zz', b12 = b'1', dt6 = '2001-01-01 00:00:00.000001', g = ST_GeomFromText('LINESTRING(0 0, 3 4)', 3857), tiny_u = 7 WHERE id IN (101, 103)`);
    await waitFor('update', async () => {
      const [r] = await gateway.query(`SELECT gen_v FROM ${DB}.every_type WHERE id = 103`);
      return (r as Row[])[0]?.gen_v === 14;
    }, 5000);
    await compare([101, 102, 103]);
  });

  it('read through prepared statements (binary protocol) equal what mysql2 gets from MariaDB', async () => {
    const store = await mysql.createConnection({ host: '127.0.0.1', port: instance.gateway.port, user: 'root', ...exact, typeCast: geometryAsBytes });
    try {
      const sql = (db: string) => `SELECT * FROM ${db}every_type WHERE id IN (?, ?, ?) ORDER BY id`;
      const [src] = await source.execute(sql(''), [1, 2, 3]);
      const [dst] = await store.execute(sql(`${DB}.`), [1, 2, 3]);
      const a = src as Row[];
      const b = dst as Row[];
      expect(b).toHaveLength(3);
      for (let i = 0; i < a.length; i++) {
        for (const column of Object.keys(a[i]!)) {
          expect({ id: a[i]!.id, column, value: b[i]![column] }).toEqual({ id: a[i]!.id, column, value: expected(column, a[i]![column]) });
        }
      }
    } finally {
      await store.end();
    }
  });
});
