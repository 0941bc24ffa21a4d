// information_schema for a user limited to some databases: the MySQL-shaped catalog views are read
// through per-session filtered copies (temp views, made on first use) that show only those
// databases, so a query or a prepared statement over the catalog never lists another's tables.
import type { DuckDBConnection } from '@duckdb/node-api';
import { CATALOG_SCHEMAS, catalogViewsOf, MARIADB_CATALOG_SCHEMA } from '../dialect/index.ts';
import { partitionsView } from './mariadb-only-views.ts';

/** A catalog view's name as translated SQL reads it; the callback keeps only the schema's own views. */
const CATALOG_VIEW = new RegExp(`(${CATALOG_SCHEMAS.join('|')})\\.(${[...new Set(CATALOG_SCHEMAS.flatMap(catalogViewsOf))].join('|')})\\b`, 'g');

export class CatalogFilter {
  private made = false;

  constructor(
    private readonly conn: DuckDBConnection,
    /** The user's databases; null: every database, nothing to filter. */
    private readonly allowed: readonly string[] | null,
  ) {}

  /** The translated SQL, reading the filtered copies of the catalog views it names. */
  async rewrite(duckSql: string): Promise<string> {
    const allowed = this.allowed;
    if (!allowed || !CATALOG_SCHEMAS.some((schema) => duckSql.includes(`${schema}.`))) return duckSql;
    if (!this.made) {
      const list = allowed.map((d) => `'${d.replace(/'/g, "''")}'`).join(', ') || 'NULL';
      for (const schema of CATALOG_SCHEMAS) {
        for (const view of catalogViewsOf(schema)) {
          const column = view === 'schemata' ? 'SCHEMA_NAME' : view === 'triggers' ? 'TRIGGER_SCHEMA' : 'TABLE_SCHEMA';
          // PARTITIONS refuses a partitioned table's row: filtered inside, so only the user's rows can be refused.
          const rows = schema === MARIADB_CATALOG_SCHEMA && view === 'partitions' ? partitionsView(list) : `SELECT * FROM ${schema}.${view} WHERE ${column} IN (${list}, 'information_schema')`;
          await this.conn.run(`CREATE OR REPLACE TEMP VIEW "iq_is${schema}_${view}" AS ${rows}`);
        }
      }
      this.made = true;
    }
    return duckSql.replace(CATALOG_VIEW, (name, schema: (typeof CATALOG_SCHEMAS)[number], view: string) =>
      catalogViewsOf(schema).includes(view) ? `temp.main."iq_is${schema}_${view}"` : name,
    );
  }
}
