// EXPLAIN and DESCRIBE as MySQL 8 reads them (https://dev.mysql.com/doc/refman/8.0/en/explain.html):
// `EXPLAIN tbl` describes a table; `EXPLAIN [FORMAT=…|ANALYZE] SELECT …` explains a SELECT, which
// the gateway translates and authorises like any other, then asks DuckDB to explain the SQL its
// dialect wrote. Nothing after EXPLAIN ever reaches DuckDB as the client wrote it.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RelationRead } from '../dialect/index.ts';
import { textColumn } from './mysql-types.ts';
import type { QueryResult } from './result-set.ts';
import { SqlError } from './sql-errors.ts';

export type Explain =
  | { kind: 'table'; describe: string }
  | { kind: 'select'; select: string; format: 'traditional' | 'json' | 'tree'; analyze: boolean };

const NAME = '(?:`(?:[^`]|``)+`|"[^"]+"|[\\w$]+)';
const TABLE_FORM = new RegExp(`^${NAME}(?:\\.${NAME})?(?:\\s+(?:${NAME}|'[^']*'))?$`);

/** The EXPLAIN, DESCRIBE or DESC statement's parts; null for any other statement. */
export function parseExplain(sql: string): Explain | null {
  // MariaDB's ANALYZE SELECT runs the SELECT and reports its plan, as MySQL's EXPLAIN ANALYZE.
  const analyzed = /^\s*analyze\s+(?:format\s*=\s*\w+\s+)?((?:select|with|\()[\s\S]*)$/i.exec(sql);
  if (analyzed) return { kind: 'select', select: analyzed[1]!.trim().replace(/;\s*$/, ''), format: 'tree', analyze: true };
  const m = /^\s*(explain|describe|desc)\b([\s\S]*)$/i.exec(sql);
  if (!m) return null;
  let rest = m[2]!.trim().replace(/;\s*$/, '');
  let format: 'traditional' | 'json' | 'tree' = 'traditional';
  let analyze = false;
  for (;;) {
    const option = /^(extended|partitions|analyze|format\s*=\s*(\w+))\b\s*/i.exec(rest);
    if (!option) break;
    rest = rest.slice(option[0].length);
    if (option[1]!.toLowerCase() === 'analyze') analyze = true;
    else if (option[2]) {
      const f = option[2].toLowerCase();
      if (f !== 'traditional' && f !== 'json' && f !== 'tree') throw new SqlError('UNKNOWN', `Unknown EXPLAIN format name: '${option[2]}'`);
      format = f;
    }
  }
  if (/^(select|with|\()/i.test(rest)) return { kind: 'select', select: rest, format: analyze ? 'tree' : format, analyze };
  if (/^(insert|update|delete|replace|table|for\s+connection)\b/i.test(rest)) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support 'EXPLAIN ${rest.slice(0, 40)}' (EXPLAIN of a SELECT, or of a table, is)`);
  // `EXPLAIN tbl [column]`: DESCRIBE, which the SHOW layer answers from the catalog.
  if (!analyze && format === 'traditional' && TABLE_FORM.test(rest)) return { kind: 'table', describe: `DESCRIBE ${rest}` };
  throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${rest.slice(0, 80)}' at line 1`);
}

/** MySQL 8's traditional EXPLAIN columns. */
const TRADITIONAL = ['id', 'select_type', 'table', 'partitions', 'type', 'possible_keys', 'key', 'key_len', 'ref', 'rows', 'filtered', 'Extra'];

/**
 * The plan: in the traditional shape, one row per relation read (a columnar scan has no keys, so
 * every access is ALL); in TREE or JSON form, DuckDB's own plan of the translated SQL (ANALYZE
 * runs it and reports actual times, as MySQL's EXPLAIN ANALYZE does).
 */
export async function answerExplain(conn: DuckDBConnection, e: Extract<Explain, { kind: 'select' }>, duckSql: string, relations: readonly RelationRead[]): Promise<QueryResult> {
  if (e.format === 'traditional') {
    const rows = relations.map((r) => ['1', 'SIMPLE', r.table, null, 'ALL', null, null, null, null, null, '100.00', null]);
    return { kind: 'rows', columns: TRADITIONAL.map(textColumn), rows: rows.length ? rows : [['1', 'SIMPLE', null, null, null, null, null, null, null, null, null, 'No tables used']] };
  }
  const prefix = e.analyze ? 'EXPLAIN ANALYZE' : e.format === 'json' ? 'EXPLAIN (FORMAT json)' : 'EXPLAIN';
  const reader = await conn.runAndReadAll(`${prefix} ${duckSql}`);
  const plan = reader.getRowsJS().map((r) => String(r[r.length - 1] ?? '')).join('\n');
  return { kind: 'rows', columns: [textColumn('EXPLAIN')], rows: [[plan]] };
}
