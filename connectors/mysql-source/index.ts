// Public surface of the MySQL source connector.
export { MYSQL_CONNECTOR_CLASS, mysqlSourceConfigSchema, validateMySqlSourceConfig, IGNORED_SOURCE_KEYS, KEY_ALIASES, type MySqlSourceConfig } from './config.ts';
export { MySqlSourceConnector, type SourceStatus, type ConnectorState } from './source-connector.ts';
export { includedTables } from './catalog.ts';
export { connectionOptions } from './connection-options.ts';
export { parseMySqlSourceConfig } from './config.ts';
export { keyAfter, keyOrder } from './keyset.ts';
