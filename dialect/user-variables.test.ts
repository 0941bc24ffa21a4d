// User variables, CASE (x), quantified comparisons, row constructors and CTE column lists through
// the typed path, run on an in-memory DuckDB: the values MySQL gives, the types the gateway
// describes, and that a variable's value never leaks into another translation (the cache).
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate, type DialectCatalog, type UserValue } from './index.ts';
import { caseOperandParens } from './case-operand.ts';
import { tokenize } from './tokenizer.ts';
import { quotedVariableName, userVariableName } from './user-variable-names.ts';
import { userValueOf } from './user-variables.ts';

const catalog: DialectCatalog = {
  columns: (db, table) =>
    db === 'uv' && table === 't'
      ? [
          { name: 'id', columnType: 'int(11)', nullable: false, primaryKey: true },
          { name: 'name', columnType: 'varchar(20)', nullable: true, primaryKey: false, collation: 'utf8mb4_general_ci' },
          { name: 'amount', columnType: 'decimal(10,2)', nullable: true, primaryKey: false },
        ]
      : undefined,
};
const vars = new Map<string, UserValue>();
const context = { database: 'uv', catalog, systemVariable: () => undefined, userVariable: (name: string) => vars.get(name) };

let db: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  conn = await db.connect();
  await conn.run('CREATE SCHEMA uv; USE uv');
  await conn.run('CREATE TABLE t (id INTEGER, name VARCHAR, amount DECIMAL(10,2))');
  await conn.run(`INSERT INTO t VALUES (1, 'bob', 1.50), (2, 'Zoë', NULL), (3, 'BOB ', 99.99)`);
});

afterAll(() => {
  conn?.closeSync();
});

async function rows(sql: string): Promise<(string | null)[][]> {
  const reader = await conn.runAndReadAll(translate(sql, context).sql);
  return reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
}

describe('user variables', () => {
  it('reads each kind as MariaDB types it, and a never-set one as a NULL binary string', () => {
    vars.clear();
    vars.set('i', userValueOf({ columnType: 'int(1)', nullable: false }, '5'));
    vars.set('s', userValueOf({ columnType: 'varchar(3)', nullable: false }, 'bob'));
    vars.set('f', userValueOf({ columnType: 'double', nullable: false }, '1000', 1000));
    const t = translate('SELECT @i, @s, @f, @nope', context);
    expect(t.columns?.map((c) => c.type.columnType)).toEqual(['bigint(20)', 'longtext(16777215)', 'double', 'longblob(16777216)']);
    expect(t.readsUserVariables).toBe(true);
  });

  it('compares a text variable under its collation, and is never served from the cache with an old value', async () => {
    vars.set('n', userValueOf({ columnType: 'varchar(3)', nullable: false }, 'BOB'));
    expect(await rows('SELECT id FROM t WHERE name = @n ORDER BY id')).toEqual([['1'], ['3']]);
    vars.set('n', userValueOf({ columnType: 'varchar(3)', nullable: false }, 'zoe'));
    expect(await rows('SELECT id FROM t WHERE name = @n ORDER BY id')).toEqual([['2']]);
  });

  it('writes a value as a literal, never as SQL', async () => {
    vars.set('evil', userValueOf({ columnType: 'varchar(40)', nullable: false }, "x' OR 1=1 --"));
    expect(await rows('SELECT count(*) FROM t WHERE name = @evil')).toEqual([['0']]);
  });

  it('compares a DECIMAL variable by value, and sends it bare as a DECIMAL of 38 decimals', async () => {
    vars.set('d', userValueOf({ columnType: 'decimal(3,2)', nullable: false }, '1.50'));
    expect(await rows('SELECT id FROM t WHERE amount = @d')).toEqual([['1']]);
    const t = translate('SELECT @d', context);
    expect(t.columns?.[0]?.type.columnType).toBe('decimal(38,38)');
    // Arithmetic over it alone is computed exactly (decimal-variable-items.ts); with a column's value it is refused.
    expect(translate('SELECT @d + 1', context).columns?.[0]?.type.columnType).toBe('decimal(38,38)');
    expect(() => translate('SELECT @d + amount FROM t', context)).toThrow(/DECIMAL user variable @d/);
  });

  it('keeps the kind a variable had when it is set to NULL', () => {
    const before = userValueOf({ columnType: 'bigint(20) unsigned', nullable: false }, '7');
    expect(userValueOf({ columnType: 'null', nullable: true }, null, undefined, before)).toEqual({ kind: 'null', was: 'int', unsigned: true });
    expect(userValueOf({ columnType: 'null', nullable: true }, null)).toEqual({ kind: 'null', was: 'binary' });
  });

  it('names quoted variables case-insensitively', () => {
    expect(userVariableName(quotedVariableName('My Var'))).toBe('my var');
    vars.set('my var', userValueOf({ columnType: 'int(1)', nullable: false }, '4'));
    expect(translate('SELECT @`My Var`', context).sql).toContain("CAST('4' AS BIGINT)");
  });

  it('assigns only where one row decides the value', () => {
    expect(translate('SELECT @x := 5', context).assigns).toEqual({ assignments: [{ name: 'x', column: 0 }], into: false });
    expect(translate('SELECT max(id) INTO @m FROM t', context).assigns).toEqual({ assignments: [{ name: 'm', column: 0 }], into: true });
    expect(() => translate('SELECT @r := id FROM t ORDER BY id', context)).toThrow(/many rows/);
    expect(() => translate('SELECT @x := 5, @x', context)).toThrow(/reading the user variable @x/);
  });
});

describe('CASE (x), ALL/ANY, rows and CTE column lists', () => {
  it('drops the parentheses around a simple CASE operand only before WHEN', () => {
    const solid = (sql: string) => tokenize(sql).filter((t) => t.kind !== 'space');
    expect(caseOperandParens(solid('CASE ((a)) WHEN 1'), 0)).toEqual([1, 5, 2, 4]);
    expect(caseOperandParens(solid('CASE (a) + 1 WHEN 1'), 0)).toBeNull();
    expect(caseOperandParens(solid('CASE (SELECT 1) WHEN 1'), 0)).toBeNull();
  });

  it('answers quantified comparisons in three-valued logic, empty sets included', async () => {
    expect(await rows('SELECT 2 > ALL (SELECT id FROM t WHERE id > 5), 2 > ANY (SELECT id FROM t WHERE id > 5), 2 > ALL (SELECT amount FROM t), 200 > ALL (SELECT amount FROM t)')).toEqual([['1', '0', '0', null]]);
  });

  it('compares rows pairwise and lexicographically', async () => {
    expect(await rows('SELECT (1, 2) < (1, 3), (1, NULL) < (1, 2), (1, 2) < (2, NULL), (1, NULL) = (2, NULL), (1, 2) IN ((3, 4), (1, 2))')).toEqual([['1', null, '1', '0', '1']]);
  });

  it('names a CTE’s columns by its list and types a recursive one by its anchor', async () => {
    expect(await rows('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4) SELECT sum(i) FROM n')).toEqual([['10']]);
    await expect(rows("WITH RECURSIVE s(i, v) AS (SELECT 1, CAST('a' AS CHAR(2)) UNION ALL SELECT i + 1, CONCAT(v, 'a') FROM s WHERE i < 5) SELECT v FROM s")).rejects.toThrow(/instaquery cannot store a text longer than 2 characters/);
  });
});
