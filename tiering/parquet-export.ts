// Writes one archived range partition as Parquet: hive-style directories by range partition and
// hash bucket (<dir>/<db>/<table>/range_partition=<p>/bucket=<n>/<run>_<i>.parquet), rows sorted
// by primary key, ZSTD, row groups small enough for min/max pruning. The bucket is the same
// FNV-1a the sink routes by (partitioning/bucket.ts), computed in SQL, so a key's bucket is one
// function everywhere.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColdFile, TableLayout } from '../store/index.ts';
import { tableDir } from './manifest.ts';
import { pathSegment } from './path-segment.ts';

export interface ExportOptions {
  targetDir: string;
  fileSizeBytes: number;
  rowGroupSize: number;
}

/**
 * The partition's directory. Not `<range column>=<p>`: engines reading with hive partitioning
 * would then see that column twice (in the path and in the files), which Spark refuses.
 */
export function partitionDir(targetDir: string, layout: TableLayout, p: string): string {
  return join(tableDir(targetDir, layout.db, layout.table), `range_partition=${pathSegment(p)}`);
}

/** The hash bucket's directory key: `bucket`, unless the table has a column of that name. */
export const bucketKey = (columns: string[]) => (columns.includes('bucket') ? 'iq_bucket' : 'bucket');

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** FNV-1a 32-bit over the UTF-8 bytes of `t`, as partitioning/bucket.ts computes it. */
const FNV_MACRO = `CREATE OR REPLACE TEMP MACRO iq_fnv1a(t) AS list_reduce(
  list_transform(range(0, strlen(hex(encode(t))), 2), i -> ('0x' || substr(hex(encode(t)), i + 1, 2))::UBIGINT),
  (h, b) -> (xor(h, b) * 16777619) % 4294967296, 2166136261::UBIGINT)`;

/** The hash columns' canonical text, as bucketOf joins it (NULL as \\0N, columns joined by \\1). */
function canonicalSql(columns: string[]): string {
  return columns.map((c) => `coalesce(CAST(${ident(c)} AS VARCHAR), chr(0) || 'N')`).join(` || chr(1) || `);
}

export async function writePartitionFiles(conn: DuckDBConnection, layout: TableLayout, columns: string[], p: string, sourceSql: string, runId: string, options: ExportOptions): Promise<ColdFile[]> {
  const dir = partitionDir(options.targetDir, layout, p);
  mkdirSync(dir, { recursive: true });
  await conn.run(FNV_MACRO);
  const bucket = bucketKey(columns);
  const buckets = layout.spec.hash.buckets;
  // DuckDB cannot combine PARTITION_BY with FILE_SIZE_BYTES, so the partition's rows are taken
  // once (sorted, with their bucket) and each bucket is written on its own, split by file size.
  const staged = `iq_tier_${runId}`;
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${ident(staged)} AS SELECT *, CAST(iq_fnv1a(${canonicalSql(layout.spec.hash.columns)}) % ${buckets} AS INTEGER) AS ${ident(bucket)} FROM (${sourceSql})`);
  try {
    const present = await conn.runAndReadAll(`SELECT DISTINCT ${ident(bucket)} FROM ${ident(staged)} ORDER BY 1`);
    for (const [b] of present.getRowsJS()) {
      const target = join(dir, `${bucket}=${b}`);
      mkdirSync(target, { recursive: true });
      await conn.run(
        `COPY (SELECT * EXCLUDE (${ident(bucket)}) FROM ${ident(staged)} WHERE ${ident(bucket)} = ${b} ORDER BY ${layout.primaryKey.map(ident).join(', ')})
         TO ${lit(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${options.rowGroupSize}, FILE_SIZE_BYTES ${options.fileSizeBytes},
           FILENAME_PATTERN ${lit(`${runId}_{i}`)}, OVERWRITE_OR_IGNORE true)`,
      );
    }
  } finally {
    await conn.run(`DROP TABLE IF EXISTS ${ident(staged)}`);
  }
  const written: { path: string; bucket: number }[] = [];
  for (const sub of readdirSync(dir)) {
    const m = new RegExp(`^${bucket}=(\\d+)$`).exec(sub);
    if (!m) continue;
    for (const name of readdirSync(join(dir, sub))) if (name.startsWith(`${runId}_`) && name.endsWith('.parquet')) written.push({ path: join(dir, sub, name), bucket: Number(m[1]) });
  }
  if (written.length === 0) return [];
  const reader = await conn.runAndReadAll(`SELECT file_name, num_rows FROM parquet_file_metadata([${written.map((w) => lit(w.path)).join(', ')}])`);
  const rows = new Map(reader.getRowsJS().map(([file, n]) => [String(file), Number(n)]));
  return written.map((w) => ({ path: w.path, bucket: w.bucket, rows: rows.get(w.path) ?? 0, bytes: statSync(w.path).size })).sort((a, b) => a.bucket - b.bucket || a.path.localeCompare(b.path));
}
