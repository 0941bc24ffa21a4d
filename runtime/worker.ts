// The connectors one instaquery process runs, as a Kafka Connect worker holds them: created,
// reconfigured, paused, resumed, stopped, restarted and deleted at runtime through the REST API,
// their configs persisted in <dataDir>/connectors.json so they come back after a restart.
//
// Embedded mode: a source delivers into the store directly (exactly once, offsets in the store);
// a sink connector only says how rows land there. Kafka mode (config `kafka`): a source publishes
// to Kafka (offsets and history in the worker's source-state store), and a sink connector with
// `topics`/`topics.regex` consumes them into this process's store.
import type { Logger } from '../core/index.ts';
import { HIDDEN, SECRET_KEY } from './secret-scrub.ts';
import type { InstanceConfig } from './instance-config.ts';
import { connectorProblems } from './instance-config.ts';
import { UserFacingError } from '../core/index.ts';
import { ColumnarStore, SourceStateStore } from '../store/index.ts';
import { defaultSinkConfig, hotWindowFor, isSinkClass, parseSinkConfig, writePolicyOf, type SinkConfig } from '../connectors/columnar-sink/index.ts';
import type { HotWindow } from '../partitioning/index.ts';
import { MySqlSourceConnector, parseMySqlSourceConfig } from '../connectors/mysql-source/index.ts';
import { AvroRegistry, KafkaPublisher, KafkaPublishing, KafkaSinkConnector, topicOf } from '../connectors/kafka-transport/index.ts';
import { connectorNameProblem } from './connector-name.ts';
import { ConnectError } from './connect-error.ts';
import type { ConnectorConfig, Entry } from './connector-entry.ts';
import { connectorsFile, readSavedConnectors, writeSavedConnectors } from './connectors-file.ts';
import { connectorStatus } from './connector-status.ts';
import { alteredSourceOffset, mustBeStopped, sinkOffsets, sourceOffsets, type ConnectOffsets } from './connect-offsets.ts';

export type { ConnectorConfig, TargetState } from './connector-entry.ts';


export class Worker {
  private readonly entries = new Map<string, Entry>();
  private store: ColumnarStore | null = null;
  private sourceState: SourceStateStore | null = null;
  private publishing: KafkaPublishing | null = null;
  private registry: AvroRegistry | null = null;

  constructor(
    private readonly config: InstanceConfig,
    private readonly log: Logger,
  ) {}

  get kafkaMode(): boolean {
    return this.config.kafka !== undefined;
  }

  /** Configs from connectors.json, then the config file's (which win: they are what was asked for now). */
  load(): void {
    const path = connectorsFile(this.config.dataDir);
    // Names are checked as the REST API checks them, before anything starts or is written.
    const badNames = (names: unknown[], where: string, fix: string) => {
      const problems = names.map(connectorNameProblem).filter((p) => p !== null);
      if (problems.length) throw new UserFacingError(`${where}:\n  - ${problems.join('\n  - ')}`, fix, 2);
    };
    badNames(this.config.connectors.map((c) => c.name), 'invalid connector name in the config file', 'rename the connector in the config file\'s "connectors"');
    const saved = readSavedConnectors(path);
    badNames(saved.map((s) => s.name), `invalid connector name in ${path}`, `rename or remove that entry in ${path} while instaquery is stopped`);
    for (const s of saved) this.entries.set(s.name, { name: s.name, config: s.config, target: s.target });
    for (const c of this.config.connectors) {
      const had = this.entries.get(c.name);
      this.entries.set(c.name, { name: c.name, config: c.config, target: had?.target ?? 'RUNNING' });
    }
  }

  private persist(): void {
    writeSavedConnectors(this.config.dataDir, [...this.entries.values()].map((e) => ({ name: e.name, config: e.config, target: e.target })));
  }

  /** Checks every source before anything is written (bad input writes nothing). */
  async check(): Promise<void> {
    for (const e of this.entries.values()) {
      if (this.isSource(e) && e.target !== 'STOPPED') await new MySqlSourceConnector(e.name, e.config, this.log.child({ connector: e.name })).check();
    }
  }

  isSource(e: { config: ConnectorConfig }): boolean {
    return !isSinkClass(e.config['connector.class']);
  }

  private isKafkaSink(e: Entry): boolean {
    return this.kafkaMode && !this.isSource(e) && (e.config.topics !== undefined || e.config['topics.regex'] !== undefined);
  }

  /** Whether this process serves a store (embedded mode, or a Kafka-mode query node). */
  needsStore(): boolean {
    return !this.kafkaMode || [...this.entries.values()].some((e) => this.isKafkaSink(e));
  }

  async open(store: ColumnarStore | null): Promise<void> {
    this.store = store;
    const kafka = this.config.kafka;
    if (kafka) this.registry = new AvroRegistry(kafka['schema.registry.url']);
    for (const e of this.entries.values()) if (e.target !== 'STOPPED') await this.startEntry(e);
    this.persist();
  }

  private clientSettings() {
    const k = this.config.kafka!;
    return {
      bootstrapServers: k['bootstrap.servers'].split(',').map((s) => s.trim()),
      clientId: k['client.id'],
      registryUrl: k['schema.registry.url'],
      partitions: k['topic.creation.default.partitions'],
      replicationFactor: k['topic.creation.default.replication.factor'],
      maxRequestSize: k['producer.max.request.size'],
    };
  }

  /** The sink settings sources land with in embedded mode. */
  /** A table's hot window, from any sink connector's `hot.window.<db>.<table>`. */
  hotWindowOf(db: string, table: string): HotWindow | null {
    for (const e of this.entries.values()) {
      if (this.isSource(e)) continue;
      const window = hotWindowFor(parseSinkConfig(e.config), db, table);
      if (window) return window;
    }
    return null;
  }

  private embeddedSink(): SinkConfig | undefined {
    const sink = [...this.entries.values()].find((e) => !this.isSource(e) && !this.isKafkaSink(e));
    return sink ? parseSinkConfig(sink.config) : undefined;
  }

  private async startEntry(e: Entry): Promise<void> {
    delete e.failure;
    try {
      if (this.isSource(e)) {
        const source = new MySqlSourceConnector(e.name, e.config, this.log.child({ connector: e.name }));
        e.source = source;
        if (this.kafkaMode) {
          const parsed = parseMySqlSourceConfig(e.config);
          // The producer and the source-state store are opened by the first source and shared.
          const publishing = (this.publishing ??= new KafkaPublishing(this.clientSettings()));
          const state = await this.openSourceState();
          await publishing.connect();
          e.publisher = new KafkaPublisher(
            {
              connector: e.name,
              prefix: parsed['topic.prefix'],
              serverId: parsed['database.server.id'],
              includeSchemaChanges: parsed['include.schema.changes'],
              tombstonesOnDelete: parsed['tombstones.on.delete'],
              unsigned: parsed['bigint.unsigned.handling.mode'],
              ensureTopic: (t) => publishing.ensureTopic(t),
              maxRequestSize: this.clientSettings().maxRequestSize,
            },
            state,
            publishing.producer,
            this.registry!,
            this.log.child({ connector: e.name }),
          );
          await source.start(e.publisher);
        } else {
          await source.start(this.store!.consumerFor(e.name, writePolicyOf(this.embeddedSink() ?? defaultSinkConfig)));
        }
      } else if (this.isKafkaSink(e)) {
        const sink = parseSinkConfig(e.config);
        const topics = typeof e.config.topics === 'string' ? e.config.topics.split(',').map((t) => t.trim()).filter(Boolean) : [];
        const regex = typeof e.config['topics.regex'] === 'string' ? new RegExp(`^(?:${e.config['topics.regex']})$`) : null;
        e.sink = new KafkaSinkConnector(e.name, { topics, topicsRegex: regex }, sink, this.store!, this.registry!, this.clientSettings(), this.log.child({ connector: e.name }));
        await e.sink.start();
        if (e.target === 'PAUSED') e.sink.pause();
      }
      if (e.target === 'PAUSED' && e.source) await this.pauseSource(e);
    } catch (err) {
      e.failure = err instanceof UserFacingError ? err.describe() : (err as Error).message;
      this.log.error({ connector: e.name, err: e.failure }, 'connector failed to start');
      throw err;
    }
  }

  private async pauseSource(e: Entry): Promise<void> {
    // A paused source stops reading; its offset is durable, so resuming continues from it.
    await e.source?.stop();
  }

  private async stopEntry(e: Entry): Promise<void> {
    await e.source?.stop();
    await e.sink?.stop();
    delete e.source;
    delete e.publisher;
    delete e.sink;
  }

  private entry(name: string): Entry {
    const e = this.entries.get(name);
    if (!e) throw new ConnectError(404, `Connector ${name} not found`);
    return e;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Live source connectors, by name (tests and the gateway's status read them). */
  sources(): Map<string, MySqlSourceConnector> {
    const out = new Map<string, MySqlSourceConnector>();
    for (const e of this.entries.values()) if (e.source) out.set(e.name, e.source);
    return out;
  }

  sinks(): Map<string, KafkaSinkConnector> {
    const out = new Map<string, KafkaSinkConnector>();
    for (const e of this.entries.values()) if (e.sink) out.set(e.name, e.sink);
    return out;
  }

  /** The config as GET returns it: passwords hidden. */
  configOf(name: string): ConnectorConfig {
    const e = this.entry(name);
    return Object.fromEntries(Object.entries({ ...e.config, name }).map(([k, v]) => [k, SECRET_KEY.test(k) ? HIDDEN : String(v)]));
  }

  /** Every problem with a config, as `config/validate` lists them (empty: valid). */
  problems(name: string, config: ConnectorConfig): string[] {
    const others = [...this.entries.values()].filter((e) => e.name !== name).map((e) => ({ name: e.name, config: e.config }));
    return connectorProblems([...others, { name, config }], this.kafkaMode).filter((p) => p.startsWith(`connector '${name}'`) || !p.startsWith('connector '));
  }

  async put(name: string, config: ConnectorConfig): Promise<{ created: boolean }> {
    // Every creation comes through here (POST /connectors, PUT …/config, the admin UI).
    const badName = connectorNameProblem(name);
    if (badName) throw new ConnectError(400, badName);
    const previous = this.entries.get(name);
    // A GET body sent back keeps the stored secrets it shows hidden.
    const merged = Object.fromEntries(Object.entries(config).filter(([k]) => k !== 'name').map(([k, v]) => [k, v === HIDDEN && previous ? previous.config[k] : v]));
    const problems = this.problems(name, merged);
    if (problems.length) throw new ConnectError(400, `Connector configuration is invalid and contains the following ${problems.length} error(s):\n${problems.join('\n')}\nYou can also find the above list of errors at the endpoint \`/connector-plugins/{connectorType}/config/validate\``);
    if (previous) await this.stopEntry(previous);
    const e: Entry = { name, config: merged, target: previous?.target ?? 'RUNNING' };
    this.entries.set(name, e);
    this.persist();
    if (e.target !== 'STOPPED') {
      if (this.isSource(e) || this.isKafkaSink(e)) await this.startEntry(e).catch(() => undefined);
    }
    return { created: !previous };
  }

  async delete(name: string): Promise<void> {
    const e = this.entry(name);
    await this.stopEntry(e);
    this.entries.delete(name);
    this.persist();
  }

  async pause(name: string): Promise<void> {
    const e = this.entry(name);
    e.target = 'PAUSED';
    this.persist();
    if (e.sink) e.sink.pause();
    if (e.source) await this.pauseSource(e);
  }

  async resume(name: string): Promise<void> {
    const e = this.entry(name);
    const was = e.target;
    e.target = 'RUNNING';
    this.persist();
    if (e.sink && was === 'PAUSED') return e.sink.resume();
    if (was !== 'RUNNING' || !e.source) {
      await this.stopEntry(e);
      await this.startEntry(e).catch(() => undefined);
    }
  }

  async stop(name: string): Promise<void> {
    const e = this.entry(name);
    e.target = 'STOPPED';
    this.persist();
    await this.stopEntry(e);
  }

  async restart(name: string, onlyFailed = false): Promise<void> {
    const e = this.entry(name);
    if (onlyFailed && this.stateOf(e) !== 'FAILED') return;
    await this.stopEntry(e);
    if (e.target !== 'STOPPED') await this.startEntry(e).catch(() => undefined);
  }

  stateOf(e: Entry): string {
    if (e.failure) return 'FAILED';
    if (e.target !== 'RUNNING') return e.target;
    if (e.source) return e.source.status().state === 'FAILED' ? 'FAILED' : 'RUNNING';
    if (e.sink) return e.sink.status().tasks.some((t) => t.state === 'FAILED') ? 'FAILED' : 'RUNNING';
    return this.isSource(e) || this.isKafkaSink(e) ? 'UNASSIGNED' : 'RUNNING';
  }

  /** Kafka Connect's status body, with instaquery's details under `instaquery`. */
  status(name: string): Record<string, unknown> {
    const e = this.entry(name);
    return connectorStatus(e, { state: this.stateOf(e), workerId: this.workerId(), isSource: this.isSource(e), hasTasks: this.isSource(e) || this.isKafkaSink(e) });
  }

  tasks(name: string): { id: { connector: string; task: number }; config: ConnectorConfig }[] {
    const e = this.entry(name);
    const count = e.sink ? e.sink.status().tasks.length : 1;
    return Array.from({ length: count }, (_, task) => ({ id: { connector: name, task }, config: this.configOf(name) }));
  }

  topics(name: string): string[] {
    const e = this.entry(name);
    if (e.sink) return e.sink.status().topics;
    if (e.publisher) return this.publishedTopics(e);
    return [];
  }

  private publishedTopics(e: Entry): string[] {
    const prefix = this.prefixOf(e);
    const tables = e.source?.status().snapshot ?? {};
    return [prefix, ...Object.keys(tables).map((t) => topicOf(prefix, t.split('.')[0]!, t.split('.').slice(1).join('.')))];
  }

  /** KIP-875: the connector's offsets, as Kafka Connect shapes them. */
  async offsets(name: string): Promise<ConnectOffsets> {
    const e = this.entry(name);
    if (this.isSource(e)) {
      const offset = this.kafkaMode ? await this.sourceState?.offset(name) : await this.store?.consumerFor(name, writePolicyOf(defaultSinkConfig)).committedOffset();
      return sourceOffsets(this.prefixOf(e), offset);
    }
    return sinkOffsets((await this.store?.kafkaPositions(name)) ?? []);
  }

  async resetOffsets(name: string): Promise<void> {
    const e = this.entry(name);
    mustBeStopped(name, e.target);
    if (this.isSource(e)) {
      if (this.kafkaMode) await (await this.openSourceState()).reset(name);
      else await this.store!.resetSource(name);
    } else await this.store?.resetKafkaPositions(name);
  }

  async alterOffsets(name: string, body: unknown): Promise<void> {
    const e = this.entry(name);
    mustBeStopped(name, e.target);
    const offset = alteredSourceOffset(body, this.isSource(e));
    if (this.kafkaMode) await (await this.openSourceState()).record(name, { offset });
    else await this.store!.consumerFor(name, writePolicyOf(defaultSinkConfig)).completeSnapshot(offset);
  }

  private async openSourceState(): Promise<SourceStateStore> {
    return (this.sourceState ??= await SourceStateStore.open(this.config.dataDir));
  }

  private prefixOf(e: Entry): string {
    return parseMySqlSourceConfig(e.config)['topic.prefix'];
  }

  private workerId(): string {
    return `${this.config.rest.host}:${this.config.rest.port}`;
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => this.stopEntry(e)));
    await this.publishing?.close();
    await this.sourceState?.close();
  }
}
