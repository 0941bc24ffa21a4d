// The MySQL source connector's configuration, named as Debezium's MySQL connector names it
// (https://debezium.io/documentation/reference/stable/connectors/mysql.html#mysql-connector-properties).
// One zod schema yields the type, the validation errors and the README's reference table.
import { z } from 'zod';
import { unknownKeyProblems, formatZodProblems } from '../../core/index.ts';

export const MYSQL_CONNECTOR_CLASS = 'io.debezium.connector.mysql.MySqlConnector';

const csvList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

const integerString = (what: string) =>
  z.union([z.number().int(), z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)]);

const booleanString = (what: string) =>
  z.union([z.boolean(), z.enum(['true', 'false'], { message: `${what} must be true or false` }).transform((v) => v === 'true')]);

/**
 * Debezium 1.x names still found in curl scripts, read as today's keys (their meaning is the
 * same): the whitelist/blacklist filters and `database.server.name`.
 */
export const KEY_ALIASES: Record<string, string> = {
  'database.whitelist': 'database.include.list',
  'database.blacklist': 'database.exclude.list',
  'table.whitelist': 'table.include.list',
  'table.blacklist': 'table.exclude.list',
  'column.whitelist': 'column.include.list',
  'column.blacklist': 'column.exclude.list',
  'database.server.name': 'topic.prefix',
};

/**
 * Keys of Debezium and Kafka Connect that are accepted and have no effect here, each with why;
 * `GET /connectors/{name}/status` and `config/validate` report them.
 */
export const IGNORED_SOURCE_KEYS: Record<string, string> = {
  'database.history.kafka.bootstrap.servers': 'the schema history is kept in the worker\'s own store, written with the offsets in one transaction',
  'database.history.kafka.topic': 'the schema history is kept in the worker\'s own store, written with the offsets in one transaction',
  'schema.history.internal.kafka.bootstrap.servers': 'the schema history is kept in the worker\'s own store, written with the offsets in one transaction',
  'schema.history.internal.kafka.topic': 'the schema history is kept in the worker\'s own store, written with the offsets in one transaction',
  'database.history': 'the schema history is kept in the worker\'s own store',
  'key.converter': 'keys are always Avro in Confluent\'s wire format',
  'value.converter': 'values are always Avro in Confluent\'s wire format',
  'key.converter.schema.registry.url': 'the worker\'s kafka."schema.registry.url" is used',
  'value.converter.schema.registry.url': 'the worker\'s kafka."schema.registry.url" is used',
  'database.allowPublicKeyRetrieval': 'the driver negotiates the authentication plugin itself',
  'database.serverTimezone': 'TIMESTAMP values are read in UTC and DATETIME as wall-clock text',
  'snapshot.locking.mode': 'snapshots read in one consistent-snapshot transaction and take no table locks',
  'include.query': 'the original SQL is not carried',
};

/** The config with aliases renamed; a key given under both names must agree. */
export function withAliases(raw: Record<string, unknown>): { config: Record<string, unknown>; problems: string[] } {
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k in IGNORED_SOURCE_KEYS || k === 'name') continue;
    const to = KEY_ALIASES[k];
    if (!to) {
      if (!(k in config)) config[k] = v;
      continue;
    }
    if (raw[to] !== undefined && String(raw[to]) !== String(v)) problems.push(`config keys '${k}' and '${to}' name the same setting with different values: keep '${to}'`);
    config[to] = raw[to] ?? v;
  }
  return { config, problems };
}

export const mysqlSourceConfigSchema = z.object({
  'connector.class': z.literal(MYSQL_CONNECTOR_CLASS),
  'tasks.max': integerString('tasks.max').pipe(z.literal(1, { message: 'the MySQL source runs exactly one task: set tasks.max to 1' })).default(1),
  'database.hostname': z.string().min(1),
  'database.port': integerString('database.port').pipe(z.number().min(1).max(65535)).default(3306),
  'database.user': z.string().min(1),
  'database.password': z.string().default(''),
  'database.server.id': integerString('database.server.id').pipe(z.number().min(1).max(2 ** 32 - 1)),
  'topic.prefix': z.string().regex(/^[A-Za-z0-9_.-]+$/, 'topic.prefix may hold only letters, digits, ".", "_" and "-"'),
  'database.include.list': csvList.optional(),
  'database.exclude.list': csvList.optional(),
  'table.include.list': csvList.optional(),
  'table.exclude.list': csvList.optional(),
  'column.include.list': csvList.optional(),
  'column.exclude.list': csvList.optional(),
  'decimal.handling.mode': z.enum(['precise', 'string', 'double']).default('precise'),
  'snapshot.mode': z.enum(['initial', 'when_needed', 'no_data', 'schema_only', 'never']).default('initial'),
  'snapshot.max.threads': integerString('snapshot.max.threads').pipe(z.number().min(1).max(16)).default(1),
  'snapshot.fetch.size': integerString('snapshot.fetch.size').pipe(z.number().min(1)).default(10000),
  'binlog.retention.min.hours': integerString('binlog.retention.min.hours').pipe(z.number().min(0)).default(24),
  'heartbeat.interval.ms': integerString('heartbeat.interval.ms').pipe(z.number().min(0)).default(10000),
  'connect.backoff.initial.delay.ms': integerString('connect.backoff.initial.delay.ms').pipe(z.number().min(1)).default(1000),
  'connect.backoff.max.delay.ms': integerString('connect.backoff.max.delay.ms').pipe(z.number().min(1)).default(120000),
  'connect.max.attempts': integerString('connect.max.attempts').pipe(z.number().min(1)).default(16),
  /** Kafka mode: DDL also goes to the schema-change topic `<topic.prefix>`. */
  'include.schema.changes': booleanString('include.schema.changes').default(true),
  /** Kafka mode: a delete is followed by a tombstone (null value) so compaction can drop the key. */
  'tombstones.on.delete': booleanString('tombstones.on.delete').default(true),
  /** Kafka mode: BIGINT UNSIGNED as Connect Decimal (`precise`, exact) or int64 (`long`, wraps above 2^63-1). */
  'bigint.unsigned.handling.mode': z.enum(['precise', 'long']).default('precise'),
});

/** `column.mask.with.N.chars`: Debezium names the length in the key itself. */
const MASK_KEY = /^column\.mask\.with\.(\d+)\.chars$/;

export type MySqlSourceConfig = z.output<typeof mysqlSourceConfigSchema> & {
  /** From the `column.mask.with.N.chars` keys: string columns matching `columns` become N '*'. */
  columnMasks: { chars: number; columns: string[] }[];
};

function splitMaskKeys(config: Record<string, unknown>): [Record<string, unknown>, Record<string, unknown>] {
  const plain: Record<string, unknown> = {};
  const masks: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) (MASK_KEY.test(k) ? masks : plain)[k] = v;
  return [plain, masks];
}

/** Every problem with a connector's config, each naming the key; empty when it is valid. */
export function validateMySqlSourceConfig(original: Record<string, unknown>): string[] {
  const { config: raw, problems: aliasProblems } = withAliases(original);
  const [config, masks] = splitMaskKeys(raw);
  const problems = [...aliasProblems, ...unknownKeyProblems(config, [...Object.keys(mysqlSourceConfigSchema.shape), 'column.mask.with.N.chars'])];
  for (const [k, v] of Object.entries(masks)) {
    if (typeof v !== 'string' || v.trim() === '') problems.push(`config key '${k}': must be a comma-separated list of column regular expressions (db.table.column)`);
  }
  const parsed = mysqlSourceConfigSchema.safeParse(config);
  if (!parsed.success) problems.push(...formatZodProblems(parsed.error, config));
  if (config['database.include.list'] !== undefined && config['database.exclude.list'] !== undefined) {
    problems.push('database.include.list and database.exclude.list cannot both be set: keep one');
  }
  if (config['table.include.list'] !== undefined && config['table.exclude.list'] !== undefined) {
    problems.push('table.include.list and table.exclude.list cannot both be set: keep one');
  }
  if (config['column.include.list'] !== undefined && config['column.exclude.list'] !== undefined) {
    problems.push('column.include.list and column.exclude.list cannot both be set: keep one');
  }
  for (const key of ['database.include.list', 'database.exclude.list', 'table.include.list', 'table.exclude.list', 'column.include.list', 'column.exclude.list', ...Object.keys(masks)]) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    for (const pattern of value.split(',').map((x) => x.trim()).filter(Boolean)) {
      try {
        new RegExp(pattern);
      } catch (err) {
        problems.push(`config key '${key}': '${pattern}' is not a valid regular expression (${(err as Error).message})`);
      }
    }
  }
  return problems;
}

export function parseMySqlSourceConfig(original: Record<string, unknown>): MySqlSourceConfig {
  const [config, masks] = splitMaskKeys(withAliases(original).config);
  const columnMasks = Object.entries(masks).map(([k, v]) => ({
    chars: Number(MASK_KEY.exec(k)![1]),
    columns: String(v).split(',').map((x) => x.trim()).filter(Boolean),
  }));
  return { ...mysqlSourceConfigSchema.parse(config), columnMasks };
}
