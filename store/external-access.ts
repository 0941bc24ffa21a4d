// What the store's DuckDB instance may touch outside its own file. Gateway sessions run on this
// instance, so whatever SQL reached one could otherwise read and write the machine's files
// (read_csv, COPY, ATTACH, a path as a table name), install extensions or change settings. The
// gateway runs only SQL its dialect wrote, and this is the second wall: external access off, the
// cold tier's directories the only ones allowed (tiering writes Parquet there, views read it;
// DuckDB adds its own temp directory), no extension loading, and the configuration locked.
// https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview
import { dirname, resolve, sep } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { quoteLiteral } from './sql-names.ts';
import { referencedColdFiles } from './cold-catalog.ts';

/**
 * The one setting that may still change under the lock: DuckDB sets it by itself while it runs
 * `ALTER TABLE … ADD COLUMN … DEFAULT` (without it the sink cannot follow that DDL). No client SQL
 * can reach it: the gateway runs only SQL its dialect wrote. (Collations are not a setting: the
 * dialect writes each comparison's collation key, dialect/collation.ts.)
 */
const SESSION_SETTINGS = ['current_transaction_invalidation_policy'];

/** The directories allowed: those given, and every directory holding a file a cold set references. */
export async function allowedDirectories(conn: DuckDBConnection, coldDirs: readonly string[]): Promise<string[]> {
  const dirs = new Set(coldDirs.map((d) => resolve(d)));
  // Files archived under a target.dir the config no longer names must stay readable.
  for (const path of await referencedColdFiles(conn)) dirs.add(resolve(dirname(path)));
  // A trailing separator: '/data/cold' must not also allow '/data/cold-other'.
  return [...dirs].map((d) => (d.endsWith(sep) ? d : d + sep));
}

/** Applies the limits instance-wide; nothing can change them afterwards (lock_configuration). */
export async function lockExternalAccess(conn: DuckDBConnection, dirs: readonly string[]): Promise<void> {
  await conn.run(`SET allowed_directories = [${dirs.map(quoteLiteral).join(', ')}]`);
  await conn.run('SET enable_external_access = false');
  await conn.run('SET autoinstall_known_extensions = false');
  await conn.run('SET autoload_known_extensions = false');
  await conn.run('SET allow_community_extensions = false');
  await conn.run(`SET allowed_configs = [${SESSION_SETTINGS.map(quoteLiteral).join(', ')}]`);
  await conn.run('SET lock_configuration = true');
}

