// A point lookup on the whole hash key of a table with cold files is read from the relation the
// catalog names (the store's bucket view), under the table's own name so every column reference
// still resolves; anything less than a whole-key equality at the top of the WHERE reads the table.
import { describe, expect, it } from 'vitest';
import { translate, type DialectCatalog } from './index.ts';

const asked: string[] = [];
const catalog: DialectCatalog = {
  columns: (db, table) =>
    `${db}.${table}` === 'rb.bill'
      ? [
          { name: 'id', columnType: 'bigint(20)', nullable: false, primaryKey: true },
          { name: 'amount', columnType: 'decimal(12,2)', nullable: true, primaryKey: false },
        ]
      : undefined,
  pointLookup: (db, table, equalities) => {
    asked.push(`${db}.${table} ${JSON.stringify([...equalities])}`);
    const id = equalities.get('id');
    return id === undefined ? undefined : `parts."${db}.${table}$bucket:${Number(id) % 4}"`;
  },
};
const sql = (text: string) => {
  const t = translate(text, { database: 'rb', catalog });
  if (t.kind !== 'select') throw new Error('not a select');
  return t.sql;
};

describe('point lookups', () => {
  it('reads the bucket relation for id = literal, keeping the table name for column references', () => {
    expect(sql('SELECT id, amount FROM bill WHERE id = 6')).toContain('FROM parts."rb.bill$bucket:2" AS "bill" WHERE');
    expect(sql('SELECT b.amount FROM rb.bill AS b WHERE b.id = 7 AND b.amount > 1')).toContain('parts."rb.bill$bucket:3" AS "b"');
    expect(sql('SELECT amount FROM bill WHERE 0009 = id')).toContain('$bucket:1');
  });

  it('reads the table when the WHERE does not pin the key for every row it keeps', () => {
    for (const text of ['SELECT amount FROM bill WHERE id = 6 OR amount = 1', 'SELECT amount FROM bill WHERE id > 6', 'SELECT amount FROM bill WHERE id = 1.5', "SELECT amount FROM bill WHERE id = '6'", 'SELECT amount FROM bill']) {
      expect(sql(text), text).not.toContain('$bucket');
    }
  });

  it('in a join, uses only equalities qualified with that relation', () => {
    const out = sql('SELECT a.id FROM bill AS a JOIN bill AS b ON a.id = b.id WHERE b.id = 5');
    expect(out).toContain('parts."rb.bill$bucket:1" AS "b"');
    expect(out).toContain('FROM "bill" AS "a" INNER JOIN');
    expect(sql('SELECT a.id FROM bill AS a JOIN bill AS b ON a.id = b.id WHERE id = 5')).not.toContain('$bucket');
  });

  it('passes normalised integer text, as the sink hashed it', () => {
    asked.length = 0;
    sql('SELECT amount FROM bill WHERE id = 0042');
    expect(asked).toEqual(['rb.bill [["id","42"]]']);
  });
});
