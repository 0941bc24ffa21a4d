// Which range partition a value falls in, named the way the Parquet layout names directories.
// By interval: the period's start ('2024-03-01' for any March 2024 value). By bounds: the lower
// bound of [b(i), b(i+1)), or '-inf' below the first.
import type { PartitionSpec } from './partition-spec.ts';

export function rangePartitionOf(spec: PartitionSpec, value: string | number | null): string | null {
  const range = spec.range;
  if (!range) return null;
  if (value === null) return 'null';
  if ('interval' in range) {
    const text = String(value);
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
    if (!m) throw new RangeError(`${range.column} value '${text}' is not a date or datetime`);
    if (range.interval === 'year') return `${m[1]}-01-01`;
    if (range.interval === 'month') return `${m[1]}-${m[2]}-01`;
    return `${m[1]}-${m[2]}-${m[3]}`;
  }
  const numeric = typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value));
  let partition = '-inf';
  for (const b of range.bounds) {
    const below = numeric && /^-?\d+(\.\d+)?$/.test(b) ? Number(value) < Number(b) : String(value) < b;
    if (below) break;
    partition = b;
  }
  return partition;
}
