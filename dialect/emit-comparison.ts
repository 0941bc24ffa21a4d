// The two sides of a MySQL comparison made ready for DuckDB to compare as MySQL would: a number
// with a string compares as numbers, JSON with a number as MySQL orders JSON, strings under PAD
// SPACE; and the text LIKE and REGEXP match a value by.
import { asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { stringLiteralValue } from './function-args.ts';
import { familyOf, NUMERIC_FAMILIES as NUMERIC, TEXT_FAMILIES as TEXTUAL } from './mysql-types.ts';

const v = asValue;

/** Text for LIKE/REGEXP: MySQL matches a number by its decimal text. */
export function asText(e: Emitted): string {
  return TEXTUAL.has(familyOf(e.type)) || e.type.columnType === 'null' ? v(e) : `CAST(${v(e)} AS VARCHAR)`;
}

/**
 * Both sides ready to compare. MySQL compares a number with a string as numbers (DuckDB would
 * cast the string to the number's type and fail on 'abc'); dates with strings as dates.
 */
export function comparable(l: Emitted, r: Emitted): [string, string] {
  const fl = familyOf(l.type);
  const fr = familyOf(r.type);
  const asNumber = (e: Emitted) => numberOf(e);
  const stringy = (f: string) => f === 'string' || f === 'binary';
  // A JSON value against a number compares as MySQL orders JSON: numbers by value, JSON null
  // below every number, strings, booleans, arrays and objects above.
  const jsonNumber = (e: Emitted) =>
    `CASE WHEN ${v(e)} IS NULL THEN NULL WHEN json_type(CAST(${v(e)} AS JSON)) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(CAST(${v(e)} AS VARCHAR) AS DOUBLE) WHEN json_type(CAST(${v(e)} AS JSON)) = 'NULL' THEN '-Infinity'::DOUBLE ELSE 'Infinity'::DOUBLE END`;
  if (fl === 'json' && NUMERIC.has(fr)) return [jsonNumber(l), v(r)];
  if (NUMERIC.has(fl) && fr === 'json') return [v(l), jsonNumber(r)];
  if (NUMERIC.has(fl) && stringy(fr)) return [v(l), asNumber(r)];
  if (stringy(fl) && NUMERIC.has(fr)) return [asNumber(l), v(r)];
  if (fl === 'string' && fr === 'string') return [padSpace(l), padSpace(r)];
  return [v(l), v(r)];
}

/**
 * Under MySQL's PAD SPACE collations trailing spaces do not count in a comparison; a string
 * literal's are dropped here. (A stored value's trailing spaces still count: DuckDB has no such
 * collation.)
 */
function padSpace(e: Emitted): string {
  const value = stringLiteralValue(e);
  return value?.endsWith(' ') ? quoteString(value.replace(/ +$/, '')) : v(e);
}
