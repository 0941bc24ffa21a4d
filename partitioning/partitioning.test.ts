import { describe, expect, it } from 'vitest';
import { bucketOf, defaultSpec, formatSpec, parseSpec, PartitionSpecError, rangePartitionOf } from './index.ts';

const billColumns = ['id', 'bill_type_id', 'created_at', 'amount_due'];

describe('parseSpec', () => {
  it.each([
    ['HASH(id, bill_type_id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH', { hash: { columns: ['id', 'bill_type_id'], buckets: 16 }, range: { column: 'created_at', interval: 'month' } }],
    ['hash(`id`) partitions 4', { hash: { columns: ['id'], buckets: 4 } }],
    ['HASH(id) PARTITIONS 8 × RANGE(created_at) INTERVAL DAY', { hash: { columns: ['id'], buckets: 8 }, range: { column: 'created_at', interval: 'day' } }],
    ["HASH(id) PARTITIONS 2, RANGE(created_at) BOUNDS ('2023-01-01', '2024-01-01')", { hash: { columns: ['id'], buckets: 2 }, range: { column: 'created_at', bounds: ['2023-01-01', '2024-01-01'] } }],
    ['HASH(id) PARTITIONS 2 RANGE(amount_due) BOUNDS (0, 100, 1000.5)', { hash: { columns: ['id'], buckets: 2 }, range: { column: 'amount_due', bounds: ['0', '100', '1000.5'] } }],
  ])('reads %s', (text, spec) => {
    expect(parseSpec(text, 'spec of rb.bill', billColumns)).toEqual(spec);
  });

  it.each([
    ['RANGE(created_at) INTERVAL MONTH', /expected HASH\(columns\) PARTITIONS n/],
    ['HASH(id) PARTITIONS 0', /PARTITIONS must be between 1 and 1024, got 0/],
    ['HASH(id) PARTITIONS 2000', /PARTITIONS must be between 1 and 1024/],
    ['HASH(id, id) PARTITIONS 4', /a column appears twice/],
    ['HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL WEEK', /expected RANGE\(column\) INTERVAL DAY\|MONTH\|YEAR/],
    ["HASH(id) PARTITIONS 4 RANGE(created_at) BOUNDS ('2024-01-01', '2023-01-01')", /strictly ascending \('2024-01-01' then '2023-01-01'\)/],
    ['HASH(nope) PARTITIONS 4', /no column 'nope' in the table \(its columns: id, bill_type_id, created_at, amount_due\)/],
  ])('refuses %s, saying why', (text, message) => {
    expect(() => parseSpec(text, 'spec of rb.bill', billColumns)).toThrow(PartitionSpecError);
    expect(() => parseSpec(text, 'spec of rb.bill', billColumns)).toThrow(message);
    expect(() => parseSpec(text, 'spec of rb.bill', billColumns)).toThrow(/^spec of rb\.bill: /);
  });

  it('round-trips through formatSpec', () => {
    for (const text of ['HASH(id, bill_type_id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH', "HASH(id) PARTITIONS 2 RANGE(created_at) BOUNDS ('2023-01-01', 'it''s')"]) {
      expect(formatSpec(parseSpec(text, 'x'))).toBe(text);
    }
  });
});

describe('defaultSpec', () => {
  it('hashes the primary key, or the whole row of a keyless table', () => {
    expect(defaultSpec(['id'], billColumns)).toEqual({ hash: { columns: ['id'], buckets: 16 } });
    expect(defaultSpec([], ['a', 'b'])).toEqual({ hash: { columns: ['a', 'b'], buckets: 16 } });
  });
});

describe('bucketOf', () => {
  const spec = parseSpec('HASH(id, bill_type_id) PARTITIONS 16', 'x');

  it('is stable: the same key always lands in the same bucket (pinned values)', () => {
    // Pinned: changing the hash would silently re-route rows and break existing file layouts.
    expect([1, 2, 3, 1000, 18446744073709551615n].map((id) => bucketOf(spec, { id, bill_type_id: 3 }))).toEqual([
      bucketOf(spec, { id: '1', bill_type_id: '3' }),
      bucketOf(spec, { id: '2', bill_type_id: '3' }),
      bucketOf(spec, { id: '3', bill_type_id: '3' }),
      bucketOf(spec, { id: '1000', bill_type_id: '3' }),
      bucketOf(spec, { id: '18446744073709551615', bill_type_id: '3' }),
    ]);
    expect(bucketOf(parseSpec('HASH(id) PARTITIONS 1024', 'x'), { id: 'a' })).toBe(0xe40c292c % 1024);
  });

  it('spreads keys over every bucket roughly evenly', () => {
    const counts = new Array<number>(16).fill(0);
    for (let id = 1; id <= 16_000; id++) counts[bucketOf(spec, { id, bill_type_id: id % 8 })]!++;
    expect(Math.min(...counts)).toBeGreaterThan(700);
    expect(Math.max(...counts)).toBeLessThan(1300);
  });

  it('keeps NULL, text and bytes apart', () => {
    const one = parseSpec('HASH(k) PARTITIONS 1024', 'x');
    const values = [null, 'null', Buffer.from('null'), '', Buffer.alloc(0)];
    expect(new Set(values.map((k) => bucketOf(one, { k }))).size).toBe(values.length);
  });
});

describe('rangePartitionOf', () => {
  it('names interval partitions by their first day', () => {
    const month = parseSpec('HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL MONTH', 'x');
    expect(rangePartitionOf(month, '2024-03-31 23:59:59.999')).toBe('2024-03-01');
    expect(rangePartitionOf(parseSpec('HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL YEAR', 'x'), '2024-03-31')).toBe('2024-01-01');
    expect(rangePartitionOf(parseSpec('HASH(id) PARTITIONS 4 RANGE(created_at) INTERVAL DAY', 'x'), '2024-03-31 10:00:00')).toBe('2024-03-31');
    expect(rangePartitionOf(month, null)).toBe('null');
    expect(() => rangePartitionOf(month, 'yesterday')).toThrow(/created_at value 'yesterday' is not a date/);
  });

  it('names bound partitions by their lower bound, numerically for numbers', () => {
    const byDate = parseSpec("HASH(id) PARTITIONS 4 RANGE(created_at) BOUNDS ('2023-01-01', '2024-01-01')", 'x');
    expect(['2022-12-31', '2023-01-01', '2023-06-01', '2024-01-01', '2030-01-01'].map((v) => rangePartitionOf(byDate, v))).toEqual(['-inf', '2023-01-01', '2023-01-01', '2024-01-01', '2024-01-01']);
    const byAmount = parseSpec('HASH(id) PARTITIONS 4 RANGE(amount_due) BOUNDS (9, 100)', 'x');
    expect([5, '10', 99.5, 100, 1000].map((v) => rangePartitionOf(byAmount, v))).toEqual(['-inf', '9', '9', '100', '100']);
  });

  it('is null for a spec without a range', () => {
    expect(rangePartitionOf(defaultSpec(['id'], ['id']), '2024-01-01')).toBeNull();
  });
});
