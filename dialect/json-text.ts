// How MariaDB writes a SQL value into a JSON document it builds (JSON_OBJECT, JSON_ARRAY,
// JSON_ARRAYAGG, JSON_OBJECTAGG): NULL is null; a comparison or TRUE/FALSE is true/false; a number
// is its text as CONCAT writes it (a DECIMAL at its scale, a DOUBLE's shortest digits, 1e300);
// a value of JSON type (a JSON column, JSON_EXTRACT, JSON_OBJECT…) goes in as its own text,
// unchanged; anything else (text, dates, ENUM, SET) is a JSON string escaped as json_escape does.
import { DialectUnsupported } from './dialect-error.ts';
import { decimalText, floatingText } from './double-text.ts';
import { asValue, type Emitted } from './emitted.ts';
import { asMysqlText } from './temporal-values.ts';
import { charLength, familyOf, stringType, type ExprType } from './mysql-types.ts';

/**
 * SQL for the body of a JSON string holding `sql`'s text, as MariaDB's json_escape writes it:
 * `"` and `\` and the control characters escaped (\n \r \t \b \f by name, the others \u00XX in
 * upper-case hex); everything else, `/` and non-ASCII included, as it is.
 */
export function jsonEscaped(sql: string): string {
  const named = `replace(replace(replace(replace(replace(replace(replace(${sql}, '\\', '\\\\'), '"', '\\"'), chr(10), '\\n'), chr(13), '\\r'), chr(9), '\\t'), chr(8), '\\b'), chr(12), '\\f')`;
  // The other control characters are rare: only a text holding one is taken apart per character.
  const each = `list_aggr(list_transform(string_split(${named}, ''), lambda c: CASE WHEN ord(c) < 32 THEN '\\u00' || upper(lpad(format('{:x}', ord(c)), 2, '0')) ELSE c END), 'string_agg', '')`;
  return `CASE WHEN regexp_matches(${sql}, '[\\x00-\\x07\\x0b\\x0e-\\x1f]') THEN ${each} ELSE ${named} END`;
}

/** SQL for a JSON string literal of `sql`'s text ("…" with its escapes); NULL stays NULL. */
export const jsonStringSql = (sql: string): string => `('"' || ${jsonEscaped(sql)} || '"')`;

/** Whether MariaDB splices the value into a document as JSON (its type is JSON) rather than quoting it. */
export const isJsonTyped = (e: Emitted): boolean => isJsonType(e.type);
const isJsonType = (t: ExprType): boolean => familyOf(t) === 'json' || t.jsonText === true;

/** SQL for the JSON text MariaDB writes for the value inside a document it builds (never NULL: null). */
export function jsonValueSql(e: Emitted, fn: string): string {
  const f = familyOf(e.type);
  if (f === 'null') return `'null'`;
  if (e.bool) return `CASE WHEN (${e.sql}) IS NULL THEN 'null' WHEN (${e.sql}) THEN 'true' ELSE 'false' END`;
  if (isJsonTyped(e)) return `coalesce(${asValue(e)}, 'null')`;
  let text: string;
  switch (f) {
    case 'int':
    case 'year':
      text = `CAST(${asValue(e)} AS VARCHAR)`;
      break;
    case 'decimal':
    case 'float':
    case 'double': {
      const t = floatingText(e) ?? decimalText(e);
      if (t === undefined) throw new DialectUnsupported(`${fn}() of the number ${e.type.columnType} (its text is not known exactly)`);
      text = t;
      break;
    }
    case 'string':
    case 'date':
    case 'datetime':
    case 'time': {
      const s = asMysqlText(e);
      text = jsonStringSql(familyOf(s.type) === 'string' ? asValue(s) : `CAST(${asValue(s)} AS VARCHAR)`);
      break;
    }
    default:
      throw new DialectUnsupported(`${fn}() of a value of type ${e.type.columnType || 'unknown'} (binary strings and untyped values are not written as MariaDB writes them)`);
  }
  return `coalesce(${text}, 'null')`;
}

/**
 * The characters MariaDB reserves for a value inside a built document (Item_func_json_array's
 * fix_length_and_dec): a string twice its length (escapes), a boolean 5, anything else its own
 * length, and never less than 4 ('null').
 */
export function jsonValueLength(e: Emitted): number {
  const f = familyOf(e.type);
  const own = ownLength(e.type);
  const n = e.bool ? 5 : f === 'string' && !isJsonTyped(e) ? own * 2 : own;
  return Math.max(n, 4);
}

/** A value's length in characters, a JSON column's being LONGTEXT's. */
export const ownLength = (t: ExprType): number => (familyOf(t) === 'json' ? 4294967295 : charLength(t));

/** A computed JSON text of this many characters, typed as MariaDB sends it (VARCHAR or a BLOB by length), spliced as JSON when nested. */
export function builtJsonType(chars: number, nullable: boolean): ExprType {
  return { columnType: stringType(Math.min(chars, 4294967295)), nullable, jsonText: true };
}

/**
 * IF, IFNULL, COALESCE, CASE and UNION keep the JSON type where every branch that is not NULL has it
 * (MariaDB's type aggregation): the answer nested in a document goes in as JSON.
 */
export function chosenJson(branches: (Emitted | ExprType)[]): Pick<ExprType, 'jsonText'> {
  const known = branches.map((b) => ('sql' in b ? b.type : b)).filter((t) => familyOf(t) !== 'null');
  return known.length > 0 && known.every(isJsonType) ? { jsonText: true } : {};
}
