// Kafka mode's sink: `tasks.max` members of one consumer group (Kafka Connect's `connect-<name>`)
// split the topics' partitions, decode change events and apply them to the store. The positions
// they read at are written in the same store transaction as the rows, and each member seeks to
// them whenever it is assigned a partition, so a crash anywhere neither loses nor re-applies a
// change. Offsets are also committed to the group afterwards, only so that Kafka's own tools
// (kafka-consumer-groups.sh) show the lag; the store's positions are the ones that count.
import { Kafka, logLevel, type Consumer, type EachBatchPayload, type Admin } from 'kafkajs';
import type { ChangeEvent, TableSchema } from '../../core/index.ts';
import type { ColumnarStore, KafkaPosition } from '../../store/index.ts';
import { writePolicyOf, type SinkConfig } from '../columnar-sink/index.ts';
import type { Logger } from '../../core/index.ts';
import { UserFacingError } from '../../core/index.ts';
import { EventDecoder } from './event-decoder.ts';
import type { AvroRegistry } from './schema-registry.ts';
import type { KafkaClientSettings } from './kafka-settings.ts';

export interface SinkSubscription {
  topics: string[];
  topicsRegex: RegExp | null;
}

export type TaskState = 'RUNNING' | 'PAUSED' | 'FAILED' | 'UNASSIGNED';

export interface SinkTaskStatus {
  id: number;
  state: TaskState;
  trace?: string;
  partitions: string[];
}

export interface KafkaSinkStatus {
  tasks: SinkTaskStatus[];
  eventsApplied: number;
  lastSourceTs: number | null;
  lastGtid: string | null;
  /** 0 when every assigned partition is read to its end and nothing waits to be written. */
  millisBehindSource: number | null;
  topics: string[];
}

/** How often the topic list is checked for new matches (Kafka's consumer: metadata.max.age.ms, 5 min by default; a new table should not wait that long). */
const TOPIC_REFRESH_MS = 5000;

const tp = (topic: string, partition: number) => `${topic}:${partition}`;
const topicOfKey = (key: string) => key.slice(0, key.lastIndexOf(':'));

class SinkTask {
  readonly consumer: Consumer;
  state: TaskState = 'UNASSIGNED';
  trace: string | undefined;
  assigned: string[] = [];
  private pending: { event: ChangeEvent | { creates: TableSchema[] } | null; position: KafkaPosition }[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private lingerTimer: NodeJS.Timeout | null = null;
  /** Per partition: the high watermark lag seen in the last batch. */
  readonly lag = new Map<string, number>();

  constructor(
    readonly id: number,
    kafka: Kafka,
    private readonly owner: KafkaSinkConnector,
  ) {
    this.consumer = kafka.consumer({ groupId: owner.groupId, sessionTimeout: 10_000, heartbeatInterval: 1000, retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5000 } });
  }

  /** Joins the group reading `topics` (the ones that exist; see KafkaSinkConnector.refreshTopics). */
  async start(topics: string[]): Promise<void> {
    const { consumer } = this;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      this.assigned = Object.entries(payload.memberAssignment).flatMap(([topic, partitions]) => partitions.map((p) => tp(topic, p)));
      this.state = this.owner.paused ? 'PAUSED' : 'RUNNING';
      if (this.owner.paused) consumer.pause(Object.keys(payload.memberAssignment).map((topic) => ({ topic })));
      void this.owner.seekAssigned(this, payload.memberAssignment).catch((err: Error) => this.owner.log.warn({ err: err.message }, 'seek after assignment failed'));
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) return;
      this.fail(payload.error);
    });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
  }

  private async onBatch({ batch, isStale }: EachBatchPayload): Promise<void> {
    const key = tp(batch.topic, batch.partition);
    const from = this.owner.stored.get(key) ?? -1n;
    for (const message of batch.messages) {
      if (isStale()) return;
      const offset = BigInt(message.offset);
      // Already in the store (the group's committed offset or a fetch raced the seek).
      if (offset < from) continue;
      let event: ChangeEvent | { creates: TableSchema[] } | null;
      try {
        event = await this.owner.decoder.decode(batch.topic, message.key, message.value);
      } catch (err) {
        return this.fail(new Error(`cannot decode ${batch.topic} partition ${batch.partition} offset ${message.offset}: ${(err as Error).message}`));
      }
      this.pending.push({ event, position: { topic: batch.topic, partition: batch.partition, next: offset + 1n } });
      if (this.pending.length >= this.owner.sink['batch.size']) await this.flush();
    }
    this.lag.set(key, Number(batch.offsetLag()));
    if (this.pending.length >= this.owner.sink['max.buffered.records']) await this.flush();
    else this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.lingerTimer || this.pending.length === 0) return;
    this.lingerTimer = setTimeout(() => {
      this.lingerTimer = null;
      void this.flush().catch(() => undefined);
    }, this.owner.sink['linger.ms']);
  }

  /** Writes what is pending, with the positions it reaches, in one store transaction. */
  flush(): Promise<void> {
    const run = this.flushing.then(async () => {
      const batch = this.pending;
      this.pending = [];
      if (batch.length === 0 || this.state === 'FAILED') return;
      const positions = new Map<string, KafkaPosition>();
      for (const { position } of batch) positions.set(tp(position.topic, position.partition), position);
      const events = batch.flatMap((b) => (b.event && !('creates' in b.event) ? [b.event] : []));
      const creates = batch.flatMap((b) => (b.event && 'creates' in b.event ? b.event.creates : []));
      try {
        await this.owner.store.applyFromKafka(this.owner.name, events, [...positions.values()], writePolicyOf(this.owner.sink), creates);
      } catch (err) {
        this.fail(err as Error);
        throw err;
      }
      for (const [k, p] of positions) this.owner.stored.set(k, p.next);
      this.owner.applied(events);
      await this.consumer
        .commitOffsets([...positions.values()].map((p) => ({ topic: p.topic, partition: p.partition, offset: p.next.toString() })))
        .catch(() => undefined);
    });
    this.flushing = run.catch(() => undefined);
    return run;
  }

  pendingCount(): number {
    return this.pending.length;
  }

  private fail(err: Error): void {
    if (this.state === 'FAILED') return;
    this.state = 'FAILED';
    this.trace = err instanceof UserFacingError ? err.describe() : err.message;
    this.owner.log.error({ task: this.id, err: this.trace }, 'sink task failed');
    void this.consumer.stop().catch(() => undefined);
  }

  async stop(): Promise<void> {
    if (this.lingerTimer) clearTimeout(this.lingerTimer);
    this.lingerTimer = null;
    await this.consumer.stop().catch(() => undefined);
    // The in-flight batch is finished and committed before the member leaves.
    await this.flush().catch(() => undefined);
    await this.consumer.disconnect().catch(() => undefined);
  }
}

export class KafkaSinkConnector {
  readonly decoder: EventDecoder;
  /** Per partition, the next offset the store holds (read at start, advanced by every flush). */
  readonly stored = new Map<string, bigint>();
  readonly groupId: string;
  paused = false;
  private readonly kafka: Kafka;
  private admin: Admin | null = null;
  private tasks: SinkTask[] = [];
  /** The topics the tasks were started on; empty while none of the configured ones exists. */
  private subscribed: string[] = [];
  private topicWatch: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();
  private stopping = false;
  private readonly stats = { eventsApplied: 0, lastSourceTs: null as number | null, lastGtid: null as string | null };

  constructor(
    readonly name: string,
    readonly subscription: SinkSubscription,
    readonly sink: SinkConfig,
    readonly store: ColumnarStore,
    registry: AvroRegistry,
    client: KafkaClientSettings,
    readonly log: Logger,
    groupId?: string,
  ) {
    this.groupId = groupId ?? `connect-${name}`;
    this.decoder = new EventDecoder(registry);
    this.kafka = new Kafka({ clientId: `${client.clientId}-${name}`, brokers: client.bootstrapServers, logLevel: logLevel.NOTHING, retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 } });
  }

  async start(): Promise<void> {
    for (const p of await this.store.kafkaPositions(this.name)) this.stored.set(tp(p.topic, p.partition), p.next);
    this.admin = this.kafka.admin();
    await this.admin.connect();
    await this.refreshTopics();
    this.topicWatch = setInterval(() => {
      this.refreshing = this.refreshing.then(() => this.refreshTopics()).catch((err: Error) => this.log.warn({ err: err.message }, 'topic refresh failed'));
    }, TOPIC_REFRESH_MS);
    this.topicWatch.unref();
  }

  /**
   * Subscribes the tasks to the configured topics that exist now. kafkajs resolves a pattern only
   * once, and refuses a topic that does not exist yet, where Kafka Connect's sink waits for it and
   * picks up new matches of `topics.regex` (a table created at the source after the sink started
   * gets its topic later). So the list is kept here: when it changes, the tasks finish and commit
   * their batch and rejoin the group on the new list, each resuming from the store's positions.
   */
  private async refreshTopics(): Promise<void> {
    if (this.stopping) return;
    const existing = new Set((await this.admin!.listTopics()).filter((t) => !t.startsWith('__')));
    const { topics, topicsRegex } = this.subscription;
    const wanted = (topicsRegex ? [...existing].filter((t) => topicsRegex.test(t)) : topics.filter((t) => existing.has(t))).sort();
    if (this.stopping || wanted.join('\n') === this.subscribed.join('\n')) return;
    const missing = topicsRegex ? [] : topics.filter((t) => !existing.has(t));
    if (missing.length) this.log.info({ missing }, 'waiting for topics to be created');
    await Promise.all(this.tasks.map((t) => t.stop()));
    this.subscribed = wanted;
    this.tasks = Array.from({ length: this.sink['tasks.max'] }, (_, i) => new SinkTask(i, this.kafka, this));
    if (wanted.length === 0) return;
    this.log.info({ topics: wanted }, 'subscribing');
    for (const t of this.tasks) await t.start(wanted);
  }

  /** Newly assigned partitions start where the store says, or at the log's start when it has nothing. */
  async seekAssigned(task: SinkTask, assignment: Record<string, number[]>): Promise<void> {
    for (const [topic, partitions] of Object.entries(assignment)) {
      const low = new Map<number, string>();
      if (partitions.some((p) => !this.stored.has(tp(topic, p)))) {
        for (const o of await this.admin!.fetchTopicOffsets(topic)) low.set(o.partition, o.low);
      }
      for (const partition of partitions) {
        const next = this.stored.get(tp(topic, partition));
        task.consumer.seek({ topic, partition, offset: next !== undefined ? next.toString() : (low.get(partition) ?? '0') });
      }
    }
  }

  applied(events: ChangeEvent[]): void {
    this.stats.eventsApplied += events.length;
    const last = events[events.length - 1];
    if (last) this.stats.lastSourceTs = last.source.ts_ms;
    for (const e of events) if (e.source.gtid) this.stats.lastGtid = e.source.gtid;
  }

  pause(): void {
    this.setPaused(true);
  }

  resume(): void {
    this.setPaused(false);
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    for (const t of this.tasks) {
      const topics = [...new Set(t.assigned.map(topicOfKey))].map((topic) => ({ topic }));
      if (topics.length && paused) t.consumer.pause(topics);
      else if (topics.length) t.consumer.resume(topics);
      if (t.state === (paused ? 'RUNNING' : 'PAUSED')) t.state = paused ? 'PAUSED' : 'RUNNING';
    }
  }

  status(): KafkaSinkStatus {
    const caughtUp = this.tasks.every((t) => t.pendingCount() === 0 && [...t.lag.values()].every((l) => l === 0));
    return {
      tasks: this.tasks.map((t) => ({ id: t.id, state: t.state, ...(t.trace ? { trace: t.trace } : {}), partitions: [...t.assigned] })),
      eventsApplied: this.stats.eventsApplied,
      lastSourceTs: this.stats.lastSourceTs,
      lastGtid: this.stats.lastGtid,
      millisBehindSource: caughtUp ? 0 : this.stats.lastSourceTs === null ? null : Math.max(0, Date.now() - this.stats.lastSourceTs),
      topics: [...new Set([...this.stored.keys()].map(topicOfKey))],
    };
  }

  /** Finishes and commits the in-flight batch of every task, then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.topicWatch) clearInterval(this.topicWatch);
    await this.refreshing;
    await Promise.all(this.tasks.map((t) => t.stop()));
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = null;
  }
}
