// SET statements split into their user-variable assignments and the system-variable rest.
import { describe, expect, it } from 'vitest';
import { DuckDBDecimalValue } from '@duckdb/node-api';
import { userValueFrom, userVariableParts } from './user-variables.ts';

describe('userVariableParts', () => {
  it('splits at top-level commas, keeping each expression as written', () => {
    expect(userVariableParts("SET @a = 1, @b := (SELECT max(x), 1 FROM t), @`my var` = 'x,y'")).toEqual({
      user: [
        { name: 'a', expr: '1' },
        { name: 'b', expr: '(SELECT max(x), 1 FROM t)' },
        { name: 'my var', expr: "'x,y'" },
      ],
      system: null,
    });
  });

  it('leaves system variables to a SET of their own, and statements without @ alone', () => {
    expect(userVariableParts("SET SESSION sql_mode = '', @A = 2")).toEqual({ user: [{ name: 'a', expr: '2' }], system: "SET SESSION sql_mode = ''" });
    expect(userVariableParts('SET @@session.wait_timeout = 10')).toBeNull();
    expect(userVariableParts('SET NAMES utf8mb4')).toBeNull();
  });

  it('is a syntax error for unbalanced parentheses or a missing value', () => {
    expect(() => userVariableParts('SET @a = 1) UNION (SELECT 2')).toThrow(/syntax/);
    expect(() => userVariableParts('SET @a')).toThrow(/syntax/);
  });
});

describe('userValueFrom', () => {
  it('keeps a binary string as its bytes, whatever they are', () => {
    expect(userValueFrom({ columnType: 'varbinary(2)', nullable: false }, Buffer.from([0xe9, 0x00]), null, undefined)).toEqual({ kind: 'binary', hex: 'e900' });
  });

  it('marks a DECIMAL that DuckDB holds with more digits than shown (a quotient) as inexact', () => {
    const third = new DuckDBDecimalValue(333333333n, 10, 9);
    expect(userValueFrom({ columnType: 'decimal(5,4)', nullable: true }, '0.3333', third, undefined)).toEqual({ kind: 'decimal', text: '0.3333', inexact: true });
    const exact = new DuckDBDecimalValue(150n, 3, 2);
    expect(userValueFrom({ columnType: 'decimal(3,2)', nullable: false }, '1.50', exact, undefined)).toEqual({ kind: 'decimal', text: '1.50' });
  });
});
