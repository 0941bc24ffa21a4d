// The tiering job: on its schedule, on demand, and at start (to finish what a crash interrupted),
// each range partition of a table with a hot window that lies wholly before the window — or an
// archived one that later writes changed — is moved to Parquet in three steps:
//   1. freeze (one store transaction, with its run record): the hot table becomes read-only;
//   2. write files from it (and from the partition's older files), outside any lock;
//   3. switch (one store transaction): the view reads the new files, the frozen table and the
//      tombstones folded into them go, the run is recorded archived; then the manifest.
// Readers see each partition's rows exactly once at every moment: DuckDB gives each query one
// snapshot, and steps 1 and 3 change the view and the tables it reads in the same commit.
import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import type { ColumnarStore, KnownTable } from '../store/index.ts';
import { archivePartition, archiveSourceSql, freezePartition, partitionsWithTombstones, referencedColdFiles, restorePartition } from '../store/index.ts';
import { isOutsideWindow, type HotWindow } from '../partitioning/index.ts';
import { UserFacingError } from '../core/index.ts';
import type { Logger } from '../core/index.ts';
import { writePartitionFiles } from './parquet-export.ts';
import { writeManifest } from './manifest.ts';
import { removeOrphans } from './orphans.ts';
import { createRunLog, finishRun, openRun, recentRuns, recordRun, type TierRun } from './run-log.ts';

export interface TablePolicy {
  /** Cron expression (UTC, 5 fields, or 6 with seconds first); default nightly at 02:00. */
  schedule: string;
  targetDir: string;
  fileSizeBytes: number;
  rowGroupSize: number;
}

export interface TieringSettings extends TablePolicy {
  /** How long an unreferenced file is kept before orphan cleanup deletes it. */
  orphanGraceMs: number;
  /** Per table (db.table), what differs from the defaults above. */
  tables?: Record<string, Partial<TablePolicy>>;
}

export interface TieringProgress {
  table: string;
  partition: string;
  step: 'freeze' | 'write' | 'switch';
  run_id: string;
}

/** Test hook: called before each step, so a test can kill the process between steps. */
export type StepHook = (step: 'freeze' | 'write' | 'switch' | 'manifest', table: string, partition: string) => Promise<void> | void;

export class Tiering {
  private crons: Cron[] = [];
  private running: Promise<TierRun[]> | null = null;
  private current: TieringProgress | null = null;
  private readonly active = new Set<string>();
  /** Set by stop(): a run ends after the partition in hand (a frozen one is finished at next start). */
  private stopping = false;
  /** Told of every partition moved (for metrics). */
  observe: (table: string, state: 'archived' | 'restored' | 'failed', bytes: number) => void = () => undefined;

  constructor(
    private readonly store: ColumnarStore,
    readonly settings: TieringSettings,
    /** The hot window of db.table from the sink connectors' `hot.window.<db>.<table>`, if any. */
    private readonly windowOf: (db: string, table: string) => HotWindow | null,
    private readonly log: Logger,
    private readonly beforeStep: StepHook = () => undefined,
  ) {}

  /** Finishes interrupted runs, removes orphans, then follows the schedule. */
  async start(): Promise<void> {
    await this.store.withWriter(createRunLog);
    await this.run(null, 'recovery');
    // One timer per distinct schedule, each running the tables that follow it.
    const own = new Map<string, string[]>();
    for (const [name, policy] of Object.entries(this.settings.tables ?? {})) if (policy.schedule) own.set(policy.schedule, [...(own.get(policy.schedule) ?? []), name]);
    const scheduled = (pick: (name: string) => boolean) => () => {
      void this.runWhere(pick, 'schedule').catch((err: Error) => this.log.error({ err: err.message }, 'scheduled tiering run failed'));
    };
    const custom = new Set([...own.values()].flat());
    this.crons = [
      new Cron(this.settings.schedule, { timezone: 'UTC', protect: true, unref: true }, scheduled((name) => !custom.has(name))),
      ...[...own].map(([schedule, names]) => new Cron(schedule, { timezone: 'UTC', protect: true, unref: true }, scheduled((name) => names.includes(name)))),
    ];
  }

  /** Defaults overridden by the table's own `tiering.tables` entry. */
  policyOf(name: string): TablePolicy {
    return { schedule: this.settings.schedule, targetDir: this.settings.targetDir, fileSizeBytes: this.settings.fileSizeBytes, rowGroupSize: this.settings.rowGroupSize, ...this.settings.tables?.[name] };
  }

  stop(): Promise<unknown> {
    this.stopping = true;
    for (const cron of this.crons) cron.stop();
    return (this.running ?? Promise.resolve()).catch(() => undefined);
  }

  /** The next time a scheduled run starts for table `name` (or for any table). */
  nextRun(name?: string): string | null {
    const custom = name ? this.settings.tables?.[name]?.schedule : undefined;
    const cron = custom ? this.crons.find((c) => c.getPattern() === custom) : name ? this.crons[0] : this.crons.map((c) => [c, c.nextRun()?.getTime() ?? Infinity] as const).sort((a, b) => a[1] - b[1])[0]?.[0];
    return cron?.nextRun()?.toISOString() ?? null;
  }

  /**
   * One run over `table` (db.table) or every table with a hot window; a run already going is
   * joined, not doubled. Recovery only finishes frozen partitions.
   */
  run(table: string | null, trigger: TierRun['trigger']): Promise<TierRun[]> {
    if (table !== null && !this.store.tables().some((t) => `${t.schema.db}.${t.schema.table}` === table)) {
      return Promise.reject(new UserFacingError(`the store holds no table ${table}`, 'name it as <database>.<table>, as GET /tiering lists them'));
    }
    return this.runWhere(table === null ? () => true : (name) => name === table, trigger, table);
  }

  private runWhere(pick: (name: string) => boolean, trigger: TierRun['trigger'], only: string | null = null): Promise<TierRun[]> {
    if (this.running) return this.running;
    const work = this.runOnce(pick, only, trigger).finally(() => {
      this.running = null;
      this.current = null;
    });
    this.running = work;
    return work;
  }

  private async runOnce(pick: (name: string) => boolean, only: string | null, trigger: TierRun['trigger']): Promise<TierRun[]> {
    const tables = this.store.tables().filter((t) => pick(`${t.schema.db}.${t.schema.table}`));
    const done: string[] = [];
    for (const entry of tables) {
      const { db, table } = entry.schema;
      // Interrupted runs first: their partitions are frozen until their files are switched in.
      for (const p of [...entry.layout.frozen.keys()]) done.push(await this.archive(entry, p, 'recovery'));
      if (trigger === 'recovery') continue;
      const window = this.windowOf(db, table);
      if (!window) {
        if (only !== null) throw new UserFacingError(`${only} has no hot window`, `set "hot.window.${only}" (e.g. "90 days") in the sink connector's config, with a RANGE in "partitioning.${only}"`);
        continue;
      }
      if (entry.schema.primaryKey.length === 0) {
        const problem = new UserFacingError(`${db}.${table} has no primary key, and tiering needs one: newer hot rows replace archived rows by key`, `remove "hot.window.${db}.${table}", or give the table a primary key at the source`);
        if (only !== null) throw problem;
        this.log.error({ table: `${db}.${table}`, err: problem.describe() }, 'table skipped by tiering');
        continue;
      }
      const now = new Date();
      const hot = [...this.fresh(entry).layout.partitions].filter((p) => isOutsideWindow(entry.layout.spec, p, window, now));
      const withTombstones = await this.partitionsWithTombstones(entry);
      const due = [...new Set([...hot, ...withTombstones])].sort();
      for (const p of due) {
        if (this.stopping) break;
        done.push(await this.archive(this.fresh(entry), p, trigger));
      }
    }
    // Every cold set's manifest is rewritten from the store, which a crash after a switch but
    // before its manifest (or a truncate) may have left behind.
    for (const entry of this.store.tables()) if (entry.layout.cold.size > 0) writeManifest(this.policyOf(name(entry)).targetDir, entry);
    await this.cleanOrphans();
    const runs = await this.store.withWriter((conn) => recentRuns(conn, 1000));
    return runs.filter((r) => done.includes(r.run_id));
  }

  /** The store's entry for the table now (steps replace layouts after a failure). */
  private fresh(entry: KnownTable): KnownTable {
    return this.store.tables().find((t) => t.schema.db === entry.schema.db && t.schema.table === entry.schema.table) ?? entry;
  }

  private async partitionsWithTombstones(entry: KnownTable): Promise<string[]> {
    const conn = await this.store.connect();
    try {
      return await partitionsWithTombstones(conn, entry.layout);
    } finally {
      conn.closeSync();
    }
  }

  /** Moves partition `p` of the table to Parquet (or finishes the run that froze it); returns the run id. */
  private async archive(entry: KnownTable, p: string, trigger: TierRun['trigger']): Promise<string> {
    const { db, table } = entry.schema;
    const name = `${db}.${table}`;
    let runId = entry.layout.frozen.has(p) ? await this.store.withWriter((conn) => openRun(conn, db, table, p)) : null;
    if (!runId) {
      runId = `run${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
      const id = runId;
      if (!entry.layout.frozen.has(p)) {
        this.current = { table: name, partition: p, step: 'freeze', run_id: id };
        await this.beforeStep('freeze', name, p);
        await this.store.coldStep(db, table, (conn, e) => freezePartition(conn, e.layout, p), (conn) => recordRun(conn, { runId: id, db, table, partition: p, kind: 'archive', trigger, state: 'frozen' }));
      } else {
        await this.store.withWriter((conn) => recordRun(conn, { runId: id, db, table, partition: p, kind: 'archive', trigger: 'recovery', state: 'frozen' }));
      }
    }
    const id = runId;
    this.active.add(id);
    try {
      this.current = { table: name, partition: p, step: 'write', run_id: id };
      await this.beforeStep('write', name, p);
      const now = this.fresh(entry);
      const reader = await this.store.connect();
      let files;
      try {
        const sql = await archiveSourceSql(reader, now.layout, p);
        files = await writePartitionFiles(reader, now.layout, now.schema.columns.map((c) => c.name), p, sql, id, this.policyOf(name));
      } finally {
        reader.closeSync();
      }
      this.current = { table: name, partition: p, step: 'switch', run_id: id };
      await this.beforeStep('switch', name, p);
      const rows = files.reduce((s, f) => s + f.rows, 0);
      const bytes = files.reduce((s, f) => s + f.bytes, 0);
      const columns = now.schema.columns.map((c) => c.name);
      await this.store.coldStep(db, table, (conn, e) => archivePartition(conn, e.layout, p, { files, columns, runId: id }), (conn) => finishRun(conn, id, { state: 'archived', rows, files: files.length, bytes }));
      await this.beforeStep('manifest', name, p);
      writeManifest(this.policyOf(name).targetDir, this.fresh(entry));
      this.log.info({ table: name, partition: p, run: id, rows, files: files.length, bytes }, 'partition archived');
      this.observe(name, 'archived', bytes);
      return id;
    } catch (err) {
      const message = err instanceof UserFacingError ? err.describe() : (err as Error).message;
      this.log.error({ table: name, partition: p, run: id, err: message }, 'archiving a partition failed; it stays frozen and the next run retries it');
      await this.store.withWriter((conn) => finishRun(conn, id, { state: 'failed', error: message })).catch(() => undefined);
      this.observe(name, 'failed', 0);
      throw err;
    } finally {
      this.active.delete(id);
    }
  }

  /** Puts archived partition `p` of db.table back in the hot store. */
  async restore(name: string, p: string): Promise<TierRun> {
    if (this.running) throw new UserFacingError('a tiering run is going on', 'wait for it to finish (GET /tiering shows it), then restore');
    const entry = this.store.tables().find((t) => `${t.schema.db}.${t.schema.table}` === name);
    if (!entry) throw new UserFacingError(`the store holds no table ${name}`);
    if (!entry.layout.cold.has(p)) throw new UserFacingError(`partition ${p} of ${name} is not archived`, `archived partitions: ${[...entry.layout.cold.keys()].sort().join(', ') || 'none'}`);
    const runId = `run${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const { db, table } = entry.schema;
    let rows = 0;
    await this.store.coldStep(db, table, async (conn, e) => (rows = await restorePartition(conn, e.layout, p)), (conn) => recordRun(conn, { runId, db, table, partition: p, kind: 'restore', trigger: 'manual', state: 'restored' }));
    await this.store.withWriter((conn) => finishRun(conn, runId, { state: 'restored', rows }));
    this.observe(name, 'restored', 0);
    writeManifest(this.policyOf(name).targetDir, this.fresh(entry));
    return (await this.store.withWriter((conn) => recentRuns(conn, 50))).find((r) => r.run_id === runId)!;
  }

  private async cleanOrphans(): Promise<void> {
    const referenced = await this.store.withWriter(referencedColdFiles);
    const dirs = new Set([this.settings.targetDir, ...this.store.tables().map((t) => this.policyOf(name(t)).targetDir)]);
    const removed = [...dirs].flatMap((dir) => removeOrphans(dir, referenced, this.active, this.settings.orphanGraceMs));
    if (removed.length) this.log.info({ removed: removed.length }, 'orphan cold files removed');
  }

  /** What GET /tiering shows. */
  async status(): Promise<Record<string, unknown>> {
    const runs = await this.store.withWriter((conn) => recentRuns(conn, 50));
    // Hot rows per table, from DuckDB's own row estimates of the partition tables (no scan).
    const estimates = await this.store.withWriter(async (conn) => {
      const reader = await conn.runAndReadAll(`SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = '_instaquery_parts' AND contains(table_name, '$p:')`);
      return reader.getRowsJS().map(([n, rows]) => ({ name: String(n), rows: Number(rows) }));
    });
    const tables = this.store.tables().filter((t) => t.layout.spec.range).map(({ schema, layout }) => {
      const window = this.windowOf(schema.db, schema.table);
      const cold = [...layout.cold.values()];
      return {
        table: `${schema.db}.${schema.table}`,
        hot_window: window ? `${window.amount} ${window.unit}${window.amount > 1 ? 's' : ''}` : null,
        hot_rows: estimates.filter((e) => e.name.startsWith(`${schema.db}.${schema.table}$p:`)).reduce((s, e) => s + e.rows, 0),
        schedule: this.policyOf(`${schema.db}.${schema.table}`).schedule,
        next_run: this.nextRun(`${schema.db}.${schema.table}`),
        target_dir: this.policyOf(`${schema.db}.${schema.table}`).targetDir,
        hot_partitions: [...layout.partitions].sort(),
        cold_partitions: [...layout.cold.keys()].sort(),
        frozen_partitions: [...layout.frozen.keys()].sort(),
        cold_rows: cold.reduce((s, c) => s + c.files.reduce((a, f) => a + f.rows, 0), 0),
        cold_bytes: cold.reduce((s, c) => s + c.files.reduce((a, f) => a + f.bytes, 0), 0),
      };
    });
    return { schedule: this.settings.schedule, next_run: this.nextRun(), target_dir: this.settings.targetDir, running: this.current, tables, runs };
  }
}

const name = (entry: KnownTable) => `${entry.schema.db}.${entry.schema.table}`;

