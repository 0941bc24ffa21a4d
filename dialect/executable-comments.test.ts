import { describe, expect, it } from 'vitest';
import { executableText } from './executable-comments.ts';

describe('executableText: the statement MySQL 8.0 executes', () => {
  it.each([
    ['SELECT 1 /*!, 2 */', 'SELECT 1  , 2  '],
    ['SELECT 1 /*!50000 , 2 */', 'SELECT 1   , 2  '],
    ['SELECT 1 /*!80036 , 2 */', 'SELECT 1   , 2  '],
    // Above the reported version, and MariaDB's own form: plain comments to MySQL 8.0.36.
    ['SELECT 1 /*!90000 , 2 */', 'SELECT 1  '],
    ['SELECT 1 /*M!100100 , 2 */', 'SELECT 1  '],
    ['SELECT 1 /* , 2 */', 'SELECT 1  '],
    ['SELECT 1 -- , 2\n', 'SELECT 1  \n'],
    ['SELECT 1 # , 2\n', 'SELECT 1  \n'],
    ['SELECT 1--2', 'SELECT 1--2'],
    ['SELECT /*+ MAX_EXECUTION_TIME(10) */ 1', 'SELECT /*+ MAX_EXECUTION_TIME(10) */ 1'],
  ])('%j → %j', (sql, expected) => {
    expect(executableText(sql)).toBe(expected);
  });

  it('leaves comment marks inside strings and quoted identifiers alone', () => {
    for (const sql of ["SELECT '/*!, 2 */'", 'SELECT "-- x"', 'SELECT `a#b`', "SELECT 'it\\'s /* no */'", "SELECT 'a''/*'"]) expect(executableText(sql)).toBe(sql);
  });

  it('reads a backslash-escaped quote as MySQL does, so a comment after the string is one', () => {
    expect(executableText("SELECT 'a\\' UNION SELECT 2 -- '")).toBe("SELECT 'a\\' UNION SELECT 2 -- '");
    expect(executableText("SELECT 'a\\'' /*!, (SELECT k FROM secret.s) */")).toBe("SELECT 'a\\''  , (SELECT k FROM secret.s)  ");
  });
});

describe('ansiQuotesAsBackticks: sql_mode ANSI_QUOTES', () => {
  it('turns double-quoted identifiers into backtick-quoted ones, strings untouched', async () => {
    const { ansiQuotesAsBackticks } = await import('./ansi-quotes.ts');
    expect(ansiQuotesAsBackticks('SELECT * FROM "secret"."t" WHERE a = \'x"y\'')).toBe("SELECT * FROM `secret`.`t` WHERE a = 'x\"y'");
    expect(ansiQuotesAsBackticks('SELECT "a""b", "c`d"')).toBe('SELECT `a"b`, `c``d`');
    expect(ansiQuotesAsBackticks("SELECT 'it\\'s \"no\"'")).toBe("SELECT 'it\\'s \"no\"'");
  });
});

describe('executable comments on a MariaDB source', () => {
  it('runs /*M!NNNNNN */ up to its version, and /*!NNNNN */ against its version', () => {
    expect(executableText('/*M!100100 SET @@MAX_STATEMENT_TIME=0.000000 */', 101119)).toBe('  SET @@MAX_STATEMENT_TIME=0.000000  ');
    expect(executableText('SELECT 1 /*M!110500 , 2 */', 101119)).toBe('SELECT 1  ');
    expect(executableText('SELECT 1 /*M!100100 , 2 */')).toBe('SELECT 1  ');
    expect(executableText('SELECT 1 /*!100100 , 2 */', 101119)).toBe('SELECT 1   , 2  ');
  });

  it('as MariaDB: a five-digit version from 50700 on is MySQL 5.7+ syntax, a plain comment; below it runs', () => {
    // Checked on MariaDB 10.11: /*!50699 …*/ and /*!101119 …*/ run; /*!50700, 80036, 99999 …*/ and /*!101120 …*/ do not.
    expect(executableText('SELECT 1 /*!50699 , 2 */', 101119)).toBe('SELECT 1   , 2  ');
    for (const v of ['50700', '80000', '80036', '99999']) expect(executableText(`SELECT 1 /*!${v} , 2 */`, 101119)).toBe('SELECT 1  ');
    expect(executableText('SELECT 1 /*!101120 , 2 */', 101119)).toBe('SELECT 1  ');
    // MySQL 8 runs /*!80000 …*/.
    expect(executableText('SELECT 1 /*!80000 , 2 */')).toBe('SELECT 1   , 2  ');
  });
});
