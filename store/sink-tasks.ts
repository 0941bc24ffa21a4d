// The store's side of a sink connector's tasks (tasks.max): the connection each task writes on,
// and what each has applied.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { TableStage } from './upsert-batch.ts';

export interface SinkTaskStats {
  task: number;
  /** Store transactions this task wrote rows in. */
  batches: number;
  /** Staged records (each key's final state, or a keyless row's distinct values) applied. */
  recordsApplied: number;
  /** The most records this task applied in one store transaction. */
  largestBatch: number;
}

export class SinkTasks {
  /** Per connector, what each sink task has applied. */
  private readonly taskStats = new Map<string, SinkTaskStats[]>();
  /** Per connector, the connections of sink tasks 1…n-1; task 0 writes on `writer`. */
  private readonly taskConnections = new Map<string, DuckDBConnection[]>();

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
  ) {}

  /** Sink task `task`'s connection: task 0 writes on the writer, the others on their own. */
  async connection(connector: string, task: number): Promise<DuckDBConnection> {
    if (task === 0) return this.writer;
    let conns = this.taskConnections.get(connector);
    if (!conns) this.taskConnections.set(connector, (conns = []));
    while (conns.length < task) conns.push(await this.instance.connect());
    return conns[task - 1]!;
  }

  /** Counts a store transaction's applied stages to the tasks that staged them. */
  count(connector: string, stages: Map<string, TableStage>, tasks: number): void {
    let stats = this.taskStats.get(connector);
    if (!stats || stats.length !== tasks) this.taskStats.set(connector, (stats = Array.from({ length: tasks }, (_, task) => ({ task, batches: 0, recordsApplied: 0, largestBatch: 0 }))));
    const perTask = new Map<number, number>();
    for (const stage of stages.values()) perTask.set(stage.task, (perTask.get(stage.task) ?? 0) + stage.staged);
    for (const [task, records] of perTask) {
      const s = stats[task];
      if (!s) continue;
      s.batches++;
      s.recordsApplied += records;
      s.largestBatch = Math.max(s.largestBatch, records);
    }
  }

  /** What each sink task of the connector has applied since the store opened. */
  statsOf(connector: string): SinkTaskStats[] {
    return (this.taskStats.get(connector) ?? []).map((s) => ({ ...s }));
  }

  /** Closes the tasks' own connections (not the writer). */
  closeConnections(): void {
    for (const conns of this.taskConnections.values()) for (const c of conns) c.closeSync();
  }
}
