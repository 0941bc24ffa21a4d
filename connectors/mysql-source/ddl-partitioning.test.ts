import { describe, expect, it } from 'vitest';
import type { TableSchema } from '../../core/index.ts';
import { readDdl, type SchemaChange } from './ddl-parser.ts';

const PLAIN: TableSchema = { db: 'shop', table: 'orders', columns: [{ name: 'id', columnType: 'int', nullable: false }], primaryKey: ['id'] };
const SPLIT: TableSchema = { ...PLAIN, table: 'split', options: { engine: 'InnoDB', sourcePartitioned: true } };
const lookup = (db: string, table: string) => [PLAIN, SPLIT].find((t) => t.db === db && t.table === table);

function changes(sql: string): SchemaChange[] {
  const r = readDdl(sql, 'shop', lookup, () => []);
  if (r.kind !== 'changes') throw new Error(`expected changes, got ${JSON.stringify(r)}`);
  return r.changes;
}
const flagOf = (ch: SchemaChange | undefined) => (ch && 'after' in ch ? ch.after.options?.sourcePartitioned : 'no change');

describe('the source partitioning a table', () => {
  it('CREATE TABLE … PARTITION BY marks it, in plain text or an executable comment', () => {
    expect(flagOf(changes('CREATE TABLE p (id INT PRIMARY KEY) PARTITION BY HASH(id) PARTITIONS 4')[0])).toBe(true);
    expect(flagOf(changes('CREATE TABLE p (id INT PRIMARY KEY) ENGINE=InnoDB\n/*!50100 PARTITION BY RANGE (id)\n(PARTITION p0 VALUES LESS THAN (10) ENGINE = InnoDB) */')[0])).toBe(true);
    expect(flagOf(changes('CREATE TABLE q (id INT PRIMARY KEY) /* PARTITION BY HASH(id) */')[0])).toBeUndefined();
    expect(flagOf(changes("CREATE TABLE q (id INT PRIMARY KEY) COMMENT 'PARTITION BY HASH(id)'")[0])).toBeUndefined();
  });

  it('ALTER TABLE … PARTITION BY marks it even when nothing else changes; REMOVE PARTITIONING clears it', () => {
    const [alter] = changes('ALTER TABLE orders PARTITION BY KEY(id) PARTITIONS 2');
    expect(alter?.kind).toBe('alter');
    expect(flagOf(alter)).toBe(true);
    expect(flagOf(changes('ALTER TABLE `shop`.`split` REMOVE PARTITIONING')[0])).toBeUndefined();
    expect(changes('ALTER TABLE split REMOVE PARTITIONING')[0]).toMatchObject({ kind: 'alter', after: { options: { engine: 'InnoDB' } } });
    expect(flagOf(changes('ALTER TABLE orders ADD COLUMN x INT, PARTITION BY HASH(id)')[0])).toBe(true);
  });

  it('partition maintenance keeps it, and a table not partitioned stays so', () => {
    expect(changes('ALTER TABLE split ADD PARTITION (PARTITION p9 VALUES LESS THAN (100))')).toEqual([]);
    expect(flagOf(changes('ALTER TABLE split ADD COLUMN x INT')[0])).toBe(true);
    expect(changes('ALTER TABLE orders REMOVE PARTITIONING')).toEqual([]);
    expect(flagOf(changes('ALTER TABLE split RENAME TO split2').at(-1))).toBe(true);
  });
});
