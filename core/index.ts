// The bottom layer: what every other folder shares and nothing here imports from them.
// - the currency between source and sink: ChangeEvent (Debezium's envelope), SourceOffset,
//   TableSchema and the schema-change and consumer contracts (change-event.ts);
// - MySQL column types as the store holds them (type-mapping.ts), read by the sink, the store,
//   the dialect and the gateway alike;
// - errors with the fix they suggest, the logger, config problem wording, the release version.
export type { ChangeConsumer, ChangeEvent, SinkBatching, ChangeOp, Row, RowValue, SchemaChange, SchemaHistoryState, SourceColumn, TableOptions, TableSnapshotProgress, SourceOffset, TableName, TableSchema } from './change-event.ts';
export { SchemaChangeRejected } from './change-event.ts';
export type { SourceServer, SourceServerLists, SourceShowList, SourceVariable } from './source-server.ts';
export { mapColumnType, type ColumnMapping } from './type-mapping.ts';
export { UserFacingError, ConfigError } from './errors.ts';
export { createLogger, silentLogger, type Logger } from './logger.ts';
export { formatZodProblems, unknownKeyProblems } from './config-problems.ts';
export { VERSION } from './version.ts';
