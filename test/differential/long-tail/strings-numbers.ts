// The long-tail corpus, class "strings-numbers": see ./corpus-query.ts. MySQL's string and number
// functions as reports, ORMs and BI tools write them: FORMAT for display in several locales,
// INSERT/QUOTE/MAKE_SET/STRCMP, bit and base conversions (BIN, OCT, HEX, UNHEX, CONV), TRIM with
// its keywords, CHAR, CONVERT ... USING, REGEXP and the REGEXP_* functions, the math functions.
// Over the semantics data (case/accent/trailing-space variants, 'straße', '' and NULL, doubles
// 1e308 and 5e-324, BIGINT and UNSIGNED edges, DECIMAL(12,2)) and lt_strings_text: regex
// metacharacters, multibyte characters, emoji, long strings.
import type { LongTailClass, LongTailQuery } from './corpus-query.ts';

const SETUP = [
  `CREATE TABLE lt_strings_text (
     id INT NOT NULL PRIMARY KEY,
     s VARCHAR(100),
     s_bin VARCHAR(100) COLLATE utf8mb4_bin,
     hx VARCHAR(40),
     n DOUBLE,
     d DECIMAL(20,6),
     i BIGINT,
     b VARBINARY(20)
   ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci`,
  String.raw`INSERT INTO lt_strings_text VALUES
     (1, 'a.b*c', 'a.b*c', '41', 1234567.891, 1234567.891000, 255, 'ab'),
     (2, '(x+y)?', '(x+y)?', '4A4b', -0.5, -0.500000, -1, 'AB'),
     (3, '[brackets] {2}', '[brackets] {2}', 'zz', 2.5, 2.500000, 9223372036854775807, ''),
     (4, 'back\\slash $end^', 'back\\slash $end^', 'F', 1e21, 99999999999999.999999, -9223372036854775808, NULL),
     (5, 'Zoë 😀 ß', 'Zoë 😀 ß', 'E282AC', 0.000123456, 0.000123, 0, 'z'),
     (6, 'ÉMILE émile', 'ÉMILE émile', '', 1e-7, 0.000001, 1000000, 'x y'),
     (7, 'line1\nline2', 'line1\nline2', NULL, NULL, NULL, NULL, NULL),
     (8, '', '', '0', 0, 0, 1, '0'),
     (9, NULL, NULL, 'ABC', 123456789012345678, 12345678901234.5, 12345678901234, 'ABC'),
     (10, 'aaa-bbb-ccc 123 456', 'aaa-bbb-ccc 123 456', '30313233', 5.5, 5.5, 5, 'aaa'),
     (11, 'tab\there', 'tab\there', '00FF', -1234.5, -1234.5, -1234, 'tab'),
     (12, 'x,y,,z', 'x,y,,z', '7e', 0.125, 0.125, 64, 'xyz'),
     (13, 'The Quick Brown Fox', 'The Quick Brown Fox', '54', 3.14159265358979, 3.141593, 314, 'Q'),
     (14, 'ÅNGSTRÖM ångström', 'ÅNGSTRÖM ångström', '6', 1e300, 1.000000, 7, 'Å'),
     (15, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore', 'Lorem ipsum', '4c6f72656d', 45, 45, 45, 'lorem')`,
];

const q: LongTailQuery[] = [];
const add = (category: string, sql: string, session?: string[]) => q.push(session ? { category, sql, session } : { category, sql });

// ---- numbers: FORMAT -------------------------------------------------------------------------
{
  const c = 'numbers: FORMAT';
  for (const col of ['amount', 'score', 'ratio', 'big', 'ubig', 'u', 'tiny', 'yr'])
    for (const d of [0, 2]) add(c, `SELECT id, FORMAT(${col}, ${d}) AS f FROM people ORDER BY id`);
  for (const col of ['amount', 'score', 'big']) for (const d of [-1, 4, 31, 40]) add(c, `SELECT id, FORMAT(${col}, ${d}) FROM people ORDER BY id`);
  for (const loc of ['en_US', 'de_DE', 'fr_FR', 'de_CH', 'it_IT', 'es_ES', 'pt_BR', 'ru_RU', 'sv_SE', 'ja_JP', 'hi_IN', 'nl_NL', 'xx_XX'])
    add(c, `SELECT id, FORMAT(amount, 2, '${loc}') AS f, FORMAT(score, 3, '${loc}') AS g FROM people ORDER BY id`);
  for (const lit of ['1234567.891', '-1234567.891', '0.5', '1.005', '2.5', '-2.5', '0.125', '1e308', '-1e-7', '99999999999999999999.5', "'1234.5abc'", "'abc'", 'NULL', '18446744073709551615', '-9223372036854775808'])
    add(c, `SELECT FORMAT(${lit}, 2), FORMAT(${lit}, 0)`);
  add(c, `SELECT FORMAT(1234567.891, 2, NULL), FORMAT(NULL, 2, 'de_DE'), FORMAT(1234.5, NULL)`);
  add(c, `SELECT customer, FORMAT(SUM(total), 2) AS revenue FROM orders GROUP BY customer ORDER BY customer`);
  add(c, `SELECT FORMAT(SUM(total), 2, 'de_DE') AS revenue, FORMAT(AVG(total), 1) AS avg_total FROM orders`);
  add(c, `SELECT id, CONCAT('$', FORMAT(total, 2)) AS label FROM orders ORDER BY id`);
  add(c, `SELECT id, FORMAT(n, 2) AS f, FORMAT(d, 3, 'de_DE') AS g, FORMAT(i, 0, 'fr_FR') AS h FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, FORMAT(amount * 1.1, 2) FROM people WHERE amount IS NOT NULL ORDER BY id`);
  add(c, `SELECT FORMAT(x, 2) FROM (SELECT 1.5 AS x UNION ALL SELECT 2.5 UNION ALL SELECT -0.005) t ORDER BY x`);
}

// ---- strings: INSERT, QUOTE, MAKE_SET, ELT / FIELD / FIND_IN_SET -------------------------------
{
  const c = 'strings: INSERT';
  for (const [p, l] of [[1, 0], [2, 3], [0, 2], [-1, 2], [5, 100], [3, -1], [7, 1], [20, 2]] as const)
    add(c, `SELECT id, INSERT(name, ${p}, ${l}, 'XY') AS s FROM people ORDER BY id`);
  add(c, `SELECT INSERT('Quadratic', 3, 4, 'What'), INSERT('Quadratic', -1, 4, 'What'), INSERT('Quadratic', 3, 100, 'What')`);
  add(c, `SELECT INSERT(NULL, 1, 2, 'x'), INSERT('abc', NULL, 2, 'x'), INSERT('abc', 1, 2, NULL)`);
  add(c, `SELECT id, INSERT(s, 2, 2, '😀') FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT INSERT(code, 1, 1, note) FROM people ORDER BY id`);
  add(c, `SELECT INSERT(12345, 2, 2, 0), INSERT('straße', 5, 1, 'SS')`);
}
{
  const c = 'strings: QUOTE';
  add(c, `SELECT id, QUOTE(name) FROM people ORDER BY id`);
  add(c, `SELECT id, QUOTE(note) FROM people ORDER BY id`);
  add(c, `SELECT id, QUOTE(s) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT QUOTE('Don''t!'), QUOTE(NULL), QUOTE(''), QUOTE('a\\\\b')`);
  add(c, `SELECT QUOTE(123), QUOTE(1.50), QUOTE(amount) FROM people WHERE id = 1`);
  add(c, `SELECT CONCAT('INSERT INTO t VALUES (', QUOTE(name), ')') FROM people WHERE id IN (1, 17, 15) ORDER BY id`);
}
{
  const c = 'strings: MAKE_SET';
  add(c, `SELECT MAKE_SET(1, 'a', 'b', 'c'), MAKE_SET(5, 'a', 'b', 'c'), MAKE_SET(0, 'a', 'b'), MAKE_SET(7, 'a', NULL, 'c')`);
  add(c, `SELECT MAKE_SET(1 | 4, 'hello', 'nice', 'world'), MAKE_SET(-1, 'x', 'y'), MAKE_SET(NULL, 'a')`);
  add(c, `SELECT id, MAKE_SET(tiny, 'b0', 'b1', 'b2', 'b3') FROM people ORDER BY id`);
  add(c, `SELECT id, MAKE_SET(u, name, code, note) FROM people ORDER BY id`);
  add(c, `SELECT id, MAKE_SET(i, 'one', 'two', 'four') FROM lt_strings_text ORDER BY id`);
}
{
  const c = 'strings: ELT FIELD FIND_IN_SET';
  add(c, `SELECT id, ELT(tiny, 'a', 'b', 'c') FROM people ORDER BY id`);
  add(c, `SELECT ELT(0, 'a'), ELT(2, 'a', 'b'), ELT(3, 'a', 'b'), ELT(NULL, 'a')`);
  add(c, `SELECT id, FIELD(name, 'bob', 'zoe', 'straße') FROM people ORDER BY id`);
  add(c, `SELECT id, FIELD(name_bin, 'bob', 'Bob') FROM people ORDER BY id`);
  add(c, `SELECT id, FIND_IN_SET('vip', tags), FIND_IN_SET('b', 'a,b,c') FROM people ORDER BY id`);
  add(c, `SELECT id, FIND_IN_SET(name, 'bob,zoe,alice') FROM people ORDER BY id`);
  add(c, `SELECT id FROM people WHERE FIELD(status, 'open', 'void') > 0 ORDER BY FIELD(status, 'open', 'void'), id`);
}

// ---- strings: STRCMP --------------------------------------------------------------------------
{
  const c = 'strings: STRCMP';
  for (const [a, b] of [['name', "'bob'"], ['name_bin', "'bob'"], ['name_uni', "'bob'"], ['name', "'zoe'"], ['name', "'straße'"], ['name_uni', "'strasse'"], ['name', "'emile'"], ['code', "'ab'"], ['note', 'name']])
    add(c, `SELECT id, STRCMP(${a}, ${b}) AS c FROM people ORDER BY id`);
  add(c, `SELECT STRCMP('text', 'text2'), STRCMP('text2', 'text'), STRCMP('text', 'text'), STRCMP('a', NULL)`);
  add(c, `SELECT STRCMP('A', 'a'), STRCMP('a ', 'a'), STRCMP('é', 'e'), STRCMP(BINARY 'A', 'a')`);
  add(c, `SELECT STRCMP(10, 9), STRCMP('10', '9'), STRCMP('', ' ')`);
  add(c, `SELECT id FROM people WHERE STRCMP(name, 'm') < 0 ORDER BY id`);
  add(c, `SELECT id, STRCMP(s, s_bin), STRCMP(s_bin, 'a.b*c') FROM lt_strings_text ORDER BY id`);
}

// ---- strings: BIT_LENGTH / OCTET_LENGTH, numbers: BIT_COUNT -----------------------------------
{
  const c = 'strings: BIT_LENGTH OCTET_LENGTH';
  add(c, `SELECT id, BIT_LENGTH(name), OCTET_LENGTH(name), LENGTH(name), CHAR_LENGTH(name) FROM people ORDER BY id`);
  add(c, `SELECT id, BIT_LENGTH(s), OCTET_LENGTH(s), BIT_LENGTH(b) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT BIT_LENGTH('text'), BIT_LENGTH(''), BIT_LENGTH(NULL), BIT_LENGTH(1234), OCTET_LENGTH(12.5)`);
  add(c, `SELECT id, BIT_LENGTH(code), OCTET_LENGTH(note) FROM people ORDER BY id`);
}
{
  const c = 'numbers: BIT_COUNT';
  add(c, `SELECT BIT_COUNT(0), BIT_COUNT(1), BIT_COUNT(255), BIT_COUNT(-1), BIT_COUNT(NULL), BIT_COUNT(29)`);
  for (const col of ['big', 'ubig', 'u', 'tiny', 'id']) add(c, `SELECT id, BIT_COUNT(${col}) FROM people ORDER BY id`);
  add(c, `SELECT id, BIT_COUNT(i) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT BIT_COUNT(18446744073709551615), BIT_COUNT(-9223372036854775808), BIT_COUNT(2.5)`);
}

// ---- numbers: BIN, OCT, CONV; strings: HEX / UNHEX ---------------------------------------------
{
  const c = 'numbers: BIN OCT';
  add(c, `SELECT BIN(12), BIN(0), BIN(-1), BIN(NULL), OCT(12), OCT(0), OCT(-1), OCT(8)`);
  for (const col of ['big', 'ubig', 'u', 'tiny']) add(c, `SELECT id, BIN(${col}), OCT(${col}) FROM people ORDER BY id`);
  add(c, `SELECT id, BIN(i), OCT(i) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT BIN(18446744073709551615), OCT(18446744073709551615), BIN(5.9), OCT('12abc')`);
}
{
  const c = 'numbers: CONV';
  for (const [n, f, t] of [["'a'", 16, 2], ["'6E'", 18, 8], ['-17', 10, -18], ['10+0', 10, 10], ["'ff'", 16, 10], ["'FF'", 16, -10], ["'-ff'", 16, 10], ["'zz'", 36, 10], ["'zz'", 10, 16], ["'12xy'", 10, 16], ["'18446744073709551615'", 10, 16], ["'18446744073709551616'", 10, 16], ["'-1'", 10, 16], ["'-1'", 10, -16], ["'ffffffffffffffff'", 16, -10], ["'1'", 1, 10], ["'1'", 10, 37], ["''", 10, 2], ['NULL', 10, 2], ["'7'", 8, 2], ["' 12'", 10, 2], ["'1.9'", 10, 2], ['255', 10, 36], ['-255', -10, 36]] as const)
    add(c, `SELECT CONV(${n}, ${f}, ${t})`);
  add(c, `SELECT id, CONV(big, 10, 16), CONV(ubig, 10, 2) FROM people ORDER BY id`);
  add(c, `SELECT id, CONV(hx, 16, 10), CONV(hx, 36, 10) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, CONV(u, 10, 36), CONV(tiny, 10, -2) FROM people ORDER BY id`);
  add(c, `SELECT id, CONV(name, 36, 10) FROM people ORDER BY id`);
}
{
  const c = 'strings: HEX UNHEX';
  add(c, `SELECT HEX('abc'), HEX(255), HEX(-1), HEX(NULL), HEX(''), HEX('Zoë')`);
  add(c, `SELECT UNHEX('4D7953514C'), UNHEX('41'), UNHEX('zz'), UNHEX('4'), UNHEX(''), UNHEX(NULL), UNHEX('4142x')`);
  add(c, `SELECT id, UNHEX(hx), HEX(UNHEX(hx)), LENGTH(UNHEX(hx)) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, HEX(name), HEX(name_bin), HEX(code) FROM people ORDER BY id`);
  add(c, `SELECT id, HEX(s), HEX(b), HEX(i), HEX(n) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, HEX(big), HEX(ubig), HEX(score), HEX(amount) FROM people ORDER BY id`);
  add(c, `SELECT UNHEX(HEX('straße')) = 'straße', UNHEX('E282AC'), UNHEX(616263)`);
  add(c, `SELECT id FROM lt_strings_text WHERE UNHEX(hx) IS NULL ORDER BY id`);
}

// ---- strings: TRIM with keywords, LTRIM/RTRIM --------------------------------------------------
{
  const c = 'strings: TRIM';
  for (const mode of ['BOTH', 'LEADING', 'TRAILING'])
    for (const rem of ["'x'", "'xy'", "' '", "''"]) add(c, `SELECT TRIM(${mode} ${rem} FROM 'xyxyaxyxyx'), TRIM(${mode} ${rem} FROM '  a  ')`);
  for (const mode of ['BOTH', 'LEADING', 'TRAILING']) add(c, `SELECT id, TRIM(${mode} FROM name) AS t, LENGTH(TRIM(${mode} FROM name)) AS n FROM people ORDER BY id`);
  add(c, `SELECT TRIM('x' FROM 'xxaxx'), TRIM(NULL FROM 'a'), TRIM('a' FROM NULL), TRIM(BOTH 'ß' FROM 'ßaß')`);
  add(c, `SELECT id, TRIM(BOTH 'e' FROM name), TRIM(LEADING 'b' FROM name_bin), TRIM(TRAILING ' ' FROM code) FROM people ORDER BY id`);
  add(c, `SELECT id, LTRIM(name), RTRIM(name), TRIM(name), CONCAT('[', LTRIM(note), ']') FROM people ORDER BY id`);
  add(c, `SELECT id, TRIM(BOTH '-' FROM s), RTRIM(s), LTRIM(s) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT LTRIM('  \tx '), RTRIM(' x \n'), TRIM('\t x \t')`);
  add(c, `SELECT TRIM(LEADING '0' FROM '000120'), TRIM(TRAILING '0' FROM '1.2500'), TRIM(BOTH 'ab' FROM 'abababcab')`);
  add(c, `SELECT customer, TRIM(customer) = 'ACME' FROM orders ORDER BY id`);
}

// ---- strings: CHAR, CONVERT ... USING ---------------------------------------------------------
{
  const c = 'strings: CHAR';
  add(c, `SELECT CHAR(77, 121, 83, 81, 76 USING utf8mb4), CHAR(65 USING utf8mb4), CHAR(NULL, 66 USING utf8mb4)`);
  add(c, `SELECT CHAR(77, 121, 83, 81, '76'), CHAR(65), HEX(CHAR(1, 0)), HEX(CHAR(256)), HEX(CHAR(65536))`);
  add(c, `SELECT id, CHAR(tiny USING utf8mb4) FROM people WHERE tiny > 31 ORDER BY id`);
  add(c, `SELECT CHAR(50089 USING utf8mb4), CHAR(0xC3A9 USING utf8mb4), CHAR(72, 105 USING latin1)`);
  add(c, `SELECT LENGTH(CHAR(300)), CHAR_LENGTH(CHAR(65, 66)), CONCAT(CHAR(72, 105 USING utf8mb4), '!')`);
}
{
  const c = 'strings: CONVERT USING';
  add(c, `SELECT CONVERT('abc' USING utf8mb4), CONVERT(NULL USING utf8mb4)`);
  add(c, `SELECT id, CONVERT(name USING utf8mb4) FROM people ORDER BY id`);
  add(c, `SELECT id, CONVERT(name USING utf8mb4) = 'BOB' FROM people ORDER BY id`);
  add(c, `SELECT id, CONVERT(name USING latin1) FROM people ORDER BY id`);
  add(c, `SELECT id, CONVERT(s USING latin1) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, CONVERT(name USING binary), HEX(CONVERT(name USING binary)) FROM people ORDER BY id`);
  add(c, `SELECT CONVERT(123 USING utf8mb4), CONVERT(1.5 USING utf8mb4), CONVERT(b USING utf8mb4) FROM lt_strings_text WHERE id = 1`);
  add(c, `SELECT id FROM people WHERE CONVERT(name USING utf8mb4) LIKE 'z%' ORDER BY id`);
  add(c, `SELECT CONVERT('Zoë' USING ascii), CONVERT('straße' USING utf8)`);
}

// ---- strings: REGEXP / RLIKE ------------------------------------------------------------------
{
  const c = 'strings: REGEXP';
  const patterns = ['^bob', 'bob$', '^b.b *$', '^[a-c]', '[[:upper:]]', '[[:digit:]]+', '^.{3}$', 'o|ë', 'e(mi|ng)', '^[^aeiou]+$', 'ss|ß', '^$', '\\\\.', 'a_b%', '[%_]', '^ ', ' $', 'x{0,1}', 'É', '^(bob|zoe)$', 'l+', '^[[:alpha:]]+$', '[.]', '\\\\w+', '\\\\s', '\\\\d'];
  for (const p of patterns) add(c, `SELECT id, name REGEXP '${p}' AS m FROM people ORDER BY id`);
  for (const p of ['^bob', 'É', '^b.b *$', '[[:lower:]]']) add(c, `SELECT id, name_bin REGEXP '${p}' AS m, name_uni RLIKE '${p}' AS n FROM people ORDER BY id`);
  for (const p of ['\\\\.', '\\\\*', '\\\\(', '\\\\[', '\\\\$', '\\\\^', '\\\\\\\\', '😀', '[[:space:]]', '\\\\n', '^.*$', '(?i)quick', '(?-i)quick', 'ß', '[0-9]{3}'])
    add(c, `SELECT id, s REGEXP '${p}', s_bin REGEXP '${p}' FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id FROM people WHERE name NOT REGEXP '^[a-z]' ORDER BY id`);
  add(c, `SELECT id FROM people WHERE name RLIKE 'b' AND note REGEXP 'i' ORDER BY id`);
  add(c, `SELECT 'abc' REGEXP 'B', 'abc' REGEXP BINARY 'B', BINARY 'abc' REGEXP 'b', NULL REGEXP 'a', 'a' REGEXP NULL`);
  add(c, `SELECT 123 REGEXP '^1', 1.50 REGEXP '0$', 'Zoë' REGEXP 'ZOE', 'Zoë' REGEXP '^Zo.$'`);
  add(c, `SELECT id, name REGEXP code FROM people ORDER BY id`);
  add(c, `SELECT COUNT(*) FROM people WHERE name REGEXP '^[[:alpha:]]'`);
  // PCRE-only syntax: refused by name.
  for (const p of ['(b)\\\\1', '(?=o)', '(?<!a)b', 'a++', '\\\\bbob\\\\b', '(?<n>b)', '\\\\Z', '[[:<:]]bob'])
    add(c, `SELECT id, name REGEXP '${p}' FROM people ORDER BY id`);
}
{
  const c = 'strings: REGEXP_REPLACE';
  for (const [p, r] of [['[aeiou]', '*'], ['b+', 'B'], ['^(.)', '<\\\\1>'], ['\\\\s+', '_'], ['o', ''], ['(b)(o)', '\\\\2\\\\1'], ['.', 'x'], ['$', '!'], ['ë|é', 'e']] as const)
    add(c, `SELECT id, REGEXP_REPLACE(name, '${p}', '${r}') AS r FROM people ORDER BY id`);
  add(c, `SELECT id, REGEXP_REPLACE(s, '[^[:alnum:]]', '') FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, REGEXP_REPLACE(s_bin, '[A-Z]', '#') FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT REGEXP_REPLACE('abc', 'B', 'x'), REGEXP_REPLACE(NULL, 'a', 'b'), REGEXP_REPLACE('abc', 'a', NULL), REGEXP_REPLACE('aaa', 'a*', '-')`);
  add(c, `SELECT REGEXP_REPLACE('2024-01-31', '([0-9]+)-([0-9]+)-([0-9]+)', '\\\\3/\\\\2/\\\\1'), REGEXP_REPLACE('a.b.c', '\\\\.', '\\\\\\\\')`);
  add(c, `SELECT id, REGEXP_REPLACE(note, '(?i)BOB', 'Robert') FROM people ORDER BY id`);
}
{
  const c = 'strings: REGEXP_SUBSTR';
  for (const p of ['[0-9]+', '[a-z]+', '^.', '[[:upper:]][[:lower:]]+', '\\\\s.*', 'x?', 'ß|ss'])
    add(c, `SELECT id, REGEXP_SUBSTR(s, '${p}') AS m FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, REGEXP_SUBSTR(name, 'b.b'), REGEXP_SUBSTR(name_bin, 'B.') FROM people ORDER BY id`);
  add(c, `SELECT REGEXP_SUBSTR('abc', 'z'), REGEXP_SUBSTR(NULL, 'a'), REGEXP_SUBSTR('ABC', 'b')`);
}
{
  const c = 'strings: REGEXP_INSTR';
  for (const p of ['[0-9]', 'b', '😀', '\\\\s', 'z', '^', 'é'])
    add(c, `SELECT id, REGEXP_INSTR(s, '${p}') AS m FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, REGEXP_INSTR(name, 'e'), REGEXP_INSTR(name_bin, 'E') FROM people ORDER BY id`);
  add(c, `SELECT REGEXP_INSTR('abc', 'C'), REGEXP_INSTR('', 'a'), REGEXP_INSTR(NULL, 'a'), REGEXP_INSTR('straße', 'e')`);
}

// ---- numbers: trigonometric and math functions ------------------------------------------------
{
  const c = 'numbers: trigonometry';
  for (const fn of ['SIN', 'COS', 'TAN', 'COT', 'ASIN', 'ACOS', 'ATAN', 'DEGREES', 'RADIANS'])
    add(c, `SELECT ${fn}(0), ${fn}(1), ${fn}(-0.5), ${fn}(2), ${fn}(NULL), ${fn}(PI())`);
  for (const fn of ['SIN', 'COS', 'TAN', 'ATAN', 'DEGREES', 'RADIANS', 'ASIN', 'ACOS'])
    add(c, `SELECT id, ${fn}(score) AS a, ${fn}(amount) AS b, ${fn}(tiny) AS c FROM people ORDER BY id`);
  add(c, `SELECT ATAN2(1, 1), ATAN2(-1, -1), ATAN2(0, 0), ATAN(1, 2), ATAN(-2, 2), ATAN2(NULL, 1)`);
  add(c, `SELECT id, ATAN2(score, amount), ATAN(tiny, u) FROM people ORDER BY id`);
  add(c, `SELECT COT(0), COT(PI() / 4), TAN(PI() / 2), ASIN(1.0001), ACOS(-1)`);
  add(c, `SELECT PI(), PI() + 0.0, PI() * 2, DEGREES(PI()), RADIANS(180), ROUND(SIN(PI() / 6), 10)`);
  add(c, `SELECT id, SIN(n), COS(d), DEGREES(i) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT SIN('1'), COS('abc'), TAN('0.5x')`);
}
{
  const c = 'numbers: logarithms and powers';
  for (const fn of ['EXP', 'LN', 'LOG', 'LOG2', 'LOG10', 'SQRT'])
    add(c, `SELECT ${fn}(0), ${fn}(1), ${fn}(-1), ${fn}(2), ${fn}(100), ${fn}(NULL), ${fn}(0.5)`);
  for (const fn of ['EXP', 'LN', 'LOG', 'LOG2', 'LOG10', 'SQRT'])
    add(c, `SELECT id, ${fn}(score) AS a, ${fn}(amount) AS b, ${fn}(u) AS c FROM people ORDER BY id`);
  add(c, `SELECT LOG(2, 8), LOG(10, 100), LOG(1, 10), LOG(-2, 8), LOG(2, 0), LOG(0.5, 4), LOG(NULL, 2)`);
  add(c, `SELECT POW(2, 10), POWER(2, -1), POW(-8, 1/3), POW(0, 0), POW(10, 308), POW(2, 0.5), POW(NULL, 2)`);
  add(c, `SELECT id, POW(tiny, 2), POWER(amount, 2), SQRT(ABS(score)) FROM people ORDER BY id`);
  add(c, `SELECT EXP(709), EXP(-1000), LN(5e-324), LOG10(1e308), SQRT(1e308), LOG2(0.125)`);
  add(c, `SELECT id, LOG(n), SQRT(d), EXP(i) FROM lt_strings_text WHERE i < 100 ORDER BY id`);
}
{
  const c = 'numbers: SIGN CRC32 ISNULL';
  add(c, `SELECT id, SIGN(score), SIGN(amount), SIGN(big), SIGN(ubig) FROM people ORDER BY id`);
  add(c, `SELECT SIGN(-0.0), SIGN(0), SIGN(-5), SIGN(NULL), SIGN('-3x'), SIGN(5e-324)`);
  add(c, `SELECT CRC32('MySQL'), CRC32('mysql'), CRC32(''), CRC32(NULL), CRC32(123), CRC32('Zoë')`);
  add(c, `SELECT id, CRC32(name), CRC32(code), CRC32(amount) FROM people ORDER BY id`);
  add(c, `SELECT id, CRC32(s), CRC32(b) FROM lt_strings_text ORDER BY id`);
  add(c, `SELECT id, CRC32(name) % 4 AS bucket FROM people ORDER BY bucket, id`);
  add(c, `SELECT id, ISNULL(name), ISNULL(score), ISNULL(doc) FROM people ORDER BY id`);
  add(c, `SELECT ISNULL(NULL), ISNULL(0), ISNULL(''), ISNULL(1 / 0)`);
  add(c, `SELECT id FROM people WHERE ISNULL(status) ORDER BY id`);
}
{
  const c = 'numbers: RAND';
  add(c, `SELECT RAND(5)`);
  add(c, `SELECT RAND(0), RAND(1), RAND(-1), RAND(123456789)`);
  add(c, `SELECT ROUND(RAND(42) * 100)`);
  add(c, `SELECT id, RAND(7) FROM people ORDER BY id`);
  add(c, `SELECT id FROM people ORDER BY RAND(3) LIMIT 3`);
}

// ---- more shapes over other columns and arguments (what a held-out corpus would send) ---------
{
  add('numbers: FORMAT', `SELECT id, FORMAT(score, 2, 'en_IN') AS a, FORMAT(ubig, 1, 'ta_IN') AS b, FORMAT(amount, 2, 'bg_BG') AS c FROM people ORDER BY id`);
  add('numbers: FORMAT', `SELECT id, FORMAT(note, 1) AS a, FORMAT(code, 0, 'de_DE') AS b FROM people ORDER BY id`);
  add('numbers: FORMAT', `SELECT id, FORMAT(ratio, 5, 'sv_SE'), FORMAT(u * 1.5, 1, 'pt_PT') FROM people ORDER BY id`);
  add('numbers: FORMAT', `SELECT FORMAT(total, 2, 'DE_de') AS t FROM orders WHERE total IS NOT NULL ORDER BY total DESC`);
  add('strings: REGEXP', `SELECT id, status REGEXP '^(open|void)$' AS a, tags REGEXP 'vip' AS b, born REGEXP '^2024-0[1-3]' AS c FROM people ORDER BY id`);
  add('strings: REGEXP', `SELECT id, seen REGEXP '\\\\.0+$' AS a, amount REGEXP '^-' AS b, score REGEXP 'e' AS c FROM people ORDER BY id`);
  add('strings: REGEXP', `SELECT id, name REGEXP '^[A-Z][a-z]+$', name_bin REGEXP '^[A-Z][a-z]+$', name_uni REGEXP 'ANG' FROM people ORDER BY id`);
  add('strings: REGEXP', `SELECT id, s REGEXP '[aeiou]{2}', s REGEXP '(ab|xy)+', s_bin REGEXP '^[^ ]+ [^ ]+$' FROM lt_strings_text ORDER BY id`);
  add('strings: REGEXP', `SELECT customer, COUNT(*) FROM orders WHERE customer REGEXP '^(acme|zoe)' GROUP BY customer ORDER BY customer`);
  add('strings: REGEXP', `SELECT id FROM people WHERE name_bin REGEXP '(?i)^bob' ORDER BY id`);
  add('strings: REGEXP_SUBSTR', `SELECT id, REGEXP_SUBSTR(note, '[[:alpha:]]+'), REGEXP_SUBSTR(born, '[0-9]{2}$') FROM people ORDER BY id`);
  add('strings: REGEXP_INSTR', `SELECT id, REGEXP_INSTR(name_uni, 'Ö|ö'), REGEXP_INSTR(code, '[[:digit:]]') FROM people ORDER BY id`);
  add('strings: REGEXP_REPLACE', `SELECT id, REGEXP_REPLACE(code, '[[:space:]]+', '-'), REGEXP_REPLACE(name_bin, 'B', 'b') FROM people ORDER BY id`);
  add('strings: INSERT', `SELECT id, INSERT(note, 2, 1, name_bin), INSERT(s, id, 2, '#') FROM people JOIN lt_strings_text USING (id) ORDER BY id`);
  add('strings: STRCMP', `SELECT id, STRCMP(name_uni, 'STRASSE'), STRCMP(name_bin, name_bin) FROM people ORDER BY id`);
  add('strings: STRCMP', `SELECT o.id, STRCMP(o.customer, p.name) FROM orders o LEFT JOIN people p ON p.id = o.person_id ORDER BY o.id`);
  add('strings: QUOTE', `SELECT id, QUOTE(born), QUOTE(seen), QUOTE(score) FROM people ORDER BY id`);
  add('strings: MAKE_SET', `SELECT id, MAKE_SET(id, 'a', 'b', 'c', 'd', 'e') FROM people ORDER BY id`);
  add('strings: ELT FIELD FIND_IN_SET', `SELECT id, FIND_IN_SET(code, 'ab,zoe,ss'), FIELD(name_uni, 'STRASSE', 'bob') FROM people ORDER BY id`);
  add('strings: TRIM', `SELECT id, TRIM(LEADING 'b' FROM name), TRIM(TRAILING 'e' FROM name_uni), TRIM(BOTH ' ' FROM code) FROM people ORDER BY id`);
  add('strings: TRIM', `SELECT id, TRIM(BOTH 'a' FROM s), TRIM(LEADING 'Lorem ' FROM s) FROM lt_strings_text ORDER BY id`);
  add('numbers: CONV', `SELECT id, CONV(amount, 10, 16), CONV(score, 10, 2), CONV(born, 10, 8) FROM people ORDER BY id`);
  add('numbers: CONV', `SELECT id, CONV(code, 16, 10), CONV(code, 36, -10) FROM people ORDER BY id`);
  add('numbers: BIN OCT', `SELECT id, BIN(amount), OCT(score), BIN(yr) FROM people ORDER BY id`);
  add('strings: HEX UNHEX', `SELECT id, HEX(ratio), HEX(yr), UNHEX(code) FROM people ORDER BY id`);
  add('strings: BIT_LENGTH OCTET_LENGTH', `SELECT id, BIT_LENGTH(born), BIT_LENGTH(seen), BIT_LENGTH(score) FROM people ORDER BY id`);
  add('numbers: SIGN CRC32 ISNULL', `SELECT id, CRC32(born), CRC32(seen), CRC32(score), CRC32(status) FROM people ORDER BY id`);
  add('numbers: trigonometry', `SELECT id, ROUND(DEGREES(ATAN2(tiny, u)), 4), COT(score) FROM people WHERE score <> 0 AND id <> 1 ORDER BY id`);
  add('numbers: logarithms and powers', `SELECT id, POW(ratio, 2), EXP(tiny), LOG(2, u) FROM people ORDER BY id`);
  add('strings: CHAR', `SELECT CHAR(id + 64 USING utf8mb4) FROM people WHERE id < 5 ORDER BY id`);
  add('strings: CONVERT USING', `SELECT id, CONVERT(note USING latin1) = note, CONVERT(born USING utf8mb4) FROM people ORDER BY id`);
}

// Bugs found in shared dialect code, each query a class: bytes cast to text, unary minus on
// BIGINT UNSIGNED, DOUBLE digits at the extremes, a user variable's coercibility.
{
  for (const hex of ['E282AC', 'C3A9', '41', '', '5A6FC3AB', 'F09F9880', 'FF41', 'E282', '41E28241', 'C0AF', 'EDA080']) {
    add('strings: CAST bytes AS CHAR', `SELECT CAST(UNHEX('${hex}') AS CHAR) AS c, CONVERT(UNHEX('${hex}'), CHAR) AS d, CAST(UNHEX('${hex}') AS CHAR(2)) AS e`);
  }
  add('strings: CAST bytes AS CHAR', 'SELECT id, CAST(UNHEX(HEX(name)) AS CHAR) AS c, CAST(CAST(name AS BINARY) AS CHAR) AS d FROM people ORDER BY id');
  add('strings: CAST bytes AS CHAR', "SELECT id, CAST(x'C3A9' AS CHAR) = 'é', CONCAT(CAST(UNHEX('E282AC') AS CHAR), name) FROM people WHERE id < 4 ORDER BY id");
  for (const col of ['ubig', 'u', 'big', 'tiny', 'ubig DIV 2', 'ubig % 1000', 'u + 1', 'CAST(ubig AS UNSIGNED)']) {
    add('numbers: unary minus of an unsigned integer', `SELECT id, -(${col}) AS n FROM people WHERE id IN (2, 3, 4, 6, 10, 14, 17, 18) ORDER BY id`);
    add('numbers: unary minus of an unsigned integer', `SELECT -(${col}) AS n FROM people ORDER BY id`);
    if (!col.includes(' ')) add('numbers: unary minus of an unsigned integer', `SELECT id, -${col} AS n, -${col} * 2 AS m FROM people ORDER BY id`);
  }
  add('numbers: unary minus of an unsigned integer', 'SELECT id, - -ubig, -ubig + 1, ABS(-u) FROM people WHERE id IN (2, 3, 4, 17) ORDER BY id');
  for (const x of ['1e300', '-1e300', '1.7976931348623157e308', '163742616012970017e0', '1e21', '1e22', '123456789012345678901234e0', '0.1e0', '1e-300', '2.5e0', '-0.000001e0', 'score', 'score * 1e10', 'ratio', 'amount * 1e15']) {
    add('numbers: DOUBLE digits at the extremes', `SELECT id, ROUND(${x}, 2) AS r2, ROUND(${x}, 6) AS r6, ROUND(${x}, 0) AS r0, ROUND(${x}, -2) AS rm, TRUNCATE(${x}, 3) AS t3, FORMAT(${x}, 2) AS f FROM people WHERE id IN (1, 2, 3, 9, 18, 19, 20) ORDER BY id`);
    add('numbers: DOUBLE digits at the extremes', `SELECT id, CONCAT(ROUND(${x}, 2)) AS c2, CAST(ROUND(${x}, 6) AS CHAR) AS c6, CONCAT('', TRUNCATE(${x}, 1)) AS t1, ROUND(${x}, 2) = ${x} AS same, JSON_ARRAY(ROUND(${x}, 3)) AS j FROM people WHERE id IN (1, 2, 3, 9, 18, 19, 20) ORDER BY id`);
  }
  for (const [name, value] of [['@t', "'vip'"], ['@t', "'a,b'"], ['@n', '2'], ['@t', "'B'"]] as const) {
    add('strings: user variable coercibility', `SELECT id, FIND_IN_SET(${name}, tags), ${name} = status, CONCAT(name, ${name}) FROM people ORDER BY id`, [`SET ${name} = ${value}`]);
    for (const names of ['utf8mb3', 'latin1']) {
      add('strings: user variable coercibility', `SELECT id, FIND_IN_SET(${name}, tags), ${name} = name, ${name} = name_bin, ${name} < name_uni, CONCAT(${name}, name) FROM people ORDER BY id`, [`SET NAMES ${names}`, `SET ${name} = ${value}`, 'SET NAMES utf8mb4']);
    }
  }
  add('strings: user variable coercibility', 'SELECT id, name = @t, name_bin = @t, @t = name_uni, STRCMP(@t, name) FROM people ORDER BY id', ["SET NAMES utf8mb4", "SET @t = 'bob'"]);
  add('strings: user variable coercibility', 'SELECT id, FIND_IN_SET(@t, tags), @t = status FROM people ORDER BY id', ["SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci", "SET @t = 'vip'", 'SET NAMES utf8mb4']);
  add('strings: user variable coercibility', 'SELECT id, FIND_IN_SET(@t, tags) FROM people WHERE @t = status OR FIND_IN_SET(@t, tags) ORDER BY id', ["SET @t = CONCAT('v', 'ip')"]);
}

// LOCATE / POSITION / INSTR search under the operands' collation: case- and accent-blind under
// general_ci, exact under _bin, bytes for binary strings, 1267 for two clashing column collations.
{
  const c = 'strings: LOCATE under a collation';
  for (const needle of ["'B'", "'b'", "'E'", "'é'", "'ss'", "'ß'", "'O'", "' '", "''", "'Zoe'", "'LICE'", 'NULL']) {
    add(c, `SELECT id, LOCATE(${needle}, name) AS l, LOCATE(${needle}, name_bin) AS lb, INSTR(name, ${needle}) AS i, INSTR(note, ${needle}) AS n FROM people ORDER BY id`);
  }
  add(c, 'SELECT id, LOCATE(code, name), LOCATE(code, note), INSTR(note, code) FROM people ORDER BY id');
  add(c, 'SELECT id, LOCATE(name_bin, name_bin), LOCATE(name, note) FROM people ORDER BY id');
  add(c, 'SELECT id, LOCATE(name_bin, name_uni) FROM people ORDER BY id');
  add(c, "SELECT id, LOCATE('o', name, 2) AS a, LOCATE('O', name_bin, 3) AS b, LOCATE('e', name, 0) AS z, LOCATE('e', name, 99) AS far FROM people ORDER BY id");
  add(c, "SELECT id, LOCATE('b' COLLATE utf8mb4_bin, name) AS b, LOCATE('B' COLLATE utf8mb4_general_ci, name_bin) AS g FROM people ORDER BY id");
  add(c, "SELECT LOCATE('b', 'aBc'), LOCATE('ß', 'STRASSE'), LOCATE('Ä', 'bär'), INSTR('Zoë', 'Ë'), LOCATE('', ''), LOCATE('a', 'banana', 3)");
  // Under a UCA collation 'ß' is found by 'ss': ASCII text is searched, other text refused when met.
  add(c, "SELECT id, LOCATE('LI', name_uni), INSTR(name_uni, 'b') FROM people WHERE id IN (1, 2, 3, 4, 13, 14, 15, 16, 17) ORDER BY id");
  add(c, "SELECT id FROM people WHERE LOCATE('ALI', name) > 0 OR INSTR(name_bin, 'mil') = 2 ORDER BY id");
}

// Bytes cast to text as MariaDB reads them: each byte that starts no well-formed character is '?'
// (truncated, overlong, past U+10FFFF, a stray continuation), 4-byte characters under utf8mb4;
// and RAND(seed) in a SELECT that reads no table: the first value of MariaDB's generator.
{
  const c = 'strings: CAST bytes AS CHAR';
  for (const hex of ['C328', 'E28228', 'F4908080', 'F09F98', 'E0808F', 'F08F8080', '4180', 'C1BF', 'EFBFBF', 'F48FBFBF', 'E2828241', 'F09F9841', '80', 'ED9FBF', 'E282AC41FF42', 'F0908080C3']) {
    add(c, `SELECT CAST(UNHEX('${hex}') AS CHAR) AS c, HEX(CAST(UNHEX('${hex}') AS CHAR)) AS h, CHAR_LENGTH(CONVERT(UNHEX('${hex}'), CHAR)) AS n, CAST(UNHEX('${hex}') AS CHAR(3)) AS e`);
  }
  add(c, "SELECT CAST(x'F09F988041' AS CHAR) AS a, CAST(CONCAT(x'FF', x'41') AS CHAR) AS b, CAST(UNHEX(NULL) AS CHAR) AS n, CAST(UNHEX('') AS CHAR) AS e");
  add(c, "SELECT id, CAST(UNHEX(CONCAT('FF', HEX(name))) AS CHAR) AS c, CAST(CONCAT(CAST(name AS BINARY), x'C0') AS CHAR) AS d FROM people ORDER BY id");
  add(c, "SELECT id, CAST(UNHEX(code) AS CHAR) AS c, LENGTH(CAST(UNHEX(code) AS CHAR)) AS l FROM people ORDER BY id");
  add(c, "SELECT id, CAST(b AS CHAR) AS c, CAST(UNHEX(HEX(b)) AS CHAR(4)) AS d FROM lt_strings_text ORDER BY id");
  add('strings: CONVERT USING', "SELECT CONVERT(UNHEX('FF41') USING utf8mb4) AS a, CONVERT(x'F09F9880' USING utf8mb4) AS b, CONVERT(UNHEX('E28228') USING utf8mb4) AS c, CONVERT(UNHEX(NULL) USING utf8mb4) AS n");
  add('strings: CONVERT USING', 'SELECT id, CONVERT(b USING utf8mb4) AS c, CONVERT(CAST(s AS BINARY) USING utf8mb4) = s AS same FROM lt_strings_text ORDER BY id');
  add('strings: CONVERT USING', "SELECT id, CONVERT(CONCAT(CAST(name AS BINARY), x'FF') USING utf8mb4) AS c FROM people ORDER BY id");
}
{
  const c = 'numbers: RAND';
  add(c, 'SELECT RAND(2), RAND(99), RAND(-7), RAND(4294967295), RAND(4294967296)');
  add(c, 'SELECT RAND(1.5), RAND(-2.5), RAND(NULL), RAND(0) * 10');
  add(c, "SELECT FLOOR(RAND(11) * 1000) AS n, RAND(11) < 0.5 AS low, CONCAT('r', RAND(3)) AS txt, ROUND(RAND(17), 4) AS r4");
  add(c, 'SELECT RAND(8) + RAND(8) AS twice, RAND(123) = RAND(123) AS same, RAND(1000000) AS m');
  add(c, 'SELECT RAND(21) AS r UNION ALL SELECT RAND(22) UNION ALL SELECT RAND(21)');
  add(c, 'SELECT (SELECT RAND(31)) AS s, IF(RAND(9) > 0.5, \'hi\', \'lo\') AS half');
  add(c, 'SELECT RAND(77) AS r ORDER BY r');
}

// LOCATE / INSTR / POSITION with non-ASCII text under general_ci: a window of the needle's bytes
// compared character by character (LOCATE('é', 'Zoë') is 3, LOCATE('e', 'Zoë') is 0), and an
// empty needle with a start answered from the start's byte offset (LOCATE('', 'éa', 2) is 3).
{
  const c = 'strings: LOCATE non-ASCII';
  for (const needle of ["'ë'", "'Ö'", "'SS'", "'å'", "'😀'", "'é '", "'oë'"]) add(c, `SELECT id, LOCATE(${needle}, name) AS l, INSTR(note, ${needle}) AS i, LOCATE(${needle}, name, 2) AS l2 FROM people ORDER BY id`);
  add(c, "SELECT id, LOCATE('', name, 2) AS e2, LOCATE('', name, 3) AS e3, LOCATE('', note, 7) AS e7, LOCATE('', name, 0) AS e0 FROM people ORDER BY id");
  add(c, "SELECT LOCATE('é','Zoë'), LOCATE('e','Zoë'), LOCATE('ß','straße'), LOCATE('s','straße'), LOCATE('ß','Strasse'), LOCATE('É','émile é',2), LOCATE('é','',1), LOCATE('','é'), LOCATE('','éa',3), LOCATE('','éa',4), LOCATE('é', NULL), LOCATE('é','aé',0), INSTR('Zoë','Ë'), LOCATE('éx','aÉX'), LOCATE('😀','a😁b'), LOCATE('ä','A'), LOCATE('aé','AE')");
  add(c, "SELECT LOCATE('', 'éa', 1), LOCATE('', 'aé', 3), LOCATE('', 'ééé', 4), LOCATE('', 'ééé', 5), LOCATE('','',1), LOCATE('','a',2), LOCATE('é','éaé',2), LOCATE('a','éa',3), LOCATE('é','ééé',4), LOCATE('', NULL, 1), LOCATE('é', 'aé', NULL)");
  add(c, "SELECT id, name FROM people WHERE LOCATE('ö', name) > 0 OR INSTR(name, 'É') = 1 ORDER BY id");
  add(c, 'SELECT a.id, b.id, LOCATE(a.code, b.name) FROM people a JOIN people b ON a.id IN (5, 7, 10, 19, 20) AND b.id IN (5, 8, 10, 19) ORDER BY a.id, b.id');
}

export const stringsNumbersClass: LongTailClass = { setup: SETUP, queries: q };
