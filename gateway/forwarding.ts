// Optional (off unless `gateway.upstream` is configured): a SELECT the dialect cannot serve
// faithfully is forwarded to a MySQL endpoint — a read replica or the source — instead of
// refused, as ReadySet and HeatWave do. Each forwarded statement is counted by its shape (the
// text with literals as `?`), with the reason, for the operator to see what the store misses.
import mysql from 'mysql2/promise';
import { tokenize } from '../dialect/index.ts';
import type { QueryResult, ResultColumn, TextValue } from './result-set.ts';

export interface UpstreamConfig {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The statement with every literal replaced by `?` and whitespace collapsed. */
export function statementShape(sql: string): string {
  return tokenize(sql.trim().replace(/;\s*$/, ''))
    .map((t) => (t.kind === 'string' || t.kind === 'number' ? '?' : t.kind === 'space' ? ' ' : t.kind === 'quoted' ? `\`${t.text}\`` : t.text))
    .join('')
    .replace(/\s+/g, ' ');
}

export interface ForwardedShape {
  shape: string;
  count: number;
  reason: string;
  lastForwardedAt: string;
}

const SHAPES_KEPT = 1000;

/** Forwarded statement shapes with counts, shared by every session. */
export class ForwardedShapes {
  private readonly shapes = new Map<string, ForwardedShape>();
  /** Statements forwarded, and SELECTs served from the store, since start. */
  total = 0;
  served = 0;

  record(sql: string, reason: string): void {
    this.total++;
    const shape = statementShape(sql);
    const known = this.shapes.get(shape);
    if (known) {
      known.count++;
      known.reason = reason;
      known.lastForwardedAt = new Date().toISOString();
      return;
    }
    if (this.shapes.size >= SHAPES_KEPT) this.shapes.delete(this.shapes.keys().next().value!);
    this.shapes.set(shape, { shape, count: 1, reason, lastForwardedAt: new Date().toISOString() });
  }

  /** Most forwarded first. */
  list(): ForwardedShape[] {
    return [...this.shapes.values()].sort((a, b) => b.count - a.count || a.shape.localeCompare(b.shape));
  }
}

/** One session's connection to the upstream, opened on first use, following the session's database. */
export class UpstreamSession {
  private conn: mysql.Connection | null = null;
  private database: string | null = null;

  constructor(private readonly config: UpstreamConfig) {}

  get endpoint(): string {
    return `${this.config.host}:${this.config.port}`;
  }

  /**
   * The statement is checked as the gateway reads it: backslashes escape in strings, double quotes
   * quote strings. An upstream whose sql_mode says otherwise (NO_BACKSLASH_ESCAPES, ANSI_QUOTES)
   * would read other statements than the one checked (`'a\\' UNION SELECT …` ends its string
   * earlier there), so its session drops those two modes.
   */
  private async connect(): Promise<mysql.Connection> {
    const conn = await mysql.createConnection({ host: this.config.host, port: this.config.port, user: this.config.user, password: this.config.password, supportBigNumbers: true, bigNumberStrings: true });
    const [rows] = await conn.query('SELECT @@SESSION.sql_mode AS mode');
    const modes = String((rows as { mode: string }[])[0]?.mode ?? '').split(',').filter((m) => m && m !== 'NO_BACKSLASH_ESCAPES' && m !== 'ANSI_QUOTES' && m !== 'ANSI');
    await conn.query('SET SESSION sql_mode = ?', [modes.join(',')]);
    return conn;
  }

  /** Runs `sql` upstream; column definitions and row bytes come back as the upstream sent them. */
  async query(sql: string, database: string | null): Promise<QueryResult> {
    this.conn ??= await this.connect();
    if (database !== this.database && database !== null) {
      await this.conn.query(`USE \`${database.replace(/`/g, '``')}\``);
      this.database = database;
    }
    const [rows, fields] = await this.conn.query({ sql, rowsAsArray: true, typeCast: (field) => field.buffer() as unknown as Buffer | null });
    if (!Array.isArray(fields)) return { kind: 'ok' };
    const columns: ResultColumn[] = fields.map((f) => ({
      schema: f.schema ?? '',
      table: f.table ?? '',
      orgTable: f.orgTable ?? '',
      name: f.name,
      orgName: f.orgName ?? '',
      charset: f.characterSet ?? 63,
      length: f.columnLength ?? 0,
      type: f.columnType ?? 253,
      flags: Number(f.flags ?? 0),
      decimals: f.decimals ?? 0,
    }));
    return { kind: 'rows', columns, rows: rows as TextValue[][] };
  }

  async close(): Promise<void> {
    await this.conn?.end().catch(() => undefined);
    this.conn = null;
  }
}
