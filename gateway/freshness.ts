// Freshness an application can see and ask for. SHOW STATUS LIKE 'instaquery_%' reports, per
// source, how far behind the store is. Read-your-writes: after writing to MySQL, an app takes the
// transaction's GTID (MariaDB: @@last_gtid; MySQL: from the session tracker) and either calls
// MASTER_GTID_WAIT(gtid, timeout) (MariaDB's function) / WAIT_FOR_EXECUTED_GTID_SET(gtid,
// timeout) (MySQL's) on the gateway, or sets @@session.instaquery_wait_for_gtid so every read
// waits until the store holds that transaction.

import { SqlError } from './sql-errors.ts';

export interface SourceFreshness {
  name: string;
  phase: string;
  /** GTID of the last source transaction the store holds. */
  gtid: string | null;
  millisBehindSource: number | null;
}

/** Whether the store, at `applied` (the last applied transaction's GTID), holds `wanted`. */
export function gtidReached(applied: string | null, wanted: string): boolean {
  if (!applied) return false;
  return wanted
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '')
    .every((g) => {
      // MariaDB: domain-server-seq; the same domain at an equal or later sequence holds it.
      const mariadb = /^(\d+)-(\d+)-(\d+)$/.exec(g);
      if (mariadb) {
        return applied.split(',').some((a) => {
          const m = /^(\d+)-\d+-(\d+)$/.exec(a.trim());
          return m !== null && m[1] === mariadb[1] && BigInt(m[2]!) >= BigInt(mariadb[3]!);
        });
      }
      // MySQL: uuid:n or uuid:a-b; the same source uuid at an equal or later transaction number.
      const mysql = /^([0-9a-f-]{36}):(?:\d+-)?(\d+)$/i.exec(g);
      if (mysql) {
        return applied.split(',').some((a) => {
          const m = /^([0-9a-f-]{36}):(?:\d+-)?(\d+)$/i.exec(a.trim());
          return m !== null && m[1]!.toLowerCase() === mysql[1]!.toLowerCase() && BigInt(m[2]!) >= BigInt(mysql[2]!);
        });
      }
      return false;
    });
}

/**
 * Waits until some source's applied GTID reaches `wanted`, polling every 10 ms; false after
 * `timeoutMs`.
 */
export async function waitForGtid(sources: () => SourceFreshness[], wanted: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (sources().some((s) => gtidReached(s.gtid, wanted))) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** With @@session.instaquery_wait_for_gtid set, a read waits until the store holds that transaction. */
export async function waitForSessionGtid(vars: ReadonlyMap<string, string>, sources: () => SourceFreshness[]): Promise<void> {
  const wanted = vars.get('instaquery_wait_for_gtid') ?? '';
  if (wanted === '') return;
  const seconds = Number(vars.get('instaquery_wait_timeout') ?? 10);
  if (await waitForGtid(sources, wanted, seconds * 1000)) return;
  const lag = sources().map((s) => `${s.name} at ${s.gtid ?? 'no GTID yet'}, ${s.millisBehindSource ?? '?'} ms behind`).join('; ');
  throw new SqlError('QUERY_TIMEOUT', `Query execution was interrupted: the store has not reached GTID ${wanted} within instaquery_wait_timeout (${seconds} s); sources: ${lag || 'none'}`);
}

/** `SELECT MASTER_GTID_WAIT('g'[, timeout])` or `SELECT WAIT_FOR_EXECUTED_GTID_SET('g'[, timeout])`. */
export function parseGtidWait(sql: string): { fn: 'MASTER_GTID_WAIT' | 'WAIT_FOR_EXECUTED_GTID_SET'; gtid: string; timeoutSeconds: number | null; alias: string } | null {
  const m = /^\s*select\s+((master_gtid_wait|wait_for_executed_gtid_set)\s*\(\s*'([^']*)'\s*(?:,\s*([\d.]+)\s*)?\))(?:\s+(?:as\s+)?[`'"]?([A-Za-z0-9_]+)[`'"]?)?\s*;?\s*$/i.exec(sql);
  if (!m) return null;
  return { fn: m[2]!.toUpperCase() as 'MASTER_GTID_WAIT' | 'WAIT_FOR_EXECUTED_GTID_SET', gtid: m[3]!, timeoutSeconds: m[4] ? Number(m[4]) : null, alias: m[5] ?? m[1]! };
}

/** SHOW STATUS rows: instaquery_<source>_{phase,gtid,millis_behind_source}. */
export function freshnessStatus(sources: SourceFreshness[]): [string, string][] {
  return sources.flatMap((s) => [
    [`instaquery_${s.name}_phase`, s.phase],
    [`instaquery_${s.name}_gtid`, s.gtid ?? ''],
    [`instaquery_${s.name}_millis_behind_source`, s.millisBehindSource === null ? '' : String(s.millisBehindSource)],
  ]);
}
