// Runs `instaquery start` as a real child process, for tests of signals, crashes and exit codes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/instaquery.js', import.meta.url));

export interface InstaqueryProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the gateway port once the process prints that it is ready. */
  ready(timeoutMs?: number): Promise<number>;
  exited(): Promise<number | null>;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `iq-${prefix}-`));
}

export function writeConfig(dir: string, config: unknown): string {
  const path = join(dir, 'instaquery.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

export function runInstaquery(args: string[]): InstaqueryProcess {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (text += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => text,
    exited: () => exit,
    ready: (timeoutMs = 60_000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`instaquery not ready after ${timeoutMs} ms:\n${text}`)), timeoutMs);
        const check = () => {
          const m = /instaquery ready: connect with\s+mariadb -h\S+ -P(\d+)/.exec(text);
          if (m || /instaquery ready: source worker/.test(text)) {
            clearTimeout(timer);
            resolve(Number(m?.[1] ?? 0));
          }
        };
        child.stderr!.on('data', check);
        child.on('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`instaquery exited with ${code} before it was ready:\n${text}`));
        });
        check();
      }),
  };
}
