// The source's views, kept in the store as DuckDB views over the target tables. A view's SELECT
// is MySQL; the dialect translates it against the store's catalog (tables and earlier views) so
// that querying the view gives MySQL's answer, and its result types become the view's columns in
// `_instaquery.source_views` (the gateway describes and types queries over views from them). A
// definition the dialect refuses is kept with the reason: queries on that view get error 1235
// naming it, never a different answer.
import type { DuckDBConnection } from '@duckdb/node-api';
import { DialectError, DialectUnsupported, translate, type CatalogColumn, type DialectCatalog } from '../dialect/index.ts';
import type { SchemaChange } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';
import { qualified, quoteIdent } from './sql-names.ts';
import type { KnownTable } from './target-table.ts';

type ViewChange = Extract<SchemaChange, { kind: 'view' }>;

export async function createViewsTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.source_views (
    db VARCHAR NOT NULL, name VARCHAR NOT NULL, definition VARCHAR NOT NULL, column_names JSON,
    columns JSON, refused VARCHAR, PRIMARY KEY (db, name))`);
}

async function storedViewColumns(conn: DuckDBConnection): Promise<Map<string, CatalogColumn[]>> {
  const reader = await conn.runAndReadAll(`SELECT db, name, columns::VARCHAR FROM ${META_SCHEMA}.source_views WHERE columns IS NOT NULL`);
  return new Map(reader.getRowsJS().map(([db, name, columns]) => [`${db}.${name}`.toLowerCase(), JSON.parse(String(columns)) as CatalogColumn[]]));
}

/** The store as the dialect sees it: target tables with their source types, and typed views. */
async function storeCatalog(conn: DuckDBConnection, known: Map<string, KnownTable>): Promise<DialectCatalog> {
  const tables = new Map<string, CatalogColumn[]>();
  for (const { schema } of known.values()) {
    const keys = new Set(schema.primaryKey);
    tables.set(`${schema.db}.${schema.table}`.toLowerCase(), schema.columns.map((c) => ({ name: c.name, columnType: c.columnType, nullable: c.nullable, primaryKey: keys.has(c.name) })));
  }
  const views = await storedViewColumns(conn);
  return { columns: (db, table) => tables.get(`${db}.${table}`.toLowerCase()) ?? views.get(`${db}.${table}`.toLowerCase()) };
}

/** Creates or replaces the view; inside the caller's transaction. */
export async function applyView(conn: DuckDBConnection, change: ViewChange, known: Map<string, KnownTable>): Promise<void> {
  const { db, view, definition, columnNames } = change;
  await conn.run(`DROP VIEW IF EXISTS ${qualified(db, view)}`);
  let refused: string | null = null;
  let columns: CatalogColumn[] | null = null;
  try {
    const t = translate(definition, { database: db, catalog: await storeCatalog(conn, known), qualifyTables: true });
    if (t.kind !== 'select') throw new DialectError(`a view's definition must be a SELECT, not ${definition.slice(0, 60)}`);
    // Untyped means some table it reads is not in the store; DuckDB would refuse to bind it, and
    // a failed statement would abort the store transaction.
    if (!t.columns) throw new DialectError(`view ${db}.${view} reads a table or view the store does not hold`);
    if (columnNames && columnNames.length !== t.columns.length) throw new DialectError(`view ${db}.${view} lists ${columnNames.length} columns for a SELECT of ${t.columns.length}`);
    columns = t.columns.map((c, i) => ({ name: columnNames?.[i] ?? c.name, columnType: c.type.columnType, nullable: c.type.nullable, primaryKey: false }));
    await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(db)}`);
    await conn.run(`CREATE VIEW ${qualified(db, view)}${columnNames ? ` (${columnNames.map(quoteIdent).join(', ')})` : ''} AS ${t.sql}`);
  } catch (err) {
    // The DuckDB view must not exist half-made; the reason is what queries on it will say.
    refused = err instanceof DialectUnsupported ? err.what : (err as Error).message;
    columns = null;
  }
  await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.source_views VALUES ($1, $2, $3, $4, $5, $6)`, [
    db,
    view,
    definition,
    columnNames ? JSON.stringify(columnNames) : null,
    columns ? JSON.stringify(columns) : null,
    refused,
  ]);
}

/** Every view of `db`, and the schema itself (DROP DATABASE at the source). */
export async function dropDatabase(conn: DuckDBConnection, db: string): Promise<void> {
  const views = (await conn.runAndReadAll(`SELECT name FROM ${META_SCHEMA}.source_views WHERE db = $1`, [db])).getRowsJS();
  for (const [view] of views) await dropView(conn, db, String(view));
  await conn.run(`DROP SCHEMA IF EXISTS ${quoteIdent(db)} CASCADE`);
}

export async function dropView(conn: DuckDBConnection, db: string, view: string): Promise<void> {
  await conn.run(`DROP VIEW IF EXISTS ${qualified(db, view)}`);
  await conn.run(`DELETE FROM ${META_SCHEMA}.source_views WHERE db = $1 AND name = $2`, [db, view]);
}
