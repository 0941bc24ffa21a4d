// Public surface of the Kafka transport: the source side's publisher, the sink side's consumer
// group, and the Avro/registry codec they share.
export { KafkaPublisher, type PublisherSettings } from './publisher.ts';
export { KafkaSinkConnector, type KafkaSinkStatus, type SinkSubscription } from './sink-connector.ts';
export { KafkaPublishing, type KafkaClientSettings } from './kafka-settings.ts';
export { AvroRegistry, SchemaRefused } from './schema-registry.ts';
export { topicOf, tableCodec } from './envelope-schema.ts';
export { EventDecoder } from './event-decoder.ts';
