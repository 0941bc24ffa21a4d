// MySQL's information_schema, answered from what the sink recorded about each source table
// (`_instaquery.source_tables`: the source's own column types and primary key). Views in the
// schema `_instaquery_mysql`; the dialect points `information_schema.<view>` at them, and the
// SHOW statements that tools send (SHOW COLUMNS, SHOW INDEX, DESCRIBE) read them too.
import type { DuckDBConnection } from '@duckdb/node-api';

import { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from '../dialect/index.ts';
import { installMariadbCatalog } from './mariadb-catalog.ts';

export { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS };

// The flavor the gateway presents (the first source's, `_instaquery.source_server`). MariaDB's JSON
// is LONGTEXT in utf8mb4_bin in its catalog; the store marks it json (connectors/mysql-source/catalog.ts).
const MARIADB_JSON = `(lower(u.c.columnType) = 'json' AND (SELECT flavor FROM _instaquery.source_server ORDER BY first_recorded, connector LIMIT 1) = 'mariadb')`;
// MariaDB's catalog says NULL where MySQL's says '' (GENERATION_EXPRESSION of a plain column).
const MARIADB = `((SELECT flavor FROM _instaquery.source_server ORDER BY first_recorded, connector LIMIT 1) = 'mariadb')`;

const COLUMN_ROWS = `
  SELECT st.db AS db, st.tbl AS tbl, u.c.name AS name, CASE WHEN ${MARIADB_JSON} THEN 'longtext' ELSE lower(u.c.columnType) END AS column_type,
         u.c.nullable AS nullable, CASE WHEN ${MARIADB_JSON} THEN 'utf8mb4_bin' ELSE u.c.collation END AS text_collation,
         u.ord AS ordinal, list_position(from_json(st.primary_key, '["VARCHAR"]'), u.c.name) AS pk_position,
         u.c.columnDefault AS column_default_json, u.c.extra AS extra, u.c.comment AS column_comment
    FROM _instaquery.source_tables st,
         unnest(from_json(st."columns", '[{"name":"VARCHAR","columnType":"VARCHAR","nullable":"BOOLEAN","collation":"VARCHAR","columnDefault":"JSON","extra":"VARCHAR","comment":"VARCHAR"}]')) WITH ORDINALITY AS u(c, ord)`;

// The DEFAULT as MariaDB writes it (core SourceColumn.columnDefault): JSON null is "no default";
// absent (a store from before defaults were kept) is shown as MariaDB shows a nullable column
// without one, 'NULL', and a NOT NULL one as having none.
const COLUMN_DEFAULT = `CASE WHEN column_default_json IS NULL THEN CASE WHEN nullable THEN 'NULL' END
                             WHEN json_type(column_default_json) = 'NULL' THEN NULL ELSE column_default_json->>'$' END::VARCHAR`;

// Numbers MySQL reports per type: the digits of an integer type, the characters of a string type.
const DATA_TYPE = `regexp_extract(column_type, '^[a-z]+')`;
const WIDTH = `TRY_CAST(regexp_extract(column_type, '\\((\\d+)', 1) AS BIGINT)`;
const SCALE = `TRY_CAST(regexp_extract(column_type, '\\(\\d+,\\s*(\\d+)\\)', 1) AS BIGINT)`;
const IS_TEXT = `${DATA_TYPE} IN ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'enum', 'set')`;
// ENUM holds its longest member; SET all members joined by commas.
const MEMBERS = `list_transform(regexp_extract_all(column_type, '''((?:[^'']|'''')*)''', 1), m -> length(replace(m, '''''', '''')))`;
const MEMBER_CHARS = `CASE ${DATA_TYPE} WHEN 'enum' THEN list_max(${MEMBERS}) WHEN 'set' THEN list_sum(${MEMBERS}) + len(${MEMBERS}) - 1 END`;
// A text column's character set is its collation's first word; utf8mb4 where the catalog had none.
const CHARSET = `coalesce(split_part(text_collation, '_', 1), 'utf8mb4')`;
// Bytes a character takes at most in that character set (SHOW CHARACTER SET's Maxlen).
const MAXLEN = `(CASE ${CHARSET} WHEN 'utf8mb4' THEN 4 WHEN 'utf16' THEN 4 WHEN 'utf16le' THEN 4 WHEN 'utf32' THEN 4 WHEN 'gb18030' THEN 4
                  WHEN 'utf8mb3' THEN 3 WHEN 'utf8' THEN 3 WHEN 'ujis' THEN 3 WHEN 'eucjpms' THEN 3
                  WHEN 'ucs2' THEN 2 WHEN 'big5' THEN 2 WHEN 'gbk' THEN 2 WHEN 'gb2312' THEN 2 WHEN 'sjis' THEN 2 WHEN 'cp932' THEN 2 WHEN 'euckr' THEN 2 ELSE 1 END)`;

// The server's estimate of an index's distinct keys (InnoDB samples pages): nothing the store
// could give exactly, so a query that reads it is refused (error(): duckdb-errors.ts makes it
// 1235) and one that does not is answered (DuckDB reads no view column the query does not).
const CARDINALITY = `error('instaquery cannot give information_schema.STATISTICS.CARDINALITY: it is the source server''s estimate of an index''s distinct keys')::BIGINT`;

// InnoDB's default, or the ROW_FORMAT the table was created with (CREATE_OPTIONS row_format=FIXED → Fixed).
const ROW_FORMAT_WORD = `coalesce(nullif(regexp_extract(st.options->>'createOptions', 'row_format=(\\w+)', 1), ''), 'DYNAMIC')`;
const ROW_FORMAT = `(upper(left(${ROW_FORMAT_WORD}, 1)) || lower(substr(${ROW_FORMAT_WORD}, 2)))`;

// Typed by the dialect's list, so a view the dialect points at cannot be missing here.
const VIEWS: Record<(typeof MYSQL_CATALOG_VIEWS)[number], string> = {
  schemata: `
    SELECT 'def' AS CATALOG_NAME, db AS SCHEMA_NAME, 'utf8mb4' AS DEFAULT_CHARACTER_SET_NAME,
           'utf8mb4_general_ci' AS DEFAULT_COLLATION_NAME, NULL::VARCHAR AS SQL_PATH, 'NO' AS DEFAULT_ENCRYPTION
      FROM (SELECT DISTINCT db FROM _instaquery.source_tables UNION SELECT 'information_schema')`,
  tables: `
    SELECT 'def' AS TABLE_CATALOG, st.db AS TABLE_SCHEMA, st.tbl AS TABLE_NAME, 'BASE TABLE' AS TABLE_TYPE,
           coalesce(st.options->>'engine', 'InnoDB') AS ENGINE, 10 AS VERSION,
           ${ROW_FORMAT} AS ROW_FORMAT,
           coalesce((SELECT sum(estimated_size) FROM duckdb_tables() d WHERE d.database_name = current_database() AND d.schema_name = st.db AND d.table_name = st.tbl), 0)::UBIGINT AS TABLE_ROWS,
           0::UBIGINT AS AVG_ROW_LENGTH, 0::UBIGINT AS DATA_LENGTH, 0::UBIGINT AS MAX_DATA_LENGTH, 0::UBIGINT AS INDEX_LENGTH,
           0::UBIGINT AS DATA_FREE, NULL::UBIGINT AS AUTO_INCREMENT, NULL::TIMESTAMP_S AS CREATE_TIME, NULL::TIMESTAMP_S AS UPDATE_TIME,
           NULL::TIMESTAMP_S AS CHECK_TIME, coalesce(st.options->>'collation', 'utf8mb4_general_ci') AS TABLE_COLLATION, NULL::UBIGINT AS CHECKSUM,
           coalesce('partitioned ' || st.partitioning, '') AS CREATE_OPTIONS, coalesce(st.options->>'comment', '') AS TABLE_COMMENT
      FROM _instaquery.source_tables st`,
  columns: `
    SELECT 'def' AS TABLE_CATALOG, db AS TABLE_SCHEMA, tbl AS TABLE_NAME, name AS COLUMN_NAME, ordinal::UBIGINT AS ORDINAL_POSITION,
           ${COLUMN_DEFAULT} AS COLUMN_DEFAULT, CASE WHEN nullable THEN 'YES' ELSE 'NO' END AS IS_NULLABLE,
           ${DATA_TYPE} AS DATA_TYPE,
           CASE WHEN ${DATA_TYPE} IN ('char', 'varchar', 'binary', 'varbinary') THEN ${WIDTH}
                WHEN ${DATA_TYPE} IN ('enum', 'set') THEN ${MEMBER_CHARS}
                WHEN ${DATA_TYPE} IN ('tinytext', 'tinyblob') THEN 255 WHEN ${DATA_TYPE} IN ('text', 'blob') THEN 65535
                WHEN ${DATA_TYPE} IN ('mediumtext', 'mediumblob') THEN 16777215 WHEN ${DATA_TYPE} IN ('longtext', 'longblob', 'json') THEN 4294967295 END::UBIGINT AS CHARACTER_MAXIMUM_LENGTH,
           CASE WHEN ${DATA_TYPE} IN ('char', 'varchar') THEN ${WIDTH} * ${MAXLEN} WHEN ${DATA_TYPE} IN ('enum', 'set') THEN ${MEMBER_CHARS} * ${MAXLEN} WHEN ${DATA_TYPE} IN ('binary', 'varbinary') THEN ${WIDTH}
                WHEN ${DATA_TYPE} IN ('tinytext', 'tinyblob') THEN 255 WHEN ${DATA_TYPE} IN ('text', 'blob') THEN 65535
                WHEN ${DATA_TYPE} IN ('mediumtext', 'mediumblob') THEN 16777215 WHEN ${DATA_TYPE} IN ('longtext', 'longblob', 'json') THEN 4294967295 END::UBIGINT AS CHARACTER_OCTET_LENGTH,
           CASE ${DATA_TYPE} WHEN 'tinyint' THEN 3 WHEN 'smallint' THEN 5 WHEN 'mediumint' THEN 7 WHEN 'int' THEN 10
                WHEN 'bigint' THEN CASE WHEN column_type LIKE '%unsigned%' THEN 20 ELSE 19 END
                WHEN 'decimal' THEN coalesce(${WIDTH}, 10) WHEN 'float' THEN 12 WHEN 'double' THEN 22 WHEN 'bit' THEN ${WIDTH} END::UBIGINT AS NUMERIC_PRECISION,
           CASE WHEN ${DATA_TYPE} IN ('tinyint', 'smallint', 'mediumint', 'int', 'bigint') THEN 0 WHEN ${DATA_TYPE} = 'decimal' THEN coalesce(${SCALE}, 0) END::UBIGINT AS NUMERIC_SCALE,
           CASE WHEN ${DATA_TYPE} IN ('datetime', 'timestamp', 'time') THEN coalesce(${WIDTH}, 0) END::UBIGINT AS DATETIME_PRECISION,
           CASE WHEN ${IS_TEXT} THEN ${CHARSET} END AS CHARACTER_SET_NAME,
           CASE WHEN ${IS_TEXT} THEN coalesce(text_collation, 'utf8mb4_general_ci') END AS COLLATION_NAME,
           column_type AS COLUMN_TYPE, CASE WHEN pk_position IS NOT NULL THEN 'PRI' ELSE '' END AS COLUMN_KEY,
           coalesce(extra, '') AS EXTRA, 'select' AS PRIVILEGES, coalesce(column_comment, '') AS COLUMN_COMMENT, CASE WHEN ${MARIADB} THEN NULL ELSE '' END AS GENERATION_EXPRESSION, NULL::UINTEGER AS SRS_ID
      FROM (${COLUMN_ROWS})`,
  statistics: `
    SELECT 'def' AS TABLE_CATALOG, db AS TABLE_SCHEMA, tbl AS TABLE_NAME, 0 AS NON_UNIQUE, db AS INDEX_SCHEMA, 'PRIMARY' AS INDEX_NAME,
           pk_position::UBIGINT AS SEQ_IN_INDEX, name AS COLUMN_NAME, 'A' AS COLLATION, ${CARDINALITY} AS CARDINALITY,
           NULL::BIGINT AS SUB_PART, NULL::VARCHAR AS PACKED, '' AS NULLABLE, 'BTREE' AS INDEX_TYPE, '' AS COMMENT,
           '' AS INDEX_COMMENT, 'YES' AS IS_VISIBLE, NULL::VARCHAR AS EXPRESSION
      FROM (${COLUMN_ROWS}) WHERE pk_position IS NOT NULL`,
  key_column_usage: `
    SELECT 'def' AS CONSTRAINT_CATALOG, db AS CONSTRAINT_SCHEMA, 'PRIMARY' AS CONSTRAINT_NAME, 'def' AS TABLE_CATALOG,
           db AS TABLE_SCHEMA, tbl AS TABLE_NAME, name AS COLUMN_NAME, pk_position::UBIGINT AS ORDINAL_POSITION,
           NULL::UINTEGER AS POSITION_IN_UNIQUE_CONSTRAINT, NULL::VARCHAR AS REFERENCED_TABLE_SCHEMA,
           NULL::VARCHAR AS REFERENCED_TABLE_NAME, NULL::VARCHAR AS REFERENCED_COLUMN_NAME
      FROM (${COLUMN_ROWS}) WHERE pk_position IS NOT NULL`,
};

/** Creates (or refreshes) the views; run once when the store opens, before sessions connect. */
export async function installMysqlCatalog(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${MYSQL_CATALOG_SCHEMA}`);
  for (const [name, sql] of Object.entries(VIEWS)) await conn.run(`CREATE OR REPLACE VIEW ${MYSQL_CATALOG_SCHEMA}.${name} AS ${sql}`);
  await installMariadbCatalog(conn);
}
