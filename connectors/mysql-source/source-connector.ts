// The MySQL source connector's life: check the server, snapshot when the store has no completed
// snapshot, then stream the binlog from the stored offset. State names follow Kafka Connect's.
import type { Logger } from '../../runtime/logger.ts';
import { ConfigError } from '../../runtime/errors.ts';
import type { ChangeConsumer } from './change-event.ts';
import { parseMySqlSourceConfig, validateMySqlSourceConfig, type MySqlSourceConfig } from './config.ts';
import { preflight, type SourceServerInfo } from './preflight.ts';
import { runSnapshot, type SnapshotProgress } from './snapshot.ts';
import { BinlogStream } from './binlog-stream.ts';
import { SchemaHistory } from './schema-history.ts';
import { tableFilter } from './table-filter.ts';

export type ConnectorState = 'UNASSIGNED' | 'RUNNING' | 'FAILED' | 'STOPPED';

export interface SourceStatus {
  state: ConnectorState;
  phase: 'starting' | 'snapshot' | 'streaming' | 'stopped';
  trace?: string;
  server?: string;
  snapshot: Record<string, number>;
  /** Milliseconds between the source commit and now for the last applied transaction. */
  millisBehindSource: number | null;
  eventsApplied: number;
  /** Tables set aside and why (Debezium would stop; instaquery keeps the other tables flowing). */
  quarantined: { table: string; reason: string }[];
}

export class MySqlSourceConnector {
  readonly config: MySqlSourceConfig;
  private stream: BinlogStream | null = null;
  private history: SchemaHistory | null = null;
  private server: SourceServerInfo | null = null;
  private readonly state: SourceStatus = { state: 'UNASSIGNED', phase: 'starting', snapshot: {}, millisBehindSource: null, eventsApplied: 0, quarantined: [] };

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
    this.state.server = server.version;
    this.state.state = 'RUNNING';
    let offset = await consumer.committedOffset();
    if (offset?.snapshotCompleted) {
      this.log.info({ offset }, 'resuming from stored offset');
    } else {
      this.state.phase = 'snapshot';
      const onProgress = (p: SnapshotProgress) => (this.state.snapshot[p.table] = p.rowsDone);
      ({ offset } = await runSnapshot(this.config, server.flavor, filter, consumer, this.log, onProgress));
    }
    // Decode every event with the schema in force when it was written, not the server's current one.
    this.history = new SchemaHistory(await consumer.schemaHistory());
    this.stream = new BinlogStream(this.name, this.config, filter, this.history, consumer, this.log, (err) => this.markFailed(err), offset);
    await this.stream.start();
    this.state.phase = 'streaming';
    this.log.info({ from: offset }, 'streaming binlog');
  }

  private markFailed(err: Error): void {
    this.state.state = 'FAILED';
    this.state.trace = err.message;
  }

  status(): SourceStatus {
    const stats = this.stream?.stats;
    const lastTs = stats?.lastAppliedSourceTs ?? null;
    return {
      ...this.state,
      snapshot: { ...this.state.snapshot },
      eventsApplied: stats?.eventsApplied ?? 0,
      quarantined: this.history?.quarantinedTables() ?? [],
      millisBehindSource: lastTs === null ? null : Math.max(0, Date.now() - lastTs),
    };
  }

  async stop(): Promise<void> {
    await this.stream?.stop();
    this.stream = null;
    this.state.phase = 'stopped';
    if (this.state.state === 'RUNNING') this.state.state = 'STOPPED';
  }
}
