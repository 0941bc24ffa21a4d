// information_schema for a user limited to some databases: the MySQL-shaped catalog views are read
// through per-session filtered copies (temp views, made on first use) that show only those
// databases, so a query or a prepared statement over the catalog never lists another's tables.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from './mysql-catalog.ts';

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
    if (!allowed || !duckSql.includes(`${MYSQL_CATALOG_SCHEMA}.`)) return duckSql;
    if (!this.made) {
      const list = allowed.map((d) => `'${d.replace(/'/g, "''")}'`).join(', ') || 'NULL';
      for (const view of MYSQL_CATALOG_VIEWS) {
        const column = view === 'schemata' ? 'SCHEMA_NAME' : 'TABLE_SCHEMA';
        await this.conn.run(`CREATE OR REPLACE TEMP VIEW "iq_is_${view}" AS SELECT * FROM ${MYSQL_CATALOG_SCHEMA}.${view} WHERE ${column} IN (${list}, 'information_schema')`);
      }
      this.made = true;
    }
    return duckSql.replace(new RegExp(`${MYSQL_CATALOG_SCHEMA}\\.(${MYSQL_CATALOG_VIEWS.join('|')})\\b`, 'g'), 'temp.main."iq_is_$1"');
  }
}
