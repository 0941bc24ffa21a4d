// What the admin UI's "new sync task" form shows after testing a source live: the server, and its
// databases and tables with their row estimates, primary keys and date columns (the candidates
// for a RANGE partition and a hot window). Read with the connector's own connection options.
import mysql from 'mysql2/promise';
import { connectionOptions, parseMySqlSourceConfig } from '../connectors/mysql-source/index.ts';

export interface SourceTable {
  name: string;
  rows: number;
  primaryKey: string[];
  dateColumns: string[];
}

export interface SourceCatalogInfo {
  server: string;
  databases: { name: string; tables: SourceTable[] }[];
}

const SYSTEM = ['mysql', 'sys', 'performance_schema', 'information_schema'];

export async function readSourceCatalog(raw: Record<string, unknown>): Promise<SourceCatalogInfo> {
  const config = parseMySqlSourceConfig({ 'connector.class': 'io.debezium.connector.mysql.MySqlConnector', 'topic.prefix': 'catalog', 'database.server.id': 1, ...raw });
  const conn = await mysql.createConnection(connectionOptions(config));
  try {
    const [[version]] = (await conn.query('SELECT VERSION() AS v')) as unknown as [{ v: string }[]];
    const [tables] = (await conn.query(
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS t, COALESCE(TABLE_ROWS, 0) AS n FROM information_schema.TABLES
       WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN (?) ORDER BY 1, 2`,
      [SYSTEM],
    )) as unknown as [{ db: string; t: string; n: string }[]];
    const [columns] = (await conn.query(
      `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_KEY AS k, DATA_TYPE AS dt FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA NOT IN (?) ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
      [SYSTEM],
    )) as unknown as [{ db: string; t: string; c: string; k: string; dt: string }[]];
    const byDb = new Map<string, SourceTable[]>();
    for (const { db, t, n } of tables) {
      const own = columns.filter((c) => c.db === db && c.t === t);
      const table = { name: t, rows: Number(n), primaryKey: own.filter((c) => c.k === 'PRI').map((c) => c.c), dateColumns: own.filter((c) => ['date', 'datetime', 'timestamp'].includes(c.dt.toLowerCase())).map((c) => c.c) };
      byDb.set(db, [...(byDb.get(db) ?? []), table]);
    }
    return { server: version!.v, databases: [...byDb].map(([name, list]) => ({ name, tables: list })) };
  } finally {
    await conn.end().catch(() => undefined);
  }
}
