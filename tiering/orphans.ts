// Files under the target directory that no committed cold set references: left by a run killed
// before its switch, or replaced by a compaction. They are deleted only after a grace period, so a
// query that started on the old view can still finish reading them.
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

export function removeOrphans(targetDir: string, referenced: Set<string>, activeRuns: Set<string>, graceMs: number, now = Date.now()): string[] {
  const removed: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(targetDir, { recursive: true }) as string[];
  } catch {
    return removed; // nothing archived yet
  }
  for (const rel of entries) {
    if (!rel.endsWith('.parquet')) continue;
    const path = join(targetDir, rel);
    if (referenced.has(path)) continue;
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    if ([...activeRuns].some((run) => name.startsWith(`${run}_`))) continue;
    if (now - statSync(path).mtimeMs < graceMs) continue;
    unlinkSync(path);
    removed.push(path);
  }
  return removed;
}
