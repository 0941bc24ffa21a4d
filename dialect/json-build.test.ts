// The JSON documents the dialect builds and the questions it asks of them, run on a real
// (in-memory) DuckDB. Expected values are MariaDB 10.11's (checked on the test source).
import { describe, expect, it } from 'vitest';
import { inMemoryDuckDb } from './in-memory-duckdb.ts';
import type { Emitted } from './emitted.ts';
import { JSON_BUILD_FUNCTIONS } from './json-build.ts';
import { JSON_CONTAINS_FUNCTIONS } from './json-contains.ts';
import { JSON_INSPECT_FUNCTIONS } from './json-inspect.ts';
import { jsonEscaped, jsonValueSql } from './json-text.ts';
import { valueAtPath } from './json-path.ts';
import { quoteString } from './emitted.ts';

const duck = inMemoryDuckDb();

const e = (sql: string, columnType: string, extra: Partial<Emitted> = {}): Emitted => ({ sql, type: { columnType, nullable: true }, ...extra });
const str = (s: string) => e(quoteString(s), `varchar(${[...s].length})`);
const doc = (s: string) => e(`CAST(${quoteString(s)} AS JSON)`, 'json');
const one = async (sql: string): Promise<string | null> => {
  const v = (await duck().runAndReadAll(`SELECT CAST(${sql} AS VARCHAR)`)).getRows()[0]![0];
  return v === null ? null : String(v);
};
const call = (table: Record<string, (a: Emitted[], n: string, c: { database: null }) => Emitted>, name: string, ...args: Emitted[]) => one(table[name]!(args, name, { database: null }).sql);

describe('json text', () => {
  it('escapes as json_escape: quotes, backslashes, named controls, other controls as upper-case \\u00XX', async () => {
    expect(await one(jsonEscaped(`'a"b\\c' || chr(10) || chr(9) || chr(1) || '/é😀' || chr(31)`))).toBe('a\\"b\\\\c\\n\\t\\u0001/é😀\\u001F');
  });
  it('writes numbers as CONCAT does, booleans as true/false, JSON as its own text, NULL as null', async () => {
    expect(await one(jsonValueSql(e('CAST(2.50 AS DECIMAL(5,2))', 'decimal(5,2)'), 'T'))).toBe('2.50');
    expect(await one(jsonValueSql(e('CAST(1e-7 AS DOUBLE)', 'double'), 'T'))).toBe('0.0000001');
    expect(await one(jsonValueSql(e('1 = 1', 'int(1)', { bool: true }), 'T'))).toBe('true');
    expect(await one(jsonValueSql(e(`'  {"a" :1}'`, 'json'), 'T'))).toBe('  {"a" :1}');
    expect(await one(jsonValueSql(e('NULL', 'int(11)'), 'T'))).toBe('null');
    expect(await one(jsonValueSql(e("DATE '2024-02-29'", 'date'), 'T'))).toBe('"2024-02-29"');
  });
});

describe('JSON_OBJECT, JSON_ARRAY, JSON_QUOTE', () => {
  it('build with a space after each colon and comma, NULL keys empty', async () => {
    expect(await call(JSON_BUILD_FUNCTIONS, 'JSON_OBJECT', str('a'), e('1', 'int(1)'), e('NULL', 'null'), str('x"y'))).toBe('{"a": 1, "": "x\\"y"}');
    expect(await call(JSON_BUILD_FUNCTIONS, 'JSON_ARRAY', e('NULL', 'null'), doc('[1,2]'), str('é'))).toBe('[null, [1,2], "é"]');
    expect(await call(JSON_BUILD_FUNCTIONS, 'JSON_QUOTE', str('a"b'))).toBe('"a\\"b"');
    expect(await call(JSON_BUILD_FUNCTIONS, 'JSON_QUOTE', e('1', 'int(1)'))).toBe(null);
  });
});

describe('reading documents', () => {
  it('JSON_DEPTH counts levels holding a value', async () => {
    for (const [d, depth] of [['[]', '1'], ['[[]]', '2'], ['[1, [2]]', '3'], ['{"a": {"b": "]"}}', '3'], ['"x"', '1'], ['[[[[[[1]]]]]]', '7']] as const) {
      expect(await call(JSON_INSPECT_FUNCTIONS, 'JSON_DEPTH', doc(d))).toBe(depth);
    }
  });
  it('JSON_KEYS lists each key once, escaped as written; NULL for a non-object', async () => {
    expect(await call(JSON_INSPECT_FUNCTIONS, 'JSON_KEYS', doc('{"a": 1, "k\\"ey": 2, "a": 3}'))).toBe('["a", "k\\"ey"]');
    expect(await call(JSON_INSPECT_FUNCTIONS, 'JSON_KEYS', doc('[1]'))).toBe(null);
  });
  it('JSON_SEARCH answers one path, or an array of them, under utf8mb4_bin', async () => {
    expect(await call(JSON_INSPECT_FUNCTIONS, 'JSON_SEARCH', doc('{"t": ["red", "Red", "red"]}'), str('all'), str('red'))).toBe('["$.t[0]", "$.t[2]"]');
    expect(await call(JSON_INSPECT_FUNCTIONS, 'JSON_SEARCH', doc('{"t": ["red"]}'), str('one'), str('r_d'))).toBe('"$.t[0]"');
  });
  it('JSON_CONTAINS: scalars in nested arrays, objects by their members, arrays by each element', async () => {
    expect(await call(JSON_CONTAINS_FUNCTIONS, 'JSON_CONTAINS', doc('[1, [2, [3]]]'), str('3'))).toBe('1');
    expect(await call(JSON_CONTAINS_FUNCTIONS, 'JSON_CONTAINS', doc('{"a": [1, 2], "b": 0}'), str('{"a": [2]}'))).toBe('1');
    expect(await call(JSON_CONTAINS_FUNCTIONS, 'JSON_CONTAINS', doc('{"a": 1}'), str('1'))).toBe('0');
    expect(await call(JSON_CONTAINS_FUNCTIONS, 'JSON_CONTAINS', doc('[1, "1"]'), str('1.0'))).toBe('1');
  });
  it("reads [0] on a value that is not an array as the value itself, as MariaDB does", async () => {
    expect(await one(valueAtPath(`CAST('{"a": 1}' AS JSON)`, '$[0].a'))).toBe('1');
    expect(await one(valueAtPath(`CAST('{"a": 1}' AS JSON)`, '$[1]'))).toBe(null);
  });
});
