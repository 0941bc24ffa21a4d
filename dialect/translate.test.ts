import { describe, expect, it } from 'vitest';
import { classify, translate, type StatementKind } from './translate.ts';

describe('classify', () => {
  const cases: [string, StatementKind][] = [
    ['SELECT 1', 'select'],
    ['select * from t', 'select'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'select'],
    ['SHOW TABLES', 'show'],
    ['SET NAMES utf8mb4', 'set'],
    ['use shop', 'use'],
    ['BEGIN', 'transaction'],
    ['COMMIT', 'transaction'],
    ['START TRANSACTION', 'transaction'],
    ['rollback', 'transaction'],
    ['INSERT INTO t VALUES (1)', 'write'],
    ['UPDATE t SET a = 1', 'write'],
    ['DELETE FROM t', 'write'],
    ['REPLACE INTO t VALUES (1)', 'write'],
    ['CREATE TABLE t (a int)', 'write'],
    ['DROP TABLE t', 'write'],
    ['ALTER TABLE t ADD b int', 'write'],
    ['TRUNCATE t', 'write'],
    ['', 'other'],
    ['PING', 'other'],
    ['SELECTED', 'other'],
    // leading whitespace and comments are skipped
    ['  \n\tSELECT 1', 'select'],
    ['/* hint */ SELECT 1', 'select'],
    ['/* a\nmultiline\ncomment */ insert into t values (1)', 'write'],
    ['-- note\nSHOW DATABASES', 'show'],
    ['# note\nUPDATE t SET a = 1', 'write'],
    ['/* a */ -- b\n # c\n  delete from t', 'write'],
    ['/*!40101 SET NAMES utf8 */', 'other'],
  ];
  it.each(cases)('%j is %s', (sql, kind) => {
    expect(classify(sql)).toBe(kind);
  });
});

describe('translate: identifiers and strings', () => {
  // String items carry an alias so these cases are about rendering, not column naming.
  const cases: [string, string][] = [
    ['SELECT `a` FROM `db`.`t`', 'SELECT "a" FROM "db"."t"'],
    ['SELECT `a``b`', 'SELECT "a`b"'],
    ['SELECT `c"d`', 'SELECT "c""d"'],
    ['SELECT `it\'s`', 'SELECT "it\'s"'],
    ['SELECT "abc" AS v', "SELECT 'abc' AS v"],
    ['SELECT "it\'s" AS v', "SELECT 'it''s' AS v"],
    ['SELECT "a""b" AS v', `SELECT 'a"b' AS v`],
    ["SELECT 'it''s' AS v", "SELECT 'it''s' AS v"],
    ["SELECT 'x\\'y' AS v", "SELECT 'x''y' AS v"],
    ["SELECT 'a\\nb' AS v", "SELECT 'a\nb' AS v"],
    ["SELECT 'a\\tb\\rc' AS v", "SELECT 'a\tb\rc' AS v"],
    ["SELECT 'c\\\\d' AS v", "SELECT 'c\\d' AS v"],
    ['SELECT "q\\"q" AS v', `SELECT 'q"q' AS v`],
    ["SELECT '\\\\''' AS v", "SELECT '\\''' AS v"],
    ["SELECT 'a\\qb' AS v", "SELECT 'aqb' AS v"],
    // LIKE escapes keep their backslash
    ["SELECT 'a\\%b\\_' AS v", "SELECT 'a\\%b\\_' AS v"],
    // backticks inside strings and quotes inside identifiers are left as they are
    ["SELECT 'a`b' AS v", "SELECT 'a`b' AS v"],
    ['SELECT "a`b" AS v', "SELECT 'a`b' AS v"],
  ];
  it.each(cases)('%s -> %s', (sql, expected) => {
    expect(translate(sql).sql).toBe(expected);
  });
});

describe('translate: LIMIT', () => {
  const cases: [string, string][] = [
    ['SELECT * FROM t LIMIT 10, 20', 'SELECT * FROM t LIMIT 20 OFFSET 10'],
    ['SELECT * FROM t limit 10 ,20', 'SELECT * FROM t LIMIT 20 OFFSET 10'],
    ['SELECT * FROM t LIMIT\n0,\n5', 'SELECT * FROM t LIMIT 5 OFFSET 0'],
    ['SELECT * FROM t LIMIT 5', 'SELECT * FROM t LIMIT 5'],
    ['SELECT * FROM t LIMIT 5 OFFSET 10', 'SELECT * FROM t LIMIT 5 OFFSET 10'],
    ["SELECT 'LIMIT 1, 2' v FROM t", "SELECT 'LIMIT 1, 2' v FROM t"],
    ["SELECT 'LIMIT 1, 2' v FROM t LIMIT 3, 4", "SELECT 'LIMIT 1, 2' v FROM t LIMIT 4 OFFSET 3"],
    ['SELECT `limit` FROM t', 'SELECT "limit" FROM t'],
    ['SELECT * FROM (SELECT * FROM t LIMIT 1, 2) x LIMIT 3, 4', 'SELECT * FROM (SELECT * FROM t LIMIT 2 OFFSET 1) x LIMIT 4 OFFSET 3'],
  ];
  it.each(cases)('%s -> %s', (sql, expected) => {
    expect(translate(sql).sql).toBe(expected);
  });
});

describe('translate: statement shape', () => {
  it.each([
    ['SELECT 1 v;', 'SELECT 1 v'],
    ['  SELECT 1 v;  \n', 'SELECT 1 v'],
    ["SELECT ';' v", "SELECT ';' v"],
  ])('trims %j to %j', (sql, expected) => {
    expect(translate(sql).sql).toBe(expected);
  });

  it('classifies the statement it translates', () => {
    expect(translate('/* c */ UPDATE `t` SET a = "x"').kind).toBe('write');
    expect(translate('show tables').kind).toBe('show');
  });

  it('leaves numbers, operators and functions alone', () => {
    const sql = 'SELECT a + 1.5e3 x, COUNT(*) n, -2 AS m FROM t WHERE b >= 3 AND c <> 4';
    expect(translate(sql).sql).toBe(sql);
  });

  it('returns the cached translation for the same text', () => {
    const text = 'SELECT `cached` FROM t LIMIT 1, 2';
    const first = translate(text);
    expect(translate(text)).toBe(first);
    expect(translate(text + ' ')).not.toBe(first);
    expect(translate(text + ' ')).toEqual(first);
  });
});
