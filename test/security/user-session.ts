// Sends one attack statement as one user, in any of the corpus's modes, over connections kept per
// mode and reopened whenever a statement may have changed the session, so one attack cannot
// change what the next one means.
import type mysql from 'mysql2/promise';
import type { Mode } from './attack-corpus.ts';
import { fieldText, flatten, lastRows, type Outcome } from './outcome.ts';
import { rawCommand, rawLogin } from './raw-mysql-client.ts';
import { connectAs, type SecurityEnv, type Who } from './security-env.ts';

const FATAL_CODES = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'EPIPE', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ECONNREFUSED']);

/** One user's connections, reopened when the server drops one or a statement may have changed the session. */
export class UserSession {
  private conns = new Map<string, mysql.Connection>();
  /** Every statement (and bound value) sent on each open connection. */
  private sent = new Map<string, string[]>();
  constructor(
    readonly env: SecurityEnv,
    readonly who: Who,
  ) {}

  async conn(kind: 'text' | 'multi' | 'nodb'): Promise<mysql.Connection> {
    let c = this.conns.get(kind);
    if (!c) {
      c = await connectAs(this.env, this.who, { multipleStatements: kind === 'multi', database: kind === 'nodb' ? null : undefined });
      c.on('error', () => undefined);
      this.conns.set(kind, c);
    }
    return c;
  }

  drop(kind: 'text' | 'multi' | 'nodb'): void {
    const c = this.conns.get(kind);
    this.conns.delete(kind);
    this.sent.delete(kind);
    c?.destroy();
  }

  async close(): Promise<void> {
    for (const kind of [...this.conns.keys()] as ('text' | 'multi' | 'nodb')[]) {
      const c = this.conns.get(kind)!;
      this.conns.delete(kind);
      await c.end().catch(() => c.destroy());
    }
  }

  /** Sends `sql` in `mode`, then SHOW WARNINGS on the same connection. */
  async run(sql: string, mode: Mode, params: (string | number | null)[] = [], timeoutMs = 10_000): Promise<Outcome> {
    if (mode === 'connect_db') {
      const login = await rawLogin(this.env, this.who, sql);
      if ('error' in login) return { kind: 'error', error: login.error, rowCount: 0, text: login.error.message, warnings: '' };
      login.socket.destroy();
      return { kind: 'ok', rowCount: 0, text: '', warnings: '' };
    }
    if (mode === 'field_list' || mode === 'init_db') {
      const raw = await rawCommand(this.env, this.who, mode === 'field_list' ? 0x04 : 0x02, mode === 'field_list' ? Buffer.concat([Buffer.from(sql, 'utf8'), Buffer.from([0])]) : Buffer.from(sql, 'utf8'));
      return raw;
    }
    const kind = mode === 'multi' ? 'multi' : mode === 'nodb' ? 'nodb' : 'text';
    let c: mysql.Connection;
    try {
      c = await this.conn(kind);
    } catch (err) {
      return { kind: 'dropped', error: { message: `cannot connect: ${(err as Error).message}` }, rowCount: 0, text: (err as Error).message, warnings: '' };
    }
    const parts: string[] = [];
    let outcome: Outcome;
    const history = this.sent.get(kind) ?? [];
    this.sent.set(kind, history);
    const earlier = history.join('\n');
    history.push(sql, ...params.map(String));
    try {
      const [rows, fields] = mode === 'prepared' ? await c.execute({ sql, timeout: timeoutMs, rowsAsArray: true }, params) : await c.query({ sql, timeout: timeoutMs, rowsAsArray: true });
      if (mode === 'prepared') await c.unprepare(sql);
      flatten(rows, parts);
      parts.push(...fieldText(fields));
      const last = lastRows(rows, fields);
      outcome = { kind: last ? 'rows' : 'ok', rows: last, rowCount: last?.length ?? 0, text: '', warnings: '' };
    } catch (err) {
      const e = err as { errno?: number; sqlState?: string; code?: string; message?: string; fatal?: boolean; sqlMessage?: string };
      const message = e.sqlMessage ?? e.message ?? String(err);
      parts.push(message);
      if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        this.drop(kind);
        return { kind: 'timeout', error: { code: e.code, message }, rowCount: 0, text: parts.join('\n'), warnings: '' };
      }
      if (e.fatal || (e.code && FATAL_CODES.has(e.code))) {
        this.drop(kind);
        return { kind: 'dropped', error: { code: e.code, message }, rowCount: 0, text: parts.join('\n'), warnings: '' };
      }
      if (mode === 'prepared') await c.unprepare(sql);
      outcome = { kind: 'error', error: { errno: e.errno, sqlState: e.sqlState, code: e.code, message }, rowCount: 0, text: '', warnings: '' };
    }
    try {
      const [w] = await c.query({ sql: 'SHOW WARNINGS', rowsAsArray: true, timeout: timeoutMs });
      const wp: string[] = [];
      flatten(w, wp);
      outcome.warnings = wp.join('\n');
    } catch (err) {
      const e = err as { fatal?: boolean; message?: string };
      outcome.warnings = `SHOW WARNINGS failed: ${e.message}`;
      if (e.fatal) this.drop(kind);
    }
    outcome.text = parts.join('\n');
    outcome.earlier = earlier;
    // A statement that was not refused may have changed the session (USE, SET, ...): start the next one clean.
    if (mode === 'multi' || (outcome.kind !== 'error' && !/^[\s(]*(select|with|values|table|explain|describe|desc|show)\b/i.test(sql))) this.drop(kind);
    return outcome;
  }
}
