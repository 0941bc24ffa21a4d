// MySQL's date functions over DuckDB: the current time (in the session's time zone), date parts,
// names, DATEDIFF/TIMESTAMPDIFF, UNIX_TIMESTAMP/FROM_UNIXTIME, WEEK/YEARWEEK (week-numbers.ts)
// and DATE_FORMAT (date-format.ts). Arguments are read as MySQL reads a date (date-args.ts). TIME
// functions are in time-functions.ts, day numbers and periods in calendar-functions.ts.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { fromUtc, sessionZone, toUtc } from './convert-tz.ts';
import { digitsOf, familyOf, typeOf } from './mysql-types.ts';
import { argumentFsp } from './temporal-values.ts';
import { formatDate } from './date-format.ts';
import { weekOf, yearWeekOf } from './week-numbers.ts';
import { asDate, asTimestamp } from './date-args.ts';
import { timePart } from './time-functions.ts';

export { asTimestamp, formatDate };

type Fn = FunctionTranslation;

const v = asValue;

/** WEEK()'s mode, an integer literal (0, the default_week_format, when omitted). */
function literalMode(e: Emitted | undefined, fn: string): number {
  if (!e) return 0;
  const mode = Number(e.sql);
  if (!/^\d+$/.test(e.sql) || !Number.isInteger(mode)) throw new DialectUnsupported(`${fn}() with a mode that is not an integer literal`);
  return mode;
}

/** A string literal argument's value (a format must be known when the statement is translated). */
function literalString(e: Emitted, fn: string): string {
  const value = stringLiteralValue(e);
  if (value === undefined) throw new DialectUnsupported(`${fn}() with a format that is not a string literal`);
  return value;
}

/** A date function's text result: MariaDB sends it with 0 decimals, not an expression's usual 39. */
const textPart = (sql: (ts: string) => string, columnType: string): Fn => (args, name) => {
  arity(name, args, 1);
  return { sql: sql(asTimestamp(args[0]!)), type: { ...typeOf(columnType, true), textDecimals: 0 } };
};

const formattedText = { ...typeOf('varchar(255)', true), textDecimals: 0 };

const part = (sql: (ts: string) => string, columnType: string): Fn => (args, name) => {
  arity(name, args, 1);
  return { sql: sql(asTimestamp(args[0]!)), type: typeOf(columnType, true) };
};

/** HOUR/MINUTE/SECOND/MICROSECOND: of a TIME (or a string literal read as one, '100:00:00') its own parts. */
const clockPart = (p: 'HOUR' | 'MINUTE' | 'SECOND' | 'MICROSECOND', sql: (ts: string) => string, columnType: string): Fn => (args, name, ctx) => {
  arity(name, args, 1);
  const a = args[0]!;
  if (familyOf(a.type) === 'time' || stringLiteralValue(a) !== undefined) return timePart(p, a);
  return part(sql, columnType)(args, name, ctx);
};

/** NOW()/SYSDATE() with an optional fractional-second precision. */
/** SQL: the current local time in the session's time zone, as a TIMESTAMP. */
const localNow = (ctx: FunctionContext) => `make_timestamp(${fromUtc('epoch_us(now())', sessionZone(ctx.systemVariable))})`;

function now(args: Emitted[], name: string, ctx: FunctionContext): Emitted {
  arity(name, args, 0, 1);
  const fsp = args[0] ? Number(args[0].sql) : 0;
  if (!Number.isInteger(fsp) || fsp < 0 || fsp > 6) throw new DialectUnsupported(`${name}() with a precision that is not a number 0-6`);
  const unit = fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP';
  return { sql: `CAST(${localNow(ctx)} AS ${unit})`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', false) };
}

const UNITS: Record<string, string> = { MICROSECOND: 'microsecond', SECOND: 'second', MINUTE: 'minute', HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

const MONTHS_PER: Record<string, number> = { month: 1, quarter: 3, year: 12 };

/**
 * TIMESTAMPDIFF in months, quarters or years as MySQL counts them: whole months from the earlier
 * to the later, less one when the later's day and time of day come before the earlier's (so
 * 2024-01-31 to 2024-02-29 is 0 months: DuckDB's date_sub calls it 1, a month end to a month
 * end); then the sign, and whole quarters or years of those months.
 */
function monthsDiff(from: string, to: string, per: number): string {
  const lo = 'least(iq_p[1], iq_p[2])';
  const hi = 'greatest(iq_p[1], iq_p[2])';
  const dayAndTime = (ts: string) => `strftime(${ts}, '%d%H%M%S%f')`;
  const months = `((year(${hi}) - year(${lo})) * 12 + month(${hi}) - month(${lo}) - CASE WHEN ${dayAndTime(hi)} < ${dayAndTime(lo)} THEN 1 ELSE 0 END)`;
  // least/greatest skip NULLs: a NULL end is a NULL difference first.
  const signed = `CASE WHEN iq_p[1] IS NULL OR iq_p[2] IS NULL THEN NULL WHEN iq_p[2] < iq_p[1] THEN -1 ELSE 1 END * (${months} // ${per})`;
  return `list_transform([[${from}, ${to}]], lambda iq_p: CAST(${signed} AS BIGINT))[1]`;
}

/** TIMESTAMPDIFF counts whole units (date_sub, not date_diff's boundary crossings; months as MySQL counts them). */
export function timestampDiff(unit: string, from: Emitted, to: Emitted): Emitted {
  const duck = UNITS[unit.toUpperCase()];
  if (!duck) throw new DialectUnsupported(`TIMESTAMPDIFF(${unit}, ...)`);
  const per = MONTHS_PER[duck];
  if (per) return { sql: monthsDiff(asTimestamp(from), asTimestamp(to), per), type: typeOf('bigint(21)', true) };
  return { sql: `date_sub('${duck}', ${asTimestamp(from)}, ${asTimestamp(to)})`, type: typeOf('bigint(21)', true) };
}

export const DATE_FUNCTIONS: Record<string, Fn> = {
  NOW: now,
  SYSDATE: now,
  CURRENT_TIMESTAMP: now,
  LOCALTIME: now,
  LOCALTIMESTAMP: now,
  CURDATE: (args, name, ctx) => (arity(name, args, 0), { sql: `CAST(${localNow(ctx)} AS DATE)`, type: typeOf('date', false) }),
  CURRENT_DATE: (args, name, ctx) => DATE_FUNCTIONS.CURDATE!(args, name, ctx),
  CURTIME(args, name, ctx) {
    arity(name, args, 0, 1);
    const fsp = args[0] ? Number(args[0].sql) : 0;
    if (!Number.isInteger(fsp) || fsp < 0 || fsp > 6) throw new DialectUnsupported(`${name}() with a precision that is not a number 0-6`);
    const ts = localNow(ctx);
    const cut = fsp === 0 ? `date_trunc('second', ${ts})` : fsp <= 3 ? `date_trunc('millisecond', ${ts})` : ts;
    return { sql: `CAST(${cut} AS TIME)`, type: typeOf(fsp ? `time(${fsp})` : 'time', false) };
  },
  CURRENT_TIME: (args, name, ctx) => DATE_FUNCTIONS.CURTIME!(args, name, ctx),
  UTC_TIMESTAMP: (args, name) => (arity(name, args, 0), { sql: "CAST(timezone('UTC', now()) AS TIMESTAMP_S)", type: typeOf('datetime', false) }),
  UTC_DATE: (args, name) => (arity(name, args, 0), { sql: "CAST(timezone('UTC', now()) AS DATE)", type: typeOf('date', false) }),
  YEAR: part((ts) => `year(${ts})`, 'int(4)'),
  MONTH: part((ts) => `month(${ts})`, 'int(2)'),
  QUARTER: part((ts) => `quarter(${ts})`, 'int(1)'),
  DAY: part((ts) => `day(${ts})`, 'int(2)'),
  DAYOFMONTH: part((ts) => `day(${ts})`, 'int(2)'),
  HOUR: clockPart('HOUR', (ts) => `hour(${ts})`, 'int(3)'),
  MINUTE: clockPart('MINUTE', (ts) => `minute(${ts})`, 'int(2)'),
  SECOND: clockPart('SECOND', (ts) => `second(${ts})`, 'int(2)'),
  MICROSECOND: clockPart('MICROSECOND', (ts) => `microsecond(${ts}) % 1000000`, 'bigint(6)'),
  DAYOFWEEK: part((ts) => `(dayofweek(${ts}) + 1)`, 'int(1)'),
  WEEKDAY: part((ts) => `(isodow(${ts}) - 1)`, 'int(1)'),
  DAYOFYEAR: part((ts) => `dayofyear(${ts})`, 'int(3)'),
  DAYNAME: textPart((ts) => `dayname(${ts})`, 'varchar(9)'),
  MONTHNAME: textPart((ts) => `monthname(${ts})`, 'varchar(9)'),
  LAST_DAY: part((ts) => `last_day(${ts})`, 'date'),
  TO_DAYS: part((ts) => `(date_diff('day', DATE '0001-01-01', CAST(${ts} AS DATE)) + 366)`, 'int(7)'),
  DATE(args, name) {
    arity(name, args, 1);
    return { sql: asDate(args[0]!), type: typeOf('date', true) };
  },
  DATEDIFF(args, name) {
    arity(name, args, 2);
    return { sql: `date_diff('day', ${asDate(args[1]!)}, ${asDate(args[0]!)})`, type: typeOf('int(7)', true) };
  },
  UNIX_TIMESTAMP(args, name, ctx) {
    arity(name, args, 0, 1);
    if (args.length === 0) return { sql: 'CAST(epoch(now()) AS BIGINT)', type: typeOf('bigint(17)', false) };
    const fsp = argumentFsp(args[0]!);
    // A TIMESTAMP's range (1970-01-01 00:00:00 to 2038-01-19 03:14:07.999999 UTC): NULL outside.
    // The argument is a local time in the session's zone.
    const micros = `list_transform([${toUtc(`epoch_us(${asTimestamp(args[0]!)})`, sessionZone(ctx.systemVariable))}], lambda iq_e: CASE WHEN iq_e >= 0 AND iq_e < 2147483648000000 THEN iq_e END)[1]`;
    if (fsp === 0) return { sql: `(${micros} // 1000000)`, type: typeOf('bigint(17)', true) };
    // Seconds with the argument's fraction digits, exactly (MySQL's DECIMAL result).
    return { sql: `CAST(CAST(${micros} AS DECIMAL(18,0)) * CAST('0.000001' AS DECIMAL(7,6)) AS DECIMAL(${17 + fsp},${fsp}))`, type: typeOf(`decimal(${17 + fsp},${fsp})`, true) };
  },
  FROM_UNIXTIME(args, name, ctx) {
    arity(name, args, 1, 2);
    // The seconds' fraction digits are the DATETIME's (FROM_UNIXTIME(1.5) is a DATETIME(1)).
    const fsp = Math.min(digitsOf(args[0]!.type).scale, 6);
    // Seconds within a TIMESTAMP's range (0 to 2^31 - 1, fraction and all); NULL outside.
    const n = v(args[0]!);
    // The instant as a local time in the session's zone.
    const utc = `CAST(CASE WHEN ${n} >= 0 AND ${n} < 2147483648 THEN CAST(${n} AS DECIMAL(38,6)) END * 1000000 AS BIGINT)`;
    const ts = `make_timestamp(${fromUtc(utc, sessionZone(ctx.systemVariable))})`;
    const held = fsp === 0 ? `CAST(${ts} AS TIMESTAMP_S)` : fsp <= 3 ? `CAST(${ts} AS TIMESTAMP_MS)` : ts;
    if (args.length === 1) return { sql: held, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
    return { sql: formatDate(held, literalString(args[1]!, name)), type: formattedText };
  },
  WEEK(args, name) {
    arity(name, args, 1, 2);
    return { sql: weekOf(asTimestamp(args[0]!), literalMode(args[1], name)), type: typeOf('int(2)', true) };
  },
  YEARWEEK(args, name) {
    arity(name, args, 1, 2);
    return { sql: yearWeekOf(asTimestamp(args[0]!), literalMode(args[1], name)), type: typeOf('int(6)', true) };
  },
  DATE_FORMAT(args, name) {
    arity(name, args, 2);
    return { sql: formatDate(asTimestamp(args[0]!), literalString(args[1]!, name)), type: formattedText };
  },
};
