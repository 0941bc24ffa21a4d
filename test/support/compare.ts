// Compares tables between the source MariaDB and the gateway, row by row in primary-key order.
import type mysql from 'mysql2/promise';

type Rows = Record<string, unknown>[];

async function primaryKey(source: mysql.Connection, db: string, table: string): Promise<string[]> {
  const [rows] = await source.query(
    "SELECT COLUMN_NAME AS c FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION",
    [db, table],
  );
  return (rows as Rows).map((r) => String(r.c));
}

export interface TableDifference {
  table: string;
  sourceRows: number;
  storeRows: number;
  firstDifference?: { source: unknown; store: unknown };
}

/** Null when equal, otherwise what differs first. */
export async function diffTable(source: mysql.Connection, gateway: mysql.Connection, db: string, table: string): Promise<TableDifference | null> {
  const pk = await primaryKey(source, db, table);
  const order = pk.length > 0 ? ` ORDER BY ${pk.map((c) => `\`${c}\``).join(', ')}` : '';
  const sql = `SELECT * FROM \`${db}\`.\`${table}\`${order}`;
  const [a] = await source.query(sql);
  const [b] = await gateway.query(sql);
  const left = a as Rows;
  const right = b as Rows;
  const n = Math.max(left.length, right.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(left[i]) !== JSON.stringify(right[i])) {
      return { table, sourceRows: left.length, storeRows: right.length, firstDifference: { source: left[i], store: right[i] } };
    }
  }
  return null;
}

export async function diffDatabase(source: mysql.Connection, gateway: mysql.Connection, db: string): Promise<TableDifference[]> {
  const [tables] = await source.query("SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1", [db]);
  const diffs: TableDifference[] = [];
  for (const { t } of tables as { t: string }[]) {
    const d = await diffTable(source, gateway, db, t);
    if (d) diffs.push(d);
  }
  return diffs;
}
