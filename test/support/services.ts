// Connection details of the real services started by scripts/test-env.sh.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import mysql from 'mysql2/promise';

export interface MariaDbInstance {
  host: string;
  port: number;
  user: string;
  password: string;
}

const servicesDir = process.env.INSTAQUERY_SERVICES_DIR ?? '/tmp/instaquery-services';

export function mariadb(name: 'main' | 'nobinlog' | 'statement' | 'spare' = 'main'): MariaDbInstance {
  const path = `${servicesDir}/${name}/connection.json`;
  try {
    const { host, port, user, password } = JSON.parse(readFileSync(path, 'utf8')) as MariaDbInstance;
    return { host, port, user, password };
  } catch {
    throw new Error(`no MariaDB '${name}' at ${path}: run 'bash scripts/test-env.sh' first (npm test does)`);
  }
}

/** The same value options the source uses, so both sides of a comparison decode alike. */
// jsonStrings: a value MariaDB marks as JSON (format 'json') is compared as the text sent, not parsed.
export const exactValues = { dateStrings: true, supportBigNumbers: true, bigNumberStrings: true, decimalNumbers: false, timezone: 'Z', jsonStrings: true } as const;

export function connectSource(db?: string, name: Parameters<typeof mariadb>[0] = 'main'): Promise<mysql.Connection> {
  return mysql.createConnection({ ...mariadb(name), ...exactValues, database: db, multipleStatements: true });
}

export function connectGateway(port: number, options: { user?: string; password?: string; database?: string } = {}): Promise<mysql.Connection> {
  return mysql.createConnection({ host: '127.0.0.1', port, user: options.user ?? 'root', password: options.password ?? '', database: options.database, ...exactValues });
}

/** A Debezium-style source connector config for the main test MariaDB. */
export function sourceConnector(name: string, databases: string, overrides: Record<string, unknown> = {}, instance: MariaDbInstance = mariadb('main')) {
  return {
    name,
    config: {
      'connector.class': 'io.debezium.connector.mysql.MySqlConnector',
      'database.hostname': instance.host,
      'database.port': instance.port,
      'database.user': instance.user,
      'database.password': instance.password,
      // Distinct per connector: two binlog readers with one server id evict each other.
      'database.server.id': 1000 + Math.floor(Math.random() * 1_000_000),
      'topic.prefix': name,
      'database.include.list': databases,
      ...overrides,
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
      last = undefined; // the probe ran; report its latest answer, not an older error
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Fresh database on the source: dropped and recreated. */
export async function freshDatabase(db: string): Promise<void> {
  const conn = await connectSource();
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.query(`CREATE DATABASE \`${db}\` DEFAULT CHARACTER SET utf8mb4`);
  } finally {
    await conn.end();
  }
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface KafkaBroker {
  bootstrapServers: string;
  version: string;
  pidFile: string;
  /** Restarts the broker exactly as test-env started it; returns once it is ready. */
  startCommand: string;
}

function serviceConnection<T>(name: string): T {
  const path = `${servicesDir}/${name}/connection.json`;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    throw new Error(`no service '${name}' at ${path}: run 'bash scripts/test-env.sh' first (npm test does)`);
  }
}

export const kafkaBroker = (name: 'kafka39' | 'kafka4' = 'kafka39') => serviceConnection<KafkaBroker>(name);
export const schemaRegistry = () => serviceConnection<{ url: string; kind: string; version: string }>('registry');

/** Confluent's Python client (test/clients/avro), installed by test-env into its own virtualenv. */
export const avroClient = () => ({ python: `${servicesDir}/avro-client/venv/bin/python`, scripts: new URL('../clients/avro/', import.meta.url).pathname });
