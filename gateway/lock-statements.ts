// The statements mysqldump and other tools send around their reads that a read-only copy answers
// itself: LOCK/UNLOCK TABLES, FLUSH, and SET TRANSACTION (isolation level, access mode).
// The store follows the source continuously, so it cannot hold tables still the way a lock on the
// source does: LOCK TABLES … READ and FLUSH … WITH READ LOCK are refused with a message saying
// what to use instead, rather than accepted as a lock that would not hold; WRITE locks get the
// read-only error a replica gives. UNLOCK TABLES succeeds: nothing here is ever locked.
import { SqlError } from './sql-errors.ts';
import type { QueryResult } from './result-set.ts';

const READ_ONLY = (sql: string) =>
  new SqlError('OPTION_PREVENTS_STATEMENT', `The MySQL server is running with the --read-only option so it cannot execute this statement (instaquery is a read-only copy: '${sql.trim().slice(0, 60)}')`);

/** LOCK, UNLOCK and FLUSH: OK for UNLOCK TABLES, else the error; null for any other statement. */
export function answerLockStatement(sql: string): QueryResult | null {
  const text = sql.replace(/^(\s|\/\*[\s\S]*?\*\/)*/, '');
  if (/^unlock\s+tables?\s*;?\s*$/i.test(text)) return { kind: 'ok' };
  if (/^lock\s+tables?\b/i.test(text)) {
    if (/\bwrite\b/i.test(text)) throw READ_ONLY(sql);
    throw new SqlError(
      'NOT_SUPPORTED_YET',
      "This version of instaquery doesn't yet support 'LOCK TABLES': the store follows the source continuously and cannot hold tables still (mariadb-dump/mysqldump: use --single-transaction or --skip-lock-tables)",
    );
  }
  if (/^flush\b/i.test(text)) {
    throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${text.trim().slice(0, 60)}': the store has no tables, logs or caches a client flushes (mariadb-dump/mysqldump: drop --flush-logs, --master-data and --lock-all-tables)`);
  }
  return null;
}

const LEVELS: Record<string, string> = { 'READ UNCOMMITTED': 'READ-UNCOMMITTED', 'READ COMMITTED': 'READ-COMMITTED', 'REPEATABLE READ': 'REPEATABLE-READ', SERIALIZABLE: 'SERIALIZABLE' };

/**
 * `SET [GLOBAL | SESSION] TRANSACTION characteristic[, …]`: the isolation level shows in
 * @@tx_isolation / @@transaction_isolation as on the server; the access mode is accepted (every
 * read here is read-only, and a write is refused whatever it says). False: not this statement.
 */
export function applySetTransaction(sql: string, vars: Map<string, string>, unrestricted: boolean): boolean {
  const m = /^\s*set\s+(?:(global|session|local)\s+)?transaction\s+([\s\S]+?)\s*;?\s*$/i.exec(sql);
  if (!m) return false;
  if (m[1]?.toLowerCase() === 'global' && !unrestricted) {
    throw new SqlError('SPECIFIC_ACCESS_DENIED', 'Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for this operation');
  }
  let level: string | undefined;
  let readOnly: string | undefined;
  for (const part of m[2]!.split(',').map((p) => p.trim().replace(/\s+/g, ' ').toUpperCase())) {
    const iso = /^ISOLATION LEVEL (.+)$/.exec(part);
    if (iso && LEVELS[iso[1]!]) level = LEVELS[iso[1]!];
    else if (part === 'READ ONLY' || part === 'READ WRITE') readOnly = part === 'READ ONLY' ? '1' : '0';
    else {
      throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${part.slice(0, 60)}' at line 1`);
    }
  }
  // GLOBAL changes the server's default, which this session's value does not follow.
  if (level && m[1]?.toLowerCase() !== 'global') for (const name of ['tx_isolation', 'transaction_isolation']) if (vars.has(name)) vars.set(name, level);
  // The access mode: SESSION changes the session's; without a scope it is the next transaction's only.
  if (readOnly && m[1] && m[1].toLowerCase() !== 'global') for (const name of ['tx_read_only', 'transaction_read_only']) if (vars.has(name)) vars.set(name, readOnly);
  return true;
}
