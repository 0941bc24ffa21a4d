// Applies a batch of row changes to one target table the way DuckDB is fastest at it: reduce the
// batch to each key's final state, append it as text into a temp staging table, then
// DELETE the staged keys and INSERT the surviving rows with exact casts.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChangeEvent, Row, TableSchema } from '../mysql-source/index.ts';
import { mapColumnType } from './type-mapping.ts';
import { qualified, quoteIdent } from './sql-names.ts';

const OP = '__iq_op';

/** The final state per key: `null` means deleted. Tables without a key use the whole row. */
export function reduceToFinalState(schema: TableSchema, events: ChangeEvent[]): Map<string, { key: Row; row: Row | null }> {
  const keyColumns = schema.primaryKey.length > 0 ? schema.primaryKey : schema.columns.map((c) => c.name);
  const keyOf = (row: Row): Row => Object.fromEntries(keyColumns.map((k) => [k, row[k] ?? null]));
  // NULL, text and bytes must never collide: 'null' the string is not NULL.
  const part = (v: Row[string] | undefined) => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? `x:${v.toString('hex')}` : `v:${String(v)}`);
  const id = (key: Row): string => JSON.stringify(keyColumns.map((k) => part(key[k])));
  const state = new Map<string, { key: Row; row: Row | null }>();
  for (const e of events) {
    if (e.before && (e.op === 'd' || e.op === 'u')) {
      const key = keyOf(e.before);
      state.set(id(key), { key, row: null });
    }
    if (e.after && e.op !== 'd') {
      const key = keyOf(e.after);
      const k = id(key);
      state.delete(k); // re-insert keeps the map in last-change order
      state.set(k, { key, row: e.after });
    }
  }
  return state;
}

let stageCounter = 0;

/**
 * Stages rows as VARCHAR. Runs outside the caller's transaction on purpose: the temp table is
 * private to this connection, and the appender commits on its own.
 */
async function stage(conn: DuckDBConnection, schema: TableSchema, rows: StagedRow[]): Promise<string> {
  const name = `iq_stage_${++stageCounter}`;
  const columns = [OP, ...schema.columns.map((c) => c.name)];
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} (${columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ')})`);
  const encoders = schema.columns.map((c) => mapColumnType(c.columnType).encode);
  const appender = await conn.createAppender(name, 'main', 'temp');
  try {
    for (const { op, row } of rows) {
      appender.appendVarchar(op);
      for (let i = 0; i < encoders.length; i++) {
        const text = encoders[i]!(row[schema.columns[i]!.name] ?? null);
        if (text === null) appender.appendNull();
        else appender.appendVarchar(text);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return name;
}

export interface PreparedUpsert {
  /** Runs inside the caller's transaction. */
  apply(conn: DuckDBConnection): Promise<void>;
  drop(conn: DuckDBConnection): Promise<void>;
}

/** A key's final state as staged: `u` carries the whole row, `d` only the key columns. */
export type StagedRow = { op: 'd' | 'u'; row: Row };

export function stagedRows(state: Map<string, { key: Row; row: Row | null }>): StagedRow[] {
  return [...state.values()].map(({ key, row }) => (row ? { op: 'u', row } : { op: 'd', row: key }));
}

/** Stages `rows`; `insertOnly` skips the delete (a snapshot fills an empty table). */
export async function prepareUpsert(conn: DuckDBConnection, schema: TableSchema, rows: StagedRow[], insertOnly = false): Promise<PreparedUpsert> {
  const stageName = await stage(conn, schema, rows);
  const target = qualified(schema.db, schema.table);
  const stageRef = `temp.main.${quoteIdent(stageName)}`;
  const cast = (name: string, alias = 's') => mapColumnType(schema.columns.find((c) => c.name === name)!.columnType).decodeSql(`${alias}.${quoteIdent(name)}`);
  const keyColumns = schema.primaryKey.length > 0 ? schema.primaryKey : schema.columns.map((c) => c.name);
  // Key columns are never NULL, and `=` lets DuckDB hash-join; whole-row identity needs NULL-safe equality.
  const eq = schema.primaryKey.length > 0 ? '=' : 'IS NOT DISTINCT FROM';
  const keyMatch = keyColumns.map((k) => `t.${quoteIdent(k)} ${eq} ${cast(k)}`).join(' AND ');
  const columnList = schema.columns.map((c) => quoteIdent(c.name)).join(', ');
  const values = schema.columns.map((c) => cast(c.name)).join(', ');
  return {
    async apply(c) {
      if (!insertOnly) await c.run(`DELETE FROM ${target} AS t USING ${stageRef} AS s WHERE ${keyMatch}`);
      await c.run(`INSERT INTO ${target} (${columnList}) SELECT ${values} FROM ${stageRef} AS s WHERE s.${quoteIdent(OP)} = 'u'`);
    },
    async drop(c) {
      await c.run(`DROP TABLE IF EXISTS ${stageRef}`);
    },
  };
}
