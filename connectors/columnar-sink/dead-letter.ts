// Records the sink could not apply (behavior.on.exception = LOG), kept in the store where the
// gateway shows them: SELECT * FROM _instaquery.dead_letter.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceOffset } from '../mysql-source/index.ts';
import { META_SCHEMA } from './offset-store.ts';

export interface DeadLetter {
  db: string;
  table: string;
  op: string;
  /** The record as staged: column → text. */
  record: Record<string, string | null>;
  error: string;
}

export async function createDeadLetterTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.dead_letter (
    connector VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL, db VARCHAR NOT NULL, tbl VARCHAR NOT NULL,
    op VARCHAR NOT NULL, record JSON NOT NULL, error VARCHAR NOT NULL, file VARCHAR, pos BIGINT)`);
}

/** Must run inside the caller's transaction, with the changes it stands beside. */
/** `offset` null: a snapshot record (no binlog position of its own). */
export async function writeDeadLetters(conn: DuckDBConnection, connector: string, offset: SourceOffset | null, letters: DeadLetter[]): Promise<void> {
  for (const l of letters) {
    await conn.run(`INSERT INTO ${META_SCHEMA}.dead_letter VALUES ($1, now()::TIMESTAMP, $2, $3, $4, $5, $6, $7, $8)`, [
      connector,
      l.db,
      l.table,
      l.op,
      JSON.stringify(l.record),
      l.error,
      offset?.file ?? null,
      offset?.pos ?? null,
    ]);
  }
}
