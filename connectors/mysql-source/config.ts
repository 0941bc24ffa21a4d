// The MySQL source connector's configuration, named as Debezium's MySQL connector names it
// (https://debezium.io/documentation/reference/stable/connectors/mysql.html#mysql-connector-properties).
// One zod schema yields the type, the validation errors and the README's reference table.
import { z } from 'zod';
import { unknownKeyProblems, formatZodProblems } from '../../runtime/config-problems.ts';

export const MYSQL_CONNECTOR_CLASS = 'io.debezium.connector.mysql.MySqlConnector';

const csvList = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

const integerString = (what: string) =>
  z.union([z.number().int(), z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)]);

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
  'snapshot.fetch.size': integerString('snapshot.fetch.size').pipe(z.number().min(1)).default(10000),
});

export type MySqlSourceConfig = z.output<typeof mysqlSourceConfigSchema>;

/** Every problem with a connector's config, each naming the key; empty when it is valid. */
export function validateMySqlSourceConfig(config: Record<string, unknown>): string[] {
  const problems = unknownKeyProblems(config, Object.keys(mysqlSourceConfigSchema.shape));
  const parsed = mysqlSourceConfigSchema.safeParse(config);
  if (!parsed.success) problems.push(...formatZodProblems(parsed.error, config));
  if (config['database.include.list'] !== undefined && config['database.exclude.list'] !== undefined) {
    problems.push('database.include.list and database.exclude.list cannot both be set: keep one');
  }
  if (config['table.include.list'] !== undefined && config['table.exclude.list'] !== undefined) {
    problems.push('table.include.list and table.exclude.list cannot both be set: keep one');
  }
  return problems;
}

export function parseMySqlSourceConfig(config: Record<string, unknown>): MySqlSourceConfig {
  return mysqlSourceConfigSchema.parse(config);
}
