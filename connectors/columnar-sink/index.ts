// Public surface of the columnar sink and its store.
export { ColumnarStore, STORE_FILE, type SinkTaskStats, type StoreObserver } from './store.ts';
export { mapColumnType } from './type-mapping.ts';
export { validateSinkConfig, hotWindowFor, sinkConfigSchema, parseSinkConfig, isSinkClass, IGNORED_SINK_KEYS, SINK_CONNECTOR_CLASS, KUDU_SINK_CONNECTOR_CLASS, type SinkConfig } from './config.ts';
export { loadPartitions, PARTS_SCHEMA } from './table-layout.ts';
export { SourceStateStore, SOURCE_STATE_FILE } from './source-state-store.ts';
export { historyEntries } from './schema-history-store.ts';
export type { KafkaPosition } from './kafka-offset-store.ts';
export { archivePartition, archiveSourceSql, freezePartition, partitionsWithTombstones, restorePartition } from './cold-partitions.ts';
export { referencedColdFiles, type ColdFile, type ColdPartition } from './cold-catalog.ts';
export type { KnownTable } from './target-table.ts';
export { bucketView, type TableLayout } from './table-layout.ts';
