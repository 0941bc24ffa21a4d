// MySQL's JSON functions over DuckDB's json extension: JSON_EXTRACT, JSON_UNQUOTE, JSON_VALUE,
// JSON_LENGTH, JSON_TYPE, JSON_CONTAINS_PATH, JSON_VALID here; building (json-build.ts), reading
// (json-inspect.ts), JSON_CONTAINS (json-contains.ts). Paths are MariaDB's literal `$`, `.key`,
// `."key"`, `[n]` (json-path.ts: `[0]` of a non-array is the value itself); wildcards and ranges
// are refused. A text that is not JSON gives NULL, as MariaDB answers (json-path.ts says when).
// Values are printed as MariaDB prints them (`{"a": 1}`), or refused where DuckDB lost the text.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { anyNullable, arity, stringLiteralValue, text, type FunctionTranslation } from './function-args.ts';
import { familyOf, stringType, typeOf, type ExprType } from './mysql-types.ts';
import { ownLength } from './json-text.ts';
import { JSON_BUILD_FUNCTIONS } from './json-build.ts';
import { JSON_INSPECT_FUNCTIONS } from './json-inspect.ts';
import { JSON_CONTAINS_FUNCTIONS } from './json-contains.ts';
import { lengthReading, whereReadEarly } from './json-lenient.ts';
import { documentJson, documentText, validDocument, valueAtPath, whereValid } from './json-path.ts';

type Fn = FunctionTranslation;

const v = asValue;

/** The document as DuckDB JSON. */
const doc = documentJson;

function path(name: string, e: Emitted): string {
  const p = stringLiteralValue(e);
  if (p === undefined) throw new DialectUnsupported(`${name}() with a path that is not a string literal`);
  if (!/^\$(\.[A-Za-z_$][\w$]*|\."(?:[^"\\]|\\.)*"|\[\d+\])*$/.test(p)) throw new DialectUnsupported(`${name}() with the path '${p}' (wildcards, ranges and last are not served)`);
  return quoteString(p);
}

// MariaDB's `[0]` on a value that is not an array is the value itself (json-path.ts).
function extract(name: string, args: Emitted[]): string {
  path(name, args[1]!); // refuses what is not a literal path served
  return valueAtPath(doc(args[0]!), stringLiteralValue(args[1]!)!);
}

/**
 * DuckDB's compact JSON text as MariaDB prints a JSON value: a space after each `:` and `,`
 * outside strings (`{"a": [1, 2]}`). Strings are matched whole, so their own `:` and `,` stay.
 */
export function mariadbJsonText(compact: string): string {
  // Each match runs to a separator or to the end, so no match starts inside a string; the
  // separators are marked with chr(1) (never raw in JSON text), then given their space.
  const marked = `regexp_replace(${compact}, '((?:"(?:[^"\\\\]|\\\\.)*"|[^",:])*)([,:]|$)', '\\1\\2' || chr(1), 'g')`;
  return `replace(replace(replace(${marked}, ',' || chr(1), ', '), ':' || chr(1), ': '), chr(1), '')`;
}

/** JSON text with its strings emptied, to look at its numbers and punctuation alone. */
const withoutStrings = (sql: string) => `regexp_replace(${sql}, '"(?:[^"\\\\]|\\\\.)*"', '""', 'g')`;

/**
 * A value extracted from `document` (SQL of its stored text) as MariaDB prints it. MariaDB copies
 * scalars as written (1e3, 2.50, "\u00e9"); DuckDB re-writes them (1000.0, 2.5, "é"). Where the
 * document holds such a number and the value has a fraction or exponent, or the document has a
 * \u or \/ escape, the text cannot be known: the statement fails (1235) rather than answer
 * other text. (The error names the row's value, so DuckDB cannot fold it into a constant.)
 */
function extractedText(documentText: string, compact: string): string {
  const rewrittenNumber = `regexp_matches(${withoutStrings(documentText)}, '[0-9][eE]|[.][0-9]*0([^0-9]|$)|-0([^.0-9]|$)|[0-9]{16}')`;
  const hasFraction = `regexp_matches(${withoutStrings(compact)}, '[0-9][.eE]')`;
  const rewrittenEscape = `regexp_matches(${documentText}, '\\\\[u/]')`;
  const unknowable = `((${rewrittenNumber} AND ${hasFraction}) OR ${rewrittenEscape})`;
  return `CASE WHEN ${compact} IS NULL THEN NULL WHEN ${unknowable} THEN error('instaquery cannot print the JSON value ' || ${compact} || ' as MariaDB wrote it') ELSE ${mariadbJsonText(compact)} END`;
}

/** JSON_EXTRACT's value as MariaDB's text (see extractedText); the whole document ('$') from its own text. */
function extractText(name: string, args: Emitted[]): string {
  const sql = extract(name, args);
  if (stringLiteralValue(args[1]!) === '$') return `CASE WHEN ${sql} IS NULL THEN NULL ELSE ${mariadbJsonText(compacted(text(args[0]!)))} END`;
  return extractedText(text(args[0]!), `CAST(${sql} AS VARCHAR)`);
}

/** JSON text without the spaces between its tokens (strings kept whole). */
const compacted = (sql: string) => `regexp_replace(${sql}, '("(?:[^"\\\\]|\\\\.)*")|\\s+', '\\1', 'g')`;

/** A JSON value as MySQL's JSON_UNQUOTE gives it: a JSON string unquoted, anything else as text. */
function unquote(sql: string): string {
  return `CASE WHEN ${sql} IS NULL THEN NULL WHEN length(${sql}) >= 2 AND starts_with(${sql}, '"') AND ends_with(${sql}, '"') THEN json_extract_string(CAST(${sql} AS JSON), '$') ELSE ${sql} END`;
}

/**
 * JSON_EXTRACT's type: of a JSON column, JSON (LONGTEXT); of a shorter text, a JSON text twice its
 * length (MariaDB reserves a space after each separator), sent as VARCHAR while it is short.
 */
function extractedType(d: Emitted): ExprType {
  if (familyOf(d.type) === 'json') return typeOf('json', true);
  return { columnType: stringType(Math.min(ownLength(d.type) * 2, 4294967295)), nullable: true, jsonText: true };
}

export const JSON_FUNCTIONS: Record<string, Fn> = {
  JSON_EXTRACT(args, name) {
    arity(name, args, 2);
    return { sql: whereValid(args[0]!, extractText(name, args)), type: extractedType(args[0]!), json: `CAST(${extract(name, args)} AS VARCHAR)` };
  },
  JSON_UNQUOTE(args, name) {
    arity(name, args, 1);
    // As long as its argument (MariaDB: max_char_length), in utf8mb4_bin.
    return { sql: unquote(text(args[0]!)), type: { columnType: stringType(Math.min(ownLength(args[0]!.type), 4294967295)), nullable: args[0]!.type.nullable } };
  },
  JSON_VALUE(args, name) {
    arity(name, args, 2);
    // MariaDB's JSON_VALUE gives scalars only (an object or array is NULL), a boolean as 1 or 0.
    const value = (d: Emitted) => {
      const j = extract(name, [d, args[1]!]);
      return `CASE WHEN ${j} IS NULL OR json_type(${j}) IN ('OBJECT', 'ARRAY', 'NULL') THEN NULL WHEN json_type(${j}) = 'BOOLEAN' THEN CASE WHEN CAST(${j} AS VARCHAR) = 'true' THEN '1' ELSE '0' END ELSE ${unquote(extractText(name, [d, args[1]!]))} END`;
    };
    // It stops reading at the value it finds: a text only starting as JSON may still answer.
    return { sql: whereReadEarly(args[0]!, value(args[0]!), stringLiteralValue(args[1]!)!, value), type: { columnType: stringType(Math.min(ownLength(args[0]!.type), 4294967295)), nullable: true } };
  },
  JSON_LENGTH(args, name) {
    arity(name, args, 1, 2);
    const count = (d: Emitted) => {
      const j = args.length === 2 ? extract(name, [d, args[1]!]) : doc(d);
      return `CASE WHEN ${j} IS NULL THEN NULL WHEN json_type(${j}) = 'ARRAY' THEN json_array_length(${j}) WHEN json_type(${j}) = 'OBJECT' THEN len(json_keys(${j})) ELSE 1 END`;
    };
    const counted = count(args[0]!);
    // Over a broken text a scalar's length is 1 once read; an array or object is counted by reading on to the end, which fails: NULL.
    const scalarOnly = (d: Emitted) => {
      const j = extract(name, [d, args[1]!]);
      return `CASE WHEN ${j} IS NULL OR json_type(${j}) IN ('ARRAY', 'OBJECT') THEN NULL ELSE 1 END`;
    };
    // Without a path, a scalar is 1 once its first token is read; with one, it stops at the path's value (json-lenient.ts).
    const sql =
      familyOf(args[0]!.type) === 'json' ? counted : args.length === 1 ? `CASE ${lengthReading(text(args[0]!))} WHEN 'json' THEN ${counted} WHEN 'scalar' THEN 1 END` : whereReadEarly(args[0]!, counted, stringLiteralValue(args[1]!)!, scalarOnly);
    return { sql, type: typeOf('int(10)', true) };
  },
  JSON_TYPE(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    // DuckDB types every non-negative JSON integer UBIGINT; MySQL calls any integer INTEGER.
    const kinds = (j: string, double: string) => `CASE json_type(${j}) WHEN 'VARCHAR' THEN 'STRING' WHEN 'BIGINT' THEN 'INTEGER' WHEN 'UBIGINT' THEN 'INTEGER' WHEN 'NULL' THEN 'NULL' WHEN 'DOUBLE' THEN ${double} ELSE json_type(${j}) END`;
    // A number is DOUBLE to MariaDB only with a fraction: 1e3, and an integer past 2^64, are INTEGER (DuckDB's DOUBLE).
    const byText = (t: string) => `CASE WHEN regexp_matches(${t}, '^\\s*-?[0-9]+([eE][-+]?[0-9]+)?\\s*$') THEN 'INTEGER' ELSE 'DOUBLE' END`;
    // JSON_EXTRACT's value is typed from what it found; a DOUBLE there from the text it prints.
    const sql = a.json !== undefined ? kinds(`CAST(${a.json} AS JSON)`, `CASE WHEN ${v(a)} IS NULL THEN NULL ELSE ${byText(v(a))} END`) : whereValid(a, kinds(doc(a), byText(documentText(a))));
    return { sql, type: typeOf('varchar(51)', anyNullable(args)) };
  },
  JSON_CONTAINS_PATH(args, name) {
    if (args.length < 3) throw new DialectUnsupported(`${name}() with fewer than 3 arguments`);
    const mode = stringLiteralValue(args[1]!)?.toLowerCase();
    if (mode !== 'one' && mode !== 'all') throw new DialectUnsupported(`${name}() with a mode that is not the literal 'one' or 'all'`);
    const found = args.slice(2).map((p) => `(${extract(name, [args[0]!, p])} IS NOT NULL)`);
    // It stops reading once it has its answer: a text only starting as JSON may still answer.
    // It reads the whole document, even once it has its answer ('{"a": 1} x' is NULL for '$.a').
    return { sql: whereValid(args[0]!, `CASE WHEN ${doc(args[0]!)} IS NULL THEN NULL ELSE CAST((${found.join(mode === 'one' ? ' OR ' : ' AND ')}) AS INTEGER) END`), type: typeOf('int(1)', args[0]!.type.nullable) };
  },
  JSON_VALID(args, name) {
    arity(name, args, 1);
    // MariaDB takes "\x" and 1. as JSON: valid, though DuckDB cannot read them.
    return { sql: `CAST(${validDocument(args[0]!, true, true)} AS INTEGER)`, type: typeOf('int(1)', anyNullable(args)) };
  },
  ...JSON_BUILD_FUNCTIONS,
  ...JSON_INSPECT_FUNCTIONS,
  ...JSON_CONTAINS_FUNCTIONS,
};

/**
 * A JSON value (JSON_EXTRACT's) compared with a number, as MariaDB compares it: true is 1, false
 * and null 0, a string by its leading number, a number by its value (an array or object 0).
 */
export function jsonAsNumber(e: Emitted): string {
  const j = `CAST(${e.json ?? v(e)} AS JSON)`;
  const value = e.json ?? v(e);
  const leading = `coalesce(TRY_CAST(regexp_extract(json_extract_string(${j}, '$'), '^\\s*[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?', 0) AS DOUBLE), 0)`;
  return `CASE WHEN ${value} IS NULL THEN NULL WHEN json_type(${j}) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(CAST(${j} AS VARCHAR) AS DOUBLE) WHEN json_type(${j}) = 'BOOLEAN' THEN CASE WHEN CAST(${j} AS VARCHAR) = 'true' THEN 1 ELSE 0 END WHEN json_type(${j}) = 'VARCHAR' THEN ${leading} ELSE 0 END`;
}

/** A JSON value compared with a string, as MariaDB compares it: a JSON string unquoted, any other as its text (true is 'true'). */
export function jsonAsText(e: Emitted): string {
  return unquote(`CAST(${e.json ?? v(e)} AS VARCHAR)`);
}
