// MySQL's trigonometric and exponential functions as MariaDB computes them (item_func.cc): each
// on a DOUBLE, NULL outside its domain (ASIN(2), LN(0)), and MariaDB's error 1690 where the
// result is no finite number (check_float_overflow: EXP(1000), COT(0), POW(-8, 1/3)). The
// formulas are MariaDB's own where DuckDB's built-in rounds otherwise: LOG2 is ln(x) / ln(2),
// DEGREES x * (180 / pi), RADIANS x * (pi / 180).
import { numberOf, asValue, type Emitted } from './emitted.ts';
import { arity, type FunctionTranslation } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';

type Fn = FunctionTranslation;

const number = (e: Emitted) => `CAST(${familyOf(e.type) === 'string' ? numberOf(e) : asValue(e)} AS DOUBLE)`;

/**
 * MariaDB's check_float_overflow: an infinity or NaN is error 1690, raised here by an interval
 * DuckDB cannot hold ("Out of Range Error"), which the gateway answers as 1690.
 */
function finite(sql: string): string {
  return `list_transform([${sql}], lambda iq_d: CASE WHEN isinf(iq_d) OR isnan(iq_d) THEN epoch(to_seconds(CAST('inf' AS DOUBLE))) ELSE iq_d END)[1]`;
}

/** A function of DOUBLE arguments returning a DOUBLE (shortest digits), nullable as MariaDB marks it. */
const double = (count: number, sql: (xs: string[]) => string, alwaysNullable = true): Fn => (args, name) => {
  arity(name, args, count);
  const xs = args.map(number);
  // Each argument is named once (x, y) so the formula may read it more than once.
  const names = xs.map((_, i) => `a${i}`);
  const body = `list_transform([{${xs.map((x, i) => `'a${i}': ${x}`).join(', ')}}], lambda iq_s: ${sql(names.map((n) => `iq_s.${n}`))})[1]`;
  return { sql: body, type: typeOf('double', alwaysNullable || args.some((a) => a.type.nullable)) };
};

export const MATH_FUNCTIONS: Record<string, Fn> = {
  SIN: double(1, ([x]) => `sin(${x})`),
  COS: double(1, ([x]) => `cos(${x})`),
  TAN: double(1, ([x]) => finite(`tan(${x})`)),
  COT: double(1, ([x]) => finite(`1.0::DOUBLE / tan(${x})`)),
  ASIN: double(1, ([x]) => `CASE WHEN ${x} < -1 OR ${x} > 1 THEN NULL ELSE asin(${x}) END`),
  ACOS: double(1, ([x]) => `CASE WHEN ${x} < -1 OR ${x} > 1 THEN NULL ELSE acos(${x}) END`),
  ATAN: (args, name, ctx) => (args.length === 2 ? MATH_FUNCTIONS.ATAN2!(args, name, ctx) : double(1, ([x]) => `atan(${x})`)(args, name, ctx)),
  ATAN2: double(2, ([y, x]) => `atan2(${y}, ${x})`),
  DEGREES: double(1, ([x]) => finite(`(${x} * (180::DOUBLE / pi()))`)),
  RADIANS: double(1, ([x]) => `(${x} * (pi() / 180::DOUBLE))`),
  EXP: double(1, ([x]) => finite(`exp(${x})`)),
  POW: double(2, ([x, y]) => finite(`pow(${x}, ${y})`)),
  POWER: (args, name, ctx) => MATH_FUNCTIONS.POW!(args, name, ctx),
  LOG2: double(1, ([x]) => `CASE WHEN ${x} <= 0 THEN NULL ELSE ln(${x}) / ln(2::DOUBLE) END`),
};
