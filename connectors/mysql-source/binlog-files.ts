// The binlog files the source still has (SHOW BINARY LOGS), oldest first.
import type { MySqlSourceConfig } from './config.ts';
import type mysql from 'mysql2/promise';
import { connectSource } from './preflight.ts';

export async function listBinlogs(config: MySqlSourceConfig): Promise<string[]> {
  const conn = await connectSource(config);
  try {
    const [rows] = await conn.query('SHOW BINARY LOGS');
    return (rows as { Log_name: string }[]).map((r) => r.Log_name);
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/** Where the server's binlog ends now (SHOW MASTER STATUS), or null when it reports nothing. */
export async function serverBinlogEnd(conn: mysql.Connection): Promise<{ file: string; pos: number } | null> {
  const [rows] = await conn.query('SHOW MASTER STATUS');
  const row = (rows as { File?: string; Position?: number }[])[0];
  return row?.File ? { file: row.File, pos: Number(row.Position) } : null;
}

/** Asks where the server's binlog ends on one connection, kept between questions (the heartbeat's). */
export class BinlogEndProbe {
  private conn: mysql.Connection | null = null;

  constructor(private readonly config: MySqlSourceConfig) {}

  async end(): Promise<{ file: string; pos: number } | null> {
    this.conn ??= await connectSource(this.config);
    return serverBinlogEnd(this.conn);
  }

  async close(): Promise<void> {
    const c = this.conn;
    this.conn = null;
    await c?.end().catch(() => undefined);
  }
}

/**
 * How long the server keeps binlogs, in hours (binlog_expire_logs_seconds, else
 * expire_logs_days); null when it keeps them until purged by hand.
 */
export async function binlogRetentionHours(config: MySqlSourceConfig): Promise<number | null> {
  const conn = await connectSource(config);
  try {
    let seconds = 0;
    try {
      const [rows] = await conn.query('SELECT @@binlog_expire_logs_seconds AS s');
      seconds = Number((rows as { s: number }[])[0]?.s ?? 0);
    } catch {
      // Servers before MySQL 8.0 / MariaDB 10.6 only have expire_logs_days.
    }
    if (seconds === 0) {
      const [rows] = await conn.query('SELECT @@expire_logs_days AS d');
      seconds = Number((rows as { d: number }[])[0]?.d ?? 0) * 86_400;
    }
    return seconds > 0 ? seconds / 3600 : null;
  } finally {
    await conn.end().catch(() => undefined);
  }
}
