// The two sides of a MySQL comparison made ready for DuckDB to compare as MySQL would: a number
// with a string compares as numbers, JSON with a number as MySQL orders JSON, strings under PAD
// SPACE; and the text LIKE and REGEXP match a value by.
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { familyOf, NUMERIC_FAMILIES as NUMERIC, TEXT_FAMILIES as TEXTUAL } from './mysql-types.ts';
import { temporalComparable } from './temporal-compare.ts';
import { jsonAsNumber, jsonAsText } from './json-functions.ts';
import { collationKey, collationRules, comparisonCollation, DEFAULT_COLLATION } from './collation.ts';

const v = asValue;

/** Text for LIKE/REGEXP: MySQL matches a number by its decimal text. */
export function asText(e: Emitted): string {
  return TEXTUAL.has(familyOf(e.type)) || e.type.columnType === 'null' ? v(e) : `CAST(${v(e)} AS VARCHAR)`;
}

/**
 * Both sides ready to compare. MySQL compares a number with a string as numbers (DuckDB would
 * cast the string to the number's type and fail on 'abc'); dates with strings as dates.
 */
export function comparable(l: Emitted, r: Emitted, connection = DEFAULT_COLLATION, operation = '='): [string, string] {
  const temporal = temporalComparable(l, r);
  if (temporal) return temporal;
  // JSON_EXTRACT's value compares as JSON whatever text type carries it (`json`: the value found).
  const fl = l.json !== undefined ? 'json' : familyOf(l.type);
  const fr = r.json !== undefined ? 'json' : familyOf(r.type);
  const asNumber = (e: Emitted) => numberOf(e);
  const stringy = (f: string) => f === 'string' || f === 'binary';
  // A JSON value against a number compares as MySQL orders JSON (true is 1, false and null 0);
  // against a string, its unquoted text.
  if (fl === 'json' && NUMERIC.has(fr)) return [jsonAsNumber(l), v(r)];
  if (NUMERIC.has(fl) && fr === 'json') return [v(l), jsonAsNumber(r)];
  if (fl === 'json' && stringy(fr)) return [jsonAsText(l), v(r)];
  if (stringy(fl) && fr === 'json') return [v(l), jsonAsText(r)];
  if (NUMERIC.has(fl) && stringy(fr)) return [v(l), asNumber(r)];
  if (stringy(fl) && NUMERIC.has(fr)) return [asNumber(l), v(r)];
  if (fl === 'binary' && fr === 'binary') return [v(l), v(r)];
  if (stringy(fl) && stringy(fr)) {
    // Both sides by the one collation MySQL compares them under (dialect/collation.ts).
    const collation = comparisonCollation(l, r, connection, operation);
    return [keyOf(l, collation), keyOf(r, collation)];
  }
  return [v(l), v(r)];
}

/** A text operand's collation key (a binary string compares as its bytes). */
function keyOf(e: Emitted, collation: string): string {
  if (familyOf(e.type) === 'binary') return v(e);
  // Text against a binary string compares as its UTF-8 bytes.
  return collation === 'binary' ? `encode(${v(e)})` : collationKey(v(e), collation);
}

/** LIKE's two operands as keys of the collation they match under (binary strings as their bytes). */
export function likeOperands(l: Emitted, r: Emitted, escape: string, connection = DEFAULT_COLLATION): [string, string, string] {
  if (familyOf(l.type) === 'binary' || familyOf(r.type) === 'binary') return [asText(l), asText(r), escape];
  const collation = comparisonCollation(l, r, connection, 'like');
  // The key upper-cases a case-insensitive pattern: a letter as ESCAPE is upper-cased with it.
  const keyEscape = collationRules(collation).weights === 'codepoint' ? escape : escape.toUpperCase();
  return [collationKey(asText(l), collation, true), collationKey(asText(r), collation, true), keyEscape];
}

