// `SET [SESSION] name = DEFAULT`: the session's value goes back to the server's (global) one, as on
// MySQL; tools restore their changes this way (`SET WAIT_TIMEOUT=DEFAULT` from mariadb-dump).
// The word is a keyword only unquoted: `= 'DEFAULT'` is a string value.

const ASSIGNED_DEFAULT = /(?:^|,)\s*(?:(?:session|local)\s+|@@(?:session\.|local\.)?)?([A-Za-z_][A-Za-z0-9_]*)\s*:?=\s*default\s*(?=,|;|$)/gi;

/** The session variables a SET puts back to their default, lower-cased. */
export function namesSetToDefault(sql: string): string[] {
  const body = /^\s*set\s+([\s\S]*?)\s*;?\s*$/i.exec(sql)?.[1];
  if (!body || !/\bdefault\b/i.test(body)) return [];
  return [...body.matchAll(ASSIGNED_DEFAULT)].map((m) => m[1]!.toLowerCase());
}

/** Puts each variable the SET named with DEFAULT back to its value in `defaults`. */
export function applyDefaults(sql: string, vars: Map<string, string>, defaults: () => Map<string, string>): void {
  const names = namesSetToDefault(sql);
  if (names.length === 0) return;
  const initial = defaults();
  for (const name of names) {
    const value = initial.get(name);
    if (value !== undefined) vars.set(name, value);
  }
}

/** sql_mode flags that come before IGNORE_SPACE in the server's order (by their bit). */
const BEFORE_IGNORE_SPACE = new Set(['REAL_AS_FLOAT', 'PIPES_AS_CONCAT', 'ANSI_QUOTES']);

/**
 * A session's first sql_mode: the server's (global) one, plus IGNORE_SPACE when the client's
 * handshake asked for it (CLIENT_IGNORE_SPACE), as MySQL and MariaDB add it; `SET sql_mode =
 * DEFAULT` then goes back to the global value without it.
 */
export function sessionSqlMode(globalMode: string, clientIgnoresSpace: boolean): string {
  const flags = globalMode.split(',').filter(Boolean);
  if (!clientIgnoresSpace || flags.includes('IGNORE_SPACE')) return globalMode;
  const at = flags.filter((f) => BEFORE_IGNORE_SPACE.has(f)).length;
  return [...flags.slice(0, at), 'IGNORE_SPACE', ...flags.slice(at)].join(',');
}
