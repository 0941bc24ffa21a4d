import { describe, expect, it } from 'vitest';
import { partitionSpecFor, sinkConfigSchema, validateSinkConfig } from './config.ts';
import type { TableSchema } from '../../core/index.ts';

const base = { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector' };
const bill: TableSchema = {
  db: 'rb',
  table: 'bill',
  primaryKey: ['id'],
  columns: ['id', 'created_at', 'amount'].map((name) => ({ name, columnType: 'int', nullable: false })),
};

describe('sink config', () => {
  it('defaults batching like Kafka Connect sinks and one task', () => {
    const c = sinkConfigSchema.parse(base);
    expect([c['tasks.max'], c['batch.size'], c['max.buffered.records'], c['linger.ms']]).toEqual([1, 20000, 40000, 0]);
  });

  it('accepts per-table partition specs and numbers as strings, as Kafka Connect sends them', () => {
    expect(validateSinkConfig({ ...base, 'tasks.max': '4', 'batch.size': '500', 'partitioning.rb.bill': 'HASH(id) PARTITIONS 8 RANGE(created_at) INTERVAL MONTH' })).toEqual([]);
  });

  it.each([
    [{ 'tasks.max': 0 }, "'tasks.max'"],
    [{ 'tasks.max': 17 }, "'tasks.max'"],
    [{ 'batch.size': 'lots' }, "'batch.size'"],
    [{ 'batch.size': 1000, 'max.buffered.records': 10 }, "'max.buffered.records': must be at least batch.size (1000)"],
    [{ 'partitioning.bill': 'HASH(id) PARTITIONS 4' }, "'partitioning.bill': name the table as partitioning.<database>.<table>"],
    [{ 'partitioning.rb.bill': 'RANGE(created_at) INTERVAL MONTH' }, "'partitioning.rb.bill': expected HASH(columns) PARTITIONS n"],
    [{ 'partitioning.rb.bill': 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL WEEK' }, "'partitioning.rb.bill': after HASH(...) PARTITIONS n expected RANGE(column) INTERVAL DAY|MONTH|YEAR"],
    [{ 'linger.msec': 5 }, "unknown config key 'linger.msec' — did you mean 'linger.ms'?"],
  ])('refuses %j, naming the key', (extra, message) => {
    const problems = validateSinkConfig({ ...base, ...extra });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});

describe('partitionSpecFor', () => {
  it('hashes the primary key into 16 buckets by default', () => {
    expect(partitionSpecFor(sinkConfigSchema.parse(base), bill)).toEqual({ hash: { columns: ['id'], buckets: 16 } });
  });

  it('reads the table key and checks its columns against the table', () => {
    const config = sinkConfigSchema.parse({ ...base, 'partitioning.rb.bill': 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL YEAR' });
    expect(partitionSpecFor(config, bill)).toEqual({ hash: { columns: ['id'], buckets: 4 }, range: { column: 'created_at', interval: 'year' } });
    const wrong = sinkConfigSchema.parse({ ...base, 'partitioning.rb.bill': 'HASH(bill_id) PARTITIONS 4' });
    expect(() => partitionSpecFor(wrong, bill)).toThrow("sink config key 'partitioning.rb.bill': no column 'bill_id' in the table (its columns: id, created_at, amount)");
  });
});

describe('hot.window.<db>.<table>', () => {
  const base = { 'connector.class': 'io.instaquery.connector.ColumnarSinkConnector', 'partitioning.rb.bill': 'HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH' };
  it('is accepted with a RANGE spec and read as a window', () => {
    expect(validateSinkConfig({ ...base, 'hot.window.rb.bill': '90 days' })).toEqual([]);
  });
  it('names each problem: a bad window, a table without RANGE, a badly named key', () => {
    expect(validateSinkConfig({ ...base, 'hot.window.rb.bill': 'soon' })).toEqual([expect.stringMatching(/hot\.window\.rb\.bill.*expected a hot window such as "90 days"/)]);
    expect(validateSinkConfig({ ...base, 'hot.window.rb.payment': '1 year' })).toEqual([expect.stringMatching(/hot\.window\.rb\.payment.*give rb\.payment a RANGE in partitioning\.rb\.payment/)]);
    expect(validateSinkConfig({ ...base, 'hot.window.bill': '1 year' })).toEqual([expect.stringMatching(/name the table as hot\.window\.<database>\.<table>/)]);
  });
});
