// Which hash bucket a row belongs to: FNV-1a (32-bit) over the hash columns' values as text,
// joined by a separator that cannot appear in them. Stable across processes, versions and
// machines (unlike DuckDB's hash()), so routing, file layout and pruning agree forever.
import type { PartitionSpec } from './partition-spec.ts';

type KeyValue = string | number | bigint | boolean | Buffer | null | undefined;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(bytes: Uint8Array, seed = FNV_OFFSET): number {
  let h = seed;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, FNV_PRIME) >>> 0;
  }
  return h >>> 0;
}

/** The canonical text of a key value: NULL, bytes and text never collide. */
function canonical(v: KeyValue): string {
  if (v === null || v === undefined) return '\u0000N';
  if (Buffer.isBuffer(v)) return `\u0000x${v.toString('hex')}`;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return String(v);
}

export function bucketOf(spec: PartitionSpec, row: Record<string, KeyValue>): number {
  const text = spec.hash.columns.map((c) => canonical(row[c])).join('\u0001');
  return fnv1a(Buffer.from(text, 'utf8')) % spec.hash.buckets;
}
