// Source offsets live in the store, written in the same DuckDB transaction as the rows they
// cover: after a crash the store and its offset always agree (exactly once into the store).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceOffset } from '../core/index.ts';

export const META_SCHEMA = '_instaquery';

export async function createOffsetTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${META_SCHEMA}`);
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.source_offsets (
    connector VARCHAR PRIMARY KEY, file VARCHAR NOT NULL, pos BIGINT NOT NULL, gtid VARCHAR,
    snapshot_completed BOOLEAN NOT NULL, updated_at TIMESTAMP NOT NULL)`);
}

export async function readOffset(conn: DuckDBConnection, connector: string): Promise<SourceOffset | null> {
  const reader = await conn.runAndReadAll(
    `SELECT file, pos, gtid, snapshot_completed FROM ${META_SCHEMA}.source_offsets WHERE connector = $1`,
    [connector],
  );
  const row = reader.getRowsJS()[0];
  if (!row) return null;
  return { file: String(row[0]), pos: Number(row[1]), gtid: row[2] === null ? null : String(row[2]), snapshotCompleted: row[3] === true };
}

/** Must run inside the caller's transaction. */
export async function writeOffset(conn: DuckDBConnection, connector: string, offset: SourceOffset): Promise<void> {
  await conn.run(
    `INSERT OR REPLACE INTO ${META_SCHEMA}.source_offsets VALUES ($1, $2, $3, $4, $5, now()::TIMESTAMP)`,
    [connector, offset.file, offset.pos, offset.gtid, offset.snapshotCompleted],
  );
}

export async function clearOffset(conn: DuckDBConnection, connector: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.source_offsets WHERE connector = $1`, [connector]);
}
