// User variables a SELECT assigns: `SELECT @x := expr …` and `SELECT … INTO @a, @b`. MariaDB
// assigns once per row, in its own evaluation order, so only what is decided whatever that order
// is served: an assignment in a query of at most one row (no FROM, or aggregates without GROUP
// BY), of a variable the statement does not also read; INTO, which fails on more than one row.
// The items are taken out of the tree (their right sides stay as the select items) and the
// gateway stores the row's values after running the query.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { callName } from './call-name.ts';
import { containsAggregate } from './emit-group-order.ts';
import { charLength, familyOf, integerType, isUnsigned, stringType, typeOf, type ExprType } from './mysql-types.ts';
import { userVariableName } from './user-variable-names.ts';
import type { UserValue } from './user-variables.ts';
import { COERCIBLE } from './collation.ts';

type Node = any;

/** Result column `column`'s value goes into user variable `name` (lower-cased). */
export interface UserAssignment {
  name: string;
  column: number;
  /** `@x := NULL`: the variable keeps the kind it had, as for SET @x = NULL. */
  untypedNull?: boolean;
}

export interface SelectAssignments {
  assignments: UserAssignment[];
  /** SELECT … INTO: the statement answers OK, and more than one row is error 1172. */
  into: boolean;
}

/** Every user variable the tree reads, by name. */
function readVariables(node: Node, found: Set<string>): Set<string> {
  if (!node || typeof node !== 'object') return found;
  if (Array.isArray(node)) {
    for (const n of node) readVariables(n, found);
    return found;
  }
  if (node.type === 'var' && node.prefix === '@') found.add(userVariableName(String(node.name)));
  for (const v of Object.values(node)) readVariables(v, found);
  return found;
}

const isUserVariable = (n: Node): boolean => n?.type === 'var' && n.prefix === '@' && !n.members?.length;

/** Takes the assignments out of the statement's own SELECT `ast` (changed in place); null when it has none. */
export function takeAssignments(ast: Node): SelectAssignments | null {
  const items: Node[] = Array.isArray(ast?.columns) ? ast.columns : [];
  const assigning = items.some((c) => c?.expr?.type === 'assign');
  const into = Boolean(ast?.into?.position);
  if (!assigning && !into) return null;
  if (ast._next) throw new DialectUnsupported('assigning user variables in a UNION');
  if (items.some((c) => c?.expr?.type === 'column_ref' && c.expr.column === '*')) throw new DialectUnsupported('assigning user variables from SELECT *');
  const assignments: UserAssignment[] = [];
  if (into) {
    const targets: Node[] = ast.into.expr ?? [];
    if (ast.into.keyword !== 'var' || !targets.every(isUserVariable)) throw new DialectUnsupported('SELECT ... INTO anything but user variables');
    if (targets.length !== items.length) throw new DialectUnsupported('SELECT ... INTO a number of variables other than the columns');
    targets.forEach((t, column) => assignments.push({ name: userVariableName(String(t.name)), column }));
    ast.into = { position: null };
  }
  if (assigning) {
    const grouped = (Array.isArray(ast.groupby) ? ast.groupby : ast.groupby?.columns)?.length > 0;
    const oneRow = !ast.from || (!grouped && containsAggregate([items]) && !JSON.stringify(items).includes('"over":{'));
    if (!oneRow) throw new DialectUnsupported("assigning a user variable (@x := …) in a query of many rows (MariaDB's row order decides the value)");
    items.forEach((c, column) => {
      if (c?.expr?.type !== 'assign') return;
      if (!isUserVariable(c.expr.left)) throw new DialectUnsupported('an assignment to anything but a user variable');
      assignments.push({ name: userVariableName(String(c.expr.left.name)), column, ...(c.expr.right?.type === 'null' ? { untypedNull: true } : {}) });
      c.expr = c.expr.right;
    });
  }
  const names = new Set(assignments.map((a) => a.name));
  if (names.size !== assignments.length) throw new DialectUnsupported('assigning one user variable twice in a statement');
  // A read of an assigned variable sees the old or the new value by MariaDB's evaluation order.
  const read = [...readVariables(ast, new Set())].find((n) => names.has(n));
  if (read) throw new DialectUnsupported(`reading the user variable @${read} in the statement that assigns it`);
  return { assignments, into };
}

/**
 * The result types a variable is set from here: numbers and strings, and for INTO (whose row is
 * not sent) dates and times too, which MariaDB stores as their text. `@x := date` sends a string.
 */
export function checkAssignable(a: SelectAssignments, types: (ExprType | undefined)[]): void {
  const allowed = ['int', 'decimal', 'double', 'float', 'string', 'year', 'null', ...(a.into ? ['date', 'datetime', 'time', 'json'] : [])];
  for (const { name, column } of a.assignments) {
    const f = types[column] ? familyOf(types[column]!) : 'unknown';
    // GROUP_CONCAT's text is served (assignedResultTypes: MEDIUM_BLOB) when its collation is sure:
    // of numbers, dates and literals, the connection's (coercible); of a text column, MariaDB
    // aggregates the parts' collations, which is not followed here. JSON_ARRAYAGG's is not served.
    const blob = types[column]?.blobText;
    if (!allowed.includes(f) || (blob && (types[column]?.jsonText || types[column]?.coercibility !== COERCIBLE))) throw new DialectUnsupported(`assigning a value of type ${types[column]?.columnType || 'unknown'} to the user variable @${name}`);
  }
}

/**
 * A long text computed from a user variable (UPPER(@s), IFNULL(@s, 0)): MariaDB picks MEDIUM_BLOB
 * or LONG_BLOB by its length in characters (a variable's text counts 16777212 in an expression),
 * the gateway by bytes; they agree below 4M and above 16M characters (CONCAT(@s, 'x') is
 * LONG_BLOB both ways). In between, such a column is described as the MEDIUM_BLOB MariaDB sends;
 * the variable itself stays LONG_BLOB. A long binary string from one is refused.
 */
export function variableTextColumns<C extends { type: ExprType }>(columns: C[] | null, ast: Node, lookup?: (name: string) => UserValue | undefined): C[] | null {
  const items: Node[] = Array.isArray(ast?.columns) ? ast.columns : [];
  return (
    columns?.map((c, i) => {
      const f = familyOf(c.type);
      const length = charLength(c.type);
      const expr = items[i]?.expr;
      // Long bytes computed from one: CONCAT(@b, '!') and COALESCE(@never_set, 7) MariaDB sends as
      // LONG_BLOB with a computed string's 39 decimals, as the variable itself; COALESCE(@b, 'x') of
      // a set one as MEDIUM_BLOB, which is not followed here.
      if (f === 'binary' && /blob\(\d+\)$/i.test(c.type.columnType) && length > 16777215 && c.type.textDecimals === undefined && !c.type.source) {
        const name = callName(expr) ?? '';
        const args: Node[] = expr?.args?.value ?? [];
        const setBinary = args.some((a) => a?.type === 'var' && lookup?.(userVariableName(String(a.name)))?.kind === 'binary');
        if (name === 'CONCAT' || ((name === 'COALESCE' || name === 'IFNULL') && lookup && !setBinary)) return { ...c, type: { ...c.type, textDecimals: 39 } };
        // COALESCE(@b, 'x'), IFNULL(NULL, @b): with only literals beside it, MEDIUM_BLOB (MariaDB 10.11's answer).
        const literal = (a: Node) => ['number', 'null', 'single_quote_string', 'bool'].includes(a?.type);
        const plain = args.every((a) => literal(a) || (a?.type === 'var' && lookup?.(userVariableName(String(a.name)))?.kind === 'binary'));
        if ((name === 'COALESCE' || name === 'IFNULL') && setBinary && plain) return { ...c, type: { ...c.type, columnType: 'mediumblob(16777215)', textDecimals: 39 } };
        if (setBinary || !lookup) throw new DialectUnsupported(`the type MariaDB sends for long bytes computed from a user variable (select item ${i + 1})`);
        return c;
      }
      if ((f !== 'string' && f !== 'binary') || length <= 4194303 || length > 16777215 || expr?.type === 'var') return c;
      // SUBSTRING(@s, p, n) and LEFT/RIGHT(@s, n) with a literal n are n characters long (VARCHAR(n)).
      const cut = literalCut(expr);
      if (f === 'string' && cut !== null) return { ...c, type: { ...c.type, columnType: stringType(cut) } };
      const tail = variableTail(expr);
      if (f === 'string' && tail !== null) return { ...c, type: { ...c.type, columnType: tail } };
      const passesLength = expr?.type === 'case' || expr?.type === 'cast' || LENGTH_KEEPING.has(callName(expr) ?? '');
      if (f === 'binary' || !passesLength) throw new DialectUnsupported(`the type MariaDB sends for a long text computed from a user variable (select item ${i + 1})`);
      return { ...c, type: { ...c.type, columnType: MEDIUM_BLOB_TEXT } };
    }) ?? null
  );
}

/** The literal length n of SUBSTRING(x, p, n), MID(x, p, n), LEFT(x, n) and RIGHT(x, n); null for any other node. */
function literalCut(expr: Node): number | null {
  const name = callName(expr);
  const args: Node[] = expr?.args?.value ?? [];
  const n = name === 'LEFT' || name === 'RIGHT' ? (args.length === 2 ? args[1] : null) : name === 'SUBSTRING' || name === 'SUBSTR' || name === 'MID' ? (args.length === 3 ? args[2] : null) : null;
  return n?.type === 'number' && Number.isInteger(n.value) && n.value >= 0 && n.value <= 16383 ? Number(n.value) : null;
}

/**
 * SUBSTRING(@s, p) (SUBSTR, MID) of a variable itself: MariaDB keeps the variable's length, a
 * LONG_BLOB, but for a literal p <= 0 the -p characters it can be at most (VAR_STRING). Null for
 * any other node.
 */
function variableTail(expr: Node): string | null {
  const name = callName(expr);
  const args: Node[] = expr?.args?.value ?? [];
  if (!(name === 'SUBSTRING' || name === 'SUBSTR' || name === 'MID') || args.length !== 2 || args[0]?.type !== 'var') return null;
  const p = args[1];
  if (p?.type === 'number' && typeof p.value === 'number' && Number.isInteger(p.value) && p.value <= 0 && p.value >= -16383) return stringType(-p.value);
  return 'longtext(16777215)';
}

/** Functions whose text is as long as their longest text argument, on MariaDB as here. */
const LENGTH_KEEPING = new Set(['IFNULL', 'COALESCE', 'IF', 'UPPER', 'LOWER', 'UCASE', 'LCASE', 'TRIM', 'LTRIM', 'RTRIM', 'REPLACE', 'REVERSE']);

/** A computed text the gateway describes as MEDIUM_BLOB (its bytes fit 16M). */
const MEDIUM_BLOB_TEXT = 'mediumtext(4194303)';

/**
 * The type MariaDB sends for `@x := expr`: expr's, but an integer is INT up to 9 characters and
 * BIGINT beyond (`@x := 5` INT, `@x := MIN(id)` BIGINT), as for a variable's own value.
 */
export function assignedResultTypes(a: SelectAssignments, columns: { name: string; type: ExprType }[] | null): { name: string; type: ExprType }[] | null {
  if (a.into || !columns) return columns;
  return columns.map((c, i) => {
    if (!a.assignments.some((x) => x.column === i)) return c;
    // `@x := NULL` is sent as an empty binary string column (VAR_STRING, binary, 0 decimals).
    if (familyOf(c.type) === 'null') return { ...c, type: { ...typeOf('varbinary(0)', true), textDecimals: 0 } };
    // GROUP_CONCAT's text, sent as BLOB when selected, is a MEDIUM_BLOB (0 decimals) once assigned.
    if (c.type.blobText) return { ...c, type: { ...c.type, columnType: MEDIUM_BLOB_TEXT, blobText: undefined, textDecimals: 0 } };
    if (familyOf(c.type) !== 'int') return c;
    return { ...c, type: { ...c.type, columnType: integerType(charLength(c.type), isUnsigned(c.type)), source: undefined } };
  });
}
