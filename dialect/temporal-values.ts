// The values MySQL reads a DATE, DATETIME, TIME, ENUM or SET as outside their own type: in a
// numeric context (`d + 0` is 20240131, `dt + 0` 20240131235959.000000 for DATETIME(6), `t + 0`
// 101500, an ENUM its member number, a SET its bits) and as text (a DATETIME(6) prints all six
// fraction digits, as MySQL's CONCAT and CAST AS CHAR do; DuckDB drops zero fractions).
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { stringLiteralValue } from './function-args.ts';
import { parseDatetimeLiteral } from './datetime-literal.ts';
import { declaredMembers, familyOf, typeOf, type ExprType } from './mysql-types.ts';

const v = asValue;

/** Fractional-second digits of a DATETIME(n)/TIME(n) type (0 when none are declared). */
export function fspOf(t: ExprType): number {
  return Number(/^(?:datetime|timestamp|time)\((\d)\)/i.exec(t.columnType)?.[1] ?? 0);
}

/** An integer type of `digits` digits, counted as MariaDB counts them (see integerPrecision). */
function integerOf(digits: number, nullable: boolean): ExprType {
  return { ...typeOf(`${digits < 9 ? 'int' : 'bigint'}(${digits + 1})`, nullable), precision: digits };
}

/** A DATETIME(fsp)/TIME(fsp)'s digits as a number: an integer, or a DECIMAL with fsp places. */
function digitsNumber(digitsSql: string, intDigits: number, fsp: number, nullable: boolean): Emitted {
  if (fsp === 0) return { sql: `CAST(${digitsSql} AS BIGINT)`, type: integerOf(intDigits, nullable) };
  return { sql: `CAST(${digitsSql} AS DECIMAL(${intDigits + fsp},${fsp}))`, type: typeOf(`decimal(${intDigits + fsp},${fsp})`, nullable) };
}

/** The bits of a SET value: member n (1-based, in the type's order) is 2^(n-1); '' is 0. */
export function setBits(e: Emitted): string | undefined {
  const members = declaredMembers(e.type.columnType, 'set');
  if (!members) return undefined;
  const list = `[${members.map(quoteString).join(', ')}]`;
  const bit = `coalesce(CAST(1 AS UBIGINT) << CAST(list_position(${list}, m) - 1 AS UBIGINT), CAST(0 AS UBIGINT))`;
  return `CASE WHEN ${v(e)} IS NULL THEN NULL WHEN ${v(e)} = '' THEN CAST(0 AS UBIGINT) ELSE CAST(list_sum(list_transform(string_split(${v(e)}, ','), lambda m: ${bit})) AS UBIGINT) END`;
}

/** An ENUM value's member number (1-based; '' and NULL as MySQL has them: 0 and NULL). */
function enumNumber(e: Emitted): string | undefined {
  const members = declaredMembers(e.type.columnType, 'enum');
  if (!members) return undefined;
  return `CASE WHEN ${v(e)} IS NULL THEN NULL ELSE coalesce(list_position([${members.map(quoteString).join(', ')}], ${v(e)}), 0) END`;
}

/**
 * The value as MySQL reads it in a numeric context, typed as MySQL types it, for a DATE,
 * DATETIME, TIME, ENUM or SET; undefined for any other type (it is a number, or read as text).
 */
export function numericValue(e: Emitted, wholeSeconds = false): Emitted | undefined {
  const nullable = e.type.nullable;
  switch (familyOf(e.type)) {
    case 'date':
      return { sql: `(year(${v(e)}) * 10000 + month(${v(e)}) * 100 + day(${v(e)}))`, type: integerOf(8, nullable) };
    case 'datetime': {
      const fsp = wholeSeconds ? 0 : fspOf(e.type);
      return digitsNumber(`strftime(${v(e)}, '${fsp ? '%Y%m%d%H%M%S.%f' : '%Y%m%d%H%M%S'}')`, 14, fsp, nullable);
    }
    case 'time': {
      // MySQL's text of a TIME ([-]h:mm:ss[.f]) without its colons is the number.
      const digits = `replace(CAST(${v(e)} AS VARCHAR), ':', '')`;
      return digitsNumber(wholeSeconds ? `regexp_replace(${digits}, '[.].*$', '')` : digits, 7, wholeSeconds ? 0 : fspOf(e.type), nullable);
    }
  }
  const index = enumNumber(e);
  if (index) return { sql: index, type: integerOf(5, nullable) };
  const bits = setBits(e);
  if (bits) {
    const members = declaredMembers(e.type.columnType, 'set')!.length;
    return { sql: bits, type: integerOf(String(2n ** BigInt(members) - 1n).length, nullable) };
  }
  return undefined;
}

/** SQL ordering values of this type as MySQL orders them (a TIME by its value), or undefined when its own order is MySQL's. */
export function orderKey(e: Emitted): string | undefined {
  if (familyOf(e.type) === 'time') return numericValue(e)!.sql;
  return setBits(e) ?? enumNumber(e);
}

/**
 * A DATE/DATETIME/TIME as the text MySQL makes of it (a DATETIME(n) with exactly n fraction
 * digits), typed as the string it is; undefined for other types.
 */
export function temporalText(e: Emitted): Emitted | undefined {
  const f = familyOf(e.type);
  const nullable = e.type.nullable;
  if (f === 'date') return { sql: `CAST(${v(e)} AS VARCHAR)`, type: typeOf('varchar(10)', nullable) };
  if (f === 'datetime') {
    const fsp = fspOf(e.type);
    const sql = fsp ? `left(strftime(${v(e)}, '%Y-%m-%d %H:%M:%S.%f'), ${20 + fsp})` : `strftime(${v(e)}, '%Y-%m-%d %H:%M:%S')`;
    return { sql, type: typeOf(`varchar(${fsp ? 20 + fsp : 19})`, nullable) };
  }
  if (f === 'time') {
    const fsp = fspOf(e.type);
    return { sql: `CAST(${v(e)} AS VARCHAR)`, type: typeOf(`varchar(${fsp ? 11 + fsp : 10})`, nullable) };
  }
  return undefined;
}

/** The argument as text where MySQL converts it so (a temporal value by its MySQL text), else as it is. */
export function asMysqlText(e: Emitted): Emitted {
  return temporalText(e) ?? e;
}

const INTEGER_TARGETS: ReadonlySet<string> = new Set(['SIGNED', 'SIGNEDINTEGER', 'INTEGER', 'INT', 'UNSIGNED', 'UNSIGNEDINTEGER']);
const NUMERIC_TARGETS: ReadonlySet<string> = new Set([...INTEGER_TARGETS, 'DECIMAL', 'DOUBLE', 'REAL', 'FLOAT']);
const TEXT_TARGETS: ReadonlySet<string> = new Set(['CHAR', 'NCHAR', 'VARCHAR']);

/**
 * What CAST(x AS target) converts: a temporal, ENUM or SET value cast to a number is first the
 * number MySQL reads it as (CAST(d AS SIGNED) is 20240131); a temporal one cast to CHAR its text.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON
export function castOperand(e: Emitted, target: any): Emitted {
  const dataType = String(target?.dataType ?? '').toUpperCase().replace(/\s+/g, '');
  // To an integer a DATETIME or TIME drops its fraction (MySQL truncates, where numbers round).
  if (NUMERIC_TARGETS.has(dataType)) return numericValue(e, INTEGER_TARGETS.has(dataType)) ?? e;
  if (TEXT_TARGETS.has(dataType)) return temporalText(e) ?? e;
  return e;
}

/**
 * CAST's result as MariaDB describes it: CAST(x AS CHAR) a string with 0 decimals (not 39);
 * a DATE, DATETIME or TIME cast to an integer a BIGINT, whatever its digits.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON
export function castResult(out: Emitted, target: any, operand: Emitted): Emitted {
  const dataType = String(target?.dataType ?? '').toUpperCase().replace(/\s+/g, '');
  if (TEXT_TARGETS.has(dataType)) return { ...out, type: { ...out.type, textDecimals: 0 } };
  const temporal = ['date', 'datetime', 'time'].includes(familyOf(operand.type));
  if (INTEGER_TARGETS.has(dataType) && temporal) return { ...out, type: { ...out.type, columnType: out.type.columnType.replace(/^int\b/, 'bigint') } };
  return out;
}

/**
 * A DuckDB TIMESTAMP as a DATETIME(fsp): the fraction cut (not rounded) to fsp digits, as MySQL
 * cuts it, held in the DuckDB unit the store holds DATETIME(fsp) in.
 */
export function truncatedDatetime(ts: string, fsp: number): string {
  const step = 10 ** (6 - fsp);
  // Down to the step (before 1970 too: DuckDB's % keeps the dividend's sign).
  const us = `epoch_us(${ts})`;
  const cut = fsp === 6 ? ts : `make_timestamp(${us} - ((${us} % ${step}) + ${step}) % ${step})`;
  return `CAST(${cut} AS ${fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP'})`;
}

/**
 * The fraction digits MySQL gives a function of this date or time argument: a DATETIME(n)'s n;
 * a string literal's own digits; any other string 6 (it may hold any).
 */
export function argumentFsp(e: Emitted): number {
  const f = familyOf(e.type);
  if (f === 'datetime' || f === 'time') return fspOf(e.type);
  if (f === 'date' || f === 'int' || f === 'year' || f === 'null') return 0;
  const literal = stringLiteralValue(e);
  // A literal that is no date at all MariaDB types with 6 digits, as it does any string.
  if (literal !== undefined) {
    const dt = parseDatetimeLiteral(literal);
    return dt !== null && dt !== 'refused' ? dt.fsp : 6;
  }
  return 6;
}

