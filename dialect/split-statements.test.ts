import { describe, expect, it } from 'vitest';
import { splitStatements } from './split-statements.ts';

describe('splitStatements', () => {
  it('splits at statement-ending semicolons', () => {
    expect(splitStatements('SELECT 1; SELECT 2;')).toEqual(['SELECT 1', ' SELECT 2']);
  });

  it('keeps semicolons inside strings, quoted names and comments', () => {
    const sql = "SELECT 'a;b', `c;d` /* e;f */ FROM t -- g;h\n; SELECT \"i;j\"";
    expect(splitStatements(sql)).toEqual(["SELECT 'a;b', `c;d` /* e;f */ FROM t -- g;h\n", ' SELECT "i;j"']);
  });

  it('drops empty statements and trailing comments', () => {
    expect(splitStatements(';; SELECT 1 ;  -- done\n')).toEqual([' SELECT 1 ']);
    expect(splitStatements('')).toEqual([]);
  });

  it('keeps escaped quotes inside strings', () => {
    expect(splitStatements("SELECT 'it''s; fine', 'x\\';y'; SELECT 2")).toEqual(["SELECT 'it''s; fine', 'x\\';y'", ' SELECT 2']);
  });
});
