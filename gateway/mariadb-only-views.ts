// MariaDB's information_schema.FILES and PARTITIONS (mariadb-dump reads them for its tablespace
// statements), for a MariaDB source; columns in dialect/information-schema-mariadb-only.ts.
// - FILES: MariaDB fills it for no engine it ships (only MySQL Cluster's NDB did): always empty.
// - PARTITIONS: one row per table; a table the source does not partition has NULL in every
//   PARTITION_* column. The statistics InnoDB keeps (rows, lengths, times) are nothing the store
//   could give exactly: reading one is refused by name (DuckDB evaluates a view column only when
//   a query reads it), as is any row of a table the source partitions (its partitions are the
//   source's; the store records only that it has some: connectors/mysql-source/ddl-partitioning.ts).
// - TRIGGERS: MariaDB lists a trigger only to a user with the TRIGGER privilege on its table. A
//   gateway user's grants are SELECT only (it serves reads: COLUMNS.PRIVILEGES says 'select'), so
//   MariaDB's answer to that user is no rows, whatever triggers the source has.
import type { MARIADB_ONLY_VIEWS } from '../dialect/index.ts';

const refused = (column: string, why: string) => `error('instaquery cannot give information_schema.PARTITIONS.${column}: ${why.replace(/'/g, "''")}')`;
const STATISTIC = (column: string) => refused(column, "it is the source server's statistic of the table's storage");
const ENGINE = `coalesce(st.options->>'engine', 'InnoDB')`;
// InnoDB reports no maximum data length, no check time and no live checksum (NULL whatever
// CHECKSUM=1 says); other engines report their own.
const INNODB_NULL = (column: string) =>
  `CASE WHEN ${ENGINE} = 'InnoDB' THEN NULL ELSE error('instaquery cannot give information_schema.PARTITIONS.${column}: it is the ' || ${ENGINE} || ' engine''s statistic of the table') END`;
const PARTITIONED = `coalesce(TRY_CAST(st.options->>'sourcePartitioned' AS BOOLEAN), false)`;

// A partitioned table's row is refused, naming it; for a user limited to some databases only
// once the row is known to be theirs (CASE tests in order), so the refusal never tells of
// another database's table, and their query is not refused for it.
const PARTITIONED_ROW = `error('instaquery cannot give information_schema.PARTITIONS rows of ' || st.db || '.' || st.tbl || ': the source partitions it, and its partitions are the source server''s')`;
const partitionedRows = (allowed: string | null) => `CASE ${allowed === null ? '' : `WHEN (st.db IN (${allowed})) IS NOT TRUE THEN false `}WHEN ${PARTITIONED} THEN ${PARTITIONED_ROW} ELSE true END`;

const NULL_BIGINT = (n: string) => `NULL::BIGINT AS ${n}`;
const NULL_TEXT = (n: string) => `NULL::VARCHAR AS ${n}`;

/** PARTITIONS; `allowed`: the SQL list of the only databases whose rows it shows (gateway/catalog-filter.ts), null for all. */
export function partitionsView(allowed: string | null): string {
  return `
    SELECT 'def' AS TABLE_CATALOG, st.db AS TABLE_SCHEMA, st.tbl AS TABLE_NAME, ${NULL_TEXT('PARTITION_NAME')}, ${NULL_TEXT('SUBPARTITION_NAME')},
           NULL::UBIGINT AS PARTITION_ORDINAL_POSITION, NULL::UBIGINT AS SUBPARTITION_ORDINAL_POSITION, ${NULL_TEXT('PARTITION_METHOD')},
           ${NULL_TEXT('SUBPARTITION_METHOD')}, ${NULL_TEXT('PARTITION_EXPRESSION')}, ${NULL_TEXT('SUBPARTITION_EXPRESSION')}, ${NULL_TEXT('PARTITION_DESCRIPTION')},
           ${STATISTIC('TABLE_ROWS')}::UBIGINT AS TABLE_ROWS, ${STATISTIC('AVG_ROW_LENGTH')}::UBIGINT AS AVG_ROW_LENGTH,
           ${STATISTIC('DATA_LENGTH')}::UBIGINT AS DATA_LENGTH, ${INNODB_NULL('MAX_DATA_LENGTH')}::UBIGINT AS MAX_DATA_LENGTH,
           ${STATISTIC('INDEX_LENGTH')}::UBIGINT AS INDEX_LENGTH, ${STATISTIC('DATA_FREE')}::UBIGINT AS DATA_FREE,
           ${STATISTIC('CREATE_TIME')}::TIMESTAMP_S AS CREATE_TIME, ${STATISTIC('UPDATE_TIME')}::TIMESTAMP_S AS UPDATE_TIME,
           ${INNODB_NULL('CHECK_TIME')}::TIMESTAMP_S AS CHECK_TIME, ${INNODB_NULL('CHECKSUM')}::UBIGINT AS CHECKSUM,
           '' AS PARTITION_COMMENT, '' AS NODEGROUP, ${NULL_TEXT('TABLESPACE_NAME')}
      FROM _instaquery.source_tables st
     WHERE ${partitionedRows(allowed)}`;
}

export const MARIADB_ONLY_VIEW_SQL: Record<(typeof MARIADB_ONLY_VIEWS)[number], string> = {
  files: `
    SELECT 0::BIGINT AS FILE_ID, ${NULL_TEXT('FILE_NAME')}, ''::VARCHAR AS FILE_TYPE, ${NULL_TEXT('TABLESPACE_NAME')}, ''::VARCHAR AS TABLE_CATALOG,
           ${NULL_TEXT('TABLE_SCHEMA')}, ${NULL_TEXT('TABLE_NAME')}, ${NULL_TEXT('LOGFILE_GROUP_NAME')}, ${NULL_BIGINT('LOGFILE_GROUP_NUMBER')},
           ''::VARCHAR AS ENGINE, ${NULL_TEXT('FULLTEXT_KEYS')}, ${NULL_BIGINT('DELETED_ROWS')}, ${NULL_BIGINT('UPDATE_COUNT')},
           ${NULL_BIGINT('FREE_EXTENTS')}, ${NULL_BIGINT('TOTAL_EXTENTS')}, 0::BIGINT AS EXTENT_SIZE, NULL::UBIGINT AS INITIAL_SIZE,
           NULL::UBIGINT AS MAXIMUM_SIZE, NULL::UBIGINT AS AUTOEXTEND_SIZE, NULL::TIMESTAMP_S AS CREATION_TIME,
           NULL::TIMESTAMP_S AS LAST_UPDATE_TIME, NULL::TIMESTAMP_S AS LAST_ACCESS_TIME, ${NULL_BIGINT('RECOVER_TIME')},
           ${NULL_BIGINT('TRANSACTION_COUNTER')}, NULL::UBIGINT AS VERSION, ${NULL_TEXT('ROW_FORMAT')}, NULL::UBIGINT AS TABLE_ROWS,
           NULL::UBIGINT AS AVG_ROW_LENGTH, NULL::UBIGINT AS DATA_LENGTH, NULL::UBIGINT AS MAX_DATA_LENGTH, NULL::UBIGINT AS INDEX_LENGTH,
           NULL::UBIGINT AS DATA_FREE, NULL::TIMESTAMP_S AS CREATE_TIME, NULL::TIMESTAMP_S AS UPDATE_TIME, NULL::TIMESTAMP_S AS CHECK_TIME,
           NULL::UBIGINT AS CHECKSUM, ''::VARCHAR AS STATUS, ${NULL_TEXT('EXTRA')}
     WHERE false`,
  partitions: partitionsView(null),
  triggers: `
    SELECT ''::VARCHAR AS TRIGGER_CATALOG, ''::VARCHAR AS TRIGGER_SCHEMA, ''::VARCHAR AS TRIGGER_NAME, ''::VARCHAR AS EVENT_MANIPULATION,
           ''::VARCHAR AS EVENT_OBJECT_CATALOG, ''::VARCHAR AS EVENT_OBJECT_SCHEMA, ''::VARCHAR AS EVENT_OBJECT_TABLE, 0::BIGINT AS ACTION_ORDER,
           ${NULL_TEXT('ACTION_CONDITION')}, ${NULL_TEXT('ACTION_STATEMENT')}, ''::VARCHAR AS ACTION_ORIENTATION, ''::VARCHAR AS ACTION_TIMING,
           ${NULL_TEXT('ACTION_REFERENCE_OLD_TABLE')}, ${NULL_TEXT('ACTION_REFERENCE_NEW_TABLE')}, ''::VARCHAR AS ACTION_REFERENCE_OLD_ROW,
           ''::VARCHAR AS ACTION_REFERENCE_NEW_ROW, NULL::TIMESTAMP AS CREATED, ''::VARCHAR AS SQL_MODE, ${NULL_TEXT('DEFINER')},
           ''::VARCHAR AS CHARACTER_SET_CLIENT, ''::VARCHAR AS COLLATION_CONNECTION, ''::VARCHAR AS DATABASE_COLLATION
     WHERE false`,
};
