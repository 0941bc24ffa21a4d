// The store: one DuckDB file owned by this process (DuckDB allows one read-write process per
// file). Writes go through one connection, serialised; each reader gets its own connection and
// sees only committed transactions.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ChangeConsumer, ChangeEvent, SchemaChange, SourceOffset, TableSchema } from '../mysql-source/index.ts';
import { UserFacingError } from '../../runtime/errors.ts';
import { createOffsetTable, readOffset, writeOffset } from './offset-store.ts';
import { createCatalogTable, evolveTable, loadKnownTables, recreateTable } from './target-table.ts';
import { applySchemaChangeToStore } from './schema-change.ts';
import { createDeadLetterTable, writeDeadLetters, type DeadLetter } from './dead-letter.ts';
import { defaultSinkConfig, type SinkConfig } from './config.ts';
import { clearProgress, createProgressTable, readProgress, writeProgress } from './snapshot-progress-store.ts';
import { clearHistory, createHistoryTable, loadHistory, recordHistory, type HistoryEntry } from './schema-history-store.ts';
import { reduceToFinalState, stagedRows, TableStage } from './upsert-batch.ts';

export const STORE_FILE = 'instaquery.duckdb';

export class ColumnarStore {
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Per connector, the staging tables of the source transaction being received. */
  private readonly stages = new Map<string, Map<string, TableStage>>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly known: Map<string, TableSchema>,
    readonly path: string,
  ) {}

  static async open(dataDir: string): Promise<ColumnarStore> {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, STORE_FILE);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path);
    } catch (err) {
      const message = (err as Error).message;
      if (/lock/i.test(message)) {
        throw new UserFacingError(`the store ${path} is in use by another process`, 'stop the other instaquery using this dataDir, or point dataDir elsewhere');
      }
      throw new UserFacingError(`cannot open the store ${path}: ${message}`);
    }
    const writer = await instance.connect();
    await createOffsetTable(writer);
    await createCatalogTable(writer);
    await createHistoryTable(writer);
    await createProgressTable(writer);
    await createDeadLetterTable(writer);
    return new ColumnarStore(instance, writer, await loadKnownTables(writer), path);
  }

  /** A connection for one reader (a gateway session). */
  connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  /** Runs `work` alone on the write connection. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(work, work);
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  private async transaction(work: () => Promise<void>): Promise<void> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      await work();
      await this.writer.run('COMMIT');
    } catch (err) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** The ChangeConsumer for one source connector: its offset is kept under its name. */
  consumerFor(connector: string, sink: SinkConfig = defaultSinkConfig): ChangeConsumer {
    return {
      committedOffset: () => this.exclusive(() => readOffset(this.writer, connector)),
      beginSnapshot: (tables, at) =>
        this.exclusive(() =>
          this.transaction(async () => {
            // The snapshot's position is stored at once, marked incomplete: a crash resumes the
            // snapshot and then streams from this position.
            await writeOffset(this.writer, connector, { ...at, snapshotCompleted: false });
            await clearHistory(this.writer, connector);
            await clearProgress(this.writer, connector);
            for (const t of tables) {
              await recreateTable(this.writer, t);
              this.known.set(`${t.db}.${t.table}`, t);
            }
            await recordHistory(this.writer, connector, at, '-- snapshot', tables.map((t) => ({ db: t.db, table: t.table, schema: t, quarantine: null })));
          }),
        ),
      applySchemaChange: (ddl, changes, offset) =>
        this.exclusive(() =>
          this.transaction(async () => {
            for (const change of changes) await applySchemaChangeToStore(this.writer, change, this.known);
            await recordHistory(this.writer, connector, offset, ddl, changes.flatMap(historyEntries));
            await writeOffset(this.writer, connector, offset);
          }),
        ),
      quarantine: (table, reason, offset) =>
        this.exclusive(() => this.transaction(() => recordHistory(this.writer, connector, offset, '-- quarantine', [{ ...table, schema: null, quarantine: reason }]))),
      schemaHistory: () => this.exclusive(() => loadHistory(this.writer, connector)),
      writeSnapshotRows: (table, rows, progress) =>
        this.exclusive(async () => {
          const stage = await TableStage.create(this.writer, table);
          try {
            await stage.append(this.writer, rows.map((row) => ({ op: 'u', row })));
            const stages = new Map([[`${table.db}.${table.table}`, stage]]);
            await this.applyHandlingPoison(connector, stages, sink, null, async () => {
              await writeProgress(this.writer, connector, table.db, table.table, progress);
            }, true);
          } finally {
            await stage.drop(this.writer);
          }
        }),
      snapshotProgress: () =>
        this.exclusive(async () => {
          const at = await readOffset(this.writer, connector);
          if (!at || at.snapshotCompleted) return null;
          return { at, tables: await readProgress(this.writer, connector) };
        }),
      completeSnapshot: (offset) =>
        this.exclusive(() =>
          this.transaction(async () => {
            await writeOffset(this.writer, connector, offset);
            await clearProgress(this.writer, connector);
          }),
        ),
      stageChanges: (events) =>
        this.exclusive(async () => {
          await this.stage(connector, events);
        }),
      discardStaged: () => this.exclusive(() => this.dropStages(connector)),
      applyChanges: (events, offset) => this.exclusive(() => this.applyChanges(connector, events, offset, sink)),
    };
  }

  /** Stages part of a transaction: each table's events reduced and appended to its stage. */
  private async stage(connector: string, events: ChangeEvent[]): Promise<Map<string, TableStage>> {
    let stages = this.stages.get(connector);
    if (!stages) this.stages.set(connector, (stages = new Map()));
    const byTable = new Map<string, { schema: TableSchema; events: ChangeEvent[] }>();
    for (const e of events) {
      const key = `${e.schema.db}.${e.schema.table}`;
      let entry = byTable.get(key);
      if (!entry) byTable.set(key, (entry = { schema: e.schema, events: [] }));
      entry.schema = e.schema;
      entry.events.push(e);
    }
    for (const [key, { schema, events: tableEvents }] of byTable) {
      const known = this.known.get(key);
      if (!known) {
        await recreateTable(this.writer, schema);
        this.known.set(key, schema);
      } else {
        this.known.set(key, await evolveTable(this.writer, known, schema));
      }
      let stage = stages.get(key);
      if (!stage) stages.set(key, (stage = await TableStage.create(this.writer, schema)));
      await stage.append(this.writer, stagedRows(reduceToFinalState(schema, tableEvents)));
    }
    return stages;
  }

  /** Applies everything staged for the connector plus `events`, and the offset, in one transaction. */
  private async applyChanges(connector: string, events: ChangeEvent[], offset: SourceOffset, sink: SinkConfig): Promise<void> {
    try {
      const stages = await this.stage(connector, events);
      await this.applyHandlingPoison(connector, stages, sink, offset, () => writeOffset(this.writer, connector, offset));
    } finally {
      await this.dropStages(connector);
    }
  }

  /**
   * Applies staged tables plus `alsoInTransaction` in one transaction. A failure is retried
   * (`max.retries`, `retry.backoff.ms`); then records the tables cannot hold are, by
   * `behavior.on.exception`, the reason the task stops (FAIL), dead-lettered (LOG) or dropped
   * (IGNORE) — and everything else is applied, so one poison record never stalls the rest.
   */
  private async applyHandlingPoison(connector: string, stages: Map<string, TableStage>, sink: SinkConfig, offset: SourceOffset | null, alsoInTransaction: () => Promise<void>, insertOnly = false): Promise<void> {
    const applyAll = (letters: DeadLetter[]) =>
      this.transaction(async () => {
        for (const stage of stages.values()) await stage.apply(this.writer, insertOnly);
        if (letters.length > 0 && sink['behavior.on.exception'] === 'LOG') await writeDeadLetters(this.writer, connector, offset, letters);
        await alsoInTransaction();
      });
    for (let attempt = 0; ; attempt++) {
      try {
        await applyAll([]);
        return;
      } catch (err) {
        if (attempt < sink['max.retries']) {
          await new Promise((r) => setTimeout(r, sink['retry.backoff.ms']));
          continue;
        }
        const letters: DeadLetter[] = [];
        for (const stage of stages.values()) {
          const found = await stage.takeUnstorable(this.writer, sink['behavior.on.exception'] !== 'FAIL');
          letters.push(...found.map((f) => ({ db: stage.schema.db, table: stage.schema.table, ...f })));
        }
        if (letters.length === 0) throw err;
        if (sink['behavior.on.exception'] === 'FAIL') {
          const first = letters[0]!;
          throw new UserFacingError(
            `the sink cannot store ${letters.length} record(s) of ${first.db}.${first.table}: ${first.error}`,
            'set "behavior.on.exception": "LOG" on the sink connector to put such records in _instaquery.dead_letter and go on, or "IGNORE" to drop them',
          );
        }
        await applyAll(letters);
        return;
      }
    }
  }

  private async dropStages(connector: string): Promise<void> {
    const stages = this.stages.get(connector);
    this.stages.delete(connector);
    for (const stage of stages?.values() ?? []) await stage.drop(this.writer).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.writer.run('CHECKPOINT').catch(() => undefined);
      this.writer.closeSync();
      this.instance.closeSync();
    });
  }
}

/** What a change leaves in the history: the table's new schema, or null where it is gone. */
function historyEntries(change: SchemaChange): HistoryEntry[] {
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
      return [];
  }
}
