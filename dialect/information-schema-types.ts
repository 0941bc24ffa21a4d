// The column types of the information_schema views the gateway serves (gateway/mysql-catalog.ts
// builds them), as MySQL and MariaDB declare them, so that a driver's metadata query over them
// gets the result-column types it gets from the server. `?` marks a nullable column.
import type { MYSQL_CATALOG_VIEWS, ServerFlavor } from './catalog-views.ts';
import { mariadbDefinitions } from './information-schema-mariadb.ts';

const V64 = 'varchar(64)';
const V512 = 'varchar(512)';
const U21 = 'bigint(21) unsigned';

const DEFINITIONS: Record<(typeof MYSQL_CATALOG_VIEWS)[number], [string, string][]> = {
  schemata: [
    ['CATALOG_NAME', V512],
    ['SCHEMA_NAME', V64],
    ['DEFAULT_CHARACTER_SET_NAME', 'varchar(32)'],
    ['DEFAULT_COLLATION_NAME', V64],
    ['SQL_PATH', 'varchar(512)?'],
    ['DEFAULT_ENCRYPTION', "enum('NO','YES')"],
  ],
  tables: [
    ['TABLE_CATALOG', V512],
    ['TABLE_SCHEMA', V64],
    ['TABLE_NAME', V64],
    ['TABLE_TYPE', V64],
    ['ENGINE', `${V64}?`],
    ['VERSION', `${U21}?`],
    ['ROW_FORMAT', 'varchar(10)?'],
    ['TABLE_ROWS', `${U21}?`],
    ['AVG_ROW_LENGTH', `${U21}?`],
    ['DATA_LENGTH', `${U21}?`],
    ['MAX_DATA_LENGTH', `${U21}?`],
    ['INDEX_LENGTH', `${U21}?`],
    ['DATA_FREE', `${U21}?`],
    ['AUTO_INCREMENT', `${U21}?`],
    ['CREATE_TIME', 'datetime?'],
    ['UPDATE_TIME', 'datetime?'],
    ['CHECK_TIME', 'datetime?'],
    ['TABLE_COLLATION', `${V64}?`],
    ['CHECKSUM', `${U21}?`],
    ['CREATE_OPTIONS', 'varchar(2048)?'],
    ['TABLE_COMMENT', 'varchar(2048)'],
  ],
  columns: [
    ['TABLE_CATALOG', V512],
    ['TABLE_SCHEMA', V64],
    ['TABLE_NAME', V64],
    ['COLUMN_NAME', V64],
    ['ORDINAL_POSITION', U21],
    // MariaDB declares these longtext but sends them as MEDIUMTEXT-sized; drivers see that.
    ['COLUMN_DEFAULT', 'mediumtext?'],
    ['IS_NULLABLE', 'varchar(3)'],
    ['DATA_TYPE', V64],
    ['CHARACTER_MAXIMUM_LENGTH', `${U21}?`],
    ['CHARACTER_OCTET_LENGTH', `${U21}?`],
    ['NUMERIC_PRECISION', `${U21}?`],
    ['NUMERIC_SCALE', `${U21}?`],
    ['DATETIME_PRECISION', `${U21}?`],
    ['CHARACTER_SET_NAME', 'varchar(32)?'],
    ['COLLATION_NAME', `${V64}?`],
    ['COLUMN_TYPE', 'mediumtext'],
    ['COLUMN_KEY', 'varchar(3)'],
    ['EXTRA', 'varchar(80)'],
    ['PRIVILEGES', 'varchar(80)'],
    ['COLUMN_COMMENT', 'varchar(1024)'],
    ['GENERATION_EXPRESSION', 'longtext?'],
    ['SRS_ID', 'int(10) unsigned?'],
  ],
  statistics: [
    ['TABLE_CATALOG', V512],
    ['TABLE_SCHEMA', V64],
    ['TABLE_NAME', V64],
    ['NON_UNIQUE', 'bigint(1)'],
    ['INDEX_SCHEMA', V64],
    ['INDEX_NAME', V64],
    ['SEQ_IN_INDEX', 'int(2) unsigned'],
    ['COLUMN_NAME', V64],
    ['COLLATION', 'varchar(1)?'],
    ['CARDINALITY', 'bigint(21)?'],
    ['SUB_PART', 'bigint(3)?'],
    ['PACKED', 'varchar(10)?'],
    ['NULLABLE', 'varchar(3)'],
    ['INDEX_TYPE', 'varchar(16)'],
    ['COMMENT', 'varchar(16)?'],
    ['INDEX_COMMENT', 'varchar(1024)'],
    ['IS_VISIBLE', 'varchar(3)'],
    ['EXPRESSION', 'longtext?'],
  ],
  key_column_usage: [
    ['CONSTRAINT_CATALOG', V512],
    ['CONSTRAINT_SCHEMA', V64],
    ['CONSTRAINT_NAME', V64],
    ['TABLE_CATALOG', V512],
    ['TABLE_SCHEMA', V64],
    ['TABLE_NAME', V64],
    ['COLUMN_NAME', V64],
    ['ORDINAL_POSITION', 'bigint(10)'],
    ['POSITION_IN_UNIQUE_CONSTRAINT', 'bigint(10)?'],
    ['REFERENCED_TABLE_SCHEMA', `${V64}?`],
    ['REFERENCED_TABLE_NAME', `${V64}?`],
    ['REFERENCED_COLUMN_NAME', `${V64}?`],
  ],
};

export interface CatalogViewColumn {
  name: string;
  columnType: string;
  nullable: boolean;
}

const MARIADB_DEFINITIONS = mariadbDefinitions(DEFINITIONS);

/** The columns of information_schema.<view> on the presented server, or undefined for a view the gateway does not serve. */
export function informationSchemaColumns(view: string, flavor: ServerFlavor = null): CatalogViewColumn[] | undefined {
  const defs = (flavor === 'mariadb' ? MARIADB_DEFINITIONS : (DEFINITIONS as Record<string, [string, string][]>))[view.toLowerCase()];
  return defs?.map(([name, t]) => ({ name, columnType: t.replace(/\?$/, ''), nullable: t.endsWith('?') }));
}
