// Parameter values of a prepared statement, two ways: bound to a DuckDB prepared statement (the
// engine's path), or written into the SQL text as MySQL literals (statements the gateway answers
// itself, like `SET @x = ?`).
import type { DuckDBPreparedStatement } from '@duckdb/node-api';
import { tokenize } from '../dialect/index.ts';
import type { ParamValue } from './result-set.ts';

const INT64_MAX = 2n ** 63n - 1n;

export function bindParams(statement: DuckDBPreparedStatement, params: ParamValue[]): void {
  params.forEach((v, i) => {
    const index = i + 1;
    if (v === null) statement.bindNull(index);
    else if (typeof v === 'bigint') {
      if (v > INT64_MAX) statement.bindUBigInt(index, v);
      else statement.bindBigInt(index, v);
    } else if (typeof v === 'number') {
      if (Number.isInteger(v)) statement.bindBigInt(index, BigInt(v));
      else statement.bindDouble(index, v);
    } else if (Buffer.isBuffer(v)) statement.bindBlob(index, v);
    // Text (strings, DECIMAL, dates) is cast by DuckDB to the type the statement expects there.
    else statement.bindVarchar(index, v);
  });
}

function literal(v: ParamValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return `X'${v.toString('hex')}'`;
  return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The SQL with each `?` placeholder (not those inside strings or comments) replaced by its value. */
export function substituteParams(sql: string, params: ParamValue[]): string {
  let out = '';
  let from = 0;
  let n = 0;
  for (const t of tokenize(sql)) {
    if (t.kind !== 'other' || t.text !== '?') continue;
    out += sql.slice(from, t.start) + literal(params[n++] ?? null);
    from = t.start + 1;
  }
  return out + sql.slice(from);
}
