// MySQL's JSON functions over DuckDB's json extension. Paths are MySQL's (`$`, `.key`, `."key"`,
// `[n]`), which DuckDB reads alike; wildcards and ranges are refused. A document that is not JSON
// fails, as in MySQL (error 3141 there). Objects and arrays come back compact (`{"a":1}`), where
// MySQL writes `{"a": 1}`: scalars, which apps compare and show, are identical.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { anyNullable, arity, stringLiteralValue, text, type FunctionTranslation } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';

type Fn = FunctionTranslation;

const v = asValue;

/** The document as DuckDB JSON. */
const doc = (e: Emitted): string => (familyOf(e.type) === 'json' ? `CAST(${v(e)} AS JSON)` : `CAST(${text(e)} AS JSON)`);

function path(name: string, e: Emitted): string {
  const p = stringLiteralValue(e);
  if (p === undefined) throw new DialectUnsupported(`${name}() with a path that is not a string literal`);
  if (!/^\$(\.[A-Za-z_$][\w$]*|\."(?:[^"\\]|\\.)*"|\[\d+\])*$/.test(p)) throw new DialectUnsupported(`${name}() with the path '${p}' (wildcards, ranges and last are not served)`);
  return quoteString(p);
}

const extract = (name: string, args: Emitted[]) => `json_extract(${doc(args[0]!)}, ${path(name, args[1]!)})`;

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

export const JSON_FUNCTIONS: Record<string, Fn> = {
  JSON_EXTRACT(args, name) {
    arity(name, args, 2);
    return { sql: extractText(name, args), type: typeOf('json', true), json: `CAST(${extract(name, args)} AS VARCHAR)` };
  },
  JSON_UNQUOTE(args, name) {
    arity(name, args, 1);
    return { sql: unquote(text(args[0]!)), type: typeOf('longtext', args[0]!.type.nullable) };
  },
  JSON_VALUE(args, name) {
    arity(name, args, 2);
    return { sql: unquote(extractText(name, args)), type: typeOf('longtext', true) };
  },
  JSON_LENGTH(args, name) {
    arity(name, args, 1, 2);
    const j = args.length === 2 ? extract(name, args) : doc(args[0]!);
    return {
      sql: `CASE WHEN ${j} IS NULL THEN NULL WHEN json_type(${j}) = 'ARRAY' THEN json_array_length(${j}) WHEN json_type(${j}) = 'OBJECT' THEN len(json_keys(${j})) ELSE 1 END`,
      type: typeOf('int(10)', true),
    };
  },
  JSON_TYPE(args, name) {
    arity(name, args, 1);
    const j = doc(args[0]!);
    // DuckDB types every non-negative JSON integer UBIGINT; MySQL calls any integer INTEGER.
    const kinds = `CASE json_type(${j}) WHEN 'VARCHAR' THEN 'STRING' WHEN 'BIGINT' THEN 'INTEGER' WHEN 'UBIGINT' THEN 'INTEGER' WHEN 'NULL' THEN 'NULL' ELSE json_type(${j}) END`;
    return { sql: kinds, type: typeOf('varchar(51)', anyNullable(args)) };
  },
  JSON_CONTAINS_PATH(args, name) {
    if (args.length < 3) throw new DialectUnsupported(`${name}() with fewer than 3 arguments`);
    const mode = stringLiteralValue(args[1]!)?.toLowerCase();
    if (mode !== 'one' && mode !== 'all') throw new DialectUnsupported(`${name}() with a mode that is not the literal 'one' or 'all'`);
    const found = args.slice(2).map((p) => `json_exists(${doc(args[0]!)}, ${path(name, p)})`);
    return { sql: `CAST((${found.join(mode === 'one' ? ' OR ' : ' AND ')}) AS INTEGER)`, type: typeOf('int(1)', args[0]!.type.nullable) };
  },
  JSON_VALID(args, name) {
    arity(name, args, 1);
    return { sql: `CAST(json_valid(${text(args[0]!)}) AS INTEGER)`, type: typeOf('int(1)', anyNullable(args)) };
  },
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
