// A source worker's own state in Kafka mode: offsets, schema history and snapshot progress in a
// small DuckDB file of its own (<dataDir>/source-state.duckdb), with the same tables the store
// keeps in embedded mode. One local transaction writes an offset together with the history it
// implies, so the two can never disagree after a crash — the failure Debezium's separate
// schema-history and offsets topics are known for — and no broker-side retention can lose them.
// Rows never land here: this process publishes them to Kafka and records how far it got only
// after the broker acknowledged.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { SchemaHistoryState, SourceOffset, TableSnapshotProgress } from '../core/index.ts';
import { openDuckDbFile, transactionOn } from './duckdb-file.ts';
import { clearOffset, createOffsetTable, readOffset, writeOffset } from './offset-store.ts';
import { clearHistory, createHistoryTable, loadHistory, recordHistory, type HistoryEntry } from './schema-history-store.ts';
import { clearProgress, createProgressTable, readProgress, writeProgress } from './snapshot-progress-store.ts';

export const SOURCE_STATE_FILE = 'source-state.duckdb';
export type { HistoryEntry };

export class SourceStateStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(dataDir: string): Promise<SourceStateStore> {
    const { instance, path } = await openDuckDbFile(dataDir, SOURCE_STATE_FILE, 'the source state');
    const conn = await instance.connect();
    await createOffsetTable(conn);
    await createHistoryTable(conn);
    await createProgressTable(conn);
    return new SourceStateStore(instance, conn, path);
  }

  /** Runs `work` in one transaction, after every earlier call. */
  private atomically<T>(work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => transactionOn(this.conn, () => work(this.conn)));
    this.queue = run.catch(() => undefined);
    return run;
  }

  offset(connector: string): Promise<SourceOffset | null> {
    return this.atomically((c) => readOffset(c, connector));
  }

  history(connector: string): Promise<SchemaHistoryState> {
    return this.atomically((c) => loadHistory(c, connector));
  }

  progress(connector: string): Promise<Map<string, TableSnapshotProgress>> {
    return this.atomically((c) => readProgress(c, connector));
  }

  /** Records, in one transaction, any of: a new offset, history entries, snapshot progress, resets. */
  record(connector: string, change: { offset?: SourceOffset; history?: { at: SourceOffset; ddl: string; entries: HistoryEntry[] }; progress?: { db: string; table: string; progress: TableSnapshotProgress }; resetHistory?: boolean; resetProgress?: boolean }): Promise<void> {
    return this.atomically(async (c) => {
      if (change.resetHistory) await clearHistory(c, connector);
      if (change.resetProgress) await clearProgress(c, connector);
      if (change.history) await recordHistory(c, connector, change.history.at, change.history.ddl, change.history.entries);
      if (change.progress) await writeProgress(c, connector, change.progress.db, change.progress.table, change.progress.progress);
      if (change.offset) await writeOffset(c, connector, change.offset);
    });
  }

  /** Forgets the connector's offset, history and progress (KIP-875 offset reset): it snapshots again. */
  reset(connector: string): Promise<void> {
    return this.atomically(async (c) => {
      await clearOffset(c, connector);
      await clearHistory(c, connector);
      await clearProgress(c, connector);
    });
  }

  async close(): Promise<void> {
    await this.queue;
    await this.conn.run('CHECKPOINT').catch(() => undefined);
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
