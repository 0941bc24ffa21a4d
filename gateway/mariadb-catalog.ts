// MariaDB's information_schema views (schema `_instaquery_mariadb`), for a MariaDB source: the
// MySQL-shaped views of gateway/mysql-catalog.ts with MariaDB's column sets, in MariaDB's order
// (dialect/information-schema-mariadb.ts lists them). A column MariaDB has and MySQL has not is
// given the value MariaDB gives a table the store can hold (InnoDB, no generated columns).
import type { DuckDBConnection } from '@duckdb/node-api';
import { informationSchemaColumns, MARIADB_CATALOG_SCHEMA, MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from '../dialect/index.ts';
import { MARIADB_ONLY_VIEW_SQL } from './mariadb-only-views.ts';

/** MariaDB's value of a column, from the MySQL view's row; a name not here is the MySQL view's column. */
const MARIADB_VALUES: Record<string, string> = {
  // SCHEMATA: CREATE DATABASE … COMMENT; the store records none, MariaDB's default is ''.
  SCHEMA_COMMENT: `''`,
  // TABLES: InnoDB tables say 0 and N (a temporary table is never replicated).
  MAX_INDEX_LENGTH: `0::UBIGINT`,
  TEMPORARY: `'N'`,
  // COLUMNS: a plain column is NEVER generated, its GENERATION_EXPRESSION NULL (MySQL says '').
  IS_GENERATED: `CASE WHEN coalesce(GENERATION_EXPRESSION, '') = '' THEN 'NEVER' ELSE 'ALWAYS' END`,
  GENERATION_EXPRESSION: `nullif(GENERATION_EXPRESSION, '')::VARCHAR`,
  // STATISTICS: an index the optimizer is told to ignore (10.6+); the store's keys are primary keys, never ignored.
  IGNORED: `'NO'`,
};

function mariadbView(view: (typeof MYSQL_CATALOG_VIEWS)[number]): string {
  const columns = informationSchemaColumns(view, 'mariadb')!.map(({ name }) => `${MARIADB_VALUES[name] ?? `"${name}"`} AS "${name}"`);
  return `SELECT ${columns.join(', ')} FROM ${MYSQL_CATALOG_SCHEMA}.${view}`;
}

/** Creates (or refreshes) the MariaDB views, after the MySQL views they read. */
export async function installMariadbCatalog(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${MARIADB_CATALOG_SCHEMA}`);
  for (const view of MYSQL_CATALOG_VIEWS) await conn.run(`CREATE OR REPLACE VIEW ${MARIADB_CATALOG_SCHEMA}.${view} AS ${mariadbView(view)}`);
  for (const [view, sql] of Object.entries(MARIADB_ONLY_VIEW_SQL)) await conn.run(`CREATE OR REPLACE VIEW ${MARIADB_CATALOG_SCHEMA}.${view} AS ${sql}`);
}
