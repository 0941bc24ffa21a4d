// Initial snapshot: a REPEATABLE READ transaction opened WITH CONSISTENT SNAPSHOT at a known
// binlog position; every included table is read inside it in primary-key chunks, and streaming
// starts exactly at that position, so no change is missed or applied twice.
//
// Chunks are written to the store with the table's progress in one transaction. After a crash the
// snapshot resumes after the last chunk written, reading the rest from a new consistent snapshot,
// and streaming still starts at the first snapshot's position: replaying the changes since then
// over rows read later ends in the same state, because the sink applies changes idempotently by
// key. (Tables without a primary key restart from their first row.)
import type { Logger } from '../../core/index.ts';
import type { ChangeConsumer, Row, SourceOffset, TableSchema, TableSnapshotProgress } from '../../core/index.ts';
import type { MySqlSourceConfig } from './config.ts';
import type { Flavor } from './flavor.ts';
import { connectSource } from './preflight.ts';
import { readTableSchemas, readViews } from './catalog.ts';
import type { TableFilter } from './table-filter.ts';
import { rowShaper } from './row-projection.ts';
import { keyAfter, keyOrder } from './keyset.ts';
import { listBinlogs } from './binlog-files.ts';
import type mysql from 'mysql2/promise';

export interface SnapshotProgress {
  table: string;
  rowsDone: number;
  /** information_schema's estimate of the table's rows. */
  rowsEstimated: number;
}

const quoteId = (id: string) => '`' + id.replace(/`/g, '``') + '`';
/**
 * The schemas as a resume compares them: the AUTO_INCREMENT counter moves with every insert at the
 * source, so it is no change of schema (a resumed table keeps the counter its snapshot began at, a floor).
 */
const comparable = (list: TableSchema[]) =>
  JSON.stringify([...list].sort((x, y) => `${x.db}.${x.table}`.localeCompare(`${y.db}.${y.table}`)).map((t) => (t.options ? { ...t, options: { ...t.options, autoIncrement: undefined } } : t)));
const sameSchemas = (a: TableSchema[], b: TableSchema[]) => comparable(a) === comparable(b);

async function estimates(conn: mysql.Connection, tables: TableSchema[]): Promise<Map<string, number>> {
  const [rows] = await conn.query('SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tbl, TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?)', [
    [...new Set(tables.map((t) => t.db)), ''],
  ]);
  return new Map((rows as { db: string; tbl: string; n: number }[]).map((r) => [`${r.db}.${r.tbl}`, Number(r.n ?? 0)]));
}

/** Snapshots one table from where a previous attempt left it, reporting rows done. */
async function snapshotTable(conn: mysql.Connection, table: TableSchema, filter: TableFilter, consumer: ChangeConsumer, chunkSize: number, from: TableSnapshotProgress | undefined, report: (rowsDone: number) => void, rowsEstimated?: number): Promise<number> {
  const shape = rowShaper(table, filter);
  const keyed = table.primaryKey.length > 0;
  let rowsDone = keyed ? (from?.rowsDone ?? 0) : 0;
  await readInChunks(conn, table, chunkSize, keyed ? (from?.lastKey ?? null) : null, async (rows, lastKey) => {
    rowsDone += rows.length;
    const progress: TableSnapshotProgress = { lastKey: keyed ? lastKey : null, rowsDone, done: rows.length < chunkSize, ...(rowsEstimated !== undefined ? { rowsEstimated } : {}) };
    const doneSoFar = rowsDone;
    await consumer.writeSnapshotRows(table, rows.map(shape), progress);
    report(doneSoFar);
  });
  return rowsDone;
}

/**
 * Reads a table in key order from after `startAfter`, one chunk at a time (by position for a
 * table without a key, inside the caller's snapshot transaction), handing each chunk and its last
 * key to `write`. The next chunk is read while the previous one is being written.
 */
export async function readInChunks(conn: mysql.Connection, table: TableSchema, chunkSize: number, startAfter: unknown[] | null, write: (rows: Row[], lastKey: unknown[] | null) => Promise<void>): Promise<number> {
  // A FLOAT is sent as text rounded to 6 digits (1234567.875 as 1234570); as a DOUBLE it comes
  // whole, the value the binlog carries.
  const columns = table.columns.map((c) => (/^float\b/i.test(c.columnType) ? `CAST(${quoteId(c.name)} AS DOUBLE) AS ${quoteId(c.name)}` : quoteId(c.name))).join(', ');
  const name = `${quoteId(table.db)}.${quoteId(table.table)}`;
  let after = startAfter;
  let total = 0;
  let writing: Promise<void> = Promise.resolve();
  for (;;) {
    let sql = `SELECT ${columns} FROM ${name}`;
    let params: unknown[] = [];
    if (table.primaryKey.length > 0) {
      if (after) {
        const [where, p] = keyAfter(table, after);
        sql += ` WHERE ${where}`;
        params = p;
      }
      sql += ` ORDER BY ${keyOrder(table)} LIMIT ${chunkSize}`;
    } else {
      sql += ` LIMIT ${chunkSize} OFFSET ${total}`;
    }
    let result: unknown;
    try {
      [result] = await conn.query(sql, params);
    } catch (err) {
      await writing.catch(() => undefined); // the read's error is the one to report
      throw err;
    }
    const rows = result as Row[];
    const last = rows[rows.length - 1];
    if (last && table.primaryKey.length > 0) after = table.primaryKey.map((k) => last[k] ?? null);
    total += rows.length;
    await writing;
    writing = write(rows, after);
    if (rows.length < chunkSize) break;
  }
  await writing;
  return total;
}

/**
 * More connections reading the same snapshot, for tables in parallel (snapshot.max.threads).
 * MariaDB reports each consistent snapshot's binlog position: readers opened at the same
 * position see the same data. Under writes the positions may keep differing; then the snapshot
 * runs with fewer readers rather than inconsistent ones. (MySQL would need a global read lock
 * held across all of them; it reads with one connection.)
 */
async function sameSnapshotReaders(config: MySqlSourceConfig, flavor: Flavor, position: { file: string; pos: number }, extra: number, log: Logger): Promise<mysql.Connection[]> {
  if (extra <= 0 || flavor.name !== 'mariadb') return [];
  const readers: mysql.Connection[] = [];
  for (let attempt = 0; readers.length < extra && attempt < extra * 5; attempt++) {
    const conn = await connectSource(config);
    await conn.query("SET SESSION time_zone = '+00:00'");
    const at = await flavor.beginConsistentSnapshot(conn);
    if (at.file === position.file && at.pos === position.pos) readers.push(conn);
    else await conn.end().catch(() => undefined);
  }
  if (readers.length < extra) log.info({ wanted: extra + 1, got: readers.length + 1 }, 'the source kept committing: fewer parallel snapshot readers than snapshot.max.threads');
  return readers;
}

export async function runSnapshot(
  config: MySqlSourceConfig,
  flavor: Flavor,
  filter: TableFilter,
  consumer: ChangeConsumer,
  log: Logger,
  onProgress: (p: SnapshotProgress) => void = () => undefined,
  /** false: snapshot.mode no_data/schema_only — tables and schemas, no rows. */
  withData = true,
): Promise<{ offset: SourceOffset; tables: TableSchema[] }> {
  const conn = await connectSource(config);
  try {
    await conn.query("SET SESSION time_zone = '+00:00'");
    const previous = await consumer.snapshotProgress();
    const position = await flavor.beginConsistentSnapshot(conn);
    const tables = await readTableSchemas(conn, filter);
    const views = await readViews(conn, filter);
    let at: SourceOffset = { ...position, snapshotCompleted: false };
    let resume = previous?.tables;
    // Resume only what can be resumed: same tables and schemas, and the first snapshot's binlog
    // position still on the server. Anything else starts over.
    if (previous && withData && sameSchemas((await consumer.schemaHistory()).tables, tables) && (await listBinlogs(config)).includes(previous.at.file)) {
      at = previous.at;
      log.info({ at, tables: [...previous.tables].map(([t, p]) => `${t}:${p.done ? 'done' : p.rowsDone}`) }, 'resuming snapshot');
    } else {
      resume = undefined;
      log.info({ tables: tables.map((t) => `${t.db}.${t.table}`), position }, 'snapshot started');
      await consumer.beginSnapshot(tables, at);
    }
    const estimated = await estimates(conn, tables);
    const readers = withData ? [conn, ...(await sameSnapshotReaders(config, flavor, position, Math.min(config['snapshot.max.threads'], tables.length) - 1, log))] : [conn];
    const queue = withData ? [...tables] : [];
    const work = async (reader: mysql.Connection) => {
      for (let table = queue.shift(); table; table = queue.shift()) await snapshotOne(reader, table);
    };
    const snapshotOne = async (reader: mysql.Connection, table: TableSchema) => {
      const key = `${table.db}.${table.table}`;
      const from = resume?.get(key);
      const rowsEstimated = estimated.get(key) ?? 0;
      if (from?.done) {
        onProgress({ table: key, rowsDone: from.rowsDone, rowsEstimated });
        return;
      }
      if (from && table.primaryKey.length === 0) {
        // A keyless table cannot resume mid-way: drop its partial rows and read it again.
        await consumer.applySchemaChange('-- snapshot restarts a table without a primary key', [{ kind: 'truncate', db: table.db, table: table.table }], at);
      }
      const started = Date.now();
      const rows = await snapshotTable(reader, table, filter, consumer, config['snapshot.fetch.size'], from, (rowsDone) => onProgress({ table: key, rowsDone, rowsEstimated }), rowsEstimated);
      log.info({ table: key, rows, ms: Date.now() - started }, 'snapshot table done');
    };
    try {
      await Promise.all(readers.map(work));
    } finally {
      for (const extra of readers.slice(1)) await extra.end().catch(() => undefined);
    }
    await conn.query('COMMIT');
    const offset: SourceOffset = { ...at, snapshotCompleted: true };
    await consumer.completeSnapshot(offset);
    // Views hold no rows: the store creates them over the tables, at the snapshot's position.
    if (views.length > 0) await consumer.applySchemaChange('-- views at snapshot', views, offset);
    return { offset, tables };
  } finally {
    await conn.end().catch(() => undefined);
  }
}
