import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenizer.ts';
import { windowTokens, type WindowFrame } from './window-clauses.ts';
import { MysqlRejection } from './dialect-error.ts';

function rewrite(sql: string): { text: string; frames: WindowFrame[] } {
  const frames: WindowFrame[] = [];
  const tokens = windowTokens(
    tokenize(sql).filter((t) => t.kind !== 'space'),
    (f) => frames.push(f) - 1,
  );
  return { text: tokens.map((t) => t.text).join(' '), frames };
}

describe('windowTokens', () => {
  it('leaves statements without OVER alone', () => {
    expect(rewrite('SELECT a FROM t').text).toBe('SELECT a FROM t');
  });

  it('expands a named window and drops the WINDOW clause', () => {
    expect(rewrite('SELECT SUM(a) OVER w FROM t WINDOW w AS (PARTITION BY b) ORDER BY a').text).toBe('SELECT SUM ( a ) OVER ( PARTITION BY b ) FROM t ORDER BY a');
  });

  it('refines a named window with ORDER BY and a frame, set aside', () => {
    const r = rewrite('SELECT SUM(a) OVER (w ORDER BY c RANGE BETWEEN 2 PRECEDING AND 1.5 FOLLOWING) FROM t WINDOW w AS (PARTITION BY b)');
    expect(r.text).toBe('SELECT SUM ( a ) OVER ( PARTITION BY b ORDER BY c ROWS 0 PRECEDING ) FROM t');
    expect(r.frames).toEqual([{ unit: 'RANGE', start: { kind: 'preceding', offset: '2' }, end: { kind: 'following', offset: '1.5' } }]);
  });

  it('reads a one-bound frame as ending at the current row', () => {
    expect(rewrite('SELECT SUM(a) OVER (ORDER BY a ROWS UNBOUNDED PRECEDING) FROM t').frames).toEqual([{ unit: 'ROWS', start: { kind: 'unbounded preceding' }, end: { kind: 'current row' } }]);
  });

  it("answers MariaDB's errors", () => {
    const code = (sql: string) => {
      try {
        rewrite(sql);
      } catch (e) {
        return e instanceof MysqlRejection ? e.code : -1;
      }
      return 0;
    };
    expect(code('SELECT SUM(a) OVER x FROM t WINDOW w AS ()')).toBe(4009);
    expect(code('SELECT SUM(a) OVER w FROM t WINDOW w AS (), w AS ()')).toBe(4010);
    expect(code('SELECT SUM(a) OVER (w PARTITION BY b) FROM t WINDOW w AS (ORDER BY a)')).toBe(4011);
    expect(code('SELECT SUM(a) OVER (w ORDER BY b) FROM t WINDOW w AS (ORDER BY a)')).toBe(4012);
    expect(code('SELECT SUM(a) OVER (w) FROM t WINDOW w AS (ORDER BY a ROWS 1 PRECEDING)')).toBe(4013);
    expect(code('SELECT SUM(a) OVER (ORDER BY a ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM t')).toBe(4014);
    expect(code('SELECT SUM(a) OVER (ORDER BY a ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM t')).toBe(0);
    expect(code('SELECT SUM(a) OVER (ORDER BY a ROWS 1 PRECEDING EXCLUDE CURRENT ROW) FROM t')).toBe(4022);
  });
});
