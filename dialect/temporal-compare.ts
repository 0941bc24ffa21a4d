// A DATE or DATETIME compared with an integer literal, as MySQL compares them: the number is read
// as the date it spells (19900228 is 1990-02-28, 20240229000000 is 2024-02-29 00:00:00) and the
// two compare as dates. (DuckDB cannot compare a DATE with an integer at all.) And a YEAR with a
// string literal: the literal is read as a YEAR is stored ('5' is 2005, '70' is 1970).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { familyOf } from './mysql-types.ts';
import { stringLiteralValue } from './function-args.ts';
import { parseTimeLiteral, timeMicros } from './time-values.ts';
import { comparedTemporalOperand, numberAsComparedDatetime } from './temporal-operand.ts';
import { packedComparedOperand, packedTemporal } from './packed-datetime.ts';
import { uncastSides } from './temporal-literal-side.ts';

const v = asValue;

/** The digits of an integer literal as emitted (`19900228`, `20240229000000::BIGINT`), or undefined. */
function integerLiteralDigits(e: Emitted): string | undefined {
  if (familyOf(e.type) !== 'int') return undefined;
  return /^(\d+)(?:::U?BIGINT)?$/.exec(e.sql)?.[1];
}

/** A two-digit year as MySQL reads it: 00-69 is 2000-2069, 70-99 is 1970-1999. */
const fullYear = (yy: string) => String(Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy));

/**
 * The date and time an integer spells as MySQL reads it (number_to_datetime): YYYYMMDD,
 * YYYYMMDDHHMMSS, YYMMDD or YYMMDDHHMMSS; refused for any other length or a date that is none.
 */
export function integerAsDatetime(digits: string): { date: string; time: string | null } {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2}))?$/.exec(digits.length === 6 || digits.length === 12 ? fullYear(digits.slice(0, 2)) + digits.slice(2) : digits);
  if (!m || (digits.length !== 8 && digits.length !== 14 && digits.length !== 6 && digits.length !== 12)) throw new DialectUnsupported(`comparing a date with the number ${digits} (not YYYYMMDD or YYYYMMDDHHMMSS)`);
  const [, y, mo, d, h, mi, s] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const valid = day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d);
  if (!valid || (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59))) throw new DialectUnsupported(`comparing a date with the number ${digits} (no such date)`);
  return { date: `${y}-${mo}-${d}`, time: h === undefined ? null : `${h}:${mi}:${s}` };
}

/**
 * Both sides ready to compare when one is a DATE or DATETIME and the other an integer literal;
 * undefined otherwise. A DATE meets a number with a time of day as a DATETIME.
 */
export function temporalComparable(l: Emitted, r: Emitted): [string, string] | undefined {
  const fl = familyOf(l.type);
  const fr = familyOf(r.type);
  if (fl === 'year' && stringLiteralValue(r) !== undefined) return [v(l), yearOf(stringLiteralValue(r)!)];
  if (fr === 'year' && stringLiteralValue(l) !== undefined) return [yearOf(stringLiteralValue(l)!), v(r)];
  // A TIME compares by its value (the store holds its text: '100:00:00' < '838:59:59' < '99:00:00' as text).
  if (fl === 'time' && (fr === 'time' || stringLiteralValue(r) !== undefined)) return [timeMicros(l, 'comparing a TIME').sql, timeOperand(r)];
  if (fr === 'time' && stringLiteralValue(l) !== undefined) return [timeOperand(l), timeMicros(r, 'comparing a TIME').sql];
  const temporal = (f: string) => f === 'date' || f === 'datetime';
  if (temporal(fl) && integerLiteralDigits(r) !== undefined && isPlainDate(integerLiteralDigits(r)!)) return pair(l, integerLiteralDigits(r)!);
  if (temporal(fr) && integerLiteralDigits(l) !== undefined && isPlainDate(integerLiteralDigits(l)!)) {
    const [b, a] = pair(r, integerLiteralDigits(l)!);
    return [a, b];
  }
  // A value that may be a date DuckDB cannot hold (2000-10-00) compares in packed form.
  const packedRight = temporal(fl) && !temporal(fr) ? packedComparedOperand(r) : undefined;
  if (packedRight !== undefined) return [packedTemporal(l), packedRight];
  const packedLeft = temporal(fr) && !temporal(fl) ? packedComparedOperand(l) : undefined;
  if (packedLeft !== undefined) return [packedLeft, packedTemporal(r)];
  // Any other string or number against a date compares as a DATETIME read by MySQL's rules.
  const right = temporal(fl) && !temporal(fr) ? comparedTemporalOperand(r) : undefined;
  if (right !== undefined) return uncastSides(l, right) ?? [`CAST(${v(l)} AS TIMESTAMP)`, right];
  const left = temporal(fr) && !temporal(fl) ? comparedTemporalOperand(l) : undefined;
  if (left !== undefined) {
    const uncast = uncastSides(r, left);
    return uncast ? [uncast[1], uncast[0]] : [left, `CAST(${v(r)} AS TIMESTAMP)`];
  }
  return undefined;
}

/**
 * A TIME's other side as microseconds: a TIME, or a string literal that is a time ('24:00:00',
 * '1 02:03'); one that is no time, or a DATETIME's text, compares otherwise in MySQL: refused.
 */
function timeOperand(e: Emitted): string {
  const text = stringLiteralValue(e);
  if (text !== undefined && (/^\s*\d{4}-\d{1,2}-\d{1,2}/.test(text) || parseTimeLiteral(text, 'comparing a TIME') === null)) throw new DialectUnsupported(`comparing a TIME with the string '${text}' (not a time)`);
  return timeMicros(e, 'comparing a TIME').sql;
}

/** Whether an integer literal is a real date MySQL reads the same way here (else temporal-operand.ts reads it). */
function isPlainDate(digits: string): boolean {
  return (digits.length === 8 || digits.length === 14) && typeof numberAsComparedDatetime(BigInt(digits)) === 'object';
}

/** The temporal value and the number's date, in the type they compare as. */
function pair(temporal: Emitted, digits: string): [string, string] {
  const { date, time } = integerAsDatetime(digits);
  if (familyOf(temporal.type) === 'date' && time === null) return [v(temporal), `DATE ${quoteString(date)}`];
  return [`CAST(${v(temporal)} AS TIMESTAMP)`, `TIMESTAMP ${quoteString(`${date} ${time ?? '00:00:00'}`)}`];
}

/** A string as MariaDB stores it in a YEAR: its leading digits, one or two of them a year in 1970-2069. */
function yearOf(text: string): string {
  const digits = /^\s*(\d+)/.exec(text)?.[1];
  if (digits === undefined) return '0';
  return digits.length > 2 ? String(Number(digits)) : fullYear(digits);
}
