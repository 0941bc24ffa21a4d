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

/** A key's final state as staged: `u` carries the whole row, `d` only the key columns. */
export type StagedRow = { op: 'd' | 'u'; row: Row };

export function stagedRows(state: Map<string, { key: Row; row: Row | null }>): StagedRow[] {
  return [...state.values()].map(({ key, row }) => (row ? { op: 'u', row } : { op: 'd', row: key }));
}

let stageCounter = 0;
const SEQ = '__iq_seq';

/**
 * A temp staging table for one target table, filled in one or more chunks (a large source
 * transaction is staged chunk by chunk, so it never has to sit in memory whole) and applied in
 * the caller's transaction. Private to the write connection; DuckDB spills it to disk if needed.
 */
export class TableStage {
  private chunks = 0;

  private constructor(
    readonly schema: TableSchema,
    private readonly name: string,
  ) {}

  static async create(conn: DuckDBConnection, schema: TableSchema): Promise<TableStage> {
    const name = `iq_stage_${++stageCounter}`;
    const columns = [OP, SEQ, ...schema.columns.map((c) => c.name)];
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} (${columns.map((c) => `${quoteIdent(c)} ${c === SEQ ? 'INTEGER' : 'VARCHAR'}`).join(', ')})`);
    return new TableStage(schema, name);
  }

  private get ref(): string {
    return `temp.main.${quoteIdent(this.name)}`;
  }

  /** Appends rows as text; the appender commits on its own, outside any transaction. */
  async append(conn: DuckDBConnection, rows: StagedRow[]): Promise<void> {
    const seq = ++this.chunks;
    const encoders = this.schema.columns.map((c) => mapColumnType(c.columnType).encode);
    const names = this.schema.columns.map((c) => c.name);
    const appender = await conn.createAppender(this.name, 'main', 'temp');
    try {
      for (const { op, row } of rows) {
        appender.appendVarchar(op);
        appender.appendInteger(seq);
        for (let i = 0; i < encoders.length; i++) {
          const text = encoders[i]!(row[names[i]!] ?? null);
          if (text === null) appender.appendNull();
          else appender.appendVarchar(text);
        }
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }

  /** DELETE the staged keys and INSERT the surviving rows; `insertOnly` skips the delete. */
  async apply(conn: DuckDBConnection, insertOnly = false): Promise<void> {
    const { schema } = this;
    const target = qualified(schema.db, schema.table);
    const cast = (name: string) => mapColumnType(schema.columns.find((c) => c.name === name)!.columnType).decodeSql(`s.${quoteIdent(name)}`);
    const keyColumns = schema.primaryKey.length > 0 ? schema.primaryKey : schema.columns.map((c) => c.name);
    // Key columns are never NULL, and `=` lets DuckDB hash-join; whole-row identity needs NULL-safe equality.
    const eq = schema.primaryKey.length > 0 ? '=' : 'IS NOT DISTINCT FROM';
    const keyMatch = keyColumns.map((k) => `t.${quoteIdent(k)} ${eq} ${cast(k)}`).join(' AND ');
    // Chunks were each reduced to final states; across chunks the last one wins.
    const source = this.chunks > 1 ? `(SELECT * FROM ${this.ref} QUALIFY row_number() OVER (PARTITION BY ${keyColumns.map(quoteIdent).join(', ')} ORDER BY ${SEQ} DESC) = 1)` : this.ref;
    if (!insertOnly) await conn.run(`DELETE FROM ${target} AS t USING ${source} AS s WHERE ${keyMatch}`);
    const columnList = schema.columns.map((c) => quoteIdent(c.name)).join(', ');
    const values = schema.columns.map((c) => cast(c.name)).join(', ');
    await conn.run(`INSERT INTO ${target} (${columnList}) SELECT ${values} FROM ${source} AS s WHERE s.${quoteIdent(OP)} = 'u'`);
  }

  /**
   * Finds staged records the target table cannot hold (a value that does not cast to its column's
   * type, e.g. MySQL's '2024-02-30' under ALLOW_INVALID_DATES), removes them from the stage and
   * returns them with the reason. `remove` false only reports them.
   */
  async takeUnstorable(conn: DuckDBConnection, remove = true): Promise<{ op: string; record: Record<string, string | null>; error: string }[]> {
    const checked = this.schema.columns
      .map((c) => ({ name: c.name, type: mapColumnType(c.columnType).duckType }))
      .filter((c) => c.type !== 'VARCHAR' && c.type !== 'BLOB');
    if (checked.length === 0) return [];
    const fails = (c: { name: string; type: string }) => `(s.${quoteIdent(c.name)} IS NOT NULL AND TRY_CAST(s.${quoteIdent(c.name)} AS ${c.type}) IS NULL)`;
    const flags = checked.map((c, i) => `${fails(c)} AS __iq_bad_${i}`).join(', ');
    const reader = await conn.runAndReadAll(
      `SELECT * FROM (SELECT s.rowid AS __iq_rowid, ${flags}, s.* FROM ${this.ref} AS s WHERE s.${quoteIdent(OP)} = 'u') WHERE ${checked.map((_, i) => `__iq_bad_${i}`).join(' OR ')}`,
    );
    const names = reader.columnNames();
    const found = reader.getRowsJS().map((values) => {
      const row = Object.fromEntries(names.map((n, i) => [n, values[i]]));
      const text = (name: string) => (row[name] === null || row[name] === undefined ? null : String(row[name]));
      const bad = checked.filter((_, i) => row[`__iq_bad_${i}`] === true);
      const record = Object.fromEntries(this.schema.columns.map((c) => [c.name, text(c.name)]));
      return { rowid: String(row.__iq_rowid), op: text(OP)!, record, error: bad.map((c) => `column ${c.name}: '${text(c.name)}' is not a valid ${c.type}`).join('; ') };
    });
    if (remove && found.length > 0) await conn.run(`DELETE FROM ${this.ref} WHERE rowid IN (${found.map((f) => f.rowid).join(', ')})`);
    return found.map(({ op, record, error }) => ({ op, record, error }));
  }

  async drop(conn: DuckDBConnection): Promise<void> {
    await conn.run(`DROP TABLE IF EXISTS ${this.ref}`);
  }
}
