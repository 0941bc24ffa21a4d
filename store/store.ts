// The store: one DuckDB file owned by this process (DuckDB allows one read-write process per
// file). Writes go through one connection, serialised; each reader gets its own connection and
// sees only committed transactions.
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { openDuckDbFile, transactionOn } from './duckdb-file.ts';
import { allowedDirectories, lockExternalAccess } from './external-access.ts';
import type { PartitionSpec } from '../partitioning/index.ts';
import type { ChangeConsumer, ChangeEvent, SourceOffset, TableName, TableSchema } from '../core/index.ts';
import { UserFacingError } from '../core/index.ts';
import { clearOffset, createOffsetTable, readOffset, writeOffset } from './offset-store.ts';
import { createCatalogTable, evolveTable, loadKnownTables, recreateTable, type KnownTable } from './target-table.ts';
import { applySchemaChangeToStore } from './schema-change.ts';
import { createDeadLetterTable, readDeadLetters, type StoredDeadLetter } from './dead-letter.ts';
import type { WritePolicy } from './write-policy.ts';
import { defaultSpec } from '../partitioning/index.ts';
import { ensurePartitions, expectTombstones, hasColdRows, loadLayout, PARTS_SCHEMA } from './table-layout.ts';
import { createColdCatalog } from './cold-catalog.ts';
import { clearProgress, createProgressTable, readProgress, writeProgress } from './snapshot-progress-store.ts';
import { createViewsTable } from './source-views.ts';
import { createSourceServerTable, writeSourceServer } from './source-server-store.ts';
import { clearKafkaPositions, createKafkaOffsetTable, readKafkaPositions, writeKafkaPositions, type KafkaPosition } from './kafka-offset-store.ts';
import { clearHistory, createHistoryTable, historyEntries, loadHistory, recordHistory } from './schema-history-store.ts';
import { bucketOfStaged, stagedRows, TableStage } from './upsert-batch.ts';
import { applyStagesHandlingPoison } from './poison-records.ts';
import { SinkTasks, type SinkTaskStats } from './sink-tasks.ts';

export const STORE_FILE = 'instaquery.duckdb';

/** Told what each store transaction applied (for metrics); must not throw. */
export interface StoreObserver {
  /** Change events applied in one store transaction, and how long writing them took. */
  applied(connector: string, events: ChangeEvent[], seconds: number): void;
  snapshotRows(connector: string, table: TableName, rows: number, seconds: number): void;
}

export class ColumnarStore {
  observer: StoreObserver | null = null;
  private writeQueue: Promise<unknown> = Promise.resolve();
  /** Per connector, the staging tables of the batch being received (per sink task and table). */
  private readonly stages = new Map<string, Map<string, TableStage>>();
  /** Per connector, its sink tasks' connections and what each has applied. */
  private readonly sinkTaskState: SinkTasks;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly known: Map<string, KnownTable>,
    readonly path: string,
  ) {
    this.sinkTaskState = new SinkTasks(instance, writer);
  }

  /**
   * `coldDirs`: the tiering target directories (default `<dataDir>/cold`), the only ones the
   * instance may read or write besides its own file (see external-access.ts).
   */
  static async open(dataDir: string, coldDirs: readonly string[] = [join(dataDir, 'cold')]): Promise<ColumnarStore> {
    const { instance, path } = await openDuckDbFile(dataDir, STORE_FILE, 'the store');
    const writer = await instance.connect();
    // Cold files are never rewritten in place (each run writes new names), so their footers can
    // be cached across queries: a cold point lookup otherwise re-reads every file's metadata.
    await writer.run('SET GLOBAL parquet_metadata_cache = true');
    await createOffsetTable(writer);
    await createCatalogTable(writer);
    await createHistoryTable(writer);
    await createViewsTable(writer);
    await createProgressTable(writer);
    await createDeadLetterTable(writer);
    await createKafkaOffsetTable(writer);
    await createSourceServerTable(writer);
    await createColdCatalog(writer);
    await writer.run(`CREATE SCHEMA IF NOT EXISTS ${PARTS_SCHEMA}`);
    const known = await loadKnownTables(writer, (t) => defaultSpec(t.primaryKey, t.columns.map((c) => c.name)));
    await lockExternalAccess(writer, await allowedDirectories(writer, coldDirs));
    return new ColumnarStore(instance, writer, known, path);
  }

  /** A connector's dead letters (behavior.on.exception = LOG), oldest first. */
  async deadLetters(connector: string, limit: number): Promise<StoredDeadLetter[]> {
    const conn = await this.instance.connect();
    try {
      return await readDeadLetters(conn, connector, limit);
    } finally {
      conn.closeSync();
    }
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

  private transaction(work: () => Promise<void>): Promise<void> {
    return transactionOn(this.writer, work);
  }

  /** The ChangeConsumer for one source connector: its offset is kept under its name. */
  consumerFor(connector: string, policy: WritePolicy): ChangeConsumer {
    const specOf = policy.specFor;
    return {
      batching: policy.batching,
      committedOffset: () => this.exclusive(() => readOffset(this.writer, connector)),
      recordSourceServer: (server) => this.exclusive(() => writeSourceServer(this.writer, connector, server)),
      beginSnapshot: (tables, at) =>
        this.exclusive(() =>
          this.transaction(async () => {
            // The snapshot's position is stored at once, marked incomplete: a crash resumes the
            // snapshot and then streams from this position.
            await writeOffset(this.writer, connector, { ...at, snapshotCompleted: false });
            await clearHistory(this.writer, connector);
            await clearProgress(this.writer, connector);
            for (const t of tables) this.known.set(`${t.db}.${t.table}`, await recreateTable(this.writer, t, specOf(t)));
            // Each table is incomplete from now until its last chunk: the gateway refuses it.
            for (const t of tables) await writeProgress(this.writer, connector, t.db, t.table, { lastKey: null, rowsDone: 0, done: false });
            await recordHistory(this.writer, connector, at, '-- snapshot', tables.map((t) => ({ db: t.db, table: t.table, schema: t, quarantine: null })));
          }),
        ),
      applySchemaChange: (ddl, changes, offset) =>
        this.exclusive(() =>
          this.transaction(async () => {
            for (const change of changes) await applySchemaChangeToStore(this.writer, change, this.known, specOf);
            await recordHistory(this.writer, connector, offset, ddl, changes.flatMap(historyEntries));
            await writeOffset(this.writer, connector, offset);
          }),
        ),
      quarantine: (table, reason, offset) =>
        this.exclusive(() => this.transaction(() => recordHistory(this.writer, connector, offset, '-- quarantine', [{ ...table, schema: null, quarantine: reason }]))),
      schemaHistory: () => this.exclusive(() => loadHistory(this.writer, connector)),
      writeSnapshotRows: (table, rows, progress) =>
        this.exclusive(async () => {
          const entry = this.known.get(`${table.db}.${table.table}`) ?? (await this.track(table, specOf));
          const stage = await TableStage.create(this.writer, table, entry.layout);
          try {
            await stage.append(rows.map((row) => ({ op: 'u', row, count: 1, earlier: [] })));
            await ensurePartitions(this.writer, entry.layout, stage.partitionsToInsert);
            const stages = new Map([[`${table.db}.${table.table}`, stage]]);
            const started = performance.now();
            await this.applyHandlingPoison(connector, stages, policy, null, async () => {
              await writeProgress(this.writer, connector, table.db, table.table, progress);
            }, true);
            this.observer?.snapshotRows(connector, table, rows.length, (performance.now() - started) / 1000);
          } finally {
            await stage.drop();
          }
        }),
      tableLoading: (table, progress) => this.exclusive(() => this.transaction(() => writeProgress(this.writer, connector, table.db, table.table, progress))),
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
          await this.stage(connector, events, policy);
        }),
      discardStaged: () => this.exclusive(() => this.dropStages(connector)),
      applyChanges: (events, offset) => this.exclusive(() => this.applyChanges(connector, events, offset, policy)),
    };
  }

  /** Forgets a source connector's offset, history and snapshot progress (KIP-875 reset): it snapshots again. */
  resetSource(connector: string): Promise<void> {
    return this.exclusive(() =>
      this.transaction(async () => {
        await clearOffset(this.writer, connector);
        await clearHistory(this.writer, connector);
        await clearProgress(this.writer, connector);
      }),
    );
  }

  /** Kafka mode: where the sink connector's consumer stands in each partition, as last committed here. */
  kafkaPositions(connector: string): Promise<KafkaPosition[]> {
    return this.exclusive(() => readKafkaPositions(this.writer, connector));
  }

  /** Forgets the sink connector's positions (KIP-875 offset reset): it reads its topics again. */
  resetKafkaPositions(connector: string): Promise<void> {
    return this.exclusive(() => clearKafkaPositions(this.writer, connector));
  }

  /**
   * Kafka mode: applies decoded change events (tables created and evolved from each event's own
   * schema, or created from the schema-change topic) and the positions they were read at, in one store transaction. A TRUNCATE (op "t")
   * empties its table in order with the rows around it.
   */
  applyFromKafka(connector: string, events: ChangeEvent[], positions: KafkaPosition[], policy: WritePolicy, creates: TableSchema[] = []): Promise<void> {
    const specOf = policy.specFor;
    return this.exclusive(async () => {
      const started = performance.now();
      // Tables announced on the schema-change topic exist even before (or without) rows; a
      // table already known keeps its rows and evolves from its events instead.
      for (const t of creates) if (!this.known.has(`${t.db}.${t.table}`)) await this.track(t, specOf);
      let start = 0;
      for (let i = 0; i <= events.length; i++) {
        const e = events[i];
        if (e && e.op !== 't') continue;
        const part = events.slice(start, i);
        start = i + 1;
        const last = !e || i === events.length - 1;
        const write = last ? () => writeKafkaPositions(this.writer, connector, positions) : async () => undefined;
        try {
          const stages = part.length ? await this.stage(connector, part, policy) : new Map<string, TableStage>();
          await this.applyHandlingPoison(connector, stages, policy, null, async () => {
            if (e) await applySchemaChangeToStore(this.writer, { kind: 'truncate', db: e.schema.db, table: e.schema.table }, this.known, specOf);
            await write();
          });
        } finally {
          await this.dropStages(connector);
        }
        if (!e) break;
      }
      this.observer?.applied(connector, events, (performance.now() - started) / 1000);
    });
  }

  /** A table first seen in a row event (no snapshot, no DDL): created from the event's schema. */
  private async track(schema: TableSchema, specOf: (schema: TableSchema) => PartitionSpec): Promise<KnownTable> {
    const entry = await recreateTable(this.writer, schema, specOf(schema));
    this.known.set(`${schema.db}.${schema.table}`, entry);
    return entry;
  }

  /** The tables the store holds, as they are now (tiering reads their layouts). */
  tables(): KnownTable[] {
    return [...this.known.values()];
  }

  /**
   * Runs one of tiering's catalog steps on table db.table alone on the write connection, in one
   * transaction with `bookkeeping` (the run's own record). If it fails, the table's layout is
   * read back from the catalog, so memory never keeps a step the store rolled back.
   */
  coldStep<T>(db: string, table: string, step: (conn: DuckDBConnection, entry: KnownTable) => Promise<T>, bookkeeping: (conn: DuckDBConnection) => Promise<void> = async () => undefined): Promise<T> {
    return this.exclusive(async () => {
      const key = `${db}.${table}`;
      const entry = this.known.get(key);
      if (!entry) throw new UserFacingError(`the store holds no table ${key}`);
      let result!: T;
      try {
        await this.transaction(async () => {
          result = await step(this.writer, entry);
          await bookkeeping(this.writer);
        });
      } catch (err) {
        this.known.set(key, { schema: entry.schema, layout: await loadLayout(this.writer, entry.schema, entry.layout.spec) });
        throw err;
      }
      return result;
    });
  }

  /** Runs `work` alone on the write connection (tiering's own tables). */
  withWriter<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.writer));
  }

  /**
   * Stages part of a batch: each table's events reduced and appended to its stage. With
   * `tasks.max` > 1, a table's rows are split by hash bucket among the tasks (task = bucket mod
   * tasks), each staging on its own connection; a keyless table stays whole on task 0.
   */
  private async stage(connector: string, events: ChangeEvent[], policy: WritePolicy): Promise<Map<string, TableStage>> {
    const specOf = policy.specFor;
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
    const tasks = policy.tasks;
    for (const [key, { schema, events: tableEvents }] of byTable) {
      const known = this.known.get(key);
      const entry = known ? await evolveTable(this.writer, known, schema) : await this.track(schema, specOf);
      this.known.set(key, entry);
      const rows = stagedRows(entry.schema, tableEvents);
      const shares: (typeof rows)[] = Array.from({ length: tasks }, () => []);
      if (tasks === 1 || schema.primaryKey.length === 0) shares[0] = rows;
      else for (const row of rows) shares[bucketOfStaged(entry.layout, row) % tasks]!.push(row);
      for (let task = 0; task < tasks; task++) {
        if (shares[task]!.length === 0) continue;
        const stageKey = `${task}:${key}`;
        let stage = stages.get(stageKey);
        if (!stage) stages.set(stageKey, (stage = await TableStage.create(await this.sinkTaskState.connection(connector, task), entry.schema, entry.layout, task)));
        await stage.append(shares[task]!);
        // New range partitions are created before any task writes: DDL in parallel transactions would conflict.
        await ensurePartitions(this.writer, entry.layout, stage.partitionsToInsert);
        if (hasColdRows(entry.layout)) await expectTombstones(this.writer, entry.layout, stage.partitionsToDelete);
      }
    }
    return stages;
  }

  /** Applies everything staged for the connector plus `events`, and the offset, in one transaction. */
  private async applyChanges(connector: string, events: ChangeEvent[], offset: SourceOffset, policy: WritePolicy): Promise<void> {
    try {
      const started = performance.now();
      const stages = await this.stage(connector, events, policy);
      await this.applyHandlingPoison(connector, stages, policy, offset, () => writeOffset(this.writer, connector, offset));
      this.observer?.applied(connector, events, (performance.now() - started) / 1000);
    } finally {
      await this.dropStages(connector);
    }
  }

  /** Applies staged tables plus `alsoInTransaction` in one transaction (see poison-records.ts), and counts what each task applied. */
  private async applyHandlingPoison(connector: string, stages: Map<string, TableStage>, policy: WritePolicy, offset: SourceOffset | null, alsoInTransaction: () => Promise<void>, insertOnly = false): Promise<void> {
    await applyStagesHandlingPoison(this.writer, connector, stages, policy, offset, alsoInTransaction, insertOnly);
    this.sinkTaskState.count(connector, stages, policy.tasks);
  }

  /** What each sink task of the connector has applied since the store opened. */
  sinkTasks(connector: string): SinkTaskStats[] {
    return this.sinkTaskState.statsOf(connector);
  }

  private async dropStages(connector: string): Promise<void> {
    const stages = this.stages.get(connector);
    this.stages.delete(connector);
    for (const stage of stages?.values() ?? []) await stage.drop().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.exclusive(async () => {
      await this.writer.run('CHECKPOINT').catch(() => undefined);
      this.sinkTaskState.closeConnections();
      this.writer.closeSync();
      this.instance.closeSync();
    });
  }
}
