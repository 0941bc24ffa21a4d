// The MySQL source connector's life: check the server, snapshot when the store has no completed
// snapshot, then stream the binlog from the stored offset. State names follow Kafka Connect's.
import type { Logger } from '../../core/index.ts';
import { ConfigError } from '../../core/index.ts';
import type { ChangeConsumer, SourceOffset } from '../../core/index.ts';
import { UserFacingError } from '../../core/index.ts';
import { binlogRetentionHours, listBinlogs } from './binlog-files.ts';
import { parseMySqlSourceConfig, validateMySqlSourceConfig, type MySqlSourceConfig } from './config.ts';
import { preflight, type SourceServerInfo } from './preflight.ts';
import { runSnapshot, type SnapshotProgress } from './snapshot.ts';
import { BinlogStream, type BinlogStreamStats } from './binlog-stream.ts';
import { SchemaHistory } from './schema-history.ts';
import { tableFilter, type TableFilter } from './table-filter.ts';

export type ConnectorState = 'UNASSIGNED' | 'RUNNING' | 'FAILED' | 'STOPPED';

export interface SourceStatus {
  state: ConnectorState;
  phase: 'starting' | 'snapshot' | 'streaming' | 'stopped';
  trace?: string;
  server?: string;
  snapshot: Record<string, number>;
  /** information_schema's row estimate per table, for progress bars. */
  snapshotEstimates: Record<string, number>;
  /** Milliseconds between the source commit and now for the last applied transaction. */
  millisBehindSource: number | null;
  eventsApplied: number;
  /** Chunks of large transactions staged in the store rather than held in memory. */
  stagedChunks: number;
  /** The source position committed to the store with the rows it covers. */
  offset: SourceOffset | null;
  /** GTID of the last source transaction the store reflects (read-your-writes waits use it). */
  appliedGtid?: string | null;
  /** Conditions the operator should fix before they cost data (e.g. short binlog retention). */
  warnings: string[];
  /** Tables set aside and why (Debezium would stop; instaquery keeps the other tables flowing). */
  quarantined: { table: string; reason: string }[];
}

export class MySqlSourceConnector {
  readonly config: MySqlSourceConfig;
  private stream: BinlogStream | null = null;
  private history: SchemaHistory | null = null;
  private consumer: ChangeConsumer | null = null;
  private attempts = 0;
  private stopping = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private server: SourceServerInfo | null = null;
  private readonly state: SourceStatus = { state: 'UNASSIGNED', phase: 'starting', snapshot: {}, snapshotEstimates: {}, millisBehindSource: null, eventsApplied: 0, stagedChunks: 0, quarantined: [], offset: null, warnings: [] };

  constructor(
    readonly name: string,
    rawConfig: Record<string, unknown>,
    private readonly log: Logger,
  ) {
    const problems = validateMySqlSourceConfig(rawConfig);
    if (problems.length > 0) throw new ConfigError(problems, `connector '${name}'`);
    this.config = parseMySqlSourceConfig(rawConfig);
  }

  /** Runs the checks that must pass before anything is written; throws a UserFacingError. */
  async check(): Promise<void> {
    this.server = await preflight(this.config);
    this.log.info({ server: this.server.version, flavor: this.server.flavor.name }, 'source checked');
  }

  /** Snapshots if needed and starts streaming; resolves once the binlog stream is connected. */
  async start(consumer: ChangeConsumer): Promise<void> {
    if (!this.server) await this.check();
    const server = this.server!;
    const filter = tableFilter(this.config);
    this.consumer = consumer;
    this.state.server = server.version;
    this.state.state = 'RUNNING';
    // Before the snapshot, so a gateway over this store presents the source's flavor from the start.
    await consumer.recordSourceServer?.(server.identity);
    await this.checkRetention();
    const offset = await this.startingOffset(consumer, server, filter);
    await this.openStream(offset);
  }

  /**
   * Warns (at start and in status) when the source purges binlogs sooner than the connector is
   * meant to survive being down (`binlog.retention.min.hours`): past that, a stopped connector
   * comes back to a purged position and must snapshot again.
   */
  private async checkRetention(): Promise<void> {
    const wanted = this.config['binlog.retention.min.hours'];
    const hours = await binlogRetentionHours(this.config);
    if (hours !== null && hours < wanted) {
      const warning = `the source purges binlogs after ${hours} h, shorter than binlog.retention.min.hours (${wanted} h): a connector down longer than that must snapshot again; raise binlog_expire_logs_seconds on the source`;
      this.state.warnings = [warning];
      this.log.warn({ retentionHours: hours, wanted }, warning);
    }
  }

  /**
   * Where streaming starts, taking a snapshot first when `snapshot.mode` calls for one:
   * initial (no completed snapshot yet), when_needed (also when the stored position was purged),
   * no_data/schema_only (tables and schemas only), never (from the oldest binlog on the server).
   */
  private async startingOffset(consumer: ChangeConsumer, server: SourceServerInfo, filter: TableFilter): Promise<SourceOffset> {
    const mode = this.config['snapshot.mode'];
    const binlogs = await listBinlogs(this.config);
    let offset = await consumer.committedOffset();
    if (offset?.snapshotCompleted && !binlogs.includes(offset.file)) {
      const where = `${this.config['database.hostname']}:${this.config['database.port']}`;
      if (mode !== 'when_needed') {
        throw new UserFacingError(
          `connector '${this.name}' stopped at binlog position ${offset.file}:${offset.pos}, but the source MySQL at ${where} no longer has ${offset.file} (its binlogs now start at ${binlogs[0] ?? 'nothing'}): the changes in between are gone`,
          "set \"snapshot.mode\": \"when_needed\" to take a new snapshot automatically, and keep binlogs longer on the source (binlog_expire_logs_seconds / expire_logs_days)",
        );
      }
      this.log.warn({ offset, oldest: binlogs[0] }, 'stored binlog position was purged on the source: taking a new snapshot (snapshot.mode=when_needed)');
      offset = null;
    }
    if (offset?.snapshotCompleted) {
      this.log.info({ offset }, 'resuming from stored offset');
      return offset;
    }
    if (mode === 'never') {
      const first = binlogs[0];
      if (!first) throw new UserFacingError(`the source MySQL has no binlog files to read with snapshot.mode=never`, 'use snapshot.mode=initial');
      const start: SourceOffset = { file: first, pos: 4, gtid: null, snapshotCompleted: true };
      await consumer.completeSnapshot(start);
      this.log.info({ from: start }, 'snapshot.mode=never: reading the binlog from its oldest file');
      return start;
    }
    this.state.phase = 'snapshot';
    const onProgress = (p: SnapshotProgress) => {
      this.state.snapshot[p.table] = p.rowsDone;
      this.state.snapshotEstimates[p.table] = p.rowsEstimated;
    };
    const withData = mode === 'initial' || mode === 'when_needed';
    // A connection lost mid-snapshot retries with backoff; the retry resumes after the last chunk written.
    for (let attempt = 1; ; attempt++) {
      try {
        return (await runSnapshot(this.config, server.flavor, filter, consumer, this.log, onProgress, withData)).offset;
      } catch (err) {
        if (!isConnectionError(err as Error) || attempt >= this.config['connect.max.attempts'] || this.stopping) throw err;
        const delay = Math.min(this.config['connect.backoff.max.delay.ms'], this.config['connect.backoff.initial.delay.ms'] * 2 ** (attempt - 1));
        this.state.trace = `snapshot interrupted, retrying in ${delay} ms (attempt ${attempt} of ${this.config['connect.max.attempts']}): ${(err as Error).message}`;
        this.log.warn({ err: (err as Error).message, delay, attempt }, 'snapshot connection lost: retrying');
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  /** (Re)starts the binlog stream from `offset`, with the schema history as the store has it. */
  private async openStream(offset: SourceOffset): Promise<void> {
    const consumer = this.consumer!;
    // Decode every event with the schema in force when it was written, not the server's current one.
    this.history = new SchemaHistory(await consumer.schemaHistory());
    this.stream = new BinlogStream(this.name, this.config, tableFilter(this.config), this.history, consumer, this.log, (err) => this.onStreamFailure(err), offset, this.server!.flavor.name);
    await this.stream.start();
    this.state.phase = 'streaming';
    this.state.state = 'RUNNING';
    delete this.state.trace;
    this.attempts = 0;
    this.log.info({ from: offset }, 'streaming binlog');
  }

  /**
   * A lost connection (source restart, network drop) reconnects with exponential backoff and
   * resumes from the offset committed in the store: nothing is lost or applied twice. Other
   * errors, and running out of attempts, leave the connector FAILED with the reason.
   */
  private onStreamFailure(err: Error): void {
    this.stream = null;
    if (this.stopping) return;
    if (!isConnectionError(err) || this.attempts >= this.config['connect.max.attempts']) return this.markFailed(err);
    const delay = Math.min(this.config['connect.backoff.max.delay.ms'], this.config['connect.backoff.initial.delay.ms'] * 2 ** this.attempts);
    this.attempts++;
    this.state.phase = 'starting';
    this.state.trace = `reconnecting in ${delay} ms (attempt ${this.attempts} of ${this.config['connect.max.attempts']}): ${err.message}`;
    this.log.warn({ err: err.message, delay, attempt: this.attempts }, 'binlog connection lost: reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void (async () => {
        const offset = await this.consumer!.committedOffset();
        if (!offset || this.stopping) return;
        await this.openStream(offset);
      })().catch((e: Error) => this.onStreamFailure(e));
    }, delay);
  }

  /**
   * Snapshots these tables again while streaming continues (Debezium's execute-snapshot signal,
   * `data-collections` as `db.table`); the way back for a quarantined table.
   */
  requestSnapshot(dataCollections: string[]): void {
    const tables = dataCollections.map((name) => {
      const dot = name.indexOf('.');
      if (dot <= 0 || dot === name.length - 1) throw new UserFacingError(`'${name}' is not a table name: use db.table`);
      return { db: name.slice(0, dot), table: name.slice(dot + 1) };
    });
    if (!this.stream) throw new UserFacingError(`connector '${this.name}' is not streaming (${this.state.phase}): a snapshot can be requested once it streams`);
    this.stream.requestSnapshot(tables);
  }

  private markFailed(err: Error): void {
    this.state.state = 'FAILED';
    this.state.trace = err instanceof UserFacingError ? err.describe() : err.message;
  }

  status(): SourceStatus {
    const stats = this.stream?.stats;
    const lastTs = stats?.lastAppliedSourceTs ?? null;
    return {
      ...this.state,
      snapshot: { ...this.state.snapshot },
      warnings: [...this.state.warnings],
      snapshotEstimates: { ...this.state.snapshotEstimates },
      eventsApplied: stats?.eventsApplied ?? 0,
      stagedChunks: stats?.stagedChunks ?? 0,
      quarantined: this.history?.quarantinedTables() ?? [],
      millisBehindSource: behindSource(stats),
      offset: stats?.committed ?? null,
      appliedGtid: this.stream?.appliedGtid() ?? stats?.committed?.gtid ?? null,
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.stream?.stop();
    this.stream = null;
    this.state.phase = 'stopped';
    if (this.state.state === 'RUNNING') this.state.state = 'STOPPED';
  }
}

/**
 * Caught up at the last heartbeat with nothing newer applied since: 0. Everything read applied and
 * nothing in flight: the last transaction's delay (applied minus committed at the source, as
 * Debezium's MilliSecondsBehindSource), which does not grow while the source is idle. Otherwise
 * now minus the last applied commit: it grows while the stream stalls.
 */
function behindSource(stats: BinlogStreamStats | undefined): number | null {
  const lastTs = stats?.lastAppliedSourceTs ?? null;
  if (!stats || lastTs === null) return stats?.caughtUpAt ? 0 : null;
  if (stats.caughtUpAt && stats.caughtUpAt >= lastTs && stats.caughtUpAt >= (stats.lastAppliedAt ?? 0)) return 0;
  if (stats.drained && stats.lastAppliedAt !== null) return Math.max(0, stats.lastAppliedAt - lastTs);
  return Math.max(0, Date.now() - lastTs);
}

const CONNECTION_ERRORS = new Set(['PROTOCOL_CONNECTION_LOST', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'PROTOCOL_SEQUENCE_TIMEOUT']);

function isConnectionError(err: Error): boolean {
  const code = (err as { code?: string }).code;
  return (
    (code !== undefined && CONNECTION_ERRORS.has(code)) ||
    (err as { fatal?: boolean }).fatal === true ||
    /connection lost|server has gone away|closed the connection|closed state|cannot reach/i.test(err.message)
  );
}
