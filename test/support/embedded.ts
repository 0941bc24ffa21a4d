// Starts instaquery in the test's own process (gateway and REST API on free ports).
import { parseInstanceConfig } from '../../runtime/instance-config.ts';
import { startInstance, type RunningInstance } from '../../runtime/instance.ts';
import { silentLogger } from '../../core/index.ts';
import type mysql from 'mysql2/promise';
import { tempDir } from './instaquery-process.ts';
import { connectGateway, connectSource, freshDatabase, sourceConnector } from './services.ts';

export async function startEmbedded(connectors: unknown[], extra: Record<string, unknown> = {}): Promise<RunningInstance & { dataDir: string }> {
  const dataDir = tempDir('embedded');
  const config = parseInstanceConfig({ dataDir, gateway: { port: 0 }, rest: { port: 0 }, connectors, ...extra }, 'test config');
  const instance = await startInstance(config, silentLogger);
  return { ...instance, dataDir };
}

export interface FollowedDatabase {
  instance: Awaited<ReturnType<typeof startEmbedded>>;
  /** Connected to the source database, multi-statement. */
  source: mysql.Connection;
  /** Connected to the instance's gateway as root. */
  gateway: mysql.Connection;
  close(): Promise<void>;
}

/**
 * The common integration setup: a fresh source database prepared by `setup`, an embedded
 * instaquery following it with one source connector, and connections to both ends.
 */
export async function followFreshDatabase(db: string, connectorName: string, setup: string[], overrides: Record<string, unknown> = {}): Promise<FollowedDatabase> {
  await freshDatabase(db);
  const source = await connectSource(db);
  for (const sql of setup) await source.query(sql);
  const instance = await startEmbedded([sourceConnector(connectorName, db, overrides)]);
  const gateway = await connectGateway(instance.gateway.port);
  return {
    instance,
    source,
    gateway,
    async close() {
      await gateway.end();
      await source.end();
      await instance.stop();
    },
  };
}

/** The DuckDB type the store keeps a column in, read from the store itself (not through the gateway). */
export async function storeColumnType(instance: RunningInstance, db: string, table: string, column: string): Promise<string | undefined> {
  const conn = await instance.store!.connect();
  try {
    const reader = await conn.runAndReadAll('SELECT data_type FROM duckdb_columns() WHERE schema_name = $1 AND table_name = $2 AND column_name = $3', [db, table, column]);
    const value = reader.getRowsJS()[0]?.[0];
    return value === undefined ? undefined : String(value);
  } finally {
    conn.closeSync();
  }
}
