// The SHOW statements (and DESCRIBE) that clients and tools send, answered as MySQL answers them:
// same column names, same shapes. Table metadata comes from the MySQL-shaped information_schema
// views (mysql-catalog.ts), variables from the session.
import type { DuckDBConnection } from '@duckdb/node-api';
import { MYSQL_CATALOG_SCHEMA } from './mysql-catalog.ts';
import { describeResult, textColumn } from './mysql-types.ts';
import { ColumnType } from './protocol/constants.ts';
import { showCreateTable } from './show-create-table.ts';
import { answerServerList } from './show-server-lists.ts';
import type { SourceServerLists } from '../core/index.ts';
import { describeDefault } from './create-table-text.ts';
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
  /** Decimals of a computed string column on the presented server (MariaDB 39, MySQL 31): SHOW CREATE's. */
  textDecimals?: number;
  /** The presented server's SHOW ENGINES / CHARACTER SET / COLLATION (show-server-lists.ts); null: not recorded. */
  serverLists?: SourceServerLists | null;
  /** Every variable name the presented server has: one SHOW VARIABLES would list but the session lacks is refused. */
  sourceVariableNames?: readonly string[];
}

/** SHOW WARNINGS / ERRORS / COUNT(*) WARNINGS: statements that read the last one's diagnostics, not replace them. */
export function readsDiagnostics(sql: string): boolean {
  return /^\s*show\s+(count\(\*\)\s+)?(warnings|errors)\b/i.test(sql);
}

const NAME = '[`"]?([^`"\\s;.]+)[`"]?';
const QUALIFIED = `(?:${NAME}\\.)?${NAME}`;
const LIKE = `(?:\\s+like\\s+'((?:[^']|'')*)')?`;
const END = '\\s*;?\\s*$';
const TABLE_TYPE_WHERE = `(?:\\s+where\\s+[\`]?table_type[\`]?\\s*(=|<>|!=)\\s*'((?:[^']|'')*)')?`;

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
/**
 * The SHOW statements MariaDB and MySQL answer from information_schema (tables, columns,
 * variables, status) send their text columns with 0 decimals, and DESCRIBE's Type and Default as
 * TEXT (BLOB); the others (SHOW CREATE, WARNINGS, PROCESSLIST) as computed strings.
 */
const withDecimals = (r: QueryResult, decimals: number | undefined): QueryResult =>
  r.kind === 'rows' && decimals !== undefined ? { ...r, columns: r.columns.map((c) => ({ ...c, decimals })) } : r;
const BLOB_COLUMNS = new Set(['Type', 'Default']);
const catalogRows = (names: string[], values: (string | null)[][], blobs = false): QueryResult => ({
  kind: 'rows',
  columns: names.map((n) => ({ ...textColumn(n), decimals: 0, ...(blobs && BLOB_COLUMNS.has(n) ? { type: ColumnType.BLOB } : {}) })),
  rows: values,
});
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
    return catalogRows(['Database'], (await ctx.databases()).filter(like).map((d) => [d]));
  }

  // `WHERE Table_type <> 'SEQUENCE'` (DBeaver): every table the store holds is a BASE TABLE.
  if ((m = new RegExp(`^show\\s+(full\\s+)?tables(?:\\s+(?:from|in)\\s+${NAME})?${LIKE}${TABLE_TYPE_WHERE}${END}`, 'i').exec(text))) {
    const db = needDatabase(ctx, m[2]);
    ctx.grants.checkDatabase(db);
    if (!(await ctx.databases()).includes(db)) throw new SqlError('BAD_DB', `Unknown database '${db}'`);
    const like = likeMatcher(unquote(m[3]));
    // Table_type compares under utf8mb3_general_ci: case and trailing spaces aside.
    const typeKept = m[4] === undefined ? true : (unquote(m[5])!.replace(/ +$/, '').toUpperCase() === 'BASE TABLE') === (m[4] === '=');
    if (m[4] !== undefined && m[1] === undefined) throw new SqlError('BAD_FIELD', "Unknown column 'Table_type' in 'where clause'");
    const names = typeKept ? (await query(ctx, `SELECT TABLE_NAME FROM ${MYSQL_CATALOG_SCHEMA}.tables WHERE TABLE_SCHEMA = $1 ORDER BY 1`, [db])).map((r) => r[0]!).filter(like) : [];
    const header = `Tables_in_${db}${m[3] !== undefined ? ` (${unquote(m[3])})` : ''}`;
    return m[1] ? catalogRows([header, 'Table_type'], names.map((n) => [n, 'BASE TABLE'])) : catalogRows([header], names.map((n) => [n]));
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
    // Default as SHOW COLUMNS writes it: a literal unquoted, NULL as SQL NULL (create-table-text.ts).
    const kept = found.filter((r) => like(r[0]!)).map((r) => r.map((v, i) => (i === 5 ? describeDefault(v, r[1]!) : v)));
    if (full) return catalogRows(['Field', 'Type', 'Collation', 'Null', 'Key', 'Default', 'Extra', 'Privileges', 'Comment'], kept, true);
    return catalogRows(['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], kept.map((r) => [r[0]!, r[1]!, r[3]!, r[4]!, r[5]!, r[6]!]), true);
  }

  if ((m = new RegExp(`^show\\s+(?:index|indexes|keys)\\s+(?:from|in)\\s+${QUALIFIED}(?:\\s+(?:from|in)\\s+${NAME})?${END}`, 'i').exec(text))) {
    const table = m[2]!;
    const db = needDatabase(ctx, m[3] ?? m[1]);
    ctx.grants.checkTable(db, table, await ctx.grantCatalog());
    await tableMustExist(ctx, db, table);
    // Typed as MySQL types them: Non_unique BIGINT, Seq_in_index INT, Cardinality and Sub_part BIGINT.
    const reader = await ctx.conn.runAndReadAll(
      `SELECT "TABLE_NAME" AS "Table", "NON_UNIQUE"::BIGINT AS "Non_unique", "INDEX_NAME" AS "Key_name", "SEQ_IN_INDEX"::INTEGER AS "Seq_in_index",
              "COLUMN_NAME" AS "Column_name", "COLLATION" AS "Collation", NULL::BIGINT AS "Cardinality", "SUB_PART"::BIGINT AS "Sub_part",
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
    // The gateway holds the variables clients read, not host paths and the like (character_sets_dir):
    // a list that would leave one of the source's out is refused, naming what it would leave out.
    const withheld = (ctx.sourceVariableNames ?? []).filter((n) => like(n) && !ctx.variables.has(n));
    if (withheld.length) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support SHOW VARIABLES listing ${withheld.slice(0, 3).join(', ')}${withheld.length > 3 ? ` and ${withheld.length - 3} more` : ''} (the gateway presents the variables clients read)`);
    return catalogRows(['Variable_name', 'Value'], [...ctx.variables].filter(([k]) => like(k)).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v]));
  }

  if ((m = new RegExp(`^show\\s+(?:session\\s+|global\\s+)?status${LIKE}${END}`, 'i').exec(text))) {
    const like = likeMatcher(unquote(m[1]));
    return catalogRows(['Variable_name', 'Value'], [...ctx.status()].filter(([k]) => like(k)).map(([k, v]) => [k, v]));
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
    return withDecimals(rows(['Table', 'Create Table'], [[m[2]!, await showCreateTable(ctx.conn, db, m[2]!)]]), ctx.textDecimals);
  }

  if ((m = new RegExp(`^show\\s+create\\s+(?:database|schema)\\s+(if\\s+not\\s+exists\\s+)?${NAME}${END}`, 'i').exec(text))) {
    const db = m[2]!;
    ctx.grants.checkDatabase(db);
    if (!(await ctx.databases()).includes(db)) throw new SqlError('BAD_DB', `Unknown database '${db}'`);
    // IF NOT EXISTS (mariadb-dump --databases) puts the clause into the statement, as a versioned comment.
    const ifNotExists = m[1] ? '/*!32312 IF NOT EXISTS*/ ' : '';
    return withDecimals(rows(['Database', 'Create Database'], [[db, `CREATE DATABASE ${ifNotExists}\`${db}\` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */`]]), ctx.textDecimals);
  }

  const listed = answerServerList(text, ctx.serverLists, likeMatcher);
  if (listed) return listed;

  if (/^show\s+(?:character\s+set|charset)\b/i.test(text)) {
    return rows(['Charset', 'Description', 'Default collation', 'Maxlen'], [['utf8mb4', 'UTF-8 Unicode', 'utf8mb4_general_ci', '4']]);
  }

  if (/^show\s+engines\b/i.test(text)) {
    return rows(['Engine', 'Support', 'Comment', 'Transactions', 'XA', 'Savepoints'], [['InnoDB', 'DEFAULT', 'served by instaquery from DuckDB (read-only)', 'YES', 'NO', 'NO']]);
  }
  return null;
}
