// Per-table snapshot progress, written in the same transaction as each chunk of rows, so a
// snapshot interrupted by a crash resumes after the last chunk that reached the store.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableSnapshotProgress } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';

export async function createProgressTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.snapshot_progress (
    connector VARCHAR NOT NULL, db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, last_key JSON, rows_done BIGINT NOT NULL,
    done BOOLEAN NOT NULL, PRIMARY KEY (connector, db, tbl))`);
  await conn.run(`ALTER TABLE ${META_SCHEMA}.snapshot_progress ADD COLUMN IF NOT EXISTS rows_estimated BIGINT`);
}

/** Must run inside the caller's transaction. */
export async function writeProgress(conn: DuckDBConnection, connector: string, db: string, table: string, p: TableSnapshotProgress): Promise<void> {
  await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.snapshot_progress (connector, db, tbl, last_key, rows_done, done, rows_estimated) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    connector,
    db,
    table,
    p.lastKey === null ? null : JSON.stringify(p.lastKey),
    p.rowsDone,
    p.done,
    p.rowsEstimated ?? null,
  ]);
}

export async function readProgress(conn: DuckDBConnection, connector: string): Promise<Map<string, TableSnapshotProgress>> {
  const reader = await conn.runAndReadAll(`SELECT db, tbl, last_key::VARCHAR, rows_done, done FROM ${META_SCHEMA}.snapshot_progress WHERE connector = $1`, [connector]);
  const out = new Map<string, TableSnapshotProgress>();
  for (const [db, tbl, key, rows, done] of reader.getRowsJS()) {
    out.set(`${db}.${tbl}`, { lastKey: key === null ? null : (JSON.parse(String(key)) as unknown[]), rowsDone: Number(rows), done: done === true });
  }
  return out;
}

export async function clearProgress(conn: DuckDBConnection, connector: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.snapshot_progress WHERE connector = $1`, [connector]);
}

/** A table whose rows are not all in the store yet: the gateway answers nothing from it. */
export interface LoadingTable {
  db: string;
  table: string;
  rowsDone: number;
  rowsEstimated: number | null;
}

/** Every table some connector's snapshot has begun and not finished (none in a store without the table). */
export async function readLoadingTables(conn: DuckDBConnection): Promise<LoadingTable[]> {
  let rows: unknown[][];
  try {
    rows = (await conn.runAndReadAll(`SELECT db, tbl, rows_done, rows_estimated FROM ${META_SCHEMA}.snapshot_progress WHERE NOT done`)).getRowsJS();
  } catch {
    return [];
  }
  return rows.map(([db, tbl, done, estimated]) => ({ db: String(db), table: String(tbl), rowsDone: Number(done), rowsEstimated: estimated === null ? null : Number(estimated) }));
}
