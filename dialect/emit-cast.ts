// MySQL's CAST(x AS type) and CONVERT(x, type) as DuckDB SQL: a string casts to a number by its
// leading number, an integer cast rounds, UNSIGNED wraps a negative around 2^64, a DATE or
// DATETIME that does not parse is NULL; the result has the type MySQL gives the target.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectError, DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { valueText } from './double-text.ts';
import { charLength, decimalType, familyOf, integerType, isUnsignedInt, NUMERIC_FAMILIES, stringType, typeOf } from './mysql-types.ts';
import { truncatedDatetime } from './temporal-values.ts';
import { asTime } from './time-functions.ts';
import { asTimestamp } from './date-args.ts';
import { timeOnCurrentDate, timeTextMicros } from './time-values.ts';
import { bytesAsText } from './bytes-as-text.ts';

type Node = any;

const v = asValue;

/** CAST(x AS type) and CONVERT(x, type) with MySQL's targets; `collation`: the connection's (bytes cast to text are read in its charset). */
export function castTo(e: Emitted, target: Node, collation = 'utf8mb4_general_ci'): Emitted {
  const dataType = String(target?.dataType ?? '').toUpperCase().replace(/\s+/g, '');
  const length = target?.length as number | undefined;
  const nullable = e.type.nullable;
  const f = familyOf(e.type);
  const fromText = f === 'string' || f === 'binary';
  switch (dataType) {
    case 'SIGNED':
    case 'SIGNEDINTEGER':
    case 'INTEGER':
    case 'INT':
      return castToInteger(e, false);
    case 'UNSIGNED':
    case 'UNSIGNEDINTEGER':
      return castToInteger(e, true);
    case 'CHAR':
    case 'NCHAR':
    case 'VARCHAR': {
      const chars = length ?? charLength(e.type);
      // A number's text as MariaDB writes it (a DOUBLE 1e308, not DuckDB's 1e+308).
      const text = f === 'binary' ? bytesAsText(v(e), collation) : fromText ? `CAST(${v(e)} AS VARCHAR)` : valueText(e);
      const sql = length !== undefined ? `left(${text}, ${length})` : text;
      // MariaDB sends CAST AS CHAR with 0 decimals, not a computed string's 39.
      return { sql, type: { ...typeOf(stringType(chars), nullable), textDecimals: 0 } };
    }
    case 'BINARY':
      // A string's UTF-8 bytes (CAST AS BLOB would read backslash escapes in it).
      return { sql: f === 'string' ? `encode(${v(e)})` : f === 'binary' ? v(e) : `encode(CAST(${v(e)} AS VARCHAR))`, type: typeOf(stringType(length ?? charLength(e.type), true), nullable) };
    case 'DECIMAL': {
      const p = length ?? 10;
      const s = (target?.scale as number | undefined) ?? 0;
      if (p > 38) throw new DialectUnsupported(`CAST AS DECIMAL(${p},${s}) (wider than 38 digits)`);
      // Out of range clamps to the largest DECIMAL(p,s) of its sign (MariaDB warns): 999.99 for (5,2).
      const max = `${'9'.repeat(p - s)}${s > 0 ? `.${'9'.repeat(s)}` : ''}::DECIMAL(${p},${s})`;
      const value = fromText ? numberOf(e) : v(e);
      return { sql: `list_transform([${value}], lambda x: CASE WHEN round(x, ${s}) > ${max} THEN ${max} WHEN round(x, ${s}) < -${max} THEN -${max} ELSE CAST(x AS DECIMAL(${p},${s})) END)[1]`, type: typeOf(decimalType(p - s, s), nullable) };
    }
    case 'DOUBLE':
    case 'REAL':
      return { sql: fromText ? numberOf(e) : `CAST(${v(e)} AS DOUBLE)`, type: typeOf('double', nullable) };
    case 'FLOAT':
      // A FLOAT holds (and prints) single precision: CAST(1/3 AS FLOAT) is 0.333333.
      return { sql: `CAST(${fromText ? numberOf(e) : v(e)} AS FLOAT)`, type: typeOf('float', nullable) };
    case 'DATE':
      // A string as MySQL reads a date ('2024/01/31', not DuckDB's cast: dialect/date-args.ts).
      return { sql: fromText ? `CAST(${asTimestamp(e)} AS DATE)` : `TRY_CAST(${v(e)} AS DATE)`, type: typeOf('date', true) };
    case 'TIME':
      return asTime(e, length ?? 0, 'CAST AS TIME');
    case 'DATETIME': {
      const fsp = length ?? 0;
      // A TIME becomes a DATETIME on the current date (838:59:59 is 34 days and 22:59:59 on).
      if (f === 'time') return { sql: truncatedDatetime(timeOnCurrentDate(timeTextMicros(v(e))), fsp), type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
      return { sql: truncatedDatetime(fromText ? asTimestamp(e) : `TRY_CAST(${v(e)} AS TIMESTAMP)`, fsp), type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
    }
    case 'JSON':
      // MariaDB has no JSON cast target (its JSON is LONGTEXT): CAST(x AS JSON) is a syntax error.
      throw new DialectError("You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'JSON)'");
  }
  throw new DialectUnsupported(`CAST AS ${dataType || 'this type'}`);
}

const INT64_MIN = '-9223372036854775808';
const INT64_MAX = '9223372036854775807';
const UINT64_MAX = '18446744073709551615';
const TWO_64 = '18446744073709551616';

/**
 * CAST(x AS SIGNED / UNSIGNED) as MariaDB's Item_func_signed / Item_func_unsigned: an integer
 * keeps its 64 bits and changes how they read (CAST(18446744073709551615 AS SIGNED) is -1,
 * CAST(-1 AS UNSIGNED) 18446744073709551615); a DECIMAL rounds half away from zero and a
 * DOUBLE half to even, clamped to the target's range (a negative one to 0 for UNSIGNED); a
 * string reads its leading integer (the fraction dropped), clamped to 64 bits, then its bits
 * read as the target does. The type is INT or BIGINT by the argument's length.
 */
function castToInteger(e: Emitted, unsigned: boolean): Emitted {
  const f = familyOf(e.type);
  const argUnsigned = isUnsignedInt(e.type);
  const floating = f === 'double' || f === 'float';
  const length = unsigned ? (argUnsigned ? charLength(e.type) : 20) : floating ? 20 : Math.max(Math.min(charLength(e.type), 21), 2);
  // An UNSIGNED integer cast to UNSIGNED keeps INT while it is one (CAST(u AS UNSIGNED) is INT(10) UNSIGNED).
  const keepsInt = unsigned && argUnsigned && f === 'int' && !/^bigint/.test(e.type.columnType.toLowerCase());
  const type = typeOf(keepsInt ? `int(${length}) unsigned` : integerType(length, unsigned), e.type.nullable || !NUMERIC_FAMILIES.has(f));
  const target = unsigned ? 'UBIGINT' : 'BIGINT';
  if (f === 'int' || f === 'year') {
    if (unsigned === argUnsigned || (!unsigned && !/^bigint/.test(e.type.columnType.toLowerCase()))) return { sql: `CAST(${v(e)} AS ${target})`, type };
    return { sql: `CAST(${reinterpret64(`CAST(${v(e)} AS HUGEINT)`, unsigned)} AS ${target})`, type };
  }
  if (f === 'decimal' || floating) {
    const rounded = floating ? `round_even(CAST(${v(e)} AS DOUBLE), 0)` : `round(${v(e)}, 0)`;
    const [lo, hi] = unsigned ? ['0', UINT64_MAX] : [INT64_MIN, INT64_MAX];
    return { sql: `list_transform([${rounded}], lambda r: CASE WHEN r >= ${hi} THEN ${hi}::${target} WHEN r <= ${lo} THEN ${lo}::${target} ELSE CAST(r AS ${target}) END)[1]`, type };
  }
  if (f === 'string' || f === 'binary') {
    // The leading integer, clamped to what 64 bits (signed or not) can say, as my_strtoll10 does.
    const digits = `regexp_extract(CAST(${v(e)} AS VARCHAR), '^\\s*([-+]?[0-9]+)', 1)`;
    const parsed = `list_transform([${digits}], lambda t: CASE WHEN t = '' THEN 0::HUGEINT WHEN length(ltrim(t, '-+0')) > 20 THEN (CASE WHEN t LIKE '-%' THEN ${INT64_MIN} ELSE ${UINT64_MAX} END)::HUGEINT ELSE greatest(least(CAST(t AS HUGEINT), ${UINT64_MAX}::HUGEINT), ${INT64_MIN}::HUGEINT) END)[1]`;
    return { sql: `CASE WHEN ${v(e)} IS NULL THEN NULL ELSE CAST(${reinterpret64(parsed, unsigned)} AS ${target}) END`, type };
  }
  // CAST(NULL AS SIGNED) is a NULL INT (MariaDB: INT(2), or INT(1) UNSIGNED).
  if (f === 'null') return { sql: `CAST(NULL AS ${target})`, type: typeOf(unsigned ? 'int(1) unsigned' : 'int(2)', true) };
  throw new DialectUnsupported(`CAST of a ${f} value AS ${unsigned ? 'UNSIGNED' : 'SIGNED'}`);
}

/** A 128-bit integer within [-2^63, 2^64) as its 64 bits read signed (or unsigned). */
function reinterpret64(sql: string, unsigned: boolean): string {
  return unsigned
    ? `list_transform([${sql}], lambda n: CASE WHEN n < 0 THEN n + ${TWO_64}::HUGEINT ELSE n END)[1]`
    : `list_transform([${sql}], lambda n: CASE WHEN n > ${INT64_MAX}::HUGEINT THEN n - ${TWO_64}::HUGEINT ELSE n END)[1]`;
}

/**
 * A value as the 64 bits MySQL's bit operators and BIT_AND/OR/XOR work on: an unsigned integer
 * as it is, anything else as CAST AS SIGNED makes it, in two's complement (-1 is 2^64 - 1).
 */
export function asUnsigned64(e: Emitted): string {
  if ((familyOf(e.type) === 'int' || familyOf(e.type) === 'year') && isUnsignedInt(e.type)) return `CAST(${v(e)} AS UBIGINT)`;
  if (familyOf(e.type) === 'null') return 'CAST(NULL AS UBIGINT)';
  return `CAST(${reinterpret64(`CAST(${castToInteger(e, false).sql} AS HUGEINT)`, true)} AS UBIGINT)`;
}
