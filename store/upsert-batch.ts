// Applies a batch of row changes to one target table the way DuckDB is fastest at it: reduce the
// batch to each key's final state, append it as text into a temp staging table, then
// DELETE the staged keys and INSERT the surviving rows with exact casts — per range partition
// when the table has them.
//
// Tables without a primary key are append-only multisets, as MySQL keeps them: an insert appends
// a row, a delete removes one row with identical values (not every duplicate), an update does
// both. Their batches reduce to a net count per distinct row instead of a final state.
import type { DuckDBConnection } from '@duckdb/node-api';
import { bucketOf, rangePartitionOf } from '../partitioning/index.ts';
import type { ChangeEvent, Row, RowValue, TableSchema } from '../core/index.ts';
import { mapColumnType } from '../core/index.ts';
import { quoteIdent, quoteLiteral } from './sql-names.ts';
import { archivedPartitions, hasColdRows, isRangePartitioned, partitionTable, rowTables, tombstoneTable, type TableLayout } from './table-layout.ts';

const OP = '__iq_op';
const SEQ = '__iq_seq';
const PART = '__iq_part';
const COUNT = '__iq_count';

/** NULL, text and bytes must never collide: 'null' the string is not NULL. */
const part = (v: RowValue | undefined) => (v === null || v === undefined ? null : Buffer.isBuffer(v) ? `x:${v.toString('hex')}` : `v:${String(v)}`);
const identity = (row: Row, columns: string[]): string => JSON.stringify(columns.map((k) => part(row[k])));

export interface FinalState {
  key: Row;
  /** `null`: deleted. */
  row: Row | null;
  /** Rows this key had earlier in the batch or in the store (before images): where to delete it. */
  earlier: Row[];
}

/** The final state per primary key, in last-change order. */
export function reduceToFinalState(schema: TableSchema, events: ChangeEvent[]): Map<string, FinalState> {
  const keyColumns = schema.primaryKey;
  const keyOf = (row: Row): Row => Object.fromEntries(keyColumns.map((k) => [k, row[k] ?? null]));
  const state = new Map<string, FinalState>();
  for (const e of events) {
    let earlier: Row[] = [];
    if (e.before && (e.op === 'd' || e.op === 'u')) {
      const key = keyOf(e.before);
      const id = identity(key, keyColumns);
      earlier = [...(state.get(id)?.earlier ?? []), e.before];
      state.set(id, { key, row: null, earlier });
    }
    if (e.after && e.op !== 'd') {
      const key = keyOf(e.after);
      const id = identity(key, keyColumns);
      const prior = state.get(id)?.earlier ?? [];
      state.delete(id); // re-insert keeps the map in last-change order
      state.set(id, { key, row: e.after, earlier: prior });
    }
  }
  return state;
}

/** Net copies per distinct row of a keyless table: > 0 appends, < 0 deletes that many. */
export function reduceToRowCounts(schema: TableSchema, events: ChangeEvent[]): Map<string, { row: Row; count: number }> {
  const columns = schema.columns.map((c) => c.name);
  const counts = new Map<string, { row: Row; count: number }>();
  const add = (row: Row, n: number) => {
    const id = identity(row, columns);
    const entry = counts.get(id);
    if (entry) entry.count += n;
    else counts.set(id, { row, count: n });
  };
  for (const e of events) {
    if (e.before && (e.op === 'd' || e.op === 'u')) add(e.before, -1);
    if (e.after && e.op !== 'd') add(e.after, 1);
  }
  for (const [id, entry] of counts) if (entry.count === 0) counts.delete(id);
  return counts;
}

/** One staged record: `u` carries the whole row, `d` the key (or, keyless, the whole row). */
export interface StagedRow {
  op: 'd' | 'u';
  row: Row;
  /** Keyless tables: copies to append or delete. */
  count: number;
  /** Rows the key had before (keyed tables): their range partitions are where to delete it. */
  earlier: Row[];
}

export function stagedRows(schema: TableSchema, events: ChangeEvent[]): StagedRow[] {
  if (schema.primaryKey.length === 0) {
    return [...reduceToRowCounts(schema, events).values()].map(({ row, count }) => ({ op: count > 0 ? 'u' : 'd', row, count: Math.abs(count), earlier: [] }));
  }
  return [...reduceToFinalState(schema, events).values()].map(({ key, row, earlier }) => (row ? { op: 'u', row, count: 1, earlier } : { op: 'd', row: key, count: 1, earlier }));
}

/** The hash bucket of a staged row: routes it to the sink task that owns the bucket. */
export function bucketOfStaged(layout: TableLayout, staged: StagedRow): number {
  return bucketOf(layout.spec, staged.op === 'u' || staged.earlier.length === 0 ? staged.row : staged.earlier[0]!);
}

let stageCounter = 0;

/**
 * A temp staging table for one target table on one connection (one sink task), filled in one or
 * more chunks (a large source transaction is staged chunk by chunk, so it never has to sit in
 * memory whole) and applied in the caller's transaction. DuckDB spills it to disk if needed.
 */
export class TableStage {
  private chunks = 0;
  /** Range partitions rows go into, and those where keys may have lived before. */
  private readonly insertInto = new Set<string>();
  private readonly deleteFrom = new Set<string>();
  /** A before image without the range column (binlog_row_image=MINIMAL): delete everywhere. */
  private deleteEverywhere = false;
  /** Records staged so far. */
  staged = 0;

  private constructor(
    readonly conn: DuckDBConnection,
    /** The sink task this stage belongs to. */
    readonly task: number,
    readonly schema: TableSchema,
    readonly layout: TableLayout,
    private readonly name: string,
  ) {}

  static async create(conn: DuckDBConnection, schema: TableSchema, layout: TableLayout, task = 0): Promise<TableStage> {
    const name = `iq_stage_${++stageCounter}`;
    const meta = [`${quoteIdent(OP)} VARCHAR`, `${quoteIdent(SEQ)} INTEGER`, `${quoteIdent(PART)} VARCHAR`, `${quoteIdent(COUNT)} INTEGER`];
    const columns = schema.columns.map((c) => `${quoteIdent(c.name)} VARCHAR`);
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(name)} (${[...meta, ...columns].join(', ')})`);
    const stage = new TableStage(conn, task, schema, layout, name);
    if (stage.routesDeletes) {
      const keys = schema.primaryKey.map((k) => `${quoteIdent(k)} VARCHAR`);
      await conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(`${name}_del`)} (${[`${quoteIdent(PART)} VARCHAR`, ...keys].join(', ')})`);
    }
    return stage;
  }

  private get ref(): string {
    return `temp.main.${quoteIdent(this.name)}`;
  }

  /**
   * The keys to delete per range partition (a key's partition now and where it lived before):
   * each partition's DELETE then joins only its own keys, not the whole batch.
   */
  private get deletesRef(): string {
    return `temp.main.${quoteIdent(`${this.name}_del`)}`;
  }

  private get routesDeletes(): boolean {
    return isRangePartitioned(this.layout) && !this.keyless;
  }

  private get keyless(): boolean {
    return this.schema.primaryKey.length === 0;
  }

  /** Range partitions this stage will insert into: they must exist before `apply`. */
  get partitionsToInsert(): ReadonlySet<string> {
    return this.insertInto;
  }

  /** Range partitions this stage may delete keys from (every one, for before images without the range column). */
  get partitionsToDelete(): Iterable<string> {
    return this.deleteEverywhere ? archivedPartitions(this.layout) : this.deleteFrom;
  }

  /** Appends rows as text; the appender commits on its own, outside any transaction. */
  async append(rows: StagedRow[]): Promise<void> {
    const seq = ++this.chunks;
    const encoders = this.schema.columns.map((c) => mapColumnType(c.columnType).encode);
    const names = this.schema.columns.map((c) => c.name);
    const range = this.layout.spec.range;
    const rangeIndex = range ? names.indexOf(range.column) : -1;
    const partitionOf = (row: Row): string | null => (rangeIndex < 0 ? null : rangePartitionOf(this.layout.spec, encoders[rangeIndex]!(row[range!.column] ?? null)));
    const deletes: { part: string; key: Row }[] = [];
    const appender = await this.conn.createAppender(this.name, 'main', 'temp');
    try {
      for (const staged of rows) {
        const { op, row } = staged;
        const p = op === 'u' || this.keyless ? partitionOf(row) : null;
        if (p !== null) (op === 'u' ? this.insertInto : this.deleteFrom).add(p);
        if (this.routesDeletes) {
          const parts = new Set<string>(p === null ? [] : [p]);
          for (const before of staged.earlier) {
            if (!(range!.column in before)) this.deleteEverywhere = true;
            else parts.add(partitionOf(before)!);
          }
          for (const part of parts) {
            this.deleteFrom.add(part);
            deletes.push({ part, key: row });
          }
        }
        appender.appendVarchar(op);
        appender.appendInteger(seq);
        if (p === null) appender.appendNull();
        else appender.appendVarchar(p);
        appender.appendInteger(staged.count);
        for (let i = 0; i < encoders.length; i++) {
          const text = encoders[i]!(row[names[i]!] ?? null);
          if (text === null) appender.appendNull();
          else appender.appendVarchar(text);
        }
        appender.endRow();
      }
      appender.flushSync();
      this.staged += rows.length;
    } finally {
      appender.closeSync();
    }
    if (deletes.length > 0) await this.appendDeletes(deletes);
  }

  private async appendDeletes(deletes: { part: string; key: Row }[]): Promise<void> {
    const keys = this.schema.primaryKey;
    const encoders = keys.map((k) => mapColumnType(this.schema.columns.find((c) => c.name === k)!.columnType).encode);
    const appender = await this.conn.createAppender(`${this.name}_del`, 'main', 'temp');
    try {
      for (const { part, key } of deletes) {
        appender.appendVarchar(part);
        for (let i = 0; i < keys.length; i++) {
          const text = encoders[i]!(key[keys[i]!] ?? null);
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

  private cast(name: string): string {
    return mapColumnType(this.schema.columns.find((c) => c.name === name)!.columnType).decodeSql(`s.${quoteIdent(name)}`);
  }

  /** Where rows go: each range partition with its filter on the stage, or the one table. */
  private targets(partitions: Iterable<string>): { table: string; where: string }[] {
    if (!isRangePartitioned(this.layout)) return [{ table: rowTables(this.layout)[0]!, where: 'true' }];
    return [...partitions].filter((p) => this.layout.partitions.has(p)).sort().map((p) => ({ table: partitionTable(this.layout, p), where: `s.${quoteIdent(PART)} = '${p.replace(/'/g, "''")}'` }));
  }

  private deleteTargets(): string[] {
    if (!isRangePartitioned(this.layout) || this.deleteEverywhere) return rowTables(this.layout);
    return this.targets(this.deleteFrom).map((t) => t.table);
  }

  /** DELETE the staged keys and INSERT the surviving rows; `insertOnly` skips the delete. */
  async apply(insertOnly = false): Promise<void> {
    if (this.keyless) return this.applyKeyless(insertOnly);
    const keyMatch = this.schema.primaryKey.map((k) => `t.${quoteIdent(k)} = ${this.cast(k)}`).join(' AND ');
    if (this.chunks > 1) {
      // Chunks were each reduced to final states; across chunks the last one wins.
      const keys = this.schema.primaryKey.map(quoteIdent).join(', ');
      await this.conn.run(`DELETE FROM ${this.ref} WHERE rowid IN (SELECT rowid FROM ${this.ref} QUALIFY row_number() OVER (PARTITION BY ${keys} ORDER BY ${quoteIdent(SEQ)} DESC) > 1)`);
    }
    if (!insertOnly) {
      if (this.routesDeletes && !this.deleteEverywhere) {
        for (const { table, where } of this.targets(this.deleteFrom)) {
          await this.conn.run(`DELETE FROM ${table} AS t USING (SELECT * FROM ${this.deletesRef} AS s WHERE ${where}) AS s WHERE ${keyMatch}`);
        }
      } else {
        for (const table of this.deleteTargets()) await this.conn.run(`DELETE FROM ${table} AS t USING ${this.ref} AS s WHERE ${keyMatch}`);
      }
      if (hasColdRows(this.layout)) await this.writeTombstones();
    }
    const targets = this.targets(this.insertInto);
    if (targets.length <= 1) {
      for (const { table, where } of targets) {
        await this.conn.run(`INSERT INTO ${table} (${this.columnList}) SELECT ${this.values} FROM ${this.ref} AS s WHERE s.${quoteIdent(OP)} = 'u' AND ${where}`);
      }
      return;
    }
    // Many partitions: cast the batch once, then each partition takes its rows.
    const typed = `temp.main.${quoteIdent(`${this.name}_typed`)}`;
    await this.conn.run(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(`${this.name}_typed`)} AS SELECT s.${quoteIdent(PART)}, ${this.schema.columns.map((c) => `${this.cast(c.name)} AS ${quoteIdent(c.name)}`).join(', ')} FROM ${this.ref} AS s WHERE s.${quoteIdent(OP)} = 'u'`);
    try {
      for (const { table, where } of targets) {
        await this.conn.run(`INSERT INTO ${table} (${this.columnList}) SELECT ${this.columnList} FROM ${typed} AS s WHERE ${where}`);
      }
    } finally {
      await this.conn.run(`DROP TABLE IF EXISTS ${typed}`);
    }
  }

  /**
   * Keys deleted (or moved, or rewritten) in archived partitions: the tombstones hide their
   * archived versions until tiering folds them into the partition's files.
   */
  private async writeTombstones(): Promise<void> {
    const archived = [...archivedPartitions(this.layout)].map(quoteLiteral);
    if (archived.length === 0) return;
    const keys = this.schema.primaryKey.map((k) => this.cast(k)).join(', ');
    const epoch = this.layout.epoch;
    if (this.deleteEverywhere) {
      // No range value in the before image: the key may sit in any archived partition.
      await this.conn.run(`INSERT INTO ${tombstoneTable(this.layout)} SELECT p.part, ${epoch}, ${keys} FROM ${this.ref} AS s, (VALUES ${archived.map((a) => `(${a})`).join(', ')}) AS p(part)`);
      return;
    }
    await this.conn.run(`INSERT INTO ${tombstoneTable(this.layout)} SELECT s.${quoteIdent(PART)}, ${epoch}, ${keys} FROM ${this.deletesRef} AS s WHERE s.${quoteIdent(PART)} IN (${archived.join(', ')})`);
  }

  private get columnList(): string {
    return this.schema.columns.map((c) => quoteIdent(c.name)).join(', ');
  }

  private get values(): string {
    return this.schema.columns.map((c) => this.cast(c.name)).join(', ');
  }

  /** Chunk by chunk, in order: delete `count` matching rows, append `count` copies. */
  private async applyKeyless(insertOnly: boolean): Promise<void> {
    const same = this.schema.columns.map((c) => `t.${quoteIdent(c.name)} IS NOT DISTINCT FROM ${this.cast(c.name)}`).join(' AND ');
    const partitions = new Set([...this.insertInto, ...this.deleteFrom]);
    for (let seq = 1; seq <= this.chunks; seq++) {
      for (const { table, where } of this.targets(partitions)) {
        const chunk = `s.${quoteIdent(SEQ)} = ${seq} AND ${where}`;
        if (!insertOnly) {
          await this.conn.run(
            `DELETE FROM ${table} WHERE rowid IN (SELECT t.rowid FROM ${table} AS t JOIN ${this.ref} AS s ON ${same}
             WHERE s.${quoteIdent(OP)} = 'd' AND ${chunk}
             QUALIFY row_number() OVER (PARTITION BY s.rowid ORDER BY t.rowid) <= s.${quoteIdent(COUNT)})`,
          );
        }
        await this.conn.run(
          `INSERT INTO ${table} (${this.columnList}) SELECT ${this.values} FROM (SELECT *, unnest(range(${quoteIdent(COUNT)})) FROM ${this.ref}) AS s WHERE s.${quoteIdent(OP)} = 'u' AND ${chunk}`,
        );
      }
    }
  }

  /**
   * Finds staged records the target table cannot hold (a value that does not cast to its column's
   * type, e.g. MySQL's '2024-02-30' under ALLOW_INVALID_DATES), removes them from the stage and
   * returns them with the reason. `remove` false only reports them.
   */
  async takeUnstorable(remove = true): Promise<{ op: string; record: Record<string, string | null>; error: string }[]> {
    const checked = this.schema.columns
      .map((c) => ({ name: c.name, type: mapColumnType(c.columnType).duckType }))
      .filter((c) => c.type !== 'VARCHAR' && c.type !== 'BLOB');
    if (checked.length === 0) return [];
    const fails = (c: { name: string; type: string }) => `(s.${quoteIdent(c.name)} IS NOT NULL AND TRY_CAST(s.${quoteIdent(c.name)} AS ${c.type}) IS NULL)`;
    const flags = checked.map((c, i) => `${fails(c)} AS __iq_bad_${i}`).join(', ');
    const reader = await this.conn.runAndReadAll(
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
    if (remove && found.length > 0) await this.conn.run(`DELETE FROM ${this.ref} WHERE rowid IN (${found.map((f) => f.rowid).join(', ')})`);
    return found.map(({ op, record, error }) => ({ op, record, error }));
  }

  async drop(): Promise<void> {
    await this.conn.run(`DROP TABLE IF EXISTS ${this.ref}`);
    if (this.routesDeletes) await this.conn.run(`DROP TABLE IF EXISTS ${this.deletesRef}`);
  }
}
