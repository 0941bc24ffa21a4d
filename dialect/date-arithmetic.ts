// date ± INTERVAL n unit (DATE_ADD, DATE_SUB, ADDDATE, SUBDATE, TIMESTAMPADD, `d + INTERVAL`) as
// MySQL computes it: a DATE stays a DATE for whole days or more, a DATETIME keeps its fraction
// digits (6 with microseconds), a TIME stays a TIME, a string gives a string; months clamp to
// the month's end; a result outside years 1-9999 is NULL. Compound units read their amount as
// dialect/interval-units.ts does ('1 02:03:04' DAY_SECOND).
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { stringLiteralValue } from './function-args.ts';
import { compoundAmount, isCompoundUnit } from './interval-units.ts';
import { asTimestamp } from './date-args.ts';
import { digitsOf, familyOf, typeOf } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';
import { argumentFsp, fspOf } from './temporal-values.ts';
import { timeMaxMicros, timeMicros, timeResult } from './time-values.ts';

type Node = any;

const v = asValue;

/** Each unit, and (bound) more of it than 10000 years hold: past that the result is NULL whatever the date. */
const SIMPLE_UNITS: Record<string, { duck: string; dateKeeps: boolean; micros?: bigint; bound: bigint }> = {
  MICROSECOND: { duck: 'MICROSECOND', dateKeeps: false, micros: 1n, bound: 316_000_000_000_000_000n },
  SECOND: { duck: 'SECOND', dateKeeps: false, micros: 1_000_000n, bound: 316_000_000_000n },
  MINUTE: { duck: 'MINUTE', dateKeeps: false, micros: 60_000_000n, bound: 5_260_000_000n },
  HOUR: { duck: 'HOUR', dateKeeps: false, micros: 3_600_000_000n, bound: 87_700_000n },
  DAY: { duck: 'DAY', dateKeeps: true, micros: 86_400_000_000n, bound: 3_653_000n },
  WEEK: { duck: 'WEEK', dateKeeps: true, micros: 604_800_000_000n, bound: 522_000n },
  MONTH: { duck: 'MONTH', dateKeeps: true, bound: 120_000n },
  QUARTER: { duck: 'QUARTER', dateKeeps: true, bound: 40_000n },
  YEAR: { duck: 'YEAR', dateKeeps: true, bound: 10_000n },
};

/** Microseconds and months a compound amount may hold before its result is NULL whatever the date. */
const MICROS_BOUND = 316_000_000_000_000_000n;
const MONTHS_BOUND = 120_000n;

/** A simple unit's amount as MySQL's val_int reads it: a DECIMAL rounded, a string literal's leading integer. */
function wholeAmount(amount: Emitted, unit: string): string {
  const f = familyOf(amount.type);
  if (f === 'int' || f === 'year' || f === 'null') return `CAST(${v(amount)} AS BIGINT)`;
  if (f === 'decimal') {
    // SECOND keeps a fraction (INTERVAL 1.5 SECOND is 1.5 s), which these steps do not hold.
    if (unit === 'SECOND' && digitsOf(amount.type).scale > 0) throw new DialectUnsupported('INTERVAL with a fractional number of seconds');
    return `CAST(round(${v(amount)}) AS BIGINT)`;
  }
  const literal = stringLiteralValue(amount);
  const leading = literal === undefined ? undefined : /^\s*([-+]?\d+)(?:\.\d*)?\s*$/.exec(literal)?.[1];
  if (leading !== undefined) return `CAST(${BigInt(leading)} AS BIGINT)`;
  throw new DialectUnsupported(`INTERVAL ... ${unit} with an amount that is not a number`);
}

interface Step {
  /** DuckDB INTERVAL SQL, or null for an amount MySQL reads as NULL. */
  interval: string | null;
  /** The step in microseconds (for a TIME), when it is a fixed length. */
  micros?: string;
  dateKeeps: boolean;
  microseconds: boolean;
}

function stepOf(exprs: ExpressionEmitter, interval: Node, sign: number): Step {
  const unit = String(interval.unit).toUpperCase();
  const microseconds = unit.endsWith('MICROSECOND');
  if (isCompoundUnit(unit)) {
    const amount = compoundAmount(unit, exprs.emit(interval.expr));
    if (amount === null) return { interval: null, micros: 'CAST(NULL AS BIGINT)', dateKeeps: unit === 'YEAR_MONTH', microseconds };
    const beyond = 'months' in amount ? amount.months > MONTHS_BOUND || amount.months < -MONTHS_BOUND : amount.micros > MICROS_BOUND || amount.micros < -MICROS_BOUND;
    if (beyond) return { interval: null, micros: 'CAST(NULL AS BIGINT)', dateKeeps: unit === 'YEAR_MONTH', microseconds };
    if ('months' in amount) return { interval: `to_months(CAST(${BigInt(sign) * amount.months} AS INTEGER))`, dateKeeps: true, microseconds };
    const micros = `CAST(${BigInt(sign) * amount.micros} AS BIGINT)`;
    return { interval: `to_microseconds(${micros})`, micros, dateKeeps: false, microseconds };
  }
  const simple = SIMPLE_UNITS[unit];
  if (!simple) throw new DialectUnsupported(`INTERVAL ... ${unit}`);
  // An amount past the bound would leave DuckDB's range (an error there); its result is NULL.
  const n = `list_transform([${sign} * ${wholeAmount(exprs.emit(interval.expr), unit)}], lambda iq_n: CASE WHEN abs(iq_n) <= ${simple.bound} THEN iq_n END)[1]`;
  return { interval: `${n} * INTERVAL 1 ${simple.duck}`, micros: simple.micros === undefined ? undefined : `(${n} * ${simple.micros})`, dateKeeps: simple.dateKeeps, microseconds };
}

/** A DATE or TIMESTAMP result within MySQL's years 1-9999, else NULL. */
const inRange = (sql: string) => `list_transform([${sql}], lambda iq_r: CASE WHEN year(iq_r) BETWEEN 1 AND 9999 THEN iq_r END)[1]`;

/** date ± INTERVAL n unit (`sign` -1 subtracts). */
export function dateArithmetic(exprs: ExpressionEmitter, date: Emitted, interval: Node, sign: number): Emitted {
  const step = stepOf(exprs, interval, sign);
  const f = familyOf(date.type);
  if (f === 'time') return timeArithmetic(date, step, String(interval.unit).toUpperCase());
  // NULL + INTERVAL is a NULL string, as for any string.
  if (f === 'string' || f === 'unknown' || f === 'null') {
    // A string in, a string out: a date stays a date ('2024-01-31' + 1 MONTH = '2024-02-29')
    // when the step is whole days or more; anything else prints as a DATETIME.
    // The DATETIME prints as many fraction digits as MySQL gives the result: a literal's own,
    // 6 for any other string or a microsecond step. MariaDB sends it as CHAR with those decimals.
    const fsp = step.microseconds ? 6 : f === 'null' ? 0 : argumentFsp(date);
    const type = { ...typeOf(`char(${fsp ? 20 + fsp : 19})`, true), textDecimals: fsp };
    if (step.interval === null) return { sql: 'CAST(NULL AS VARCHAR)', type };
    const s = `CAST(${v(date)} AS VARCHAR)`;
    // The string read as MySQL reads a date (dialect/date-args.ts), not as DuckDB's cast would.
    const read = f === 'null' ? 'CAST(NULL AS TIMESTAMP)' : asTimestamp(date);
    const shifted = inRange(`${read} + ${step.interval}`);
    const asDatetime = fsp ? `left(strftime(${shifted}, '%Y-%m-%d %H:%M:%S.%f'), ${20 + fsp})` : `strftime(${shifted}, '%Y-%m-%d %H:%M:%S')`;
    const sql = step.dateKeeps ? `(CASE WHEN length(trim(${s})) <= 10 THEN CAST(${inRange(`CAST(CAST(${read} AS DATE) + ${step.interval} AS DATE)`)} AS VARCHAR) ELSE ${asDatetime} END)` : asDatetime;
    return { sql, type };
  }
  const base = f === 'date' || f === 'datetime' ? v(date) : `CAST(${v(date)} AS TIMESTAMP)`;
  if (f === 'date' && step.dateKeeps) return { sql: step.interval === null ? 'CAST(NULL AS DATE)' : inRange(`CAST(${base} + ${step.interval} AS DATE)`), type: typeOf('date', true) };
  const fsp = step.microseconds ? 6 : f === 'datetime' ? fspOf(date.type) : 0;
  const type = typeOf(fsp ? `datetime(${fsp})` : 'datetime', true);
  if (step.interval === null) return { sql: 'CAST(NULL AS TIMESTAMP)', type };
  return { sql: inRange(`(CAST(${base} AS TIMESTAMP) + ${step.interval})`), type };
}

/**
 * TIME ± INTERVAL: a TIME, NULL past 838:59:59.999999. MariaDB writes a zero reached from a
 * negative TIME as '-00:00:00', which this text cannot say: refused at run time.
 */
function timeArithmetic(time: Emitted, step: Step, unit: string): Emitted {
  if (step.micros === undefined) throw new DialectUnsupported(`TIME + INTERVAL ... ${unit}`);
  const t = timeMicros(time, 'TIME + INTERVAL');
  const fsp = step.microseconds ? 6 : t.fsp;
  const max = timeMaxMicros(6);
  const sum = `list_transform([[${t.sql}, ${t.sql} + ${step.micros}]], lambda iq_s: CASE WHEN abs(iq_s[2]) > ${max} THEN NULL WHEN iq_s[2] = 0 AND iq_s[1] < 0 THEN error('instaquery cannot write a negative TIME plus an INTERVAL that is zero as MariaDB does (-00:00:00)') ELSE iq_s[2] END)[1]`;
  return timeResult(sum, fsp);
}
