import { describe, expect, it } from 'vitest';
import { parseExplain } from './explain.ts';

describe('parseExplain', () => {
  it('reads MySQL 8 EXPLAIN forms', () => {
    expect(parseExplain('EXPLAIN SELECT 1')).toEqual({ kind: 'select', select: 'SELECT 1', format: 'traditional', analyze: false });
    expect(parseExplain('explain format=json select 1')).toMatchObject({ kind: 'select', format: 'json' });
    expect(parseExplain('EXPLAIN ANALYZE SELECT 1')).toMatchObject({ kind: 'select', format: 'tree', analyze: true });
    expect(parseExplain('DESCRIBE SELECT 1')).toMatchObject({ kind: 'select' });
    expect(parseExplain('EXPLAIN bill')).toEqual({ kind: 'table', describe: 'DESCRIBE bill' });
    expect(parseExplain('desc `rb`.`bill` id')).toEqual({ kind: 'table', describe: 'DESCRIBE `rb`.`bill` id' });
    expect(parseExplain('SELECT 1')).toBeNull();
  });

  it('refuses what is not a SELECT or a table, so nothing else is explained', () => {
    expect(() => parseExplain("EXPLAIN ANALYZE COPY (SELECT 1) TO '/tmp/x.csv'")).toThrow(expect.objectContaining({ code: 1064 }));
    expect(() => parseExplain("EXPLAIN COPY t TO '/tmp/x.csv'")).toThrow(expect.objectContaining({ code: 1064 }));
    expect(() => parseExplain('EXPLAIN UPDATE t SET a = 1')).toThrow(expect.objectContaining({ code: 1235 }));
    expect(() => parseExplain('EXPLAIN FORMAT=XML SELECT 1')).toThrow(/Unknown EXPLAIN format/);
  });
});
