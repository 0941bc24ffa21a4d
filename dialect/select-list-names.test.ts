import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';

describe('select-list column names follow MySQL', () => {
  it.each([
    ['select count(*) from t', 'select count(*) AS "count(*)" from t'],
    ['SELECT COUNT(*), SUM(a) FROM t', 'SELECT COUNT(*) AS "COUNT(*)", SUM(a) AS "SUM(a)" FROM t'],
    ["select 'abc', 1+1", `select 'abc' AS "abc", 1+1 AS "1+1"`],
    ['select a-b from t', 'select a-b AS "a-b" from t'],
    ['select case when a then 1 end from t', 'select case when a then 1 end AS "case when a then 1 end" from t'],
    ['select a is null from t', 'select a is null AS "a is null" from t'],
    ['select (select max(id) from u) from t', 'select (select max(id) from u) AS "(select max(id) from u)" from t'],
    ['select distinct count(*) from t', 'select distinct count(*) AS "count(*)" from t'],
    ['select concat(`a"b`, "x") from t', `select concat("a""b", 'x') AS "concat(\`a""b\`, ""x"")" from t`],
  ])('%s', (mysql, duck) => {
    expect(translate(mysql).sql).toBe(duck);
  });

  it.each([
    'select a, b.c, `d`, t.* from t',
    'select * from t',
    'select count(*) as n, sum(x) total from t',
    'select x `total` from t',
    'select NULL TABLE_SCHEM, TRUE ok, case when a then 1 end c from t',
  ])('leaves plain columns, stars and aliased items alone: %s', (mysql) => {
    expect(translate(mysql).sql).not.toContain(' AS "');
  });

  it('turns a string alias into an identifier, as MySQL reads it', () => {
    expect(translate(`select x "alias", y as 'b' from t`).sql).toBe('select x "alias", y as "b" from t');
  });

  it('names only the outermost select list', () => {
    expect(translate('select a from t where b in (select count(*) from u)').sql).toBe('select a from t where b in (select count(*) from u)');
    expect(translate('with c as (select count(*) from t) select n + 1 from c').sql).toBe('with c as (select count(*) from t) select n + 1 AS "n + 1" from c');
  });
});
