// One partition spec per table, declared as Kudu declares it: HASH(columns) PARTITIONS n, times
// an optional RANGE(column) by interval (day/month/year) or by explicit bounds. Four readers use
// it: sink routing (which task owns a row), tiering (units of migration), the Parquet layout
// (directories by range, files by bucket) and query pruning.

export type RangeInterval = 'day' | 'month' | 'year';

export interface PartitionSpec {
  hash: { columns: string[]; buckets: number };
  /** By interval, or by ascending bounds: partitions (-∞, b0), [b0, b1), …, [bn, +∞). */
  range?: { column: string; interval: RangeInterval } | { column: string; bounds: string[] };
}

export const DEFAULT_BUCKETS = 16;

/** With no spec configured: HASH of the primary key (or every column of a keyless table). */
export function defaultSpec(primaryKey: string[], columns: string[]): PartitionSpec {
  return { hash: { columns: primaryKey.length > 0 ? primaryKey : columns, buckets: DEFAULT_BUCKETS } };
}

/** The spec as Kudu writes it, e.g. `HASH(id, bill_type_id) PARTITIONS 16 RANGE(created_at) INTERVAL MONTH`. */
export function formatSpec(spec: PartitionSpec): string {
  const hash = `HASH(${spec.hash.columns.join(', ')}) PARTITIONS ${spec.hash.buckets}`;
  if (!spec.range) return hash;
  const how = 'interval' in spec.range ? `INTERVAL ${spec.range.interval.toUpperCase()}` : `BOUNDS (${spec.range.bounds.map((b) => `'${b.replace(/'/g, "''")}'`).join(', ')})`;
  return `${hash} RANGE(${spec.range.column}) ${how}`;
}
