// The long-tail corpus, class "syntax": see ./corpus-query.ts. User variables (SET @x, SELECT @x,
// @x in WHERE, SET @x = (SELECT …)), CASE with a parenthesised operand and mixed result types,
// quantified comparisons (op ALL/ANY/SOME with NULLs and empty sets), row constructors, IN over
// mixed-type lists, CTE column lists and recursive CTEs, and COLLATE in every clause: the shapes
// ORMs, report builders and hand-written SQL send, over the semantics data and lt_syntax_* tables.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';

const queries: LongTailQuery[] = [];
const q = (construct: string, sql: string, session?: string[]) => queries.push({ category: `syntax: ${construct}`, sql, ...(session ? { session } : {}) });

// ---- user variables: SET, then read in the select list and in WHERE ----
const VARIABLE_VALUES = ['5', "'x'", "'bob'", "'BOB '", "'Zoë'", '1.50', '-0.01', '1e3', '2.5e-3', 'NULL', '5000000000', '-3', '18446744073709551615', '0', "''", "'12abc'", "'2024-02-29'", 'TRUE', "_utf8mb4'straße'", '0x41', "'1'"];
for (const v of VARIABLE_VALUES) {
  q('user variables', `SELECT @p`, [`SET @p = ${v}`]);
  q('user variables', `SELECT @p, @p IS NULL, @p + 1, CONCAT(@p, '!'), @p = 5, @p = 'x'`, [`SET @p := ${v}`]);
  q('user variables', `SELECT id FROM people WHERE name = @p OR amount = @p OR id = @p ORDER BY id`, [`SET @p = ${v}`]);
}
q('user variables', 'SELECT @never_set, @never_set IS NULL, COALESCE(@never_set, 7)');
q('user variables', 'SELECT @a, @b, @c', ['SET @a = 1, @b = \'two\', @c = 3.25']);
q('user variables', 'SELECT @a + @c, CONCAT(@b, @a), @a < @c', ['SET @a = 1, @b = \'two\', @c = 3.25']);
q('user variables', 'SELECT @A, @a', ['SET @a = 10']);
q('user variables', 'SELECT @`my var`, @\'q v\'', ['SET @`my var` = 4, @\'q v\' = \'it\'\'s\'']);
q('user variables', 'SELECT @p', ["SET @p = 'a'", "SET @p = 42"]);
q('user variables', 'SELECT @p', ['SET @p = 42', 'SET @p = NULL']);
q('user variables', 'SELECT @p * 2, @p / 3, @p DIV 2, -@p', ['SET @p = 7']);
q('user variables', 'SELECT @p * 2, @p / 3, -@p', ['SET @p = 2.5e0']);
q('user variables', 'SELECT id, name FROM people WHERE id > @lo AND id <= @hi ORDER BY id', ['SET @lo = 3, @hi = 7']);
q('user variables', 'SELECT id, name FROM people WHERE id BETWEEN @lo AND @hi ORDER BY id', ['SET @lo = 3, @hi = 7']);
q('user variables', 'SELECT id FROM people WHERE name = @n ORDER BY id', ["SET @n = 'bob'"]);
q('user variables', 'SELECT id FROM people WHERE name_bin = @n ORDER BY id', ["SET @n = 'bob'"]);
q('user variables', 'SELECT id FROM people WHERE name_uni = @n ORDER BY id', ["SET @n = 'strasse'"]);
q('user variables', 'SELECT id FROM people WHERE name LIKE @pat ORDER BY id', ["SET @pat = 'zo%'"]);
q('user variables', 'SELECT id FROM people WHERE name LIKE CONCAT(@pat, \'%\') ORDER BY id', ["SET @pat = 'E'"]);
q('user variables', 'SELECT id FROM people WHERE born >= @d ORDER BY id', ["SET @d = '2024-06-01'"]);
q('user variables', 'SELECT id FROM people WHERE seen < @d ORDER BY id', ["SET @d = '2024-01-01'"]);
q('user variables', 'SELECT id FROM people WHERE status = @s ORDER BY id', ["SET @s = 'void'"]);
q('user variables', 'SELECT id FROM people WHERE code = @c ORDER BY id', ["SET @c = 'ab'"]);
q('user variables', 'SELECT id FROM people WHERE ubig > @u ORDER BY id', ['SET @u = 9223372036854775807']);
q('user variables', 'SELECT id FROM people WHERE big = @b ORDER BY id', ['SET @b = -9223372036854775808']);
q('user variables', 'SELECT id FROM people WHERE score > @f ORDER BY id', ['SET @f = 1e15']);
q('user variables', 'SELECT id FROM people WHERE amount > @m ORDER BY id', ['SET @m = 99.99']);
q('user variables', 'SELECT id FROM people WHERE id IN (@a, @b, @c) ORDER BY id', ['SET @a = 1, @b = 5, @c = NULL']);
q('user variables', 'SELECT id FROM people ORDER BY id LIMIT 3', ['SET @unused = 1']);
q('user variables', 'SELECT count(*) FROM people WHERE name = @missing');
q('user variables', 'SELECT count(*), sum(amount) FROM people WHERE id <= @n', ['SET @n = 10']);
q('user variables', 'SELECT customer, total FROM orders WHERE person_id = @pid ORDER BY id', ['SET @pid = 2']);
q('user variables', 'SELECT IF(@flag, \'on\', \'off\'), @flag', ['SET @flag = 1']);
q('user variables', 'SELECT CASE WHEN @p > 3 THEN \'big\' ELSE \'small\' END', ['SET @p = 5']);
q('user variables', 'SELECT @p, @p', ['SET @p = 1', 'SET @p = @p + 1']);
q('user variables', 'SELECT @q', ['SET @p = 5', "SET @q = CONCAT('v', @p)"]);
q('user variables', 'SELECT @q, @r', ['SET @q = UPPER(\'zoë\'), @r = 2 * 3']);
q('user variables', 'SELECT @s COLLATE utf8mb4_bin = \'BOB\', @s = \'BOB\'', ["SET @s = 'bob'"]);
q('user variables', 'SELECT LENGTH(@s), CHAR_LENGTH(@s), UPPER(@s)', ["SET @s = 'straße'"]);
q('user variables', 'SELECT id, @p FROM people WHERE id < 4 ORDER BY id', ['SET @p = \'k\'']);
q('user variables', 'SELECT id FROM people WHERE id = @p', ['SET @p = \'3\'']);
q('user variables', 'SELECT id FROM people WHERE name = @p ORDER BY id', ['SET @p = 0']);

// ---- SET @x = (SELECT …): evaluated once, typed as its column ----
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT max(amount) FROM people)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT count(*) FROM people)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT name FROM people WHERE id = 5)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT name FROM people WHERE id = 999)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT score FROM people WHERE id = 18)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT born FROM people WHERE id = 2)']);
q('SET from a subquery', 'SELECT id FROM people WHERE amount = @m', ['SET @m = (SELECT max(amount) FROM people)']);
q('SET from a subquery', 'SELECT id FROM orders WHERE total > @avg ORDER BY id', ['SET @avg = (SELECT avg(total) FROM orders)']);
q('SET from a subquery', 'SELECT @lo, @hi', ['SET @lo = (SELECT min(id) FROM orders), @hi = (SELECT max(id) FROM orders)']);
q('SET from a subquery', 'SELECT id FROM people WHERE id > @top - 3 ORDER BY id', ['SET @top = (SELECT max(id) FROM people)']);
q('SET from a subquery', 'SELECT @m', ['SET @m = (SELECT name FROM people ORDER BY id LIMIT 1)']);

// ---- SELECT @x := expr, with no FROM or over exactly one row ----
q('assignment in SELECT', 'SELECT @x := 5');
q('assignment in SELECT', 'SELECT @x := 5, @x');
q('assignment in SELECT', "SELECT @x := 'abc'");
q('assignment in SELECT', 'SELECT @x', ['SELECT @x := 41 + 1']);
q('assignment in SELECT', 'SELECT @x := count(*) FROM people');
q('assignment in SELECT', 'SELECT @x', ['SELECT @x := count(*) FROM people']);
q('assignment in SELECT', 'SELECT @x := name FROM people WHERE id = 5');
q('assignment in SELECT', 'SELECT @x := id FROM people ORDER BY id');
q('assignment in SELECT', 'SELECT @r := @r + 1 AS rn, id FROM people ORDER BY id', ['SET @r = 0']);
q('assignment in SELECT', 'SELECT @v', ['SELECT max(amount) INTO @v FROM people']);
q('assignment in SELECT', 'SELECT @a, @b', ['SELECT min(id), max(id) INTO @a, @b FROM orders']);

// ---- CASE with a parenthesised operand, and mixed result types ----
const CASE_OPERANDS = ['(id)', '(id % 3)', '(status)', '(name)', '(flag)', '(amount > 0)', '(yr)'];
for (const op of CASE_OPERANDS) {
  q('CASE operand', `SELECT id, CASE ${op} WHEN 1 THEN 'one' WHEN 2 THEN 'two' WHEN 'open' THEN 'o' WHEN 'bob' THEN 'b' ELSE 'other' END FROM people ORDER BY id`);
  q('CASE operand', `SELECT id, CASE (${op}) WHEN 0 THEN 0 WHEN 1 THEN 1.5 END FROM people ORDER BY id`);
}
const CASE_BRANCHES: [string, string][] = [
  ['1', "'a'"], ['1', '2.5'], ['1', '1e0'], ['2.50', '1e0'], ['1', 'NULL'], ['amount', 'score'], ['id', 'big'], ['u', 'big'], ['ubig', 'id'], ['born', 'seen'], ['born', "'x'"], ['at_time', 'born'], ['name', 'id'], ['name', 'name_bin'], ['tiny', 'flag'], ['yr', 'id'], ['amount', 'id'], ['ratio', 'amount'], ['NULL', 'NULL'], ['status', "'z'"],
];
for (const [a, b] of CASE_BRANCHES) {
  q('CASE mixed types', `SELECT id, CASE WHEN id % 2 = 0 THEN ${a} ELSE ${b} END AS v FROM people ORDER BY id`);
  q('CASE mixed types', `SELECT id, CASE id % 3 WHEN 0 THEN ${a} WHEN 1 THEN ${b} END AS v FROM people ORDER BY id`);
}
q('CASE mixed types', "SELECT CASE 1 WHEN 1 THEN 'x' WHEN 2 THEN 2 ELSE 3.5 END");
q('CASE mixed types', "SELECT CASE WHEN NULL THEN 1 WHEN 0 THEN 2 ELSE NULL END");
q('CASE mixed types', "SELECT CASE NULL WHEN NULL THEN 'eq' ELSE 'ne' END");
q('CASE mixed types', "SELECT CASE 'a' WHEN 'A' THEN 'ci' ELSE 'cs' END, CASE 'a' COLLATE utf8mb4_bin WHEN 'A' THEN 'ci' ELSE 'cs' END");
q('CASE mixed types', "SELECT id, CASE name WHEN 'bob' THEN 1 WHEN 'zoe' THEN 2 ELSE 0 END FROM people ORDER BY id");
q('CASE mixed types', "SELECT id, CASE name_bin WHEN 'bob' THEN 1 WHEN 'zoe' THEN 2 ELSE 0 END FROM people ORDER BY id");
q('CASE mixed types', "SELECT id, CASE code WHEN 'ab' THEN 1 ELSE 0 END FROM people ORDER BY id");
q('CASE mixed types', 'SELECT id, CASE id WHEN \'1\' THEN \'s\' WHEN 2.0 THEN \'d\' ELSE \'-\' END FROM people ORDER BY id');
q('CASE mixed types', 'SELECT sum(CASE WHEN status = \'open\' THEN amount ELSE 0 END), sum(CASE status WHEN \'void\' THEN 1 END) FROM people');
q('CASE mixed types', 'SELECT CASE WHEN amount > 100 THEN \'hi\' WHEN amount > 0 THEN \'mid\' ELSE \'lo\' END AS band, count(*) FROM people GROUP BY band ORDER BY band');

// ---- quantified comparisons: op ALL / ANY / SOME (subquery) ----
const QUANT_OPS = ['=', '<>', '<', '<=', '>', '>='];
const QUANT_SETS: [string, string][] = [
  ['n', 'SELECT n FROM lt_syntax_nums WHERE grp = 1'], // 1, 2, 3
  ['n null', 'SELECT n FROM lt_syntax_nums WHERE grp = 2'], // 2, NULL
  ['empty', 'SELECT n FROM lt_syntax_nums WHERE grp = 99'],
  ['only null', 'SELECT n FROM lt_syntax_nums WHERE grp = 3'],
];
for (const op of QUANT_OPS) {
  for (const [, sub] of QUANT_SETS) {
    q('ALL / ANY / SOME', `SELECT v, v ${op} ALL (${sub}), v ${op} ANY (${sub}), v ${op} SOME (${sub}) FROM (SELECT 0 AS v UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT NULL) x ORDER BY v`);
  }
  q('ALL / ANY / SOME', `SELECT id FROM orders WHERE total ${op} ALL (SELECT total FROM orders WHERE person_id = 2) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM orders WHERE total ${op} ANY (SELECT total FROM orders WHERE person_id = 2) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE name ${op} ANY (SELECT customer FROM orders WHERE id < 4) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE name ${op} ALL (SELECT customer FROM orders WHERE id IN (1, 2)) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE name_bin ${op} SOME (SELECT customer FROM orders WHERE id IN (1, 2)) ORDER BY id`);
}
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM orders) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE id <> ALL (SELECT person_id FROM orders WHERE person_id IS NOT NULL) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE NOT (id = ANY (SELECT person_id FROM orders)) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people p WHERE amount > ALL (SELECT total FROM orders o WHERE o.person_id = p.id) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE born > ALL (SELECT placed FROM orders WHERE placed IS NOT NULL) ORDER BY id');
q('ALL / ANY / SOME', "SELECT 'b' = ANY (SELECT 'B'), 'b' COLLATE utf8mb4_bin = ANY (SELECT 'B')");

// ---- row constructors ----
const ROW_TESTS = ['(id, flag) = (1, 1)', 'ROW(id, flag) = ROW(2, 0)', '(id, flag) <> (1, 1)', '(id, flag) IN ((1, 1), (2, 0), (3, NULL))', '(id, flag) NOT IN ((1, 1), (2, 0))', '(flag, id) < (0, 5)', '(flag, id) <= (0, 5)', '(flag, id) > (1, 10)', '(flag, id) >= (1, 10)', '(name, id) = (\'bob\', 3)', '(name_bin, code) = (\'bob\', \'ab\')', '(tiny, flag) IN (SELECT n, grp FROM lt_syntax_nums)', '(id, person_id) IN (SELECT id, person_id FROM orders)', '(flag, tiny) = (NULL, 0)', '(id, flag) <=> (3, NULL)'];
for (const t of ROW_TESTS) {
  q('row constructors', `SELECT id FROM people WHERE ${t} ORDER BY id`);
  q('row constructors', `SELECT id, ${t} AS r FROM people ORDER BY id`);
}
q('row constructors', 'SELECT (1, 2) = (1, 2), (1, 2) = (1, 3), (1, NULL) = (1, 2), (1, NULL) = (2, NULL), (1, 2) < (1, 3), (1, 2) < (2, NULL), (1, NULL) < (1, 2)');
q('row constructors', 'SELECT (1, 2) IN ((1, 2), (3, 4)), (1, 2) IN ((3, 4), (1, NULL)), (1, 2) NOT IN ((3, 4), (1, NULL)), (\'a\', 1) IN ((\'A\', 1))');
q('row constructors', 'SELECT (1, 2, 3) > (1, 2, 2), ROW(1, \'a\') = ROW(1, \'A\'), (2, 1) >= (2, 1)');
q('row constructors', 'SELECT o.id FROM orders o WHERE (o.person_id, o.customer) IN (SELECT id, name FROM people) ORDER BY o.id');
q('row constructors', 'SELECT o.id FROM orders o WHERE (o.person_id, o.placed) = (SELECT id, born FROM people WHERE id = 2) ORDER BY o.id');

// ---- IN over mixed-type lists ----
const IN_LISTS = ["1, '1', 2.0", "'3', 4", "1.5, '2', 3e0", "'bob', 1", "'2024-02-29', 5", "NULL, 1", "'1abc', 2", "'', 0"];
const IN_COLUMNS = ['id', 'name', 'code', 'amount', 'score', 'born', 'seen', 'status', 'yr', 'ubig', 'flag'];
// A date column is compared with dates written as strings or as YYYYMMDD numbers (MariaDB reads
// other numbers as dates it cannot be sure of: refused by the dialect, and no tool sends them).
const DATE_IN_LISTS = ["'2024-02-29', '2023-12-31'", "'2024-02-29', 20231231", "'2024-2-29', '2000-01-01 00:00:00'", "20240229, '2025-12-29'", "'2024-02-29', NULL", "'not a date', '2000-01-01'", "'2024-12-31 00:00:00', 20240131"];
for (const col of IN_COLUMNS) {
  const lists = col === 'born' || col === 'seen' ? DATE_IN_LISTS : IN_LISTS;
  for (const list of lists) q('IN mixed types', `SELECT id FROM people WHERE ${col} IN (${list}) ORDER BY id`);
}
q('IN mixed types', "SELECT 1 IN (1, '1', 2.0), '1' IN (1, 'x'), 'a' IN (0, 'b'), 2 IN ('2abc', 3), NULL IN (1, 2), 1 IN (2, NULL), 1 NOT IN (2, NULL)");
q('IN mixed types', "SELECT id, born IN ('2024-02-29', '2023-12-31', 20000101) FROM people ORDER BY id");
q('IN mixed types', "SELECT id, seen IN ('2024-12-31', '2024-12-31 00:00:00') FROM people ORDER BY id");
q('IN mixed types', "SELECT id, name IN (0, 'bob') FROM people ORDER BY id");

// ---- CTEs with column lists, several CTEs, recursive CTEs ----
q('CTE column lists', 'WITH c(a, b) AS (SELECT id, name FROM people WHERE id < 5) SELECT a, b FROM c ORDER BY a');
q('CTE column lists', 'WITH c(k, total) AS (SELECT person_id, sum(total) FROM orders GROUP BY person_id) SELECT k, total FROM c ORDER BY k');
q('CTE column lists', 'WITH a AS (SELECT id FROM people WHERE id < 5), b AS (SELECT id FROM a WHERE id > 2) SELECT id FROM b ORDER BY id');
q('CTE column lists', 'WITH c(x) AS (SELECT id FROM people WHERE id < 6) SELECT l.x, r.x FROM c l JOIN c r ON r.x = l.x + 1 ORDER BY l.x');
q('CTE column lists', 'WITH c(x) AS (SELECT amount FROM people) SELECT count(*), sum(x), max(x) FROM c');
q('CTE column lists', 'WITH c AS (SELECT customer, total FROM orders), d(n) AS (SELECT count(*) FROM c) SELECT n FROM d');
q('CTE column lists', "WITH c(v) AS (SELECT 'x' UNION ALL SELECT 'y') SELECT v FROM c ORDER BY v");
q('CTE column lists', 'WITH c(a, b) AS (SELECT 1, 2) SELECT b, a FROM c');
const RECURSIVE_BODIES = [
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n ORDER BY i',
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT sum(i), count(*) FROM n',
  'WITH RECURSIVE n(i, sq) AS (SELECT 1, 1 UNION ALL SELECT i + 1, (i + 1) * (i + 1) FROM n WHERE i < 8) SELECT i, sq FROM n ORDER BY i',
  "WITH RECURSIVE s(i, t) AS (SELECT 1, CAST('a' AS CHAR(20)) UNION ALL SELECT i + 1, CONCAT(t, 'a') FROM s WHERE i < 5) SELECT i, t FROM s ORDER BY i",
  "WITH RECURSIVE d(dt) AS (SELECT DATE '2024-01-31' UNION ALL SELECT dt + INTERVAL 1 MONTH FROM d WHERE dt < '2024-12-01') SELECT dt FROM d ORDER BY dt",
  'WITH RECURSIVE n(i) AS (SELECT 1.5 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n ORDER BY i',
  'WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 5 FROM n WHERE i < 30) SELECT n.i, p.name FROM n LEFT JOIN people p ON p.id = n.i ORDER BY n.i',
  'WITH RECURSIVE fib(k, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT k + 1, b, a + b FROM fib WHERE k < 20) SELECT k, a FROM fib ORDER BY k',
  'WITH RECURSIVE n AS (SELECT 1 AS i UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n ORDER BY i',
  'WITH RECURSIVE chain(id, parent, depth) AS (SELECT id, parent, 0 FROM lt_syntax_tree WHERE parent IS NULL UNION ALL SELECT t.id, t.parent, c.depth + 1 FROM lt_syntax_tree t JOIN chain c ON t.parent = c.id) SELECT id, parent, depth FROM chain ORDER BY id',
  "WITH RECURSIVE path(id, p) AS (SELECT id, CAST(label AS CHAR(200)) FROM lt_syntax_tree WHERE parent IS NULL UNION ALL SELECT t.id, CONCAT(path.p, '/', t.label) FROM lt_syntax_tree t JOIN path ON t.parent = path.id) SELECT id, p FROM path ORDER BY id",
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION SELECT i + 1 FROM n WHERE i < 6) SELECT i FROM n ORDER BY i',
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3), m(j) AS (SELECT i * 10 FROM n) SELECT i, j FROM n JOIN m ON m.j = n.i * 10 ORDER BY i',
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4) SELECT a.i, b.i FROM n a JOIN n b ON b.i = a.i ORDER BY a.i',
];
for (const sql of RECURSIVE_BODIES) q('recursive CTE', sql);

// ---- COLLATE in every clause ----
const COLLATE_NAMES = ['utf8mb4_bin', 'utf8mb4_general_ci', 'utf8mb4_unicode_ci', 'utf8mb4_nopad_bin'];
for (const coll of COLLATE_NAMES) {
  q('COLLATE positions', `SELECT id FROM people WHERE name COLLATE ${coll} = 'bob' ORDER BY id`);
  q('COLLATE positions', `SELECT id FROM people WHERE name = 'Zoe' COLLATE ${coll} ORDER BY id`);
  q('COLLATE positions', `SELECT name COLLATE ${coll} AS n, id FROM people ORDER BY n, id`);
  q('COLLATE positions', `SELECT id, name FROM people ORDER BY name COLLATE ${coll} DESC, id`);
  q('COLLATE positions', `SELECT count(*) FROM (SELECT name COLLATE ${coll} AS n FROM people GROUP BY name COLLATE ${coll}) g`);
  q('COLLATE positions', `SELECT count(DISTINCT name COLLATE ${coll}) FROM people`);
  q('COLLATE positions', `SELECT min(name COLLATE ${coll}), max(name COLLATE ${coll}) FROM people`);
  q('COLLATE positions', `SELECT id, name COLLATE ${coll} = 'bob ', name COLLATE ${coll} LIKE 'zo%' FROM people ORDER BY id`);
  q('COLLATE positions', `SELECT id FROM people WHERE name IN ('bob', 'zoe') COLLATE ${coll} ORDER BY id`);
  q('COLLATE positions', `SELECT customer COLLATE ${coll} AS c, count(*) FROM orders GROUP BY c ORDER BY min(id)`);
}

// ---- more shapes: what ORMs and report tools combine ----
// Variables as report parameters over several columns and operators.
const PARAMS: [string, string, string][] = [
  ['@lo', '2', 'id > @lo'], ['@name', "'zoe'", 'name = @name'], ['@name', "'ZOË'", 'name_uni = @name'], ['@name', "'Bob'", 'name_bin <> @name'],
  ['@cut', '100', 'amount >= @cut'], ['@cut', '1e2', 'score < @cut'], ['@day', "'2024-02-29'", 'born = @day'], ['@day', "'2024-02-29 08:30:45.123456'", 'seen = @day'],
  ['@st', "'open'", 'status = @st'], ['@y', '2024', 'yr = @y'], ['@u', '4294967295', 'u = @u'],
  ['@pat', "'%e%'", 'name LIKE @pat'], ['@n', '3', 'id MOD @n = 0'], ['@neg', '-1', 'tiny < @neg'], ['@big', '9007199254740993', 'ubig = @big'],
  ['@x', "'100'", 'amount = @x'], ['@x', "'abc'", 'id = @x'], ['@f', '0.1e0', 'ratio = @f'], ['@dec', '5.05', 'amount = @dec'],
  ['@dec', '12.340', 'amount IN (@dec, 0)'], ['@dec', '100', 'amount BETWEEN @dec AND 1000'], ['@dec', '0.00', 'amount <=> @dec'],
];
for (const [name, value, cond] of PARAMS) {
  q('user variables', `SELECT id FROM people WHERE ${cond} ORDER BY id`, [`SET ${name} = ${value}`]);
  q('user variables', `SELECT count(*) FROM people WHERE NOT (${cond})`, [`SET ${name} := ${value}`]);
}
q('user variables', 'SELECT id FROM people WHERE id IN (SELECT person_id FROM orders WHERE total > @t) ORDER BY id', ['SET @t = 10']);
q('user variables', 'SELECT p.id, o.total FROM people p JOIN orders o ON o.person_id = p.id AND o.total > @t ORDER BY o.id', ['SET @t = 3']);
q('user variables', 'SELECT status, count(*) FROM people WHERE id <= @n GROUP BY status ORDER BY status', ['SET @n = 12']);
q('user variables', 'SELECT id FROM people ORDER BY id LIMIT 2', ['SET @a = 1', 'SET @b = @a + 1', 'SET @c = @b * 10']);
q('user variables', 'SELECT @a, @b, @c', ['SET @a = 1', 'SET @b = @a + 1', 'SET @c = @b * 10']);
q('user variables', 'SELECT @a, @b', ['SET @a = 1, @b = @a + 1']);
q('user variables', 'SELECT @s, @s = \'x\'', ['SET @s = \'x\'', 'SET @s = CONCAT(@s, \'y\')']);
q('user variables', 'SELECT @i', ['SET @i = 18446744073709551615']);
q('user variables', 'SELECT @i + 0, @i = 18446744073709551615', ['SET @i = 18446744073709551615']);
q('user variables', 'SELECT @d = 2.5, @d > 2, @d IN (2.5, 3)', ['SET @d = 2.50']);
q('user variables', 'SELECT id FROM people WHERE amount > @m ORDER BY id', ['SET @m = (SELECT avg(amount) FROM people)']);
q('user variables', 'SELECT @v IS NULL', ['SET @v = (SELECT amount FROM people WHERE id = 17)']);
q('user variables', 'SELECT @v, @v + 1', ['SET @v = (SELECT ubig FROM people WHERE id = 1)']);
q('user variables', 'SELECT @v, @v * 2', ['SET @v = (SELECT tiny FROM people WHERE id = 2)']);
q('user variables', 'SELECT @v', ['SET @v = (SELECT yr FROM people WHERE id = 3)']);
q('user variables', 'SELECT @v, @v = \'{"vip": true, "n": 1}\'', ['SET @v = (SELECT doc FROM people WHERE id = 1)']);
q('user variables', 'SELECT @v', ['SET @v = (SELECT seen FROM people WHERE id = 3)']);
q('user variables', 'SELECT id FROM people WHERE seen = @v', ['SET @v = (SELECT seen FROM people WHERE id = 3)']);
q('user variables', 'SELECT @v', ['SET @v = (SELECT status FROM people WHERE id = 2)']);
q('user variables', 'SELECT @v', ['SET @v = (SELECT ratio FROM people WHERE id = 4)']);
q('user variables', 'SELECT @v, @v * 1', ['SET @v = (SELECT score FROM people WHERE id = 1)']);
q('user variables', 'SELECT @v', ['SET @pid = 2', 'SET @v = (SELECT count(*) FROM orders WHERE person_id = @pid)']);
q('user variables', 'SELECT @V1, @v1', ['SET @v1 = \'case\'']);
q('user variables', 'SELECT @a', ['SET @a = 1, SESSION wait_timeout = 28800']);
q('user variables', 'SELECT @a', ['SET SESSION net_read_timeout = 30, @a = 2']);
for (const into of ['SELECT count(*) INTO @c FROM people', 'SELECT name, id INTO @n, @i FROM people WHERE id = 5', 'SELECT min(born), max(seen) INTO @lo, @hi FROM people', 'SELECT name INTO @n FROM people WHERE id = 999', 'SELECT sum(total) INTO @t FROM orders', 'SELECT max(score) INTO @s FROM people', 'SELECT CONCAT(name, \'!\') INTO @n FROM people WHERE id = 1']) {
  q('assignment in SELECT', 'SELECT @c, @n, @i, @lo, @hi, @t, @s', ['SET @c = NULL, @n = NULL, @i = NULL, @lo = NULL, @hi = NULL, @t = NULL, @s = NULL', into]);
}
q('assignment in SELECT', 'SELECT @i, @n', ['SELECT id, name FROM people ORDER BY id LIMIT 1 INTO @i, @n']);
q('assignment in SELECT', 'SELECT @i', ['SELECT id FROM people WHERE id = 3 INTO @i']);
q('assignment in SELECT', 'SELECT @j, @j = \'{"vip": true, "n": 1}\'', ['SELECT doc INTO @j FROM people WHERE id = 1']);
for (const e of ['count(*)', 'max(name)', 'min(id)', 'sum(total)', 'avg(score)', 'max(score)', "group_concat(id ORDER BY id)", 'count(DISTINCT status)']) {
  const from = e.includes('total') ? 'orders' : 'people';
  q('assignment in SELECT', `SELECT @x := ${e} FROM ${from}`);
  q('assignment in SELECT', 'SELECT @x', [`SELECT @x := ${e} FROM ${from}`]);
}
for (const e of ['1 + 1', "'text'", '2.5', '1e1', "CONCAT('a', 'b')", 'NULL', 'NOW() IS NOT NULL', '-9223372036854775808', "UPPER('zoë')"]) {
  q('assignment in SELECT', `SELECT @y := ${e}`);
  q('assignment in SELECT', 'SELECT @y', [`SELECT @y := ${e}`]);
  q('assignment in SELECT', 'SELECT @y', [`SET @y = ${e}`]);
}
// Quantified comparisons under one collation, correlated, over dates and decimals.
for (const op of QUANT_OPS) {
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE name ${op} ANY (SELECT name FROM people WHERE id IN (1, 5, 17)) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE name_bin ${op} ALL (SELECT name_bin FROM people WHERE id IN (2, 13)) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM people WHERE born ${op} ALL (SELECT placed FROM orders WHERE id IN (1, 2, 3)) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id FROM orders o WHERE total ${op} SOME (SELECT amount FROM people p WHERE p.id = o.person_id OR p.id = 17) ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id, amount ${op} ALL (SELECT total FROM orders WHERE person_id = 99) FROM people ORDER BY id`);
  q('ALL / ANY / SOME', `SELECT id, score ${op} ANY (SELECT n FROM lt_syntax_nums) FROM people ORDER BY id`);
}
// Row constructors over text and dates, and mixed types.
for (const t of ["(name, born) = ('bob', '1990-02-28')", "(name_bin, id) IN (('bob', 1), ('Bob', 2), ('BOB', 99))", "(code, status) = ('AB', 'closed')", '(yr, flag) > (2020, 0)', "(born, id) < ('2024-01-01', 0)", '(amount, score) >= (100, 100)', "ROW(name_uni, u) = ROW('STRASSE', 10)", '(status, name) IN (SELECT status, name FROM people WHERE id < 4)', '(id, id) NOT IN (SELECT n, n FROM lt_syntax_nums)']) {
  q('row constructors', `SELECT id FROM people WHERE ${t} ORDER BY id`);
}
// CTEs in ORMs' shapes.
q('CTE column lists', 'WITH t(pid, n, s) AS (SELECT person_id, count(*), sum(total) FROM orders GROUP BY person_id) SELECT p.name, t.n, t.s FROM people p JOIN t ON t.pid = p.id ORDER BY p.id');
q('CTE column lists', 'WITH a(x) AS (SELECT id FROM people WHERE id < 4), b(y) AS (SELECT x * 2 FROM a) SELECT x, y FROM a JOIN b ON y = x * 2 ORDER BY x');
q('CTE column lists', 'WITH c(v) AS (SELECT 1) SELECT v * 10, v + 1.5, v FROM c');
q('CTE column lists', "WITH c(s) AS (SELECT 'abc') SELECT s, CONCAT(s, 'd'), LENGTH(s) FROM c");
q('CTE column lists', 'WITH c(n) AS (SELECT name FROM people) SELECT n, count(*) FROM c GROUP BY n ORDER BY min(n), 2');
q('CTE column lists', 'WITH c AS (SELECT id, amount FROM people) SELECT (SELECT max(amount) FROM c), (SELECT min(id) FROM c)');
q('CTE column lists', 'WITH c(k) AS (SELECT id FROM people) SELECT count(*) FROM c a, c b WHERE a.k < b.k');
q('recursive CTE', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3) SELECT i * 10, i + 0.5, CONCAT(i) FROM n ORDER BY i');
q('recursive CTE', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12) SELECT p.id, p.name FROM people p JOIN n ON n.i = p.id ORDER BY p.id');
q('recursive CTE', "WITH RECURSIVE d(day) AS (SELECT DATE '2024-02-27' UNION ALL SELECT day + INTERVAL 1 DAY FROM d WHERE day < '2024-03-02') SELECT day, DAYNAME(day) FROM d ORDER BY day");
q('recursive CTE', 'WITH RECURSIVE up(id, parent, lvl) AS (SELECT id, parent, 1 FROM lt_syntax_tree WHERE id = 5 UNION ALL SELECT t.id, t.parent, up.lvl + 1 FROM lt_syntax_tree t JOIN up ON t.id = up.parent) SELECT id, lvl FROM up ORDER BY lvl');
q('recursive CTE', "WITH RECURSIVE s(i, t) AS (SELECT 1, CAST('a' AS CHAR(5)) UNION ALL SELECT i + 1, CONCAT(t, 'a') FROM s WHERE i < 9) SELECT i, t FROM s ORDER BY i");
q('recursive CTE', 'WITH RECURSIVE n(i) AS (SELECT 1.5 UNION ALL SELECT i + 1 FROM n WHERE i < 20) SELECT max(i) FROM n');
q('recursive CTE', 'WITH RECURSIVE n(i, s) AS (SELECT 1, 0 UNION ALL SELECT i + 1, s + i FROM n WHERE i < 100) SELECT max(i), max(s), count(*) FROM n');
// CASE with a parenthesised operand over more types.
for (const op of ['(born)', '(status)', '(name_bin)', '(u)', '(LEFT(name, 1))', '(id > 10)', '((id))']) {
  q('CASE operand', `SELECT id, CASE ${op} WHEN '2024-02-29' THEN 'leap' WHEN 'Bob' THEN 'B' WHEN 'b' THEN 'b' WHEN 0 THEN 'zero' WHEN 1 THEN 'one' END FROM people ORDER BY id`);
}
q('CASE operand', 'SELECT CASE (SELECT max(id) FROM people) WHEN 20 THEN \'twenty\' ELSE \'other\' END');
q('CASE operand', 'SELECT id, CASE (id) WHEN 1 THEN (CASE (flag) WHEN 1 THEN \'a\' ELSE \'b\' END) ELSE \'c\' END FROM people ORDER BY id');

// ---- held-out style probes: other columns, arguments and combinations ----
const PROBE_VARS: [string, string][] = [['@s', "'Bob'"], ['@i', '7'], ['@f', '2.5e0'], ['@d', "'2024-02-29'"], ['@e', "''"], ['@z', '0'], ['@neg', '-5'], ['@txt', "'12.5abc'"]];
const PROBE_EXPRS = ['{v} * 2', '-{v}', '{v} DIV 2', 'IFNULL({v}, 0)', 'COALESCE({v}, id)', 'GREATEST({v}, 3)', 'LEAST({v}, id)', '{v} LIKE \'B%\'', 'LENGTH({v})', 'SUBSTRING({v}, 1, 2)', 'IF({v}, 1, 0)', '{v} IS NOT NULL', '{v} + amount', 'ROUND({v})', 'ABS({v})', 'CAST({v} AS CHAR)', 'CAST({v} AS SIGNED)', '{v} = name', '{v} < born', '{v} BETWEEN 1 AND 10'];
for (const [v, value] of PROBE_VARS) {
  for (const e of PROBE_EXPRS) q('user variables', `SELECT id, ${e.replaceAll('{v}', v)} AS r FROM people WHERE id IN (1, 2, 17) ORDER BY id`, [`SET ${v} = ${value}`]);
}
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE id = ANY (SELECT person_id FROM orders ORDER BY id LIMIT 2) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE id > ALL (SELECT person_id FROM orders WHERE person_id < 5) AND id < 8 ORDER BY id');
q('ALL / ANY / SOME', 'SELECT status, count(*) FROM people GROUP BY status HAVING count(*) >= ALL (SELECT count(*) FROM people GROUP BY status) ORDER BY status');
q('ALL / ANY / SOME', 'SELECT person_id, sum(total) FROM orders GROUP BY person_id HAVING sum(total) > ANY (SELECT total FROM orders WHERE id < 3) ORDER BY person_id');
q('user variables', 'SELECT LEFT(@s, 2), RIGHT(@s, 3), SUBSTRING(@s, 2, 3), MID(@s, 1, 1), UPPER(@s), TRIM(@s), IFNULL(@s, 0)', ["SET @s = ' Straße '"]);
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE u <> ALL (SELECT n FROM lt_syntax_nums WHERE n IS NOT NULL) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE ubig >= ANY (SELECT big FROM people WHERE big > 0) ORDER BY id');
q('ALL / ANY / SOME', "SELECT id FROM people WHERE code = ANY (SELECT code FROM people WHERE code LIKE 'a%') ORDER BY id");
q('ALL / ANY / SOME', 'SELECT id FROM people WHERE NOT (amount < ALL (SELECT total FROM orders)) ORDER BY id');
q('ALL / ANY / SOME', 'SELECT id, (id, flag) = ANY (SELECT n, grp FROM lt_syntax_nums) FROM people ORDER BY id');
q('row constructors', 'SELECT id FROM people WHERE (id, flag) IN (SELECT n, grp FROM lt_syntax_nums ORDER BY id LIMIT 3) ORDER BY id');
q('row constructors', "SELECT id FROM people WHERE (name, code) = ('BOB', 'ab') ORDER BY id");
q('row constructors', "SELECT id FROM people WHERE (name_uni, code) IN (('strasse', 'ß'), ('Zoë', 'zoe')) ORDER BY id");
q('row constructors', 'SELECT id FROM people WHERE (seen, id) > (\'2024-06-01\', 0) ORDER BY id');
q('row constructors', 'SELECT (SELECT count(*) FROM people WHERE (id, flag) <> (1, 1))');
q('row constructors', 'SELECT id FROM people WHERE (id, flag) = (SELECT n, grp FROM lt_syntax_nums WHERE id = 99) ORDER BY id');
q('CTE column lists', 'WITH c(a, b) AS (SELECT id, name FROM people WHERE id < 4) SELECT * FROM c ORDER BY a');
q('CTE column lists', 'WITH c(x) AS (SELECT id FROM people) SELECT id FROM people WHERE id IN (SELECT x FROM c WHERE x > 18) ORDER BY id');
q('CTE column lists', 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n ORDER BY i DESC LIMIT 3');
q('CTE column lists', 'WITH c(total) AS (SELECT sum(total) FROM orders) SELECT total, total * 2 FROM c');
q('recursive CTE', 'WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i - 3 FROM n WHERE i > 0) SELECT i FROM n ORDER BY i');
q('recursive CTE', "WITH RECURSIVE s(i, t) AS (SELECT 1, CAST('x' AS CHAR(10)) UNION ALL SELECT i + 1, CONCAT(t, i) FROM s WHERE i < 4) SELECT i, t, LENGTH(t) FROM s ORDER BY i");
q('recursive CTE', 'WITH RECURSIVE n(i, d) AS (SELECT 1, 0.50 UNION ALL SELECT i + 1, d * 2 FROM n WHERE i < 4) SELECT i, d FROM n ORDER BY i');
q('CASE mixed types', 'SELECT id, CASE WHEN id > 10 THEN score ELSE ratio END FROM people ORDER BY id');
q('CASE mixed types', 'SELECT id, CASE WHEN id > 10 THEN yr ELSE u END FROM people ORDER BY id');
q('CASE mixed types', "SELECT id, CASE WHEN id > 10 THEN seen ELSE '2024-01-01' END FROM people ORDER BY id");
q('CASE mixed types', 'SELECT id, CASE WHEN id > 10 THEN big ELSE ubig END FROM people ORDER BY id');
q('CASE mixed types', 'SELECT id, IF(id > 10, tiny, u), COALESCE(tiny, u), IFNULL(big, ubig) FROM people ORDER BY id');
q('COLLATE positions', 'SELECT name COLLATE utf8mb4_bin AS n FROM people GROUP BY n ORDER BY n');
q('COLLATE positions', 'SELECT id FROM people WHERE name_bin = name COLLATE utf8mb4_bin ORDER BY id');
q('COLLATE positions', "SELECT id, name FROM people HAVING name COLLATE utf8mb4_unicode_ci = 'strasse' ORDER BY id");
q('COLLATE positions', 'SELECT DISTINCT name COLLATE utf8mb4_general_ci AS n FROM people ORDER BY n');

// A DATE or DATETIME against a value that is no date literal: MySQL compares both as DATETIMEs, the
// other side read by MySQL's rules (a string as a date, a number as YYYYMMDD[hhmmss]; no date at
// all is the zero date, below every date).
{
  const others = [
    'id', 'tiny', 'u', 'ubig', 'big', 'score', 'amount', "CONCAT('2024-02-', '29')", "CONCAT('2024-2-', 29)", "CONCAT(born, ' 08:30:45')",
    "CONCAT('x', 'y')", "''", "'not a date'", "'2024-02-29 10:00:00'", "'2024-02-29T00:00'", "'20240229'", "'2024-13-01'", "'2024-02-29 25:00:00'",
    '0', '7', '101', '240229', '20241301', '20240229100000', 'CAST(born AS CHAR)', "DATE_FORMAT(seen, '%Y-%m-%d %H:%i:%s')", 'id + 20240200',
  ];
  for (const col of ['born', 'seen']) {
    for (const o of others) q('date compared with a computed value', `SELECT id, ${col} < ${o}, ${col} = ${o}, ${o} >= ${col}, ${col} <=> ${o} FROM people ORDER BY id`);
  }
  const sessions: [string, string][] = [['@i', '20240229'], ['@s', "'Bob'"], ['@e', "''"], ['@z', '0'], ['@neg', '-5'], ['@txt', "'12.5abc'"], ['@d', "'2024-02-29'"], ['@dt', "'2024-02-29 08:30:45.123456'"]];
  for (const [name, value] of sessions) {
    q('date compared with a computed value', `SELECT id, ${name} < born, ${name} = born, seen > ${name}, seen = ${name} FROM people ORDER BY id`, [`SET ${name} = ${value}`]);
  }
  q('date compared with a computed value', "SELECT id FROM people WHERE born IN ('not a date', '2000-01-01') ORDER BY id");
  q('date compared with a computed value', "SELECT id FROM people WHERE seen IN ('not a date', '2000-01-01 00:00:00.000001', CONCAT('2024-', '02-29 08:30:45.123456')) ORDER BY id");
  q('date compared with a computed value', "SELECT id FROM people WHERE born BETWEEN 20000101 AND CONCAT('2024', '-03-01') ORDER BY id");
  q('date compared with a computed value', "SELECT id, CASE born WHEN 0 THEN 'zero' WHEN CONCAT('2024-02-', '29') THEN 'leap' WHEN 'x' THEN 'x' ELSE 'other' END FROM people ORDER BY id");
  q('date compared with a computed value', 'SELECT p.id, o.id FROM people p JOIN orders o ON o.placed < p.born AND o.person_id = p.id ORDER BY p.id, o.id');
  q('date compared with a computed value', "SELECT id FROM people WHERE born > DATE_FORMAT(DATE_SUB(seen, INTERVAL 1 DAY), '%Y-%m-%d') ORDER BY id");
  q('date compared with a computed value', "SELECT count(*) FROM people WHERE seen >= CONCAT(YEAR(born), '-01-01')");
}

// The decimals MariaDB sends for a computed text in a grouped or DISTINCT query: 0 where the value
// is stored in its temporary table, 39 where it is computed after it (around an aggregate, a
// window, a subquery), or where no temporary table is used (grouping by sorting for GROUP_CONCAT
// and DISTINCT aggregates; a grouping that covers the primary key).
{
  const texts = ["CONCAT('x', status)", 'UPPER(status)', "JSON_OBJECT('s', status)", "CONCAT('x', MAX(name))", "JSON_OBJECT('s', status, 'n', COUNT(*))", 'MAX(name)', 'MIN(status)', "CONCAT(status, (SELECT MAX(customer) FROM orders))", "CONCAT('x', 'y')", "CONCAT(status, (SELECT customer FROM orders WHERE id = 1))", "CONCAT('x', (SELECT MAX(customer) FROM orders))"];
  const shapes = [
    (t: string) => `SELECT ${t} AS v FROM people GROUP BY status ORDER BY MIN(id)`,
    (t: string) => `SELECT ${t} AS v FROM people GROUP BY status ORDER BY status`,
    (t: string) => `SELECT ${t} AS v, GROUP_CONCAT(name ORDER BY id) FROM people GROUP BY status ORDER BY status`,
    (t: string) => `SELECT ${t} AS v, COUNT(DISTINCT name) FROM people GROUP BY status ORDER BY status`,
    (t: string) => `SELECT ${t} AS v FROM people GROUP BY status HAVING JSON_ARRAYAGG(id ORDER BY id) IS NOT NULL ORDER BY status`,
    (t: string) => `SELECT ${t} AS v, SUM(amount) FROM people GROUP BY status, tiny ORDER BY status, tiny`,
  ];
  for (const t of texts) for (const shape of shapes) q('grouped text decimals', shape(t));
  // (A window over a grouping by sorting is left out: MariaDB then orders the rows otherwise.)
  for (const shape of shapes.slice(0, 2)) q('grouped text decimals', shape("CONCAT('x', ROW_NUMBER() OVER (ORDER BY MIN(id)))"));
  for (const t of ["CONCAT('x', name)", 'UPPER(name)', "CONCAT('x', MAX(name))", 'MAX(name)']) {
    q('grouped text decimals', `SELECT ${t} AS v FROM people GROUP BY id ORDER BY id`);
    q('grouped text decimals', `SELECT id, ${t} AS v FROM people GROUP BY name, id ORDER BY id`);
  }
  q('grouped text decimals', "SELECT DISTINCT CONCAT('x', name) AS v FROM people ORDER BY v");
  q('grouped text decimals', "SELECT DISTINCT id, CONCAT('x', name) AS v FROM people ORDER BY id");
  q('grouped text decimals', "SELECT DISTINCT UPPER(status) AS v, LOWER(code) AS w FROM people ORDER BY v, w");
  q('grouped text decimals', "SELECT CONCAT('x', status) AS v, COUNT(*) FROM people p JOIN orders o ON o.person_id = p.id GROUP BY status ORDER BY v");
  q('grouped text decimals', "SELECT person_id, JSON_OBJECT('p', person_id, 't', JSON_ARRAYAGG(total ORDER BY id)) FROM orders GROUP BY person_id ORDER BY person_id");
  q('grouped text decimals', "SELECT person_id, JSON_OBJECT('p', person_id) FROM orders GROUP BY person_id ORDER BY person_id");
}

// GREATEST and LEAST over every mix of types, compared as MariaDB compares them (texts under their
// collation keeping the first of equals, a text with a number as DOUBLEs, numbers by their type).
{
  const operands = ['name', 'name_bin', 'code', 'status', "'Bob'", "'a'", "'3'", 'id', 'tiny', 'u', 'ubig', 'big', 'amount', 'score', 'ratio', '3', '2.5', 'born', 'seen', 'yr', 'at_time'];
  for (let i = 0; i < operands.length; i++) {
    for (let j = i + 1; j < operands.length; j++) {
      const [a, b] = [operands[i]!, operands[j]!];
      if (/^'|^\d/.test(a) && /^'|^\d/.test(b)) continue;
      // A date, time or year with a text or number is written by hand below (most such pairs
      // give the zero date or a TIME on today's date, which are refused).
      const temporal = (x: string) => ['born', 'seen', 'yr', 'at_time'].includes(x);
      if (temporal(a) !== temporal(b)) continue;
      q('GREATEST and LEAST mixed types', `SELECT id, GREATEST(${a}, ${b}) AS g, LEAST(${b}, ${a}) AS l FROM people ORDER BY id`);
    }
  }
  q('GREATEST and LEAST mixed types', "SELECT id, GREATEST(name, 'bob', 'BOB') AS g, LEAST('BOB', name, 'bob') AS l FROM people ORDER BY id");
  q('GREATEST and LEAST mixed types', "SELECT id, GREATEST(name, code, 5) AS g, LEAST(name, amount, '7') AS l FROM people ORDER BY id");
  q('GREATEST and LEAST mixed types', "SELECT id, GREATEST(name COLLATE utf8mb4_bin, 'a') AS g, LEAST(name_uni, 'Strasse') AS l FROM people ORDER BY id");
  q('GREATEST and LEAST mixed types', 'SELECT id, GREATEST(name, NULL) AS g, LEAST(NULL, id) AS l FROM people ORDER BY id');
  q('GREATEST and LEAST mixed types', 'SELECT GREATEST(NULL, 2.5), LEAST(NULL, amount), GREATEST(NULL, score), GREATEST(NULL, born), GREATEST(id, NULL, amount), LEAST(NULL, ubig), GREATEST(yr, NULL) FROM people WHERE id < 3 ORDER BY id');
  q('GREATEST and LEAST mixed types', "SELECT name, count(*) FROM people GROUP BY name HAVING GREATEST(name, 'b') = name ORDER BY name");
  q('GREATEST and LEAST mixed types', "SELECT id FROM people WHERE LEAST(name, 'm') = 'm' ORDER BY id");
  for (const [a, b] of [['born', "'2024-01-01'"], ['born', "'2024-06-30 12:00:00'"], ['born', '20240101'], ['born', "CONCAT('2024-0', 3, '-01')"], ['seen', "'2024-02-29 08:30:45.5'"], ['seen', '20240229083045'], ['seen', 'born'], ['born', "DATE_FORMAT(seen, '%Y-%m-%d')"], ['at_time', "'10:00:00'"], ['yr', '2000'], ['yr', "'2024'"], ['born', 'name'], ['seen', "CAST(born AS CHAR)"], ['born', 'id + 20240100']]) {
    q('GREATEST and LEAST mixed types', `SELECT id, GREATEST(${a}, ${b}) AS g, LEAST(${b}, ${a}) AS l FROM people ORDER BY id`);
  }
}

// A DATE or DATETIME against numbers and strings that read as dates with a zero part or a day
// the month lacks (2000-10-00, 2024-02-30): MariaDB compares them as real values, between their
// neighbours; text with too few parts ('12.5abc', '2024-05') is the zero date.
{
  const others = ['u * 10', 'u + 1000000000', 'id * 100000000 + 20240200', 'id + 20240229', 'amount * 100', 'amount + 20240228', 'amount + 1000000000', 'tiny + 20240230',
    "CONCAT('2024-02-3', id % 2)", "CONCAT('2024-', id % 3, '-00')", "CONCAT('2000-10-0', id % 3, ' 10:00:00')", "CONCAT(id, '.5abc')", "CONCAT('2024-0', id % 9)",
    "'2024-02-30'", "'2024-04-31 10:00:00'", "'2000-10-00'", "'0000-01-01'", "'12.5abc'", "'2024-05'", '20240230', '20240100', '1000000000', '20240229.5', '20240229000000.5', '1000000000.99'];
  for (const col of ['born', 'seen']) {
    for (const o of others) q('date compared with a zero-part date', `SELECT id, ${col} < ${o}, ${col} = ${o}, ${o} >= ${col}, ${col} <=> ${o} FROM people ORDER BY id`);
  }
  q('date compared with a zero-part date', 'SELECT id FROM people WHERE born BETWEEN u AND 20250101 ORDER BY id');
  q('date compared with a zero-part date', "SELECT id FROM people WHERE seen NOT BETWEEN '2024-02-30' AND amount + 20240300 ORDER BY id");
  q('date compared with a zero-part date', 'SELECT id FROM people WHERE born IN (u, amount, 20240229) ORDER BY id');
  q('date compared with a zero-part date', 'SELECT count(*), SUM(born < u), SUM(seen >= amount) FROM people');
  q('date compared with a zero-part date', "SELECT o.id, o.placed < p.u, p.born > o.total FROM orders o JOIN people p ON p.id = o.person_id ORDER BY o.id");
  for (const [col, o] of [['born', 'code'], ['seen', 'note'], ['born', 'name_bin'], ['seen', 'ubig'], ['born', 'big'], ['seen', 'tiny * 1000000000']]) {
    q('date compared with a zero-part date', `SELECT id FROM people WHERE ${col} > ${o} OR ${o} <= ${col} ORDER BY id`);
    q('date compared with a zero-part date', `SELECT id, CASE ${col} WHEN ${o} THEN 'same' ELSE 'other' END, ${col} <> ${o}, NOT (${col} >= ${o}) FROM people ORDER BY id`);
  }
  for (const [a, b] of [['born', 'code'], ['born', 'note'], ['name_bin', 'born'], ['born', "CONCAT(id, '')"], ['born', "'12.5abc'"]]) {
    q('date compared with a zero-part date', `SELECT id, GREATEST(${a}, ${b}) AS g, LEAST(${b}, ${a}) AS l FROM people ORDER BY id`);
  }
  for (const [name, value] of [['@z2', "'2024-02-30'"], ['@t', "'9.9 x'"], ['@n', '1000000000']] as const) {
    q('date compared with a zero-part date', `SELECT id, ${name} < born, ${name} = born, seen > ${name}, seen <=> ${name} FROM people ORDER BY id`, [`SET ${name} = ${value}`]);
  }
}

// DECIMAL user variables in arithmetic: MariaDB reads one as DECIMAL(65,38), so + - * on it are
// printed with 38 decimals, and / cuts its quotient after whole 9-digit words before rounding to
// the item's decimals (the left side's + 4); CONCAT and IS NULL see the value's own digits.
{
  const decimals = ['1.50', '-0.01', '3.25', '0.125', '12345678901234567890.123', '-7.0', '2.0', '0.000001'];
  for (const d of decimals) {
    q('DECIMAL user variables', 'SELECT @d + 1, @d - 2.5, @d * 3, @d * @d, -@d + 0.5, @d + @i, @i - @d, @d * 0', [`SET @d = ${d}, @i = 7`]);
    q('DECIMAL user variables', 'SELECT @d / 3, 1 / @d, 2.5 / @d, @d / 7, @d / -3, @i / @d, @d / @i, @d / 0', [`SET @d = ${d}, @i = 7`]);
    q('DECIMAL user variables', "SELECT CONCAT(@d, 'x'), CONCAT_WS('-', @d, @i, 'z'), @d IS NULL, @d IS NOT NULL, @d > 1, @d = 1.5, @d < @i", [`SET @d := ${d}, @i := 7`]);
  }
  q('DECIMAL user variables', "SELECT @d + 1, @d * 2, @d / 2, CONCAT(@d, 'x'), @d IS NULL", ['SET @d = 1.5', 'SET @d = NULL']);
  q('DECIMAL user variables', 'SELECT id, @d + 1 AS r, @d * id AS s FROM people WHERE id < 3 ORDER BY id', ['SET @d = 0.75']);
  q('DECIMAL user variables', 'SELECT (@d + 1) * 2, @d * 1.25 + 1, 1 - (@d - 0.005), 10 / @d', ['SET @d = 0.75']);
  q('DECIMAL user variables', 'SELECT id FROM people WHERE @d IS NOT NULL AND id < 4 ORDER BY id', ['SET @d = 0.75']);
  q('DECIMAL user variables', 'SELECT @t + @u, @t * @u, @t / @u, @u / @t', ['SET @t = 1.1, @u = 0.3']);
}

// A user variable holding a binary string (0x41, _binary'…'): LONG_BLOB; in numbers it reads as
// text does ('A' is 0), against text it compares by bytes.
for (const b of ['0x41', '0x00FF', "X'E9'", "_binary'abc'", '0x3132', "_binary''"]) {
  q('binary user variables', "SELECT @b, @b IS NULL, @b + 1, CONCAT(@b, '!'), @b = 'A', @b = 65, LENGTH(@b), HEX(@b)", [`SET @b = ${b}`]);
  q('binary user variables', "SELECT id FROM people WHERE name = @b OR name_bin = @b OR code = @b ORDER BY id", [`SET @b = ${b}`]);
  q('binary user variables', "SELECT @b < 'B' AS lt, @b = 0x41 AS eq, COALESCE(@b, 'x') AS c, IFNULL(NULL, @b) AS i", [`SET @b := ${b}`]);
  q('binary user variables', "SELECT COALESCE(@b, 5) AS a, IFNULL(@b, NULL) AS b, COALESCE(NULL, @b, 'xyz') AS c, COALESCE(@b, @b) AS d", [`SET @b = ${b}`]);
}

// Text computed from a string variable: ABS() of text is a DOUBLE; SUBSTRING(@s, p) keeps the
// variable's length (LONG_BLOB) but for p <= 0; COALESCE over a never-set one is a binary string.
for (const [name, value] of [['@s', "'Bob'"], ['@n', "' -12.5e1x'"], ['@e', "''"], ['@u', "'Zoë'"]] as const) {
  q('text from user variables', `SELECT ABS(${name}), ABS(name), ABS(CONCAT(${name}, '1')), ABS(CAST(id AS CHAR)) FROM people WHERE id IN (1, 2, 17) ORDER BY id`, [`SET ${name} = ${value}`]);
  q('text from user variables', `SELECT SUBSTRING(${name}, 2), SUBSTRING(${name}, -2), SUBSTRING(${name}, 0), MID(${name}, 1), SUBSTR(${name}, id) FROM people WHERE id IN (1, 3) ORDER BY id`, [`SET ${name} = ${value}`]);
}
q('text from user variables', "SELECT COALESCE(@never_set_a, 'x'), IFNULL(@never_set_b, 2.5), COALESCE(@never_set_c, name), COALESCE(@never_set_d, NULL, id) FROM people WHERE id IN (1, 5, 17) ORDER BY id");

// `@x := GROUP_CONCAT(…)` of numbers and dates: MariaDB sends it as MEDIUM_BLOB.
q('GROUP_CONCAT into a user variable', 'SELECT @x := GROUP_CONCAT(id ORDER BY id DESC) FROM people');
q('GROUP_CONCAT into a user variable', 'SELECT @x, LENGTH(@x), @x = \'1,2\'', ['SELECT @x := GROUP_CONCAT(id ORDER BY id SEPARATOR \',\') FROM people WHERE id < 3']);
q('GROUP_CONCAT into a user variable', "SELECT @x := GROUP_CONCAT(born ORDER BY id SEPARATOR ';') AS g, COUNT(*) FROM people");
q('GROUP_CONCAT into a user variable', 'SELECT @y := GROUP_CONCAT(person_id ORDER BY person_id DESC) AS ids FROM orders');
q('GROUP_CONCAT into a user variable', 'SELECT @x', ['SELECT @x := GROUP_CONCAT(total ORDER BY id) FROM orders']);

// ALL/ANY/SOME over text of another collation, where the two sides compare under the subquery's own.
for (const op of ['<', '>=', '>']) {
  q('ALL / ANY / SOME over another collation', `SELECT id FROM people WHERE name ${op} ANY (SELECT name_bin FROM people WHERE id IN (2, 13, 16)) ORDER BY id`);
  q('ALL / ANY / SOME over another collation', `SELECT id FROM people WHERE name ${op} ALL (SELECT name_bin FROM people WHERE id IN (1, 5)) ORDER BY id`);
  q('ALL / ANY / SOME over another collation', `SELECT id FROM orders WHERE customer ${op} SOME (SELECT name_bin FROM people WHERE id < 4) ORDER BY id`);
}

// Decimal literals of more than 15 digits keep every digit written (the parser would round them through a double).
q('long decimal literals', 'SELECT 0.100000000000000000001 AS a, 12.3456789012345678 AS b, -12.3456789012345678 + 1 AS c, 1234567890.12345678 * 2 AS d');
q('long decimal literals', 'SELECT id FROM people WHERE amount > 0.100000000000000000001 AND amount < 99999999.9999999999 ORDER BY id');

export const syntaxClass: LongTailClass = {
  setup: [
    'CREATE TABLE lt_syntax_nums (id INT NOT NULL PRIMARY KEY, grp INT, n INT) DEFAULT CHARSET=utf8mb4',
    'INSERT INTO lt_syntax_nums VALUES (1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 2, 2), (5, 2, NULL), (6, 3, NULL)',
    'CREATE TABLE lt_syntax_tree (id INT NOT NULL PRIMARY KEY, parent INT, label VARCHAR(20)) DEFAULT CHARSET=utf8mb4',
    "INSERT INTO lt_syntax_tree VALUES (1, NULL, 'root'), (2, 1, 'a'), (3, 1, 'B'), (4, 2, 'aa'), (5, 4, 'Zoë'), (6, 3, 'b ')",
  ],
  queries,
};
