import { describe, expect, it } from 'vitest';
import { statementReads } from './statement-reads.ts';

const names = (sql: string) => statementReads(sql, 'rb').relations.map((r) => `${r.db}.${r.table}`);

describe('statementReads: what a SELECT to forward reads', () => {
  it('lists every relation wherever it stands', () => {
    expect(names('SELECT * FROM bill, secret.s')).toEqual(['rb.bill', 'secret.s']);
    expect(names('SELECT (SELECT k FROM secret.s LIMIT 1) FROM bill WHERE id IN (SELECT id FROM secret.t)')).toEqual(expect.arrayContaining(['rb.bill', 'secret.s', 'secret.t']));
    expect(names('WITH c AS (SELECT * FROM secret.s) SELECT * FROM c')).toEqual(['secret.s']);
    expect(names('SELECT 1 FROM dual')).toEqual([]);
    expect(names('SELECT a FROM bill UNION SELECT k FROM secret.s')).toEqual(['rb.bill', 'secret.s']);
  });

  it('says when it writes a file or reads one', () => {
    expect(statementReads("SELECT 1 INTO OUTFILE '/tmp/x'", 'rb').into).toBe(true);
    expect(statementReads("SELECT LOAD_FILE('/etc/passwd')", 'rb').functions.has('LOAD_FILE')).toBe(true);
    expect(statementReads('SELECT 1', 'rb').into).toBe(false);
  });

  it('refuses what is not one SELECT', () => {
    expect(() => statementReads('SELECT 1; SELECT 2', 'rb')).toThrow();
    expect(() => statementReads('DELETE FROM bill', 'rb')).toThrow();
    expect(() => statementReads("SELECT * FROM '/etc/passwd'", 'rb')).toThrow();
  });
});

describe('statementReads: every relation and call, wherever the parse puts it', () => {
  it('finds tables inside parenthesised joins and nested join groups', () => {
    expect(names('SELECT * FROM ((secret.s))')).toEqual(['secret.s']);
    expect(names('SELECT * FROM (bill b JOIN secret.s ON 1 = 1)')).toEqual(['rb.bill', 'secret.s']);
    expect(names('SELECT * FROM (bill b, secret.s)')).toEqual(['rb.bill', 'secret.s']);
  });

  it('names a stored function with its database, and every variable read', () => {
    const reads = statementReads('SELECT secret.leak(), SOUNDEX(a), @@datadir, @x FROM bill', 'rb');
    expect([...reads.functions]).toEqual(['SECRET.LEAK', 'SOUNDEX']);
    expect([...reads.variables]).toEqual(['@@datadir', '@x']);
  });

  it('sees past glued dashes as MySQL does', () => {
    expect(names('SELECT SOUNDEX(a) --1, (SELECT k FROM secret.s LIMIT 1) FROM bill')).toEqual(expect.arrayContaining(['secret.s']));
  });
});

describe('statementReads: JSON_TABLE', () => {
  it('finds the relations its document reads', () => {
    expect(names(`SELECT t.a FROM secret.s, JSON_TABLE(s.doc, '$[*]' COLUMNS (a INT PATH '$.a')) AS t`)).toEqual(['secret.s']);
    expect(names(`SELECT * FROM JSON_TABLE((SELECT doc FROM secret.t LIMIT 1), '$[*]' COLUMNS (a INT PATH '$')) AS t`)).toEqual(['secret.t']);
  });
});
