// gateway.upstream: where a SELECT the dialect refuses is forwarded. Either the endpoint itself
// ({"host", "port", "user", "password"}) or {"connector": "<source connector>"}, which takes that
// connector's Debezium keys (database.hostname, database.port, database.user, database.password) so a
// team can switch from refusing to forwarding to the source without copying its credentials.
import { z } from 'zod';
import { MYSQL_CONNECTOR_CLASS } from '../connectors/mysql-source/index.ts';
import { unknownKeyProblems } from '../core/index.ts';

export const upstreamSchema = z.union([
  z.strictObject({ host: z.string().min(1), port: z.number().int().min(1).max(65535).default(3306), user: z.string().min(1), password: z.string() }),
  z.strictObject({ connector: z.string().min(1) }),
]);

export type UpstreamSetting = z.output<typeof upstreamSchema>;
export interface UpstreamEndpoint {
  host: string;
  port: number;
  user: string;
  password: string;
}
type ConnectorEntry = { name?: unknown; config?: Record<string, unknown> };

const sourceNames = (connectors: ConnectorEntry[]) =>
  connectors.filter((c) => typeof c?.name === 'string' && c.config?.['connector.class'] === MYSQL_CONNECTOR_CLASS).map((c) => c.name as string);

const ENDPOINT_KEYS = ['host', 'port', 'user', 'password'];

/**
 * The problems with gateway.upstream beyond its schema's: a key neither form knows, both forms at
 * once, or a connector name that is not a configured source connector (named, with the sources).
 */
export function upstreamProblems(upstream: unknown, connectors: ConnectorEntry[]): string[] {
  if (typeof upstream !== 'object' || upstream === null || Array.isArray(upstream)) return [];
  const keys = upstream as Record<string, unknown>;
  if (!('connector' in keys)) return unknownKeyProblems(keys, ENDPOINT_KEYS, 'gateway.upstream.');
  const mixed = Object.keys(keys).filter((k) => k !== 'connector');
  if (mixed.length > 0) return [`gateway.upstream: give either "connector" or "host", "port", "user", "password", not both (also set: ${mixed.join(', ')})`];
  const name = keys.connector;
  if (typeof name !== 'string') return [];
  const sources = sourceNames(connectors);
  if (sources.includes(name)) return [];
  const known = sources.length > 0 ? `the source connectors are: ${sources.map((s) => `'${s}'`).join(', ')}` : 'no source connector is configured';
  return [`gateway.upstream.connector '${name}' is not a configured source connector (${MYSQL_CONNECTOR_CLASS}); ${known}`];
}

/** The endpoint forwarding connects to: as written, or the named source connector's. */
export function resolveUpstream(upstream: UpstreamSetting | undefined, connectors: ConnectorEntry[]): UpstreamEndpoint | undefined {
  if (!upstream) return undefined;
  if (!('connector' in upstream)) return upstream;
  // The config was validated: the name is a source connector, whose keys its own schema checked.
  const c = connectors.find((x) => x.name === upstream.connector)!.config!;
  return {
    host: String(c['database.hostname']),
    port: Number(c['database.port'] ?? 3306),
    user: String(c['database.user']),
    password: String(c['database.password'] ?? ''),
  };
}
