// A session's user variables (@name): kept per session as values (dialect/user-variables.ts),
// set by `SET @x = expr` (the expression is evaluated once, as `SELECT expr` through the dialect,
// with the same grants as any SELECT) and by SELECTs that assign (`@x := …`, `INTO @x`). A query
// reading @x gets its value written in by the dialect as a literal; SQL text is never stored.
import { DuckDBDecimalValue, type DuckDBValue } from '@duckdb/node-api';
import { tokenize, userValueOf, type ExprType, type SelectAssignments, type Translation, type UserValue } from '../dialect/index.ts';
import type { QueryResult, ResultColumn, TextValue } from './result-set.ts';
import { SqlError } from './sql-errors.ts';

/** `SET @a = expr, @b := expr, sql_mode = …`: the user variable parts, and the rest as a SET of its own. */
export interface SetParts {
  user: { name: string; expr: string }[];
  /** The system-variable parts as one SET statement, or null when there are none. */
  system: string | null;
}

/** The parts of a SET statement, split at its top-level commas; null when it assigns no user variable. */
export function userVariableParts(sql: string): SetParts | null {
  if (!sql.includes('@')) return null;
  const solid = tokenize(sql).filter((t) => t.kind !== 'space');
  if (solid[0]?.text.toUpperCase() !== 'SET') return null;
  const parts: (typeof solid)[] = [[]];
  let depth = 0;
  for (const t of solid.slice(1)) {
    if (t.kind === 'other' && t.text === '(') depth++;
    if (t.kind === 'other' && t.text === ')' && --depth < 0) break;
    if (depth === 0 && t.kind === 'other' && t.text === ',') parts.push([]);
    else if (!(t.kind === 'other' && t.text === ';')) parts[parts.length - 1]!.push(t);
  }
  // Unbalanced parentheses (`SET @a = 1) UNION (SELECT 2`) are MySQL's syntax error.
  if (depth !== 0) throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${sql.trim().slice(0, 60)}' at line 1`);
  const user: SetParts['user'] = [];
  const system: string[] = [];
  for (const p of parts) {
    const [at, name, op1, op2] = p;
    const isUser = at?.text === '@' && name && name.start === at.end && (name.kind === 'word' || name.kind === 'quoted' || name.kind === 'string');
    if (!isUser) {
      if (p.length) system.push(sql.slice(p[0]!.start, p[p.length - 1]!.end));
      continue;
    }
    const assign = op1?.text === '=' ? 1 : op1?.text === ':' && op2?.text === '=' && op2.start === op1.end ? 2 : 0;
    const first = p[2 + assign];
    if (!assign || !first) throw new SqlError('PARSE', `You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${sql.slice(at.start, at.start + 40)}' at line 1`);
    user.push({ name: name.text.toLowerCase(), expr: sql.slice(first.start, p[p.length - 1]!.end) });
  }
  if (user.length === 0) return null;
  return { user, system: system.length ? `SET ${system.join(', ')}` : null };
}

const NULL_TYPE: ExprType = { columnType: 'null', nullable: true };

/** A row's value as a user variable: `type` the column's MySQL type, `text` as MariaDB prints it. */
export function userValueFrom(type: ExprType | undefined, text: TextValue, raw: DuckDBValue, previous: UserValue | undefined, connectionCollation?: string): UserValue {
  if (!type) throw new SqlError('NOT_SUPPORTED_YET', "This version of instaquery doesn't yet support a user variable set from a value of unknown type");
  return userValueOf(type, text, typeof raw === 'number' ? raw : undefined, previous, connectionCollation, raw instanceof DuckDBDecimalValue ? raw.toString() : undefined);
}

/**
 * Stores the assigned columns of a SELECT's rows: none for no row (MariaDB leaves the variables
 * as they were); INTO of more than one row is MariaDB's error 1172.
 */
export function storeAssignments(assigns: SelectAssignments, types: (ExprType | undefined)[], rows: { text: TextValue[]; raw: DuckDBValue[] }[], vars: Map<string, UserValue>, connectionCollation?: string): void {
  if (assigns.into && rows.length > 1) throw new SqlError('TOO_MANY_ROWS', 'Result consisted of more than one row');
  const row = rows[rows.length - 1];
  if (!row) return;
  const values = assigns.assignments.map((a) => [a.name, userValueFrom(a.untypedNull ? NULL_TYPE : types[a.column], row.text[a.column] ?? null, row.raw[a.column] ?? null, vars.get(a.name), connectionCollation)] as const);
  for (const [name, value] of values) vars.set(name, value);
}

/** What evaluating needs from the session: a SELECT translated and authorised, and run to its end. */
export interface VariableSession {
  /** Translated against the store's catalog and checked against the user's grants. */
  translate(sql: string): Promise<Translation>;
  /** Every row, as text and as DuckDB's values, with the result's columns. */
  readAll(t: Translation, mysqlSql: string): Promise<{ columns: ResultColumn[]; rows: { text: TextValue[]; raw: DuckDBValue[] }[] }>;
  /** The session's collation_connection now: a text variable assigned a literal keeps it. */
  connectionCollation?(): string;
}

/** SET @a = expr, …: each expression evaluated once, left to right (a later one sees an earlier one's value). */
export async function setUserVariables(parts: SetParts, vars: Map<string, UserValue>, session: VariableSession): Promise<void> {
  for (const { name, expr } of parts.user) {
    // In parentheses: `SET @a = 1 FROM t` stays the syntax error it is to MySQL.
    const select = `SELECT (${expr}) AS v`;
    const t = await session.translate(select);
    if (t.kind !== 'select' || t.assigns) throw new SqlError('NOT_SUPPORTED_YET', `This version of instaquery doesn't yet support SET @${name} = ${expr.slice(0, 60)}`);
    const { rows } = await session.readAll(t, select);
    const row = rows[0];
    vars.set(name, userValueFrom(t.columns?.[0]?.type, row?.text[0] ?? null, row?.raw[0] ?? null, vars.get(name), session.connectionCollation?.()));
  }
}

/** A SELECT that assigns user variables: its row is read, stored, and sent (or OK for INTO). */
export async function answerAssigning(sql: string, t: Translation & { assigns: SelectAssignments }, vars: Map<string, UserValue>, session: VariableSession): Promise<QueryResult> {
  const { columns, rows } = await session.readAll(t, sql);
  storeAssignments(t.assigns, t.columns?.map((c) => c.type) ?? [], rows, vars, session.connectionCollation?.());
  if (t.assigns.into) return { kind: 'ok' };
  return { kind: 'rows', columns, rows: rows.map((r) => r.text) };
}
