// Files: nothing may appear in the watch dir, nothing change in the bait dir, nothing named by a
// mark in the data dir. Checked after every statement, so a file is pinned on the one that made it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityEnv } from './security-env.ts';

export class FileWatch {
  private readonly baitAtStart: string;
  private readonly dataAtStart: Set<string>;
  private seen = new Set<string>();
  private lastBait: string;
  constructor(private readonly env: SecurityEnv) {
    this.baitAtStart = this.baitSnapshot();
    this.lastBait = this.baitAtStart;
    this.dataAtStart = new Set(this.listData());
  }

  private baitSnapshot(): string {
    return readdirSync(this.env.baitDir)
      .sort()
      .map((f) => `${f}:${createHash('sha1').update(readFileSync(join(this.env.baitDir, f))).digest('hex').slice(0, 12)}`)
      .join(' ');
  }

  private listData(): string[] {
    return existsSync(this.env.dataDir) ? readdirSync(this.env.dataDir) : [];
  }

  /** Everything that differs from the start: files in the watch dir, a changed bait dir, marked names. */
  private state(): string[] {
    const out: string[] = [];
    for (const f of readdirSync(this.env.watchDir)) out.push(`watch dir: ${f} (${statSync(join(this.env.watchDir, f)).size} bytes)`);
    for (const f of this.listData().filter((n) => !this.dataAtStart.has(n) && !/^instaquery\.duckdb(\.wal)?$|\.tmp$/.test(n))) out.push(`data dir: ${f}`);
    for (const dir of ['/tmp', this.env.tempRoot]) for (const f of readdirSync(dir).filter((n) => n.startsWith(`iqsec_${this.env.suffix}`))) out.push(`${dir}: ${f}`);
    return out;
  }

  /** What appeared or changed since the last call (attributed to the statement just run). */
  changes(): string[] {
    const now = this.state().filter((x) => !this.seen.has(x));
    for (const x of now) this.seen.add(x);
    const bait = this.baitSnapshot();
    if (bait !== this.lastBait) {
      now.push(`bait dir changed: ${bait}`);
      this.lastBait = bait;
    }
    return now;
  }

  /** Everything that differs from the start, for the end-of-suite check. */
  sinceStart(): string[] {
    const out = this.state();
    const bait = this.baitSnapshot();
    if (bait !== this.baitAtStart) out.push(`bait dir changed: ${bait}`);
    return out;
  }
}
