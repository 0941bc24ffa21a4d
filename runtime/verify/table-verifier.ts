// Compares a table between the source and the store by primary-key chunks, as pt-table-checksum
// and sync-diff-inspector do: keyset pagination over the source's key order, the same key range
// read from the store through the gateway, rows compared by content hash. A differing chunk is
// re-read a few times first, so replication lag alone is not reported as a difference.
import { createHash } from 'node:crypto';
import type mysql from 'mysql2/promise';
import { keyAfter, keyOrder } from '../../connectors/mysql-source/index.ts';
import { type TableSchema } from '../../core/index.ts';

export interface VerifyOptions {
  chunkSize: number;
  /** Re-reads of a differing chunk before it counts (lag settles in the meantime). */
  retries: number;
  retryDelayMs: number;
}

export const defaultVerifyOptions: VerifyOptions = { chunkSize: 10_000, retries: 5, retryDelayMs: 200 };

export interface ChunkDifference {
  /** The chunk's key range: after `after` (exclusive) up to `upTo` (inclusive); null = open end. */
  after: unknown[] | null;
  upTo: unknown[] | null;
  sourceRows: number;
  storeRows: number;
  missingInStore: string[];
  extraInStore: string[];
  changed: string[];
}

export interface TableReport {
  table: string;
  chunks: number;
  sourceRows: number;
  storeRows: number;
  differences: ChunkDifference[];
}

type Row = Record<string, unknown>;
const ident = (name: string) => '`' + name.replace(/`/g, '``') + '`';
/** Rows as comparable text: Buffers as hex, everything else as JSON. */
const rowText = (row: Row) => JSON.stringify(row, (_k, v) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? `0x${Buffer.from((v as { data: number[] }).data).toString('hex')}` : v));
const hash = (text: string) => createHash('sha1').update(text).digest('base64');
const MAX_KEYS_LISTED = 10;

type KeyedTable = Pick<TableSchema, 'columns' | 'primaryKey'>;

function keyUpTo(table: KeyedTable, values: unknown[]): [string, unknown[]] {
  const [after, params] = keyAfter(table, values);
  return [`NOT ${after}`, params];
}

async function readRange(conn: mysql.Connection, db: string, table: string, keyed: KeyedTable, after: unknown[] | null, upTo: unknown[] | null, limit: number | null): Promise<Row[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (after) {
    const [sql, p] = keyAfter(keyed, after);
    where.push(sql);
    params.push(...p);
  }
  if (upTo) {
    const [sql, p] = keyUpTo(keyed, upTo);
    where.push(sql);
    params.push(...p);
  }
  const sql = `SELECT * FROM ${ident(db)}.${ident(table)}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${keyOrder(keyed)}${limit ? ` LIMIT ${limit}` : ''}`;
  const [rows] = await conn.query(sql, params);
  return rows as Row[];
}

function compareRows(pk: string[], source: Row[], store: Row[]): Omit<ChunkDifference, 'after' | 'upTo'> | null {
  const keyOf = (r: Row) => JSON.stringify(pk.map((c) => r[c]));
  const left = new Map(source.map((r) => [keyOf(r), hash(rowText(r))]));
  const right = new Map(store.map((r) => [keyOf(r), hash(rowText(r))]));
  const missingInStore = [...left.keys()].filter((k) => !right.has(k));
  const extraInStore = [...right.keys()].filter((k) => !left.has(k));
  const changed = [...left.keys()].filter((k) => right.has(k) && right.get(k) !== left.get(k));
  // A key present twice in the store collapses in the map; the row counts catch it.
  if (missingInStore.length + extraInStore.length + changed.length === 0 && source.length === store.length) return null;
  return { sourceRows: source.length, storeRows: store.length, missingInStore: missingInStore.slice(0, MAX_KEYS_LISTED), extraInStore: extraInStore.slice(0, MAX_KEYS_LISTED), changed: changed.slice(0, MAX_KEYS_LISTED) };
}

/** Tables without a primary key compare as whole multisets of rows. */
async function verifyWithoutKey(source: mysql.Connection, store: mysql.Connection, db: string, table: string): Promise<TableReport> {
  const read = async (c: mysql.Connection) => ((await c.query(`SELECT * FROM ${ident(db)}.${ident(table)}`))[0] as Row[]).map(rowText).sort();
  const [a, b] = [await read(source), await read(store)];
  const same = a.length === b.length && a.every((r, i) => r === b[i]);
  const differences: ChunkDifference[] = same ? [] : [{ after: null, upTo: null, sourceRows: a.length, storeRows: b.length, missingInStore: [], extraInStore: [], changed: [] }];
  return { table: `${db}.${table}`, chunks: 1, sourceRows: a.length, storeRows: b.length, differences };
}

/** `keyed`: the table's primary key and its columns (for exact key binding). */
export async function verifyTable(source: mysql.Connection, store: mysql.Connection, db: string, table: string, keyed: KeyedTable, options: VerifyOptions = defaultVerifyOptions): Promise<TableReport> {
  const pk = keyed.primaryKey;
  if (pk.length === 0) return verifyWithoutKey(source, store, db, table);
  const report: TableReport = { table: `${db}.${table}`, chunks: 0, sourceRows: 0, storeRows: 0, differences: [] };
  let after: unknown[] | null = null;
  for (;;) {
    let sourceRows = await readRange(source, db, table, keyed, after, null, options.chunkSize);
    let upTo: unknown[] | null = sourceRows.length === options.chunkSize ? pk.map((c) => sourceRows[sourceRows.length - 1]![c]) : null;
    let storeRows = await readRange(store, db, table, keyed, after, upTo, null);
    let diff = compareRows(pk, sourceRows, storeRows);
    for (let attempt = 0; diff && attempt < options.retries; attempt++) {
      await new Promise((r) => setTimeout(r, options.retryDelayMs));
      sourceRows = await readRange(source, db, table, keyed, after, upTo, null);
      storeRows = await readRange(store, db, table, keyed, after, upTo, null);
      diff = compareRows(pk, sourceRows, storeRows);
    }
    report.chunks++;
    report.sourceRows += sourceRows.length;
    report.storeRows += storeRows.length;
    if (diff) report.differences.push({ after, upTo, ...diff });
    if (!upTo) return report;
    after = upTo;
  }
}
