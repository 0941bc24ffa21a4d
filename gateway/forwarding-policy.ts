// What may be forwarded to the upstream MySQL (gateway.upstream). The upstream answers with its own
// account's rights and reveals its own state, so beyond the user's grants on every table (checked
// by the caller) a forwarded SELECT may:
// - call only the server's built-in functions (a stored function, `db.fn()` or `fn()`, runs with
//   the upstream account's rights), and none that reads a file, changes the server's state (locks,
//   sequences) or tells who and what the upstream is (its account, connection, version, binlog);
// - read no variable (`@@datadir`, `@x`): those are the upstream's, not the session's;
// - read no information_schema, whose upstream copy lists what the store does not serve;
// - write nothing (`INTO OUTFILE|DUMPFILE|@var`).
// The list of built-ins is the server's own (scripts/mysql-builtin-functions.sh).
import { readNameList } from './name-list.ts';
import type { StatementReads } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';

const BUILTINS = readNameList(new URL('./mysql-builtin-functions.txt', import.meta.url));

/** Built-ins that act on the upstream or describe it: never forwarded. */
const NOT_FORWARDED: Record<string, string> = Object.fromEntries([
  ...['LOAD_FILE'].map((f) => [f, 'it reads a file on the upstream host']),
  ...['NEXTVAL', 'SETVAL', 'LASTVAL', 'GET_LOCK', 'RELEASE_LOCK', 'RELEASE_ALL_LOCKS', 'IS_FREE_LOCK', 'IS_USED_LOCK', 'MASTER_POS_WAIT', 'MASTER_GTID_WAIT', 'BENCHMARK'].map((f) => [f, 'it acts on the upstream server']),
  ...['CURRENT_USER', 'USER', 'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CONNECTION_ID', 'VERSION', 'DATABASE', 'SCHEMA', 'LAST_INSERT_ID', 'ROW_COUNT', 'FOUND_ROWS', 'BINLOG_GTID_POS', 'UUID_SHORT'].map((f) => [f, "it answers with the upstream connection's identity or state"]),
]);

/** Why this statement must not be forwarded, as the error to send; null when it may be. */
export function forwardingRefusal(reads: StatementReads, endpoint: string): SqlError | null {
  const not = `not forwarded to ${endpoint}`;
  if (reads.into) return new SqlError('SPECIFIC_ACCESS_DENIED', `Access denied; you need (at least one of) the FILE privilege(s) for this operation (SELECT ... INTO is ${not})`);
  for (const fn of reads.functions) {
    if (fn === 'LOAD_FILE') return new SqlError('SPECIFIC_ACCESS_DENIED', `Access denied; you need (at least one of) the FILE privilege(s) for this operation (LOAD_FILE is ${not})`);
    if (NOT_FORWARDED[fn]) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support ${fn}() here: ${not}, since ${NOT_FORWARDED[fn]}`);
    if (!BUILTINS.has(fn)) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support the function ${fn}(): ${not}, since a stored function runs with the upstream account's rights`);
  }
  const variable = [...reads.variables][0];
  if (variable) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support ${variable} in this statement: ${not}, where it would read the upstream server's variable`);
  if (reads.relations.some((r) => r.db?.toLowerCase() === 'information_schema')) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support this information_schema query: ${not}, whose catalog lists what this gateway does not serve`);
  return null;
}
