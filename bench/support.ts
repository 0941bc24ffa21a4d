// Shared bits for benchmark scripts: a private MariaDB, percentiles, and a table printer.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface MariaDb {
  host: string;
  port: number;
  user: string;
  password: string;
}

/** Starts (or reuses) a private MariaDB for benchmarks, apart from the test instances. */
export function benchMariaDb(port = 3336): MariaDb {
  const script = fileURLToPath(new URL('../scripts/mariadb-instance.sh', import.meta.url));
  execFileSync('bash', [script, 'start', 'bench', String(port)], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, INSTAQUERY_MARIADB_BUFFER_POOL: '2G' } });
  const dir = process.env.INSTAQUERY_SERVICES_DIR ?? '/tmp/instaquery-services';
  const { host, user, password } = JSON.parse(readFileSync(`${dir}/bench/connection.json`, 'utf8')) as MariaDb;
  return { host, port, user, password };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const width = (c: string) => Math.max(c.length, ...rows.map((r) => String(r[c]).length));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(columns.map((c) => c.padEnd(width(c)))));
  console.log(line(columns.map((c) => '-'.repeat(width(c)))));
  for (const r of rows) console.log(line(columns.map((c) => String(r[c]).padEnd(width(c)))));
}

export function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
