// How one source table sits in the store, by its partition spec.
//
// HASH only: one DuckDB table named like the source table. Buckets are logical there: they decide
// which sink task writes a row, and (tiering) which Parquet file holds it.
//
// HASH × RANGE: one DuckDB table per range partition in the hidden schema `_instaquery_parts`
// ("rb.bill$p:2024-03-01"), an always-empty template that holds the column shape, and a view
// named like the source table over all of them. DuckDB prunes a partition from a query plan when
// its column statistics cannot match the filter (EXPLAIN shows EMPTY_RESULT in its place), so a
// query on one month reads one partition; tiering moves a whole partition by dropping its table.
//
// Tiering (hot and cold): a partition archived to Parquet is read from its files, minus every key
// the hot store has a newer version of (a row of the partition's hot table, which a late write
// recreates) or a tombstone for (a delete or move written after the files). While a partition is
// being archived its hot table is frozen (renamed, never written again) and read the same way.
import type { DuckDBConnection } from '@duckdb/node-api';
import { formatSpec, partitionUpperBound, type PartitionSpec } from '../partitioning/index.ts';
import type { TableName } from '../core/index.ts';
import { qualified, quoteIdent, quoteLiteral } from './sql-names.ts';
import { forgetCold, loadCold, renameCold, type ColdPartition } from './cold-catalog.ts';

export const PARTS_SCHEMA = '_instaquery_parts';

export interface TableLayout {
  db: string;
  table: string;
  spec: PartitionSpec;
  /** Range partitions that have a table (none for a HASH-only spec). */
  partitions: Set<string>;
  primaryKey: string[];
  /** Range partitions archived to Parquet. */
  cold: Map<string, ColdPartition>;
  /** Range partitions being archived: their frozen hot table, by the epoch it was frozen at. */
  frozen: Map<string, number>;
  /** The epoch tombstones written now carry. */
  epoch: number;
  /** Archived (or frozen) partitions that have tombstones: only their branches need the anti join. */
  tombstoned: Set<string>;
}

/** Internal columns of the tombstone table: the range partition and the epoch of the delete. */
export const TOMB_PART = '__iq_part';
export const TOMB_EPOCH = '__iq_epoch';

const prefix = (t: TableName) => `${t.db}.${t.table}$`;
const templateOf = (t: TableName) => `${PARTS_SCHEMA}.${quoteIdent(`${prefix(t)}template`)}`;
export const partitionTable = (t: TableName, partition: string) => `${PARTS_SCHEMA}.${quoteIdent(`${prefix(t)}p:${partition}`)}`;
export const frozenName = (t: TableName, partition: string, epoch: number) => `${prefix(t)}frozen:${epoch}:${partition}`;
export const frozenTable = (t: TableName, partition: string, epoch: number) => `${PARTS_SCHEMA}.${quoteIdent(frozenName(t, partition, epoch))}`;
export const tombstoneTable = (t: TableName) => `${PARTS_SCHEMA}.${quoteIdent(`${prefix(t)}tombstones`)}`;
/**
 * A table with cold files also has one view per hash bucket: every hot row, but of the cold files
 * only that bucket's. The gateway reads a point lookup on the whole hash key from it, so the lookup
 * opens one bucket's files instead of all of them.
 */
export const bucketViewName = (t: TableName, bucket: number) => `${prefix(t)}bucket:${bucket}`;
export const bucketView = (t: TableName, bucket: number) => `${PARTS_SCHEMA}.${quoteIdent(bucketViewName(t, bucket))}`;
export const templateTable = templateOf;

/** Whether deletes must leave tombstones: the table has partitions archived or being archived. */
export const hasColdRows = (layout: TableLayout) => layout.cold.size > 0 || layout.frozen.size > 0;
/** The partitions archived or being archived: where a delete must leave a tombstone. */
export const archivedPartitions = (layout: TableLayout): Set<string> => new Set([...layout.cold.keys(), ...layout.frozen.keys()]);

export function isRangePartitioned(layout: TableLayout): boolean {
  return layout.spec.range !== undefined;
}

/** Every DuckDB table holding the table's rows or shape: what an ALTER must change. */
export function physicalTables(layout: TableLayout): string[] {
  if (!isRangePartitioned(layout)) return [qualified(layout.db, layout.table)];
  return [templateOf(layout), ...[...layout.partitions].sort().map((p) => partitionTable(layout, p)), ...[...layout.frozen].map(([p, e]) => frozenTable(layout, p, e))];
}

/** The tables holding rows, for writes: the table itself or each range partition's. */
export function rowTables(layout: TableLayout): string[] {
  if (!isRangePartitioned(layout)) return [qualified(layout.db, layout.table)];
  return [...layout.partitions].sort().map((p) => partitionTable(layout, p));
}

export function describeLayout(layout: TableLayout): string {
  return formatSpec(layout.spec);
}

/** Drops the view or table named `db.table`, whichever it is, and its partitions. */
export async function dropLayout(conn: DuckDBConnection, t: TableName): Promise<void> {
  const kind = await relationKind(conn, t.db, t.table);
  if (kind === 'view') await conn.run(`DROP VIEW ${qualified(t.db, t.table)}`);
  if (kind === 'table') await conn.run(`DROP TABLE ${qualified(t.db, t.table)}`);
  await dropBucketViews(conn, t);
  for (const name of await partsOf(conn, t)) await conn.run(`DROP TABLE ${PARTS_SCHEMA}.${quoteIdent(name)}`);
  await forgetCold(conn, t);
}

/** Creates the empty table (or template and view) for `columnsSql`, replacing what was there. */
export async function createLayout(conn: DuckDBConnection, t: TableName & { primaryKey: string[] }, spec: PartitionSpec, columnsSql: string): Promise<TableLayout> {
  await dropLayout(conn, t);
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.db)}`);
  const layout: TableLayout = { db: t.db, table: t.table, spec, partitions: new Set(), primaryKey: t.primaryKey, cold: new Map(), frozen: new Map(), epoch: 0, tombstoned: new Set() };
  if (!spec.range) {
    await conn.run(`CREATE TABLE ${qualified(t.db, t.table)} (${columnsSql})`);
    return layout;
  }
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${PARTS_SCHEMA}`);
  await conn.run(`CREATE TABLE ${templateOf(t)} (${columnsSql})`);
  await refreshView(conn, layout);
  return layout;
}

/** Creates tables for range partitions not there yet, and the view over them. */
export async function ensurePartitions(conn: DuckDBConnection, layout: TableLayout, wanted: Iterable<string>): Promise<void> {
  const missing = [...new Set(wanted)].filter((p) => !layout.partitions.has(p));
  if (missing.length === 0) return;
  for (const p of missing) {
    await conn.run(`CREATE TABLE IF NOT EXISTS ${partitionTable(layout, p)} AS SELECT * FROM ${templateOf(layout)} LIMIT 0`);
    layout.partitions.add(p);
  }
  await refreshView(conn, layout);
}

/**
 * (Re)creates the view over every partition. DuckDB fixes a view's columns when
 * it is created, so it is recreated after every change of columns too.
 */
export async function refreshView(conn: DuckDBConnection, layout: TableLayout): Promise<void> {
  if (!isRangePartitioned(layout)) return;
  const hot = rowTables(layout).map((name) => `SELECT * FROM ${name}`);
  const columns = hasColdRows(layout) ? await templateColumns(conn, layout) : [];
  const cold = hasColdRows(layout) ? coldBranches(layout, columns) : [];
  // The template stands in only while there is nothing else, so plans never show it.
  const union = (branches: string[]) => (branches.length ? branches : [`SELECT * FROM ${templateOf(layout)}`]).join(' UNION ALL ');
  await conn.run(`CREATE OR REPLACE VIEW ${qualified(layout.db, layout.table)} AS ${union([...hot, ...cold])}`);
  // Replaced in place, never dropped and made again: a point lookup running now must find its view.
  if (layout.cold.size === 0) return dropBucketViews(conn, layout);
  for (let b = 0; b < layout.spec.hash.buckets; b++) {
    await conn.run(`CREATE OR REPLACE VIEW ${bucketView(layout, b)} AS ${union([...hot, ...coldBranches(layout, columns, b)])}`);
  }
}

async function dropBucketViews(conn: DuckDBConnection, t: TableName): Promise<void> {
  const reader = await conn.runAndReadAll(`SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND schema_name = $1 AND starts_with(view_name, $2)`, [PARTS_SCHEMA, `${prefix(t)}bucket:`]);
  for (const [name] of reader.getRowsJS()) await conn.run(`DROP VIEW ${PARTS_SCHEMA}.${quoteIdent(String(name))}`);
}

/**
 * Frozen tables and Parquet files, each minus the keys newer hot rows or tombstones replace. Anti
 * joins appear only where there is something to replace (a hot table for the month, tombstones
 * for it): in the steady state a cold month is a plain Parquet scan. Each file branch carries its
 * month's range as a filter on the view's column, so DuckDB drops the branches a query's range
 * filter contradicts (EMPTY_RESULT) without opening their files.
 */
function coldBranches(layout: TableLayout, columns: { name: string; type: string }[], bucket?: number): string[] {
  const keyMatch = (alias: string) => layout.primaryKey.map((k) => `${alias}.${quoteIdent(k)} = c.${quoteIdent(k)}`).join(' AND ');
  const without = (table: string, alias: string, extra = '') => `NOT EXISTS (SELECT 1 FROM ${table} AS ${alias} WHERE ${keyMatch(alias)}${extra})`;
  const newer = (p: string, since: number | null) => [
    ...(layout.partitions.has(p) ? [without(partitionTable(layout, p), 'h')] : []),
    ...(layout.tombstoned.has(p) ? [without(tombstoneTable(layout), 't', ` AND t.${TOMB_PART} = ${quoteLiteral(p)}${since === null ? '' : ` AND t.${TOMB_EPOCH} > ${since}`}`)] : []),
  ];
  const where = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
  const branches: string[] = [];
  for (const [p, epoch] of [...layout.frozen].sort()) {
    branches.push(`SELECT * FROM ${frozenTable(layout, p, epoch)} AS c${where(newer(p, epoch))}`);
  }
  for (const [p, cold] of [...layout.cold].sort()) {
    const chosen = bucket === undefined ? cold.files : cold.files.filter((f) => f.bucket === bucket);
    if (chosen.length === 0) continue;
    const projection = projectionOf(columns, cold);
    const frozen = layout.frozen.get(p);
    const conditions = [...newer(p, null), ...(frozen === undefined ? [] : [without(frozenTable(layout, p, frozen), 'f')])];
    const files = `[${chosen.map((f) => quoteLiteral(f.path)).join(', ')}]`;
    const scan = `SELECT ${projection.join(', ')} FROM read_parquet(${files}, hive_partitioning = false) AS c${where(conditions)}`;
    const range = rangeFilter(layout, p, columns);
    branches.push(range ? `SELECT * FROM (${scan}) WHERE ${range}` : scan);
  }
  return branches;
}

/** The range partition's bounds as a filter on the view's range column, or null where it has none to offer. */
function rangeFilter(layout: TableLayout, p: string, columns: { name: string; type: string }[]): string | null {
  const range = layout.spec.range;
  const column = range && columns.find((c) => c.name === range.column);
  if (!range || !column) return null;
  const col = quoteIdent(column.name);
  if (p === 'null') return `${col} IS NULL`;
  const value = (v: string) => `CAST(${quoteLiteral(v)} AS ${column.type})`;
  const lower = p === '-inf' ? null : p;
  const upper = 'interval' in range ? partitionUpperBound(layout.spec, p) : (range.bounds[p === '-inf' ? 0 : range.bounds.indexOf(p) + 1] ?? null);
  const parts = [...(lower === null ? [] : [`${col} >= ${value(lower)}`]), ...(upper === null ? [] : [`${col} < ${value(upper)}`])];
  return parts.length ? parts.join(' AND ') : null;
}

/** The table's columns read from cold files (alias c): cast to today's types, NULL where the files predate a column. */
export async function coldProjection(conn: DuckDBConnection, layout: TableLayout, cold: ColdPartition): Promise<string[]> {
  return projectionOf(await templateColumns(conn, layout), cold);
}

function projectionOf(columns: { name: string; type: string }[], cold: ColdPartition): string[] {
  const have = new Set(cold.columns);
  return columns.map(({ name, type }) => (have.has(name) ? `CAST(c.${quoteIdent(name)} AS ${type})` : `CAST(NULL AS ${type})`) + ` AS ${quoteIdent(name)}`);
}

async function templateColumns(conn: DuckDBConnection, layout: TableLayout): Promise<{ name: string; type: string }[]> {
  const reader = await conn.runAndReadAll(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2 ORDER BY column_index`,
    [PARTS_SCHEMA, `${prefix(layout)}template`],
  );
  return reader.getRowsJS().map(([name, type]) => ({ name: String(name), type: String(type) }));
}

/** TRUNCATE of a table with archived partitions: the cold set is let go (its files become orphans). */
export async function forgetColdRows(conn: DuckDBConnection, layout: TableLayout): Promise<void> {
  for (const [p, e] of layout.frozen) await conn.run(`DROP TABLE ${frozenTable(layout, p, e)}`);
  await conn.run(`DROP TABLE IF EXISTS ${tombstoneTable(layout)}`);
  await forgetCold(conn, layout);
  layout.frozen.clear();
  layout.cold.clear();
  layout.tombstoned.clear();
  await refreshView(conn, layout);
}

/**
 * Before a batch deletes keys in archived partitions `parts`: their branches get the tombstone
 * anti join (on the write connection, before the batch; a reader in between sees the same rows).
 */
export async function expectTombstones(conn: DuckDBConnection, layout: TableLayout, parts: Iterable<string>): Promise<void> {
  const archived = archivedPartitions(layout);
  const fresh = [...parts].filter((p) => archived.has(p) && !layout.tombstoned.has(p));
  if (fresh.length === 0) return;
  for (const p of fresh) layout.tombstoned.add(p);
  await refreshView(conn, layout);
}

/** The table that keeps deletes of archived keys; made when the first partition is frozen. */
export async function ensureTombstones(conn: DuckDBConnection, layout: TableLayout): Promise<void> {
  const keys = layout.primaryKey.map((k) => `c.${quoteIdent(k)}`).join(', ');
  await conn.run(`CREATE TABLE IF NOT EXISTS ${tombstoneTable(layout)} AS SELECT CAST(NULL AS VARCHAR) AS ${TOMB_PART}, CAST(NULL AS BIGINT) AS ${TOMB_EPOCH}, ${keys} FROM ${templateOf(layout)} AS c LIMIT 0`);
}

/** Renames a table with its partitions; `to` may be in another database. */
export async function renameLayout(conn: DuckDBConnection, layout: TableLayout, to: TableName): Promise<TableLayout> {
  const moved: TableLayout = { ...layout, db: to.db, table: to.table, partitions: new Set(layout.partitions), cold: new Map(layout.cold), frozen: new Map(layout.frozen), tombstoned: new Set(layout.tombstoned) };
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(to.db)}`);
  if (!isRangePartitioned(layout)) {
    if (layout.db === to.db) {
      await conn.run(`ALTER TABLE ${qualified(layout.db, layout.table)} RENAME TO ${quoteIdent(to.table)}`);
    } else {
      await conn.run(`CREATE TABLE ${qualified(to.db, to.table)} AS SELECT * FROM ${qualified(layout.db, layout.table)}`);
      await conn.run(`DROP TABLE ${qualified(layout.db, layout.table)}`);
    }
    return moved;
  }
  await conn.run(`DROP VIEW ${qualified(layout.db, layout.table)}`);
  await dropBucketViews(conn, layout);
  await conn.run(`ALTER TABLE ${templateOf(layout)} RENAME TO ${quoteIdent(`${prefix(to)}template`)}`);
  for (const p of layout.partitions) await conn.run(`ALTER TABLE ${partitionTable(layout, p)} RENAME TO ${quoteIdent(`${prefix(to)}p:${p}`)}`);
  for (const [p, e] of layout.frozen) await conn.run(`ALTER TABLE ${frozenTable(layout, p, e)} RENAME TO ${quoteIdent(frozenName(to, p, e))}`);
  if (hasColdRows(layout)) await conn.run(`ALTER TABLE ${tombstoneTable(layout)} RENAME TO ${quoteIdent(`${prefix(to)}tombstones`)}`);
  await renameCold(conn, layout, to);
  await refreshView(conn, moved);
  return moved;
}

/** The range partitions that have a hot table, read from the catalog. */
export async function loadPartitions(conn: DuckDBConnection, t: TableName): Promise<Set<string>> {
  const p = `${prefix(t)}p:`;
  return new Set((await partsOf(conn, t)).filter((n) => n.startsWith(p)).map((n) => n.slice(p.length)));
}

/** The table's partitions as the catalog has them: hot tables, frozen tables and the cold set. */
export async function loadLayout(conn: DuckDBConnection, t: TableName & { primaryKey: string[] }, spec: PartitionSpec): Promise<TableLayout> {
  const layout: TableLayout = { db: t.db, table: t.table, spec, partitions: new Set(), primaryKey: t.primaryKey, cold: new Map(), frozen: new Map(), epoch: 0, tombstoned: new Set() };
  if (!spec.range) return layout;
  const hot = `${prefix(t)}p:`;
  const frozen = `${prefix(t)}frozen:`;
  for (const name of await partsOf(conn, t)) {
    if (name.startsWith(hot)) layout.partitions.add(name.slice(hot.length));
    const m = name.startsWith(frozen) ? /^(\d+):(.*)$/s.exec(name.slice(frozen.length)) : null;
    if (m) layout.frozen.set(m[2]!, Number(m[1]));
  }
  Object.assign(layout, await loadCold(conn, t));
  if (hasColdRows(layout)) {
    const reader = await conn.runAndReadAll(`SELECT DISTINCT ${TOMB_PART} FROM ${tombstoneTable(layout)}`);
    for (const [p] of reader.getRowsJS()) layout.tombstoned.add(String(p));
  }
  return layout;
}

async function partsOf(conn: DuckDBConnection, t: TableName): Promise<string[]> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND starts_with(table_name, $2)`,
    [PARTS_SCHEMA, prefix(t)],
  );
  const own = (n: string) => n === `${prefix(t)}template` || n === `${prefix(t)}tombstones` || n.startsWith(`${prefix(t)}p:`) || n.startsWith(`${prefix(t)}frozen:`);
  return reader.getRowsJS().map((r) => String(r[0])).filter(own);
}

async function relationKind(conn: DuckDBConnection, db: string, name: string): Promise<'table' | 'view' | null> {
  const reader = await conn.runAndReadAll(
    `SELECT 'table' FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND table_name = $2
     UNION ALL SELECT 'view' FROM duckdb_views() WHERE database_name = current_database() AND schema_name = $1 AND view_name = $2`,
    [db, name],
  );
  const kind = reader.getRowsJS()[0]?.[0];
  return kind === 'table' || kind === 'view' ? kind : null;
}
