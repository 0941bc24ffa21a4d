// Public surface of the store: the DuckDB file and everything physical in it — target tables,
// hash and range partitions, the hot + cold view of each table, the metadata tables (offsets,
// schema history, snapshot progress, dead letters, Kafka positions, source views, source servers,
// cold sets) and the catalog steps tiering takes. The sink writes through ColumnarStore; the gateway, the dialect's
// callers and tiering read through what is exported here.
export { ColumnarStore, STORE_FILE, type StoreObserver } from './store.ts';
export type { SinkTaskStats } from './sink-tasks.ts';
export type { WritePolicy } from './write-policy.ts';
export { loadPartitions, PARTS_SCHEMA, bucketView, type TableLayout } from './table-layout.ts';
export { SourceStateStore, SOURCE_STATE_FILE } from './source-state-store.ts';
export { historyEntries } from './schema-history-store.ts';
export type { KafkaPosition } from './kafka-offset-store.ts';
export { archivePartition, archiveSourceSql, freezePartition, partitionsWithTombstones, restorePartition } from './cold-partitions.ts';
export { referencedColdFiles, type ColdFile, type ColdPartition } from './cold-catalog.ts';
export type { KnownTable } from './target-table.ts';
export type { StoredDeadLetter } from './dead-letter.ts';
export { readLoadingTables, type LoadingTable } from './snapshot-progress-store.ts';
export { readSourceServers } from './source-server-store.ts';
