// Temporal, ENUM/SET and JSON values as MySQL reads them, run on a real (in-memory) DuckDB:
// numeric context, text, week numbers, TIMESTAMPDIFF in months, dates against integer literals,
// JSON text as MariaDB prints it. Expected values are MariaDB 10.11's.
import { describe, expect, it } from 'vitest';
import { inMemoryDuckDb } from './in-memory-duckdb.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { DATE_FUNCTIONS, formatDate, timestampDiff } from './date-functions.ts';
import type { Emitted } from './emitted.ts';
import { jsonAsNumber, jsonAsText, mariadbJsonText } from './json-functions.ts';
import { temporalComparable } from './temporal-compare.ts';
import { numericValue, orderKey, temporalText } from './temporal-values.ts';

const duck = inMemoryDuckDb();

const e = (sql: string, columnType: string): Emitted => ({ sql, type: { columnType, nullable: true } });
const one = async (sql: string): Promise<string | null> => {
  const v = (await duck().runAndReadAll(`SELECT CAST(${sql} AS VARCHAR)`)).getRows()[0]![0];
  return v === null ? null : String(v);
};

describe('numericValue: temporal, ENUM and SET values in a numeric context', () => {
  it.each([
    ["DATE '2024-01-31'", 'date', '20240131'],
    ["TIMESTAMP '2024-01-31 23:59:59'", 'datetime', '20240131235959'],
    ["TIMESTAMP '2024-01-31 23:59:59.5'", 'datetime(6)', '20240131235959.500000'],
    ["'-838:59:59'", 'time', '-8385959'],
    ["'10:15:00'", 'time', '101500'],
    ["'closed'", "enum('open','closed','void')", '2'],
    ["''", "enum('open','closed','void')", '0'],
    ["'a,vip'", "set('a','b','vip')", '5'],
    ["''", "set('a','b','vip')", '0'],
  ])('%s as %s is %s', async (sql, type, expected) => {
    expect(await one(numericValue(e(sql, type))!.sql)).toBe(expected);
  });

  it('leaves numbers and text to the arithmetic', () => {
    expect(numericValue(e('1', 'int(1)'))).toBeUndefined();
    expect(numericValue(e("'x'", 'varchar(1)'))).toBeUndefined();
  });

  it('orders a TIME by its value and a SET by its bits', async () => {
    expect(Number(await one(orderKey(e("'-01:00:00'", 'time'))!))).toBeLessThan(Number(await one(orderKey(e("'00:00:00'", 'time'))!)));
    expect(await one(orderKey(e("'b'", "set('a','b','vip')"))!)).toBe('2');
  });
});

describe('temporalText: the text MySQL makes of a temporal value', () => {
  it('prints a DATETIME(n) with exactly n fraction digits', async () => {
    expect(await one(temporalText(e("TIMESTAMP '2024-01-31 23:59:59'", 'datetime(6)'))!.sql)).toBe('2024-01-31 23:59:59.000000');
    expect(await one(temporalText(e("TIMESTAMP '2024-01-31 23:59:59.5'", 'datetime(2)'))!.sql)).toBe('2024-01-31 23:59:59.50');
    expect(await one(temporalText(e("TIMESTAMP '2024-01-31 23:59:59'", 'datetime'))!.sql)).toBe('2024-01-31 23:59:59');
  });
});

describe('WEEK, YEARWEEK and DATE_FORMAT week numbers', () => {
  const date = (d: string) => e(`DATE '${d}'`, 'date');
  const mode = (m: number) => e(String(m), 'int(1)');
  // From MariaDB: SELECT WEEK(d, 0..7), YEARWEEK(d), DATE_FORMAT(d, '%U %u %V %v %X %x').
  it.each([
    ['2021-01-03', [1, 0, 1, 53, 1, 0, 1, 52], '202101', '01 00 01 53 2021 2020'],
    ['2024-12-31', [52, 53, 52, 1, 53, 53, 1, 53], '202452', '52 53 52 01 2024 2025'],
    ['2025-12-29', [52, 53, 52, 1, 53, 52, 53, 52], '202552', '52 53 52 01 2025 2026'],
  ])('%s', async (d, weeks, yearweek, formatted) => {
    for (let m = 0; m < 8; m++) expect(await one(DATE_FUNCTIONS.WEEK!([date(d), mode(m)], 'WEEK', { database: null }).sql)).toBe(String(weeks[m]));
    expect(await one(DATE_FUNCTIONS.YEARWEEK!([date(d)], 'YEARWEEK', { database: null }).sql)).toBe(yearweek);
    expect(await one(formatDate(`CAST(DATE '${d}' AS TIMESTAMP)`, '%U %u %V %v %X %x'))).toBe(formatted);
  });
});

describe('TIMESTAMPDIFF in months, quarters and years', () => {
  const s = (v: string) => e(`'${v}'`, 'varchar(19)');
  it.each([
    ['MONTH', '2024-01-31', '2024-02-29', '0'],
    ['MONTH', '2024-02-29', '2024-01-31', '-0'],
    ['MONTH', '2023-01-31', '2024-02-29', '12'],
    ['YEAR', '2020-02-29', '2023-02-28', '2'],
    ['QUARTER', '2023-02-28', '2025-01-31', '7'],
    ['MONTH', '2024-03-31 10:00:00', '2024-01-31 11:00:00', '-1'],
  ])('%s from %s to %s is %s', async (unit, from, to, expected) => {
    expect(String(Number(await one(timestampDiff(unit, s(from), s(to)).sql)))).toBe(String(Number(expected)));
  });
});

describe('temporalComparable: a DATE or DATETIME against an integer literal', () => {
  it('reads the number as the date it spells', async () => {
    const [a, b] = temporalComparable(e("DATE '1990-02-28'", 'date'), e('19900228', 'int(8)'))!;
    expect(await one(`${a} = ${b}`)).toBe('true');
    const [c, d] = temporalComparable(e("DATE '2024-02-29'", 'date'), e('20240229000000::BIGINT', 'bigint(14)'))!;
    expect(await one(`${c} > ${d}`)).toBe('false');
    const [f, g] = temporalComparable(e("TIMESTAMP '2024-03-01 00:00:00'", 'datetime'), e('20240301', 'int(8)'))!;
    expect(await one(`${f} <= ${g}`)).toBe('true');
  });

  it('compares a date with a zero part or a day its month lacks between its neighbours', async () => {
    const [a, b] = temporalComparable(e("DATE '2024-02-29'", 'date'), e('20240230', 'int(8)'))!;
    expect(await one(`${a} < ${b}`)).toBe('true');
    const [c, d] = temporalComparable(e("TIMESTAMP '2024-03-01 00:00:00'", 'datetime'), e('20240230', 'int(8)'))!;
    expect(await one(`${c} > ${d}`)).toBe('true');
    const [f, g] = temporalComparable(e("TIMESTAMP '2000-09-30 23:59:59.999999'", 'datetime(6)'), e('1000000000', 'int(10)'))!;
    expect(await one(`${f} < ${g}`)).toBe('true');
  });

  it('refuses a number that is no date', () => {
    expect(() => temporalComparable(e("DATE '1990-02-28'", 'date'), e('5000000000000', 'bigint(13)'))).toThrow(DialectUnsupported);
    // 2024 is 2000-20-24 to MySQL: no date, so the zero date, below every date.
    expect(temporalComparable(e("DATE '1990-02-28'", 'date'), e('2024', 'int(4)'))?.[1]).toBe('make_timestamp(-1, 1, 1, 0, 0, 0)');
  });

  it('reads a string literal as the DATETIME MySQL reads it', () => {
    expect(temporalComparable(e("DATE '1990-02-28'", 'date'), e("'1990-02-28'", 'varchar(10)'))).toEqual(["CAST(DATE '1990-02-28' AS TIMESTAMP)", "TIMESTAMP '1990-02-28 00:00:00.000000'"]);
  });
});

describe('JSON as MariaDB prints and compares it', () => {
  it('spaces separators outside strings only', async () => {
    expect(await one(mariadbJsonText(`'{"a":[1,2,"x :, \\" y"],"b":{"c":[]}}'`))).toBe('{"a": [1, 2, "x :, \\" y"], "b": {"c": []}}');
  });

  it.each([
    ['true', '1', 'true'],
    ['false', '0', 'false'],
    ['null', '0', 'null'],
    ['"yes"', '0', 'yes'],
    ['2.5', '2.5', '2.5'],
  ])('%s compares as the number %s and the text %s', async (json, n, t) => {
    const j = e(`'${json}'`, 'json');
    expect(String(Number(await one(jsonAsNumber(j))))).toBe(n);
    expect(await one(jsonAsText(j))).toBe(t);
  });
});
