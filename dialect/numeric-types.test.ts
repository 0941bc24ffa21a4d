// MariaDB's result types for integer, DECIMAL and DOUBLE arithmetic and rounding, as the dialect
// reports them (checked against MariaDB 10.11's CREATE TABLE ... AS SELECT).
import { describe, expect, it } from 'vitest';
import { translate, type DialectCatalog } from './index.ts';

const column = (name: string, columnType: string) => ({ name, columnType, nullable: true, primaryKey: false });
const catalog: DialectCatalog = {
  columns: (db, table) =>
    db === 'num' && table === 'p'
      ? [column('tiny', 'tinyint(4)'), column('flag', 'tinyint(1)'), column('u', 'int(10) unsigned'), column('big', 'bigint(20)'), column('ubig', 'bigint(20) unsigned'), column('yr', 'year(4)'), column('amount', 'decimal(12,2)'), column('score', 'double')]
      : undefined,
};
const types = (sql: string) => translate(sql, { database: 'num', catalog }).columns?.map((c) => c.type.columnType);

describe('numeric result types', () => {
  it('types integer + - * as INT or BIGINT by precision, UNSIGNED when either side is', () => {
    expect(types('SELECT tiny * 2, tiny + 200, u - 2, yr * 2, 1234567 + 1, 12345678 + 1, flag * 2, u - u FROM p')).toEqual(['int(5)', 'int(5)', 'bigint(11) unsigned', 'int(5) unsigned', 'int(9)', 'bigint(10)', 'int(5)', 'bigint(11) unsigned']);
  });
  it('types DIV by the dividend and % by the wider operand', () => {
    expect(types('SELECT 7 DIV -2, big DIV 3, ubig DIV 2, u DIV 2, tiny % 3, 7 % ubig, MOD(7.5, -2), 7.5 % 2.25 FROM p')).toEqual(['int(1)', 'bigint(19)', 'bigint(20) unsigned', 'bigint(10) unsigned', 'int(4)', 'bigint(21)', 'decimal(2,1)', 'decimal(3,2)']);
  });
  it('types ROUND, TRUNCATE, FLOOR and CEIL', () => {
    expect(types('SELECT ROUND(amount, 1), ROUND(amount, 5), TRUNCATE(amount, 1), ROUND(1.5), FLOOR(amount), CEIL(1/3), ROUND(yr), ROUND(score, 2), FLOOR(score), PI() * 2 FROM p')).toEqual([
      'decimal(12,1)', 'decimal(15,5)', 'decimal(11,1)', 'decimal(2,0)', 'bigint(12)', 'int(3)', 'int(4) unsigned', 'double(19,2)', 'double(17,0)', 'double(23,6)',
    ]);
  });
  it('types CAST AS SIGNED / UNSIGNED by the argument', () => {
    expect(types("SELECT CAST(-1.5 AS SIGNED), CAST(tiny AS SIGNED), CAST('12' AS SIGNED), CAST(ubig AS SIGNED), CAST(u AS UNSIGNED), CAST(tiny AS UNSIGNED) FROM p")).toEqual(['int(4)', 'int(4)', 'int(2)', 'bigint(20)', 'int(10) unsigned', 'bigint(20) unsigned']);
  });
});
