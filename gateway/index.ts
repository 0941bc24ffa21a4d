// Public surface of the gateway.
export { Gateway, SERVER_VERSION, type GatewayOptions } from './server.ts';
export { createDuckDbHandler, type EngineOptions } from './duckdb-engine.ts';
export type { GatewayUser } from './auth.ts';
export { installMysqlCatalog } from './mysql-catalog.ts';
export type { SourceFreshness } from './freshness.ts';
export type { ForwardedShape, UpstreamConfig } from './forwarding.ts';
