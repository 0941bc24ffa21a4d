import { describe, expect, it } from 'vitest';
import type { ChangeEvent, ChangeOp, Row, TableSchema } from '../core/index.ts';
import { reduceToFinalState, reduceToRowCounts } from './upsert-batch.ts';

const schema = (columns: string[], primaryKey: string[]): TableSchema => ({
  db: 'shop',
  table: 't',
  columns: columns.map((name) => ({ name, columnType: 'varchar(10)', nullable: true })),
  primaryKey,
});

const SINGLE = schema(['id', 'v'], ['id']);

let pos = 0;
function ev(s: TableSchema, op: ChangeOp, before: Row | null, after: Row | null): ChangeEvent {
  pos += 10;
  return {
    op,
    before,
    after,
    source: { name: 'src', db: s.db, table: s.table, file: 'binlog.000001', pos, gtid: null, ts_ms: 0, snapshot: 'false' },
    ts_ms: 0,
    schema: s,
  };
}
const c = (s: TableSchema, after: Row) => ev(s, 'c', null, after);
const u = (s: TableSchema, before: Row, after: Row) => ev(s, 'u', before, after);
const d = (s: TableSchema, before: Row) => ev(s, 'd', before, null);

/** The final states in map order, as plain data (without the rows each key had before). */
const finals = (s: TableSchema, events: ChangeEvent[]) => [...reduceToFinalState(s, events).values()].map(({ key, row }) => ({ key, row }));

describe('reduceToFinalState', () => {
  it('returns nothing for no events', () => {
    expect(reduceToFinalState(SINGLE, []).size).toBe(0);
  });

  it('keeps an inserted row', () => {
    expect(finals(SINGLE, [c(SINGLE, { id: 1, v: 'a' })])).toEqual([{ key: { id: 1 }, row: { id: 1, v: 'a' } }]);
  });

  it('treats snapshot reads (r) as upserts', () => {
    expect(finals(SINGLE, [ev(SINGLE, 'r', null, { id: 1, v: 'a' })])).toEqual([{ key: { id: 1 }, row: { id: 1, v: 'a' } }]);
  });

  it('ends deleted after insert, update, delete of one key', () => {
    const events = [c(SINGLE, { id: 1, v: 'a' }), u(SINGLE, { id: 1, v: 'a' }, { id: 1, v: 'b' }), d(SINGLE, { id: 1, v: 'b' })];
    expect(finals(SINGLE, events)).toEqual([{ key: { id: 1 }, row: null }]);
  });

  it('keeps the last update', () => {
    const events = [u(SINGLE, { id: 1, v: 'a' }, { id: 1, v: 'b' }), u(SINGLE, { id: 1, v: 'b' }, { id: 1, v: 'c' })];
    expect(finals(SINGLE, events)).toEqual([{ key: { id: 1 }, row: { id: 1, v: 'c' } }]);
  });

  it('ends with the row after delete then insert', () => {
    const events = [d(SINGLE, { id: 1, v: 'old' }), c(SINGLE, { id: 1, v: 'new' })];
    expect(finals(SINGLE, events)).toEqual([{ key: { id: 1 }, row: { id: 1, v: 'new' } }]);
  });

  it('deletes the old key and upserts the new one when an update changes the key', () => {
    const events = [u(SINGLE, { id: 1, v: 'a' }, { id: 2, v: 'a' })];
    expect(finals(SINGLE, events)).toEqual([
      { key: { id: 1 }, row: null },
      { key: { id: 2 }, row: { id: 2, v: 'a' } },
    ]);
  });

  it('swaps two keys through an intermediate key', () => {
    const events = [
      u(SINGLE, { id: 1, v: 'a' }, { id: 3, v: 'a' }),
      u(SINGLE, { id: 2, v: 'b' }, { id: 1, v: 'b' }),
      u(SINGLE, { id: 3, v: 'a' }, { id: 2, v: 'a' }),
    ];
    const byId = new Map(finals(SINGLE, events).map((f) => [f.key.id, f.row]));
    expect(byId).toEqual(
      new Map<unknown, Row | null>([
        [1, { id: 1, v: 'b' }],
        [2, { id: 2, v: 'a' }],
        [3, null],
      ]),
    );
  });

  it('orders the map by last change', () => {
    const events = [c(SINGLE, { id: 1, v: 'a' }), c(SINGLE, { id: 2, v: 'b' }), u(SINGLE, { id: 1, v: 'a' }, { id: 1, v: 'c' })];
    expect(finals(SINGLE, events).map((f) => f.key.id)).toEqual([2, 1]);
  });

  it('keys composite primary keys on every key column', () => {
    const s = schema(['a', 'b', 'v'], ['a', 'b']);
    const events = [c(s, { a: 1, b: 1, v: 'x' }), c(s, { a: 1, b: 2, v: 'y' }), d(s, { a: 1, b: 1, v: 'x' })];
    expect(finals(s, events)).toEqual([
      { key: { a: 1, b: 1 }, row: null },
      { key: { a: 1, b: 2 }, row: { a: 1, b: 2, v: 'y' } },
    ]);
  });

  it('does not confuse composite keys whose parts concatenate alike', () => {
    const s = schema(['a', 'b'], ['a', 'b']);
    const state = reduceToFinalState(s, [c(s, { a: 'ab', b: 'c' }), c(s, { a: 'a', b: 'bc' })]);
    expect(state.size).toBe(2);
  });

  it('remembers every earlier row of a key: where a range-partitioned table must delete it', () => {
    const events = [u(SINGLE, { id: 1, v: 'a' }, { id: 1, v: 'b' }), u(SINGLE, { id: 1, v: 'b' }, { id: 1, v: 'c' }), c(SINGLE, { id: 2, v: 'x' })];
    const state = [...reduceToFinalState(SINGLE, events).values()];
    expect(state[0]).toEqual({ key: { id: 1 }, row: { id: 1, v: 'c' }, earlier: [{ id: 1, v: 'a' }, { id: 1, v: 'b' }] });
    expect(state[1]!.earlier).toEqual([]);
  });
  it('compares Buffer key values by content', () => {
    const s = schema(['id', 'v'], ['id']);
    const events = [c(s, { id: Buffer.from([0xde, 0xad]), v: 'a' }), d(s, { id: Buffer.from([0xde, 0xad]), v: 'a' }), c(s, { id: Buffer.from([0xbe, 0xef]), v: 'b' })];
    const out = finals(s, events);
    expect(out).toHaveLength(2);
    expect(out[0]!.row).toBeNull();
    expect((out[0]!.key.id as Buffer).equals(Buffer.from([0xde, 0xad]))).toBe(true);
    expect(out[1]!.row).toEqual({ id: Buffer.from([0xbe, 0xef]), v: 'b' });
  });

  it('matches bigint and number forms of the same key', () => {
    const s = schema(['id', 'v'], ['id']);
    expect(finals(s, [c(s, { id: 5n, v: 'a' }), d(s, { id: 5, v: 'a' })])).toEqual([{ key: { id: 5 }, row: null }]);
  });
});

describe('reduceToRowCounts (tables without a primary key: a multiset of rows)', () => {
  const KEYLESS = schema(['a', 'b'], []);
  const counts = (events: ChangeEvent[]) => [...reduceToRowCounts(KEYLESS, events).values()];

  it('counts duplicates instead of merging them', () => {
    expect(counts([c(KEYLESS, { a: 1, b: 'x' }), c(KEYLESS, { a: 1, b: 'x' })])).toEqual([{ row: { a: 1, b: 'x' }, count: 2 }]);
  });

  it('deletes one copy per delete event, not every identical row', () => {
    expect(counts([d(KEYLESS, { a: 1, b: 'x' })])).toEqual([{ row: { a: 1, b: 'x' }, count: -1 }]);
  });

  it('nets an update into one delete and one append', () => {
    const out = counts([c(KEYLESS, { a: 1, b: 'x' }), c(KEYLESS, { a: 1, b: 'y' }), u(KEYLESS, { a: 1, b: 'x' }, { a: 1, b: 'z' })]);
    expect(out).toEqual([
      { row: { a: 1, b: 'y' }, count: 1 },
      { row: { a: 1, b: 'z' }, count: 1 },
    ]);
  });

  it('drops rows whose inserts and deletes cancel out', () => {
    expect(counts([c(KEYLESS, { a: 1, b: 'x' }), d(KEYLESS, { a: 1, b: 'x' })])).toEqual([]);
  });

  it('tells NULL from the text null', () => {
    expect(counts([c(KEYLESS, { a: null, b: 'x' }), c(KEYLESS, { a: 'null', b: 'x' })])).toHaveLength(2);
  });
});
