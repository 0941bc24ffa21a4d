// Source vs store comparisons for tests, through the product's own verifier (`instaquery verify`).
import type mysql from 'mysql2/promise';
import { verifyTable, type TableReport } from '../../runtime/verify/index.ts';
import type { TableSchema } from '../../core/index.ts';

type Rows = Record<string, unknown>[];

async function keyOf(source: mysql.Connection, db: string, table: string): Promise<Pick<TableSchema, 'columns' | 'primaryKey'>> {
  const [rows] = await source.query(
    `SELECT k.COLUMN_NAME AS name, c.COLUMN_TYPE AS columnType FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.COLUMN_NAME = k.COLUMN_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.CONSTRAINT_NAME = 'PRIMARY' ORDER BY k.ORDINAL_POSITION`,
    [db, table],
  );
  const columns = (rows as Rows).map((r) => ({ name: String(r.name), columnType: String(r.columnType), nullable: false }));
  return { columns, primaryKey: columns.map((c) => c.name) };
}

const fast = { chunkSize: 5000, retries: 0, retryDelayMs: 0 };

/** Null when equal, otherwise the verifier's report. */
export async function diffTable(source: mysql.Connection, gateway: mysql.Connection, db: string, table: string): Promise<TableReport | null> {
  const report = await verifyTable(source, gateway, db, table, await keyOf(source, db, table), fast);
  return report.differences.length === 0 ? null : report;
}

export async function diffDatabase(source: mysql.Connection, gateway: mysql.Connection, db: string): Promise<TableReport[]> {
  const [tables] = await source.query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1", [db]);
  const diffs: TableReport[] = [];
  for (const { t } of tables as { t: string }[]) {
    const d = await diffTable(source, gateway, db, t);
    if (d) diffs.push(d);
  }
  return diffs;
}
