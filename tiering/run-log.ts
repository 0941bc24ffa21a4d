// The history of tiering runs, one row per partition moved, in the store: `frozen` is written in
// the freeze's own transaction and `archived` in the switch's, so after a crash the log says
// exactly which step each partition reached (and recovery finishes the frozen ones).
import type { DuckDBConnection } from '@duckdb/node-api';

const RUNS = '_instaquery.tier_runs';

export type RunState = 'frozen' | 'archived' | 'restored' | 'failed';

export interface TierRun {
  run_id: string;
  table: string;
  partition: string;
  kind: 'archive' | 'restore';
  trigger: 'schedule' | 'manual' | 'recovery';
  state: RunState;
  started_at: string;
  finished_at: string | null;
  rows: number | null;
  files: number | null;
  bytes: number | null;
  error: string | null;
}

export async function createRunLog(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${RUNS} (
    run_id VARCHAR PRIMARY KEY, db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, part VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    trigger VARCHAR NOT NULL, state VARCHAR NOT NULL, started_at TIMESTAMP NOT NULL, finished_at TIMESTAMP,
    rows BIGINT, files INTEGER, bytes BIGINT, error VARCHAR)`);
}

export async function recordRun(conn: DuckDBConnection, run: { runId: string; db: string; table: string; partition: string; kind: TierRun['kind']; trigger: TierRun['trigger']; state: RunState; rows?: number; files?: number; bytes?: number }): Promise<void> {
  const finished = run.state === 'frozen' ? null : new Date().toISOString();
  await conn.run(
    `INSERT INTO ${RUNS} VALUES ($1, $2, $3, $4, $5, $6, $7, now()::TIMESTAMP, $8::TIMESTAMP, $9, $10, $11, NULL)`,
    [run.runId, run.db, run.table, run.partition, run.kind, run.trigger, run.state, finished, run.rows ?? null, run.files ?? null, run.bytes ?? null],
  );
}

export async function finishRun(conn: DuckDBConnection, runId: string, outcome: { state: RunState; rows?: number; files?: number; bytes?: number; error?: string }): Promise<void> {
  await conn.run(`UPDATE ${RUNS} SET state = $2, finished_at = now()::TIMESTAMP, rows = $3, files = $4, bytes = $5, error = $6 WHERE run_id = $1`, [
    runId,
    outcome.state,
    outcome.rows ?? null,
    outcome.files ?? null,
    outcome.bytes ?? null,
    outcome.error ?? null,
  ]);
}

/** The run that froze db.table's partition `p` and has not finished: recovery continues it. */
export async function openRun(conn: DuckDBConnection, db: string, table: string, p: string): Promise<string | null> {
  const reader = await conn.runAndReadAll(`SELECT run_id FROM ${RUNS} WHERE db = $1 AND tbl = $2 AND part = $3 AND state = 'frozen' ORDER BY started_at DESC LIMIT 1`, [db, table, p]);
  const row = reader.getRowsJS()[0];
  return row ? String(row[0]) : null;
}

export async function recentRuns(conn: DuckDBConnection, limit = 50): Promise<TierRun[]> {
  const reader = await conn.runAndReadAll(
    `SELECT run_id, db || '.' || tbl, part, kind, trigger, state, strftime(started_at, '%Y-%m-%dT%H:%M:%S.%gZ'), strftime(finished_at, '%Y-%m-%dT%H:%M:%S.%gZ'), rows, files, bytes, error
     FROM ${RUNS} ORDER BY started_at DESC, run_id DESC LIMIT ${limit}`,
  );
  return reader.getRowsJS().map(([run_id, table, partition, kind, trigger, state, started, finished, rows, files, bytes, error]) => ({
    run_id: String(run_id),
    table: String(table),
    partition: String(partition),
    kind: kind as TierRun['kind'],
    trigger: trigger as TierRun['trigger'],
    state: state as RunState,
    started_at: String(started),
    finished_at: finished === null ? null : String(finished),
    rows: rows === null ? null : Number(rows),
    files: files === null ? null : Number(files),
    bytes: bytes === null ? null : Number(bytes),
    error: error === null ? null : String(error),
  }));
}
