// User variables (@name) as MariaDB holds them: a value of one of its four kinds (integer, DECIMAL,
// DOUBLE, string with a collation), or NULL remembering the kind it had. A read of @name in a query
// is that value written in as a literal (quoteString for text: a value, never SQL), typed as
// MariaDB types a variable: BIGINT(20), DOUBLE, LONGTEXT in its collation (coercibility IMPLICIT),
// and a never-set one a NULL LONGBLOB. The statement is then not cached (translate.ts), so the
// next read sees the next value.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { familyOf, isUnsigned, typeOf, type ExprType } from './mysql-types.ts';
import { IMPLICIT } from './collation.ts';
import { userVariableName } from './user-variable-names.ts';
import type { Literal } from './parser-input.ts';

type Node = any;

export type UserValueKind = 'int' | 'decimal' | 'double' | 'string' | 'binary';

/** What a user variable holds; `text` is the value as MariaDB prints it. */
export type UserValue =
  | { kind: 'int'; text: string; unsigned: boolean }
  /** `inexact`: MariaDB holds digits past the ones shown (SET @d = 1/3 keeps 0.333333333): not followed. */
  | { kind: 'decimal'; text: string; inexact?: true }
  | { kind: 'double'; value: number }
  | { kind: 'string'; value: string; collation: string }
  | { kind: 'binary'; hex: string }
  | { kind: 'null'; was: UserValueKind; unsigned?: boolean };

/** A string variable's type: MariaDB sends it as a LONGTEXT of 16M characters (LONG_BLOB). */
const VARIABLE_TEXT = 'longtext(16777215)';

/**
 * A variable's value from a computed one (SET @x = expr, SELECT @x := expr, SELECT … INTO @x):
 * `text` as MariaDB prints the value (null for NULL), `type` its MySQL type. Dates, times and JSON
 * become strings, as MariaDB stores them; `double` is the DOUBLE's own value.
 */
export function userValueOf(type: ExprType, value: string | Buffer | null, double?: number, previous?: UserValue, connectionCollation?: string, decimalDigits?: string): UserValue {
  // A binary string's bytes come as a Buffer (any bytes); everything else is read as its text.
  const text = value === null ? null : String(value);
  const f = familyOf(type);
  // NULL itself has no type: the variable keeps the kind it had (a new one is a binary string).
  if (f === 'null') {
    if (!previous) return { kind: 'null', was: 'binary' };
    if (previous.kind === 'null') return previous;
    return { kind: 'null', was: previous.kind, ...(previous.kind === 'int' && previous.unsigned ? { unsigned: true } : {}) };
  }
  const kind: UserValueKind = f === 'int' || f === 'year' ? 'int' : f === 'decimal' ? 'decimal' : f === 'float' || f === 'double' ? 'double' : f === 'binary' ? 'binary' : 'string';
  if (f === 'unknown') throw new DialectUnsupported('a user variable set from a value of unknown type');
  if (text === null) return { kind: 'null', was: kind, ...(kind === 'int' && (isUnsigned(type) || f === 'year') ? { unsigned: true } : {}) };
  switch (kind) {
    case 'int':
      return { kind, text, unsigned: isUnsigned(type) || f === 'year' };
    case 'decimal':
      // `decimalDigits`: the DECIMAL as DuckDB holds it; a quotient holds more digits than its
      // column shows, as MariaDB's does, but which ones MariaDB keeps is not followed here.
      return decimalDigits !== undefined && decimalDigits !== text ? { kind, text, inexact: true } : { kind, text };
    case 'double':
      if (double === undefined || !Number.isFinite(double)) throw new DialectUnsupported(`a user variable set to the DOUBLE ${text}`);
      return { kind, value: double };
    case 'binary':
      return { kind, hex: (Buffer.isBuffer(value) ? value : Buffer.from(text, 'utf8')).toString('hex') };
    case 'string':
      // MariaDB turns a date or time into a latin1 string; its characters are ASCII, which every
      // utf8mb4 collation compares alike, so the connection's stands in for it.
      // JSON is utf8mb4_bin text on MariaDB.
      // A text of no collation of its own (a literal) takes the connection's at the assignment: MariaDB
      // keeps it though SET NAMES changes the connection's after.
      return { kind, value: text, collation: f === 'json' ? 'utf8mb4_bin' : f === 'string' ? (type.collation ?? connectionCollation ?? '') : '' };
  }
}

/** `@name` in a query: the session's value, as a typed literal. */
export function userVariableValue(node: Node, lookup: (name: string) => UserValue | undefined, connectionCollation: string): Emitted {
  const name = userVariableName(String(node.name));
  if (node.members?.length) throw new DialectUnsupported(`the user variable @${name}.${node.members.join('.')}`);
  const value = lookup(name);
  // Never set: NULL, typed as MariaDB types it (a NULL binary string, sent as LONG_BLOB).
  if (value === undefined) return { sql: 'CAST(NULL AS BLOB)', type: { ...typeOf('longblob(16777216)', true), textDecimals: 39 } };
  const text = (collation: string): ExprType => ({ ...typeOf(VARIABLE_TEXT, true), collation: collation || connectionCollation, coercibility: IMPLICIT });
  switch (value.kind) {
    case 'int':
      // From its text: `-9223372036854775808::BIGINT` would negate a number past BIGINT's range.
      return { sql: `CAST(${quoteString(value.text)} AS ${value.unsigned ? 'UBIGINT' : 'BIGINT'})`, type: typeOf(`bigint(20)${value.unsigned ? ' unsigned' : ''}`, true) };
    case 'double':
      return { sql: `CAST(${quoteString(String(value.value))} AS DOUBLE)`, type: typeOf('double', true) };
    case 'string':
      return { sql: quoteString(value.value), type: text(value.collation) };
    case 'decimal':
      // MariaDB computes with a DECIMAL variable at 38 decimals (DECIMAL(65,38)), past DuckDB's DECIMAL.
      throw new DialectUnsupported(`the DECIMAL user variable @${name} (MariaDB computes with it at 38 decimals)`);
    case 'binary':
      // Its bytes as written in hex (never as SQL text), a binary string as MariaDB sends it:
      // LONG_BLOB, 39 decimals; in numbers it reads as text does ('A' is 0), as MariaDB reads it.
      if (!/^[0-9a-f]*$/.test(value.hex)) throw new DialectUnsupported(`the user variable @${name} holding malformed bytes`);
      return { sql: `from_hex('${value.hex}')`, type: { ...typeOf('longblob(16777216)', true), textDecimals: 39 } };
    case 'null':
      if (value.was === 'int') return { sql: 'CAST(NULL AS BIGINT)', type: typeOf(`bigint(20)${value.unsigned ? ' unsigned' : ''}`, true) };
      if (value.was === 'double') return { sql: 'CAST(NULL AS DOUBLE)', type: typeOf('double', true) };
      if (value.was === 'string') return { sql: 'CAST(NULL AS VARCHAR)', type: text('') };
      if (value.was === 'binary') return { sql: 'CAST(NULL AS BLOB)', type: { ...typeOf('longblob(16777216)', true), textDecimals: 39 } };
      throw new DialectUnsupported(`the DECIMAL user variable @${name} (MariaDB computes with it at 38 decimals)`);
  }
}

/**
 * `@d` as an operand of a comparison (=, <, IN, BETWEEN …) when it holds a DECIMAL: it compares by
 * value, so its scale (MariaDB's 38 decimals) changes nothing there, and its exact value is
 * written in with its own digits. Null for anything else (emitted as any expression is).
 */
export function decimalComparand(node: Node, lookup: (name: string) => UserValue | undefined): Emitted | null {
  if (node?.type !== 'var' || node.prefix !== '@' || node.members?.length) return null;
  const value = lookup(userVariableName(String(node.name)));
  if (value?.kind === 'null' && value.was === 'decimal') return { sql: 'CAST(NULL AS DECIMAL(38,0))', type: typeOf('decimal(38,0)', true) };
  if (value?.kind !== 'decimal' || value.inexact) return null;
  const [int = '', frac = ''] = value.text.replace(/^-/, '').split('.');
  const digits = Math.max(int.replace(/^0+/, '').length, 1) + frac.length;
  if (digits > 38) return null;
  const type = `decimal(${digits},${frac.length})`;
  return { sql: `CAST(${quoteString(value.text)} AS ${type.toUpperCase()})`, type: typeOf(type, true) };
}

/** MariaDB's type for a DECIMAL variable read as a value: DECIMAL(65,38), sent with 38 decimals. */
const DECIMAL_VARIABLE = 'decimal(38,38)';

/**
 * Select items that are a DECIMAL user variable itself (`SELECT @d`): MariaDB sends its value's
 * own digits ('1.50') under a DECIMAL column of 38 decimals. Each such item is replaced in the
 * tree by the value's text as a string literal (appended to `literals`); the returned indexes
 * are the columns to describe as DECIMAL_VARIABLE afterwards (decimalColumns).
 */
export function takeDecimalItems(ast: Node, lookup: (name: string) => UserValue | undefined, literals: Literal[]): number[] {
  const items: Node[] = Array.isArray(ast?.columns) ? ast.columns : [];
  const taken: number[] = [];
  items.forEach((item, i) => {
    const e = item?.expr;
    if (e?.type !== 'var' || e.prefix !== '@' || e.members?.length) return;
    const value = lookup(userVariableName(String(e.name)));
    if (value?.kind === 'decimal' && !value.inexact) {
      literals.push({ kind: 'string', value: value.text, binary: false });
      item.expr = { type: 'single_quote_string', value: `__iq_lit_${literals.length - 1}` };
    } else if (value?.kind === 'null' && value.was === 'decimal') item.expr = { type: 'null', value: null };
    else return;
    taken.push(i);
  });
  return taken;
}

/** The columns takeDecimalItems took, described as MariaDB describes a DECIMAL variable. */
export function decimalColumns<C extends { type: ExprType }>(columns: C[] | null, taken: number[]): C[] | null {
  if (!columns || taken.length === 0) return columns;
  return columns.map((c, i) => (taken.includes(i) ? { ...c, type: typeOf(DECIMAL_VARIABLE, true) } : c));
}

/**
 * `-@i` with an integer variable BIGINT cannot negate (a negative value, or an unsigned one past
 * BIGINT): MariaDB reads the variable as a constant and makes the result a DECIMAL. Null for
 * any other operand (negated as any expression is).
 */
export function negatedVariable(node: Node, lookup: (name: string) => UserValue | undefined): Emitted | null {
  if (node?.type !== 'var' || node.prefix !== '@' || node.members?.length) return null;
  const value = lookup(userVariableName(String(node.name)));
  if (value?.kind !== 'int' || !(value.text.startsWith('-') || BigInt(value.text) > 9223372036854775807n)) return null;
  return { sql: `(-CAST(${quoteString(value.text)} AS DECIMAL(20,0)))`, type: typeOf('decimal(20,0)', true) };
}
