// Exact DECIMAL arithmetic as MariaDB's decimal library does it for user variables: the values
// below are MariaDB 10.11's own answers.
import { describe, expect, it } from 'vitest';
import { divideExact, parseExact, printExact, roundTo } from './decimal-variable-items.ts';
import { translate, type DialectCatalog, type UserValue } from './index.ts';
import { userValueOf } from './user-variables.ts';

const x = (t: string) => parseExact(t)!;

describe('exact decimals', () => {
  it('prints with the scale, no sign on zero', () => {
    expect(printExact(x('1.50'))).toBe('1.50');
    expect(printExact(x('-0.01'))).toBe('-0.01');
    expect(printExact({ units: 0n, scale: 3 })).toBe('0.000');
    expect(printExact(roundTo(x('2.5'), 5))).toBe('2.50000');
  });
  it('rounds half away from zero', () => {
    expect(printExact(roundTo(x('0.615384615'), 4))).toBe('0.6154');
    expect(printExact(roundTo(x('-0.00005'), 4))).toBe('-0.0001');
  });
  it('cuts a quotient after whole 9-digit words', () => {
    expect(printExact(divideExact(x('1.0'), x('3'))!)).toBe('0.333333333');
    expect(printExact(divideExact(x('2.0'), x('3'))!)).toBe('0.666666666');
    expect(printExact(divideExact(x('3.25'), x('1.5'))!)).toBe('2.166666666666666666');
    expect(printExact(divideExact(x('-0.01'), x('7'))!)).toBe('-0.001428571');
    expect(divideExact(x('1'), x('0'))).toBeNull();
  });
});

describe('DECIMAL user variables in a query', () => {
  const catalog: DialectCatalog = { columns: () => undefined };
  const vars = new Map<string, UserValue>([
    ['c', userValueOf({ columnType: 'decimal(3,2)', nullable: false }, '3.25')],
    ['i', userValueOf({ columnType: 'int(1)', nullable: false }, '7')],
  ]);
  const t = (sql: string) => translate(sql, { database: null, catalog, systemVariable: () => undefined, userVariable: (n) => vars.get(n) });
  it('types arithmetic with MariaDB decimals and writes the value in', () => {
    const r = t("SELECT @c + 1, 2 / @c, @c / @i, CONCAT(@c, '!')");
    expect(r.columns?.map((c) => c.type.columnType)).toEqual(['decimal(38,38)', 'decimal(38,4)', 'decimal(38,38)', 'varchar(5)']);
    expect(r.sql).toContain("'4.25000000000000000000000000000000000000'");
    expect(r.sql).toContain("'0.6154'");
    expect(r.sql).toContain("'0.46428571400000000000000000000000000000'");
  });
  it('still refuses what it does not compute', () => {
    expect(() => t('SELECT ROUND(@c, 1)')).toThrow(/DECIMAL user variable @c/);
    expect(() => t('SELECT (@c / 3) * 2')).toThrow(/DECIMAL user variable @c/);
  });
});
