// The binlog files the source still has (SHOW BINARY LOGS), oldest first.
import type { MySqlSourceConfig } from './config.ts';
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
export async function serverBinlogEnd(config: MySqlSourceConfig): Promise<{ file: string; pos: number } | null> {
  const conn = await connectSource(config);
  try {
    const [rows] = await conn.query('SHOW MASTER STATUS');
    const row = (rows as { File?: string; Position?: number }[])[0];
    return row?.File ? { file: row.File, pos: Number(row.Position) } : null;
  } finally {
    await conn.end().catch(() => undefined);
  }
}
