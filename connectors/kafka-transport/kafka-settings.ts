// The worker-level Kafka settings (instaquery.json's `kafka` section, named as a Kafka Connect
// worker names them) and the clients built from them.
import { Kafka, logLevel, type Admin, type Producer } from 'kafkajs';

export interface KafkaClientSettings {
  bootstrapServers: string[];
  clientId: string;
  registryUrl: string;
  /** Partitions of the topics the source creates (`topic.creation.default.partitions`). */
  partitions: number;
  /** Their replication factor (`topic.creation.default.replication.factor`); -1: the broker's default. */
  replicationFactor: number;
  /** Most bytes of records in one produce request (`producer.max.request.size`, as Kafka's producer). */
  maxRequestSize: number;
}

/** The source worker's producer side: an idempotent producer and topic creation. */
export class KafkaPublishing {
  readonly producer: Producer;
  private readonly admin: Admin;
  private readonly created = new Set<string>();

  constructor(readonly settings: KafkaClientSettings) {
    const kafka = new Kafka({ clientId: settings.clientId, brokers: settings.bootstrapServers, logLevel: logLevel.NOTHING, retry: { retries: 12, initialRetryTime: 300, maxRetryTime: 5000 } });
    // Idempotent (acks=all, broker-side dedup of retried batches) with one request in flight,
    // so a retried batch can never land behind a later one: order per key holds.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.admin = kafka.admin();
  }

  private connected: Promise<void> | null = null;

  /** Connects once; every source of the worker shares the producer. */
  connect(): Promise<void> {
    this.connected ??= (async () => {
      await this.producer.connect();
      await this.admin.connect();
    })();
    this.connected.catch(() => (this.connected = null));
    return this.connected;
  }

  /** Creates the topic unless it exists (idempotent; brokers may disable auto-creation). */
  async ensureTopic(topic: string): Promise<void> {
    if (this.created.has(topic)) return;
    await this.admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: this.settings.partitions, replicationFactor: this.settings.replicationFactor }] });
    this.created.add(topic);
  }

  async close(): Promise<void> {
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
  }
}
