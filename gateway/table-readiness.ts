// A table whose snapshot has begun and not finished (the first snapshot, or a re-snapshot after
// quarantine) holds only part of its rows: an answer from it would be wrong, so a statement that
// reads it is refused, naming the table, how far its load is and about how long it has to go. A
// session that set instaquery_wait_timeout waits for the load instead, up to that many seconds.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readLoadingTables, type LoadingTable } from '../store/index.ts';
import type { RelationRead } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';

/** Rows per second each loading table has gone at, from the first time this process saw it loading. */
const firstSeen = new Map<string, { at: number; rows: number }>();

function eta(t: LoadingTable): string {
  const key = `${t.db}.${t.table}`;
  const seen = firstSeen.get(key) ?? firstSeen.set(key, { at: Date.now(), rows: t.rowsDone }).get(key)!;
  const rate = (t.rowsDone - seen.rows) / ((Date.now() - seen.at) / 1000);
  if (t.rowsEstimated === null || !(rate > 0)) return 'time left not known yet';
  return `about ${Math.max(1, Math.round(Math.max(0, t.rowsEstimated - t.rowsDone) / rate))} s left`;
}

/** The relations among `reads` that are still loading. */
async function loading(conn: DuckDBConnection, reads: readonly RelationRead[]): Promise<LoadingTable[]> {
  const named = reads.filter((r) => r.db !== null);
  if (named.length === 0) return [];
  const all = await readLoadingTables(conn);
  // A table no longer loading is forgotten: its next load measures its own rate.
  for (const key of firstSeen.keys()) if (!all.some((t) => `${t.db}.${t.table}` === key)) firstSeen.delete(key);
  if (all.length === 0) return [];
  return all.filter((t) => named.some((r) => r.db!.toLowerCase() === t.db.toLowerCase() && r.table.toLowerCase() === t.table.toLowerCase()));
}

/**
 * Resolves when no table the statement reads is loading; throws 1412 (MySQL's "table definition
 * has changed, please retry") naming the first one that is, after waiting up to `waitSeconds`.
 */
export async function awaitLoadedTables(conn: DuckDBConnection, reads: readonly RelationRead[], waitSeconds: number): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    const pending = await loading(conn, reads);
    if (pending.length === 0) return;
    if (Date.now() >= deadline) {
      const t = pending[0]!;
      const of = t.rowsEstimated !== null ? ` of about ${t.rowsEstimated}` : '';
      throw new SqlError('TABLE_DEF_CHANGED', `Table '${t.db}.${t.table}' is being loaded by a snapshot (${t.rowsDone}${of} rows so far, ${eta(t)}): its rows are not all there yet, so instaquery does not answer from it; retry later, or SET instaquery_wait_timeout = <seconds> to wait for it`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
