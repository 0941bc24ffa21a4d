// The columnar sink's configuration, with the original Kudu sink connector's key names
// (`behavior.on.exception`, `max.retries`, `retry.backoff.ms`). With no sink connector configured,
// sources land in the local store with these defaults.
import { z } from 'zod';
import { formatZodProblems, unknownKeyProblems } from '../../runtime/config-problems.ts';

export const SINK_CONNECTOR_CLASS = 'io.instaquery.connector.ColumnarSinkConnector';
/** The original system's Kudu sink, accepted as an alias. */
export const KUDU_SINK_CONNECTOR_CLASS = 'com.yr.connector.KuduSinkConnector';

const integerString = (what: string) =>
  z.union([z.number().int(), z.string().regex(/^\d+$/, `${what} must be a whole number`).transform(Number)]);

export const sinkConfigSchema = z.object({
  'connector.class': z.enum([SINK_CONNECTOR_CLASS, KUDU_SINK_CONNECTOR_CLASS]),
  'tasks.max': integerString('tasks.max').pipe(z.literal(1, { message: 'the embedded sink runs one task for now: set tasks.max to 1' })).default(1),
  'behavior.on.exception': z.enum(['FAIL', 'LOG', 'IGNORE']).default('FAIL'),
  'max.retries': integerString('max.retries').pipe(z.number().min(0).max(100)).default(3),
  'retry.backoff.ms': integerString('retry.backoff.ms').pipe(z.number().min(0)).default(1000),
});

export type SinkConfig = z.output<typeof sinkConfigSchema>;

export const defaultSinkConfig: SinkConfig = sinkConfigSchema.parse({ 'connector.class': SINK_CONNECTOR_CLASS });

export function validateSinkConfig(config: Record<string, unknown>): string[] {
  const problems = unknownKeyProblems(config, Object.keys(sinkConfigSchema.shape));
  const parsed = sinkConfigSchema.safeParse(config);
  if (!parsed.success) problems.push(...formatZodProblems(parsed.error, config));
  return problems;
}

export function isSinkClass(cls: unknown): boolean {
  return cls === SINK_CONNECTOR_CLASS || cls === KUDU_SINK_CONNECTOR_CLASS;
}
