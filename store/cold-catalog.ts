// What of a table is archived (tiering): per range partition, the Parquet files that hold it and
// the columns they were written with, plus the table's tombstone epoch. Kept in the store so the
// view over hot and cold rows is rebuilt from it after any restart, and changed only in the same
// transaction that switches the view: the store and its cold set never disagree.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableName } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';

export interface ColdFile {
  path: string;
  rows: number;
  bytes: number;
  bucket: number;
}

export interface ColdPartition {
  files: ColdFile[];
  /** The columns the files hold; columns the table gained later read as NULL. */
  columns: string[];
  runId: string;
}

export async function createColdCatalog(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.cold_partitions (
    db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, part VARCHAR NOT NULL, files JSON NOT NULL, columns JSON NOT NULL,
    run_id VARCHAR NOT NULL, PRIMARY KEY (db, tbl, part))`);
  // Tombstones written now carry the table's epoch; freezing a partition starts a new one.
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.cold_epochs (db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, epoch BIGINT NOT NULL, PRIMARY KEY (db, tbl))`);
}

export async function loadCold(conn: DuckDBConnection, t: TableName): Promise<{ cold: Map<string, ColdPartition>; epoch: number }> {
  const parts = await conn.runAndReadAll(`SELECT part, files::VARCHAR, columns::VARCHAR, run_id FROM ${META_SCHEMA}.cold_partitions WHERE db = $1 AND tbl = $2`, [t.db, t.table]);
  const cold = new Map<string, ColdPartition>();
  for (const [part, files, columns, runId] of parts.getRowsJS()) cold.set(String(part), { files: JSON.parse(String(files)), columns: JSON.parse(String(columns)), runId: String(runId) });
  const epoch = await conn.runAndReadAll(`SELECT epoch FROM ${META_SCHEMA}.cold_epochs WHERE db = $1 AND tbl = $2`, [t.db, t.table]);
  return { cold, epoch: Number(epoch.getRowsJS()[0]?.[0] ?? 0) };
}

export async function writeColdPartition(conn: DuckDBConnection, t: TableName, part: string, cold: ColdPartition | null): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.cold_partitions WHERE db = $1 AND tbl = $2 AND part = $3`, [t.db, t.table, part]);
  if (cold) await conn.run(`INSERT INTO ${META_SCHEMA}.cold_partitions VALUES ($1, $2, $3, $4, $5, $6)`, [t.db, t.table, part, JSON.stringify(cold.files), JSON.stringify(cold.columns), cold.runId]);
}

export async function writeEpoch(conn: DuckDBConnection, t: TableName, epoch: number): Promise<void> {
  await conn.run(`INSERT OR REPLACE INTO ${META_SCHEMA}.cold_epochs VALUES ($1, $2, $3)`, [t.db, t.table, epoch]);
}

/** Every file any table's cold set references: what orphan cleanup must keep. */
export async function referencedColdFiles(conn: DuckDBConnection): Promise<Set<string>> {
  const reader = await conn.runAndReadAll(`SELECT files::VARCHAR FROM ${META_SCHEMA}.cold_partitions`);
  return new Set(reader.getRowsJS().flatMap(([files]) => (JSON.parse(String(files)) as ColdFile[]).map((f) => f.path)));
}

/** A dropped (or re-snapshotted) table forgets its cold set; its files become orphans. */
export async function forgetCold(conn: DuckDBConnection, t: TableName): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.cold_partitions WHERE db = $1 AND tbl = $2`, [t.db, t.table]);
  await conn.run(`DELETE FROM ${META_SCHEMA}.cold_epochs WHERE db = $1 AND tbl = $2`, [t.db, t.table]);
}

export async function renameCold(conn: DuckDBConnection, from: TableName, to: TableName): Promise<void> {
  for (const table of ['cold_partitions', 'cold_epochs']) {
    await conn.run(`UPDATE ${META_SCHEMA}.${table} SET db = $3, tbl = $4 WHERE db = $1 AND tbl = $2`, [from.db, from.table, to.db, to.table]);
  }
}
