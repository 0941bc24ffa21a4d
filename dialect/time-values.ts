// MySQL TIME values over DuckDB. A TIME spans -838:59:59.999999..838:59:59.999999, beyond DuckDB's
// TIME, so the store holds a TIME column as its MySQL text ('-01:00:00', '838:59:59',
// '12:00:00.500'); the dialect computes on a signed count of microseconds (BIGINT) and writes
// TIME results back as that same text, clamped to the range and cut (not rounded) to the
// result's fraction digits, as MariaDB does.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { stringLiteralValue } from './function-args.ts';
import { familyOf, typeOf, type ExprType } from './mysql-types.ts';
import { fspOf } from './temporal-values.ts';

const v = asValue;

export const MICROS_PER_SECOND = 1_000_000;
/** 838:59:59 in seconds: the largest whole TIME. */
export const TIME_MAX_SECONDS = 838 * 3600 + 59 * 60 + 59;

/** A TIME(fsp) type as MySQL describes it. */
export const timeType = (fsp: number, nullable = true): ExprType => typeOf(fsp ? `time(${fsp})` : 'time', nullable);

/** A literal read as a TIME: its microseconds and fraction digits, or null where MySQL reads NULL. */
export interface TimeLiteral {
  micros: bigint;
  fsp: number;
}

const SPACES = /^[ \t\n\v\f\r]*|[ \t\n\v\f\r]*$/g;

/**
 * A string as MySQL's str_to_time reads it: `[-][D ]H:MM[:SS[.f]]`, `[-]HHMMSS[.f]` (digits from
 * the right: '1230' is 00:12:30), or a DATETIME's time of day ('2024-01-31 10:11:12'). Minutes or
 * seconds beyond 59 are NULL; hours beyond 838 clamp to 838:59:59; a fraction is cut to 6 digits.
 * Text with nothing of a time in it is NULL; anything else MySQL would read only in part (with a
 * warning) is refused rather than guessed.
 */
export function parseTimeLiteral(raw: string, fn: string): TimeLiteral | null {
  const s = raw.replace(SPACES, '');
  if (!/\d/.test(s)) return null;
  const datetime = /^\d{4}-\d{1,2}-\d{1,2}[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d*))?$/.exec(s);
  const colon = /^(-)?(?:(\d+) +)?(\d+):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?$/.exec(s);
  const digits = /^(-)?(\d+)(?:\.(\d*))?$/.exec(s);
  let neg = false;
  let h: number;
  let m: number;
  let sec: number;
  let frac: string;
  if (datetime) [h, m, sec, frac] = [Number(datetime[1]), Number(datetime[2]), Number(datetime[3]), datetime[4] ?? ''];
  else if (colon) {
    neg = colon[1] === '-';
    h = Number(colon[3]) + 24 * Number(colon[2] ?? 0);
    [m, sec, frac] = [Number(colon[4]), Number(colon[5] ?? 0), colon[6] ?? ''];
  } else if (digits) {
    neg = digits[1] === '-';
    const n = digits[2]!.padStart(6, '0');
    [h, m, sec, frac] = [Number(n.slice(0, -4)), Number(n.slice(-4, -2)), Number(n.slice(-2)), digits[3] ?? ''];
  } else throw new DialectUnsupported(`${fn}() of the string '${raw}' (MySQL reads only part of it as a time)`);
  if (m > 59 || sec > 59) return null;
  const fsp = Math.min(frac.length, 6);
  let micros = BigInt(h * 3600 + m * 60 + sec) * 1_000_000n + BigInt((frac.slice(0, 6) || '0').padEnd(6, '0'));
  const max = BigInt(TIME_MAX_SECONDS) * 1_000_000n + 999_999n;
  if (micros > max) micros = max;
  return { micros: neg ? -micros : micros, fsp };
}

/** SQL: a TIME's text ('[-]h:mm:ss[.f]', also DuckDB's TIME printed) as its signed microseconds. */
export function timeTextMicros(text: string): string {
  const parts = `lambda iq_p: CAST(iq_p[1] AS BIGINT) * 3600000000 + CAST(iq_p[2] AS BIGINT) * 60000000 + CAST(CAST(iq_p[3] AS DECIMAL(8,6)) * 1000000 AS BIGINT)`;
  return `list_transform([CAST(${text} AS VARCHAR)], lambda iq_t: CASE WHEN iq_t IS NULL THEN NULL ELSE (CASE WHEN starts_with(iq_t, '-') THEN -1 ELSE 1 END) * list_transform([string_split(ltrim(iq_t, '-'), ':')], ${parts})[1] END)[1]`;
}

/** SQL: a DuckDB TIMESTAMP's time of day in microseconds. */
export const timeOfDayMicros = (ts: string): string => `(epoch_us(${ts}) - epoch_us(date_trunc('day', ${ts})))`;

/**
 * A value read as a TIME (Item::get_time): its microseconds as SQL and its fraction digits. A TIME
 * as it is; a DATETIME or DATE its time of day; a string literal as str_to_time reads it. Any
 * other string or a number is refused: MySQL's reading of those depends on the value.
 */
export function timeMicros(e: Emitted, fn: string): { sql: string; fsp: number } {
  const f = familyOf(e.type);
  if (f === 'time') return { sql: timeTextMicros(v(e)), fsp: fspOf(e.type) };
  if (f === 'datetime') return { sql: timeOfDayMicros(`CAST(${v(e)} AS TIMESTAMP)`), fsp: fspOf(e.type) };
  if (f === 'date') return { sql: `CASE WHEN ${v(e)} IS NULL THEN NULL ELSE CAST(0 AS BIGINT) END`, fsp: 0 };
  if (f === 'null') return { sql: 'CAST(NULL AS BIGINT)', fsp: 0 };
  const literal = stringLiteralValue(e);
  if (literal !== undefined) {
    const t = parseTimeLiteral(literal, fn);
    return t ? { sql: `CAST(${t.micros} AS BIGINT)`, fsp: t.fsp } : { sql: 'CAST(NULL AS BIGINT)', fsp: 6 };
  }
  throw new DialectUnsupported(`${fn}() of a ${f === 'string' || f === 'binary' ? 'string' : f} value that is not a TIME (MySQL reads it as a time by its value)`);
}

/** The largest TIME(fsp) in microseconds: 838:59:59 and the fraction's digits all nines. */
export const timeMaxMicros = (fsp: number): bigint => BigInt(TIME_MAX_SECONDS) * 1_000_000n + (1_000_000n - 10n ** BigInt(6 - fsp));

/**
 * SQL: signed microseconds as a TIME(fsp)'s MySQL text: the sign, at least two digits of hours,
 * then minutes, seconds and exactly fsp fraction digits, cut toward zero (-0.5 s as a TIME(0) is
 * '-00:00:00', as MariaDB keeps the sign); beyond the range it is the range's end.
 */
export function timeText(micros: string, fsp: number): string {
  const max = timeMaxMicros(fsp);
  const step = 10 ** (6 - fsp);
  // printf, not lpad: lpad cuts a longer text ('838' to '83').
  const pad = (x: string, n: number) => `printf('%0${n}d', ${x})`;
  const a = 'iq_a[1]';
  const fraction = fsp ? ` || '.' || left(${pad(`${a} % 1000000`, 6)}, ${fsp})` : '';
  // The sign stays while the cut value is not zero (-0.5 s as a TIME(0) is '00:00:00').
  const body = `CASE WHEN iq_a[2] < 0 AND iq_a[1] > 0 THEN '-' ELSE '' END || ${pad(`${a} // 3600000000`, 2)} || ':' || ${pad(`${a} // 60000000 % 60`, 2)} || ':' || ${pad(`${a} // 1000000 % 60`, 2)}${fraction}`;
  const cut = step === 1 ? 'abs(iq_u)' : `abs(iq_u) // ${step} * ${step}`;
  return `list_transform([${micros}], lambda iq_u: CASE WHEN iq_u IS NULL THEN NULL ELSE list_transform([[least(${cut}, ${max}), iq_u]], lambda iq_a: ${body})[1] END)[1]`;
}

/** A TIME(fsp) result from signed microseconds. */
export function timeResult(micros: string, fsp: number, nullable = true): Emitted {
  return { sql: timeText(micros, fsp), type: timeType(fsp, nullable) };
}

/** SQL: microseconds of TIME (a TIME's text) after a DATE's midnight: MySQL's TIME to DATETIME, on the current date. */
export function timeOnCurrentDate(micros: string): string {
  return `(CAST(CAST(CAST(now() AS TIMESTAMP) AS DATE) AS TIMESTAMP) + to_microseconds(${micros}))`;
}
