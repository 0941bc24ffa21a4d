// Reads the included tables' schemas from the source's information_schema.
import type mysql from 'mysql2/promise';
import type { SchemaChange, TableOptions, TableSchema } from '../../core/index.ts';
import { catalogDefault } from './column-default.ts';
import { tableFilter, type TableFilter } from './table-filter.ts';
import { applyDecimalMode } from './row-projection.ts';
import type { MySqlSourceConfig } from './config.ts';
import { connectSource } from './preflight.ts';

type Rows = Record<string, unknown>[];

export async function readTableSchemas(conn: mysql.Connection, filter: TableFilter, only?: { db: string; table: string }): Promise<TableSchema[]> {
  const narrow = only ? ' AND c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ?' : '';
  const [rows] = await conn.query(
    `SELECT c.TABLE_SCHEMA AS db, c.TABLE_NAME AS tbl, c.COLUMN_NAME AS name, c.COLUMN_TYPE AS column_type, c.COLLATION_NAME AS collation,
            c.IS_NULLABLE AS nullable, k.ORDINAL_POSITION AS pk_position, c.COLUMN_DEFAULT AS column_default, c.EXTRA AS extra,
            c.COLUMN_COMMENT AS column_comment, t.ENGINE AS engine, t.TABLE_COLLATION AS table_collation,
            t.CREATE_OPTIONS AS create_options, t.TABLE_COMMENT AS table_comment, t.AUTO_INCREMENT AS auto_increment, @@version LIKE '%MariaDB%' AS mariadb
       FROM information_schema.COLUMNS c
       JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
       LEFT JOIN information_schema.KEY_COLUMN_USAGE k
         ON k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME AND k.COLUMN_NAME = c.COLUMN_NAME AND k.CONSTRAINT_NAME = 'PRIMARY'
      WHERE c.TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')${narrow}
      ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION`,
    only ? [only.db, only.table] : [],
  );
  const jsonColumns = await mariaDbJsonColumns(conn);
  const tables = new Map<string, TableSchema & { pk: [number, string][] }>();
  for (const r of rows as Rows) {
    const db = String(r.db);
    const table = String(r.tbl);
    if (!filter.includesTable(db, table)) continue;
    const key = `${db}.${table}`;
    let t = tables.get(key);
    if (!t) {
      t = { db, table, columns: [], primaryKey: [], pk: [], options: tableOptions(r) };
      tables.set(key, t);
    }
    const columnType = jsonColumns.has(`${key}.${String(r.name)}`) ? 'json' : String(r.column_type);
    const nullable = r.nullable === 'YES';
    const shown = catalogDefault(Number(r.mariadb) === 1, columnType, nullable, r.column_default === null || r.column_default === undefined ? null : String(r.column_default), String(r.extra ?? ''));
    t.columns.push({
      name: String(r.name),
      columnType,
      nullable,
      ...(r.collation && columnType !== 'json' ? { collation: String(r.collation) } : {}),
      ...(shown.columnDefault !== undefined ? { columnDefault: shown.columnDefault } : {}),
      ...(shown.extra ? { extra: shown.extra } : {}),
      ...(r.column_comment ? { comment: String(r.column_comment) } : {}),
    });
    if (r.pk_position !== null && r.pk_position !== undefined) t.pk.push([Number(r.pk_position), String(r.name)]);
  }
  return [...tables.values()].map(({ pk, ...t }) => {
    const primaryKey = pk.sort((a, b) => a[0] - b[0]).map(([, n]) => n);
    // Excluded columns do not exist downstream; key columns always do.
    const columns = t.columns.filter((c) => primaryKey.includes(c.name) || filter.includesColumn(t.db, t.table, c.name));
    return applyDecimalMode({ ...t, columns, primaryKey }, filter.decimalMode);
  });
}

/** The table's ENGINE, collation, CREATE_OPTIONS (less `partitioned`, which the store decides), COMMENT and counter. */
function tableOptions(r: Record<string, unknown>): TableOptions {
  const createOptions = String(r.create_options ?? '')
    .split(/\s+/)
    .filter((o) => o && o !== 'partitioned')
    .join(' ');
  return {
    ...(r.engine ? { engine: String(r.engine) } : {}),
    ...(r.table_collation ? { collation: String(r.table_collation) } : {}),
    ...(createOptions ? { createOptions } : {}),
    ...(r.table_comment ? { comment: String(r.table_comment) } : {}),
    ...(r.auto_increment !== null && r.auto_increment !== undefined ? { autoIncrement: String(r.auto_increment) } : {}),
    // Whether the source partitions it (ddl-partitioning.ts follows it in the binlog).
    ...(String(r.create_options ?? '').split(/\s+/).includes('partitioned') ? { sourcePartitioned: true } : {}),
  };
}

/**
 * MariaDB's JSON is LONGTEXT plus a `json_valid(col)` CHECK named after the column, so
 * information_schema says 'longtext'; the check is what marks it JSON. Empty on MySQL, whose
 * COLUMN_TYPE already says 'json'.
 */
async function mariaDbJsonColumns(conn: mysql.Connection): Promise<Set<string>> {
  try {
    const [rows] = await conn.query(
      "SELECT CONSTRAINT_SCHEMA AS db, TABLE_NAME AS tbl, CONSTRAINT_NAME AS col FROM information_schema.CHECK_CONSTRAINTS WHERE CHECK_CLAUSE = CONCAT('json_valid(`', CONSTRAINT_NAME, '`)')",
    );
    return new Set((rows as Rows).map((r) => `${String(r.db)}.${String(r.tbl)}.${String(r.col)}`));
  } catch {
    return new Set();
  }
}

/** The tables a connector config includes, as the source has them now. */
export async function includedTables(config: MySqlSourceConfig): Promise<TableSchema[]> {
  const conn = await connectSource(config);
  try {
    return await readTableSchemas(conn, tableFilter(config));
  } finally {
    await conn.end().catch(() => undefined);
  }
}

type ViewChange = Extract<SchemaChange, { kind: 'view' }>;

/**
 * The followed databases' views as the snapshot sees them (their SELECT as the server keeps it),
 * ordered so a view comes after the views it reads.
 */
export async function readViews(conn: mysql.Connection, filter: TableFilter): Promise<ViewChange[]> {
  const [rows] = await conn.query(
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name, VIEW_DEFINITION AS definition FROM information_schema.VIEWS
      WHERE TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY TABLE_SCHEMA, TABLE_NAME`,
  );
  const pending: ViewChange[] = (rows as Rows)
    .filter((r) => filter.includesTable(String(r.db), String(r.name)))
    .map((r) => ({ kind: 'view', db: String(r.db), view: String(r.name), definition: String(r.definition), columnNames: null }));
  const ordered: ViewChange[] = [];
  const mentions = (v: ViewChange, other: ViewChange) => v !== other && v.definition.includes(`\`${other.view}\``);
  while (pending.length > 0) {
    const next = pending.findIndex((v) => !pending.some((other) => mentions(v, other)));
    // A cycle cannot exist in MySQL; take the first to be safe.
    ordered.push(...pending.splice(Math.max(next, 0), 1));
  }
  return ordered;
}
