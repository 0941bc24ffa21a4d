// MySQL arithmetic as DuckDB SQL: + - * / DIV % MOD with MySQL's result types (integer, exact
// DECIMAL or DOUBLE) and NULL for a zero divisor, and date arithmetic with INTERVAL, which keeps a
// DATE when MySQL does and answers a string for a string.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { decimalType, digitsOf, familyOf, isUnsigned, NULL_TYPE, NUMERIC_FAMILIES as NUMERIC, typeOf, UNKNOWN } from './mysql-types.ts';
import type { ExpressionEmitter } from './emit-expression.ts';

type Node = any;

const v = asValue;

const INTERVAL_UNITS: Record<string, { duck: string; dateKeeps: boolean }> = {
  MICROSECOND: { duck: 'MICROSECOND', dateKeeps: false },
  SECOND: { duck: 'SECOND', dateKeeps: false },
  MINUTE: { duck: 'MINUTE', dateKeeps: false },
  HOUR: { duck: 'HOUR', dateKeeps: false },
  DAY: { duck: 'DAY', dateKeeps: true },
  WEEK: { duck: 'WEEK', dateKeeps: true },
  MONTH: { duck: 'MONTH', dateKeeps: true },
  QUARTER: { duck: 'QUARTER', dateKeeps: true },
  YEAR: { duck: 'YEAR', dateKeeps: true },
};

/**
 * l op r for + - * / DIV % MOD as MySQL types the result: integers stay integers (64 bits,
 * unsigned when either side is), exact numbers stay exact DECIMAL, anything else is DOUBLE; a
 * zero divisor gives NULL.
 */
export function arithmetic(op: string, l: Emitted, r: Emitted): Emitted {
  const nullable = l.type.nullable || r.type.nullable || op === '/' || op === 'DIV' || op === '%' || op === 'MOD';
  const fl = familyOf(l.type);
  const fr = familyOf(r.type);
  if (fl === 'null' || fr === 'null') return { sql: 'NULL', type: NULL_TYPE };
  if (fl === 'unknown' || fr === 'unknown') {
    const a = v(l);
    const b = v(r);
    const sql = op === '/' ? `(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0))` : op === 'DIV' ? `CAST(trunc(${a} / nullif(${b}, 0)) AS BIGINT)` : op === '%' || op === 'MOD' ? `(${a} % nullif(${b}, 0))` : `(${a} ${op} ${b})`;
    return { sql, type: UNKNOWN };
  }
  const numeric = (e: Emitted, f: string) => (NUMERIC.has(f) ? v(e) : numberOf(e));
  const a = numeric(l, fl);
  const b = numeric(r, fr);
  const exact = (f: string) => f === 'int' || f === 'decimal' || f === 'year';
  const bothInt = (fl === 'int' || fl === 'year') && (fr === 'int' || fr === 'year');
  const bothExact = exact(fl) && exact(fr);
  const dl = digitsOf(l.type);
  const dr = digitsOf(r.type);
  const unsigned = isUnsigned(l.type) || isUnsigned(r.type);
  switch (op) {
    case '+':
    case '-':
    case '*': {
      if (bothInt) {
        // BIGINT UNSIGNED values pass 2^63: work in HUGEINT, as MySQL works in 64 unsigned bits.
        const wide = unsigned ? 'HUGEINT' : 'BIGINT';
        return { sql: `(CAST(${a} AS ${wide}) ${op} CAST(${b} AS ${wide}))`, type: typeOf(unsigned && op !== '-' ? 'bigint unsigned' : 'bigint', nullable) };
      }
      if (bothExact) {
        const type = op === '*' ? decimalType(dl.int + dr.int, dl.scale + dr.scale) : decimalType(Math.max(dl.int, dr.int) + 1, Math.max(dl.scale, dr.scale));
        return { sql: `(${a} ${op} ${b})`, type: typeOf(type, nullable) };
      }
      return { sql: `(CAST(${a} AS DOUBLE) ${op} CAST(${b} AS DOUBLE))`, type: typeOf('double', nullable) };
    }
    case '/': {
      const sql = `(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0))`;
      // MySQL divides exact numbers exactly, to div_precision_increment (4) more digits.
      if (bothExact) return { sql, type: typeOf(decimalType(dl.int + dr.scale, dl.scale + 4), nullable) };
      return { sql, type: typeOf('double', nullable) };
    }
    case 'DIV':
      return { sql: `CAST(trunc(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0)) AS BIGINT)`, type: typeOf(unsigned ? 'bigint unsigned' : 'bigint', nullable) };
    default: {
      // % and MOD: the sign of the dividend, NULL for a zero divisor.
      if (bothInt) return { sql: `(CAST(${a} AS BIGINT) % nullif(CAST(${b} AS BIGINT), 0))`, type: typeOf(unsigned ? 'bigint unsigned' : 'bigint', nullable) };
      if (bothExact) return { sql: `(${a} % nullif(${b}, 0))`, type: typeOf(decimalType(Math.max(dl.int, dr.int), Math.max(dl.scale, dr.scale)), nullable) };
      return { sql: `fmod(CAST(${a} AS DOUBLE), nullif(CAST(${b} AS DOUBLE), 0))`, type: typeOf('double', nullable) };
    }
  }
}

/** date ± INTERVAL n unit (`sign` -1 subtracts): a DATE stays a DATE for whole days or more. */
export function dateArithmetic(exprs: ExpressionEmitter, date: Emitted, interval: Node, sign: number): Emitted {
  const unit = INTERVAL_UNITS[String(interval.unit).toUpperCase()];
  if (!unit) throw new DialectUnsupported(`INTERVAL ... ${String(interval.unit).toUpperCase()}`);
  const amount = exprs.emit(interval.expr);
  const f = familyOf(date.type);
  const step = `(${sign} * CAST(${v(amount)} AS BIGINT)) * INTERVAL 1 ${unit.duck}`;
  if (f === 'string' || f === 'unknown') {
    // A string in, a string out: a date stays a date ('2024-01-31' + 1 MONTH = '2024-02-29')
    // when the step is whole days or more; anything else prints as a DATETIME.
    const s = `CAST(${v(date)} AS VARCHAR)`;
    const asDatetime = `strftime(TRY_CAST(${s} AS TIMESTAMP) + ${step}, '%Y-%m-%d %H:%M:%S')`;
    const sql = unit.dateKeeps ? `(CASE WHEN length(trim(${s})) <= 10 THEN CAST(CAST(TRY_CAST(${s} AS DATE) + ${step} AS DATE) AS VARCHAR) ELSE ${asDatetime} END)` : asDatetime;
    return { sql, type: typeOf('varchar(29)', true) };
  }
  const base = f === 'date' || f === 'datetime' ? v(date) : `CAST(${v(date)} AS TIMESTAMP)`;
  if (f === 'date' && unit.dateKeeps) return { sql: `CAST(${base} + ${step} AS DATE)`, type: typeOf('date', true) };
  return { sql: `(${base} + ${step})`, type: typeOf(f === 'datetime' ? date.type.columnType : 'datetime', true) };
}
