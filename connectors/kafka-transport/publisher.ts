// Kafka mode's source side: a ChangeConsumer that publishes each table's change events to
// `<topic.prefix>.<db>.<table>` (Avro key and Debezium envelope, Confluent wire format), DDL to
// the schema-change topic `<topic.prefix>` (`include.schema.changes`), and a tombstone after each
// delete (`tombstones.on.delete`). The source's offset, schema history and snapshot progress go
// to the worker's own state store only after the broker acknowledged everything they cover, so a
// crash re-sends at most the unacknowledged tail (at-least-once, which the sink's upserts by key
// absorb) and never skips a change.
import type { Producer, Message } from 'kafkajs';
import type { ChangeConsumer, ChangeEvent, Row, SchemaChange, SourceOffset, TableSchema } from '../../core/index.ts';
import { SchemaChangeRejected } from '../../core/index.ts';
import { historyEntries, type SourceStateStore } from '../../store/index.ts';
import type { Logger } from '../../core/index.ts';
import { avroName, tableCodec, topicOf, type TableCodec } from './envelope-schema.ts';
import { AvroRegistry, SchemaRefused } from './schema-registry.ts';
import { schemaChangeKeySchema, schemaChangeMessage, schemaChangeValueSchema } from './schema-change-message.ts';
import type { UnsignedMode } from './column-codec.ts';
import { VERSION } from '../../core/index.ts';
import { UserFacingError } from '../../core/index.ts';

/** A record's bytes beyond key and value in a v2 record batch (length, attributes, deltas, headers), rounded up. */
const RECORD_OVERHEAD = 32;
/** A record batch's own header, per partition in a request, rounded up. */
const BATCH_OVERHEAD = 128;

export interface PublisherSettings {
  connector: string;
  prefix: string;
  serverId: number;
  includeSchemaChanges: boolean;
  tombstonesOnDelete: boolean;
  unsigned: UnsignedMode;
  /** Creates the topic if it is missing (partitions and replication as configured). */
  ensureTopic(topic: string): Promise<void>;
  /** `producer.max.request.size`: a send is split into requests of at most this many bytes. */
  maxRequestSize: number;
}

interface Registered extends TableCodec {
  topic: string;
  keyId: number | null;
  valueId: number;
}

export class KafkaPublisher implements ChangeConsumer {
  readonly batching = { batchSize: 5000, maxBuffered: 20000, lingerMs: 0 };
  private readonly tables = new Map<string, Registered>();
  private readonly bySchema = new WeakMap<TableSchema, Registered>();
  /** Bytes and records sent, for status. */
  readonly stats = { records: 0, bytes: 0, lastSourceTs: null as number | null, lastGtid: null as string | null };

  constructor(
    private readonly settings: PublisherSettings,
    private readonly state: SourceStateStore,
    private readonly producer: Producer,
    private readonly registry: AvroRegistry,
    private readonly log: Logger,
  ) {}

  private get name() {
    return this.settings.connector;
  }

  /** The table's registered schemas, registering new versions when its schema changed. */
  private async registered(schema: TableSchema): Promise<Registered> {
    // Events of one table share their schema object until it changes: skip the comparison then.
    const same = this.bySchema.get(schema);
    if (same) return same;
    const key = `${schema.db}.${schema.table}`;
    const known = this.tables.get(key);
    if (known && JSON.stringify(known.schema) === JSON.stringify(schema)) {
      this.bySchema.set(schema, known);
      return known;
    }
    const codec = tableCodec(this.settings.prefix, schema, this.settings.unsigned);
    const topic = topicOf(this.settings.prefix, schema.db, schema.table);
    await this.settings.ensureTopic(topic);
    const valueId = await this.registry.register(`${topic}-value`, codec.value);
    const keyId = codec.key ? await this.registry.register(`${topic}-key`, codec.key) : null;
    const entry = { ...codec, topic, keyId, valueId };
    this.tables.set(key, entry);
    this.bySchema.set(schema, entry);
    return entry;
  }

  /** Debezium's `source` block for an event read at `at`. */
  private sourceBlock(at: Omit<ChangeEvent['source'], 'name'>, row: number) {
    return { version: VERSION, connector: 'mysql', name: this.settings.prefix, ts_ms: at.ts_ms, snapshot: at.snapshot, db: at.db, sequence: null, table: at.table, server_id: this.settings.serverId, gtid: at.gtid, file: at.file, pos: at.pos, row, thread: null, query: null };
  }

  private rowDatum(t: Registered, row: Row | null, columns = t.schema.columns.map((c) => c.name)): Record<string, unknown> | null {
    if (!row) return null;
    const out: Record<string, unknown> = {};
    for (const name of columns) {
      const value = row[name];
      try {
        out[avroName(name)] = value === null || value === undefined ? null : t.codecs.get(name)!.encode(value);
      } catch (err) {
        throw new Error(`cannot encode ${t.schema.db}.${t.schema.table}.${name} = ${JSON.stringify(String(value))} for Kafka: ${(err as Error).message}`);
      }
    }
    return out;
  }

  private async messagesOf(events: ChangeEvent[]): Promise<Map<string, Message[]>> {
    const byTopic = new Map<string, Message[]>();
    for (const [i, e] of events.entries()) {
      const t = await this.registered(e.schema);
      const keyRow = e.after ?? e.before;
      const key = t.key && keyRow ? this.registry.encode(`${t.topic}-key`, t.key, t.keyId!, this.rowDatum(t, keyRow, t.schema.primaryKey)) : null;
      const value = this.registry.encode(`${t.topic}-value`, t.value, t.valueId, {
        before: this.rowDatum(t, e.before),
        after: this.rowDatum(t, e.after),
        source: this.sourceBlock(e.source, i),
        op: e.op,
        ts_ms: e.ts_ms,
        transaction: null,
      });
      let list = byTopic.get(t.topic);
      if (!list) byTopic.set(t.topic, (list = []));
      list.push({ key, value });
      this.stats.bytes += value.length + (key?.length ?? 0);
      // A tombstone lets log compaction remove the key once its delete has been read.
      if (e.op === 'd' && key && this.settings.tombstonesOnDelete) list.push({ key, value: null });
      this.stats.lastSourceTs = e.source.ts_ms;
      if (e.source.gtid) this.stats.lastGtid = e.source.gtid;
    }
    return byTopic;
  }

  /** Sends and waits for every acknowledgement (acks=all); kafkajs retries transient failures. */
  /**
   * Sends in requests of at most `producer.max.request.size` bytes, one after another (so order
   * holds): kafkajs puts a partition's messages of one send into one record batch and does not
   * split it, and a broker refuses a batch above its `message.max.bytes` (1 MiB by default) —
   * a snapshot chunk of wide rows is easily larger.
   */
  private async send(byTopic: Map<string, Message[]>): Promise<void> {
    const limit = this.settings.maxRequestSize;
    const budget = limit - BATCH_OVERHEAD;
    let request = new Map<string, Message[]>();
    let bytes = 0;
    const flush = async () => {
      if (request.size === 0) return;
      await this.producer.sendBatch({ acks: -1, topicMessages: [...request].map(([topic, messages]) => ({ topic, messages })) });
      for (const m of request.values()) this.stats.records += m.length;
      request = new Map();
      bytes = 0;
    };
    for (const [topic, messages] of byTopic) {
      for (const m of messages) {
        const size = RECORD_OVERHEAD + (m.key?.length ?? 0) + (m.value?.length ?? 0);
        if (size > budget) {
          throw new UserFacingError(
            `a change event for topic ${topic} is ${size} bytes, more than producer.max.request.size (${limit})`,
            'raise producer.max.request.size in the kafka section, and the broker\'s message.max.bytes (or the topic\'s max.message.bytes) with it',
          );
        }
        if (bytes + size > budget) await flush();
        const list = request.get(topic) ?? [];
        list.push(m);
        request.set(topic, list);
        bytes += size;
      }
    }
    await flush();
  }

  async beginSnapshot(tables: TableSchema[], at: SourceOffset): Promise<void> {
    for (const t of tables) await this.registered(t);
    await this.publishSchemaChange('-- snapshot', tables.map((after) => ({ kind: 'create', after }) as SchemaChange), at);
    await this.state.record(this.name, {
      resetHistory: true,
      resetProgress: true,
      offset: { ...at, snapshotCompleted: false },
      history: { at, ddl: '-- snapshot', entries: tables.map((t) => ({ db: t.db, table: t.table, schema: t, quarantine: null })) },
    });
  }

  async writeSnapshotRows(table: TableSchema, rows: Row[], progress: Parameters<ChangeConsumer['writeSnapshotRows']>[2]): Promise<void> {
    const at = (await this.state.offset(this.name)) ?? { file: '', pos: 0, gtid: null, snapshotCompleted: false };
    const now = Date.now();
    const events: ChangeEvent[] = rows.map((after) => ({
      op: 'r',
      before: null,
      after,
      source: { name: this.settings.prefix, db: table.db, table: table.table, file: at.file, pos: at.pos, gtid: at.gtid, ts_ms: now, snapshot: 'true' },
      ts_ms: now,
      schema: table,
    }));
    await this.send(await this.messagesOf(events));
    await this.state.record(this.name, { progress: { db: table.db, table: table.table, progress } });
  }

  async snapshotProgress() {
    const at = await this.state.offset(this.name);
    if (!at || at.snapshotCompleted) return null;
    return { at, tables: await this.state.progress(this.name) };
  }

  completeSnapshot(offset: SourceOffset): Promise<void> {
    return this.state.record(this.name, { offset, resetProgress: true });
  }

  async applyChanges(events: ChangeEvent[], offset: SourceOffset): Promise<void> {
    await this.send(await this.messagesOf(events));
    await this.state.record(this.name, { offset });
  }

  // A large transaction's parts are published as they come: the offset still moves only after
  // the commit, so a crash re-sends the whole transaction.
  async stageChanges(events: ChangeEvent[]): Promise<void> {
    await this.send(await this.messagesOf(events));
  }

  async discardStaged(): Promise<void> {}

  async applySchemaChange(ddl: string, changes: SchemaChange[], offset: SourceOffset): Promise<void> {
    // New table schemas are registered before anything else moves: a version the registry
    // refuses stops that one table (quarantined, with the registry's reason).
    for (const change of changes) {
      if (change.kind !== 'create' && change.kind !== 'alter' && change.kind !== 'rename') continue;
      try {
        await this.registered(change.after);
      } catch (err) {
        if (err instanceof SchemaRefused) throw new SchemaChangeRejected({ db: change.after.db, table: change.after.table }, err.message);
        throw err;
      }
    }
    await this.publishSchemaChange(ddl, changes, offset);
    // A TRUNCATE travels in the table's own topic (op "t"), ordered with its rows.
    const truncates = changes.flatMap((c) => (c.kind === 'truncate' ? [c] : []));
    for (const c of truncates) {
      const t = [...this.tables.values()].find((x) => x.schema.db === c.db && x.schema.table === c.table);
      if (!t) continue;
      const value = this.registry.encode(`${t.topic}-value`, t.value, t.valueId, {
        before: null,
        after: null,
        source: this.sourceBlock({ db: c.db, table: c.table, file: offset.file, pos: offset.pos, gtid: offset.gtid, ts_ms: Date.now(), snapshot: 'false' }, 0),
        op: 't',
        ts_ms: Date.now(),
        transaction: null,
      });
      await this.send(new Map([[t.topic, [{ key: null, value }]]]));
    }
    await this.state.record(this.name, { offset, history: { at: offset, ddl, entries: changes.flatMap(historyEntries) } });
  }

  private async publishSchemaChange(ddl: string, changes: SchemaChange[], at: SourceOffset): Promise<void> {
    if (!this.settings.includeSchemaChanges || changes.length === 0) return;
    const topic = this.settings.prefix;
    await this.settings.ensureTopic(topic);
    const keyId = await this.registry.register(`${topic}-key`, schemaChangeKeySchema);
    const valueId = await this.registry.register(`${topic}-value`, schemaChangeValueSchema);
    const messages: Message[] = [];
    for (const { databaseName, value } of schemaChangeMessage(ddl, changes, at, this.settings.prefix, this.settings.serverId)) {
      messages.push({
        key: this.registry.encode(`${topic}-key`, schemaChangeKeySchema, keyId, { databaseName }),
        value: this.registry.encode(`${topic}-value`, schemaChangeValueSchema, valueId, value),
      });
    }
    await this.send(new Map([[topic, messages]]));
  }

  quarantine(table: { db: string; table: string }, reason: string, offset: SourceOffset): Promise<void> {
    this.log.warn({ table: `${table.db}.${table.table}`, reason }, 'table quarantined');
    return this.state.record(this.name, { history: { at: offset, ddl: '-- quarantine', entries: [{ ...table, schema: null, quarantine: reason }] } });
  }

  schemaHistory() {
    return this.state.history(this.name);
  }

  committedOffset() {
    return this.state.offset(this.name);
  }
}
