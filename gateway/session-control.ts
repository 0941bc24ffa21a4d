// What one session can do to another and to itself besides querying: KILL [QUERY|CONNECTION],
// max_execution_time, SET of session variables, and the process list. The registry knows every
// open session; each session knows what it is running.
import { SqlError } from './sql-errors.ts';

export interface SessionActivity {
  connectionId: number;
  user: string;
  host: string;
  database: string | null;
  /** The statement running now, and since when; null while idle. */
  running: { sql: string; since: number } | null;
  idleSince: number;
  /** Cancels the running DuckDB query (it ends with an interrupted error). */
  interrupt(): void;
  /** Ends the client connection. */
  disconnect(): void;
}

export class SessionRegistry {
  private readonly sessions = new Map<number, SessionActivity>();
  readonly startedAt = Date.now();
  questions = 0;

  add(s: SessionActivity): void {
    this.sessions.set(s.connectionId, s);
  }

  remove(connectionId: number): void {
    this.sessions.delete(connectionId);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** SHOW [FULL] PROCESSLIST rows: Id, User, Host, db, Command, Time, State, Info. */
  processList(full: boolean): (string | null)[][] {
    const now = Date.now();
    return [...this.sessions.values()]
      .sort((a, b) => a.connectionId - b.connectionId)
      .map((s) => [
        String(s.connectionId),
        s.user,
        s.host,
        s.database,
        s.running ? 'Query' : 'Sleep',
        String(Math.floor((now - (s.running?.since ?? s.idleSince)) / 1000)),
        s.running ? 'executing' : '',
        s.running ? (full ? s.running.sql : s.running.sql.slice(0, 100)) : null,
      ]);
  }

  /**
   * KILL QUERY id cancels the statement `id` runs; KILL [CONNECTION] id also ends its connection.
   * A user may kill their own sessions; root may kill any.
   */
  kill(by: { user: string }, id: number, queryOnly: boolean): void {
    const target = this.sessions.get(id);
    if (!target) throw new SqlError('NO_SUCH_THREAD', `Unknown thread id: ${id}`);
    if (by.user !== 'root' && by.user !== target.user) throw new SqlError('KILL_DENIED', `You are not owner of thread ${id}`);
    target.interrupt();
    if (!queryOnly) target.disconnect();
  }
}

/** `KILL [QUERY | CONNECTION] id`, or null when the statement is not a KILL. */
export function parseKill(sql: string): { id: number; queryOnly: boolean } | null {
  const m = /^\s*kill\s+(query\s+|connection\s+)?(\d+)\s*;?\s*$/i.exec(sql);
  if (!m) return null;
  return { id: Number(m[2]), queryOnly: /query/i.test(m[1] ?? '') };
}

/**
 * Session variable assignments: `SET [SESSION|LOCAL|@@session.|@@] name = value, …`. GLOBAL and
 * user variables (`@x`) are accepted and ignored (a read-only replica has nothing global to change).
 * Returns null when the statement is not a plain assignment list (SET NAMES, SET TRANSACTION …).
 */
export function parseSessionAssignments(sql: string): Map<string, string> | null {
  const body = /^\s*set\s+(.*?)\s*;?\s*$/is.exec(sql)?.[1];
  if (!body || /^(names|character\s+set|charset|transaction|password|role|default\s+role)\b/i.test(body)) return null;
  const out = new Map<string, string>();
  for (const part of splitTopLevel(body)) {
    const m = /^\s*(?:(session|local|global)\s+|@@(?:(session|local|global)\.)?)?(@)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=)\s*(.+?)\s*$/is.exec(part);
    if (!m) return null;
    if (m[3] || /global/i.test(m[1] ?? m[2] ?? '')) continue;
    out.set(m[4]!.toLowerCase(), unquoteValue(m[5]!));
  }
  return out;
}

/**
 * The system variables a SET assigns (user variables aside), as written, lower-cased; null when a
 * part of it is no assignment (a syntax error to MySQL).
 */
export function assignedSystemVariables(sql: string): string[] | null {
  const body = /^\s*set\s+(.*?)\s*;?\s*$/is.exec(sql)?.[1];
  if (!body || /^(names|character\s+set|charset|transaction|password|role|default\s+role)\b/i.test(body)) return [];
  const names: string[] = [];
  for (const part of splitTopLevel(body)) {
    const m = /^\s*(?:(?:session|local|global|persist|persist_only)\s+|@@(?:(?:session|local|global|persist|persist_only)\.)?)?(@)?([A-Za-z_][A-Za-z0-9_]*)\s*(?::=|=)/is.exec(part);
    // SET a = 1, NAMES utf8mb4: NAMES and CHARACTER SET may stand among assignments (MariaDB
    // Connector/J sends that on connect).
    if (!m && /^\s*(names|character\s+set|charset)\b/i.test(part)) continue;
    if (!m) return null;
    if (!m[1]) names.push(m[2]!.toLowerCase());
  }
  return names;
}

export function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

function unquoteValue(v: string): string {
  const m = /^(['"])(.*)\1$/s.exec(v);
  if (m) return m[2]!.replace(/\\(.)/g, '$1');
  if (/^(on|true)$/i.test(v)) return 'ON';
  if (/^(off|false)$/i.test(v)) return 'OFF';
  return v;
}

/** `SELECT /*+ MAX_EXECUTION_TIME(ms) *\/ …`: the statement's own limit, as MySQL reads it. */
export function hintedTimeout(sql: string): number | null {
  // On the statement's SELECT, which may follow a WITH clause.
  const m = /\bselect\s+\/\*\+[^*]*\bmax_execution_time\s*\(\s*(\d+)\s*\)/i.exec(sql);
  return m ? Number(m[1]) : null;
}
