// The columnar sink's configuration, with the original Kudu sink connector's key names
// (`behavior.on.exception`, `max.retries`, `retry.backoff.ms`) and the batching keys of Kafka
// Connect sinks (`batch.size`, `max.buffered.records`, `linger.ms`). With no sink connector
// configured, sources land in the local store with these defaults.
//
// A table's partition spec is one key per table, `partitioning.<db>.<table>`, written as Kudu
// declares it: "HASH(id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH".
import { z } from 'zod';
import type { WritePolicy } from '../../store/index.ts';
import { formatZodProblems, unknownKeyProblems } from '../../core/index.ts';
import { defaultSpec, parseSpec, PartitionSpecError, type PartitionSpec } from '../../partitioning/index.ts';
import type { TableSchema } from '../../core/index.ts';
import { UserFacingError } from '../../core/index.ts';
import { HotWindowError, parseHotWindow, type HotWindow } from '../../partitioning/index.ts';

export const SINK_CONNECTOR_CLASS = 'io.instaquery.connector.ColumnarSinkConnector';
/** The original system's Kudu sink, accepted as an alias. */
export const KUDU_SINK_CONNECTOR_CLASS = 'com.yr.connector.KuduSinkConnector';
export const PARTITIONING_PREFIX = 'partitioning.';
/** `hot.window.<db>.<table>`: how much of a range-partitioned table stays hot; older partitions are archived by tiering. */
export const HOT_WINDOW_PREFIX = 'hot.window.';
export const MAX_TASKS = 16;

const integerString = (what: string) =>
  z.union([z.number().int(), z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)]);

const knownKeys = {
  'connector.class': z.enum([SINK_CONNECTOR_CLASS, KUDU_SINK_CONNECTOR_CLASS]),
  /** Parallel write tasks; each owns a share of every table's hash buckets. */
  'tasks.max': integerString('tasks.max').pipe(z.number().min(1).max(MAX_TASKS)).default(1),
  'behavior.on.exception': z.enum(['FAIL', 'LOG', 'IGNORE']).default('FAIL'),
  'max.retries': integerString('max.retries').pipe(z.number().min(0).max(100)).default(3),
  'retry.backoff.ms': integerString('retry.backoff.ms').pipe(z.number().min(0)).default(1000),
  /** Most row changes applied in one store transaction (whole source transactions; a larger one goes alone). */
  'batch.size': integerString('batch.size').pipe(z.number().min(1).max(1_000_000)).default(20_000),
  /** Row changes read from the source and waiting for the store before the source stops reading. */
  'max.buffered.records': integerString('max.buffered.records').pipe(z.number().min(1).max(10_000_000)).default(40_000),
  /** How long a flush waits for more changes to batch with (the flush interval); 0 writes at once. */
  'linger.ms': integerString('linger.ms').pipe(z.number().min(0).max(60_000)).default(0),
  /** Kafka mode: the topics to consume (comma-separated), as any Kafka Connect sink takes them. */
  topics: z.string().min(1).optional(),
  /** Kafka mode: a regular expression of topics to consume instead of `topics`. */
  'topics.regex': z.string().min(1).optional(),
  /**
   * The Kudu sink's target tables, one per topic. Accepted and checked against `topics`; rows
   * land in the store under their source's own db.table, because that is what the applications'
   * SQL names.
   */
  'table.list': z.string().min(1).optional(),
};

/** Keys of the Kudu sink and Kafka Connect accepted with no effect here, each with why. */
export const IGNORED_SINK_KEYS: Record<string, string> = {
  'kudu.masters': 'rows go to the local DuckDB store, not Kudu',
  'kudu.table.prefix': 'rows go to the local DuckDB store, not Kudu',
  'key.converter': 'keys are read as Avro in Confluent\'s wire format',
  'value.converter': 'values are read as Avro in Confluent\'s wire format',
  'key.converter.schema.registry.url': 'the worker\'s kafka."schema.registry.url" is used',
  'value.converter.schema.registry.url': 'the worker\'s kafka."schema.registry.url" is used',
  'errors.tolerance': 'behavior.on.exception decides what happens to a record the store cannot hold',
  'errors.deadletterqueue.topic.name': 'records the store cannot hold go to _instaquery.dead_letter (behavior.on.exception=LOG)',
};

/** The config without `name` and the keys accepted for compatibility only. */
export const withoutIgnored = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'name' && !(k in IGNORED_SINK_KEYS)));

export const sinkConfigSchema = z
  .object(knownKeys)
  .catchall(z.unknown())
  .superRefine((config, ctx) => {
    if (config.topics !== undefined && config['topics.regex'] !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['topics.regex'], message: 'topics and topics.regex cannot both be set: keep one' });
    }
    if (config['topics.regex'] !== undefined) {
      try {
        new RegExp(config['topics.regex']);
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['topics.regex'], message: `not a valid regular expression (${(err as Error).message})` });
      }
    }
    if (config['table.list'] !== undefined && config.topics !== undefined) {
      const tables = config['table.list'].split(',').filter((t) => t.trim()).length;
      const topics = config.topics.split(',').filter((t) => t.trim()).length;
      if (tables !== topics) ctx.addIssue({ code: 'custom', path: ['table.list'], message: `names ${tables} table(s) for ${topics} topic(s): give one table per topic, in the same order` });
    }
    if (config['max.buffered.records'] < config['batch.size']) {
      ctx.addIssue({ code: 'custom', path: ['max.buffered.records'], message: `must be at least batch.size (${config['batch.size']})` });
    }
    for (const [key, value] of Object.entries(config)) {
      const problem = key.startsWith(PARTITIONING_PREFIX) ? partitioningKeyProblem(key, value) : key.startsWith(HOT_WINDOW_PREFIX) ? hotWindowKeyProblem(key, value, config) : null;
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
  });

export type SinkConfig = z.output<typeof sinkConfigSchema>;

export const defaultSinkConfig: SinkConfig = sinkConfigSchema.parse({ 'connector.class': SINK_CONNECTOR_CLASS });

function partitioningKeyProblem(key: string, value: unknown): string | null {
  const table = key.slice(PARTITIONING_PREFIX.length);
  if (!/^[^.]+\.[^.]+$/.test(table)) return `name the table as ${PARTITIONING_PREFIX}<database>.<table>, e.g. partitioning.rb.bill`;
  if (typeof value !== 'string') return 'must be a spec such as "HASH(id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH"';
  try {
    parseSpec(value, 'spec');
    return null;
  } catch (err) {
    if (err instanceof PartitionSpecError) return err.message.replace(/^spec: /, '');
    throw err;
  }
}

function hotWindowKeyProblem(key: string, value: unknown, config: Record<string, unknown>): string | null {
  const table = key.slice(HOT_WINDOW_PREFIX.length);
  if (!/^[^.]+\.[^.]+$/.test(table)) return `name the table as ${HOT_WINDOW_PREFIX}<database>.<table>, e.g. hot.window.rb.bill`;
  if (typeof value !== 'string') return 'must be a window such as "90 days", "3 months" or "1 year"';
  try {
    parseHotWindow(value, 'window');
  } catch (err) {
    if (err instanceof HotWindowError) return err.message.replace(/^window: /, '');
    throw err;
  }
  const spec = config[`${PARTITIONING_PREFIX}${table}`];
  if (typeof spec !== 'string' || !/RANGE\s*\(/i.test(spec)) return `tiering moves whole range partitions: give ${table} a RANGE in ${PARTITIONING_PREFIX}${table}, e.g. "HASH(id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH"`;
  return null;
}

/** The table's hot window, if `hot.window.<db>.<table>` sets one. */
export function hotWindowFor(sink: SinkConfig, db: string, table: string): HotWindow | null {
  const text = sink[`${HOT_WINDOW_PREFIX}${db}.${table}`];
  return typeof text === 'string' ? parseHotWindow(text, `sink config key '${HOT_WINDOW_PREFIX}${db}.${table}'`) : null;
}

export function validateSinkConfig(raw: Record<string, unknown>): string[] {
  const config = withoutIgnored(raw);
  const unknown = Object.fromEntries(Object.entries(config).filter(([k]) => !k.startsWith(PARTITIONING_PREFIX) && !k.startsWith(HOT_WINDOW_PREFIX)));
  const problems = unknownKeyProblems(unknown, [...Object.keys(knownKeys), `${PARTITIONING_PREFIX}<database>.<table>`, `${HOT_WINDOW_PREFIX}<database>.<table>`]);
  const parsed = sinkConfigSchema.safeParse(config);
  if (!parsed.success) problems.push(...formatZodProblems(parsed.error, config));
  return problems;
}

/**
 * The table's partition spec: its `partitioning.<db>.<table>` key, checked against the table's
 * columns, or HASH of the primary key by default.
 */
export function partitionSpecFor(sink: SinkConfig, schema: TableSchema): PartitionSpec {
  const key = `${PARTITIONING_PREFIX}${schema.db}.${schema.table}`;
  const text = sink[key];
  const columns = schema.columns.map((c) => c.name);
  if (typeof text !== 'string') return defaultSpec(schema.primaryKey, columns);
  try {
    return parseSpec(text, `sink config key '${key}'`, columns);
  } catch (err) {
    if (err instanceof PartitionSpecError) throw new UserFacingError(err.message, `fix '${key}' in the sink connector's config and restart`);
    throw err;
  }
}

export function isSinkClass(cls: unknown): boolean {
  return cls === SINK_CONNECTOR_CLASS || cls === KUDU_SINK_CONNECTOR_CLASS;
}

/** A sink connector's config as given (with `name` and compatibility-only keys) parsed. */
export const parseSinkConfig = (raw: Record<string, unknown>): SinkConfig => sinkConfigSchema.parse(withoutIgnored(raw));

/** What the store is told of this sink: batching, parallel tasks, partition specs, poison records. */
export function writePolicyOf(sink: SinkConfig): WritePolicy {
  return {
    batching: { batchSize: sink['batch.size'], maxBuffered: sink['max.buffered.records'], lingerMs: sink['linger.ms'] },
    tasks: sink['tasks.max'],
    specFor: (schema) => partitionSpecFor(sink, schema),
    maxRetries: sink['max.retries'],
    retryBackoffMs: sink['retry.backoff.ms'],
    onUnstorable: sink['behavior.on.exception'],
  };
}
