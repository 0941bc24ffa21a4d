// Statements a session answers itself, without DuckDB: SET (session variables, kept per session
// for SELECT @@x and SHOW VARIABLES) and MySQL statements that are not reads. Only reads reach
// DuckDB; DuckDB's own statements (COPY, ATTACH, PRAGMA, …) are not MySQL's, and MySQL calls them
// syntax errors.
import { assignedSystemVariables, parseSessionAssignments, splitTopLevel } from './session-control.ts';
import { namesAssignments } from './set-names.ts';
import { SqlError } from './sql-errors.ts';
import { isSystemVariable } from './system-variables.ts';

/** MySQL statements that are valid there but not served here (error 1235, not a syntax error). */
const MYSQL_STATEMENTS_NOT_SERVED = new Set(['DO', 'HELP', 'CHECK', 'CHECKSUM', 'REPAIR', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'CACHE', 'BINLOG', 'SIGNAL', 'RESIGNAL', 'GET', 'XA', 'SHUTDOWN', 'RESTART', 'CLONE']);

const syntaxError = (sql: string) => new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${sql.trim().slice(0, 80)}' at line 1`);

/**
 * SET (and BEGIN/COMMIT, which need nothing from a read-only replica): the session's variables
 * change; nothing reaches DuckDB. `unrestricted`: the user has every grant; `known`: the variable
 * names of the server the gateway presents (system-variables.ts).
 */
export function applySet(sql: string, vars: Map<string, string>, unrestricted: boolean, known: (name: string) => boolean = isSystemVariable): void {
  if (/^\s*set\s+password\b/i.test(sql)) throw new SqlError('NOT_SUPPORTED_YET', "This version of instaquery doesn't yet support 'SET PASSWORD': gateway passwords are set in the config (gateway.users)");
  // Global variables are the server's: a user without every grant may not set them, as MySQL
  // requires SYSTEM_VARIABLES_ADMIN; for others they change nothing here.
  if (!unrestricted && /(^|[\s,])(global\s|@@global\.)/i.test(sql)) {
    throw new SqlError('SPECIFIC_ACCESS_DENIED', 'Access denied; you need (at least one of) the SUPER or SYSTEM_VARIABLES_ADMIN privilege(s) for this operation');
  }
  // DuckDB's settings are not MySQL's variables: a name MySQL does not know is its error 1193,
  // whatever DuckDB calls it.
  const assigned = assignedSystemVariables(sql);
  if (!assigned) throw syntaxError(sql);
  const unknown = assigned.find((name) => !known(name));
  if (unknown) throw new SqlError('UNKNOWN_SYSTEM_VARIABLE', `Unknown system variable '${unknown}'`);
  for (const [name, value] of parseSessionAssignments(sql) ?? []) vars.set(name, value);
  // SET NAMES / CHARACTER SET (alone or among assignments) set the charsets and collation_connection.
  const body = /^\s*set\s+(.*?)\s*;?\s*$/is.exec(sql)?.[1];
  if (body && /\b(names|character\s+set|charset)\b/i.test(body)) for (const [name, value] of namesAssignments(splitTopLevel(body), vars)) vars.set(name, value);
}

/** A statement that is neither a read nor one the session answers: 1235 for MySQL's, else 1064. */
export function refusedStatement(sql: string): SqlError {
  const word = /^[\s(]*([A-Za-z]+)/.exec(sql.replace(/^(\s|\/\*[\s\S]*?\*\/)*/, ''))?.[1]?.toUpperCase() ?? '';
  if (MYSQL_STATEMENTS_NOT_SERVED.has(word)) return new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support '${sql.trim().slice(0, 60)}'`);
  return syntaxError(sql);
}
