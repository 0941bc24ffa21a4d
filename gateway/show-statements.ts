// The SHOW statements (and DESCRIBE) that clients and tools send, answered as MySQL answers them:
// same column names, same shapes. Table metadata comes from the MySQL-shaped information_schema
// views (mysql-catalog.ts), variables from the session.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MYSQL_CATALOG_SCHEMA } from './mysql-catalog.ts';
import { describeResult, textColumn } from './mysql-types.ts';
import { showCreateTable } from './show-create-table.ts';
import { SqlError } from './sql-errors.ts';
import type { QueryResult } from './result-set.ts';
import type { GrantCatalog, Grants } from './grants.ts';

export interface ShowContext {
  conn: DuckDBConnection;
  database: string | null;
  databases(): Promise<string[]>;
  /** The session user's grants: a forbidden database or table is refused before it is looked at. */
  grants: Grants;
  grantCatalog(): Promise<GrantCatalog>;
  variables: Map<string, string>;
  status(): Map<string, string>;
  processList(full: boolean): (string | null)[][];
  /** The last statement's diagnostics as Level, Code, Message rows. */
  diagnostics(): string[][];
}

/** SHOW WARNINGS / ERRORS / COUNT(*) WARNINGS: statements that read the last one's diagnostics, not replace them. */
export function readsDiagnostics(sql: string): boolean {
  return /^\s*show\s+(count\(\*\)\s+)?(warnings|errors)\b/i.test(sql);
}

const NAME = '[`"]?([^`"\\s;.]+)[`"]?';
const QUALIFIED = `(?:${NAME}\\.)?${NAME}`;
const LIKE = `(?:\\s+like\\s+'((?:[^']|'')*)')?`;
const END = '\\s*;?\\s*$';

/** MySQL LIKE as a case-insensitive test: % any run, _ one character, \\ escapes. */
export function likeMatcher(pattern: string | undefined): (value: string) => boolean {
  if (pattern === undefined) return () => true;
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const compiled = new RegExp(`^${re}$`, 'is');
  return (value) => compiled.test(value);
}

const rows = (names: string[], values: (string | null)[][]): QueryResult => ({ kind: 'rows', columns: names.map(textColumn), rows: values });
const unquote = (s: string | undefined) => (s === undefined ? undefined : s.replace(/''/g, "'"));

function needDatabase(ctx: ShowContext, db: string | undefined): string {
  const name = db ?? ctx.database;
  if (!name) throw new SqlError('NO_DB', 'No database selected');
  return name;
}

async function query(ctx: ShowContext, sql: string, params: string[]): Promise<(string | null)[][]> {
  const reader = await ctx.conn.runAndReadAll(sql, params);
  return reader.getRowsJS().map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
}

async function tableMustExist(ctx: ShowContext, db: string, table: string): Promise<void> {
  const found = await query(ctx, `SELECT 1 FROM ${MYSQL_CATALOG_SCHEMA}.tables WHERE TABLE_SCHEMA = $1 AND TABLE_NAME = $2`, [db, table]);
  if (found.length === 0) throw new SqlError('NO_SUCH_TABLE', `Table '${db}.${table}' doesn't exist`);
}

/** Answers a SHOW or DESCRIBE statement, or returns null when it is not one of these. */
export async function answerShow(sql: string, ctx: ShowContext): Promise<QueryResult | null> {
  const text = sql.replace(/^(\s|\/\*[\s\S]*?\*\/)*/, '');
  let m: RegExpExecArray | null;

  if ((m = new RegExp(`^show\\s+(?:databases|schemas)${LIKE}${END}`, 'i').exec(text))) {
    const like = likeMatcher(unquote(m[1]));
    return rows(['Database'], (await ctx.databases()).filter(like).map((d) => [d]));
  }

  if ((m = new RegExp(`^show\\s+(full\\s+)?tables(?:\\s+(?:from|in)\\s+${NAME})?${LIKE}${END}`, 'i').exec(text))) {
    const db = needDatabase(ctx, m[2]);
    ctx.grants.checkDatabase(db);
    if (!(await ctx.databases()).includes(db)) throw new SqlError('BAD_DB', `Unknown database '${db}'`);
    const like = likeMatcher(unquote(m[3]));
    const names = (await query(ctx, `SELECT TABLE_NAME FROM ${MYSQL_CATALOG_SCHEMA}.tables WHERE TABLE_SCHEMA = $1 ORDER BY 1`, [db])).map((r) => r[0]!).filter(like);
    const header = `Tables_in_${db}${m[3] !== undefined ? ` (${unquote(m[3])})` : ''}`;
    return m[1] ? rows([header, 'Table_type'], names.map((n) => [n, 'BASE TABLE'])) : rows([header], names.map((n) => [n]));
  }

  const columns = new RegExp(`^show\\s+(full\\s+)?(?:columns|fields)\\s+(?:from|in)\\s+${QUALIFIED}(?:\\s+(?:from|in)\\s+${NAME})?${LIKE}${END}`, 'i').exec(text);
  const describe = new RegExp(`^(?:describe|desc)\\s+${QUALIFIED}(?:\\s+[\`"]?([^\`"\\s;]+)[\`"]?)?${END}`, 'i').exec(text);
  if (columns || describe) {
    const full = Boolean(columns?.[1]);
    const table = columns ? columns[3]! : describe![2]!;
    const db = needDatabase(ctx, columns ? (columns[4] ?? columns[2]) : describe![1]);
    ctx.grants.checkTable(db, table, await ctx.grantCatalog());
    await tableMustExist(ctx, db, table);
    const like = columns ? likeMatcher(unquote(columns[5])) : describe![3] ? likeMatcher(describe![3]) : likeMatcher(undefined);
    const found = await query(
      ctx,
      `SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME, IS_NULLABLE, COLUMN_KEY, COLUMN_DEFAULT, EXTRA, PRIVILEGES, COLUMN_COMMENT
         FROM ${MYSQL_CATALOG_SCHEMA}.columns WHERE TABLE_SCHEMA = $1 AND TABLE_NAME = $2 ORDER BY ORDINAL_POSITION`,
      [db, table],
    );
    const kept = found.filter((r) => like(r[0]!));
    if (full) return rows(['Field', 'Type', 'Collation', 'Null', 'Key', 'Default', 'Extra', 'Privileges', 'Comment'], kept);
    return rows(['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], kept.map((r) => [r[0]!, r[1]!, r[3]!, r[4]!, r[5]!, r[6]!]));
  }

  if ((m = new RegExp(`^show\\s+(?:index|indexes|keys)\\s+(?:from|in)\\s+${QUALIFIED}(?:\\s+(?:from|in)\\s+${NAME})?${END}`, 'i').exec(text))) {
    const table = m[2]!;
    const db = needDatabase(ctx, m[3] ?? m[1]);
    ctx.grants.checkTable(db, table, await ctx.grantCatalog());
    await tableMustExist(ctx, db, table);
    // Typed as MySQL types them: Non_unique BIGINT, Seq_in_index INT, Cardinality and Sub_part BIGINT.
    const reader = await ctx.conn.runAndReadAll(
      `SELECT "TABLE_NAME" AS "Table", "NON_UNIQUE"::BIGINT AS "Non_unique", "INDEX_NAME" AS "Key_name", "SEQ_IN_INDEX"::INTEGER AS "Seq_in_index",
              "COLUMN_NAME" AS "Column_name", "COLLATION" AS "Collation", "CARDINALITY"::BIGINT AS "Cardinality", "SUB_PART"::BIGINT AS "Sub_part",
              "PACKED" AS "Packed", "NULLABLE" AS "Null", "INDEX_TYPE" AS "Index_type", "COMMENT" AS "Comment", "INDEX_COMMENT" AS "Index_comment",
              "IS_VISIBLE" AS "Visible", "EXPRESSION" AS "Expression"
         FROM ${MYSQL_CATALOG_SCHEMA}.statistics WHERE TABLE_SCHEMA = $1 AND TABLE_NAME = $2 ORDER BY SEQ_IN_INDEX`,
      [db, table],
    );
    const shape = describeResult(reader.columnNames(), reader.columnTypes());
    return { kind: 'rows', columns: shape.columns, rows: reader.getRows().map((r) => shape.renderRow(r)) };
  }

  if ((m = new RegExp(`^show\\s+(?:session\\s+|global\\s+|local\\s+)?variables${LIKE}${END}`, 'i').exec(text))) {
    const like = likeMatcher(unquote(m[1]));
    return rows(['Variable_name', 'Value'], [...ctx.variables].filter(([k]) => like(k)).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v]));
  }

  if ((m = new RegExp(`^show\\s+(?:session\\s+|global\\s+)?status${LIKE}${END}`, 'i').exec(text))) {
    const like = likeMatcher(unquote(m[1]));
    return rows(['Variable_name', 'Value'], [...ctx.status()].filter(([k]) => like(k)).map(([k, v]) => [k, v]));
  }

  if ((m = /^show\s+(full\s+)?processlist\s*;?\s*$/i.exec(text))) {
    return rows(['Id', 'User', 'Host', 'db', 'Command', 'Time', 'State', 'Info'], ctx.processList(Boolean(m[1])));
  }

  if ((m = /^show\s+(warnings|errors)(?:\s+limit\s+\d+(?:\s*,\s*\d+)?)?\s*;?\s*$/i.exec(text))) {
    // The last statement's error, or the note saying where a SELECT's answer came from.
    const all = ctx.diagnostics();
    return rows(['Level', 'Code', 'Message'], m[1]!.toLowerCase() === 'errors' ? all.filter((d) => d[0] === 'Error') : all);
  }

  if (/^show\s+count\(\*\)\s+(?:warnings|errors)\s*;?\s*$/i.test(text)) {
    return rows([/errors/i.test(text) ? '@@session.error_count' : '@@session.warning_count'], [['0']]);
  }

  if ((m = new RegExp(`^show\\s+create\\s+table\\s+${QUALIFIED}${END}`, 'i').exec(text))) {
    const db = needDatabase(ctx, m[1]);
    ctx.grants.checkTable(db, m[2]!, await ctx.grantCatalog(), 'SHOW');
    return rows(['Table', 'Create Table'], [[m[2]!, await showCreateTable(ctx.conn, db, m[2]!)]]);
  }

  if ((m = new RegExp(`^show\\s+create\\s+(?:database|schema)\\s+${NAME}${END}`, 'i').exec(text))) {
    const db = m[1]!;
    ctx.grants.checkDatabase(db);
    if (!(await ctx.databases()).includes(db)) throw new SqlError('BAD_DB', `Unknown database '${db}'`);
    return rows(['Database', 'Create Database'], [[db, `CREATE DATABASE \`${db}\` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */`]]);
  }

  if (/^show\s+(?:character\s+set|charset)\b/i.test(text)) {
    return rows(['Charset', 'Description', 'Default collation', 'Maxlen'], [['utf8mb4', 'UTF-8 Unicode', 'utf8mb4_general_ci', '4']]);
  }

  if (/^show\s+engines\b/i.test(text)) {
    return rows(['Engine', 'Support', 'Comment', 'Transactions', 'XA', 'Savepoints'], [['InnoDB', 'DEFAULT', 'served by instaquery from DuckDB (read-only)', 'YES', 'NO', 'NO']]);
  }
  return null;
}
