// What the worker holds for each connector: its config, the state it was asked to be in, and the
// parts running for it.
import type { MySqlSourceConnector } from '../connectors/mysql-source/index.ts';
import type { KafkaPublisher, KafkaSinkConnector } from '../connectors/kafka-transport/index.ts';

export type TargetState = 'RUNNING' | 'PAUSED' | 'STOPPED';
export type ConnectorConfig = Record<string, unknown>;

export interface Entry {
  name: string;
  config: ConnectorConfig;
  target: TargetState;
  /** A source's running connector (embedded or Kafka mode). */
  source?: MySqlSourceConnector;
  publisher?: KafkaPublisher;
  /** A Kafka-mode sink's consumer group. */
  sink?: KafkaSinkConnector;
  failure?: string;
}
