// A date function's argument as DuckDB's TIMESTAMP or DATE: a DATE or DATETIME as it is, an integer
// literal as the date it spells (20240229), a string parsed (NULL when it is not a date).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { familyOf, NUMERIC_FAMILIES } from './mysql-types.ts';
import { integerAsDatetime } from './temporal-compare.ts';
import { stringLiteralValue } from './function-args.ts';
import { parseDatetimeLiteral } from './datetime-literal.ts';

const v = asValue;

/** The argument as a DuckDB TIMESTAMP (strings parsed; NULL when not a date). */
export function asTimestamp(e: Emitted): string {
  const f = familyOf(e.type);
  if (f === 'datetime') return `CAST(${v(e)} AS TIMESTAMP)`;
  if (f === 'date') return `CAST(${v(e)} AS TIMESTAMP)`;
  if (f === 'null') return 'CAST(NULL AS TIMESTAMP)';
  // An integer literal is the date it spells (20240229); another number's reading depends on its value.
  const digits = f === 'int' ? /^(\d+)(?:::U?BIGINT)?$/.exec(e.sql)?.[1] : undefined;
  if (digits) {
    const { date, time } = integerAsDatetime(digits);
    return `TIMESTAMP ${quoteString(`${date} ${time ?? '00:00:00'}`)}`;
  }
  // A TIME is a DATETIME on the current date only in some functions; a number by its digits.
  if (f === 'time' || NUMERIC_FAMILIES.has(f)) throw new DialectUnsupported(`a ${f === 'time' ? 'TIME' : 'number'} value where a date is expected`);
  // A string literal is read now, as MySQL reads it ('2024/01/31', '240131').
  const literal = stringLiteralValue(e);
  if (literal !== undefined) {
    const dt = parseDatetimeLiteral(literal);
    if (dt === 'refused') throw new DialectUnsupported(`the string '${literal}' as a date (MySQL's reading of it depends on the function)`);
    return dt === null ? 'CAST(NULL AS TIMESTAMP)' : `TIMESTAMP ${quoteString(dt.text)}`;
  }
  return textAsTimestamp(v(e));
}

/**
 * SQL: a string (not a literal) read as a DATETIME where DuckDB's cast reads it as MySQL does:
 * 'YYYY-MM-DD[ HH:MM:SS[.ffffff]]' with real parts (a day its month lacks is NULL in both).
 * or its digits alone ('20240131'). Text with no digit is NULL, as in MySQL; any other form
 * ('24-01-31', ' 2024-01-31', '2024-01-31 24:00:00', which DuckDB reads otherwise) is refused when met.
 */
export function textAsTimestamp(text: string): string {
  const day = '[0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])';
  const clock = '([01]?[0-9]|2[0-3]):[0-5]?[0-9](:[0-5]?[0-9]([.][0-9]{1,6})?)?';
  const pattern = `${day}([ T]${clock})?`;
  // Digits alone are YYYYMMDD or YYYYMMDDHHMMSS, written out as the form DuckDB reads.
  const sub = (from: number, n: number) => `substr(iq_t, ${from}, ${n})`;
  const spelled = `CASE WHEN regexp_full_match(iq_t, '[0-9]{8}([0-9]{6})?') THEN ${sub(1, 4)} || '-' || ${sub(5, 2)} || '-' || ${sub(7, 2)} || CASE WHEN length(iq_t) = 14 THEN ' ' || ${sub(9, 2)} || ':' || ${sub(11, 2)} || ':' || ${sub(13, 2)} ELSE '' END ELSE iq_t END`;
  const read = `CASE WHEN regexp_full_match(iq_n, '${pattern}') AND NOT starts_with(iq_n, '0000') THEN TRY_CAST(iq_n AS TIMESTAMP) ELSE error('instaquery cannot read the string ''' || iq_n || ''' as a date as MySQL does') END`;
  return `list_transform([CAST(${text} AS VARCHAR)], lambda iq_t: CASE WHEN iq_t IS NULL OR NOT regexp_matches(iq_t, '[0-9]') THEN NULL ELSE list_transform([${spelled}], lambda iq_n: ${read})[1] END)[1]`;
}

export function asDate(e: Emitted): string {
  return familyOf(e.type) === 'date' ? v(e) : `CAST(${asTimestamp(e)} AS DATE)`;
}

