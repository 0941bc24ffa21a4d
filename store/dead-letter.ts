// Records the sink could not apply (behavior.on.exception = LOG), kept in the store beside the
// rows they belong with; read through the REST API (GET /connectors/{name}/dead-letters), since no
// gateway user reads the store's own schemas.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceOffset } from '../core/index.ts';
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

/** A dead letter as the REST API shows it. */
export interface StoredDeadLetter extends DeadLetter {
  connector: string;
  recordedAt: string;
  /** The binlog position of its transaction; null for a snapshot record. */
  file: string | null;
  pos: number | null;
}

/** The connector's dead letters, oldest first, at most `limit`. */
export async function readDeadLetters(conn: DuckDBConnection, connector: string, limit: number): Promise<StoredDeadLetter[]> {
  const reader = await conn.runAndReadAll(
    `SELECT connector, strftime(recorded_at, '%Y-%m-%d %H:%M:%S.%f'), db, tbl, op, record::VARCHAR, error, file, pos FROM ${META_SCHEMA}.dead_letter WHERE connector = $1 ORDER BY recorded_at, rowid LIMIT ${Math.max(0, Math.floor(limit))}`,
    [connector],
  );
  return reader.getRowsJS().map(([c, at, db, table, op, record, error, file, pos]) => ({
    connector: String(c),
    recordedAt: String(at),
    db: String(db),
    table: String(table),
    op: String(op),
    record: JSON.parse(String(record)) as Record<string, string | null>,
    error: String(error),
    file: file === null ? null : String(file),
    pos: pos === null ? null : Number(pos),
  }));
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
