// Public surface of the columnar sink connector: its configuration (Kafka Connect's keys) and the
// write policy it gives the store. The writing itself is the store's (store/).
export { validateSinkConfig, hotWindowFor, sinkConfigSchema, parseSinkConfig, isSinkClass, writePolicyOf, defaultSinkConfig, IGNORED_SINK_KEYS, SINK_CONNECTOR_CLASS, KUDU_SINK_CONNECTOR_CLASS, type SinkConfig } from './config.ts';
