// MySQL's date and time functions over DuckDB. A string argument is read as MySQL reads a date
// ('2024-01-05', '2024-01-05 10:11:12'); one that is not a date gives NULL, as MySQL does (with a
// warning). DATE_FORMAT maps each MySQL specifier to strftime or an expression.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';

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

/** A string literal argument's value (a format must be known when the statement is translated). */
function literalString(e: Emitted, fn: string): string {
  const value = stringLiteralValue(e);
  if (value === undefined) throw new DialectUnsupported(`${fn}() with a format that is not a string literal`);
  return value;
}

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
  M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S', U: '%U', u: '%W', v: '%V', W: '%A',
  w: '%w', x: '%G', Y: '%Y', y: '%y', '%': '%%',
  c: (ts) => `CAST(month(${ts}) AS VARCHAR)`,
  D: (ts) => `(CAST(day(${ts}) AS VARCHAR) || CASE WHEN day(${ts}) IN (11, 12, 13) THEN 'th' WHEN day(${ts}) % 10 = 1 THEN 'st' WHEN day(${ts}) % 10 = 2 THEN 'nd' WHEN day(${ts}) % 10 = 3 THEN 'rd' ELSE 'th' END)`,
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
    const mapped = SPECIFIERS[spec];
    if (mapped === undefined) {
      if (spec === 'V' || spec === 'X') throw new DialectUnsupported(`DATE_FORMAT's %${spec} (Sunday-first week numbering)`);
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

/** TIMESTAMPDIFF counts whole units (date_sub, not date_diff's boundary crossings). */
export function timestampDiff(unit: string, from: Emitted, to: Emitted): Emitted {
  const duck = UNITS[unit.toUpperCase()];
  if (!duck) throw new DialectUnsupported(`TIMESTAMPDIFF(${unit}, ...)`);
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
  DAYNAME: part((ts) => `dayname(${ts})`, 'varchar(9)'),
  MONTHNAME: part((ts) => `monthname(${ts})`, 'varchar(9)'),
  LAST_DAY: part((ts) => `last_day(${ts})`, 'date'),
  TO_DAYS: part((ts) => `(date_diff('day', DATE '0001-01-01', CAST(${ts} AS DATE)) + 366)`, 'bigint(20)'),
  DATE(args, name) {
    arity(name, args, 1);
    return { sql: asDate(args[0]!), type: typeOf('date', true) };
  },
  DATEDIFF(args, name) {
    arity(name, args, 2);
    return { sql: `date_diff('day', ${asDate(args[1]!)}, ${asDate(args[0]!)})`, type: typeOf('bigint(7)', true) };
  },
  UNIX_TIMESTAMP(args, name) {
    arity(name, args, 0, 1);
    if (args.length === 0) return { sql: 'CAST(epoch(now()) AS BIGINT)', type: typeOf('bigint(17)', false) };
    return { sql: `CAST(epoch(CAST(${asTimestamp(args[0]!)} AS TIMESTAMPTZ)) AS BIGINT)`, type: typeOf('bigint(17)', true) };
  },
  FROM_UNIXTIME(args, name) {
    arity(name, args, 1, 2);
    const ts = `CAST(to_timestamp(${v(args[0]!)}) AS TIMESTAMP_S)`;
    if (args.length === 1) return { sql: ts, type: typeOf('datetime', true) };
    return { sql: formatDate(ts, literalString(args[1]!, name)), type: typeOf('varchar(255)', true) };
  },
  DATE_FORMAT(args, name) {
    arity(name, args, 2);
    return { sql: formatDate(asTimestamp(args[0]!), literalString(args[1]!, name)), type: typeOf('varchar(255)', true) };
  },
};
