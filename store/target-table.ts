// Target tables: created from the source schema in the layout its partition spec asks for,
// widened with new columns as the source grows, and remembered in `_instaquery.source_tables`
// with their source types and partition spec (the gateway and tiering read them).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../core/index.ts';
import { parseSpec, type PartitionSpec } from '../partitioning/index.ts';
import { mapColumnType } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';
import { quoteIdent } from './sql-names.ts';
import { createLayout, describeLayout, loadLayout, physicalTables, refreshView, type TableLayout } from './table-layout.ts';

/** A table the store holds: its source schema and its layout. */
export interface KnownTable {
  schema: TableSchema;
  layout: TableLayout;
}

export async function createCatalogTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.source_tables (
    db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, columns JSON NOT NULL, primary_key JSON NOT NULL,
    PRIMARY KEY (db, tbl))`);
  // Stores written before partition specs existed get the column; their tables are HASH-only.
  await conn.run(`ALTER TABLE ${META_SCHEMA}.source_tables ADD COLUMN IF NOT EXISTS partitioning VARCHAR`);
  // And before table options (ENGINE, collation, COMMENT) were kept: NULL, shown as InnoDB utf8mb4.
  await conn.run(`ALTER TABLE ${META_SCHEMA}.source_tables ADD COLUMN IF NOT EXISTS options JSON`);
}

export async function loadKnownTables(conn: DuckDBConnection, defaultSpecOf: (schema: TableSchema) => PartitionSpec): Promise<Map<string, KnownTable>> {
  const reader = await conn.runAndReadAll(`SELECT db, tbl, columns::VARCHAR, primary_key::VARCHAR, partitioning, options::VARCHAR FROM ${META_SCHEMA}.source_tables`);
  const known = new Map<string, KnownTable>();
  for (const [db, table, columns, pk, partitioning, options] of reader.getRowsJS()) {
    const schema: TableSchema = { db: String(db), table: String(table), columns: JSON.parse(String(columns)), primaryKey: JSON.parse(String(pk)), ...(typeof options === 'string' ? { options: JSON.parse(options) } : {}) };
    const spec = typeof partitioning === 'string' ? parseSpec(partitioning, `stored partition spec of ${db}.${table}`) : defaultSpecOf(schema);
    known.set(`${db}.${table}`, { schema, layout: await loadLayout(conn, schema, spec) });
  }
  return known;
}

export async function rememberTable(conn: DuckDBConnection, entry: KnownTable): Promise<void> {
  const { schema, layout } = entry;
  await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.source_tables (db, tbl, columns, primary_key, partitioning, options) VALUES ($1, $2, $3, $4, $5, $6)`, [
    schema.db,
    schema.table,
    JSON.stringify(schema.columns),
    JSON.stringify(schema.primaryKey),
    describeLayout(layout),
    schema.options ? JSON.stringify(schema.options) : null,
  ]);
}

export const columnsSql = (schema: TableSchema): string =>
  schema.columns.map((c) => `${quoteIdent(c.name)} ${mapColumnType(c.columnType).duckType}`).join(', ');

/**
 * Creates the table empty, replacing whatever was there. No PRIMARY KEY constraint on purpose:
 * the sink deletes staged keys and inserts, which DuckDB runs far faster than ART-index upserts
 * on large tables (bench/sink-upsert-strategies.ts, DESIGN.md "Known numbers").
 */
export async function recreateTable(conn: DuckDBConnection, schema: TableSchema, spec: PartitionSpec): Promise<KnownTable> {
  const layout = await createLayout(conn, schema, spec, columnsSql(schema));
  const entry = { schema, layout };
  await rememberTable(conn, entry);
  return entry;
}

/** Adds columns the source gained since the table was created; never drops or narrows. */
export async function evolveTable(conn: DuckDBConnection, known: KnownTable, incoming: TableSchema): Promise<KnownTable> {
  const have = new Set(known.schema.columns.map((c) => c.name));
  const added = incoming.columns.filter((c) => !have.has(c.name));
  if (added.length === 0) return known;
  for (const table of physicalTables(known.layout)) {
    for (const c of added) await conn.run(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(c.name)} ${mapColumnType(c.columnType).duckType}`);
  }
  await refreshView(conn, known.layout);
  const merged: KnownTable = { schema: { ...known.schema, columns: [...known.schema.columns, ...added] }, layout: known.layout };
  await rememberTable(conn, merged);
  return merged;
}

export async function forgetTable(conn: DuckDBConnection, db: string, table: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.source_tables WHERE db = $1 AND tbl = $2`, [db, table]);
}
