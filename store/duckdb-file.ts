// What the store and a source worker's state file share: opening a DuckDB file this process must
// own (DuckDB allows one read-write process per file), and running work in one transaction.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { UserFacingError } from '../core/index.ts';

/** Opens `<dataDir>/<file>`; `what` names it in errors ("the store", "the source state"). */
export async function openDuckDbFile(dataDir: string, file: string, what: string): Promise<{ instance: DuckDBInstance; path: string }> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  try {
    return { instance: await DuckDBInstance.create(path), path };
  } catch (err) {
    const message = (err as Error).message;
    if (/lock/i.test(message)) throw new UserFacingError(`${what} ${path} is in use by another process`, 'stop the other instaquery using this dataDir, or point dataDir elsewhere');
    throw new UserFacingError(`cannot open ${what} ${path}: ${message}`);
  }
}

export async function transactionOn<T>(conn: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await work();
    await conn.run('COMMIT');
    return out;
  } catch (err) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
