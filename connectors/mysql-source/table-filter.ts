// Debezium's include/exclude lists: comma-separated regular expressions, each matched against the
// whole name (`db` for database lists, `db.table` for table lists), never a substring.
import type { MySqlSourceConfig } from './config.ts';

const SYSTEM_DATABASES = new Set(['mysql', 'information_schema', 'performance_schema', 'sys']);

function anchored(patterns: string[] | undefined): RegExp[] | undefined {
  return patterns?.map((p) => new RegExp(`^(?:${p})$`, 'i'));
}

export interface TableFilter {
  includesDatabase(db: string): boolean;
  includesTable(db: string, table: string): boolean;
  /** `column.include.list` / `column.exclude.list`, matched against `db.table.column`. */
  includesColumn(db: string, table: string, column: string): boolean;
  /** How many '*' replace the column's text (`column.mask.with.N.chars`), or undefined. */
  maskOf(db: string, table: string, column: string): number | undefined;
  /** decimal.handling.mode, applied wherever a table's schema is read. */
  decimalMode: MySqlSourceConfig['decimal.handling.mode'];
}

export function tableFilter(config: MySqlSourceConfig): TableFilter {
  const dbInclude = anchored(config['database.include.list']);
  const dbExclude = anchored(config['database.exclude.list']);
  const tableInclude = anchored(config['table.include.list']);
  const tableExclude = anchored(config['table.exclude.list']);
  const columnInclude = anchored(config['column.include.list']);
  const columnExclude = anchored(config['column.exclude.list']);
  const masks = config.columnMasks.map((m) => ({ chars: m.chars, patterns: anchored(m.columns)! }));
  const includesDatabase = (db: string): boolean => {
    if (SYSTEM_DATABASES.has(db.toLowerCase())) return false;
    if (dbInclude) return dbInclude.some((r) => r.test(db));
    if (dbExclude) return !dbExclude.some((r) => r.test(db));
    return true;
  };
  return {
    decimalMode: config['decimal.handling.mode'],
    includesDatabase,
    includesTable(db, table) {
      if (!includesDatabase(db)) return false;
      const name = `${db}.${table}`;
      if (tableInclude) return tableInclude.some((r) => r.test(name));
      if (tableExclude) return !tableExclude.some((r) => r.test(name));
      return true;
    },
    includesColumn(db, table, column) {
      const name = `${db}.${table}.${column}`;
      if (columnInclude) return columnInclude.some((r) => r.test(name));
      if (columnExclude) return !columnExclude.some((r) => r.test(name));
      return true;
    },
    maskOf(db, table, column) {
      const name = `${db}.${table}.${column}`;
      return masks.find((m) => m.patterns.some((r) => r.test(name)))?.chars;
    },
  };
}
