// CONV(n, from, to), BIN(n) and OCT(n) as MariaDB's Item_func_conv: n's text is read in base
// |from| up to its first character that is no digit there (after leading spaces and a sign), as
// my_strntoull (from > 0: unsigned, a minus negates modulo 2^64, overflow is 2^64 - 1) or
// my_strntoll (from < 0: signed, overflow clamps to the BIGINT ends) read it; the 64-bit result
// is written in base |to|, signed when to < 0 (longlong2str). A base outside 2..36 gives NULL.
// The bases must be integer literals: the digit positions are laid out when translating.
import { DialectUnsupported } from './dialect-error.ts';
import { valueText } from './double-text.ts';
import { asMysqlText } from './temporal-values.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, type FunctionTranslation } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TWO_64 = 2n ** 64n;
const TYPE = () => typeOf('varchar(64)', true);

/** An integer literal argument (a base), or null for NULL; refused when computed. */
function baseArgument(e: Emitted, name: string): number | null {
  if (e.type.columnType === 'null') return null;
  const m = /^\(?(-?)\(?(?:CAST\()?'?(-?\d+)'?(?: AS \w+)?\)?\)?$/.exec(e.sql);
  if (!m || familyOf(e.type) !== 'int') throw new DialectUnsupported(`${name}() with a base that is not an integer literal`);
  return Number(`${m[1] ?? ''}${m[2] ?? ''}`);
}

/** SQL for the 64-bit pattern (as HUGEINT 0..2^64-1) n's text reads as in base `from`. */
function parsed(textSql: string, from: number): string {
  const base = Math.abs(from);
  const valid = DIGITS.slice(0, base);
  const cls = `[${valid.replace(/[A-Z]+/, (l) => l + l.toLowerCase())}]`;
  const parts = `regexp_extract(${textSql}, '^[ \\t\\n\\r\\f\\v]*([-+]?)(${cls}*)', ['sign', 'digits'])`;
  // Digit by digit, saturating at 2^64 so that the product stays within HUGEINT.
  const value = `list_reduce(list_transform(string_split(upper(iq_m.digits), ''), lambda iq_c: CAST(strpos(${quoteString(DIGITS)}, iq_c) - 1 AS HUGEINT)), lambda iq_acc, iq_d: CASE WHEN iq_acc >= CAST('${TWO_64}' AS HUGEINT) THEN iq_acc ELSE iq_acc * ${base} + iq_d END, 0::HUGEINT)`;
  const negative = `iq_m.sign = '-'`;
  const pattern =
    from > 0
      ? `CASE WHEN iq_v >= CAST('${TWO_64}' AS HUGEINT) THEN CAST('${TWO_64 - 1n}' AS HUGEINT) WHEN ${negative} AND iq_v > 0 THEN CAST('${TWO_64}' AS HUGEINT) - iq_v ELSE iq_v END`
      : `CASE WHEN ${negative} THEN CASE WHEN iq_v >= CAST('${2n ** 63n}' AS HUGEINT) THEN CAST('${2n ** 63n}' AS HUGEINT) WHEN iq_v = 0 THEN 0::HUGEINT ELSE CAST('${TWO_64}' AS HUGEINT) - iq_v END WHEN iq_v > CAST('${2n ** 63n - 1n}' AS HUGEINT) THEN CAST('${2n ** 63n - 1n}' AS HUGEINT) ELSE iq_v END`;
  return `list_transform([${parts}], lambda iq_m: list_transform([CASE WHEN iq_m.digits = '' THEN 0::HUGEINT ELSE ${value} END], lambda iq_v: ${pattern})[1])[1]`;
}

/** CONV of the empty string is NULL on MariaDB (of 'zz' in base 10 it is 0). */
function emptyIsNull(textSql: string, sql: string): string {
  return `CASE WHEN ${textSql} = '' THEN NULL ELSE ${sql} END`;
}

/** SQL writing a 64-bit pattern (HUGEINT 0..2^64-1) in base `to` (signed when negative). */
function written(patternSql: string, to: number): string {
  const base = BigInt(Math.abs(to));
  const powers: bigint[] = [];
  for (let p = 1n; p < TWO_64; p *= base) powers.unshift(p);
  const digits = (v: string) => `coalesce(nullif(ltrim(array_to_string(list_transform([${powers.map((p) => `CAST('${p}' AS HUGEINT)`).join(', ')}], lambda iq_p: substr(${quoteString(DIGITS)}, CAST((${v} // iq_p) % ${base} AS INTEGER) + 1, 1)), ''), '0'), ''), '0')`;
  if (to > 0) return `list_transform([${patternSql}], lambda iq_u: ${digits('iq_u')})[1]`;
  return `list_transform([${patternSql}], lambda iq_u: CASE WHEN iq_u >= CAST('${2n ** 63n}' AS HUGEINT) THEN '-' || ${digits(`(CAST('${TWO_64}' AS HUGEINT) - iq_u)`)} ELSE ${digits('iq_u')} END)[1]`;
}

function conv(n: Emitted, from: number | null, to: number | null): Emitted {
  const f = familyOf(n.type);
  if (from === null || to === null || f === 'null') return { sql: 'NULL::VARCHAR', type: TYPE() };
  if (Math.abs(from) < 2 || Math.abs(from) > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return { sql: 'NULL::VARCHAR', type: TYPE() };
  if (/^bit/i.test(n.type.columnType)) throw new DialectUnsupported('CONV() of a BIT value');
  if (!['int', 'decimal', 'double', 'float', 'string', 'year', 'date', 'datetime', 'time'].includes(f)) throw new DialectUnsupported(`CONV() of a ${n.type.columnType || 'value of unknown type'}`);
  // A binary string's bytes are not text DuckDB can match; MariaDB reads them as latin1-ish digits.
  if (f === 'binary') throw new DialectUnsupported('CONV() of a binary string');
  const text = valueText(asMysqlText(n));
  return { sql: `CASE WHEN ${asValue(n)} IS NULL THEN NULL ELSE ${emptyIsNull(text, written(parsed(text, from), to))} END`, type: TYPE() };
}

export const CONV_FUNCTIONS: Record<string, FunctionTranslation> = {
  CONV(args, name) {
    arity(name, args, 3);
    return conv(args[0]!, baseArgument(args[1]!, name), baseArgument(args[2]!, name));
  },
  BIN: (args, name) => (arity(name, args, 1), conv(args[0]!, 10, 2)),
  OCT: (args, name) => (arity(name, args, 1), conv(args[0]!, 10, 8)),
};
