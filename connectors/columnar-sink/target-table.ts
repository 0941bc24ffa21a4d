// Target tables: created from the source schema, widened with new columns as the source grows,
// and remembered in `_instaquery.source_tables` with their source types (the gateway and later
// issues read them).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSchema } from '../mysql-source/index.ts';
import { mapColumnType } from './type-mapping.ts';
import { META_SCHEMA } from './offset-store.ts';
import { qualified, quoteIdent } from './sql-names.ts';

export async function createCatalogTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.source_tables (
    db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, columns JSON NOT NULL, primary_key JSON NOT NULL,
    PRIMARY KEY (db, tbl))`);
}

export async function loadKnownTables(conn: DuckDBConnection): Promise<Map<string, TableSchema>> {
  const reader = await conn.runAndReadAll(`SELECT db, tbl, columns::VARCHAR, primary_key::VARCHAR FROM ${META_SCHEMA}.source_tables`);
  const known = new Map<string, TableSchema>();
  for (const [db, table, columns, pk] of reader.getRowsJS()) {
    known.set(`${db}.${table}`, { db: String(db), table: String(table), columns: JSON.parse(String(columns)), primaryKey: JSON.parse(String(pk)) });
  }
  return known;
}

export async function rememberTable(conn: DuckDBConnection, schema: TableSchema): Promise<void> {
  await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.source_tables VALUES ($1, $2, $3, $4)`, [
    schema.db,
    schema.table,
    JSON.stringify(schema.columns),
    JSON.stringify(schema.primaryKey),
  ]);
}

/**
 * No PRIMARY KEY constraint on purpose: the sink deletes staged keys and inserts, which DuckDB
 * runs far faster than ART-index upserts on large tables (DESIGN.md "Known numbers").
 */
export async function recreateTable(conn: DuckDBConnection, schema: TableSchema): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema.db)}`);
  const columns = schema.columns.map((c) => `${quoteIdent(c.name)} ${mapColumnType(c.columnType).duckType}`);
  await conn.run(`CREATE OR REPLACE TABLE ${qualified(schema.db, schema.table)} (${columns.join(', ')})`);
  await rememberTable(conn, schema);
}

/** Adds columns the source gained since the table was created; never drops or narrows. */
export async function evolveTable(conn: DuckDBConnection, known: TableSchema, incoming: TableSchema): Promise<TableSchema> {
  const have = new Set(known.columns.map((c) => c.name));
  const added = incoming.columns.filter((c) => !have.has(c.name));
  for (const c of added) {
    await conn.run(`ALTER TABLE ${qualified(incoming.db, incoming.table)} ADD COLUMN ${quoteIdent(c.name)} ${mapColumnType(c.columnType).duckType}`);
  }
  if (added.length === 0) return known;
  const merged: TableSchema = { ...known, columns: [...known.columns, ...added] };
  await rememberTable(conn, merged);
  return merged;
}

export async function forgetTable(conn: DuckDBConnection, db: string, table: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.source_tables WHERE db = $1 AND tbl = $2`, [db, table]);
}
