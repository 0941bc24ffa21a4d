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

/** A JSON value as MySQL's JSON_UNQUOTE gives it: a JSON string unquoted, anything else as text. */
function unquote(sql: string): string {
  return `CASE WHEN ${sql} IS NULL THEN NULL WHEN length(${sql}) >= 2 AND starts_with(${sql}, '"') AND ends_with(${sql}, '"') THEN json_extract_string(CAST(${sql} AS JSON), '$') ELSE ${sql} END`;
}

export const JSON_FUNCTIONS: Record<string, Fn> = {
  JSON_EXTRACT(args, name) {
    arity(name, args, 2);
    return { sql: `CAST(${extract(name, args)} AS VARCHAR)`, type: typeOf('json', true) };
  },
  JSON_UNQUOTE(args, name) {
    arity(name, args, 1);
    return { sql: unquote(text(args[0]!)), type: typeOf('longtext', args[0]!.type.nullable) };
  },
  JSON_VALUE(args, name) {
    arity(name, args, 2);
    return { sql: unquote(`CAST(${extract(name, args)} AS VARCHAR)`), type: typeOf('longtext', true) };
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
  JSON_VALID(args, name) {
    arity(name, args, 1);
    return { sql: `CAST(json_valid(${text(args[0]!)}) AS INTEGER)`, type: typeOf('int(1)', anyNullable(args)) };
  },
};
