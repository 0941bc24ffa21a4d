// Where the gateway keeps MySQL-shaped information_schema views (gateway/mysql-catalog.ts
// defines each; dialect/information-schema-types.ts types their columns).
export const MYSQL_CATALOG_SCHEMA = '_instaquery_mysql';
export const MYSQL_CATALOG_VIEWS = ['schemata', 'tables', 'columns', 'statistics', 'key_column_usage'] as const;
