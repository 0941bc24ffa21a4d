// For the dialect's unit tests: one in-memory DuckDB per test file, opened before its tests and
// closed after, so a test can run the SQL the dialect writes and read MariaDB's expected answer.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';

/** Registers the file's DuckDB; the returned function gives its connection inside a test. */
export function inMemoryDuckDb(): () => DuckDBConnection {
  let conn: DuckDBConnection | undefined;
  beforeAll(async () => {
    conn = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => conn?.closeSync());
  return () => {
    if (!conn) throw new Error('the in-memory DuckDB is open only while the file\'s tests run');
    return conn;
  };
}
