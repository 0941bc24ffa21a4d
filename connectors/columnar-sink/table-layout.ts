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
import type { DuckDBConnection } from '@duckdb/node-api';
import { formatSpec, type PartitionSpec } from '../../partitioning/index.ts';
import type { TableName } from '../mysql-source/index.ts';
import { qualified, quoteIdent } from './sql-names.ts';

export const PARTS_SCHEMA = '_instaquery_parts';

export interface TableLayout {
  db: string;
  table: string;
  spec: PartitionSpec;
  /** Range partitions that have a table (none for a HASH-only spec). */
  partitions: Set<string>;
}

const prefix = (t: TableName) => `${t.db}.${t.table}$`;
const templateOf = (t: TableName) => `${PARTS_SCHEMA}.${quoteIdent(`${prefix(t)}template`)}`;
export const partitionTable = (t: TableName, partition: string) => `${PARTS_SCHEMA}.${quoteIdent(`${prefix(t)}p:${partition}`)}`;

export function isRangePartitioned(layout: TableLayout): boolean {
  return layout.spec.range !== undefined;
}

/** Every DuckDB table holding the table's rows or shape: what an ALTER must change. */
export function physicalTables(layout: TableLayout): string[] {
  if (!isRangePartitioned(layout)) return [qualified(layout.db, layout.table)];
  return [templateOf(layout), ...[...layout.partitions].sort().map((p) => partitionTable(layout, p))];
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
  for (const name of await partsOf(conn, t)) await conn.run(`DROP TABLE ${PARTS_SCHEMA}.${quoteIdent(name)}`);
}

/** Creates the empty table (or template and view) for `columnsSql`, replacing what was there. */
export async function createLayout(conn: DuckDBConnection, t: TableName, spec: PartitionSpec, columnsSql: string): Promise<TableLayout> {
  await dropLayout(conn, t);
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.db)}`);
  const layout: TableLayout = { db: t.db, table: t.table, spec, partitions: new Set() };
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
  // The template stands in only while there is no partition, so plans never show it.
  const tables = layout.partitions.size > 0 ? rowTables(layout) : [templateOf(layout)];
  const branches = tables.map((name) => `SELECT * FROM ${name}`);
  await conn.run(`CREATE OR REPLACE VIEW ${qualified(layout.db, layout.table)} AS ${branches.join(' UNION ALL ')}`);
}

/** Renames a table with its partitions; `to` may be in another database. */
export async function renameLayout(conn: DuckDBConnection, layout: TableLayout, to: TableName): Promise<TableLayout> {
  const moved: TableLayout = { ...layout, db: to.db, table: to.table, partitions: new Set(layout.partitions) };
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
  await conn.run(`ALTER TABLE ${templateOf(layout)} RENAME TO ${quoteIdent(`${prefix(to)}template`)}`);
  for (const p of layout.partitions) await conn.run(`ALTER TABLE ${partitionTable(layout, p)} RENAME TO ${quoteIdent(`${prefix(to)}p:${p}`)}`);
  await refreshView(conn, moved);
  return moved;
}

/** The range partitions that have a table, read from the catalog. */
export async function loadPartitions(conn: DuckDBConnection, t: TableName): Promise<Set<string>> {
  const names = await partsOf(conn, t);
  const p = `${prefix(t)}p:`;
  return new Set(names.filter((n) => n.startsWith(p)).map((n) => n.slice(p.length)));
}

async function partsOf(conn: DuckDBConnection, t: TableName): Promise<string[]> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $1 AND starts_with(table_name, $2)`,
    [PARTS_SCHEMA, prefix(t)],
  );
  const own = (n: string) => n === `${prefix(t)}template` || n.startsWith(`${prefix(t)}p:`);
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
