// MySQL's date and time functions over DuckDB. A string argument is read as MySQL reads a date
// ('2024-01-05', '2024-01-05 10:11:12'); one that is not a date gives NULL, as MySQL does (with a
// warning). DATE_FORMAT maps each MySQL specifier to strftime or an expression.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { digitsOf, familyOf, typeOf } from './mysql-types.ts';
import { argumentFsp } from './temporal-values.ts';

type Fn = FunctionTranslation;

const v = asValue;

/** The argument as a DuckDB TIMESTAMP (strings parsed; NULL when not a date). */
export function asTimestamp(e: Emitted): string {
  const f = familyOf(e.type);
  if (f === 'datetime') return `CAST(${v(e)} AS TIMESTAMP)`;
  if (f === 'date') return `CAST(${v(e)} AS TIMESTAMP)`;
  return `TRY_CAST(${v(e)} AS TIMESTAMP)`;
}

function asDate(e: Emitted): string {
  return familyOf(e.type) === 'date' ? v(e) : `CAST(${asTimestamp(e)} AS DATE)`;
}

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

/** NOW()/SYSDATE() with an optional fractional-second precision. */
function now(args: Emitted[], name: string): Emitted {
  arity(name, args, 0, 1);
  const fsp = args[0] ? Number(args[0].sql) : 0;
  if (!Number.isInteger(fsp) || fsp < 0 || fsp > 6) throw new DialectUnsupported(`${name}() with a precision that is not a number 0-6`);
  const unit = fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP';
  return { sql: `CAST(CAST(now() AS TIMESTAMP) AS ${unit})`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', false) };
}

/** MySQL DATE_FORMAT specifiers: strftime's where they agree, expressions where they do not. */
const SPECIFIERS: Record<string, string | ((ts: string) => string)> = {
  a: '%a', b: '%b', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j', k: '%-H', l: '%-I',
  M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S', W: '%A',
  w: '%w', Y: '%Y', y: '%y', '%': '%%',
  c: (ts) => `CAST(month(${ts}) AS VARCHAR)`,
  D: (ts) => `(CAST(day(${ts}) AS VARCHAR) || CASE WHEN day(${ts}) IN (11, 12, 13) THEN 'th' WHEN day(${ts}) % 10 = 1 THEN 'st' WHEN day(${ts}) % 10 = 2 THEN 'nd' WHEN day(${ts}) % 10 = 3 THEN 'rd' ELSE 'th' END)`,
};

// MySQL's week numbering (sql-common calc_week): the mode's bits say whether weeks start on
// Monday (1), whether a week before week 1 counts in the year before (2, else it is week 0),
// and whether week 1 is the first with the first day of the week in it (4, else the first with
// 4 days or more of the year).
const WEEK_MONDAY_FIRST = 1;
const WEEK_YEAR = 2;
const WEEK_FIRST_WEEKDAY = 4;

/** WEEK()'s mode 0-7 as calc_week's behaviour bits (MySQL's week_mode()). */
function weekBehaviour(mode: number): number {
  const m = mode & 7;
  return m & WEEK_MONDAY_FIRST ? m : m ^ WEEK_FIRST_WEEKDAY;
}

/** The first day of week 1 of year `y` (SQL), under these behaviour bits. */
function weekOneStart(y: string, behaviour: number): string {
  const jan1 = `make_date(${y}, 1, 1)`;
  const wd = behaviour & WEEK_MONDAY_FIRST ? `(isodow(${jan1}) - 1)` : `dayofweek(${jan1})`;
  const late = behaviour & WEEK_FIRST_WEEKDAY ? `${wd} <> 0` : `${wd} >= 4`;
  return `(${jan1} + CAST(CASE WHEN ${late} THEN 7 - ${wd} ELSE -${wd} END AS INTEGER))`;
}

/**
 * The week (and the year it belongs to) of a DATE under these behaviour bits, as MySQL's
 * calc_week numbers it: days before week 1 are week 0, or the last week of the year before;
 * with WEEK_YEAR, days from the next year's week 1 on are its week 1.
 */
function calcWeek(date: string, behaviour: number): { week: string; year: string } {
  const bind = (body: string) => `list_transform([${date}], lambda iq_d: ${body})[1]`;
  const y = 'year(iq_d)';
  const start = weekOneStart(y, behaviour);
  const prevStart = weekOneStart(`${y} - 1`, behaviour);
  const nextStart = weekOneStart(`${y} + 1`, behaviour);
  const weeksFrom = (s: string) => `(date_diff('day', ${s}, iq_d) // 7 + 1)`;
  const weekYear = (behaviour & WEEK_YEAR) !== 0;
  const before = weekYear ? weeksFrom(prevStart) : '0';
  const week = `CASE WHEN iq_d < ${start} THEN ${before}${weekYear ? ` WHEN iq_d >= ${nextStart} THEN 1` : ''} ELSE ${weeksFrom(start)} END`;
  const year = `CASE WHEN iq_d < ${start} THEN ${weekYear ? `${y} - 1` : y}${weekYear ? ` WHEN iq_d >= ${nextStart} THEN ${y} + 1` : ''} ELSE ${y} END`;
  return { week: bind(`CAST(${week} AS BIGINT)`), year: bind(`CAST(${year} AS BIGINT)`) };
}

/** WEEK(d, mode) of a DuckDB timestamp. */
export function weekOf(ts: string, mode: number): string {
  return calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(mode)).week;
}

/** YEARWEEK(d, mode): the year the week belongs to, times 100, plus the week (WEEK_YEAR always). */
function yearWeekOf(ts: string, mode: number): string {
  const { week, year } = calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(mode) | WEEK_YEAR);
  return `(${year} * 100 + ${week})`;
}

/** DATE_FORMAT's week specifiers: %U %u %V %v are WEEK modes 0 1 2 3; %X %x the years of 2 and 3. */
const WEEK_SPECIFIERS: Record<string, (ts: string) => string> = {
  U: (ts) => `lpad(CAST(${weekOf(ts, 0)} AS VARCHAR), 2, '0')`,
  u: (ts) => `lpad(CAST(${weekOf(ts, 1)} AS VARCHAR), 2, '0')`,
  V: (ts) => `lpad(CAST(${weekOf(ts, 2)} AS VARCHAR), 2, '0')`,
  v: (ts) => `lpad(CAST(${weekOf(ts, 3)} AS VARCHAR), 2, '0')`,
  X: (ts) => `lpad(CAST(${calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(2)).year} AS VARCHAR), 4, '0')`,
  x: (ts) => `lpad(CAST(${calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(3)).year} AS VARCHAR), 4, '0')`,
};

export function formatDate(ts: string, format: string): string {
  const parts: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) parts.push(`strftime(${ts}, ${quoteString(pending)})`);
    pending = '';
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      pending += ch === '%' ? '%%' : ch;
      continue;
    }
    const spec = format[++i]!;
    const mapped = WEEK_SPECIFIERS[spec] ?? SPECIFIERS[spec];
    if (mapped === undefined) {
      pending += spec; // MySQL prints an unknown specifier's letter
    } else if (typeof mapped === 'string') pending += mapped;
    else {
      flush();
      parts.push(mapped(ts));
    }
  }
  flush();
  return parts.length === 0 ? "''" : parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
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
  CURDATE: (args, name) => (arity(name, args, 0), { sql: 'CAST(CAST(now() AS TIMESTAMP) AS DATE)', type: typeOf('date', false) }),
  CURRENT_DATE: (args, name, ctx) => DATE_FUNCTIONS.CURDATE!(args, name, ctx),
  CURTIME(args, name) {
    arity(name, args, 0, 1);
    const fsp = args[0] ? Number(args[0].sql) : 0;
    if (!Number.isInteger(fsp) || fsp < 0 || fsp > 6) throw new DialectUnsupported(`${name}() with a precision that is not a number 0-6`);
    const ts = 'CAST(now() AS TIMESTAMP)';
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
  HOUR: part((ts) => `hour(${ts})`, 'int(3)'),
  MINUTE: part((ts) => `minute(${ts})`, 'int(2)'),
  SECOND: part((ts) => `second(${ts})`, 'int(2)'),
  MICROSECOND: part((ts) => `microsecond(${ts}) % 1000000`, 'bigint(6)'),
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
  UNIX_TIMESTAMP(args, name) {
    arity(name, args, 0, 1);
    if (args.length === 0) return { sql: 'CAST(epoch(now()) AS BIGINT)', type: typeOf('bigint(17)', false) };
    const fsp = argumentFsp(args[0]!);
    const micros = `epoch_us(CAST(${asTimestamp(args[0]!)} AS TIMESTAMPTZ))`;
    if (fsp === 0) return { sql: `(${micros} // 1000000)`, type: typeOf('bigint(17)', true) };
    // Seconds with the argument's fraction digits, exactly (MySQL's DECIMAL result).
    return { sql: `CAST(CAST(${micros} AS DECIMAL(18,0)) * CAST('0.000001' AS DECIMAL(7,6)) AS DECIMAL(${17 + fsp},${fsp}))`, type: typeOf(`decimal(${17 + fsp},${fsp})`, true) };
  },
  FROM_UNIXTIME(args, name) {
    arity(name, args, 1, 2);
    // The seconds' fraction digits are the DATETIME's (FROM_UNIXTIME(1.5) is a DATETIME(1)).
    const fsp = Math.min(digitsOf(args[0]!.type).scale, 6);
    const ts = `CAST(to_timestamp(${v(args[0]!)}) AS TIMESTAMP)`;
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
