// The other side of a comparison with a DATE or DATETIME, read as MySQL reads it there: MariaDB
// compares the two as DATETIMEs, a string read as a date ('2024-02-29', '2024-02-29 10:00:00',
// '20240229'), a number as YYYYMMDD[hhmmss] (240229 is 2024-02-29). A value that is no date (text
// without a digit, month 13, 25:00:00, the number 7, a negative number) reads as the zero date
// 0000-00-00 (with a warning), which is below every date: here a TIMESTAMP in 2 BC (DuckDB cannot compare '-infinity' with a DATE). A value that
// is a date MySQL can compare but DuckDB cannot hold (a zero month or day, February 30) is refused,
// at translation for a literal, at run time (DuckDB `error()`) otherwise. Comparisons only: a date
// function reads the same text otherwise (dialect/date-args.ts).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { familyOf, NUMERIC_FAMILIES } from './mysql-types.ts';
import { stringLiteralValue } from './function-args.ts';
import { parseDatetimeLiteral } from './datetime-literal.ts';

/** A value as the DATETIME MySQL compares it as: its text, the zero date, or one not held here. */
export type ComparedDatetime = { text: string } | 'zero' | 'refused';

const ZERO_SQL = 'make_timestamp(-1, 1, 1, 0, 0, 0)';

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const pad = (n: number | bigint, w = 2) => String(n).padStart(w, '0');

/**
 * A whole number as MySQL's number_to_datetime reads it: YYMMDD, YYYYMMDD, YYMMDDhhmmss or
 * YYYYMMDDhhmmss in the ranges MySQL takes (00-69 is 20xx); 0, a negative number or one in none
 * of the ranges is the zero date.
 */
export function numberAsComparedDatetime(nr: bigint): ComparedDatetime {
  const full = numberAsDatetimeDigits(nr);
  if (typeof full !== 'bigint') return full;
  const part = (div: bigint) => Number((full / div) % 100n);
  return partsAsDatetime(Number(full / 10000000000n), part(100000000n), part(1000000n), part(10000n), part(100n), part(1n), '');
}

/** A whole number as the YYYYMMDDhhmmss digits number_to_datetime reads from it, before its parts are checked. */
export function numberAsDatetimeDigits(nr: bigint): bigint | 'zero' | 'refused' {
  let full: bigint;
  if (nr <= 0n) return 'zero';
  if (nr >= 10000101000000n) full = nr;
  else if (nr < 101n) return 'zero';
  else if (nr <= 691231n) full = (nr + 20000000n) * 1000000n;
  else if (nr < 700101n) return 'zero';
  else if (nr <= 991231n) full = (nr + 19000000n) * 1000000n;
  else if (nr < 10000101n) return 'zero';
  else if (nr <= 99991231n) full = nr * 1000000n;
  else if (nr < 101000000n) return 'zero';
  else if (nr <= 691231235959n) full = nr + 20000000000000n;
  else if (nr < 700101000000n) return 'zero';
  else if (nr <= 991231235959n) full = nr + 19000000000000n;
  // 13 digits: MySQL reads a year below 1000 from them; not done here.
  else return 'refused';
  return full > 99991231235959n ? 'zero' : full;
}

/** The parts checked as MySQL checks a compared date: out of range is zero, a zero part or a day the month lacks refused. */
function partsAsDatetime(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string): ComparedDatetime {
  if (mo > 12 || d > 31 || h > 23 || mi > 59 || s > 59) return 'zero';
  if (y === 0 && mo === 0 && d === 0 && h === 0 && mi === 0 && s === 0 && !/[1-9]/.test(frac)) return 'zero';
  if (y === 0 || mo === 0 || d === 0 || d > daysIn(y, mo)) return 'refused';
  return { text: `${pad(y, 4)}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}.${frac.padEnd(6, '0')}` };
}

// The text forms read here, the same in the literal reader and the run-time one.
export const DASHED = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,6}))?)?)?$/;
export const DIGITS = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/;
/**
 * Text with at most two runs of digits, none longer than 4 ('12.5abc', '2024-05', '12:30'): too
 * few parts for str_to_datetime to read a date from (a 5-or-more digit run reads as packed
 * digits), so MariaDB compares it as the zero date (checked against MariaDB 10.11).
 */
export const TOO_FEW_PARTS = /^[^0-9]*[0-9]{1,4}(?:[^0-9]+[0-9]{1,4})?[^0-9]*$/;

/** A string as MySQL's str_to_datetime reads it where a date is compared with it. */
export function textAsComparedDatetime(text: string): ComparedDatetime {
  if (!/\d/.test(text) || TOO_FEW_PARTS.test(text)) return 'zero';
  const m = DASHED.exec(text) ?? DIGITS.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
    return partsAsDatetime(y, mo, d, h, mi, s, m[7] ?? '');
  }
  // Other forms MySQL reads ('2024/01/31', '24-01-31'), where they are a real date.
  const other = parseDatetimeLiteral(text);
  return other && other !== 'refused' ? { text: other.text } : 'refused';
}

/** SQL binding `value` once as `name` in `body` (DuckDB has no LET: a one-element list). */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], lambda ${name}: ${body})[1]`;

/** SQL: a TIMESTAMP from `y`..`s` SQL integers, by partsAsDatetime's rule (`refusal`: the error's text). */
function partsSql(y: string, mo: string, d: string, h: string, mi: string, s: string, frac: string, refusal: string): string {
  const zeroAll = `(${y} = 0 AND ${mo} = 0 AND ${d} = 0 AND ${h} = 0 AND ${mi} = 0 AND ${s} = 0 AND NOT regexp_matches(${frac}, '[1-9]'))`;
  const lacking = `(${y} = 0 OR ${mo} = 0 OR ${d} = 0 OR ${d} > day(last_day(make_date(CAST(${y} AS INTEGER), CAST(${mo} AS INTEGER), 1))))`;
  return `CASE WHEN ${mo} > 12 OR ${d} > 31 OR ${h} > 23 OR ${mi} > 59 OR ${s} > 59 OR ${zeroAll} THEN ${ZERO_SQL} WHEN ${lacking} THEN error(${refusal}) ELSE make_timestamp(CAST(${y} AS BIGINT), CAST(${mo} AS BIGINT), CAST(${d} AS BIGINT), CAST(${h} AS BIGINT), CAST(${mi} AS BIGINT), CAST(${s} AS DOUBLE) + CAST(rpad(${frac}, 6, '0') AS INTEGER) / 1000000.0) END`;
}

/** SQL: a whole number (SQL of any integer type) as the TIMESTAMP MySQL compares it as. */
function wholeNumberSql(n: string): string {
  const refusal = `'instaquery cannot compare a date with the number ' || CAST(iq_d AS VARCHAR) || ' as MySQL does (a date with a zero part or a day its month lacks)'`;
  const full = `CASE WHEN iq_d <= 0 THEN -1 WHEN iq_d >= 10000101000000 THEN CASE WHEN iq_d > 99991231235959 THEN -1 ELSE iq_d END WHEN iq_d < 101 THEN -1 WHEN iq_d <= 691231 THEN (iq_d + 20000000) * 1000000 WHEN iq_d < 700101 THEN -1 WHEN iq_d <= 991231 THEN (iq_d + 19000000) * 1000000 WHEN iq_d < 10000101 THEN -1 WHEN iq_d <= 99991231 THEN iq_d * 1000000 WHEN iq_d < 101000000 THEN -1 WHEN iq_d <= 691231235959 THEN iq_d + 20000000000000 WHEN iq_d < 700101000000 THEN -1 WHEN iq_d <= 991231235959 THEN iq_d + 19000000000000 ELSE error('instaquery cannot compare a date with the number ' || CAST(iq_d AS VARCHAR) || ' as MySQL does (13 digits)') END`;
  const part = (div: string) => `((iq_f // ${div}) % 100)`;
  const parts = partsSql('(iq_f // 10000000000)', part('100000000'), part('1000000'), part('10000'), part('100'), part('1'), "''", refusal);
  return bind(`CAST(${n} AS HUGEINT)`, 'iq_d', `CASE WHEN iq_d IS NULL THEN NULL ELSE ${bind(full, 'iq_f', `CASE WHEN iq_f < 0 THEN ${ZERO_SQL} ELSE ${parts} END`)} END`);
}

/** SQL: a number of any type as the TIMESTAMP MySQL compares it as (a fraction of a real date refused when met). */
function numberSql(e: Emitted): string {
  if (familyOf(e.type) === 'int') return wholeNumberSql(asValue(e));
  // A fraction is the date's microseconds, unless the whole part is no date (2.5 is the zero date).
  const whole = `CASE WHEN abs(iq_x) >= 1e15 THEN -1 ELSE CAST(trunc(iq_x) AS HUGEINT) END`;
  const fraction = `CASE WHEN iq_x < 0 OR ${wholeNumberSql(whole)} = ${ZERO_SQL} THEN ${ZERO_SQL} ELSE error('instaquery cannot compare a date with the number ' || CAST(iq_x AS VARCHAR) || ' as MySQL does (a fraction of a second)') END`;
  return bind(asValue(e), 'iq_x', `CASE WHEN iq_x IS NULL THEN NULL WHEN abs(iq_x) >= 1e15 OR iq_x < 0 THEN ${ZERO_SQL} WHEN iq_x = trunc(iq_x) THEN ${wholeNumberSql(whole)} ELSE ${fraction} END`);
}

/** SQL: text (not a literal) as the TIMESTAMP MySQL compares it as, by textAsComparedDatetime's forms. */
function textSql(text: string): string {
  const refusal = `'instaquery cannot compare a date with the string ''' || iq_s || ''' as MySQL does'`;
  // RE2 reads the same patterns: one pattern, one meaning, at both times.
  const extract = (re: RegExp, names: string) => `regexp_extract(iq_s, '${re.source}', [${names}])`;
  const n = (field: string) => `CAST(coalesce(nullif(iq_p.${field}, ''), '0') AS INTEGER)`;
  const parts = (frac: string) => partsSql(n('y'), n('mo'), n('d'), n('h'), n('mi'), n('s'), frac, refusal);
  const dashed = bind(extract(DASHED, "'y', 'mo', 'd', 'h', 'mi', 's', 'f'"), 'iq_p', parts('iq_p.f'));
  const digits = bind(extract(DIGITS, "'y', 'mo', 'd', 'h', 'mi', 's'"), 'iq_p', parts("''"));
  return bind(`CAST(${text} AS VARCHAR)`, 'iq_s', `CASE WHEN iq_s IS NULL THEN NULL WHEN NOT regexp_matches(iq_s, '[0-9]') OR regexp_matches(iq_s, '${TOO_FEW_PARTS.source}') THEN ${ZERO_SQL} WHEN regexp_matches(iq_s, '${DASHED.source}') THEN ${dashed} WHEN regexp_matches(iq_s, '${DIGITS.source}') THEN ${digits} ELSE error(${refusal}) END`);
}

/** SQL of a literal's reading (refused at translation where DuckDB cannot hold the date). */
function readingSql(reading: ComparedDatetime, shown: string): string {
  if (reading === 'refused') throw new DialectUnsupported(`comparing a date with ${shown} (a date with a zero part, a day its month lacks, or a form not read here)`);
  return reading === 'zero' ? ZERO_SQL : `TIMESTAMP ${quoteString(reading.text)}`;
}

/** The other side of a comparison with a DATE or DATETIME as a TIMESTAMP; undefined for a type compared otherwise. */
export function comparedTemporalOperand(other: Emitted): string | undefined {
  const f = familyOf(other.type);
  if (other.json !== undefined) return undefined;
  if (f === 'string' || f === 'binary') {
    const literal = stringLiteralValue(other);
    if (literal !== undefined) return readingSql(textAsComparedDatetime(literal), `the string '${literal}'`);
    return textSql(asValue(other));
  }
  if (f === 'year' || !NUMERIC_FAMILIES.has(f)) return undefined;
  const digits = f === 'int' ? /^(\d+)(?:::U?BIGINT)?$/.exec(other.sql)?.[1] : undefined;
  if (digits !== undefined) return readingSql(numberAsComparedDatetime(BigInt(digits)), `the number ${digits}`);
  return numberSql(other);
}
