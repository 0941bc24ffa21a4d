// Source vs store comparisons for tests, through the product's own verifier (`instaquery verify`).
import type mysql from 'mysql2/promise';
import { verifyTable, type TableReport } from '../../runtime/verify/index.ts';

type Rows = Record<string, unknown>[];

async function primaryKey(source: mysql.Connection, db: string, table: string): Promise<string[]> {
  const [rows] = await source.query(
    "SELECT COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION",
    [db, table],
  );
  return (rows as Rows).map((r) => String(r.c));
}

const fast = { chunkSize: 5000, retries: 0, retryDelayMs: 0 };

/** Null when equal, otherwise the verifier's report. */
export async function diffTable(source: mysql.Connection, gateway: mysql.Connection, db: string, table: string): Promise<TableReport | null> {
  const report = await verifyTable(source, gateway, db, table, await primaryKey(source, db, table), fast);
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
