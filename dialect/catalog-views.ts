// Where the gateway keeps MySQL-shaped information_schema views (gateway/mysql-catalog.ts
// defines each; dialect/information-schema-types.ts types their columns). A MariaDB source's
// views have MariaDB's column sets (gateway/mariadb-catalog.ts, dialect/information-schema-mariadb.ts).
export const MYSQL_CATALOG_SCHEMA = '_instaquery_mysql';
export const MARIADB_CATALOG_SCHEMA = '_instaquery_mariadb';
/** Every schema holding catalog views: the store's, never a source database. */
export const CATALOG_SCHEMAS = [MYSQL_CATALOG_SCHEMA, MARIADB_CATALOG_SCHEMA] as const;
export const MYSQL_CATALOG_VIEWS = ['schemata', 'tables', 'columns', 'statistics', 'key_column_usage'] as const;
/** Views only the MariaDB schema has (FILES, PARTITIONS, TRIGGERS: gateway/mariadb-only-views.ts). */
export const MARIADB_ONLY_VIEWS = ['files', 'partitions', 'triggers'] as const;

/** The views a catalog schema holds. */
export function catalogViewsOf(schema: (typeof CATALOG_SCHEMAS)[number]): readonly string[] {
  return schema === MARIADB_CATALOG_SCHEMA ? [...MYSQL_CATALOG_VIEWS, ...MARIADB_ONLY_VIEWS] : MYSQL_CATALOG_VIEWS;
}

/** The server the gateway presents itself as; null: none recorded (it mirrors MySQL 8.0). */
export type ServerFlavor = 'mariadb' | 'mysql' | null;

/** The schema of the catalog views with the presented server's column sets. */
export function catalogSchema(flavor: ServerFlavor | undefined): string {
  return flavor === 'mariadb' ? MARIADB_CATALOG_SCHEMA : MYSQL_CATALOG_SCHEMA;
}
