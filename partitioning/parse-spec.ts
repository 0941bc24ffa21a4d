// Reads a partition spec written as text (the sink config's per-table setting):
//   HASH(col [, col…]) PARTITIONS n [RANGE(col) INTERVAL DAY|MONTH|YEAR | RANGE(col) BOUNDS ('v', …)]
// Every mistake names what is wrong and what was expected.
import type { PartitionSpec, RangeInterval } from './partition-spec.ts';

export class PartitionSpecError extends Error {}

const IDENT = '`?([A-Za-z_][A-Za-z0-9_$]*)`?';
const HASH = new RegExp(`^\\s*HASH\\s*\\(([^)]*)\\)\\s*PARTITIONS\\s+(\\d+)\\s*`, 'i');
const RANGE = new RegExp(`^[,x×*\\s]*RANGE\\s*\\(\\s*${IDENT}\\s*\\)\\s*(?:INTERVAL\\s+(DAY|MONTH|YEAR)|BOUNDS\\s*\\((.*)\\))\\s*$`, 'i');

function columnList(text: string, where: string): string[] {
  const columns = text.split(',').map((c) => c.trim().replace(/^`|`$/g, ''));
  if (columns.length === 0 || columns.some((c) => !/^[A-Za-z_][A-Za-z0-9_$]*$/.test(c))) {
    throw new PartitionSpecError(`${where}: HASH needs a comma-separated list of column names, got '(${text})'`);
  }
  if (new Set(columns).size !== columns.length) throw new PartitionSpecError(`${where}: a column appears twice in HASH(${text})`);
  return columns;
}

function bounds(text: string, where: string): string[] {
  const values = [...text.matchAll(/'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!));
  if (values.length === 0) throw new PartitionSpecError(`${where}: RANGE BOUNDS needs at least one value, e.g. BOUNDS ('2024-01-01', '2025-01-01')`);
  for (let i = 1; i < values.length; i++) {
    const [a, b] = [values[i - 1]!, values[i]!];
    const ascending = /^-?\d+(\.\d+)?$/.test(a) && /^-?\d+(\.\d+)?$/.test(b) ? Number(a) < Number(b) : a < b;
    if (!ascending) throw new PartitionSpecError(`${where}: RANGE BOUNDS must be strictly ascending ('${a}' then '${b}')`);
  }
  return values;
}

/** `where` names the setting in messages, e.g. "partition spec of rb.bill". */
export function parseSpec(text: string, where: string, columns?: string[]): PartitionSpec {
  const hash = HASH.exec(text);
  if (!hash) throw new PartitionSpecError(`${where}: expected HASH(columns) PARTITIONS n [RANGE(column) INTERVAL DAY|MONTH|YEAR | BOUNDS (...)], got '${text.trim()}'`);
  const buckets = Number(hash[2]);
  if (!Number.isInteger(buckets) || buckets < 1 || buckets > 1024) throw new PartitionSpecError(`${where}: PARTITIONS must be between 1 and 1024, got ${hash[2]}`);
  const spec: PartitionSpec = { hash: { columns: columnList(hash[1]!, where), buckets } };
  const rest = text.slice(hash[0].length);
  if (rest.trim() !== '') {
    const range = RANGE.exec(rest);
    if (!range) throw new PartitionSpecError(`${where}: after HASH(...) PARTITIONS n expected RANGE(column) INTERVAL DAY|MONTH|YEAR or RANGE(column) BOUNDS (...), got '${rest.trim()}'`);
    spec.range = range[2] ? { column: range[1]!, interval: range[2].toLowerCase() as RangeInterval } : { column: range[1]!, bounds: bounds(range[3]!, where) };
  }
  if (columns) {
    const missing = [...spec.hash.columns, ...(spec.range ? [spec.range.column] : [])].filter((c) => !columns.includes(c));
    if (missing.length > 0) throw new PartitionSpecError(`${where}: no column ${missing.map((m) => `'${m}'`).join(', ')} in the table (its columns: ${columns.join(', ')})`);
  }
  return spec;
}
