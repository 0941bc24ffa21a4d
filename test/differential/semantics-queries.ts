// The MySQL-semantics corpus: generated and hand-written queries over semantics-data.ts, by class
// (collation, numbers as text, integer/decimal edges and errors, temporal, ENUM/SET/JSON, NULL,
// error codes, tools' metadata queries). Every query fixes its row order or returns one row, so
// answers compare row by row; queries the source rejects compare by error code.
import type { CorpusQuery } from './rental-queries.ts';
import { SEMANTICS_DB } from './semantics-data.ts';

const TEXT_COLUMNS = ['name', 'name_bin', 'name_uni', 'code'];
const TEXT_LITERALS = ["'bob'", "'BOB'", "'bob '", "'bob  '", "' bob'", "'Zoe'", "'zoe '", "'Zoë'", "'ZOË'", "'emile'", "'Émile'", "'strasse'", "'straße'", "'STRASSE'", "'alice'", "'Alice'", "''", "' '", "'a_b%c'", "'ab'", "'AB '", "'ß'", "'ss'", "'zoé'", "'angstrom'", "'Angel'"];
const LIKE_PATTERNS = ["'bob'", "'BOB%'", "'bob _'", "'zoe'", "'Zoe%'", "'%ë%'", "'e%'", "'É%'", "'%e'", "'a\\_b%'", "'a_b%'", "'%sse'", "'stra%e'", "'_'", "'%'", "''", "'%lic%'", "'ab_'", "'ß'", "'s%'"];
const COLLATIONS = ['utf8mb4_bin', 'utf8mb4_general_ci', 'utf8mb4_unicode_ci'];

function collation(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'collation', sql });
  for (const c of TEXT_COLUMNS) {
    for (const l of TEXT_LITERALS) {
      q(`SELECT id FROM people WHERE ${c} = ${l} ORDER BY id`);
      q(`SELECT id FROM people WHERE ${c} < ${l} ORDER BY id`);
      q(`SELECT id FROM people WHERE ${c} >= ${l} ORDER BY id`);
      q(`SELECT id FROM people WHERE ${c} <> ${l} ORDER BY id`);
      q(`SELECT id FROM people WHERE ${c} IN (${l}, 'x') ORDER BY id`);
      q(`SELECT count(*) FROM people WHERE ${c} = ${l}`);
    }
    for (const p of LIKE_PATTERNS) {
      q(`SELECT id FROM people WHERE ${c} LIKE ${p} ORDER BY id`);
      q(`SELECT id FROM people WHERE ${c} NOT LIKE ${p} ORDER BY id`);
    }
    q(`SELECT ${c}, id FROM people ORDER BY ${c}, id`);
    q(`SELECT ${c}, id FROM people ORDER BY ${c} DESC, id`);
    q(`SELECT count(DISTINCT ${c}) FROM people`);
    q(`SELECT min(${c}), max(${c}) FROM people`);
    q(`SELECT count(*) FROM (SELECT DISTINCT ${c} FROM people) d`);
    q(`SELECT count(*) FROM (SELECT ${c} FROM people GROUP BY ${c}) g`);
    q(`SELECT count(*), min(id) FROM people GROUP BY ${c} ORDER BY min(id)`);
    q(`SELECT a.id, b.id FROM people a JOIN people b ON a.${c} = b.${c} AND a.id < b.id ORDER BY a.id, b.id`);
    q(`SELECT p.id, o.id FROM people p JOIN orders o ON o.customer = p.${c} ORDER BY p.id, o.id`);
    q(`SELECT id, ${c} = 'bob', ${c} LIKE 'zoe%', ${c} < 'm', LENGTH(${c}), CHAR_LENGTH(${c}) FROM people ORDER BY id`);
    q(`SELECT id, UPPER(${c}), LOWER(${c}) FROM people ORDER BY id`);
    q(`SELECT id, STRCMP(${c}, 'bob') FROM people ORDER BY id`);
    q(`SELECT id FROM people WHERE ${c} BETWEEN 'a' AND 'c' ORDER BY id`);
    for (const coll of COLLATIONS) {
      q(`SELECT id FROM people WHERE ${c} = 'bob' COLLATE ${coll} ORDER BY id`);
      q(`SELECT ${c} COLLATE ${coll}, id FROM people ORDER BY ${c} COLLATE ${coll}, id`);
    }
    q(`SELECT id FROM people WHERE BINARY ${c} = 'bob' ORDER BY id`);
    q(`SELECT id FROM people WHERE ${c} = BINARY 'Bob' ORDER BY id`);
  }
  const pairs = ["'a'", "'A'", "'a '", "'á'", "'Å'", "'å'", "'ß'", "'s'", "'ss'", "'Zoë'", "'zoe'", "'b'", "''", "' '"];
  for (const x of pairs) {
    for (const y of pairs) q(`SELECT ${x} = ${y}, ${x} < ${y}, ${x} LIKE ${y}, ${x} > ${y}`);
  }
  for (const [x, y] of [["'a'", "'A'"], ["'A'", "'a'"], ["'Zoë'", "'zoe'"], ["'bob'", "'bob '"], ["'ß'", "'ss'"], ["'e'", "'É'"]]) {
    q(`SELECT ${x} AS v UNION SELECT ${y}`);
    q(`SELECT ${x} AS v UNION ALL SELECT ${y} ORDER BY v, BINARY v`);
    // Which member's spelling a group shows depends on the order DuckDB reads a UNION ALL's
    // members in (docs/compatibility.md, known differences): these count the groups instead.
    q(`SELECT count(*) FROM (SELECT DISTINCT v FROM (SELECT ${x} AS v UNION ALL SELECT ${y}) t) d`);
    q(`SELECT count(*), min(n) FROM (SELECT v, count(*) AS n FROM (SELECT ${x} AS v UNION ALL SELECT ${y}) t GROUP BY v) g`);
    q(`SELECT ${x} = ${y} COLLATE utf8mb4_bin, BINARY ${x} = ${y}, ${x} COLLATE utf8mb4_unicode_ci = ${y}`);
  }
  q(`SELECT name, count(*) FROM people GROUP BY name ORDER BY min(id)`);
  q(`SELECT STRCMP('a', 'A'), STRCMP('a ', 'a'), STRCMP('Zoë', 'zoe'), STRCMP('a', 'b'), STRCMP(NULL, 'a')`);
  q(`SELECT GROUP_CONCAT(DISTINCT name ORDER BY name) FROM people`);
  q(`SELECT GROUP_CONCAT(name ORDER BY name, id) FROM people`);
  q(`SELECT UPPER('ß'), LOWER('ÀÉÎ'), UPPER('straße'), LENGTH('ß'), CHAR_LENGTH('Zoë')`);
  q(`SELECT name FROM people UNION SELECT customer FROM orders ORDER BY 1`);
  q(`SELECT count(*) FROM (SELECT name FROM people UNION SELECT customer FROM orders) u`);
  return out;
}

const DOUBLES = ['1e308', '-1e308', '-15000000000', '-15000000000e0', '1e16', '1e15', '1e-10', '1e-5', '0.1', '1/3', '2.5', '-0.5', '1e0', '123456789.123', '1.5e-300', '5e-324', '12345678912345678', '1e21', '100e0', '0.1 + 0.2', '1e300 * 10', 'PI()', 'SQRT(2)', 'EXP(1)', '-0e0', '3.0e0'];
const NUMERIC_COLUMNS = ['score', 'ratio', 'amount', 'big', 'ubig', 'u', 'tiny', 'flag', 'yr'];

function numericText(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'numeric-text', sql });
  for (const d of DOUBLES) {
    q(`SELECT ${d}`);
    q(`SELECT CONCAT(${d}, '')`);
    q(`SELECT ${d} * 2, ${d} + 0, -(${d})`);
    q(`SELECT CAST(${d} AS CHAR), FORMAT(${d}, 2)`);
    q(`SELECT ROUND(${d}, 2), TRUNCATE(${d}, 1), FLOOR(${d}), CEIL(${d})`);
  }
  for (const c of NUMERIC_COLUMNS) {
    q(`SELECT id, ${c} FROM people ORDER BY id`);
    q(`SELECT id, CONCAT(${c}, '') FROM people ORDER BY id`);
    q(`SELECT id, ${c} * 2, ${c} / 3, ${c} + 0.5 FROM people ORDER BY id`);
    q(`SELECT id, ${c} + 0e0 FROM people ORDER BY id`);
    q(`SELECT sum(${c}), avg(${c}), min(${c}), max(${c}), count(${c}) FROM people`);
    q(`SELECT GROUP_CONCAT(${c} ORDER BY id) FROM people`);
    q(`SELECT id, ${c} FROM people ORDER BY ${c}, id`);
    q(`SELECT id, CAST(${c} AS CHAR) FROM people ORDER BY id`);
    q(`SELECT id, ROUND(${c}), ROUND(${c}, 1) FROM people ORDER BY id`);
    q(`SELECT id, ${c} = 100, ${c} > '5', ${c} = '100abc' FROM people ORDER BY id`);
    q(`SELECT STD(${c}), VARIANCE(${c}) FROM people`);
  }
  q(`SELECT CAST(1/3 AS FLOAT), CAST(1/3 AS DOUBLE), CAST(2.5 AS FLOAT)`);
  q(`SELECT GROUP_CONCAT(seen ORDER BY id) FROM people`);
  q(`SELECT id, PERCENT_RANK() OVER (ORDER BY id), CUME_DIST() OVER (ORDER BY id) FROM people ORDER BY id`);
  q(`SELECT id, score, RANK() OVER (ORDER BY score), DENSE_RANK() OVER (ORDER BY score DESC) FROM people ORDER BY id`);
  q(`SELECT '1.50' + 0, '1e3' + 0, ' 12abc' + 0, '-' + 0, '0x10' + 0, '.5' + 0`);
  q(`SELECT 1.10, 1.0 * 3, 10 / 4, 10 / 5, 1 / 7, 2 / 3 * 3`);
  q(`SELECT 123.456e2, 0.000001, .5e1, 1.e2`);
  return out;
}

const INT_EXPRS = [
  '9223372036854775807', '-9223372036854775808', '9223372036854775807 + 1', '-9223372036854775808 - 1', '9223372036854775807 * 2',
  '4294967296 * 4294967295', '18446744073709551615', '18446744073709551615 + 1', '18446744073709551614 + 1', 'CAST(18446744073709551615 AS SIGNED)',
  'CAST(-1 AS UNSIGNED)', 'CAST(9223372036854775808 AS SIGNED)', 'CAST(12345678 AS DECIMAL(5,2))', 'CAST(-12345678 AS DECIMAL(5,2))', 'CAST(1.005 AS DECIMAL(5,2))',
  'CAST(123.456 AS DECIMAL(10,1))', 'MOD(7.5, -2)', 'MOD(-7, 2)', '-7 % 3', '7 DIV -2', '-7 DIV 2', '9223372036854775807 DIV 1', '5 DIV 0', '5 % 0',
  '~0', '~1', '1 << 63', '1 << 64', '-1 >> 1', '5 & -1', '-8 | 3', '-1 ^ 1', 'BIT_COUNT(-1)', '0.1 + 0.2 = 0.3', '1e0 + 2 = 3',
  'ABS(-9223372036854775807)', 'ABS(-9223372036854775808)', '-(-9223372036854775807)', '2147483647 + 1', 'POW(2, 63)', 'POW(2, 64)',
  'CAST(1e19 AS UNSIGNED)', 'CAST(-1.5 AS SIGNED)', 'CAST(2.5 AS SIGNED)', 'CAST(-2.5 AS UNSIGNED)', 'CAST(\'18446744073709551616\' AS UNSIGNED)',
  '99999999999999999999999999999999999 + 1', '0.1234567890123456789012345678901 * 3', '1.0 / 3', '1 / 3 * 3', 'ROUND(2.5), ROUND(-2.5), ROUND(2.5e0), ROUND(-2.5e0)',
  'ROUND(1234.5678, -2)', 'TRUNCATE(-1.999, 1)', 'CEIL(-0.5)', 'FLOOR(-0.5)', 'SIGN(-0.0)', 'CONV(255, 10, 16)', '18446744073709551615 - 1', '0 - 18446744073709551615',
];

function integerDecimal(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'integer-decimal', sql });
  for (const e of INT_EXPRS) q(`SELECT ${e}`);
  const unsignedOps = ['u - 2', 'u + 1', 'ubig - 1', 'ubig + 1', 'ubig * 2', 'u * u', 'big + 1', 'big - 1', 'big * 2', '-big', 'ABS(big)', 'tiny + 200', 'u - u', 'ubig - ubig', 'u - 1', 'CAST(u AS SIGNED) - 5', 'ubig DIV 2', 'big DIV 3', 'big % 7', 'ubig % 7', 'amount * 1000000000', 'amount / 0', 'amount DIV 0.5', 'u / 2', 'big / 3', 'ubig >> 1', 'big & 255', 'big | 1', 'u ^ 1'];
  for (const op of unsignedOps) {
    for (const id of [1, 2, 3, 4, 5, 7, 9, 14, 17]) q(`SELECT ${op} FROM people WHERE id = ${id}`);
    q(`SELECT id, ${op} FROM people WHERE id IN (10, 11, 12, 13) ORDER BY id`);
  }
  q('SELECT BIT_AND(big), BIT_OR(big), BIT_XOR(big) FROM people');
  q('SELECT BIT_AND(tiny), BIT_OR(tiny), BIT_XOR(tiny) FROM people');
  q('SELECT sum(big), sum(ubig) FROM people WHERE id IN (4, 6, 10)');
  q('SELECT sum(ubig) FROM people');
  q('SELECT sum(big) FROM people');
  q('SELECT avg(big), avg(ubig), avg(u) FROM people');
  q('SELECT sum(amount), avg(amount), sum(amount * 2) FROM people');
  q('SELECT id, CAST(amount AS DECIMAL(4,1)) FROM people ORDER BY id');
  q('SELECT id, CAST(score AS DECIMAL(10,2)) FROM people WHERE id IN (4, 5, 6, 10, 13) ORDER BY id');
  q('SELECT id, CAST(ubig AS SIGNED), CAST(big AS UNSIGNED) FROM people ORDER BY id');
  return out;
}

const DATE_COLUMNS = ['born', 'seen', 'at_time', 'yr'];

function temporal(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'temporal', sql });
  for (const c of DATE_COLUMNS) {
    q(`SELECT id, ${c} + 0 FROM people ORDER BY id`);
    q(`SELECT id, ${c} * 1, ${c} + 1 FROM people ORDER BY id`);
    q(`SELECT id, CONCAT(${c}, '') FROM people ORDER BY id`);
    q(`SELECT id, CAST(${c} AS CHAR), CAST(${c} AS SIGNED) FROM people ORDER BY id`);
    q(`SELECT min(${c}), max(${c}), count(DISTINCT ${c}) FROM people`);
    q(`SELECT GROUP_CONCAT(${c} ORDER BY id) FROM people`);
    q(`SELECT id, COALESCE(${c}, 'unknown'), IFNULL(${c}, 0) FROM people ORDER BY id`);
    q(`SELECT id FROM people ORDER BY ${c}, id`);
  }
  for (const d of ['born', 'seen']) {
    for (const unit of ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'HOUR', 'MINUTE', 'SECOND']) {
      q(`SELECT id, TIMESTAMPDIFF(${unit}, ${d}, '2024-02-29') FROM people ORDER BY id`);
      q(`SELECT id, TIMESTAMPDIFF(${unit}, '2023-01-31', ${d}) FROM people ORDER BY id`);
      q(`SELECT id, ${d} + INTERVAL 1 ${unit}, ${d} - INTERVAL 1 ${unit} FROM people ORDER BY id`);
    }
    for (const f of ['%Y-%m-%d', '%u %U %v %V %x %X', '%w %a %W %j', '%y %c %e %D %M %b', '%H %h %i %s %f %p %r %T', '%%']) q(`SELECT id, DATE_FORMAT(${d}, '${f}') FROM people ORDER BY id`);
    q(`SELECT id, YEAR(${d}), MONTH(${d}), DAY(${d}), DAYOFWEEK(${d}), WEEKDAY(${d}), DAYOFYEAR(${d}), WEEK(${d}), QUARTER(${d}), LAST_DAY(${d}) FROM people ORDER BY id`);
    q(`SELECT id, UNIX_TIMESTAMP(${d}), TO_DAYS(${d}), DATEDIFF(${d}, '2024-01-01') FROM people ORDER BY id`);
    q(`SELECT id FROM people WHERE ${d} BETWEEN 20240101 AND 20240301 ORDER BY id`);
    q(`SELECT id FROM people WHERE ${d} >= '2024-02-29' ORDER BY id`);
    q(`SELECT id FROM people WHERE ${d} = 19900228 ORDER BY id`);
    q(`SELECT id FROM people WHERE ${d} > 20240229000000 ORDER BY id`);
    q(`SELECT id, ${d} = '2024-02-29', ${d} < '2024-1-5', ${d} IN ('2024-02-29', '2023-12-31') FROM people ORDER BY id`);
  }
  const lits = ["'2024-01-31'", "'2024-02-29'", "'2023-02-28'", "'2024-12-31'", "'2025-12-29'", "'2021-01-03'", "'2020-12-31 23:59:59'", "'2024-03-31 12:00:00.5'"];
  for (const l of lits) {
    q(`SELECT DATE_ADD(${l}, INTERVAL 1 MONTH), DATE_SUB(${l}, INTERVAL 1 MONTH), ${l} + INTERVAL 1 YEAR, LAST_DAY(${l})`);
    q(`SELECT DATE_FORMAT(${l}, '%u %v %x %U %V %X %W %j')`);
    q(`SELECT WEEK(${l}), WEEK(${l}, 1), WEEK(${l}, 3), YEARWEEK(${l}), DAYOFWEEK(${l}), DAYNAME(${l})`);
    q(`SELECT TIMESTAMPDIFF(MONTH, ${l}, '2024-02-29'), TIMESTAMPDIFF(YEAR, '2020-02-29', ${l}), TIMESTAMPDIFF(QUARTER, ${l}, '2025-01-31')`);
    q(`SELECT UNIX_TIMESTAMP(${l}), DATE(${l}) + 0, CAST(${l} AS DATETIME) + 0`);
  }
  q(`SELECT FROM_UNIXTIME(1700000000.5), FROM_UNIXTIME(0), UNIX_TIMESTAMP('2024-01-01 00:00:00.123')`);
  q(`SELECT DATE('2024-02-30'), DATE('2024-13-01'), STR_TO_DATE('31/01/2024', '%d/%m/%Y')`);
  q(`SELECT MAKEDATE(2024, 60), FROM_DAYS(739000), SEC_TO_TIME(3661), TIME_TO_SEC('01:01:01')`);
  return out;
}

function enumSetJson(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'enum-set-json', sql });
  for (const e of ['status + 0', 'tags + 0', 'CONCAT(status, \'\')', 'CONCAT(tags, \'\')', 'status = 1', "status = 'OPEN'", "status IN (1, 'closed')", "tags = 'a,b'", "FIND_IN_SET('vip', tags)", "tags LIKE '%vip%'", 'status < 2', "status < 'p'"]) {
    q(`SELECT id, ${e} FROM people ORDER BY id`);
  }
  q('SELECT id, status FROM people ORDER BY status, id');
  q('SELECT id, tags FROM people ORDER BY tags, id');
  q('SELECT id, status FROM people ORDER BY status DESC, id');
  q('SELECT status, count(*) FROM people GROUP BY status ORDER BY status');
  q('SELECT tags, count(*) FROM people GROUP BY tags ORDER BY tags');
  q('SELECT min(status), max(status), min(tags), max(tags) FROM people');
  q("SELECT id FROM people WHERE status = 'closed' OR status = 3 ORDER BY id");
  for (const path of ['$.vip', '$.n', '$.tags', '$.tags[0]', '$.a.b[1].c', '$.name', '$', '$[1]', '$.missing']) {
    q(`SELECT id, JSON_EXTRACT(doc, '${path}') FROM people ORDER BY id`);
    q(`SELECT id, JSON_UNQUOTE(JSON_EXTRACT(doc, '${path}')) FROM people ORDER BY id`);
    q(`SELECT id, doc->'${path}', doc->>'${path}' FROM people ORDER BY id`);
  }
  for (const cond of ["JSON_EXTRACT(doc, '$.vip') = true", "JSON_EXTRACT(doc, '$.vip') = false", "JSON_EXTRACT(doc, '$.n') = 1", "JSON_EXTRACT(doc, '$.n') > 1", "JSON_EXTRACT(doc, '$.vip') = 'yes'", "JSON_EXTRACT(doc, '$.vip') IS NULL", "JSON_CONTAINS_PATH(doc, 'one', '$.vip')", "JSON_TYPE(doc) = 'OBJECT'"]) {
    q(`SELECT id FROM people WHERE ${cond} ORDER BY id`);
  }
  q('SELECT id, doc FROM people ORDER BY id');
  q('SELECT id, JSON_TYPE(doc), JSON_VALID(doc), JSON_LENGTH(doc) FROM people ORDER BY id');
  q("SELECT id, JSON_TYPE(JSON_EXTRACT(doc, '$.vip')), JSON_TYPE(JSON_EXTRACT(doc, '$.n')) FROM people ORDER BY id");
  q("SELECT LPAD('abc', 5, ''), RPAD('abc', 5, ''), LPAD('abc', 2, 'x'), LPAD('', 3, 'ab'), LPAD(NULL, 2, 'x')");
  return out;
}

function nullHandling(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'null', sql });
  for (const c of ['name', 'score', 'amount', 'born', 'seen', 'status', 'tags', 'doc', 'ubig', 'flag']) {
    q(`SELECT id, ${c} IS NULL, ${c} <=> NULL, ISNULL(${c}), IFNULL(${c}, 'none'), COALESCE(${c}, NULL, 0) FROM people ORDER BY id`);
    q(`SELECT count(${c}), count(*), count(DISTINCT ${c}) FROM people`);
    q(`SELECT id FROM people ORDER BY ${c}, id`);
    q(`SELECT id FROM people ORDER BY ${c} DESC, id`);
    q(`SELECT id FROM people WHERE ${c} NOT IN (SELECT ${c} FROM people WHERE id = 17) ORDER BY id`);
    q(`SELECT id, NULLIF(${c}, ${c}), ${c} = NULL FROM people ORDER BY id`);
  }
  q('SELECT NULL = NULL, NULL <=> NULL, NULL AND 0, NULL OR 1, NOT NULL, NULL + 1, CONCAT(NULL, 1), CONCAT_WS(\',\', NULL, 1)');
  q('SELECT sum(NULL), avg(NULL), max(NULL), count(NULL), GROUP_CONCAT(NULL)');
  q('SELECT id FROM people WHERE id NOT IN (1, NULL) ORDER BY id');
  q('SELECT p.id, o.id FROM people p LEFT JOIN orders o ON o.person_id = p.id ORDER BY p.id, o.id');
  return out;
}

function errorCodes(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'errors', sql });
  for (const sql of [
    'SELECT nope FROM people', 'SELECT * FROM nope', 'SELECT people.nope FROM people', 'SELECT id FROM people, orders', 'SELECT id FROM people p JOIN orders o ON o.id = p.id',
    'SELECT * FROM it_missing_db.people', 'SELECT count(*) FROM people GROUP BY nope', 'SELECT id FROM people ORDER BY nope', 'SELECT id FROM people WHERE nope = 1', 'SELECT FROM people',
    'SELECT id FROM people LIMIT -1', 'SELECT id FROM people WHERE', 'SELEC 1', 'SELECT 1 +', 'SELECT (SELECT id FROM people)', 'SELECT id FROM people UNION SELECT id, name FROM people',
    'SELECT sum(id, name) FROM people', 'SELECT ubig - 99999 FROM people WHERE id = 3', 'SELECT u - 2 FROM people WHERE id = 3', 'SELECT big + 1 FROM people WHERE id = 1', 'SELECT ubig + 1 FROM people WHERE id = 1',
    "SELECT 'x' FROM people WHERE id = 1 INTO @v", 'SELECT id FROM people p, people p', 'SELECT * FROM people WHERE id = (SELECT id FROM people)',
  ]) q(sql);
  return out;
}

function toolMetadata(): CorpusQuery[] {
  const out: CorpusQuery[] = [];
  const q = (sql: string) => out.push({ category: 'tool-metadata', sql });
  const db = `'${SEMANTICS_DB}'`;
  for (const sql of [
    `SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${db} ORDER BY TABLE_NAME`,
    `SELECT TABLE_NAME AS TABLE_NAME, TABLE_SCHEMA AS TABLE_CAT, CASE WHEN TABLE_TYPE = 'BASE TABLE' THEN 'TABLE' ELSE TABLE_TYPE END AS TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${db} AND TABLE_NAME LIKE '%' HAVING TABLE_TYPE IN ('TABLE', 'VIEW') ORDER BY TABLE_TYPE, TABLE_SCHEMA, TABLE_NAME`,
    `SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, ORDINAL_POSITION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db} AND TABLE_NAME = 'people' ORDER BY ORDINAL_POSITION`,
    `SELECT COLUMN_NAME, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db} AND TABLE_NAME = 'people' ORDER BY ORDINAL_POSITION`,
    `SELECT COLUMN_NAME, COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db} AND TABLE_NAME = 'people' ORDER BY ORDINAL_POSITION`,
    `SELECT COLUMN_NAME, COLUMN_KEY FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db} AND TABLE_NAME = 'people' AND COLUMN_KEY = 'PRI'`,
    `SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ${db}`,
    `SELECT count(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${db}`,
    `SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ${db} AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    'SELECT DATABASE()', 'SELECT @@sql_mode', 'SELECT @@version_comment LIMIT 1', 'SELECT @@session.auto_increment_increment', 'SELECT @@character_set_client, @@character_set_connection, @@character_set_results',
    'SELECT @@collation_connection', 'SELECT @@lower_case_table_names', 'SELECT @@max_allowed_packet', 'SELECT @@tx_isolation', 'SELECT @@transaction_isolation', 'SELECT @@autocommit', 'SELECT @@time_zone, @@system_time_zone',
    'SELECT @@net_write_timeout, @@wait_timeout', 'SELECT @@have_query_cache', 'SELECT @@version', 'SELECT VERSION()', 'SELECT @@default_storage_engine', 'SELECT @@group_concat_max_len', 'SELECT @@div_precision_increment',
  ]) q(sql);
  return out;
}

/** The whole corpus, by category. */
export function semanticsCorpus(): CorpusQuery[] {
  return [...collation(), ...numericText(), ...integerDecimal(), ...temporal(), ...enumSetJson(), ...nullHandling(), ...errorCodes(), ...toolMetadata()];
}
