// Shared bits for benchmark scripts: a private MariaDB with generated bills, the source connector
// config that follows it, percentiles, and a table printer.
import { execFileSync } from 'node:child_process';
import type mysql from 'mysql2/promise';
import { createSchema, generate } from '../workload/rental-billing/generate.ts';
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

/** Makes `db` hold about `bills` generated bills (within 5%), reusing what an earlier run made. */
export async function ensureBills(admin: mysql.Connection, db: string, bills: number): Promise<void> {
  const [existing] = await admin.query(`SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'bill'`, [db]);
  let loaded = 0;
  if (Number((existing as { n: number }[])[0]!.n) > 0) loaded = Number(((await admin.query(`SELECT COUNT(*) AS n FROM ${db}.bill`))[0] as { n: number }[])[0]!.n);
  if (Math.abs(loaded - bills) <= bills * 0.05) return;
  const t = Date.now();
  await createSchema(admin, db);
  await generate(admin, { bills, chunk: 5000, onProgress: (table, rows) => table === 'bill' && rows % 1_000_000 === 0 && console.error(`generated ${rows} bills`) });
  console.error(`generated ${bills} bills in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

/** The MySQL source connector (Kafka Connect shape) following `db` on the bench MariaDB. */
export function benchSourceConnector(source: MariaDb, db: string, serverId: number, extra: Record<string, unknown> = {}) {
  return {
    name: 'bench',
    config: {
      'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
      'database.hostname': source.host,
      'database.port': source.port,
      'database.user': source.user,
      'database.password': source.password,
      'database.server.id': serverId,
      'topic.prefix': 'bench',
      'database.include.list': db,
      ...extra,
    },
  };
}
