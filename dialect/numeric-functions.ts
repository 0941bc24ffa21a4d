// MySQL's numeric functions over DuckDB: NULL where MySQL gives NULL (SQRT and LN of what has no
// real answer), ROUND half away from zero on exact numbers and half to even on doubles.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { anyNullable, arity, type FunctionTranslation } from './function-args.ts';
import { decimalType, digitsOf, familyOf, typeOf, type ExprType } from './mysql-types.ts';

type Fn = FunctionTranslation;

const v = asValue;

const isExact = (t: ExprType) => familyOf(t) === 'int' || familyOf(t) === 'decimal' || familyOf(t) === 'year';
const number = (e: Emitted) => (familyOf(e.type) === 'string' ? numberOf(e) : v(e));
const double = (sql: (args: string[]) => string, min: number, max = min): Fn => (args, name) => {
  arity(name, args, min, max);
  return { sql: sql(args.map((a) => `CAST(${number(a)} AS DOUBLE)`)), type: typeOf('double', true) };
};

function roundLike(duckExact: string, duckDouble: string): Fn {
  return (args, name) => {
    arity(name, args, 1, 2);
    const x = args[0]!;
    const places = args[1] ? Number(args[1].sql) : 0;
    if (!Number.isInteger(places)) throw new DialectUnsupported(`${name}() with places that are not an integer literal`);
    const nullable = anyNullable(args);
    if (familyOf(x.type) === 'int') return { sql: `${duckExact}(${v(x)}, ${places})`, type: { ...x.type, nullable, source: undefined } };
    if (familyOf(x.type) === 'decimal') {
      const d = digitsOf(x.type);
      const scale = Math.max(0, Math.min(places, d.scale));
      return { sql: `CAST(${duckExact}(${v(x)}, ${places}) AS DECIMAL(${Math.min(d.int + 1 + scale, 38)},${scale}))`, type: typeOf(decimalType(d.int + 1, scale), nullable) };
    }
    return { sql: `${duckDouble}(CAST(${number(x)} AS DOUBLE), ${places})`, type: typeOf('double', true) };
  };
}

function ceilFloor(duck: string): Fn {
  return (args, name) => {
    arity(name, args, 1);
    const x = args[0]!;
    if (isExact(x.type)) return { sql: `CAST(${duck}(${v(x)}) AS BIGINT)`, type: typeOf('bigint', x.type.nullable) };
    return { sql: `${duck}(CAST(${number(x)} AS DOUBLE))`, type: typeOf('double', true) };
  };
}

export const NUMERIC_FUNCTIONS: Record<string, Fn> = {
  ROUND: roundLike('round', 'round_even'),
  TRUNCATE(args, name) {
    arity(name, args, 2);
    const [x, d] = args as [Emitted, Emitted];
    const places = Number(d.sql);
    if (!Number.isInteger(places)) throw new DialectUnsupported(`${name}() with places that are not an integer literal`);
    const nullable = anyNullable(args);
    if (familyOf(x.type) === 'int') return { sql: `trunc(${v(x)}, ${places})`, type: { ...x.type, nullable, source: undefined } };
    if (familyOf(x.type) === 'decimal') {
      const digits = digitsOf(x.type);
      const scale = Math.max(0, Math.min(places, digits.scale));
      return { sql: `CAST(trunc(${v(x)}, ${places}) AS DECIMAL(${Math.min(digits.int + scale, 38)},${scale}))`, type: typeOf(decimalType(digits.int, scale), nullable) };
    }
    return { sql: `trunc(CAST(${number(x)} AS DOUBLE), ${places})`, type: typeOf('double', true) };
  },
  CEIL: ceilFloor('ceil'),
  CEILING: ceilFloor('ceil'),
  FLOOR: ceilFloor('floor'),
  SIGN(args, name) {
    arity(name, args, 1);
    return { sql: `CAST(sign(${number(args[0]!)}) AS INTEGER)`, type: typeOf('int(2)', args[0]!.type.nullable) };
  },
  MOD(args, name) {
    arity(name, args, 2);
    const [a, b] = args as [Emitted, Emitted];
    if (familyOf(a.type) === 'int' && familyOf(b.type) === 'int') return { sql: `(CAST(${v(a)} AS BIGINT) % nullif(CAST(${v(b)} AS BIGINT), 0))`, type: typeOf('bigint', true) };
    return { sql: `fmod(CAST(${number(a)} AS DOUBLE), nullif(CAST(${number(b)} AS DOUBLE), 0))`, type: typeOf('double', true) };
  },
  POW: double(([a, b]) => `pow(${a}, ${b})`, 2),
  POWER: double(([a, b]) => `pow(${a}, ${b})`, 2),
  SQRT: double(([a]) => `CASE WHEN ${a} < 0 THEN NULL ELSE sqrt(${a}) END`, 1),
  EXP: double(([a]) => `exp(${a})`, 1),
  LN: double(([a]) => `CASE WHEN ${a} <= 0 THEN NULL ELSE ln(${a}) END`, 1),
  LOG: double((xs) => (xs.length === 1 ? `CASE WHEN ${xs[0]} <= 0 THEN NULL ELSE ln(${xs[0]}) END` : `CASE WHEN ${xs[1]} <= 0 OR ${xs[0]} <= 0 OR ${xs[0]} = 1 THEN NULL ELSE ln(${xs[1]}) / ln(${xs[0]}) END`), 1, 2),
  LOG2: double(([a]) => `CASE WHEN ${a} <= 0 THEN NULL ELSE log2(${a}) END`, 1),
  LOG10: double(([a]) => `CASE WHEN ${a} <= 0 THEN NULL ELSE log10(${a}) END`, 1),
  PI: (args, name) => (arity(name, args, 0), { sql: 'pi()', type: typeOf('double', false) }),
  RAND: (args, name) => {
    if (args.length > 0) throw new DialectUnsupported('RAND() with a seed');
    arity(name, args, 0);
    return { sql: 'random()', type: typeOf('double', false) };
  },
};
