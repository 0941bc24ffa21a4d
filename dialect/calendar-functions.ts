// MySQL's day-number and period functions over DuckDB: MAKEDATE, FROM_DAYS, TO_SECONDS,
// PERIOD_ADD, PERIOD_DIFF and WEEKOFYEAR, plus STR_TO_DATE (dialect/str-to-date.ts). Day numbers
// count from year 0 as MySQL's calc_daynr does (0001-01-01 is day 366); a date MariaDB answers
// that DuckDB cannot hold ('0000-00-00' from FROM_DAYS(100)) is refused when met.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { anyNullable, arity, type FunctionTranslation } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';
import { asTimestamp } from './date-args.ts';
import { strToDate } from './str-to-date.ts';
import { weekOf } from './week-numbers.ts';

type Fn = FunctionTranslation;

const v = asValue;

/** An integer argument as MySQL's val_int reads it (a DECIMAL rounded); any other kind is refused. */
function integerArg(e: Emitted, fn: string): string {
  const f = familyOf(e.type);
  if (f === 'int' || f === 'year' || f === 'null') return `CAST(${v(e)} AS BIGINT)`;
  if (f === 'decimal') return `CAST(round(${v(e)}) AS BIGINT)`;
  throw new DialectUnsupported(`${fn}() of a ${f} value (MySQL reads it as an integer by its value)`);
}

/** A two-digit year as MySQL completes it: 0-69 is 2000-2069, 70-99 is 1970-1999. */
const fullYear = (y: string) => `CASE WHEN ${y} < 70 THEN ${y} + 2000 WHEN ${y} < 100 THEN ${y} + 1900 ELSE ${y} END`;

/** MAKEDATE(year, day of year): NULL for a day below 1 or a date past 9999. */
function makeDate(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const y = integerArg(args[0]!, name);
  const d = integerArg(args[1]!, name);
  const date = `(make_date(CAST(${fullYear('iq_m[1]')} AS BIGINT), 1, 1) + CAST(iq_m[2] - 1 AS INTEGER))`;
  const body = `CASE WHEN iq_m[1] IS NULL OR iq_m[2] IS NULL OR iq_m[2] < 1 OR iq_m[1] < 0 OR iq_m[1] > 9999 OR iq_m[2] > 3660000 THEN NULL WHEN year(${date}) > 9999 THEN NULL ELSE ${date} END`;
  return { sql: `list_transform([[${y}, ${d}]], lambda iq_m: ${body})[1]`, type: typeOf('date', true) };
}

/** FROM_DAYS(n): the date of day n; below day 366 or past 9999-12-31 MariaDB answers '0000-00-00'. */
function fromDays(args: Emitted[], name: string): Emitted {
  arity(name, args, 1);
  const n = integerArg(args[0]!, name);
  const body = `CASE WHEN iq_n IS NULL THEN NULL WHEN iq_n < 366 OR iq_n > 3652424 THEN error('instaquery cannot hold the date 0000-00-00 that MariaDB''s FROM_DAYS(' || iq_n || ') gives') ELSE DATE '0001-01-01' + CAST(iq_n - 366 AS INTEGER) END`;
  const text = `CASE WHEN iq_n IS NULL THEN NULL WHEN iq_n < 366 OR iq_n > 3652424 THEN '0000-00-00' ELSE CAST(DATE '0001-01-01' + CAST(iq_n - 366 AS INTEGER) AS VARCHAR) END`;
  return { sql: `list_transform([${n}], lambda iq_n: ${body})[1]`, type: typeOf('date', true), outputText: `list_transform([${n}], lambda iq_n: ${text})[1]` };
}

/** A period (YYMM or YYYYMM) as months since year 0, as convert_period_to_month does. */
const periodMonths = (p: string) => `CASE WHEN ${p} = 0 THEN 0 ELSE ${fullYear(`${p} // 100`)} * 12 + ${p} % 100 - 1 END`;

/** Months since year 0 as a period YYYYMM (convert_month_to_period). */
const monthsPeriod = (m: string) => `CASE WHEN ${m} = 0 THEN 0 ELSE ${fullYear(`${m} // 12`)} * 100 + ${m} % 12 + 1 END`;

function periodAdd(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const [p, n] = [integerArg(args[0]!, name), integerArg(args[1]!, name)];
  // MariaDB computes in unsigned numbers: a negative period or sum wraps around, refused here.
  const body = `CASE WHEN iq_q[1] IS NULL OR iq_q[2] IS NULL THEN NULL WHEN iq_q[1] < 0 OR (iq_q[1] <> 0 AND ${periodMonths('iq_q[1]')} + iq_q[2] < 0) THEN error('instaquery cannot add to a period below 0 as MariaDB does') WHEN iq_q[1] = 0 THEN 0 ELSE ${monthsPeriod(`(${periodMonths('iq_q[1]')} + iq_q[2])`)} END`;
  return { sql: `list_transform([[${p}, ${n}]], lambda iq_q: CAST(${body} AS BIGINT))[1]`, type: typeOf('int(6)', anyNullable(args)) };
}

function periodDiff(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const [a, b] = [integerArg(args[0]!, name), integerArg(args[1]!, name)];
  const body = `CASE WHEN iq_q[1] < 0 OR iq_q[2] < 0 THEN error('instaquery cannot subtract a period below 0 as MariaDB does') ELSE ${periodMonths('iq_q[1]')} - ${periodMonths('iq_q[2]')} END`;
  return { sql: `list_transform([[${a}, ${b}]], lambda iq_q: CAST(${body} AS BIGINT))[1]`, type: typeOf('int(6)', anyNullable(args)) };
}

/** TO_SECONDS(x): seconds since year 0 (day 1 is 0000-01-01), the fraction dropped. */
function toSeconds(args: Emitted[], name: string): Emitted {
  arity(name, args, 1);
  const ts = asTimestamp(args[0]!);
  const days = `(date_diff('day', DATE '0001-01-01', CAST(${ts} AS DATE)) + 366)`;
  return { sql: `(CAST(${days} AS BIGINT) * 86400 + CAST((epoch_us(${ts}) - epoch_us(date_trunc('day', ${ts}))) // 1000000 AS BIGINT))`, type: typeOf('bigint(12)', true) };
}

export const CALENDAR_FUNCTIONS: Record<string, Fn> = {
  MAKEDATE: makeDate,
  FROM_DAYS: fromDays,
  PERIOD_ADD: periodAdd,
  PERIOD_DIFF: periodDiff,
  TO_SECONDS: toSeconds,
  WEEKOFYEAR: (args, name) => (arity(name, args, 1), { sql: weekOf(asTimestamp(args[0]!), 3), type: typeOf('int(2)', true) }),
  STR_TO_DATE: strToDate,
};
