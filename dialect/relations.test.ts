// The relations a translated SELECT reads: what the gateway authorises. Every way MySQL lets a
// statement name a table must show up here, or a grant check would miss it.
import { describe, expect, it } from 'vitest';
import { translate, type DialectCatalog } from './index.ts';

const catalog: DialectCatalog = {
  columns: (db, table) => (db === 'rb' && table === 'bill' ? [{ name: 'id', columnType: 'int', nullable: false, primaryKey: true }] : undefined),
};
const relationsOf = (sql: string) => translate(sql, { database: 'rb', catalog, qualifyTables: true }).relations;

describe('relations of a translated SELECT', () => {
  it.each([
    ['SELECT * FROM bill, secret.s', ['rb.bill', 'secret.s']],
    ['SELECT * FROM bill JOIN secret.s ON 1 = 1 LEFT JOIN secret.t USING (id)', ['rb.bill', 'secret.s', 'secret.t']],
    ['SELECT * FROM (secret.s)', ['secret.s']],
    ['SELECT * FROM bill LEFT JOIN (secret.s JOIN secret.t ON 1 = 1) ON 1 = 1', ['rb.bill', 'secret.s', 'secret.t']],
    ['WITH c AS (SELECT * FROM secret.s) SELECT * FROM c JOIN bill ON 1 = 1', ['secret.s', 'rb.bill']],
    ['WITH s AS (SELECT 1 AS a) SELECT * FROM s', []],
    ['SELECT * FROM (SELECT * FROM secret.s) AS d', ['secret.s']],
    ['SELECT id FROM bill WHERE id IN (SELECT k FROM secret.s)', ['rb.bill', 'secret.s']],
    ['SELECT id FROM bill WHERE EXISTS (SELECT 1 FROM secret.s)', ['rb.bill', 'secret.s']],
    ['SELECT (SELECT max(k) FROM secret.s) AS m', ['secret.s']],
    ['SELECT id FROM bill UNION SELECT k FROM secret.s', ['rb.bill', 'secret.s']],
    ['SELECT id FROM bill UNION ALL SELECT k FROM secret.s EXCEPT SELECT k FROM secret.t', ['rb.bill', 'secret.s', 'secret.t']],
    ['SELECT * FROM information_schema.tables', ['information_schema.tables']],
    ['SELECT * FROM `secret`.`s`', ['secret.s']],
    ['SELECT * FROM `/etc/passwd`', ['rb./etc/passwd']],
  ])('%s reads %j', (sql, expected) => {
    expect(relationsOf(sql)!.map((r) => `${r.db}.${r.table}`)).toEqual(expected);
  });

  it('names a table with no database selected with a null database', () => {
    expect(translate('SELECT * FROM t', { database: null, catalog }).relations).toEqual([{ db: null, table: 't' }]);
  });

  it('writes every table with its database, so DuckDB resolves nothing by its search path', () => {
    expect(translate('SELECT id FROM bill', { database: 'rb', catalog, qualifyTables: true }).sql).toContain('"rb"."bill"');
  });

  it('refuses a string as a table as MySQL does (a syntax error), never a relation', () => {
    expect(() => relationsOf("SELECT * FROM '/etc/passwd'")).toThrow(/a string where a table or database name belongs/);
  });

  it('never passes a non-SELECT or an EXPLAIN on as SQL to run', () => {
    expect(translate("COPY (SELECT 1) TO '/tmp/x'", { database: 'rb', catalog }).sql).toBe('');
    expect(translate('PRAGMA version', { database: 'rb', catalog }).sql).toBe('');
    expect(() => translate("EXPLAIN ANALYZE COPY (SELECT 1) TO '/tmp/x'", { database: 'rb', catalog })).toThrow(/EXPLAIN or DESCRIBE/);
  });
});

describe('names as MySQL reads them', () => {
  it('reads a backtick doubled inside a quoted name as one backtick', () => {
    expect(relationsOf('SELECT * FROM `sec```.`t`')).toEqual([{ db: 'sec`', table: 't' }]);
  });

  it('refuses a string in a database name\'s place ("db".t without ANSI_QUOTES)', () => {
    expect(() => relationsOf('SELECT * FROM "secret".t')).toThrow(/a string where a table or database name belongs/);
  });

  it('reads --1 as minus minus one, not as a comment hiding the rest of the line', () => {
    expect(relationsOf('SELECT 1 --1 UNION SELECT k FROM secret.s')).toEqual([{ db: 'secret', table: 's' }]);
  });

  it('joins adjacent string literals into one, as MySQL does', () => {
    expect(translate("SELECT 'a' 'b\\' UNION SELECT 1 -- '", { database: 'rb', catalog }).sql).toContain("'ab'' UNION SELECT 1 -- '");
  });

  it('reads a parenthesised union as a SELECT', () => {
    expect(translate('(SELECT id FROM bill) UNION (SELECT k FROM secret.s)', { database: 'rb', catalog }).relations!.map((r) => `${r.db}.${r.table}`)).toEqual(['rb.bill', 'secret.s']);
  });
});

describe('relations of a JSON_TABLE', () => {
  const withDocs: DialectCatalog = {
    columns: (db, table) => (db === 'secret' && table === 's' ? [{ name: 'doc', columnType: 'json', nullable: true, primaryKey: false }] : catalog.columns(db, table)),
  };
  const reads = (sql: string) => translate(sql, { database: 'rb', catalog: withDocs, qualifyTables: true }).relations!.map((r) => `${r.db}.${r.table}`);
  it('lists the table its document comes from, in another database too', () => {
    expect(reads(`SELECT t.a FROM secret.s, JSON_TABLE(s.doc, '$[*]' COLUMNS (a INT PATH '$.a')) AS t`)).toEqual(['secret.s']);
    expect(reads(`SELECT t.a FROM bill b LEFT JOIN JSON_TABLE((SELECT doc FROM secret.s LIMIT 1), '$[*]' COLUMNS (a INT PATH '$')) t ON true`)).toEqual(expect.arrayContaining(['rb.bill', 'secret.s']));
    expect(reads(`SELECT t.a FROM JSON_TABLE('[1]', '$[*]' COLUMNS (a INT PATH '$')) AS t`)).toEqual([]);
  });
  it("refuses the gateway's own marker written by a client", () => {
    expect(() => reads('SELECT * FROM (SELECT 1 AS __iq_json_table_0) AS t')).toThrow(/marker for JSON_TABLE/);
  });
});
