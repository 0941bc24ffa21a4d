// JSON_TABLE as MariaDB 10.11 answers it, as a DuckDB LATERAL subquery over the document (read
// from its tokens by json-table-spec.ts). Rows are the row path's matches in document order (the
// ordinality is the array index, and the rows are ordered by it); each column's value is its
// path's scalar stored as MariaDB stores a string into a field of the declared type: a number
// from the text's leading number, rounded half away from zero and clamped to the type's range
// (MariaDB only warns), a string cut to the declared length, true/false as 1/0 (or their text),
// JSON null as NULL. A path finding nothing takes ON EMPTY, an object or array ON ERROR (JSON
// columns take it as written). Where DuckDB's reading loses what MariaDB would print (numbers it
// rewrites, \u escapes) or MariaDB would fail (ERROR ON ..., a text that is not JSON), the row
// fails with 1235 rather than answer otherwise.
import { DialectUnsupported } from './dialect-error.ts';
import { quoteIdent, quoteString, type Emitted } from './emitted.ts';
import { documentJson, documentText, hasDecodedEscape, stringsEmptied, validDocument, valueAtPath } from './json-path.ts';
import { mariadbJsonText } from './json-functions.ts';
import { familyOf, typeOf, type ExprType } from './mysql-types.ts';
import type { RelationColumn } from './scope.ts';
import type { JsonTableColumn, JsonTableFallback, JsonTableSpec } from './json-table-spec.ts';
import type { Literal } from './parser-input.ts';

/** The marker column parser-input.ts gives the derived table standing for a JSON_TABLE call. */
export const JSON_TABLE_MARKER = /^__iq_json_table_(\d+)$/;

/** A path of `$`, `.key`, `."key"` and `[n]` steps (json-path.ts serves these alike in both). */
const LITERAL_PATH = /^\$(\.[A-Za-z_$][\w$]*|\."(?:[^"\\]|\\.)*"|\[\d+\])*$/;

// Columns of the row subquery: the row's value (DuckDB JSON), its ordinal, the document's text.
const V = '__jt_v';
const I = '__jt_i';
const T = '__jt_text';

type Target =
  | { kind: 'int'; columnType: string; duck: string; min: bigint; max: bigint }
  | { kind: 'decimal'; columnType: string; precision: number; scale: number }
  | { kind: 'double'; columnType: string }
  | { kind: 'string'; columnType: string; length: number; char: boolean }
  | { kind: 'json'; columnType: string };

const INTS: Record<string, [bits: number, width: number, duck: string]> = { tinyint: [8, 4, 'TINYINT'], smallint: [16, 6, 'SMALLINT'], mediumint: [24, 9, 'INTEGER'], int: [32, 11, 'INTEGER'], integer: [32, 11, 'INTEGER'], bigint: [64, 20, 'BIGINT'] };

function target(name: string, type: string): Target {
  const int = /^(tinyint|smallint|mediumint|int|integer|bigint)(\(\d+\))?( unsigned)?$/.exec(type);
  if (int) {
    const [bits, width, duck] = INTS[int[1]!]!;
    const base = int[1] === 'integer' ? 'int' : int[1]!;
    if (int[3]) return { kind: 'int', columnType: `${base}(${bits === 64 ? 20 : width - 1}) unsigned`, duck: bits === 24 ? 'UINTEGER' : 'U' + duck, min: 0n, max: (1n << BigInt(bits)) - 1n };
    return { kind: 'int', columnType: `${base}(${width})`, duck, min: -(1n << BigInt(bits - 1)), max: (1n << BigInt(bits - 1)) - 1n };
  }
  const dec = /^(?:decimal|numeric|dec)(?:\((\d+)(?:,(\d+))?\))?$/.exec(type);
  if (dec) {
    const precision = Number(dec[1] ?? 10);
    const scale = Number(dec[2] ?? 0);
    if (precision > 38 || precision < 1 || scale > precision) throw new DialectUnsupported(`JSON_TABLE column ${name} of type ${type} (DuckDB keeps up to 38 digits)`);
    return { kind: 'decimal', columnType: `decimal(${precision},${scale})`, precision, scale };
  }
  if (type === 'double' || type === 'real' || type === 'double precision') return { kind: 'double', columnType: 'double' };
  const str = /^(varchar|char)(?:\((\d+)\))?$/.exec(type);
  if (str && (str[2] !== undefined || str[1] === 'char')) {
    const length = Number(str[2] ?? 1);
    return { kind: 'string', columnType: `${str[1]}(${length})`, length, char: str[1] === 'char' };
  }
  if (type === 'json') return { kind: 'json', columnType: 'json' };
  throw new DialectUnsupported(`JSON_TABLE column ${name} of type ${type}`);
}

/** A failure that names the row (so DuckDB cannot fold it while planning), in the refusal's words. */
const refuse = (what: string): string => `error('instaquery cannot ' || ${quoteString(what)} || ' (row ' || CAST(${I} AS VARCHAR) || ')')`;

// A NESTED PATH's match joined to its row (nestedRows): which sibling it is of, its value, its ordinal.
const N = '__jt_n';
const NO = '__jt_o';

/** The leading number of a text, as MySQL reads one (`' 12abc'` is 12); '' when there is none. */
const leadingNumber = (s: string): string => `regexp_extract(${s}, '^\\s*([-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?)', 1)`;

/** A text stored into an integer field: its leading number rounded half away from zero, clamped. */
function intFromText(s: string, t: Extract<Target, { kind: 'int' }>, column: string): string {
  const lead = leadingNumber(s);
  const clamp = (x: string) => `CASE WHEN ${x} < ${t.min} THEN ${t.min} WHEN ${x} > ${t.max} THEN ${t.max} ELSE ${x} END`;
  const negative = `starts_with(${lead}, '-')`;
  const digits = `ltrim(regexp_extract(${lead}, '^[-+]?([0-9]*)', 1), '0')`;
  // The decimal text rounded at its first fraction digit: exact, unlike a double.
  const magnitude = `(CAST(coalesce(nullif(${digits}, ''), '0') AS HUGEINT) + CASE WHEN regexp_extract(${lead}, '[.]([0-9])', 1) >= '5' THEN 1 ELSE 0 END)`;
  const plain = `CASE WHEN length(${digits}) > 30 THEN CASE WHEN ${negative} THEN ${t.min} ELSE ${t.max} END ELSE ${clamp(`CASE WHEN ${negative} THEN -${magnitude} ELSE ${magnitude} END`)} END`;
  // With an exponent the value goes through a double: exact only while it has few digits.
  const d = `CAST(${lead} AS DOUBLE)`;
  const mantissaDigits = `length(regexp_replace(regexp_extract(${lead}, '^[^eE]*', 0), '[^0-9]', '', 'g'))`;
  const exponent = `CASE WHEN ${d} < ${t.min} THEN ${t.min} WHEN ${d} > ${t.max} THEN ${t.max} WHEN ${mantissaDigits} > 15 OR abs(${d}) > 9007199254740992 THEN ${refuse(`store this number into the JSON_TABLE column ${column} exactly`)} ELSE CAST(round(${d}) AS HUGEINT) END`;
  return `CAST(CASE WHEN ${lead} = '' THEN 0 WHEN regexp_matches(${lead}, '[eE]') THEN ${exponent} ELSE ${plain} END AS ${t.duck})`;
}

function decimalFromText(s: string, t: Extract<Target, { kind: 'decimal' }>, column: string): string {
  const lead = leadingNumber(s);
  const max = `${'9'.repeat(t.precision - t.scale)}${t.scale ? '.' + '9'.repeat(t.scale) : ''}`;
  const digits = `ltrim(regexp_extract(${lead}, '^[-+]?([0-9]*)', 1), '0')`;
  const negative = `starts_with(${lead}, '-')`;
  const clampedMax = `CASE WHEN ${negative} THEN -${max} ELSE ${max} END`;
  const rounded = `CAST(ltrim(${lead}, '+') AS DECIMAL(38,${t.scale}))`;
  const value = `CASE WHEN length(${digits}) > ${t.precision - t.scale} THEN ${clampedMax} WHEN abs(${rounded}) > ${max} THEN ${clampedMax} ELSE ${rounded} END`;
  return `CAST(CASE WHEN ${lead} = '' THEN 0 WHEN regexp_matches(${lead}, '[eE]') THEN ${refuse(`store a number with an exponent into the JSON_TABLE column ${column}`)} ELSE ${value} END AS DECIMAL(${t.precision},${t.scale}))`;
}

function doubleFromText(s: string, column: string): string {
  const lead = leadingNumber(s);
  return `CASE WHEN ${lead} = '' THEN CAST(0 AS DOUBLE) WHEN isinf(CAST(${lead} AS DOUBLE)) THEN ${refuse(`store a number past DOUBLE's range into the JSON_TABLE column ${column}`)} ELSE CAST(${lead} AS DOUBLE) END`;
}

function stringFromText(s: string, t: Extract<Target, { kind: 'string' }>): string {
  const cut = `left(${s}, ${t.length})`;
  return t.char ? `rtrim(${cut}, ' ')` : cut;
}

/** A text (a scalar's, or a DEFAULT's) stored into the column. */
function fromText(s: string, t: Target, column: string): string {
  switch (t.kind) {
    case 'int':
      return intFromText(s, t, column);
    case 'decimal':
      return decimalFromText(s, t, column);
    case 'double':
      return doubleFromText(s, column);
    case 'string':
      return stringFromText(s, t);
    case 'json':
      return s;
  }
}

// DuckDB re-writes some numbers (1e3 as 1000.0, 2.50 as 2.5, -0 as 0, long fractions): a value
// (DuckDB's compact text) that may hold one, where the document (its text) writes such a number,
// cannot be printed as written.
function mayBeRewritten(text: string, compact: string): string {
  const doc = stringsEmptied(text);
  const value = stringsEmptied(compact);
  const rewritesFractions = `(regexp_matches(${doc}, '[0-9][eE]|[.][0-9]*0([^0-9]|$)') OR len(list_filter(regexp_extract_all(${doc}, '[0-9]*[.][0-9]+'), lambda n: length(n) > 16)) > 0)`;
  const zero = `(regexp_matches(${doc}, '-0([^.0-9eE]|$)') AND regexp_matches(${value}, '(^|[^0-9.])0([^.0-9]|$)'))`;
  return `(regexp_matches(${value}, '[0-9][eE]|[0-9]{20}') OR (regexp_matches(${value}, '[.]') AND ${rewritesFractions}) OR ${zero})`;
}

/** A scalar's text as written in the document (a number, true/false), for a string column. */
function writtenScalar(x: string, column: string): string {
  const raw = `CAST(${x} AS VARCHAR)`;
  return `CASE WHEN ${mayBeRewritten(T, raw)} THEN ${refuse(`print a number of the document as MariaDB wrote it (JSON_TABLE column ${column})`)} ELSE ${raw} END`;
}

const compacted = (sql: string) => `regexp_replace(${sql}, '("(?:[^"\\\\]|\\\\.)*")|\\s+', '\\1', 'g')`;

/** A JSON column's value: the text as the document writes it (MariaDB copies it, spacing and all). */
function writtenJson(x: string, column: string): string {
  const raw = `CAST(${x} AS VARCHAR)`;
  const trimmed = `trim(${T}, ' \t\n\r')`;
  const spacing = `CASE WHEN json_type(${x}) NOT IN ('OBJECT', 'ARRAY') THEN ${raw} WHEN ${trimmed} = ${mariadbJsonText(compacted(T))} THEN ${mariadbJsonText(raw)} WHEN ${trimmed} = ${compacted(T)} THEN ${raw} ELSE ${refuse(`copy the spacing of the document into the JSON_TABLE column ${column}`)} END`;
  return `CASE WHEN ${hasDecodedEscape(T)} OR ${mayBeRewritten(T, raw)} THEN ${refuse(`print the JSON value as MariaDB wrote it (JSON_TABLE column ${column})`)} ELSE ${spacing} END`;
}

function fallback(f: JsonTableFallback, t: Target, column: string, clause: string): string {
  if (f.kind === 'null') return 'NULL';
  if (f.kind === 'error') return refuse(`answer ${clause} for the JSON_TABLE column ${column} (MariaDB fails there)`);
  return fromText(quoteString(f.text), t, column);
}

/** A column's SQL, of the row's value `v` and ordinal `i` (a nested path's match's, for its columns). */
function columnSql(c: Exclude<JsonTableColumn, { kind: 'nested' }>, v = V, i = I): { sql: string; type: string } {
  if (c.kind === 'ordinality') return { sql: `CAST(${i} AS INTEGER)`, type: 'int(11)' };
  if (!LITERAL_PATH.test(c.path)) throw new DialectUnsupported(`JSON_TABLE column ${c.name} with the path '${c.path}' (wildcards, ranges and last are not served)`);
  const t = target(c.name, c.type);
  const x = valueAtPath(v, c.path);
  if (c.kind === 'exists') {
    if (t.kind === 'json') throw new DialectUnsupported(`JSON_TABLE column ${c.name} of type JSON with EXISTS PATH`);
    return { sql: fromText(`CASE WHEN ${x} IS NULL THEN '0' ELSE '1' END`, t, c.name), type: t.columnType };
  }
  const empty = fallback(c.onEmpty, t, c.name, 'ON EMPTY');
  if (t.kind === 'json') return { sql: `CASE WHEN ${x} IS NULL THEN ${empty} ELSE ${writtenJson(x, c.name)} END`, type: t.columnType };
  const kind = `json_type(${x})`;
  const truth = `CASE WHEN CAST(${x} AS VARCHAR) = 'true' THEN '1' ELSE '0' END`;
  const scalar =
    t.kind === 'string'
      ? `CASE WHEN ${kind} = 'VARCHAR' THEN json_extract_string(${x}, '$') WHEN ${kind} = 'BOOLEAN' THEN CAST(${x} AS VARCHAR) ELSE ${writtenScalar(x, c.name)} END`
      : `CASE WHEN ${kind} = 'VARCHAR' THEN json_extract_string(${x}, '$') WHEN ${kind} = 'BOOLEAN' THEN ${truth} ELSE CAST(${x} AS VARCHAR) END`;
  const sql = `CASE WHEN ${x} IS NULL THEN ${empty} WHEN ${kind} IN ('OBJECT', 'ARRAY') THEN ${fallback(c.onError, t, c.name, 'ON ERROR')} WHEN ${kind} = 'NULL' THEN NULL ELSE ${fromText(scalar, t, c.name)} END`;
  return { sql, type: t.columnType };
}

/**
 * A column's type as MariaDB describes it: a field of the table JSON_TABLE materialises, strings in utf8mb4_general_ci, JSON as a LONGTEXT in utf8mb4_bin.
 */
function columnType(type: string, alias: string, column: string): ExprType {
  const source = { db: '', table: 'json_table', tableAlias: alias, column, primaryKey: false };
  if (type === 'json') return { ...typeOf('longtext', true), collation: 'utf8mb4_bin', coercibility: 2, source };
  return familyOf(type) === 'string' ? { ...typeOf(type, true), collation: 'utf8mb4_general_ci', coercibility: 2, source } : { ...typeOf(type, true), source };
}

/** The JSON_TABLE relation over `doc` as DuckDB SQL (without its alias), and its columns. */
export function jsonTableRelation(spec: JsonTableSpec, doc: Emitted, alias: string): { sql: string; columns: RelationColumn[] } {
  const star = spec.path.endsWith('[*]');
  const prefix = star ? spec.path.slice(0, -3) : spec.path;
  if (!LITERAL_PATH.test(prefix)) throw new DialectUnsupported(`JSON_TABLE with the row path '${spec.path}' (only a literal path, optionally ending in [*], is served)`);
  // A text that is not JSON fails in MariaDB (4038); NULL gives no rows.
  const json = familyOf(doc.type) === 'json' ? documentJson(doc) : `CASE ${validDocument(doc)} WHEN true THEN ${documentJson(doc)} WHEN false THEN error('instaquery cannot answer JSON_TABLE over a text that is not JSON (MariaDB fails): ' || ${documentText(doc)}) END`;
  const documentRow = `(SELECT ${json} AS __jt_doc, ${documentText(doc)} AS ${T}) AS __jt_d`;
  const context = valueAtPath('__jt_doc', prefix);
  const rows = star
    ? `(SELECT unnest(__jt_l) AS ${V}, generate_subscripts(__jt_l, 1) AS ${I}, ${T} FROM (SELECT CASE WHEN json_type(${context}) = 'ARRAY' THEN json_extract(${context}, '$[*]') END AS __jt_l, ${T} FROM ${documentRow}) AS __jt_a)`
    : `(SELECT ${context} AS ${V}, 1 AS ${I}, ${T} FROM ${documentRow} WHERE ${context} IS NOT NULL)`;
  const nested = spec.columns.filter((c) => c.kind === 'nested');
  // Joined to another table's rows, DuckDB's LATERAL keeps no order among a row's nested rows,
  // while MariaDB gives them in document order, which an ORDER BY of the outer rows keeps.
  if (nested.length > 0 && !spec.constantDocument) throw new DialectUnsupported('JSON_TABLE with NESTED PATH over a document of another table (the order of its nested rows among ties is not kept)');
  const columns = spec.columns.flatMap((c) => {
    if (c.kind !== 'nested') return [{ c, ...columnSql(c) }];
    const k = nested.indexOf(c) + 1;
    return c.columns.map((inner) => {
      if (inner.kind === 'nested') throw new DialectUnsupported('JSON_TABLE with a NESTED PATH inside a NESTED PATH');
      const { sql, type } = columnSql(inner, `${N}.v`, `${N}.i`);
      return { c: inner, sql: `CASE WHEN ${N}.k = ${k} THEN ${sql} END`, type };
    });
  });
  const list = columns.map(({ c, sql }) => `${sql} AS ${quoteIdent(c.name)}`).join(', ');
  const from = nested.length === 0 ? `${rows} AS __jt_r` : `${nestedRows(rows, nested.map((c) => c.path))} AS __jt_r`;
  return {
    sql: `LATERAL (SELECT ${list} FROM ${from} ORDER BY ${I}${nested.length === 0 ? '' : `, ${NO}`})`,
    columns: columns.map(({ c, type }) => ({ name: c.name, type: columnType(type, alias, c.name) })),
  };
}

/**
 * The rows with their NESTED PATHs' matches joined, as MariaDB joins them: each sibling's matches
 * in turn (the others' columns NULL), each match a row; a row where none matches once, its nested
 * columns all NULL. A path ending in [*] matches an array's elements (nothing in anything else).
 */
function nestedRows(rows: string, paths: string[]): string {
  const lists = paths.map((path, j) => {
    const star = path.endsWith('[*]');
    const prefix = star ? path.slice(0, -3) : path;
    if (!LITERAL_PATH.test(prefix)) throw new DialectUnsupported(`JSON_TABLE with the NESTED PATH '${path}' (only a literal path, optionally ending in [*], is served)`);
    const ctx = valueAtPath(V, prefix);
    const items = star ? `CASE WHEN json_type(${ctx}) = 'ARRAY' THEN CAST(json_extract(${ctx}, '$[*]') AS JSON[]) ELSE CAST([] AS JSON[]) END` : `CASE WHEN ${ctx} IS NULL THEN CAST([] AS JSON[]) ELSE [${ctx}] END`;
    return `list_transform(${items}, lambda __jt_nx, __jt_ni: {'k': ${j + 1}, 'v': __jt_nx, 'i': __jt_ni})`;
  });
  const none = `[CAST(NULL AS STRUCT(k INTEGER, v JSON, i BIGINT))]`;
  const all = `CAST(${lists.reduce((a, b) => `list_concat(${a}, ${b})`)} AS STRUCT(k INTEGER, v JSON, i BIGINT)[])`;
  return `(SELECT ${V}, ${I}, ${T}, unnest(__jt_nl) AS ${N}, generate_subscripts(__jt_nl, 1) AS ${NO} FROM (SELECT *, CASE WHEN len(${all}) = 0 THEN ${none} ELSE ${all} END AS __jt_nl FROM ${rows} AS __jt_q))`;
}

/** The JSON_TABLE a derived table stands for (parser-input.ts): its spec and document expression. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON
export function jsonTableCall(ast: any, literals: Literal[]): { spec: JsonTableSpec; document: unknown } | undefined {
  const column = ast?.columns?.length === 1 ? ast.columns[0] : undefined;
  const marker = typeof column?.as === 'string' ? JSON_TABLE_MARKER.exec(column.as) : null;
  const literal = marker ? literals[Number(marker[1])] : undefined;
  const constantDocument = typeof column?.expr?.type === 'string' && /string$/.test(column.expr.type);
  return literal?.kind === 'jsonTable' ? { spec: { ...literal.table, constantDocument }, document: column.expr } : undefined;
}
