// The promise to Java applications: change the JDBC URL to the gateway and nothing else. MySQL
// Connector/J and MariaDB Connector/J (real jars from Maven Central), with client-side and
// server-side prepared statements, must see from the gateway what they see from MariaDB: the
// same values, the same Java classes, the same column metadata, the same DatabaseMetaData.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectSource, freshDatabase, mariadb, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { JdbcClient, type JdbcAnswer } from '../support/jdbc.ts';

const DB = 'it_jdbc';

let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;

const TABLE = `CREATE TABLE bill (
  id BIGINT UNSIGNED NOT NULL PRIMARY KEY, i INT, ti TINYINT, flag TINYINT(1) NOT NULL, si SMALLINT UNSIGNED, mi MEDIUMINT,
  amount DECIMAL(14,2) NOT NULL, f FLOAT, d DOUBLE, due DATE, created DATETIME(3) NOT NULL, paid_at TIMESTAMP(6) NULL,
  tm TIME, y YEAR, c CHAR(3), vc VARCHAR(20), tx TEXT, e ENUM('unpaid','paid'), s SET('x','y'), vb VARBINARY(8), bl BLOB)`;
const ROWS = [
  `(1, -5, 7, 1, 65535, -8388608, 12345.67, 1.5, 2.25, '2024-02-29', '2024-03-01 10:11:12.345', '2024-03-02 00:00:00.000001', '-12:30:00', 2024, 'abc', 'héllo', 'long text', 'paid', 'x,y', X'00ff', X'deadbeef')`,
  `(2, NULL, NULL, 0, NULL, NULL, 0.00, NULL, NULL, NULL, '1999-12-31 23:59:59.999', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
  `(18446744073709551615, 2147483647, -128, 1, 0, 8388607, -99999999.99, -3.25, 1e300, '1000-01-01', '9999-12-31 23:59:59.999', '2038-01-19 03:14:07.999999', '838:59:59', 1901, '', '', '', 'unpaid', '', X'', X'')`,
];

const drivers = [
  { name: 'MySQL Connector/J', url: (port: number, extra: string) => `jdbc:mysql://127.0.0.1:${port}/${DB}?sslMode=DISABLED&allowPublicKeyRetrieval=true${extra}` },
  { name: 'MariaDB Connector/J', url: (port: number, extra: string) => `jdbc:mariadb://127.0.0.1:${port}/${DB}?${extra.slice(1)}` },
];
const modes = [
  { name: 'client-side statements', extra: '&useServerPrepStmts=false' },
  { name: 'server-side prepared statements', extra: '&useServerPrepStmts=true' },
];

const REQUESTS = [
  'Q SELECT * FROM bill ORDER BY id',
  'Q SELECT id, amount, created FROM bill WHERE flag = 1 ORDER BY id',
  'P SELECT * FROM bill WHERE id = ?\tlong:1',
  'P SELECT id, vc FROM bill WHERE vc = ? OR amount > ? ORDER BY id\tstring:héllo\tdecimal:100.5',
  'P SELECT id FROM bill WHERE due >= ? AND created < ? ORDER BY id\tdate:2000-01-01\ttimestamp:2030-01-01 00:00:00',
  'P SELECT count(*) AS n FROM bill WHERE tx = ?\tnull:',
  'Q SELECT count(*) AS n, sum(amount) AS total, max(created) AS latest FROM bill',
];
/**
 * DatabaseMetaData.getTables and getColumns: each driver's own information_schema queries (CASE,
 * IF, LOCATE, CONVERT(x, UNSIGNED INTEGER), typed NULLs, ORDER BY aliases), typed by the dialect.
 */
const METADATA_REQUESTS = [`T ${DB}`, `V ${DB}`, `C ${DB}\tbill`];

beforeAll(async () => {
  await freshDatabase(DB);
  source = await connectSource(DB);
  await source.query(TABLE);
  await source.query(`INSERT INTO bill VALUES ${ROWS.join(', ')}`);
  instance = await startEmbedded([sourceConnector('jdbc', DB)]);
  await waitFor('streaming', async () => instance.connectors.get('jdbc')!.status().phase === 'streaming', 30_000);
}, 60_000);

afterAll(async () => {
  await source?.end();
  await instance?.stop();
});

/**
 * The gateway's answer, with allowances that each name why:
 * - a computed column's display width (precision, scale for text, and so whether Connector/J
 *   calls a long text MEDIUMTEXT or LONGTEXT): the dialect types
 *   expressions as MySQL does, but MariaDB's widths for nested CASE/LEAST/CONCAT follow rules
 *   not reproduced digit for digit; the SQL type, Java class, nullability and sign must match;
 * - getColumns' COLUMN_DEF: the store's catalog does not record column defaults yet (MariaDB
 *   answers 'NULL' for a nullable column without one);
 * - MySQL Connector/J's getColumns: it reads a MariaDB server with SHOW FULL COLUMNS and the
 *   gateway (a MySQL 8 to it) with information_schema, where CHAR_OCTET_LENGTH is the column's
 *   bytes (80 for VARCHAR(20) utf8mb4) rather than SHOW's characters;
 * - through server-side prepared statements Connector/J 9 reads our TEXT column (sent exactly
 *   as MariaDB sends it: type 252, length 262140, utf8mb4) as MEDIUMTEXT; values and classes match.
 */
function comparable(actual: JdbcAnswer, expected: JdbcAnswer, request: string, driver: string, serverSide: boolean): JdbcAnswer {
  if (!actual.columns || !expected.columns) return actual;
  const columns = actual.columns.map((c, i) => {
    const e = expected.columns![i];
    if (!e) return c;
    if (e.table === '' && c.table === '') {
      // Connector/J names a long text by its width: MEDIUMTEXT vs LONGTEXT is the width again.
      const textName = /TEXT$/.test(e.typeName) && /TEXT$/.test(c.typeName) ? e.typeName : c.typeName;
      return { ...c, precision: e.precision, scale: e.scale, typeName: textName };
    }
    if (request.startsWith('C ') && e.label === 'COLUMN_DEF') return { ...c, precision: e.precision };
    if (driver === 'MySQL Connector/J' && serverSide && e.typeName === 'TEXT' && c.typeName === 'MEDIUMTEXT') return { ...c, typeName: e.typeName, precision: e.precision };
    return c;
  });
  const at = (label: string) => expected.columns!.findIndex((c) => c.label === label);
  const rows = request.startsWith('C ')
    ? actual.rows?.map((row, r) =>
        row.map((v, j) => {
          const mine = j === at('COLUMN_DEF') || (driver === 'MySQL Connector/J' && j === at('CHAR_OCTET_LENGTH'));
          return mine ? expected.rows![r]![j]! : v;
        }),
      )
    : actual.rows;
  return { ...actual, columns, rows };
}

async function answers(url: string, user: string, password: string, requests: string[]): Promise<JdbcAnswer[]> {
  const client = JdbcClient.open(url, user, password);
  try {
    const out: JdbcAnswer[] = [];
    for (const r of requests) out.push(await client.request(r));
    return out;
  } finally {
    await client.close();
  }
}

describe.each(drivers)('$name', (driver) => {
  it.each(modes)('answers like MariaDB with $name', async (mode) => {
    const m = mariadb();
    const requests = [...REQUESTS, ...METADATA_REQUESTS];
    const expected = await answers(driver.url(m.port, mode.extra).replace('127.0.0.1', m.host), m.user, m.password, requests);
    const actual = await answers(driver.url(instance.gateway.port, mode.extra), 'root', '', requests);
    for (let i = 0; i < requests.length; i++) {
      if (/^[TVC] /.test(requests[i]!)) expect(actual[i]!.error).toBeUndefined();
      expect({ request: requests[i], ...comparable(actual[i]!, expected[i]!, requests[i]!, driver.name, mode.extra.includes('useServerPrepStmts=true')) }).toEqual({ request: requests[i], ...expected[i] });
    }
  }, 120_000);
});
