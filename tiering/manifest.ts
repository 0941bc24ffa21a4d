// The cold set as other engines read it: per table, `_manifest.json` beside the partition
// directories says which files hold which range partition (paths relative to the table's
// directory). Rewritten whole after every switch (write to a temporary name, then rename), so a
// reader sees the old or the new manifest, never half of one.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatSpec, partitionUpperBound } from '../partitioning/index.ts';
import { pathSegment } from './path-segment.ts';
import type { KnownTable } from '../store/index.ts';

export const MANIFEST_FILE = '_manifest.json';

export function tableDir(targetDir: string, db: string, table: string): string {
  return join(targetDir, pathSegment(db), pathSegment(table));
}

export function writeManifest(targetDir: string, entry: KnownTable): string {
  const { schema, layout } = entry;
  const dir = tableDir(targetDir, schema.db, schema.table);
  mkdirSync(dir, { recursive: true });
  const manifest = {
    format: 'instaquery-cold-set',
    version: 1,
    table: `${schema.db}.${schema.table}`,
    partitioning: formatSpec(layout.spec),
    primary_key: schema.primaryKey,
    columns: schema.columns.map((c) => ({ name: c.name, type: c.columnType, nullable: c.nullable })),
    updated_at: new Date().toISOString(),
    note: 'Plain Parquet, sorted by primary key. Rows changed or deleted at the source after a partition was archived live in the hot store until the partition is compacted; only instaquery\'s view applies them.',
    partitions: [...layout.cold].sort(([a], [b]) => a.localeCompare(b)).map(([p, cold]) => ({
      range_partition: p,
      lower: p,
      upper: partitionUpperBound(layout.spec, p),
      run_id: cold.runId,
      columns: cold.columns,
      rows: cold.files.reduce((s, f) => s + f.rows, 0),
      bytes: cold.files.reduce((s, f) => s + f.bytes, 0),
      files: cold.files.map((f) => ({ path: relative(dir, f.path), bucket: f.bucket, rows: f.rows, bytes: f.bytes })),
    })),
  };
  const path = join(dir, MANIFEST_FILE);
  writeFileSync(`${path}.tmp`, JSON.stringify(manifest, null, 2));
  renameSync(`${path}.tmp`, path);
  return path;
}
