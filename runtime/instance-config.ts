// instaquery.json: where the store lives, how the gateway and REST API listen, and the
// connectors in Kafka Connect's shape ({"name", "config"}).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Cron } from 'croner';
import { ConfigError } from '../core/index.ts';
import { formatZodProblems, unknownKeyProblems } from '../core/index.ts';
import { MYSQL_CONNECTOR_CLASS, validateMySqlSourceConfig } from '../connectors/mysql-source/index.ts';
import { upstreamProblems, upstreamSchema } from './upstream-config.ts';
import { isSinkClass, KUDU_SINK_CONNECTOR_CLASS, SINK_CONNECTOR_CLASS, validateSinkConfig } from '../connectors/columnar-sink/index.ts';

const userSchema = z.strictObject({
  user: z.string().min(1),
  password: z.string(),
  plugin: z.enum(['mysql_native_password', 'caching_sha2_password']).default('mysql_native_password'),
  databases: z.array(z.string().min(1)).optional(),
});

const cronExpression = z.string().refine(validCron, { message: 'must be a cron expression such as "0 2 * * *" (minute hour day month weekday, UTC)' });

export const instanceConfigSchema = z.strictObject({
  dataDir: z.string().min(1).default('./.data'),
  gateway: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(3307),
      users: z.array(userSchema).default([]),
      tls: z.strictObject({ enabled: z.boolean().default(true), cert: z.string().optional(), key: z.string().optional() }).prefault({}),
      // Off unless set: SELECTs the dialect refuses go to this MySQL (a replica or the source).
      // (or {"connector": "<source connector>"}: that connector's host and credentials; upstream-config.ts).
      upstream: upstreamSchema.optional(),
    })
    .prefault({}),
  rest: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(8083),
      // Either protects the API; with neither, it may only listen on loopback.
      token: z.string().min(16, 'rest.token must be at least 16 characters').optional(),
      users: z.array(z.strictObject({ user: z.string().min(1), password: z.string().min(1) })).optional(),
    })
    .prefault({}),
  // Kafka mode: sources publish to Kafka and sink connectors with `topics` consume from it.
  kafka: z
    .strictObject({
      'bootstrap.servers': z.string().min(1),
      'schema.registry.url': z.url({ message: 'must be the schema registry\'s URL, e.g. http://127.0.0.1:8081' }),
      'client.id': z.string().min(1).default('instaquery'),
      'topic.creation.default.partitions': z.number().int().min(1).default(1),
      'topic.creation.default.replication.factor': z.number().int().min(-1).default(-1),
      // Kafka Connect's worker-level producer override; the broker's message.max.bytes must allow it.
      'producer.max.request.size': z.number().int().min(1024).default(1_048_576),
    })
    .optional(),
  // Hot/cold tiering of the store: when and where old range partitions go (which tables and how
  // much stays hot: the sink's hot.window.<db>.<table> keys).
  tiering: z
    .strictObject({
      schedule: cronExpression.default('0 2 * * *'),
      'target.dir': z.string().min(1).optional(),
      'target.file.size': z.number().int().min(1_048_576).default(134_217_728),
      'row.group.size': z.number().int().min(1024).default(122_880),
      'orphan.grace.ms': z.number().int().min(0).default(600_000),
      // Per table ("db.table"), what differs from the defaults above.
      tables: z
        .record(
          z.string().regex(/^[^.]+\.[^.]+$/, 'name each table as <database>.<table>, e.g. "rb.bill"'),
          z.strictObject({
            schedule: cronExpression.optional(),
            'target.dir': z.string().min(1).optional(),
            'target.file.size': z.number().int().min(1_048_576).optional(),
            'row.group.size': z.number().int().min(1024).optional(),
          }),
        )
        .optional(),
    })
    .prefault({}),
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info') }).prefault({}),
  connectors: z.array(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'connector names may hold only letters, digits, ".", "_" and "-"'), config: z.record(z.string(), z.unknown()) })).default([]),
});

function validCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true, unref: true }).stop();
    return true;
  } catch {
    return false;
  }
}

export type InstanceConfig = z.output<typeof instanceConfigSchema>;

const TOP_KEYS = ['dataDir', 'gateway', 'rest', 'log', 'kafka', 'tiering', 'connectors'];
const SECTION_KEYS: Record<string, string[]> = {
  gateway: ['host', 'port', 'users', 'tls', 'upstream'],
  rest: ['host', 'port', 'token', 'users'],
  log: ['level'],
  tiering: ['schedule', 'target.dir', 'target.file.size', 'row.group.size', 'orphan.grace.ms', 'tables'],
  kafka: ['bootstrap.servers', 'schema.registry.url', 'client.id', 'topic.creation.default.partitions', 'topic.creation.default.replication.factor', 'producer.max.request.size'],
};
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Every problem in the file, each naming its key; throws ConfigError listing them all. */
export function parseInstanceConfig(raw: unknown, source: string): InstanceConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(['the file must hold one JSON object'], source);
  const obj = raw as Record<string, unknown>;
  const problems = unknownKeyProblems(obj, TOP_KEYS);
  for (const [section, keys] of Object.entries(SECTION_KEYS)) {
    const value = obj[section];
    if (value && typeof value === 'object' && !Array.isArray(value)) problems.push(...unknownKeyProblems(value as Record<string, unknown>, keys, `${section}.`));
  }
  const parsed = instanceConfigSchema.safeParse(raw);
  if (!parsed.success) problems.push(...formatZodProblems(parsed.error, raw));
  if (Array.isArray(obj.connectors)) problems.push(...connectorProblems(obj.connectors as ConnectorEntry[], obj.kafka !== undefined));
  problems.push(...upstreamProblems((obj.gateway as { upstream?: unknown } | undefined)?.upstream, Array.isArray(obj.connectors) ? (obj.connectors as ConnectorEntry[]) : []));
  const rest = (obj.rest ?? {}) as { host?: unknown; token?: unknown; users?: unknown };
  if (typeof rest.host === 'string' && !LOOPBACK.test(rest.host) && rest.token === undefined && rest.users === undefined) {
    problems.push(`rest.host '${rest.host}' is not a loopback address, and the REST API has no protection: set rest.token or rest.users, or keep rest.host 127.0.0.1`);
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)], source);
  return parsed.data!;
}

type ConnectorEntry = { name?: unknown; config?: Record<string, unknown> };

/** Every problem with a set of connectors, each prefixed with the connector's name. */
export function connectorProblems(connectors: ConnectorEntry[], kafkaMode: boolean): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  let sinks = 0;
  for (const c of connectors) {
    if (typeof c?.name !== 'string' || typeof c.config !== 'object' || c.config === null) continue;
    if (names.has(c.name)) problems.push(`connector name '${c.name}' is used twice`);
    names.add(c.name);
    const cls = c.config['connector.class'];
    if (isSinkClass(cls)) {
      const consumes = c.config.topics !== undefined || c.config['topics.regex'] !== undefined;
      if (consumes && !kafkaMode) problems.push(`connector '${c.name}': topics/topics.regex need Kafka: add the "kafka" section (bootstrap.servers, schema.registry.url) to the instance config, or drop them to land sources in this store directly`);
      if (!consumes) sinks++;
      problems.push(...validateSinkConfig(c.config).map((p) => `connector '${c.name}': ${p}`));
      continue;
    }
    if (cls !== MYSQL_CONNECTOR_CLASS) {
      problems.push(`connector '${c.name}': unknown connector.class '${String(cls)}' (known: ${MYSQL_CONNECTOR_CLASS}, ${SINK_CONNECTOR_CLASS}, ${KUDU_SINK_CONNECTOR_CLASS})`);
      continue;
    }
    problems.push(...validateMySqlSourceConfig(c.config).map((p) => `connector '${c.name}': ${p}`));
  }
  if (sinks > 1) problems.push(`${sinks} sink connectors are configured; the embedded store takes one (in Kafka mode, give each further sink its own topics)`);
  return problems;
}

export function loadInstanceConfig(path: string): InstanceConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([`cannot read the file: ${(err as Error).message}`], path);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError([`not valid JSON: ${(err as Error).message}`], path);
  }
  return parseInstanceConfig(raw, path);
}
