// The source's schema history, kept in the store (embedded mode's answer to Debezium's schema
// history topic): every followed table's schema after each DDL statement, keyed by the binlog
// position of that statement, written in the same transaction as the change to the target table
// and the offset. On restart the source reads the latest entry per table.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchemaChange, SchemaHistoryState, SourceOffset, TableSchema } from '../core/index.ts';
import { META_SCHEMA } from './offset-store.ts';

export interface HistoryEntry {
  db: string;
  table: string;
  /** null: the table is gone (dropped, renamed away) or set aside. */
  schema: TableSchema | null;
  quarantine: string | null;
}

export async function createHistoryTable(conn: DuckDBConnection): Promise<void> {
  await conn.run(`CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.schema_history (
    connector VARCHAR NOT NULL, seq BIGINT NOT NULL, file VARCHAR NOT NULL, pos BIGINT NOT NULL, gtid VARCHAR,
    ddl VARCHAR NOT NULL, db VARCHAR NOT NULL, tbl VARCHAR NOT NULL, schema JSON, quarantine VARCHAR,
    recorded_at TIMESTAMP NOT NULL, PRIMARY KEY (connector, seq))`);
}

/** Must run inside the caller's transaction. */
export async function recordHistory(conn: DuckDBConnection, connector: string, at: SourceOffset, ddl: string, entries: HistoryEntry[]): Promise<void> {
  const reader = await conn.runAndReadAll(`SELECT COALESCE(MAX(seq), 0) FROM ${META_SCHEMA}.schema_history WHERE connector = $1`, [connector]);
  let seq = Number(reader.getRowsJS()[0]?.[0] ?? 0);
  for (const e of entries) {
    await conn.run(`INSERT INTO ${META_SCHEMA}.schema_history VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now()::TIMESTAMP)`, [
      connector,
      ++seq,
      at.file,
      at.pos,
      at.gtid,
      ddl,
      e.db,
      e.table,
      e.schema === null ? null : JSON.stringify(e.schema),
      e.quarantine,
    ]);
  }
}

export async function loadHistory(conn: DuckDBConnection, connector: string): Promise<SchemaHistoryState> {
  const reader = await conn.runAndReadAll(
    `SELECT db, tbl, schema::VARCHAR, quarantine FROM ${META_SCHEMA}.schema_history
      WHERE connector = $1 QUALIFY row_number() OVER (PARTITION BY db, tbl ORDER BY seq DESC) = 1`,
    [connector],
  );
  const state: SchemaHistoryState = { tables: [], quarantined: [] };
  for (const [db, table, schema, quarantine] of reader.getRowsJS()) {
    if (quarantine !== null) state.quarantined.push({ db: String(db), table: String(table), reason: String(quarantine) });
    else if (schema !== null) state.tables.push(JSON.parse(String(schema)) as TableSchema);
  }
  return state;
}

export async function clearHistory(conn: DuckDBConnection, connector: string): Promise<void> {
  await conn.run(`DELETE FROM ${META_SCHEMA}.schema_history WHERE connector = $1`, [connector]);
}

/** What a change leaves in the history: the table's new schema, or null where it is gone. */
export function historyEntries(change: SchemaChange): HistoryEntry[] {
  switch (change.kind) {
    case 'create':
    case 'alter':
      return [{ db: change.after.db, table: change.after.table, schema: change.after, quarantine: null }];
    case 'drop':
      return [{ db: change.db, table: change.table, schema: null, quarantine: null }];
    case 'rename':
      return [
        { ...change.from, schema: null, quarantine: null },
        { ...change.to, schema: change.after, quarantine: null },
      ];
    case 'truncate':
    case 'view':
    case 'drop-view':
    case 'drop-database':
      return [];
  }
}
