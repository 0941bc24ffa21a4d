// TIME values, compound INTERVAL amounts, STR_TO_DATE and CONVERT_TZ as MariaDB 10.11 gives them,
// run on a real (in-memory) DuckDB. Expected values are MariaDB's own answers.
import { describe, expect, it } from 'vitest';
import { inMemoryDuckDb } from './in-memory-duckdb.ts';
import { DialectUnsupported } from './dialect-error.ts';
import type { Emitted } from './emitted.ts';
import { compoundAmount } from './interval-units.ts';
import { convertTz, type ZoneLookup } from './convert-tz.ts';
import { strToDate } from './str-to-date.ts';
import { parseTimeLiteral, timeText } from './time-values.ts';

const duck = inMemoryDuckDb();

const literal = (s: string): Emitted => ({ sql: `'${s.replace(/'/g, "''")}'`, type: { columnType: 'varchar(40)', nullable: false } });
const one = async (sql: string): Promise<string | null> => {
  const v = (await duck().runAndReadAll(`SELECT CAST(${sql} AS VARCHAR)`)).getRows()[0]![0];
  return v === null ? null : String(v);
};

describe('parseTimeLiteral: strings read as a TIME', () => {
  it.each([
    ['10:11', 36_660_000_000n, 0],
    ['1 02:03:04', 93_784_000_000n, 0],
    ['1230', 750_000_000n, 0],
    ['-01:00:00.5', -3_600_500_000n, 1],
    ['2024-01-31 10:11:12.345', 36_672_345_000n, 3],
    ['900:00:00', 3_020_399_999_999n, 0],
  ])('%s', (text, micros, fsp) => {
    expect(parseTimeLiteral(text, 'TIME')).toEqual({ micros, fsp });
  });
  it('is NULL for minutes past 59 or no digits, and refuses what MySQL reads only in part', () => {
    expect(parseTimeLiteral('10:60:00', 'TIME')).toBeNull();
    expect(parseTimeLiteral('junk', 'TIME')).toBeNull();
    expect(() => parseTimeLiteral('12:30:00abc', 'TIME')).toThrow(DialectUnsupported);
  });
});

describe('timeText: microseconds as a TIME(fsp)', () => {
  it.each([
    ['3020399000000', 0, '838:59:59'],
    ['4000000000000', 0, '838:59:59'],
    ['-4000000000000', 1, '-838:59:59.9'],
    ['-500000', 0, '00:00:00'],
    ['-500000', 3, '-00:00:00.500'],
    ['360000000000', 0, '100:00:00'],
    ['45296789012', 6, '12:34:56.789012'],
  ])('%s at %i digits is %s', async (micros, fsp, expected) => {
    expect(await one(timeText(`CAST(${micros} AS BIGINT)`, fsp))).toBe(expected);
  });
});

describe('compoundAmount: a compound INTERVAL as get_interval_info reads it', () => {
  it.each([
    ['YEAR_MONTH', '1-1', { months: 13n }],
    ['YEAR_MONTH', '2', { months: 2n }],
    ['DAY_HOUR', '-1 1', { micros: -90_000_000_000n }],
    ['DAY_SECOND', '2:03:04', { micros: 7_384_000_000n }],
    ['SECOND_MICROSECOND', '1.5', { micros: 1_500_000n }],
    ['DAY_MICROSECOND', '0 0:0:0.000001', { micros: 1n }],
  ])('%s %s', (unit, amount, expected) => {
    expect(compoundAmount(unit, literal(amount))).toEqual(expected);
  });
  it('is NULL with more fields than the unit has', () => {
    expect(compoundAmount('DAY_HOUR', literal('1 2 3'))).toBeNull();
  });
});

describe('STR_TO_DATE', () => {
  const parse = (s: string, f: string) => strToDate([literal(s), literal(f)], 'STR_TO_DATE');
  it.each([
    ['2024-02-29', '%Y-%m-%d', '2024-02-29', 'date'],
    ['01/31/2024 13:45:10', '%m/%d/%Y %H:%i:%s', '2024-01-31 13:45:10', 'datetime'],
    ['01:30 PM', '%h:%i %p', '13:30:00', 'time'],
    ['12:15 AM', '%h:%i %p', '00:15:00', 'time'],
    ['Febr 1 2024', '%M %e %Y', '2024-02-01', 'date'],
    ['February 1 2024', '%b %e %Y', null, 'date'],
    ['2024 - 01 -05', '%Y-%m-%d', '2024-01-05', 'date'],
    ['24-1-5', '%Y-%m-%d', '2024-01-05', 'date'],
    ['2024-01-31 25:00:00', '%Y-%m-%d %H:%i:%s', null, 'datetime'],
    ['13:15 PM', '%h:%i %p', null, 'time'],
    ['2024-060', '%Y-%j', '2024-02-29', 'date'],
    ['10:11:12.5', '%T.%f', '10:11:12.500000', 'time(6)'],
  ])('%s with %s is %s', async (s, f, expected, type) => {
    const t = parse(s, f);
    expect(t.type.columnType).toBe(type);
    expect(await one(t.sql)).toBe(expected === null ? null : expected.includes(' ') ? `${expected}` : expected);
  });
  it('gives the dates DuckDB cannot hold as MariaDB\'s text, and refuses them as values', async () => {
    const t = parse('2024', '%Y-%m-%d');
    expect(await one(t.outputText!)).toBe('2024-00-00');
    await expect(one(t.sql)).rejects.toThrow(/instaquery cannot hold the date 2024-00-00/);
  });
});

describe('CONVERT_TZ', () => {
  const dt: Emitted = { sql: "TIMESTAMP '2024-11-03 05:30:00'", type: { columnType: 'datetime', nullable: false } };
  const loaded: ZoneLookup = (n) => (n.toLowerCase() === 'america/new_york' ? 'America/New_York' : n === 'SYSTEM' ? 'UTC' : null);
  const tz = (from: string, to: string, lookup: ZoneLookup | undefined = loaded) => convertTz([dt, literal(from), literal(to)], 'CONVERT_TZ', lookup);
  it('converts offsets within -12:59..+13:00 and is NULL beyond', async () => {
    expect(await one(tz('+00:00', '+05:30').sql)).toBe('2024-11-03 11:00:00');
    expect(await one(tz('+00:00', '+13:01').sql)).toBeNull();
    expect(await one(tz('+00:00', '05:30').sql)).toBeNull();
  });
  it('converts a name the source holds; a repeated local time is its first instant', async () => {
    expect(await one(tz('UTC', 'america/new_york', (n) => (n === 'UTC' ? 'UTC' : loaded(n))).sql)).toBe('2024-11-03 01:30:00');
    const fold: Emitted = { sql: "TIMESTAMP '2024-11-03 01:30:00'", type: dt.type };
    expect(await one(convertTz([fold, literal('America/New_York'), literal('+00:00')], 'CONVERT_TZ', loaded).sql)).toBe('2024-11-03 05:30:00');
  });
  it('is NULL for a name the source has no tables for, and refuses one it cannot tell', async () => {
    expect(await one(tz('Europe/Paris', '+00:00', () => null).sql)).toBeNull();
    expect(() => tz('Europe/Paris', '+00:00', () => undefined)).toThrow(DialectUnsupported);
  });
  it('leaves a value outside the TIMESTAMP range unchanged', async () => {
    const old: Emitted = { sql: "TIMESTAMP '1965-06-01 12:00:00'", type: dt.type };
    expect(await one(convertTz([old, literal('+00:00'), literal('+02:00')], 'CONVERT_TZ', loaded).sql)).toBe('1965-06-01 12:00:00');
  });
});
