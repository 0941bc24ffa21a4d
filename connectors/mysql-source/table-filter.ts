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
}

export function tableFilter(config: MySqlSourceConfig): TableFilter {
  const dbInclude = anchored(config['database.include.list']);
  const dbExclude = anchored(config['database.exclude.list']);
  const tableInclude = anchored(config['table.include.list']);
  const tableExclude = anchored(config['table.exclude.list']);
  const includesDatabase = (db: string): boolean => {
    if (SYSTEM_DATABASES.has(db.toLowerCase())) return false;
    if (dbInclude) return dbInclude.some((r) => r.test(db));
    if (dbExclude) return !dbExclude.some((r) => r.test(db));
    return true;
  };
  return {
    includesDatabase,
    includesTable(db, table) {
      if (!includesDatabase(db)) return false;
      const name = `${db}.${table}`;
      if (tableInclude) return tableInclude.some((r) => r.test(name));
      if (tableExclude) return !tableExclude.some((r) => r.test(name));
      return true;
    },
  };
}
