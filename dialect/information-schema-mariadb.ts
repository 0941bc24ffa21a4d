// MariaDB 10.11's column sets of the information_schema views the gateway serves, where they
// differ from MySQL 8.0's (dialect/information-schema-types.ts): COLUMNS has IS_GENERATED and no
// SRS_ID, STATISTICS has IGNORED instead of IS_VISIBLE and EXPRESSION, SCHEMATA SCHEMA_COMMENT
// instead of DEFAULT_ENCRYPTION, TABLES adds MAX_INDEX_LENGTH and TEMPORARY. Types as MariaDB
// declares them (information_schema.COLUMNS of information_schema). `?` marks a nullable column.
import { MARIADB_ONLY_DEFINITIONS } from './information-schema-mariadb-only.ts';

type Definitions = Record<string, [string, string][]>;

const U21 = 'bigint(21) unsigned';

/** MariaDB's list from MySQL's: each name in `drop` removed, then `add` inserted before `before` (or appended). */
function edited(mysql: [string, string][], drop: string[], add: [string, string][], before?: string): [string, string][] {
  const kept = mysql.filter(([n]) => !drop.includes(n));
  const at = before === undefined ? kept.length : kept.findIndex(([n]) => n === before);
  return [...kept.slice(0, at), ...add, ...kept.slice(at)];
}

export function mariadbDefinitions(mysql: Definitions): Definitions {
  return {
    ...mysql,
    schemata: edited(mysql.schemata!, ['DEFAULT_ENCRYPTION'], [['SCHEMA_COMMENT', 'varchar(1024)']]),
    tables: edited(mysql.tables!, [], [['MAX_INDEX_LENGTH', `${U21}?`], ['TEMPORARY', 'varchar(1)?']]),
    columns: edited(
      mysql.columns!,
      ['SRS_ID'],
      [['IS_GENERATED', 'varchar(6)']],
      'GENERATION_EXPRESSION',
    ),
    statistics: edited(mysql.statistics!, ['IS_VISIBLE', 'EXPRESSION'], [['IGNORED', 'varchar(3)']]),
    ...MARIADB_ONLY_DEFINITIONS,
  };
}
