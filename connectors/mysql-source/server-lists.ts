// The source server's own lists that tools read on connect (DBeaver: SHOW ENGINES, SHOW CHARSET,
// SHOW COLLATION; SQLAlchemy 1.3: SHOW COLLATION): read once with the server's identity, so the
// gateway, presenting itself as that server, lists what it lists, typed as it types them.
import type mysql from 'mysql2/promise';
import type { SourceServerLists, SourceShowList } from '../../core/index.ts';

async function showList(conn: mysql.Connection, sql: string): Promise<SourceShowList> {
  const [rows, fields] = await conn.query({ sql, rowsAsArray: true });
  return {
    columns: (fields as mysql.FieldPacket[]).map((f) => ({ name: f.name, type: Number(f.columnType ?? f.type), flags: Number(f.flags), decimals: f.decimals, length: f.columnLength ?? 0 })),
    rows: (rows as unknown[][]).map((r) => r.map((v) => (v === null ? null : Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))),
  };
}

/** The lists, or null when the server would not give one (the gateway then refuses those SHOWs). */
export async function readServerLists(conn: mysql.Connection): Promise<SourceServerLists | null> {
  try {
    return { engines: await showList(conn, 'SHOW ENGINES'), charsets: await showList(conn, 'SHOW CHARACTER SET'), collations: await showList(conn, 'SHOW COLLATION') };
  } catch {
    return null;
  }
}
