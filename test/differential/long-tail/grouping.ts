// The long-tail corpus, class "grouping": see ./corpus-query.ts. GROUP BY ... WITH ROLLUP, window
// frames, the WINDOW clause, COUNT(DISTINCT a, b) and the STD/VARIANCE family, as reports, ORMs
// and BI tools write them, over keys that differ only in case, accents or trailing spaces, NULL
// keys, DECIMAL and DOUBLE values, negatives and BIGINT UNSIGNED edges.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';

const SETUP = [
  `CREATE TABLE lt_grouping_sales (
     id INT NOT NULL PRIMARY KEY,
     region VARCHAR(20),
     region_bin VARCHAR(20) COLLATE utf8mb4_bin,
     product VARCHAR(20) COLLATE utf8mb4_unicode_ci,
     channel ENUM('web','shop','phone'),
     qty INT,
     amount DECIMAL(10,2),
     price DOUBLE,
     ubig BIGINT UNSIGNED,
     sold DATE,
     yr YEAR
   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  `INSERT INTO lt_grouping_sales VALUES
     (1, 'north', 'north', 'Widget', 'web', 3, 10.50, 1.5, 0, '2024-01-31', 2024),
     (2, 'North', 'North', 'widget', 'shop', -2, -4.25, 2.25, 18446744073709551615, '2024-02-29', 2024),
     (3, 'north ', 'NORTH', 'WIDGET ', 'web', 7, 99.99, -0.5, 1, '2024-02-29', 2024),
     (4, 'Nörth', 'Nörth', 'Gadget', 'phone', 1, 0.01, 0.001953125, 9223372036854775808, '2024-03-31', 2024),
     (5, 'south', 'south', 'gadget', 'web', 10, 250.00, 3.75, 18446744073709551614, '2023-12-31', 2023),
     (6, 'SOUTH', 'SOUTH', 'Gädget', NULL, 0, 0.00, 0, 5, '2023-12-31', 2023),
     (7, 'south', 'south', 'gizmo', 'shop', 5, -99.99, -2.5, 7, '2024-12-31', 2024),
     (8, NULL, NULL, 'gizmo', 'web', 2, 12.34, 1e12, 9, '2025-01-01', 2025),
     (9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (10, 'east', 'east', 'Straße', 'phone', 4, 33.33, 0.125, 100, '2024-06-30', 2024),
     (11, 'EAST', 'EAST', 'strasse', 'phone', 6, 66.67, 0.25, 200, '2024-06-30', 2024),
     (12, 'éast', 'éast', 'STRASSE', 'web', 8, 1000000.00, 123456.75, 300, '2024-07-31', 2024),
     (13, 'west', 'west', 'Widget', 'shop', 1, 1.00, 1.0, 4294967295, '2022-02-28', 2022),
     (14, 'west', 'west', 'widget', 'shop', 1, 1.00, 1.0, 4294967296, '2022-02-28', 2022),
     (15, '', '', '', 'web', 9, 5.55, 5.5, 12345678901234567890, '2024-10-31', 2024),
     (16, 'north', 'north', 'Gadget', 'web', 12, 7.77, -0.0078125, 42, '2024-01-31', 2024)`,
  `CREATE TABLE lt_grouping_empty (id INT NOT NULL PRIMARY KEY, k VARCHAR(10), v DECIMAL(8,2))`,
];

const q = (construct: string, sql: string): LongTailQuery => ({ category: `grouping: ${construct}`, sql });

/** Every combination of the lists, as tuples. */
function product<T>(...lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

// ---- GROUP BY ... WITH ROLLUP ----
const ROLLUP_AGGREGATES = ['COUNT(*)', 'SUM(amount)', 'AVG(amount)', 'MIN(amount)', 'MAX(price)', 'SUM(qty)', 'AVG(qty)', 'COUNT(price)', 'MIN(region_bin)', 'MAX(sold)', 'SUM(price)', 'AVG(price)', 'SUM(ubig)', 'COUNT(DISTINCT product)', 'MAX(ubig)'];
const ROLLUP_KEYS = ['region_bin', 'channel', 'yr', 'sold', 'qty > 3'];
const rollup: LongTailQuery[] = [
  ...ROLLUP_KEYS.flatMap((k) => ROLLUP_AGGREGATES.slice(0, 7).map((a, i) => q('rollup one column', `SELECT ${k}, ${a}, ${ROLLUP_AGGREGATES[(i + 7) % ROLLUP_AGGREGATES.length]} FROM lt_grouping_sales GROUP BY ${k} WITH ROLLUP`))),
  ...product(['region_bin', 'channel', 'yr'], ['channel', 'yr', 'qty']).filter(([a, b]) => a !== b).map(([a, b]) => q('rollup two columns', `SELECT ${a}, ${b}, COUNT(*) AS n, SUM(amount) AS total FROM lt_grouping_sales GROUP BY ${a}, ${b} WITH ROLLUP`)),
  q('rollup three columns', 'SELECT yr, channel, region_bin, COUNT(*), SUM(qty) FROM lt_grouping_sales GROUP BY yr, channel, region_bin WITH ROLLUP'),
  q('rollup three columns', 'SELECT channel, yr, qty, SUM(amount), MAX(price) FROM lt_grouping_sales GROUP BY channel, yr, qty WITH ROLLUP'),
  // Keys under a case- and accent-insensitive collation: 'north', 'North', 'north ' and 'Nörth' are one group.
  q('rollup text key', 'SELECT COUNT(*), SUM(amount), MIN(region_bin) FROM lt_grouping_sales GROUP BY region WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*), SUM(qty), MAX(region_bin) FROM lt_grouping_sales GROUP BY product WITH ROLLUP'),
  q('rollup text key', 'SELECT region IS NULL AS no_region, COUNT(*) FROM lt_grouping_sales GROUP BY region WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*), COUNT(DISTINCT region_bin) FROM lt_grouping_sales GROUP BY region, channel WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*), SUM(amount) FROM people GROUP BY name WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*), MIN(id), MAX(id) FROM people GROUP BY name_uni WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*), MIN(id) FROM people GROUP BY name_bin WITH ROLLUP'),
  q('rollup text key', 'SELECT COUNT(*) FROM people GROUP BY code, flag WITH ROLLUP'),
  q('rollup text key', 'SELECT status, COUNT(*), SUM(amount), AVG(amount) FROM people GROUP BY status WITH ROLLUP'),
  q('rollup text key', 'SELECT status, flag, COUNT(*), SUM(u) FROM people GROUP BY status, flag WITH ROLLUP'),
  // Aliases, positions and expressions.
  q('rollup alias and position', 'SELECT channel AS c, COUNT(*) AS n FROM lt_grouping_sales GROUP BY c WITH ROLLUP'),
  q('rollup alias and position', 'SELECT yr, channel, SUM(amount) FROM lt_grouping_sales GROUP BY 1, 2 WITH ROLLUP'),
  q('rollup alias and position', 'SELECT YEAR(sold) AS y, MONTH(sold) AS m, SUM(amount) AS total FROM lt_grouping_sales GROUP BY y, m WITH ROLLUP'),
  q('rollup alias and position', 'SELECT qty % 3 AS bucket, COUNT(*) FROM lt_grouping_sales GROUP BY bucket WITH ROLLUP'),
  q('rollup alias and position', 'SELECT qty % 3, COUNT(*) FROM lt_grouping_sales GROUP BY qty % 3 WITH ROLLUP'),
  q('rollup expression over key', "SELECT IFNULL(channel, 'All channels') AS channel_label, COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP"),
  q('rollup expression over key', "SELECT COALESCE(yr, 'Total') AS y, SUM(amount) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP"),
  q('rollup expression over key', "SELECT IF(yr IS NULL, 'grand total', CONCAT('year ', yr)) AS label, SUM(qty) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP"),
  q('rollup expression over key', "SELECT CASE WHEN channel IS NULL THEN '-' ELSE UPPER(channel) END AS ch, yr + 1 AS next_year, COUNT(*) FROM lt_grouping_sales GROUP BY channel, yr WITH ROLLUP"),
  q('rollup expression over key', "SELECT IFNULL(region_bin, '(all)') AS r, COUNT(*) FROM lt_grouping_sales GROUP BY region_bin WITH ROLLUP"),
  q('rollup expression over key', "SELECT IFNULL(status, 'ALL') AS s, COUNT(*) AS c FROM people GROUP BY status WITH ROLLUP"),
  q('rollup expression over key', 'SELECT flag + 1 AS f, COUNT(*) FROM people GROUP BY flag + 1 WITH ROLLUP'),
  q('rollup expression over key', 'SELECT yr, SUM(qty) / COUNT(*) AS mean, SUM(amount) * 2 FROM lt_grouping_sales GROUP BY yr WITH ROLLUP'),
  // HAVING and LIMIT.
  q('rollup having', 'SELECT channel, COUNT(*) AS n FROM lt_grouping_sales GROUP BY channel WITH ROLLUP HAVING n > 3'),
  q('rollup having', 'SELECT yr, SUM(amount) AS total FROM lt_grouping_sales GROUP BY yr WITH ROLLUP HAVING total > 100'),
  q('rollup having', 'SELECT yr, channel, COUNT(*) FROM lt_grouping_sales GROUP BY yr, channel WITH ROLLUP HAVING COUNT(*) >= 2'),
  q('rollup having', 'SELECT channel, COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP HAVING channel IS NULL'),
  q('rollup having', 'SELECT yr, channel, SUM(qty) FROM lt_grouping_sales GROUP BY yr, channel WITH ROLLUP HAVING channel IS NOT NULL OR yr IS NULL'),
  q('rollup having', 'SELECT COUNT(*) FROM people GROUP BY name WITH ROLLUP HAVING name IS NULL'),
  q('rollup having', 'SELECT status, COUNT(*) c FROM people GROUP BY status WITH ROLLUP HAVING c > 4'),
  q('rollup limit', 'SELECT channel, COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP LIMIT 2'),
  q('rollup limit', 'SELECT yr, channel, SUM(amount) FROM lt_grouping_sales GROUP BY yr, channel WITH ROLLUP LIMIT 5'),
  q('rollup limit', 'SELECT yr, channel, SUM(amount) FROM lt_grouping_sales GROUP BY yr, channel WITH ROLLUP LIMIT 3, 4'),
  q('rollup limit', 'SELECT yr, COUNT(*) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP LIMIT 10 OFFSET 2'),
  // ORDER BY beside ROLLUP is MariaDB's error 1221; outside it (a derived table) it orders.
  q('rollup order by', 'SELECT channel, COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP ORDER BY channel'),
  q('rollup order by', 'SELECT channel, COUNT(*) AS n FROM lt_grouping_sales GROUP BY channel WITH ROLLUP ORDER BY n DESC'),
  q('rollup order by', 'SELECT yr, COUNT(*) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP ORDER BY NULL'),
  q('rollup order by', 'SELECT * FROM (SELECT channel, COUNT(*) AS n FROM lt_grouping_sales GROUP BY channel WITH ROLLUP) AS t ORDER BY n, channel'),
  q('rollup order by', 'SELECT t.yr, t.total FROM (SELECT yr, SUM(amount) AS total FROM lt_grouping_sales GROUP BY yr WITH ROLLUP) t WHERE t.yr IS NOT NULL ORDER BY t.total DESC'),
  q('rollup order by', 'SELECT COUNT(*) FROM (SELECT yr, channel FROM lt_grouping_sales GROUP BY yr, channel WITH ROLLUP) AS t'),
  // Joins, WHERE, empty input, NULL keys.
  q('rollup join', 'SELECT p.status, COUNT(o.id) AS orders, SUM(o.total) AS total FROM people p JOIN orders o ON o.person_id = p.id GROUP BY p.status WITH ROLLUP'),
  q('rollup join', 'SELECT p.flag, p.status, SUM(o.total) FROM people p LEFT JOIN orders o ON o.person_id = p.id GROUP BY p.flag, p.status WITH ROLLUP'),
  q('rollup join', 'SELECT YEAR(o.placed) AS y, COUNT(*), SUM(o.total) FROM orders o LEFT JOIN people p ON p.id = o.person_id GROUP BY YEAR(o.placed) WITH ROLLUP'),
  q('rollup join', 'SELECT s.channel, s.yr, COUNT(*) FROM lt_grouping_sales s JOIN lt_grouping_sales t ON t.channel = s.channel GROUP BY s.channel, s.yr WITH ROLLUP'),
  q('rollup where', "SELECT channel, SUM(amount) FROM lt_grouping_sales WHERE sold >= '2024-01-01' GROUP BY channel WITH ROLLUP"),
  q('rollup where', 'SELECT channel, COUNT(*) FROM lt_grouping_sales WHERE id > 100 GROUP BY channel WITH ROLLUP'),
  q('rollup where', 'SELECT k, COUNT(*), SUM(v) FROM lt_grouping_empty GROUP BY k WITH ROLLUP'),
  q('rollup where', 'SELECT COUNT(*), SUM(v) FROM lt_grouping_empty GROUP BY id WITH ROLLUP'),
  q('rollup where', 'SELECT yr, COUNT(*), SUM(amount) FROM lt_grouping_sales WHERE amount IS NULL GROUP BY yr WITH ROLLUP'),
  q('rollup where', 'SELECT big, COUNT(*) FROM people WHERE big < 0 GROUP BY big WITH ROLLUP'),
  q('rollup where', 'SELECT ubig, COUNT(*) FROM people GROUP BY ubig WITH ROLLUP'),
  q('rollup where', 'SELECT tiny, SUM(amount), AVG(score) FROM people GROUP BY tiny WITH ROLLUP'),
  q('rollup where', 'SELECT born, COUNT(*) FROM people GROUP BY born WITH ROLLUP'),
  q('rollup where', 'SELECT at_time, COUNT(*) FROM people GROUP BY at_time WITH ROLLUP'),
  q('rollup where', 'SELECT amount, COUNT(*) FROM people GROUP BY amount WITH ROLLUP'),
  // Columns outside the keys show the last group's value on MariaDB: refused.
  q('rollup column outside keys', 'SELECT channel, qty, COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP'),
  // GROUPING() does not exist in MariaDB 10.11.
  q('rollup grouping()', 'SELECT channel, GROUPING(channel), COUNT(*) FROM lt_grouping_sales GROUP BY channel WITH ROLLUP'),
  q('rollup subquery', 'SELECT yr, COUNT(*), (SELECT COUNT(*) FROM orders) AS orders FROM lt_grouping_sales GROUP BY yr WITH ROLLUP'),
  q('rollup subquery', 'SELECT yr, COUNT(*) FROM lt_grouping_sales WHERE channel IN (SELECT channel FROM lt_grouping_sales WHERE qty > 5) GROUP BY yr WITH ROLLUP'),
  q('rollup with cte', 'WITH s AS (SELECT yr, channel, amount FROM lt_grouping_sales WHERE qty > 0) SELECT yr, channel, SUM(amount) FROM s GROUP BY yr, channel WITH ROLLUP'),
];

// ---- Window frames ----
const FRAMES = [
  'ROWS BETWEEN 2 PRECEDING AND CURRENT ROW',
  'ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING',
  'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
  'ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
  'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING',
  'ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING',
  'ROWS 3 PRECEDING',
  'ROWS UNBOUNDED PRECEDING',
  'RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW',
  'RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING',
  'RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING',
];
const FRAMED = ['SUM(amount)', 'AVG(qty)', 'COUNT(*)', 'COUNT(price)', 'MIN(amount)', 'MAX(qty)', 'FIRST_VALUE(amount)', 'LAST_VALUE(qty)', 'NTH_VALUE(region_bin, 2)', 'SUM(ubig)', 'MIN(region_bin)', 'MAX(price)'];
const frames: LongTailQuery[] = [
  ...FRAMES.flatMap((f, i) => [0, 1, 2].map((k) => {
    const fn = FRAMED[(i * 3 + k) % FRAMED.length]!;
    const partition = k === 1 ? 'PARTITION BY channel ' : k === 2 ? 'PARTITION BY region ' : '';
    return q('window frame', `SELECT id, ${fn} OVER (${partition}ORDER BY id ${f}) AS w FROM lt_grouping_sales ORDER BY id`);
  })),
  q('window frame', 'SELECT id, SUM(amount) OVER (ORDER BY sold, id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS running FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, AVG(amount) OVER (PARTITION BY yr ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving_avg FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, AVG(price) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS smooth FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, SUM(amount) OVER (ORDER BY id DESC ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, SUM(qty) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) AS empty_frame FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, COUNT(*) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS n FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, SUM(amount) OVER (RANGE BETWEEN CURRENT ROW AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, FIRST_VALUE(region_bin) OVER (PARTITION BY channel ORDER BY id ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS nxt FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, LAST_VALUE(amount) OVER (PARTITION BY channel ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_amount FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, NTH_VALUE(qty, 3) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) AS third FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, LAG(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS prev FROM lt_grouping_sales ORDER BY id'),
  q('window frame', 'SELECT id, SUM(big) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM people ORDER BY id'),
  q('window frame', 'SELECT id, MAX(score) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS m, MIN(score) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS n FROM people ORDER BY id'),
  q('window frame', 'SELECT id, SUM(ubig) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS s FROM people ORDER BY id'),
  q('window frame', 'SELECT id, MIN(name_bin) OVER (ORDER BY id ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) AS m FROM people ORDER BY id'),
  q('window frame', 'SELECT p.id, SUM(o.total) OVER (ORDER BY o.id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM orders o JOIN people p ON p.id = o.person_id ORDER BY o.id'),
  q('window frame', 'SELECT channel, SUM(amount) AS total, SUM(SUM(amount)) OVER (ORDER BY channel ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running FROM lt_grouping_sales GROUP BY channel ORDER BY channel'),
  q('window frame', 'SELECT yr, COUNT(*) AS n, AVG(COUNT(*)) OVER (ORDER BY yr ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS avg_n FROM lt_grouping_sales GROUP BY yr ORDER BY yr'),
  // RANGE with numeric offsets: peers by value.
  q('window range offset', 'SELECT id, SUM(qty) OVER (ORDER BY qty RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, COUNT(*) OVER (ORDER BY qty RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS near FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, COUNT(*) OVER (ORDER BY amount RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS near FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, SUM(id) OVER (ORDER BY amount RANGE BETWEEN 1.5 PRECEDING AND 1.5 FOLLOWING) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, COUNT(*) OVER (ORDER BY price RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS c FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, SUM(qty) OVER (ORDER BY yr RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, SUM(qty) OVER (ORDER BY qty DESC RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, SUM(qty) OVER (PARTITION BY channel ORDER BY qty RANGE 3 PRECEDING) AS s FROM lt_grouping_sales ORDER BY id'),
  q('window range offset', 'SELECT id, COUNT(*) OVER (ORDER BY tiny RANGE BETWEEN 10 PRECEDING AND 10 FOLLOWING) AS c FROM people ORDER BY id'),
  // MariaDB's own errors.
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY sold RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY region RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY qty, id RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, RANK() OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, ROW_NUMBER() OVER (ORDER BY id ROWS UNBOUNDED PRECEDING) AS r FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY id ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, SUM(qty) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS s FROM lt_grouping_sales'),
  q('window frame errors', 'SELECT id, COUNT(DISTINCT channel) OVER (ORDER BY id) AS c FROM lt_grouping_sales'),
  // Default frames: the whole partition without ORDER BY, up to the current row's peers with it.
  q('window default frame', 'SELECT id, SUM(qty) OVER () AS total, SUM(qty) OVER (ORDER BY yr) AS upto_year FROM lt_grouping_sales ORDER BY id'),
  q('window default frame', 'SELECT id, SUM(id) OVER (ORDER BY yr) AS with_peers, LAST_VALUE(id) OVER (ORDER BY yr, id) AS last_id, FIRST_VALUE(id) OVER (ORDER BY yr, id) AS first_id FROM lt_grouping_sales ORDER BY id'),
  q('window default frame', 'SELECT id, COUNT(*) OVER (PARTITION BY channel) AS n, MAX(amount) OVER (PARTITION BY channel ORDER BY amount) AS m FROM lt_grouping_sales ORDER BY id'),
  q('window default frame', 'SELECT id, AVG(amount) OVER (PARTITION BY yr) AS a, MIN(qty) OVER (ORDER BY qty DESC) AS m FROM lt_grouping_sales ORDER BY id'),
];

// ---- PARTITION BY text under its collation ----
const partitions: LongTailQuery[] = [
  ...['region', 'region_bin', 'product', 'channel'].flatMap((col) => [
    q('window partition by text', `SELECT id, COUNT(*) OVER (PARTITION BY ${col}) AS n FROM lt_grouping_sales ORDER BY id`),
    q('window partition by text', `SELECT id, SUM(amount) OVER (PARTITION BY ${col} ORDER BY id) AS running FROM lt_grouping_sales ORDER BY id`),
    q('window partition by text', `SELECT id, ROW_NUMBER() OVER (PARTITION BY ${col} ORDER BY id) AS rn FROM lt_grouping_sales ORDER BY id`),
  ]),
  ...['name', 'name_bin', 'name_uni', 'code', 'note'].flatMap((col) => [
    q('window partition by text', `SELECT id, COUNT(*) OVER (PARTITION BY ${col}) AS n, RANK() OVER (PARTITION BY ${col} ORDER BY id) AS r FROM people ORDER BY id`),
    q('window partition by text', `SELECT id, MIN(id) OVER (PARTITION BY ${col}) AS first_id FROM people ORDER BY id`),
  ]),
  q('window partition by text', 'SELECT id, COUNT(*) OVER (PARTITION BY name COLLATE utf8mb4_bin) AS n FROM people ORDER BY id'),
  q('window partition by text', 'SELECT id, COUNT(*) OVER (PARTITION BY UPPER(name)) AS n FROM people ORDER BY id'),
  q('window partition by text', 'SELECT id, COUNT(*) OVER (PARTITION BY customer) AS n FROM orders ORDER BY id'),
];

// ---- The WINDOW clause ----
const windows: LongTailQuery[] = [
  q('window clause', 'SELECT id, SUM(amount) OVER w AS s, COUNT(*) OVER w AS n FROM lt_grouping_sales WINDOW w AS (PARTITION BY channel) ORDER BY id'),
  q('window clause', 'SELECT id, ROW_NUMBER() OVER w AS rn, RANK() OVER w AS r FROM lt_grouping_sales WINDOW w AS (PARTITION BY yr ORDER BY qty, id) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(qty) OVER (w ORDER BY id) AS running FROM lt_grouping_sales WINDOW w AS (PARTITION BY region) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(qty) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales WINDOW w AS (ORDER BY id) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(qty) OVER (w ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) AS s FROM lt_grouping_sales WINDOW w AS (PARTITION BY channel) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(qty) OVER w2 AS s FROM lt_grouping_sales WINDOW w1 AS (PARTITION BY channel), w2 AS (w1 ORDER BY id) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(qty) OVER w AS s FROM lt_grouping_sales WINDOW w AS (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY id'),
  q('window clause', 'SELECT id, FIRST_VALUE(amount) OVER w AS f, LAST_VALUE(amount) OVER w AS l, NTH_VALUE(amount, 2) OVER w AS second FROM lt_grouping_sales WINDOW w AS (PARTITION BY yr ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY id'),
  q('window clause', 'SELECT id, LAG(amount) OVER w AS prev, LEAD(amount) OVER w AS nxt FROM lt_grouping_sales WINDOW w AS (ORDER BY id) ORDER BY id'),
  q('window clause', 'SELECT id, DENSE_RANK() OVER w AS dr, PERCENT_RANK() OVER w AS pr, CUME_DIST() OVER w AS cd FROM lt_grouping_sales WINDOW w AS (ORDER BY amount) ORDER BY id'),
  q('window clause', 'SELECT id, NTILE(3) OVER w AS t FROM lt_grouping_sales WINDOW w AS (ORDER BY id) ORDER BY id'),
  q('window clause', 'SELECT id, COUNT(*) OVER w AS n FROM people WINDOW w AS (PARTITION BY name) ORDER BY id'),
  q('window clause', 'SELECT id, SUM(u) OVER (w ORDER BY id) AS s FROM people WINDOW w AS (PARTITION BY name_uni) ORDER BY id'),
  q('window clause', 'SELECT channel, SUM(amount) AS total, RANK() OVER w AS r FROM lt_grouping_sales GROUP BY channel WINDOW w AS (ORDER BY SUM(amount) DESC) ORDER BY channel'),
  q('window clause', 'SELECT id, SUM(qty) OVER `my window` AS s FROM lt_grouping_sales WINDOW `my window` AS (ORDER BY id) ORDER BY id'),
  q('window clause', 'SELECT * FROM (SELECT id, SUM(qty) OVER w AS s FROM lt_grouping_sales WINDOW w AS (ORDER BY id)) t WHERE s > 20 ORDER BY id'),
  q('window clause errors', 'SELECT id, SUM(qty) OVER x FROM lt_grouping_sales WINDOW w AS (ORDER BY id)'),
  q('window clause errors', 'SELECT id, SUM(qty) OVER w FROM lt_grouping_sales WINDOW w AS (ORDER BY id), w AS (PARTITION BY yr)'),
  q('window clause errors', 'SELECT id, SUM(qty) OVER (w ORDER BY qty) FROM lt_grouping_sales WINDOW w AS (ORDER BY id)'),
  q('window clause errors', 'SELECT id, SUM(qty) OVER (w PARTITION BY yr) FROM lt_grouping_sales WINDOW w AS (ORDER BY id)'),
  q('window clause errors', 'SELECT id, SUM(qty) OVER (w ORDER BY id) FROM lt_grouping_sales WINDOW w AS (ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)'),
];

// ---- COUNT(DISTINCT a, b) ----
const COUNT_TUPLES = ['region, channel', 'region_bin, channel', 'product, yr', 'channel, yr', 'qty, channel', 'region, product', 'sold, channel', 'amount, qty', 'region, channel, yr'];
const countDistinct: LongTailQuery[] = [
  ...COUNT_TUPLES.map((t) => q('count distinct tuple', `SELECT COUNT(DISTINCT ${t}) FROM lt_grouping_sales`)),
  ...COUNT_TUPLES.slice(0, 6).map((t) => q('count distinct tuple', `SELECT yr, COUNT(DISTINCT ${t}) AS n FROM lt_grouping_sales GROUP BY yr ORDER BY yr`)),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT name, status), COUNT(DISTINCT name_bin, status), COUNT(DISTINCT name_uni, flag) FROM people'),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT name, code), COUNT(DISTINCT code, name_bin) FROM people'),
  q('count distinct tuple', 'SELECT flag, COUNT(DISTINCT name, tiny) FROM people GROUP BY flag ORDER BY flag'),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT person_id, customer) AS pairs FROM orders'),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT k, v) FROM lt_grouping_empty'),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT ubig, big), COUNT(DISTINCT score, ratio) FROM people'),
  q('count distinct tuple', "SELECT COUNT(DISTINCT region, 'x'), COUNT(DISTINCT channel, NULL) FROM lt_grouping_sales"),
  q('count distinct tuple', 'SELECT channel, COUNT(DISTINCT region, product) FROM lt_grouping_sales GROUP BY channel HAVING COUNT(DISTINCT region, product) > 1 ORDER BY channel'),
  q('count distinct tuple', 'SELECT COUNT(DISTINCT YEAR(sold), MONTH(sold)) AS months FROM lt_grouping_sales'),
  q('count distinct tuple', 'SELECT yr, COUNT(DISTINCT region, channel) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP'),
];

// ---- STD, VARIANCE and their kin ----
const STATS = ['STD', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP'];
const statistics: LongTailQuery[] = [
  ...STATS.flatMap((f) => ['qty', 'amount', 'yr', 'id'].map((c) => q('std and variance', `SELECT ${f}(${c}) FROM lt_grouping_sales`))),
  ...STATS.map((f) => q('std and variance', `SELECT channel, ${f}(qty) AS s, ${f}(amount) AS a FROM lt_grouping_sales GROUP BY channel ORDER BY channel`)),
  ...STATS.map((f) => q('std and variance', `SELECT ${f}(price) FROM lt_grouping_sales`)),
  ...['STD', 'VAR_SAMP', 'STDDEV_SAMP'].map((f) => q('std and variance', `SELECT ${f}(tiny), ${f}(u), ${f}(amount) FROM people`)),
  q('std and variance', 'SELECT STD(qty) FROM lt_grouping_sales WHERE id = 1'),
  q('std and variance', 'SELECT STDDEV_SAMP(qty), VAR_SAMP(amount) FROM lt_grouping_sales WHERE id = 1'),
  q('std and variance', 'SELECT STD(v), VARIANCE(v) FROM lt_grouping_empty'),
  q('std and variance', 'SELECT STD(NULL), VARIANCE(NULL)'),
  q('std and variance', 'SELECT ROUND(STD(amount), 2), ROUND(VARIANCE(qty), 3) FROM lt_grouping_sales'),
  q('std and variance', 'SELECT STD(score) FROM people'),
  q('std and variance', 'SELECT yr, STD(amount) FROM lt_grouping_sales GROUP BY yr WITH ROLLUP'),
  q('std and variance', 'SELECT STD(DISTINCT qty) FROM lt_grouping_sales'),
  q('std and variance', 'SELECT VARIANCE(DISTINCT amount) FROM lt_grouping_sales'),
  q('std and variance window', 'SELECT id, STD(qty) OVER (PARTITION BY channel) AS s FROM lt_grouping_sales ORDER BY id'),
  q('std and variance window', 'SELECT id, VARIANCE(amount) OVER (PARTITION BY yr) AS v FROM lt_grouping_sales ORDER BY id'),
  q('std and variance window', 'SELECT id, STDDEV_SAMP(qty) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM lt_grouping_sales ORDER BY id'),
  q('std and variance window', 'SELECT id, VAR_POP(qty) OVER (ORDER BY id) AS v FROM lt_grouping_sales ORDER BY id'),
];

export const groupingClass: LongTailClass = {
  setup: SETUP,
  queries: [...rollup, ...frames, ...partitions, ...windows, ...countDistinct, ...statistics],
};
