// Streams row changes from the binlog (zongji) from a stored offset, keeping transaction
// boundaries: a transaction's events are handed to the consumer together with the offset right
// after its commit. Events are processed in order on one async queue, so schema look-ups and
// store writes can await without reordering anything.
import ZongJi from '@vlasky/zongji';
import type { Logger } from '../../core/index.ts';
import type { SinkBatching, ChangeConsumer, ChangeEvent, SourceOffset, TableName, TableSchema } from '../../core/index.ts';
import type { SchemaHistory } from './schema-history.ts';
import type { MySqlSourceConfig } from './config.ts';
import { connectionOptions } from './connection-options.ts';
import { connectSource } from './preflight.ts';
import { BinlogEndProbe } from './binlog-files.ts';
import { applyZongjiFixes, MARIADB_FLAG } from './zongji-fixes.ts';
import { readTableSchemas } from './catalog.ts';
import type { TableFilter } from './table-filter.ts';
import { rowChanges, undecodableRowsReason, type RawEvent } from './binlog-events.ts';
import { snapshotTablesAt, type SnapshotParts } from './incremental-snapshot.ts';
import { applySchemaStatement } from './schema-statement.ts';

const SNAPSHOT_REQUEST = 'instaquery:snapshot-request';

const EVENTS = ['rotate', 'mariadbgtid', 'gtid', 'tablemap', 'writerows', 'updaterows', 'deleterows', 'xid', 'query'];
/** Pause the binlog socket when this many events wait, resume below a tenth of it. */
const QUEUE_HIGH_WATER = 5_000;
/** Without a sink's say (ChangeConsumer.batching): Kafka Connect sink-like defaults. */
const DEFAULT_BATCHING: SinkBatching = { batchSize: 20_000, maxBuffered: 40_000, lingerMs: 0 };
/** Row events of one transaction held in memory before they are staged in the store. */
const LARGE_TRANSACTION_EVENTS = 10_000;

export interface BinlogStreamStats {
  /** Source commit time (ms) of the last transaction applied to the store. */
  lastAppliedSourceTs: number | null;
  /** When (wall clock) that transaction was applied. */
  lastAppliedAt: number | null;
  /** Whether everything read has been applied and nothing is in flight. */
  drained: boolean;
  /** When a heartbeat last found this stream at the server's current binlog position. */
  caughtUpAt: number | null;
  /** The offset last committed to the store. */
  committed: SourceOffset | null;
  /** Chunks of large transactions staged in the store instead of held in memory. */
  stagedChunks: number;
  eventsApplied: number;
}

export class BinlogStream {
  private zongji: ZongJi | null = null;
  private queue: RawEvent[] = [];
  private draining = false;
  private paused = false;
  private file: string;
  private txn: ChangeEvent[] = [];
  private txnGtid: string | null = null;
  /** Committed transactions waiting for the store, oldest first. */
  private pending: { events: ChangeEvent[]; offset: SourceOffset; sourceTs: number }[] = [];
  private pendingEvents = 0;
  private flushing: Promise<void> | null = null;
  private stopped = false;
  readonly stats: BinlogStreamStats = { lastAppliedSourceTs: null, lastAppliedAt: null, drained: false, eventsApplied: 0, caughtUpAt: null, committed: null, stagedChunks: 0 };
  /** The last transaction boundary read, followed table or not: a safe place to resume. */
  private boundary: SourceOffset | null = null;
  private inTransaction = false;
  /** Part of the current transaction is staged in the store. */
  private staged = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private beating = false;
  /** The heartbeat's questions to the server, on one connection kept between beats. */
  private readonly control: BinlogEndProbe;

  private get batching(): SinkBatching {
    return this.consumer.batching ?? DEFAULT_BATCHING;
  }

  constructor(
    private readonly name: string,
    private readonly config: MySqlSourceConfig,
    private readonly filter: TableFilter,
    private readonly history: SchemaHistory,
    private readonly consumer: ChangeConsumer,
    private readonly log: Logger,
    private readonly onFailure: (err: Error) => void,
    private offset: SourceOffset,
    private readonly flavor: 'mariadb' | 'mysql',
  ) {
    this.file = offset.file;
    this.txnGtid = offset.gtid;
    this.stats.committed = offset;
    this.control = new BinlogEndProbe(config);
  }

  /** What the stream's snapshots and schema statements read and write with. */
  private parts(): SnapshotParts {
    return { name: this.name, config: this.config, filter: this.filter, history: this.history, consumer: this.consumer, log: this.log };
  }

  async start(): Promise<void> {
    await applyZongjiFixes();
    // Whatever a previous stream staged belongs to a transaction it did not finish; it is read again.
    await this.consumer.discardStaged();
    const z = new ZongJi(connectionOptions(this.config));
    if (this.flavor === 'mariadb') (z as unknown as Record<string, unknown>)[MARIADB_FLAG] = true;
    this.zongji = z;
    return new Promise((resolve, reject) => {
      let ready = false;
      z.on('ready', () => {
        ready = true;
        const every = this.config['heartbeat.interval.ms'];
        if (every > 0) {
          this.heartbeat = setInterval(() => void this.beat(), every);
          this.heartbeat.unref();
        }
        resolve();
      });
      z.on('error', (err: Error) => {
        if (this.stopped) return;
        if (!ready) reject(err);
        else this.fail(err);
      });
      z.on('binlog', (e: unknown) => this.enqueue(e as RawEvent));
      z.start({
        serverId: this.config['database.server.id'],
        filename: this.offset.file,
        position: this.offset.pos,
        includeEvents: EVENTS,
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    while (this.beating) await new Promise((r) => setTimeout(r, 5));
    await this.control.close();
    const z = this.zongji;
    this.zongji = null;
    if (z) await new Promise<void>((resolve) => {
      z.once('stopped', () => resolve());
      z.stop();
      setTimeout(resolve, 1000).unref();
    });
    // Finish what was read and committed at the source; a half-read transaction is dropped and
    // re-read on the next start from the stored offset.
    while (this.draining || this.flushing) await (this.flushing ?? new Promise((r) => setTimeout(r, 5)));
  }

  private enqueue(e: RawEvent): void {
    if (this.stopped) return;
    this.queue.push(e);
    this.stats.drained = false;
    if (!this.paused && this.queue.length >= QUEUE_HIGH_WATER) {
      this.paused = true;
      this.zongji?.connection?.pause();
    }
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0 && !this.stopped) {
        const e = this.queue.shift()!;
        await this.handle(e);
        // Back-pressure from the store: while committed transactions wait to be written, stop
        // reading more (the queue fills, and the binlog socket pauses).
        while (this.pendingEvents >= this.batching.maxBuffered && this.flushing) await this.flushing;
        if (this.paused && this.queue.length < QUEUE_HIGH_WATER / 10) {
          this.paused = false;
          this.zongji?.connection?.resume();
        }
      }
      // Read everything and applied everything: lag is the last transaction's, not growing.
      if (this.queue.length === 0 && !this.inTransaction && this.pending.length === 0 && !this.flushing) this.stats.drained = true;
    } catch (err) {
      this.fail(err as Error);
    } finally {
      this.draining = false;
    }
  }

  /**
   * Snapshots tables again while streaming goes on (Debezium: an ad-hoc incremental snapshot;
   * also how a quarantined table comes back). The request waits its turn in the event queue, so
   * every change read before it is in the store; each table is then recreated from the server's
   * current schema and read in key chunks. Changes read after the request are applied over those
   * rows; with full row images that ends in the source's state.
   */
  requestSnapshot(tables: TableName[]): void {
    this.enqueue({ getEventName: () => SNAPSHOT_REQUEST, nextPosition: 0, timestamp: Date.now(), tables });
  }

  private async snapshotTables(tables: TableName[]): Promise<void> {
    await this.settle();
    if (this.stopped) return;
    await snapshotTablesAt(this.parts(), tables, this.boundary ?? this.offset);
  }

  private async handle(e: RawEvent): Promise<void> {
    switch (e.getEventName()) {
      case SNAPSHOT_REQUEST:
        await this.snapshotTables(e.tables ?? []);
        return;
      case 'rotate':
        if (e.binlogName) this.file = e.binlogName;
        return;
      case 'mariadbgtid':
      case 'gtid':
        this.txn = [];
        this.staged = false;
        this.inTransaction = true;
        this.txnGtid = e.gtid ?? this.txnGtid;
        return;
      case 'writerows':
      case 'updaterows':
      case 'deleterows':
        await this.collectRows(e);
        return;
      case 'xid':
        this.commit(e);
        return;
      case 'query': {
        const sql = (e.query ?? '').trim();
        if (/^BEGIN$/i.test(sql)) return;
        if (/^COMMIT$/i.test(sql)) return this.commit(e);
        await this.schemaStatement(e, sql);
        this.inTransaction = false;
        this.boundary = { file: this.file, pos: e.nextPosition, gtid: this.txnGtid, snapshotCompleted: true };
        return;
      }
      default:
        return;
    }
  }

  private async collectRows(e: RawEvent): Promise<void> {
    const mapped = e.tableMap?.[e.tableId ?? -1];
    if (!mapped || !this.filter.includesTable(mapped.parentSchema, mapped.tableName)) return;
    if (this.history.quarantineReason(mapped.parentSchema, mapped.tableName) !== undefined) return;
    const schema = await this.schemaOf(mapped.parentSchema, mapped.tableName);
    if (!schema) return;
    const undecodable = undecodableRowsReason(e, schema, this.filter);
    if (undecodable !== undefined) {
      await this.quarantine(schema.db, schema.table, undecodable);
      return;
    }
    this.txn.push(...rowChanges(e, schema, this.filter, { name: this.name, file: this.file, gtid: this.txnGtid }));
    if (this.txn.length >= LARGE_TRANSACTION_EVENTS) {
      // A large transaction goes to the store's staging in chunks instead of staying in memory;
      // transactions read before it are applied first, so the store keeps binlog order.
      await this.settle();
      await this.consumer.stageChanges(this.txn);
      this.stats.stagedChunks++;
      this.txn = [];
      this.staged = true;
    }
  }

  /**
   * The table's schema from the history; a followed table the history has never seen (created
   * before this connector followed it) is read from information_schema once.
   */
  private async schemaOf(db: string, table: string): Promise<TableSchema | undefined> {
    let schema = this.history.lookup(db, table);
    if (!schema) {
      const conn = await connectSource(this.config);
      try {
        [schema] = await readTableSchemas(conn, this.filter, { db, table });
      } finally {
        await conn.end().catch(() => undefined);
      }
      if (schema) {
        this.log.warn({ table: `${db}.${table}` }, 'table not in the schema history: read from information_schema');
        this.history.remember(schema);
      }
    }
    return schema;
  }

  /** Waits until every transaction read so far is in the store. */
  private async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** A DDL statement: applied to the history and the store in binlog order, as its own transaction. */
  private async schemaStatement(e: RawEvent, sql: string): Promise<void> {
    const offset: SourceOffset = { file: this.file, pos: e.nextPosition, gtid: this.txnGtid, snapshotCompleted: true };
    const settle = async () => {
      await this.settle();
      return !this.stopped;
    };
    const quarantine = (db: string, table: string, reason: string) => this.quarantine(db, table, reason);
    if (await applySchemaStatement({ ...this.parts(), settle, quarantine, flavor: this.flavor }, e, sql, offset)) this.offset = offset;
  }

  private async quarantine(db: string, table: string, reason: string): Promise<void> {
    this.log.error({ table: `${db}.${table}`, reason }, 'table quarantined: its changes are skipped until it is snapshotted again');
    this.history.quarantine(db, table, reason);
    this.txn = this.txn.filter((ev) => ev.schema.db !== db || ev.schema.table !== table);
    await this.consumer.quarantine({ db, table }, reason, this.pending.at(-1)?.offset ?? this.offset);
  }

  private commit(e: RawEvent): void {
    this.inTransaction = false;
    this.boundary = { file: this.file, pos: e.nextPosition, gtid: this.txnGtid, snapshotCompleted: true };
    // A transaction that touched no followed table moves nothing now; the heartbeat moves the
    // offset past such stretches.
    if (this.txn.length === 0 && !this.staged) return;
    this.pending.push({ events: this.txn, offset: this.boundary, sourceTs: e.timestamp });
    this.pendingEvents += this.txn.length;
    this.txn = [];
    this.staged = false;
    if (!this.flushing) this.flushing = this.flush();
  }

  /**
   * Writes committed transactions to the store, up to the sink's `batch.size` row changes per
   * store transaction (a larger transaction goes alone, whole); loops while more arrives. The
   * first write waits `linger.ms` (or one tick) so transactions that arrive together are
   * written together.
   */
  private async flush(): Promise<void> {
    try {
      const { lingerMs, batchSize } = this.batching;
      await new Promise((r) => (lingerMs > 0 ? setTimeout(r, lingerMs) : setImmediate(r)));
      while (this.pending.length > 0) {
        let take = 0;
        let size = 0;
        while (take < this.pending.length && (take === 0 || size + this.pending[take]!.events.length <= batchSize)) size += this.pending[take++]!.events.length;
        const batch = this.pending.splice(0, take);
        const last = batch.at(-1)!;
        await this.consumer.applyChanges(batch.length === 1 ? last.events : batch.flatMap((t) => t.events), last.offset);
        this.pendingEvents -= size;
        this.offset = last.offset;
        this.stats.committed = last.offset;
        this.stats.eventsApplied += size;
        this.stats.lastAppliedSourceTs = last.sourceTs;
        this.stats.lastAppliedAt = Date.now();
      }
      this.stats.drained = this.queue.length === 0 && !this.inTransaction && this.pending.length === 0;
    } catch (err) {
      this.fail(err as Error);
    } finally {
      this.flushing = null;
    }
  }

  /**
   * The GTID of the last transaction the store reflects. With nothing read and not yet applied,
   * that is the last boundary read — transactions on tables not followed need nothing stored —
   * so a read-your-writes wait for such a transaction ends at once, not at the next heartbeat.
   */
  appliedGtid(): string | null {
    const idle = this.queue.length === 0 && !this.draining && !this.inTransaction && !this.flushing && this.pending.length === 0;
    return (idle ? this.boundary?.gtid : undefined) ?? this.stats.committed?.gtid ?? null;
  }

  /**
   * Heartbeat (Debezium: heartbeat.interval.ms): while followed tables are idle, move the stored
   * offset to the last boundary read, and ask the server where its binlog ends, so that
   * "caught up" and lag are known even when nothing changes.
   */
  private async beat(): Promise<void> {
    if (this.beating || this.stopped) return;
    this.beating = true;
    try {
      const idle = this.queue.length === 0 && !this.inTransaction && !this.flushing && this.pending.length === 0;
      const b = this.boundary;
      if (idle && b && (b.file !== this.offset.file || b.pos !== this.offset.pos)) {
        await this.consumer.applyChanges([], b);
        this.offset = b;
        this.stats.committed = b;
      }
      const end = await this.control.end();
      const at = this.boundary ?? this.offset;
      if (end && end.file === at.file && end.pos <= at.pos && this.queue.length === 0) this.stats.caughtUpAt = Date.now();
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'heartbeat failed');
      // Reopened on the next beat; a dead connection must not be reused.
      await this.control.close();
    } finally {
      if (this.stopped) await this.control.close();
      this.beating = false;
    }
  }

  private fail(err: Error): void {
    if (this.stopped) return;
    if (this.heartbeat) clearInterval(this.heartbeat);
    void this.control.close();
    this.log.error({ err: err.message, offset: this.offset }, 'binlog stream failed');
    this.stopped = true;
    this.zongji?.stop();
    this.onFailure(err);
  }
}
