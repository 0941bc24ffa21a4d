// MySQL's numeric functions over DuckDB: NULL where MySQL gives NULL (SQRT and LN of what has no
// real answer), ROUND half away from zero on exact numbers and half to even on doubles.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { anyNullable, arity, type FunctionTranslation } from './function-args.ts';
import { arithmetic } from './emit-arithmetic.ts';
import { decimalType, digitsOf, doubleType, familyOf, integerPrecision, integerType, isUnsignedInt, NOT_FIXED_DEC, typeOf, type ExprType } from './mysql-types.ts';

type Fn = FunctionTranslation;

const v = asValue;

const number = (e: Emitted) => (familyOf(e.type) === 'string' ? numberOf(e) : v(e));
const double = (sql: (args: string[]) => string, min: number, max = min): Fn => (args, name) => {
  arity(name, args, min, max);
  return { sql: sql(args.map((a) => `CAST(${number(a)} AS DOUBLE)`)), type: typeOf('double', true) };
};

/**
 * ROUND(x, d) and TRUNCATE(x, d) typed as MariaDB's Item_func_round: an integer keeps its type
 * (a negative d may carry a digit more), a DECIMAL takes d decimals (ROUND(0.1, 2) is 0.10) and
 * room for a carry when rounding drops digits, a DOUBLE prints fixed to d decimals.
 */
function roundLike(truncate: boolean): Fn {
  const duckExact = truncate ? 'trunc' : 'round';
  return (args, name) => {
    arity(name, args, truncate ? 2 : 1, 2);
    const x = args[0]!;
    const places = args[1] ? Number(args[1].sql) : 0;
    if (!Number.isInteger(places)) throw new DialectUnsupported(`${name}() with places that are not an integer literal`);
    const nullable = anyNullable(args);
    const f = familyOf(x.type);
    if (f === 'int' || f === 'year') return { sql: `${duckExact}(${v(x)}, ${places})`, type: { ...roundedIntegerType(x.type, places), nullable } };
    if (f === 'decimal') {
      const d = digitsOf(x.type);
      const scale = Math.min(Math.max(places, 0), 30);
      const int = d.int + (!truncate && places < d.scale ? 1 : 0);
      if (int + scale > 38) throw new DialectUnsupported(`${name}() of a DECIMAL wider than 38 digits`);
      return { sql: `CAST(${duckExact}(${v(x)}, ${places}) AS DECIMAL(${Math.max(int + scale, 1)},${scale}))`, type: typeOf(decimalType(int, scale), nullable) };
    }
    // MariaDB rounds a DOUBLE with rint(): half to even.
    const sql = `${truncate ? 'trunc' : 'round_even'}(CAST(${number(x)} AS DOUBLE), ${places})`;
    return { sql, type: typeOf(doubleType(places >= NOT_FIXED_DEC ? NOT_FIXED_DEC : Math.max(places, 0)), true) };
  };
}

/** An integer ROUND/TRUNCATE keeps: its own type (YEAR as INT UNSIGNED), a digit more for d < 0. */
function roundedIntegerType(t: ExprType, places: number): ExprType {
  const unsigned = isUnsignedInt(t);
  const length = integerPrecision(t) + (unsigned ? 0 : 1);
  if (places < 0) return typeOf(integerType(length + 1, unsigned));
  if (familyOf(t) === 'year') return typeOf(integerType(length, true));
  return { ...t, source: undefined };
}

/**
 * CEIL and FLOOR (Item_func_int_val): an integer keeps its type; a DECIMAL becomes an integer
 * two characters longer than its integer digits (sign and carry), or DECIMAL(n,0) past 17
 * digits; a DOUBLE stays DOUBLE with 0 decimals.
 */
function ceilFloor(duck: string): Fn {
  return (args, name) => {
    arity(name, args, 1);
    const x = args[0]!;
    const f = familyOf(x.type);
    if (f === 'int' || f === 'year') return { sql: v(x), type: { ...roundedIntegerType(x.type, 0), nullable: x.type.nullable } };
    if (f === 'decimal') {
      const int = digitsOf(x.type).int;
      if (int > 17) return { sql: `CAST(${duck}(${v(x)}) AS DECIMAL(${Math.min(int + 1, 38)},0))`, type: typeOf(decimalType(int + 1, 0), x.type.nullable) };
      return { sql: `CAST(${duck}(${v(x)}) AS BIGINT)`, type: typeOf(integerType(int + 2, false), x.type.nullable) };
    }
    return { sql: `${duck}(CAST(${number(x)} AS DOUBLE))`, type: typeOf(doubleType(0), true) };
  };
}

export const NUMERIC_FUNCTIONS: Record<string, Fn> = {
  ROUND: roundLike(false),
  TRUNCATE: roundLike(true),
  CEIL: ceilFloor('ceil'),
  CEILING: ceilFloor('ceil'),
  FLOOR: ceilFloor('floor'),
  SIGN(args, name) {
    arity(name, args, 1);
    return { sql: `CAST(sign(${number(args[0]!)}) AS INTEGER)`, type: typeOf('int(2)', args[0]!.type.nullable) };
  },
  MOD(args, name) {
    arity(name, args, 2);
    return arithmetic('%', args[0]!, args[1]!);
  },
  SQRT: double(([a]) => `CASE WHEN ${a} < 0 THEN NULL ELSE sqrt(${a}) END`, 1),
  LN: double(([a]) => `CASE WHEN ${a} <= 0 THEN NULL ELSE ln(${a}) END`, 1),
  LOG: double((xs) => (xs.length === 1 ? `CASE WHEN ${xs[0]} <= 0 THEN NULL ELSE ln(${xs[0]}) END` : `CASE WHEN ${xs[1]} <= 0 OR ${xs[0]} <= 0 OR ${xs[0]} = 1 THEN NULL ELSE ln(${xs[1]}) / ln(${xs[0]}) END`), 1, 2),
  LOG10: double(([a]) => `CASE WHEN ${a} <= 0 THEN NULL ELSE log10(${a}) END`, 1),
  // PI() carries 6 decimals: it prints 3.141593, and PI() * 2 prints 6 decimals too.
  PI: (args, name) => (arity(name, args, 0), { sql: 'pi()', type: typeOf(doubleType(6), false) }),
  RAND: (args, name) => {
    if (args.length > 0) throw new DialectUnsupported('RAND() with a seed');
    arity(name, args, 0);
    return { sql: 'random()', type: typeOf('double', false) };
  },
};
