// The long-tail corpus, class "json": see ./corpus-query.ts. MySQL's JSON functions as applications
// and ORMs write them (building objects for APIs, searching documents, aggregating rows into
// arrays), over documents with the hard cases: keys needing escapes, unicode and emoji, duplicate
// keys, deep nesting, integers past 2^63, empty arrays and objects, odd spacing, NULL rows.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';

const SETUP = [
  `CREATE TABLE lt_json_docs (
     id INT NOT NULL PRIMARY KEY,
     label VARCHAR(40),
     doc JSON,
     body TEXT,
     qty INT,
     price DECIMAL(10,2),
     ratio DOUBLE,
     active TINYINT(1),
     created DATE
   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  String.raw`INSERT INTO lt_json_docs VALUES
     (1, 'quote"d', '{"name": "quote\\"d", "path": "C:\\\\dir"}', 'plain', 1, 10.00, 0.5, 1, '2024-01-31'),
     (2, 'back\\slash', '{"k\\"ey": 1, "back\\\\slash": 2}', 'a\\b', 2, 2.50, 1e300, 0, '2024-02-29'),
     (3, 'Zoë 😀', '{"emoji": "😀", "é": "ünï", "name": "Zoë"}', 'Zoë 😀', 3, -0.01, -2.5, 1, '2023-12-31'),
     (4, 'escaped', '{"u": "\\u00e9", "name": "x"}', 'tab\there', NULL, 0.00, 0, NULL, NULL),
     (5, 'dup', '{"a": 1, "a": 2, "b": [1, 2]}', 'line\nbreak', 5, 99999999.99, 1e-7, 0, '2024-12-31'),
     (6, 'deep', '[[[[[[1]]]]]]', '', 6, 1.00, 100, 1, '2000-01-01'),
     (7, 'big', '{"big": 12345678901234567890, "neg": -9223372036854775808, "n": 42}', 'big', 7, 123.45, 12345678912345678, 1, '2024-03-31'),
     (8, 'empty array', '[]', '[]', 8, 8.00, 8, 0, '2024-04-30'),
     (9, 'empty object', '{}', '{}', 9, 9.00, 9, 1, '2024-05-31'),
     (10, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
     (11, 'nested', '{"a": {"b": {"c": {"d": [1, 2, {"e": "deep"}]}}}, "name": "n"}', '{"a": 1}', 11, 11.11, 11.5, 0, '2024-06-30'),
     (12, 'mixed', '[1, "1", true, null, "abc", {"x": "abc"}, [], {}]', '[1, 2]', 12, 12.00, 12, 1, '2024-07-31'),
     (13, 'string', '"just a string"', '"s"', 13, 13.00, 13, 0, '2024-08-31'),
     (14, 'spaced', '  {"spaced"  :  [ 1 ,2 ] , "name":"sp" }  ', 'x', 14, 14.00, 14, 1, '2024-09-30'),
     (15, 'tags', '{"tags": ["red", "green", "red"], "n": 0, "name": "t"}', 'red', 15, 15.00, 15, 0, '2024-10-31'),
     (16, 'wild', '{"pct": "100%", "under": "a_b", "plain": "axb", "name": "w"}', '100%', 16, 16.00, 16, 1, '2024-11-30'),
     (17, 'scalars', '{"t": true, "f": false, "z": null, "n": -1, "s": "", "name": "sc"}', 'true', 0, -5.50, -1, 0, '2024-02-28')`,
  `CREATE TABLE lt_json_items (
     id INT NOT NULL PRIMARY KEY,
     grp VARCHAR(10),
     k VARCHAR(20),
     v INT,
     s VARCHAR(20),
     amt DECIMAL(8,2)
   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  String.raw`INSERT INTO lt_json_items VALUES
     (1, 'a', 'x', 1, 'one', 1.50), (2, 'a', 'y', 2, 'two"q', 2.00), (3, 'a', 'x', 1, 'one', NULL),
     (4, 'b', 'z', NULL, NULL, -3.25), (5, 'b', 'é', 5, 'Zoë', 5.00), (6, NULL, 'n', 6, 'six', 6.60),
     (7, 'c', NULL, 7, 'seven', 7.00), (8, 'c', 'w', 8, 'back\\s', 0.00), (9, 'b', 'z', 9, 'nine', 9.99)`,
  // JSON kept in a VARCHAR, as older schemas do: valid, invalid, and nearly valid text.
  `CREATE TABLE lt_json_text (id INT NOT NULL PRIMARY KEY, j VARCHAR(60)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  String.raw`INSERT INTO lt_json_text VALUES
     (1, '{"a": 1, "b": "x"}'), (2, '{"a": "1", "b": [1, 2]}'), (3, '[1, 2, 3]'), (4, '{"a": true}'), (5, 'not json'),
     (6, '{"a": 1,}'), (7, NULL), (8, '"plain"'), (9, '{"a": null, "b": {"c": "d"}}'), (10, ''), (11, '{"a": 2.5}'), (12, '  {"a" : 3}  ')`,
];

const queries: LongTailQuery[] = [];
const q = (construct: string, sql: string) => queries.push({ category: `json: ${construct}`, sql });

// Every column kind of the semantics table, and of this class's own.
const PEOPLE_COLUMNS = ['name', 'name_bin', 'code', 'note', 'status', 'tags', 'born', 'seen', 'at_time', 'yr', 'score', 'ratio', 'amount', 'big', 'ubig', 'u', 'tiny', 'flag', 'doc'];
const DOC_COLUMNS = ['label', 'doc', 'body', 'qty', 'price', 'ratio', 'active', 'created'];

// JSON_OBJECT: API payloads built in SQL, each column kind as a value, keys of every kind.
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('id', id, 'label', label, 'qty', qty, 'price', price, 'ratio', ratio, 'active', active, 'created', created, 'doc', doc) AS payload FROM lt_json_docs ORDER BY id`);
for (const c of PEOPLE_COLUMNS) q('JSON_OBJECT', `SELECT id, JSON_OBJECT('${c}', ${c}) FROM people ORDER BY id`);
for (const c of DOC_COLUMNS) q('JSON_OBJECT', `SELECT id, JSON_OBJECT('v', ${c}, 'id', id) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT(label, qty) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT(qty, label) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT(created, price) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT JSON_OBJECT(NULL, 1), JSON_OBJECT('', ''), JSON_OBJECT('k"q', 'v\\w'), JSON_OBJECT('a', 1, 'a', 2)`);
q('JSON_OBJECT', `SELECT JSON_OBJECT('a', 1, 'b', 'x', 'c', NULL, 'd', 1.50, 'e', 1e3, 'f', TRUE, 'g', FALSE, 'h', -0.0, 'i', 18446744073709551615)`);
q('JSON_OBJECT', `SELECT JSON_OBJECT(), JSON_OBJECT('e', JSON_OBJECT(), 'a', JSON_ARRAY())`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('a', JSON_OBJECT('b', JSON_ARRAY(id, label, JSON_OBJECT('c', qty)))) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('name', JSON_EXTRACT(doc, '$.name'), 'plain', JSON_UNQUOTE(JSON_EXTRACT(doc, '$.name'))) FROM lt_json_docs WHERE id IN (1, 3, 11, 14, 15, 16, 17) ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('n', JSON_EXTRACT(doc, '$.n'), 'vip', JSON_EXTRACT(doc, '$.vip')) FROM people WHERE id IN (1, 2, 3, 6, 8, 10, 11, 13, 20) ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('q', JSON_QUOTE(label), 'k', JSON_KEYS(doc)) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('gt', qty > 5, 'isnull', label IS NULL, 'like', label LIKE 'e%', 'in', id IN (1, 2), 't', TRUE, 'f', FALSE, 'between', qty BETWEEN 2 AND 8, 'eq', active = 1) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('not', NOT active, 'and', active AND qty > 2, 'or', active OR qty > 2, 'nullsafe', qty <=> NULL) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('sum', qty + 1, 'concat', CONCAT(label, '!'), 'upper', UPPER(label), 'round', ROUND(price, 1), 'if', IF(active, 'y', 'n'), 'case', CASE WHEN qty > 5 THEN 'big' END, 'coalesce', COALESCE(qty, 0)) FROM lt_json_docs ORDER BY id`);
q('JSON_OBJECT', `SELECT p.id, JSON_OBJECT('name', p.name, 'orders', (SELECT COUNT(*) FROM orders o WHERE o.person_id = p.id)) FROM people p ORDER BY p.id`);
q('JSON_OBJECT', `SELECT id, JSON_OBJECT('customer', customer, 'total', total, 'placed', placed) AS o FROM orders ORDER BY id`);
q('JSON_OBJECT', `SELECT o.id, JSON_OBJECT('order', o.id, 'person', JSON_OBJECT('name', p.name, 'status', p.status, 'born', p.born)) FROM orders o LEFT JOIN people p ON p.id = o.person_id ORDER BY o.id`);
q('JSON_OBJECT', `SELECT id FROM lt_json_docs WHERE JSON_OBJECT('q', qty) = '{"q": 5}' ORDER BY id`);
q('JSON_OBJECT', `SELECT JSON_OBJECT('a', 1, 'b')`);
q('JSON_OBJECT', `SELECT LENGTH(JSON_OBJECT('label', label)), JSON_OBJECT('label', label) LIKE '%quote%' FROM lt_json_docs ORDER BY id`);

// JSON_ARRAY: each column kind as an element, mixed rows, nesting.
for (const c of PEOPLE_COLUMNS) q('JSON_ARRAY', `SELECT id, JSON_ARRAY(${c}) FROM people ORDER BY id`);
for (const c of DOC_COLUMNS) q('JSON_ARRAY', `SELECT id, JSON_ARRAY(id, ${c}) FROM lt_json_docs ORDER BY id`);
q('JSON_ARRAY', `SELECT JSON_ARRAY(), JSON_ARRAY(NULL), JSON_ARRAY(JSON_ARRAY(), JSON_OBJECT(), JSON_ARRAY(JSON_ARRAY()))`);
q('JSON_ARRAY', `SELECT JSON_ARRAY(TRUE, FALSE, 1 = 1, 1 = 2, NULL, 'x', 1.5, 1e3, 0.1e0, -1, 2.50, '', 'a"b')`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(name, name_bin, code, note, flag = 1, id > 5, name IS NULL, name LIKE 'b%') FROM people ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(score, ratio, amount, big, ubig) FROM people ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(born, seen, at_time, yr, status, tags) FROM people ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(doc, JSON_EXTRACT(doc, '$.name'), JSON_VALUE(doc, '$.name')) FROM lt_json_docs WHERE id IN (1, 3, 7, 10, 14, 16) ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(JSON_OBJECT('id', id), JSON_ARRAY(qty, price)) FROM lt_json_docs ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(JSON_QUOTE(label), JSON_KEYS(doc), JSON_DEPTH(doc), JSON_LENGTH(doc), JSON_TYPE(doc)) FROM lt_json_docs ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(customer, total, placed, person_id) FROM orders ORDER BY id`);
q('JSON_ARRAY', `SELECT id, JSON_ARRAY(qty * 2, price / 3, -ratio, CONCAT_WS('-', label, qty)) FROM lt_json_docs ORDER BY id`);
q('JSON_ARRAY', `SELECT id FROM lt_json_docs WHERE JSON_ARRAY(qty, active) = '[1, 1]' ORDER BY id`);

// JSON type through IF / IFNULL / COALESCE / CASE / NULLIF / UNION / derived tables: kept where every branch is JSON.
q('JSON nesting', `SELECT id, JSON_ARRAY(IF(active, JSON_OBJECT('a', 1), NULL)) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_ARRAY(IFNULL(JSON_OBJECT('a', qty), 'x'), COALESCE(doc, JSON_ARRAY())) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_ARRAY(IFNULL(doc, JSON_OBJECT()), NULLIF(doc, '{}')) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_ARRAY(CASE WHEN active THEN JSON_OBJECT('a', 1) END, CASE WHEN active THEN doc ELSE 'x' END, IF(active, doc, NULL)) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT JSON_ARRAY(MIN(doc), MAX(JSON_OBJECT('a', id))) FROM lt_json_docs`);
q('JSON nesting', `SELECT JSON_ARRAY(t.j) FROM (SELECT id, JSON_OBJECT('a', id) AS j FROM lt_json_docs) t ORDER BY t.id`);
q('JSON nesting', `WITH c AS (SELECT id, JSON_ARRAY(id, label) AS j FROM lt_json_docs) SELECT JSON_OBJECT('c', j) FROM c ORDER BY id`);
q('JSON nesting', `SELECT JSON_ARRAY(j) FROM (SELECT JSON_OBJECT('a', 1) AS j UNION ALL SELECT JSON_OBJECT('b', 2)) u`);
q('JSON nesting', `SELECT JSON_ARRAY(j) FROM (SELECT JSON_OBJECT('a', 1) AS j UNION ALL SELECT 'x') u`);
q('JSON nesting', `SELECT JSON_OBJECT('a', 1) AS j UNION SELECT JSON_ARRAY(2)`);
q('JSON nesting', `SELECT id, JSON_ARRAY(UPPER(JSON_OBJECT('a', label)), CONCAT(JSON_OBJECT('a', 1)), JSON_UNQUOTE(JSON_OBJECT('a', 1))) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_DEPTH(JSON_ARRAY(doc)), JSON_KEYS(JSON_OBJECT('a', 1, 'b', doc)), JSON_LENGTH(JSON_ARRAY(qty, label, doc)) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_CONTAINS(JSON_ARRAY(qty, price), '1'), JSON_EXTRACT(JSON_OBJECT('a', JSON_ARRAY(1, 2)), '$.a[1]'), JSON_VALUE(JSON_OBJECT('a', label), '$.a') FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT JSON_OBJECT('n', COUNT(*), 'ids', JSON_ARRAYAGG(id ORDER BY id)) FROM lt_json_docs WHERE active = 1`);
q('JSON nesting', `SELECT JSON_ARRAY(JSON_ARRAYAGG(id ORDER BY id)) FROM lt_json_docs`);
q('JSON nesting', `SELECT id, JSON_OBJECT('x', (SELECT JSON_ARRAYAGG(v ORDER BY i.id) FROM lt_json_items i WHERE i.grp = 'a')) FROM lt_json_docs WHERE id < 3 ORDER BY id`);
q('JSON nesting', `SELECT JSON_ARRAY(1, 2) = JSON_ARRAY(1, 2), JSON_OBJECT('a', 1) = '{"a": 1}', JSON_ARRAY() IS NULL`);
q('JSON nesting', `SELECT JSON_OBJECT('a', 0.1 + 0.2, 'b', 1/3, 'c', 10 DIV 3, 'd', -5 % 3, 'e', 2e0 * 3)`);
q('JSON nesting', `SELECT id, JSON_OBJECT('yr', YEAR(created), 'm', MONTHNAME(created), 'fmt', DATE_FORMAT(created, '%Y/%m')) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_ARRAY(CAST(qty AS CHAR), CAST('2' AS SIGNED), CAST(2.5 AS DECIMAL(4,2)), CAST(ratio AS CHAR)) FROM lt_json_docs ORDER BY id`);
q('JSON nesting', `SELECT id, JSON_ARRAY(tags = 'a', FIND_IN_SET('b', tags), status = 'open') FROM people ORDER BY id`);
q('JSON nesting', `SELECT JSON_ARRAY(x'41'), JSON_OBJECT('a', b'1')`);
q('JSON nesting', `SELECT id, JSON_QUOTE(JSON_OBJECT('a', 1)), JSON_QUOTE(JSON_EXTRACT(doc, '$.name')) FROM lt_json_docs WHERE id IN (1, 3) ORDER BY id`);

// JSON_QUOTE: text of every kind; numbers give NULL.
for (const c of ['label', 'body', 'doc', 'created', 'qty', 'price']) q('JSON_QUOTE', `SELECT id, JSON_QUOTE(${c}) FROM lt_json_docs ORDER BY id`);
for (const c of ['name', 'note', 'status', 'born', 'seen', 'score']) q('JSON_QUOTE', `SELECT id, JSON_QUOTE(${c}) FROM people ORDER BY id`);
q('JSON_QUOTE', `SELECT JSON_QUOTE('a"b\\c'), JSON_QUOTE(''), JSON_QUOTE(NULL), JSON_QUOTE('Zoë 😀'), JSON_QUOTE('tab\there'), JSON_QUOTE('[1]')`);
q('JSON_QUOTE', `SELECT JSON_UNQUOTE(JSON_QUOTE(label)) = label FROM lt_json_docs ORDER BY id`);

// JSON_DEPTH
q('JSON_DEPTH', `SELECT id, JSON_DEPTH(doc) FROM lt_json_docs ORDER BY id`);
q('JSON_DEPTH', `SELECT id, JSON_DEPTH(doc) FROM people ORDER BY id`);
q('JSON_DEPTH', `SELECT id, JSON_DEPTH(body) FROM lt_json_docs ORDER BY id`);
q('JSON_DEPTH', `SELECT JSON_DEPTH('[]'), JSON_DEPTH('[[]]'), JSON_DEPTH('{"a": {}}'), JSON_DEPTH('1'), JSON_DEPTH('"x"'), JSON_DEPTH('[1, [2, [3, [4]]]]'), JSON_DEPTH('{"a": [{"b": "]"}]}')`);
q('JSON_DEPTH', `SELECT JSON_DEPTH('abc'), JSON_DEPTH(NULL), JSON_DEPTH('[1,]'), JSON_DEPTH(' [ ] ')`);
q('JSON_DEPTH', `SELECT id, JSON_DEPTH(JSON_EXTRACT(doc, '$.a')) FROM lt_json_docs WHERE id IN (5, 11) ORDER BY id`);
q('JSON_DEPTH', `SELECT JSON_DEPTH(doc) AS d, COUNT(*) FROM lt_json_docs GROUP BY JSON_DEPTH(doc) ORDER BY d`);
q('JSON_DEPTH', `SELECT id FROM lt_json_docs WHERE JSON_DEPTH(doc) > 2 ORDER BY JSON_DEPTH(doc) DESC, id`);
q('JSON_DEPTH', `SELECT id, JSON_DEPTH(JSON_OBJECT('a', JSON_ARRAY(id))) FROM lt_json_docs ORDER BY id`);

// JSON_KEYS
q('JSON_KEYS', `SELECT id, JSON_KEYS(doc) FROM lt_json_docs ORDER BY id`);
q('JSON_KEYS', `SELECT id, JSON_KEYS(doc) FROM people ORDER BY id`);
for (const p of ['$.a', '$.a.b', '$.a.b.c', '$.missing', '$', '$.tags', '$[5]']) q('JSON_KEYS', `SELECT id, JSON_KEYS(doc, '${p}') FROM lt_json_docs ORDER BY id`);
q('JSON_KEYS', `SELECT id, JSON_KEYS(doc, '$.a') FROM people ORDER BY id`);
q('JSON_KEYS', `SELECT id, JSON_KEYS(body) FROM lt_json_docs ORDER BY id`);
q('JSON_KEYS', `SELECT JSON_KEYS('{"b": 1, "a": 2, "b": 3}'), JSON_KEYS('[1]'), JSON_KEYS('{}'), JSON_KEYS(NULL), JSON_KEYS('{"a": {"x": 1}}', '$.a')`);
q('JSON_KEYS', `SELECT id, JSON_LENGTH(JSON_KEYS(doc)) FROM lt_json_docs ORDER BY id`);

// JSON_SEARCH: modes, wildcards, escapes, paths; JSON columns compare case-sensitively (utf8mb4_bin).
for (const pattern of ['x', '%a%', 'red', 'RED', '1', '%', '_', 'a_b', 'a\\\\_b', '100\\\\%', 'ünï', 'Zoë', 'deep', 'abc', '', 'n', 'true', 'null', '%e%', 'C:%']) {
  q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'one', '${pattern}'), JSON_SEARCH(doc, 'all', '${pattern}') FROM lt_json_docs ORDER BY id`);
}
q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'all', '100|%', '|'), JSON_SEARCH(doc, 'all', 'a|_b', '|') FROM lt_json_docs ORDER BY id`);
q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'all', '%', NULL, '$.tags'), JSON_SEARCH(doc, 'all', 'r%', NULL, '$.tags', '$.name') FROM lt_json_docs ORDER BY id`);
q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'all', '%', NULL, '$.a'), JSON_SEARCH(doc, 'one', '%', NULL, '$.name') FROM lt_json_docs ORDER BY id`);
for (const pattern of ['yes', 'Zoë', 'x', '%', 'X']) q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'all', '${pattern}') FROM people ORDER BY id`);
q('JSON_SEARCH', `SELECT id FROM lt_json_docs WHERE JSON_SEARCH(doc, 'one', 'red') IS NOT NULL ORDER BY id`);
q('JSON_SEARCH', `SELECT id, JSON_UNQUOTE(JSON_SEARCH(doc, 'one', 'abc')) FROM lt_json_docs ORDER BY id`);
q('JSON_SEARCH', `SELECT JSON_SEARCH('["abc", "ABC", "x"]', 'all', 'abc'), JSON_SEARCH('{"a": "x"}', 'ONE', 'x'), JSON_SEARCH(NULL, 'one', 'x'), JSON_SEARCH('[1]', 'one', NULL)`);
q('JSON_SEARCH', `SELECT id, JSON_SEARCH(body, 'one', 'red') FROM lt_json_docs ORDER BY id`);
q('JSON_SEARCH', `SELECT id, JSON_SEARCH(doc, 'all', label) FROM lt_json_docs ORDER BY id`);

// JSON_CONTAINS: scalars, objects, arrays, with and without a path.
const CANDIDATES = ['1', '2', '"red"', '"x"', '{"a": 1}', '[1, 2]', '{}', '[]', 'true', 'false', 'null', '[[1]]', '1.0', '{"x": "abc"}', '42', '12345678901234567890', '"ünï"', '["red", "green"]', '[1, "1"]', '{"b": [1]}'];
for (const c of CANDIDATES) q('JSON_CONTAINS', `SELECT id, JSON_CONTAINS(doc, '${c}') FROM lt_json_docs ORDER BY id`);
for (const [c, p] of [['"red"', '$.tags'], ['["red", "red"]', '$.tags'], ['2', '$.a'], ['[1, 2]', '$.b'], ['1', '$[0]'], ['true', '$.t'], ['null', '$.z'], ['42', '$.n'], ['"deep"', '$.a.b.c.d[2].e'], ['{"e": "deep"}', '$.a.b.c.d'], ['1', '$.missing'], ['0', '$.n']]) {
  q('JSON_CONTAINS', `SELECT id, JSON_CONTAINS(doc, '${c}', '${p}') FROM lt_json_docs ORDER BY id`);
}
for (const [c, p] of [['true', '$.vip'], ['1', '$.n'], ['"x"', '$.tags'], ['{"b": [1]}', '$.a'], ['2.5', '$.n'], ['1000', '$.n'], ['"yes"', '$.vip'], ['{"vip": true}', '$']]) {
  q('JSON_CONTAINS', `SELECT id, JSON_CONTAINS(doc, '${c}', '${p}') FROM people ORDER BY id`);
}
q('JSON_CONTAINS', `SELECT id FROM lt_json_docs WHERE JSON_CONTAINS(doc, '"red"', '$.tags') ORDER BY id`);
q('JSON_CONTAINS', `SELECT id FROM people WHERE JSON_CONTAINS(doc, 'true', '$.vip') = 1 ORDER BY id`);
q('JSON_CONTAINS', `SELECT JSON_CONTAINS('[1, [2, [3]]]', '3'), JSON_CONTAINS('{"a": [1, 2]}', '{"a": [2]}'), JSON_CONTAINS('[{"a": 1, "b": 2}]', '{"a": 1}'), JSON_CONTAINS('1', '1.0000000000001'), JSON_CONTAINS(NULL, '1'), JSON_CONTAINS('[1]', NULL)`);
q('JSON_CONTAINS', `SELECT id, JSON_CONTAINS(body, '1') FROM lt_json_docs WHERE id IN (8, 9, 11, 12, 13) ORDER BY id`);
q('JSON_CONTAINS', `SELECT id, JSON_CONTAINS(doc, CONCAT('"', 'red', '"'), '$.tags') FROM lt_json_docs ORDER BY id`);

// JSON_CONTAINS_PATH, JSON_LENGTH, JSON_TYPE, JSON_VALID over the hard documents.
for (const [mode, paths] of [['one', "'$.name'"], ['all', "'$.name', '$.a'"], ['one', "'$.a.b', '$.tags[1]'"], ['all', "'$[0]'"], ['one', "'$.missing'"]]) {
  q('JSON_CONTAINS_PATH', `SELECT id, JSON_CONTAINS_PATH(doc, '${mode}', ${paths}) FROM lt_json_docs ORDER BY id`);
}
for (const p of ['$', '$.a', '$.b', '$.tags', '$.a.b.c.d', '$[0]', '$.missing']) q('JSON_LENGTH', `SELECT id, JSON_LENGTH(doc, '${p}') FROM lt_json_docs ORDER BY id`);
q('JSON_LENGTH', `SELECT id, JSON_LENGTH(doc) FROM lt_json_docs ORDER BY id`);
q('JSON_TYPE', `SELECT id, JSON_TYPE(doc) FROM lt_json_docs ORDER BY id`);
for (const p of ['$.name', '$.n', '$.t', '$.z', '$.tags', '$[0]', '$.big']) q('JSON_TYPE', `SELECT id, JSON_TYPE(JSON_EXTRACT(doc, '${p}')) FROM lt_json_docs ORDER BY id`);
q('JSON_VALID', `SELECT id, JSON_VALID(doc), JSON_VALID(body), JSON_VALID(label) FROM lt_json_docs ORDER BY id`);
q('JSON_VALID', `SELECT JSON_VALID('[1,]'), JSON_VALID('NaN'), JSON_VALID('{a:1}'), JSON_VALID(' 1 '), JSON_VALID(''), JSON_VALID('1 2'), JSON_VALID('"\\\\x"'), JSON_VALID('[1] x'), JSON_VALID(NULL)`);
q('JSON_VALID', `SELECT id FROM lt_json_docs WHERE JSON_VALID(body) ORDER BY id`);
q('JSON_TYPE', `SELECT id, JSON_TYPE(body), JSON_LENGTH(body), JSON_EXTRACT(body, '$.a'), JSON_EXTRACT(body, '$[1]') FROM lt_json_docs ORDER BY id`);
q('JSON_TYPE', `SELECT JSON_TYPE('1e3'), JSON_TYPE('1.0'), JSON_TYPE('-0'), JSON_TYPE('12345678901234567890123'), JSON_TYPE('abc'), JSON_LENGTH('[1, 2'), JSON_EXTRACT('{"a": 1} x', '$.a')`);
q('JSON_TYPE', `SELECT id, JSON_TYPE(JSON_EXTRACT(doc, '$.n')) FROM lt_json_docs ORDER BY id`);
q('JSON_CONTAINS_PATH', `SELECT id, JSON_CONTAINS_PATH(body, 'one', '$.a'), JSON_CONTAINS_PATH(body, 'all', '$[0]') FROM lt_json_docs WHERE id IN (8, 9, 11, 12, 13, 17) ORDER BY id`);

// JSON_EXTRACT / JSON_VALUE / JSON_UNQUOTE with the paths served, over this class's documents.
for (const p of ['$.name', '$.tags[0]', '$.a.b', '$.n', '$.t', '$.big', '$[1]', '$.emoji', '$."é"', '$.spaced']) {
  q('JSON_EXTRACT', `SELECT id, JSON_EXTRACT(doc, '${p}'), JSON_VALUE(doc, '${p}'), JSON_UNQUOTE(JSON_EXTRACT(doc, '${p}')) FROM lt_json_docs WHERE id <> 4 ORDER BY id`);
}

// The same functions over JSON kept in a VARCHAR column: its own text type and length, NULL for text that is not JSON.
for (const f of ["JSON_EXTRACT(j, '$.a')", "JSON_EXTRACT(j, '$.b')", "JSON_UNQUOTE(JSON_EXTRACT(j, '$.b'))", "JSON_VALUE(j, '$.a')", "JSON_TYPE(j)", "JSON_VALID(j)", "JSON_KEYS(j)", "JSON_DEPTH(j)", "JSON_LENGTH(j)", "JSON_CONTAINS(j, '1', '$.a')", "JSON_CONTAINS_PATH(j, 'one', '$.b')", "JSON_OBJECT('j', j)", "JSON_ARRAY(JSON_EXTRACT(j, '$.a'))", "JSON_QUOTE(j)"]) {
  q('JSON in VARCHAR', `SELECT id, ${f} FROM lt_json_text ORDER BY id`);
}
q('JSON in VARCHAR', `SELECT id FROM lt_json_text WHERE JSON_EXTRACT(j, '$.a') = 1 ORDER BY id`);
q('JSON in VARCHAR', `SELECT id FROM lt_json_text WHERE JSON_EXTRACT(j, '$.b') = 'x' ORDER BY id`);
q('JSON in VARCHAR', `SELECT id FROM lt_json_text WHERE JSON_VALID(j) AND JSON_TYPE(j) = 'OBJECT' ORDER BY id`);

// JSON_ARRAYAGG: with its own ORDER BY, DISTINCT, grouped, nested; without ORDER BY its order is MariaDB's reading order.
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(v ORDER BY id) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(s ORDER BY id DESC) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(amt ORDER BY amt, id) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(k ORDER BY id) AS ks, COUNT(*) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(JSON_OBJECT('k', k, 'v', v) ORDER BY id) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_OBJECT('grp', grp, 'items', JSON_ARRAYAGG(amt ORDER BY id)) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(DISTINCT v ORDER BY v DESC) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(DISTINCT v ORDER BY v) FROM lt_json_items`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(DISTINCT amt ORDER BY amt DESC) FROM lt_json_items`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(DISTINCT s ORDER BY s) FROM lt_json_items`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(v > 2 ORDER BY id) FROM lt_json_items`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(id ORDER BY id) FROM lt_json_items WHERE id > 100`);
q('JSON_ARRAYAGG', `SELECT person_id, JSON_ARRAYAGG(JSON_OBJECT('id', id, 'total', total, 'placed', placed) ORDER BY id) FROM orders GROUP BY person_id ORDER BY person_id`);
q('JSON_ARRAYAGG', `SELECT p.id, p.name, (SELECT JSON_ARRAYAGG(o.total ORDER BY o.id) FROM orders o WHERE o.person_id = p.id) AS totals FROM people p ORDER BY p.id`);
for (const c of ['name', 'score', 'amount', 'born', 'seen', 'status', 'flag', 'ubig', 'doc']) q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(${c} ORDER BY id) FROM people WHERE id <= 12`);
for (const c of ['label', 'qty', 'price', 'ratio', 'created']) q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(${c} ORDER BY id DESC) FROM lt_json_docs`);
q('JSON_ARRAYAGG', `SELECT status, JSON_ARRAYAGG(id ORDER BY id) FROM people GROUP BY status ORDER BY status`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(doc ORDER BY id) FROM lt_json_docs`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(v) FROM lt_json_items`);
q('JSON_ARRAYAGG', `SELECT grp, JSON_ARRAYAGG(v) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_ARRAYAGG', `SELECT JSON_ARRAYAGG(v ORDER BY id LIMIT 2) FROM lt_json_items`);

// JSON_OBJECTAGG: one pair per group is served; several pairs come in MariaDB's reading order.
q('JSON_OBJECTAGG', `SELECT id, JSON_OBJECTAGG(k, v) FROM lt_json_items GROUP BY id ORDER BY id`);
q('JSON_OBJECTAGG', `SELECT id, JSON_OBJECTAGG(s, amt) FROM lt_json_items GROUP BY id ORDER BY id`);
q('JSON_OBJECTAGG', `SELECT id, JSON_OBJECTAGG(name, doc) FROM people GROUP BY id ORDER BY id`);
q('JSON_OBJECTAGG', `SELECT id, JSON_OBJECTAGG(id, total) FROM orders GROUP BY id ORDER BY id`);
q('JSON_OBJECTAGG', `SELECT JSON_OBJECTAGG(k, v) FROM lt_json_items WHERE id = 5`);
q('JSON_OBJECTAGG', `SELECT JSON_OBJECTAGG(k, v) FROM lt_json_items WHERE id > 100`);
q('JSON_OBJECTAGG', `SELECT grp, JSON_OBJECTAGG(k, v) FROM lt_json_items GROUP BY grp ORDER BY grp`);
q('JSON_OBJECTAGG', `SELECT JSON_OBJECTAGG(customer, total) FROM orders`);

// JSON_TABLE, as MariaDB 10.11 has it: joined laterally to a table's JSON column.
q('JSON_TABLE', `SELECT d.id, t.tag FROM lt_json_docs d, JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t ORDER BY d.id, t.tag`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"a": 1}, {"a": 2}, {}]', '$[*]' COLUMNS (n FOR ORDINALITY, a INT PATH '$.a' DEFAULT '0' ON EMPTY, has_a INT EXISTS PATH '$.a')) AS t`);
q('JSON_TABLE', `SELECT d.id, t.* FROM lt_json_docs d, JSON_TABLE(d.doc, '$' COLUMNS (name VARCHAR(40) PATH '$.name', NESTED PATH '$.b[*]' COLUMNS (b INT PATH '$'))) AS t WHERE d.id IN (5, 11, 15) ORDER BY d.id`);

// JSON_TABLE over hard documents: objects with missing keys, nulls, nested arrays, escapes, numbers
// at the edges, empty arrays, NULL and invalid documents; and the app shapes (exploding a tags
// array, joining exploded items to their rows, aggregating over them).
const JT_ITEMS = `'[{"sku": "a-1", "qty": 2, "price": 9.99, "tags": ["red", "big"]}, {"sku": "b\\\\"2", "qty": null, "price": "12.50x"}, {"sku": "c\\\\\\\\3", "price": 1e2, "tags": []}, {"qty": "7", "note": {"k": [1, 2]}}, {"sku": "Zoë 😀", "qty": 2147483648, "price": -0.005}]'`;
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE(${JT_ITEMS}, '$[*]' COLUMNS (n FOR ORDINALITY, sku VARCHAR(10) PATH '$.sku', qty INT PATH '$.qty', price DECIMAL(6,2) PATH '$.price')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.sku, t.has_tags, t.note FROM JSON_TABLE(${JT_ITEMS}, '$[*]' COLUMNS (n FOR ORDINALITY, sku CHAR(3) PATH '$.sku' DEFAULT 'none' ON EMPTY, has_tags INT EXISTS PATH '$.tags', note VARCHAR(20) PATH '$.note' DEFAULT 'obj' ON ERROR)) t ORDER BY n`);
q('JSON_TABLE', `SELECT t.n, t.qty, t.q_big, t.q_tiny, t.q_u FROM JSON_TABLE(${JT_ITEMS}, '$[*]' COLUMNS (n FOR ORDINALITY, qty SMALLINT PATH '$.qty' DEFAULT '-1' ON EMPTY, q_big BIGINT PATH '$.qty', q_tiny TINYINT PATH '$.qty', q_u INT UNSIGNED PATH '$.qty')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.price, t.p_int, t.p_dbl FROM JSON_TABLE(${JT_ITEMS}, '$[*]' COLUMNS (n FOR ORDINALITY, price DECIMAL(4,1) PATH '$.price', p_int INT PATH '$.price', p_dbl DOUBLE PATH '$.price')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.tag FROM JSON_TABLE(${JT_ITEMS}, '$[0].tags[*]' COLUMNS (n FOR ORDINALITY, tag VARCHAR(10) PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT COUNT(*), SUM(t.qty), MAX(t.sku) FROM JSON_TABLE(${JT_ITEMS}, '$[*]' COLUMNS (sku VARCHAR(10) PATH '$.sku', qty INT PATH '$.qty')) AS t`);
// Scalars of every kind into each column type: truncation, rounding half away from zero, clamping.
const JT_SCALARS = `'[1, "x", true, false, null, 2.5, -2.5, 0.5, "1.5", " 3", "", "abc", 99999999999, -99999999999, 12345678901234567890, "toolongstring", "a  ", " b", [1], {"a": 1}, "\\\\u00e9", "tab\\\\tx"]'`;
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE(${JT_SCALARS}, '$[*]' COLUMNS (n FOR ORDINALITY, i INT PATH '$', u INT UNSIGNED PATH '$', b BIGINT PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE(${JT_SCALARS}, '$[*]' COLUMNS (n FOR ORDINALITY, s VARCHAR(5) PATH '$', c CHAR(4) PATH '$', d DECIMAL(5,2) PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE(${JT_SCALARS}, '$[*]' COLUMNS (n FOR ORDINALITY, ti TINYINT PATH '$' DEFAULT '9' ON ERROR, us SMALLINT UNSIGNED PATH '$', mi MEDIUMINT PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.dbl FROM JSON_TABLE('[1, 2.5, -0.125, "1e2", "3.5abc", true, "", 1e-3]', '$[*]' COLUMNS (n FOR ORDINALITY, dbl DOUBLE PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.j FROM JSON_TABLE('[1, "x", true, null, [1, 2], {"a": [3, {"b": "c"}]}, []]', '$[*]' COLUMNS (n FOR ORDINALITY, j JSON PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.j, t.k FROM JSON_TABLE('[{"a":[1,2]},{"a":{"b":null}},{}]', '$[*]' COLUMNS (n FOR ORDINALITY, j JSON PATH '$.a', k JSON PATH '$.z' DEFAULT '[]' ON EMPTY)) AS t ORDER BY t.n`);
// ON EMPTY / ON ERROR: defaults converted to the column's type; null is a value, not empty.
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"a": [1]}, {}, {"a": "x"}, {"a": null}, {"a": 4}]', '$[*]' COLUMNS (n FOR ORDINALITY, a INT PATH '$.a' DEFAULT '7' ON EMPTY DEFAULT '8' ON ERROR, b VARCHAR(3) PATH '$.a' DEFAULT 'empty' ON EMPTY, c DECIMAL(4,1) PATH '$.a' DEFAULT 1.25 ON EMPTY NULL ON ERROR, d INT PATH '$.a' NULL ON EMPTY DEFAULT -3 ON ERROR)) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"a": 1}, {"a": 2}]', '$[*]' COLUMNS (a INT PATH '$.a' ERROR ON EMPTY, b INT PATH '$.a' ERROR ON ERROR)) AS t ORDER BY t.a`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"a": 1}, {}]', '$[*]' COLUMNS (a INT PATH '$.a' ERROR ON EMPTY)) AS t`);
// Row paths: the document itself, a key, an index, and arrays that are empty or not arrays.
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('{"a": [5, 6], "b": "x"}', '$' COLUMNS (n FOR ORDINALITY, a1 INT PATH '$.a[1]', b VARCHAR(5) PATH '$.b', a VARCHAR(5) PATH '$.a')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('{"a": [5, 6]}', '$.a' COLUMNS (first INT PATH '$[0]', second INT PATH '$[1]', third INT PATH '$[2]')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('{"a": 1}', '$[*]' COLUMNS (a INT PATH '$')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[]', '$[*]' COLUMNS (a INT PATH '$')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('5', '$[*]' COLUMNS (a INT PATH '$')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('{"a": 5}', '$.b' COLUMNS (a INT PATH '$')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE(NULL, '$[*]' COLUMNS (a INT PATH '$')) AS t`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[[1, 2], [3], []]', '$[*]' COLUMNS (n FOR ORDINALITY, first INT PATH '$[0]', j JSON PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"k\\\\"ey": "q", "a b": 1, "é": "ü"}]', '$[*]' COLUMNS (q VARCHAR(5) PATH '$."k\\\\"ey"', ab INT PATH '$."a b"', e VARCHAR(5) PATH '$."é"')) AS t`);
// Lateral over the class's documents (JSON column) and JSON kept in a VARCHAR (valid and not).
q('JSON_TABLE', `SELECT d.id, t.n, t.tag FROM lt_json_docs d, JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (n FOR ORDINALITY, tag VARCHAR(20) PATH '$')) AS t ORDER BY d.id, t.n`);
q('JSON_TABLE', `SELECT d.id, t.tag FROM lt_json_docs d LEFT JOIN JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t ON true WHERE d.id > 8 ORDER BY d.id, t.tag`);
q('JSON_TABLE', `SELECT d.id, t.tag FROM lt_json_docs d JOIN JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) t ON t.tag = 'red' ORDER BY d.id`);
q('JSON_TABLE', `SELECT t.tag, COUNT(*) AS uses FROM lt_json_docs d, JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t GROUP BY t.tag ORDER BY uses DESC, t.tag`);
q('JSON_TABLE', `SELECT d.id, t.n, t.v FROM lt_json_docs d, JSON_TABLE(d.doc, '$[*]' COLUMNS (n FOR ORDINALITY, v VARCHAR(10) PATH '$')) AS t WHERE d.id IN (6, 8, 12, 13) ORDER BY d.id, t.n`);
q('JSON_TABLE', `SELECT d.id, t.name, t.n FROM lt_json_docs d, JSON_TABLE(d.doc, '$' COLUMNS (name VARCHAR(10) PATH '$.name', n INT PATH '$.n' DEFAULT '-1' ON EMPTY)) AS t ORDER BY d.id`);
q('JSON_TABLE', `SELECT d.id, t.b1, t.b2 FROM lt_json_docs d, JSON_TABLE(d.doc, '$.b' COLUMNS (b1 INT PATH '$[0]', b2 INT PATH '$[1]')) AS t ORDER BY d.id`);
q('JSON_TABLE', `SELECT d.id, t.e FROM lt_json_docs d, JSON_TABLE(d.doc, '$.a.b.c.d[*]' COLUMNS (e VARCHAR(10) PATH '$.e' DEFAULT 'none' ON EMPTY)) AS t ORDER BY d.id, t.e`);
q('JSON_TABLE', `SELECT x.id, t.a, t.b FROM lt_json_text x, JSON_TABLE(x.j, '$' COLUMNS (a INT PATH '$.a', b VARCHAR(10) PATH '$.b')) AS t WHERE x.id IN (1, 2, 4, 7, 9, 11, 12) ORDER BY x.id`);
q('JSON_TABLE', `SELECT x.id, t.a FROM lt_json_text x, JSON_TABLE(x.j, '$' COLUMNS (a INT PATH '$.a')) AS t WHERE x.id = 5`);
q('JSON_TABLE', `SELECT x.id, t.v FROM lt_json_text x, JSON_TABLE(x.j, '$.b[*]' COLUMNS (v INT PATH '$')) AS t WHERE x.id < 5 ORDER BY x.id, t.v`);
q('JSON_TABLE', `SELECT p.id, t.tag FROM people p, JSON_TABLE(p.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t ORDER BY p.id, t.tag`);
q('JSON_TABLE', `SELECT p.id, t.n, t.vip FROM people p, JSON_TABLE(p.doc, '$' COLUMNS (n INT PATH '$.n', vip VARCHAR(5) PATH '$.vip')) AS t ORDER BY p.id`);
// Items joined to their rows, and aggregates over the exploded rows.
q('JSON_TABLE', `SELECT i.id, i.k, t.n FROM JSON_TABLE('[1, 5, 9, 42]', '$[*]' COLUMNS (n FOR ORDINALITY, id INT PATH '$')) AS t JOIN lt_json_items i ON i.id = t.id ORDER BY t.n`);
q('JSON_TABLE', `SELECT i.grp, SUM(t.q * i.amt) FROM lt_json_items i JOIN JSON_TABLE('[{"id": 1, "q": 3}, {"id": 2, "q": 1}, {"id": 9, "q": 2}, {"id": 100, "q": 1}]', '$[*]' COLUMNS (id INT PATH '$.id', q INT PATH '$.q')) AS t ON t.id = i.id GROUP BY i.grp ORDER BY i.grp`);
q('JSON_TABLE', `SELECT o.id, o.customer, t.tag FROM orders o LEFT JOIN JSON_TABLE('[{"c": "alice"}, {"c": "bob"}]', '$[*]' COLUMNS (tag VARCHAR(10) PATH '$.c')) t ON t.tag = o.customer ORDER BY o.id`);
q('JSON_TABLE', `SELECT (SELECT COUNT(*) FROM JSON_TABLE(d.doc, '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t) AS tags, d.id FROM lt_json_docs d ORDER BY d.id`);
q('JSON_TABLE', `SELECT d.id, t.tag FROM lt_json_docs d, JSON_TABLE(JSON_EXTRACT(d.doc, '$.tags'), '$[*]' COLUMNS (tag VARCHAR(20) PATH '$')) AS t WHERE t.tag LIKE 'r%' ORDER BY d.id`);
q('JSON_TABLE', `SELECT t.a, t.a + 1, CONCAT(t.s, '!'), t.s = 'X' FROM JSON_TABLE('[{"a": 1, "s": "x"}, {"a": 2, "s": "Y "}]', '$[*]' COLUMNS (a INT PATH '$.a', s VARCHAR(5) PATH '$.s')) AS t ORDER BY t.a`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('["9.995", "99.995", "-0.004", "-99.999", ".5", "5.", "+7", "0000012.345", 9.994, -0.005]', '$[*]' COLUMNS (n FOR ORDINALITY, d DECIMAL(4,2) PATH '$', i SMALLINT UNSIGNED PATH '$', x DOUBLE PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT t.n, t.s, CHAR_LENGTH(t.s), LENGTH(t.s) FROM JSON_TABLE('["Zoë 😀 ünï", "ééééé", "a\\\\nb", "tab\\\\there", ""]', '$[*]' COLUMNS (n FOR ORDINALITY, s VARCHAR(4) PATH '$')) AS t ORDER BY t.n`);
q('JSON_TABLE', `SELECT p.id, t.k, t.v FROM people p LEFT JOIN JSON_TABLE(p.doc, '$' COLUMNS (k VARCHAR(10) PATH '$.vip', v INT EXISTS PATH '$.tags')) AS t ON t.v = 1 ORDER BY p.id`);
q('JSON_TABLE', `SELECT t.* FROM JSON_TABLE('[{"a":1}]', '$[*]' COLUMNS (a INT PATH '$.a', NESTED PATH '$.b[*]' COLUMNS (b INT PATH '$'))) AS t`);

// CAST(x AS JSON): MariaDB 10.11 has no such cast (1064).
q('CAST AS JSON', `SELECT CAST('[1]' AS JSON)`);
q('CAST AS JSON', `SELECT id, CAST(label AS JSON) FROM lt_json_docs`);

// How far MariaDB's json_lib reads a text that is not (quite) JSON: JSON_VALID takes "\x" and
// loose numbers ('1.', '[1e]', '[-]'); JSON_LENGTH(doc) of a scalar is 1 once its first token
// is read; JSON_VALUE / JSON_CONTAINS / JSON_LENGTH with a one-step path stop at its value.
{
  const texts = [`{"a": 1,}`, `{"a":1} x`, `{"b":1} x`, `{"a": 1, "b": [1,}`, `{"b": 2, "a": 1,}`, `{"a": 2,}`, `{"a": "x",`, `{"a": {"b": 1},`, `{"a": [1,2],}`, `{"a": true,}`, `{,}`, `{"a": [1, 2}`, `{"a" 1}`, `[1, 2,]`, `[[1], x`, `[1] x`];
  const lit = (t: string) => `'${t.replace(/'/g, "''")}'`;
  for (const t of texts) {
    const path = t.startsWith('[') ? `'$[0]'` : `'$.a'`;
    q('JSON over broken text', `SELECT JSON_VALUE(${lit(t)}, ${path}), JSON_CONTAINS(${lit(t)}, '1', ${path}), JSON_LENGTH(${lit(t)}, ${path}), JSON_LENGTH(${lit(t)}), JSON_VALID(${lit(t)}), JSON_CONTAINS_PATH(${lit(t)}, 'one', ${path})`);
  }
  q('JSON over broken text', String.raw`SELECT JSON_VALID('1.5.'), JSON_VALID('[1.,2.,3.]'), JSON_VALID('"a\\\\x"'), JSON_VALID('"\\u12"'), JSON_VALID('"\\ä"'), JSON_VALID('-0.e1'), JSON_VALID('1..'), JSON_VALID('[1.e]'), JSON_VALID('[-.5]'), JSON_VALID('[1e]'), JSON_VALID('[-]'), JSON_VALID('[01]'), JSON_VALID('[0e]'), JSON_VALID('0e'), JSON_VALID('1e'), JSON_VALID('[1e+-+2]'), JSON_VALID('["\\u00e9", 1.]')`);
  q('JSON over broken text', String.raw`SELECT JSON_LENGTH('1e x'), JSON_LENGTH('- 1'), JSON_LENGTH('5]'), JSON_LENGTH('"a" x'), JSON_LENGTH('"\\q" ,'), JSON_LENGTH('nul'), JSON_LENGTH('  7x'), JSON_LENGTH('1e'), JSON_LENGTH('"abc'), JSON_LENGTH('"a\\u00" x'), JSON_LENGTH('nullnull'), JSON_LENGTH('01'), JSON_LENGTH('1é'), JSON_LENGTH('0.5.5'), JSON_LENGTH('-'), JSON_LENGTH('-x')`);
  q('JSON over broken text', `SELECT id, JSON_LENGTH(body), JSON_VALID(body), JSON_VALUE(body, '$.a'), JSON_CONTAINS(body, '1', '$.a') FROM lt_json_docs ORDER BY id`);
  q('JSON over broken text', `SELECT id, JSON_VALUE(j, '$.b'), JSON_LENGTH(j, '$.b'), JSON_CONTAINS(j, '"x"', '$.b'), JSON_VALID(j) FROM lt_json_text ORDER BY id`);
  q('JSON over broken text', `SELECT id FROM lt_json_text WHERE JSON_VALUE(j, '$.a') = '1' OR JSON_LENGTH(j) = 1 ORDER BY id`);
  q('JSON over broken text', `SELECT JSON_KEYS('{"a": 1,}'), JSON_KEYS('{"a":1} x'), JSON_KEYS('{"b":1,"a":2}}'), JSON_KEYS('{"a":1'), JSON_KEYS('100%'), JSON_KEYS('[1] x'), JSON_KEYS('{"a": [1, 2}'), JSON_KEYS(' {"x": {"y": 1}} ,')`);
}

// JSON_TABLE's NESTED PATH: each sibling's matches joined to the row in turn (the others NULL),
// a row none matches once with its nested columns NULL.
q('JSON_TABLE NESTED PATH', `SELECT t.* FROM JSON_TABLE('[{"a":1,"b":[10,20],"c":[7]},{"a":2},{"a":3,"b":[],"c":[8,9]}, {"a":4, "b": 5}]', '$[*]' COLUMNS (o FOR ORDINALITY, a INT PATH '$.a', NESTED PATH '$.b[*]' COLUMNS (bo FOR ORDINALITY, b INT PATH '$'), NESTED PATH '$.c[*]' COLUMNS (c INT PATH '$'))) AS t`);
q('JSON_TABLE NESTED PATH', `SELECT t.* FROM JSON_TABLE('{"x": [1,2], "y": {"z": [3]}}', '$' COLUMNS (NESTED PATH '$.x[*]' COLUMNS (x INT PATH '$'), NESTED PATH '$.y' COLUMNS (z INT PATH '$.z[0]'), NESTED PATH '$.q' COLUMNS (q INT PATH '$'))) AS t`);
q('JSON_TABLE NESTED PATH', `SELECT t.n, COUNT(t.tag), MAX(t.tag) FROM JSON_TABLE('[{"n": 1, "tags": ["red", "blue"]}, {"n": 2, "tags": []}, {"n": 3, "tags": "x"}, {"n": 4}]', '$[*]' COLUMNS (n INT PATH '$.n', NESTED PATH '$.tags[*]' COLUMNS (tag VARCHAR(20) PATH '$'))) AS t GROUP BY t.n ORDER BY t.n`);
q('JSON_TABLE NESTED PATH', `SELECT t.id, t.sku, o.customer FROM JSON_TABLE('[{"id": 1, "items": [{"sku": "a"}, {"sku": "b"}]}, {"id": 3, "items": [{"sku": "c"}]}]', '$[*]' COLUMNS (id INT PATH '$.id', NESTED PATH '$.items[*]' COLUMNS (sku VARCHAR(5) PATH '$.sku'))) AS t JOIN orders o ON o.id = t.id ORDER BY t.id, t.sku`);
q('JSON_TABLE NESTED PATH', `SELECT t.* FROM JSON_TABLE('[{"id": 1, "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 1}]}, {"id": 2, "items": []}]', '$[*]' COLUMNS (id INT PATH '$.id', NESTED PATH '$.items[*]' COLUMNS (pos FOR ORDINALITY, sku VARCHAR(5) PATH '$.sku', qty INT PATH '$.qty' DEFAULT '0' ON EMPTY))) AS t`);

export const jsonClass: LongTailClass = { setup: SETUP, queries };
