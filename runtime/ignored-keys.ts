// Keys a connector config may carry from the tools it replaces (Debezium, Kafka Connect, the
// Kudu sink) that instaquery accepts and does not use: reported, with why, rather than refused,
// so the original curl commands work as written.
import { IGNORED_SOURCE_KEYS, KEY_ALIASES } from '../connectors/mysql-source/index.ts';
import { IGNORED_SINK_KEYS, isSinkClass } from '../connectors/columnar-sink/index.ts';

export interface IgnoredKey {
  key: string;
  reason: string;
}

export function ignoredKeys(config: Record<string, unknown>): IgnoredKey[] {
  const table = isSinkClass(config['connector.class']) ? IGNORED_SINK_KEYS : IGNORED_SOURCE_KEYS;
  const out: IgnoredKey[] = [];
  for (const key of Object.keys(config)) {
    if (key in table) out.push({ key, reason: table[key]! });
    else if (!isSinkClass(config['connector.class']) && key in KEY_ALIASES) out.push({ key, reason: `read as ${KEY_ALIASES[key]} (its current Debezium name)` });
  }
  return out;
}
