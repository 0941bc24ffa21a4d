// The dialect's promise, checked against the real thing: each query runs on MariaDB and through
// the gateway over the same rows, and the answers (values as text, row order where the query
// fixes it) must be equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import { exactValues, mariadb, waitFor } from '../support/services.ts';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';

const DB = 'it_dialect';
let env: FollowedDatabase;
let source: mysql.Connection;
let gateway: mysql.Connection;

const SETUP = [
  `CREATE TABLE bill (
     id INT NOT NULL PRIMARY KEY, customer VARCHAR(30), status ENUM('unpaid','paid','void') NOT NULL,
     amount DECIMAL(12,2) NOT NULL, rate DOUBLE, qty INT, created DATETIME NOT NULL, due DATE, note TEXT)`,
  `INSERT INTO bill VALUES
     (1, 'Acme', 'paid', 120.50, 0.5, 3, '2024-01-31 10:15:00', '2024-02-29', 'first'),
     (2, 'acme', 'unpaid', 99.99, NULL, NULL, '2024-02-01 00:00:00', NULL, NULL),
     (3, 'Émile', 'void', 0.00, 2.25, -7, '2023-12-31 23:59:59', '2024-01-01', 'a_b%c'),
     (4, 'Zed', 'paid', 1000.00, 1e-3, 10, '2024-03-15 12:00:00', '2024-04-30', 'Paid in FULL'),
     (5, NULL, 'unpaid', 5.05, 3.5, 0, '2024-02-29 08:30:45', '2024-03-01', '')`,
];

/** Each query fixes its row order (ORDER BY) or returns one row. */
const QUERIES = [
  'SELECT id, customer FROM bill ORDER BY customer, id',
  'SELECT id, customer FROM bill ORDER BY customer DESC, id',
  "SELECT id FROM bill WHERE customer = 'ACME' ORDER BY id",
  "SELECT id FROM bill WHERE customer LIKE 'a%' ORDER BY id",
  "SELECT id FROM bill WHERE note LIKE 'a\\_b%' ORDER BY id",
  'SELECT customer, count(*), sum(amount), avg(qty), min(created), max(due) FROM bill GROUP BY customer ORDER BY customer',
  'SELECT status, count(*) AS n, sum(amount) AS total FROM bill GROUP BY status ORDER BY n DESC, status',
  'SELECT DISTINCT customer FROM bill ORDER BY 1',
  'SELECT id, amount * qty, amount / 3, qty DIV 2, qty % 3, -qty, amount + 1 FROM bill ORDER BY id',
  'SELECT id, 7 / 2, 1 / 0, 10 DIV 3, 2 * 3.5, 1e2 + 1 FROM bill WHERE id = 1',
  "SELECT id, qty <=> NULL, qty = NULL, qty IS NULL, customer IN ('ACME', 'zed') FROM bill ORDER BY id",
  "SELECT id, CONCAT(customer, '-', id), CONCAT_WS(',', customer, note), LENGTH(customer), CHAR_LENGTH(customer), UPPER(customer), LOWER(customer) FROM bill ORDER BY id",
  "SELECT id, LOCATE('m', customer), INSTR(customer, 'E'), SUBSTRING(customer, 2, 3), SUBSTRING(customer, -2), LEFT(customer, 2), RIGHT(customer, 2) FROM bill ORDER BY id",
  "SELECT id, LPAD(id, 4, '0'), RPAD(customer, 6, '.'), REPLACE(customer, 'c', 'k'), TRIM('  x  '), REPEAT('ab', 2), FIELD(status, 'void', 'paid'), FIND_IN_SET('b', 'a,B,c') FROM bill ORDER BY id",
  "SELECT id, IF(qty > 0, 'pos', 'non-pos'), IFNULL(qty, -1), NULLIF(qty, 0), COALESCE(rate, qty, 0), GREATEST(id, qty), LEAST(id, 3) FROM bill ORDER BY id",
  "SELECT id, CASE status WHEN 'PAID' THEN 1 WHEN 'void' THEN 2 ELSE 0 END, CASE WHEN amount > 100 THEN 'big' END FROM bill ORDER BY id",
  'SELECT id, ROUND(amount), ROUND(amount, 1), ROUND(-2.5), ROUND(2.5), CEIL(amount), FLOOR(amount), ABS(qty), SIGN(qty), MOD(qty, 4) FROM bill ORDER BY id',
  'SELECT id, YEAR(created), MONTH(created), DAY(created), HOUR(created), MINUTE(created), SECOND(created), QUARTER(created), DAYOFWEEK(created), WEEKDAY(created), DAYOFYEAR(created) FROM bill ORDER BY id',
  "SELECT id, DATE(created), LAST_DAY(created), DAYNAME(created), MONTHNAME(created), DATEDIFF(due, created), TIMESTAMPDIFF(MONTH, created, due), TIMESTAMPDIFF(HOUR, created, '2024-03-01') FROM bill ORDER BY id",
  "SELECT id, DATE_ADD(created, INTERVAL 1 MONTH), DATE_SUB(due, INTERVAL 1 DAY), due + INTERVAL 1 YEAR, created - INTERVAL 90 MINUTE, DATE_ADD('2024-01-31', INTERVAL 1 MONTH) FROM bill ORDER BY id",
  "SELECT id, DATE_FORMAT(created, '%Y-%m-%d %H:%i:%s'), DATE_FORMAT(created, '%d/%m/%y %l %p %W %M %D %j %e %c %k'), DATE_FORMAT(due, '%a %b %T') FROM bill ORDER BY id",
  "SELECT id FROM bill WHERE created >= '2024-02-01' AND created < '2024-03-01' ORDER BY id",
  "SELECT id FROM bill WHERE due BETWEEN '2024-01-01' AND '2024-03-01' ORDER BY id",
  "SELECT CAST(amount AS SIGNED), CAST('12abc' AS SIGNED), CAST(-1 AS UNSIGNED), CAST(amount AS CHAR), CAST(created AS DATE), CAST(qty AS DECIMAL(6,2)) FROM bill WHERE id = 1",
  "SELECT '10' = 10, 'abc' = 0, '1.5' + 1, 'x' < 'Y', 'a' = 'A ' FROM bill WHERE id = 1",
  'SELECT id, qty FROM bill ORDER BY qty, id',
  'SELECT id, qty FROM bill ORDER BY qty DESC, id',
  'SELECT id FROM bill ORDER BY id LIMIT 1, 2',
  'SELECT b.id, c.id FROM bill b JOIN bill c ON b.customer = c.customer AND b.id < c.id ORDER BY 1, 2',
  'SELECT b.id, c.note FROM bill b LEFT JOIN (SELECT id, note FROM bill WHERE qty > 0) c ON c.id = b.id ORDER BY b.id',
  'SELECT id FROM bill b WHERE EXISTS (SELECT 1 FROM bill c WHERE c.customer = b.customer AND c.id <> b.id) ORDER BY id',
  'SELECT id, (SELECT max(amount) FROM bill c WHERE c.status = b.status) AS top FROM bill b ORDER BY id',
  'SELECT id FROM bill WHERE qty > 0 UNION SELECT id FROM bill WHERE rate > 1 ORDER BY id DESC',
  'SELECT customer, GROUP_CONCAT(id ORDER BY id SEPARATOR \'/\') FROM bill GROUP BY customer ORDER BY customer',
  'WITH big AS (SELECT id, amount FROM bill WHERE amount > 50) SELECT count(*), sum(amount) FROM big',
  'SELECT id, ROW_NUMBER() OVER (PARTITION BY status ORDER BY amount DESC) AS r FROM bill ORDER BY id',
  'SELECT id, customer, count(*) FROM bill GROUP BY id ORDER BY id',
  'SELECT HEX(customer), MD5(customer), SHA1(\'abc\') FROM bill WHERE id = 1',
];

beforeAll(async () => {
  env = await followFreshDatabase(DB, 'dialect', SETUP);
  await waitFor('snapshot', async () => {
    const [rows] = await env.gateway.query(`SELECT count(*) AS n FROM ${DB}.bill`).catch(() => [[{ n: 0 }]]);
    return Number((rows as { n: number }[])[0]?.n) === 5;
  }, 30_000);
  const m = mariadb();
  source = await mysql.createConnection({ host: m.host, port: m.port, user: m.user, password: m.password, database: DB, ...exactValues, rowsAsArray: true });
  gateway = await mysql.createConnection({ host: '127.0.0.1', port: env.instance.gateway.port, user: 'root', database: DB, ...exactValues, rowsAsArray: true });
}, 60_000);

afterAll(async () => {
  await source?.end();
  await gateway?.end();
  await env?.close();
});

const text = (rows: unknown) => (rows as unknown[][]).map((r) => r.map((v) => (v === null ? null : Buffer.isBuffer(v) ? v.toString('hex') : String(v))));

describe('the same answer as MariaDB', () => {
  it.each(QUERIES)('%s', async (sql) => {
    const [expected, expectedFields] = await source.query(sql);
    const [actual, actualFields] = await gateway.query(sql);
    expect(text(actual)).toEqual(text(expected));
    expect((actualFields as mysql.FieldPacket[]).map((f) => f.name)).toEqual((expectedFields as mysql.FieldPacket[]).map((f) => f.name));
  });
});
