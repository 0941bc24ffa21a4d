// A DuckDB result handed to the protocol layer as MySQL text rows, chunk by chunk as the client
// reads them: a 10M-row answer never sits in memory.
import type { DuckDBResult } from '@duckdb/node-api';
import { describeResult } from './mysql-types.ts';
import type { QueryResult, TextValue } from './result-set.ts';
import { toSqlError } from './duckdb-errors.ts';
import type { resultDescriber } from './source-columns.ts';

/** Says which result columns are source columns (source-columns.ts), for MySQL-exact column definitions. */
type ResultDescriber = Awaited<ReturnType<typeof resultDescriber>>;

/** The result `start` opens (its DuckDB errors as MySQL's), streamed, its columns described by `sourcesOf`. */
export async function streamResult(start: () => Promise<DuckDBResult>, sourcesOf: ResultDescriber, textCharset: number, done?: (rowsSent: number) => void): Promise<QueryResult> {
  let result: DuckDBResult;
  try {
    result = await start();
  } catch (err) {
    throw toSqlError(err);
  }
  return streamed(result, sourcesOf(result.columnNames(), result.columnTypes()), textCharset, done);
}

/** A DuckDB result as batches of MySQL text rows, read chunk by chunk as the client takes them. */
function streamed(result: DuckDBResult, sources: Parameters<typeof describeResult>[2], textCharset: number, done: (rowsSent: number) => void = () => undefined): QueryResult {
  const shape = describeResult(result.columnNames(), result.columnTypes(), sources, textCharset);
  let sent = 0;
  async function* batches(): AsyncGenerator<TextValue[][]> {
    for (;;) {
      let chunk;
      try {
        chunk = await result.fetchChunk();
      } catch (err) {
        throw toSqlError(err);
      }
      if (!chunk || chunk.rowCount === 0) {
        done(sent);
        return;
      }
      sent += chunk.rowCount;
      yield chunk.getRows().map((r) => shape.renderRow(r));
    }
  }
  return { kind: 'rows', columns: shape.columns, rows: batches() };
}
