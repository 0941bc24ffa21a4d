// MySQL arithmetic as DuckDB SQL: + - * / DIV % MOD with MySQL's result types (integer, exact
// DECIMAL or DOUBLE) and NULL for a zero divisor, and date arithmetic with INTERVAL, which keeps a
// DATE when MySQL does and answers a string for a string.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { decimalsOf, decimalType, digitsOf, doubleType, familyOf, integerPrecision, integerType, isUnsignedInt, NOT_FIXED_DEC, NUMERIC_FAMILIES as NUMERIC, typeOf, UNKNOWN, type ExprType } from './mysql-types.ts';


const v = asValue;

/**
 * l op r for + - * / DIV % MOD as MariaDB types the result: integers stay integers (checked in
 * 64 bits, UNSIGNED when either side is), exact numbers stay exact DECIMAL, anything else is
 * DOUBLE (an infinite result is MariaDB's "DOUBLE value is out of range"); a zero divisor gives NULL.
 */
export function arithmetic(op: string, l: Emitted, r: Emitted): Emitted {
  const nullable = l.type.nullable || r.type.nullable || op === '/' || op === 'DIV' || op === '%' || op === 'MOD';
  const fl = familyOf(l.type);
  const fr = familyOf(r.type);
  // With a NULL operand MariaDB still types the result: DOUBLE with the other side's decimals
  // (4 for /), INT for DIV.
  if (fl === 'null' || fr === 'null') {
    const other = fl === 'null' ? r : l;
    const scale = familyOf(other.type) === 'null' ? 0 : decimalsOf(other.type);
    return { sql: 'NULL', type: typeOf(op === 'DIV' ? 'int(1)' : doubleType(op === '/' ? 4 : scale), true) };
  }
  if (fl === 'unknown' || fr === 'unknown') {
    const a = v(l);
    const b = v(r);
    const sql = op === '/' ? `(CAST(${a} AS DOUBLE) / nullif(CAST(${b} AS DOUBLE), 0))` : op === 'DIV' ? `CAST(trunc(${a} / nullif(${b}, 0)) AS BIGINT)` : op === '%' || op === 'MOD' ? `(${a} % nullif(${b}, 0))` : `(${a} ${op} ${b})`;
    return { sql, type: UNKNOWN };
  }
  const numeric = (e: Emitted, f: string) => (NUMERIC.has(f) ? v(e) : numberOf(e));
  const x: Operand = { sql: numeric(l, fl), type: l.type, family: fl };
  const y: Operand = { sql: numeric(r, fr), type: r.type, family: fr };
  const exact = (f: string) => f === 'int' || f === 'decimal' || f === 'year';
  const integers = (fl === 'int' || fl === 'year') && (fr === 'int' || fr === 'year');
  const bothExact = exact(fl) && exact(fr);
  switch (op) {
    case '+':
    case '-':
    case '*':
      if (integers) return integerArithmetic(op, x, y, nullable);
      if (bothExact) return decimalArithmetic(op, x, y, nullable);
      return doubleArithmetic(op, x, y, nullable);
    case '/':
      if (bothExact) return exactDivision(x, y);
      return doubleArithmetic(op, x, y, nullable);
    case 'DIV':
      return integerDivision(x, y);
    default:
      return remainder(x, y, integers, bothExact);
  }
}

interface Operand {
  sql: string;
  type: ExprType;
  family: string;
}

/** The digits of an exact operand: an integer's precision, a DECIMAL's digits and scale. */
const precisionOf = (o: Operand) => {
  const d = digitsOf(o.type);
  return { int: d.int, scale: d.scale, total: d.int + d.scale };
};

/**
 * Integer + - * as MariaDB does them (Item_func_additive_op, Item_func_mul): the exact result,
 * or error 1690 when it leaves BIGINT (BIGINT UNSIGNED when either side is unsigned, so `u - 2`
 * on 1 is an error). The type is INT or BIGINT by the result's precision.
 */
function integerArithmetic(op: string, l: Operand, r: Operand, nullable: boolean): Emitted {
  const pl = integerPrecision(l.type);
  const pr = integerPrecision(r.type);
  const unsigned = isUnsignedInt(l.type) || isUnsignedInt(r.type);
  const precision = op === '*' ? pl + pr : Math.max(pl, pr) + 1;
  const type = typeOf(integerType(precision + (unsigned ? 0 : 1), unsigned), nullable);
  // Up to 18 digits no signed result can leave BIGINT; beyond, work in 128 bits and let the cast
  // to MariaDB's 64 bits raise the overflow (the gateway answers it as 1690).
  if (!unsigned && precision <= 18) return { sql: `(CAST(${l.sql} AS BIGINT) ${op} CAST(${r.sql} AS BIGINT))`, type };
  return { sql: `CAST((CAST(${l.sql} AS HUGEINT) ${op} CAST(${r.sql} AS HUGEINT)) AS ${unsigned ? 'UBIGINT' : 'BIGINT'})`, type };
}

/** DECIMAL + - * (Item_func_additive_op / Item_func_mul::result_precision). */
function decimalArithmetic(op: string, l: Operand, r: Operand, nullable: boolean): Emitted {
  const dl = precisionOf(l);
  const dr = precisionOf(r);
  const int = op === '*' ? dl.int + dr.int : Math.max(dl.int, dr.int) + 1;
  const scale = op === '*' ? dl.scale + dr.scale : Math.max(dl.scale, dr.scale);
  // Past 38 digits DuckDB would fall back to DOUBLE; MariaDB stays exact (to 65).
  if (scale > 30) throw new DialectUnsupported(`DECIMAL arithmetic beyond 30 decimals`);
  if (int + scale > 38) {
    // Wider than DuckDB's DECIMAL: whole numbers go through 128 bits, exact while the value fits
    // 38 digits (beyond, DuckDB's INT128 overflow is refused with 1235, never answered wrong).
    if (scale > 0) throw new DialectUnsupported(`DECIMAL arithmetic beyond 38 digits`);
    return { sql: `CAST((CAST(${l.sql} AS HUGEINT) ${op} CAST(${r.sql} AS HUGEINT)) AS DECIMAL(38,0))`, type: typeOf(decimalType(int, scale), nullable) };
  }
  // An integer joins as the DECIMAL of its own digits, so DuckDB's precision stays MariaDB's.
  const exactly = (o: Operand, p: number) => (o.family === 'decimal' ? o.sql : `CAST(${o.sql} AS DECIMAL(${Math.min(p, 38)},0))`);
  if (op !== '*') return { sql: `(${exactly(l, dl.total)} ${op} ${exactly(r, dr.total)})`, type: typeOf(decimalType(int, scale), nullable) };
  // DuckDB multiplies two narrow DECIMALs in 64 bits and overflows: one side is widened to the
  // product's digits first, an integer side by preference (a quotient keeps its hidden digits).
  const widened = (o: Operand, d: { scale: number }) => `CAST(${o.sql} AS DECIMAL(${Math.max(int + scale, 1)},${d.scale}))`;
  const [a, b] = r.family !== 'decimal' && l.family === 'decimal' ? [exactly(l, dl.total), widened(r, dr)] : [widened(l, dl), exactly(r, dr.total)];
  return { sql: `(${a} * ${b})`, type: typeOf(decimalType(int, scale), nullable) };
}

/** DOUBLE + - * /: its decimals the widest operand's (PI() * 2 keeps PI()'s 6), division 4 more. */
function doubleArithmetic(op: string, l: Operand, r: Operand, nullable: boolean): Emitted {
  const decimals = Math.max(decimalsOf(l.type), decimalsOf(r.type)) + (op === '/' ? 4 : 0);
  const b = op === '/' ? `nullif(CAST(${r.sql} AS DOUBLE), 0)` : `CAST(${r.sql} AS DOUBLE)`;
  return { sql: finiteDouble(`(CAST(${l.sql} AS DOUBLE) ${op} ${b})`), type: typeOf(doubleType(Math.min(decimals, NOT_FIXED_DEC)), nullable || op === '/') };
}

/**
 * A DOUBLE result MariaDB checks (check_float_overflow): an infinity is its error 1690, raised
 * here by an interval DuckDB cannot hold ("Out of Range Error"), which the gateway maps.
 */
export function finiteDouble(sql: string): string {
  return `list_transform([${sql}], lambda d: CASE WHEN isinf(d) THEN epoch(to_seconds(d)) ELSE d END)[1]`;
}

/**
 * Exact division (Item_func_div on DECIMAL). MariaDB's decimal_div keeps the quotient truncated
 * to whole 9-digit words past the operands' decimals and div_precision_increment (4): 1/3 is
 * 0.333333333 inside (1/3 * 3 is 1.0000, CAST(1/3 AS DOUBLE) 0.333333333) and only the result
 * column shows 4 more decimals than the dividend, rounded half away from zero. With
 * a = A / 10^sa and b = B / 10^sb, the quotient times 10^F is A * 10^(sb + F - sa) / B.
 */
function exactDivision(l: Operand, r: Operand): Emitted {
  const dl = precisionOf(l);
  const dr = precisionOf(r);
  const scale = dl.scale + 4;
  const type = typeOf(decimalType(dl.int + dr.scale, scale), true);
  const inner = 9 * Math.ceil((dl.scale + dr.scale + 4) / 9);
  if (dl.int + dr.scale + inner > 37 || dr.total > 37 || scale > 30) throw new DialectUnsupported('exact division of numbers this wide (beyond 38 digits)');
  const n = `(${unscaled(l.sql, dl.scale)} * ${10n ** BigInt(dr.scale + inner - dl.scale)}::HUGEINT)`;
  const d = `nullif(${unscaled(r.sql, dr.scale)}, 0)`;
  // HUGEINT // truncates toward zero, as decimal_div does.
  // Held as narrow as its digits, so that further arithmetic keeps DuckDB within 38.
  return { sql: `CAST(CAST(${n} // ${d} AS DECIMAL(38,0)) * CAST('${unitOf(inner)}' AS DECIMAL(${inner + 1},${inner})) AS DECIMAL(${Math.max(dl.int + dr.scale, 1) + inner},${inner}))`, type };
}

/** An exact number with `scale` decimals as the integer of its digits (12.34 → 1234). */
function unscaled(sql: string, scale: number): string {
  return scale === 0 ? `CAST(${sql} AS HUGEINT)` : `CAST(CAST(${sql} AS DECIMAL(38,${scale})) * ${10n ** BigInt(scale)}::HUGEINT AS HUGEINT)`;
}

/** 10^-scale as decimal text: '1', '0.0001'. */
const unitOf = (scale: number) => (scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`);

/**
 * DIV (Item_func_int_div): integers divide exactly, truncating, checked into 64 bits (UNSIGNED
 * when either side is); other numbers divide, then truncate. Its length is the dividend's
 * integer digits.
 */
function integerDivision(l: Operand, r: Operand): Emitted {
  const unsigned = isUnsignedInt(l.type) || isUnsignedInt(r.type);
  const exact = (f: string) => f === 'int' || f === 'year' || f === 'decimal';
  const length = exact(l.family) ? Math.min(Math.max(precisionOf(l).int, 1), 21) : 21;
  const type = typeOf(integerType(length, unsigned), true);
  const target = unsigned ? 'UBIGINT' : 'BIGINT';
  if ((l.family === 'int' || l.family === 'year') && (r.family === 'int' || r.family === 'year')) {
    return { sql: `CAST((CAST(${l.sql} AS HUGEINT) // nullif(CAST(${r.sql} AS HUGEINT), 0)) AS ${target})`, type };
  }
  if (exact(l.family) && exact(r.family)) {
    // Scaled to a common number of decimals, two DECIMALs divide as integers.
    const scale = Math.max(precisionOf(l).scale, precisionOf(r).scale);
    if (precisionOf(l).int + scale > 38 || precisionOf(r).int + scale > 38) throw new DialectUnsupported('DIV of numbers this wide (beyond 38 digits)');
    return { sql: `CAST((${unscaled(l.sql, scale)} // nullif(${unscaled(r.sql, scale)}, 0)) AS ${target})`, type };
  }
  return { sql: `CAST(trunc(CAST(${l.sql} AS DOUBLE) / nullif(CAST(${r.sql} AS DOUBLE), 0)) AS ${target})`, type };
}

/**
 * % and MOD (Item_func_mod): the sign of the dividend, NULL for a zero divisor; an integer
 * result is UNSIGNED when the dividend is, its precision the wider operand's.
 */
function remainder(l: Operand, r: Operand, integers: boolean, bothExact: boolean): Emitted {
  if (integers) {
    const unsigned = isUnsignedInt(l.type);
    const precision = Math.max(integerPrecision(l.type), integerPrecision(r.type));
    const type = typeOf(integerType(precision + (unsigned ? 0 : 1), unsigned), true);
    // 128 bits hold BIGINT UNSIGNED operands (and -2^63 % -1, which BIGINT cannot).
    return { sql: `CAST((CAST(${l.sql} AS HUGEINT) % nullif(CAST(${r.sql} AS HUGEINT), 0)) AS ${unsigned ? 'UBIGINT' : 'BIGINT'})`, type };
  }
  if (bothExact) {
    const dl = precisionOf(l);
    const dr = precisionOf(r);
    const scale = Math.max(dl.scale, dr.scale);
    return { sql: `(${l.sql} % nullif(${r.sql}, 0))`, type: typeOf(decimalType(Math.max(dl.total, dr.total) - scale, scale), true) };
  }
  // DuckDB's % on DOUBLE is C's fmod (the dividend's sign), as MariaDB's.
  const decimals = Math.max(decimalsOf(l.type), decimalsOf(r.type));
  return { sql: `(CAST(${l.sql} AS DOUBLE) % nullif(CAST(${r.sql} AS DOUBLE), 0))`, type: typeOf(doubleType(decimals), true) };
}

// date ± INTERVAL lives in dialect/date-arithmetic.ts.
export { dateArithmetic } from './date-arithmetic.ts';
