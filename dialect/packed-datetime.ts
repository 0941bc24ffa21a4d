// A DATE or DATETIME compared with a value MySQL reads as a date that DuckDB cannot hold: a zero
// month or day (the number 1000000000 is 2000-10-00) or a day its month lacks (20240230). MariaDB
// compares these as real values (2000-10-00 sorts after 2000-09-30 and before 2000-10-01), so both
// sides compare here as packed numbers, YYYYMMDDhhmmss * 10^6 + microseconds (a HUGEINT), ordered
// as the parts are; the zero date (a value that is no date at all) is 0, below every date. Used
// where the other side is a column or expression (any of its values may be such a date) or a
// literal read as one; a literal that reads as a real date keeps the TIMESTAMP comparison
// (temporal-operand.ts), which DuckDB can push into a scan.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { familyOf } from './mysql-types.ts';
import { stringLiteralValue } from './function-args.ts';
import { DASHED, DIGITS, numberAsComparedDatetime, numberAsDatetimeDigits, TOO_FEW_PARTS, textAsComparedDatetime } from './temporal-operand.ts';

const bind = (value: string, name: string, body: string) => `list_transform([${value}], lambda ${name}: ${body})[1]`;

/** The packed form of the parts, by MySQL's check: a part out of range, or all zero, is the zero date. */
function packParts(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string): bigint {
  if (mo > 12 || d > 31 || h > 23 || mi > 59 || s > 59) return 0n;
  const digits = BigInt(y) * 10n ** 10n + BigInt(mo * 100000000 + d * 1000000 + h * 10000 + mi * 100 + s);
  return digits * 1000000n + BigInt(frac.padEnd(6, '0').slice(0, 6) || '0');
}

/** SQL: the packed form of SQL integer parts (`frac`: SQL text of up to 6 digits), by packParts' rule. */
function packPartsSql(y: string, mo: string, d: string, h: string, mi: string, s: string, frac: string): string {
  return `CASE WHEN ${mo} > 12 OR ${d} > 31 OR ${h} > 23 OR ${mi} > 59 OR ${s} > 59 THEN 0::HUGEINT ELSE ((CAST(${y} AS HUGEINT) * 10000 + ${mo} * 100 + ${d}) * 1000000 + ${h} * 10000 + ${mi} * 100 + ${s}) * 1000000 + CAST(rpad(${frac}, 6, '0') AS INTEGER) END`;
}

/** A literal string's packed reading; undefined for a form MySQL reads that is not modelled here. */
function textLiteralPacked(text: string): bigint | undefined {
  if (!/\d/.test(text) || TOO_FEW_PARTS.test(text)) return 0n;
  const m = DASHED.exec(text) ?? DIGITS.exec(text);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? 0)) as [number, number, number, number, number, number];
    return packParts(y, mo, d, h, mi, s, m[7] ?? '');
  }
  return undefined;
}

/** SQL: the packed form of a whole number (SQL of an integer type), read as number_to_datetime reads it. */
function wholeNumberPacked(n: string): string {
  const full = `CASE WHEN iq_d <= 0 THEN -1 WHEN iq_d >= 10000101000000 THEN CASE WHEN iq_d > 99991231235959 THEN -1 ELSE iq_d END WHEN iq_d < 101 THEN -1 WHEN iq_d <= 691231 THEN (iq_d + 20000000) * 1000000 WHEN iq_d < 700101 THEN -1 WHEN iq_d <= 991231 THEN (iq_d + 19000000) * 1000000 WHEN iq_d < 10000101 THEN -1 WHEN iq_d <= 99991231 THEN iq_d * 1000000 WHEN iq_d < 101000000 THEN -1 WHEN iq_d <= 691231235959 THEN iq_d + 20000000000000 WHEN iq_d < 700101000000 THEN -1 WHEN iq_d <= 991231235959 THEN iq_d + 19000000000000 ELSE error('instaquery cannot compare a date with the number ' || CAST(iq_d AS VARCHAR) || ' as MySQL does (13 digits)') END`;
  const part = (div: string) => `((iq_f // ${div}) % 100)`;
  const parts = packPartsSql('(iq_f // 10000000000)', part('100000000'), part('1000000'), part('10000'), part('100'), part('1'), "''");
  return bind(`CAST(${n} AS HUGEINT)`, 'iq_d', `CASE WHEN iq_d IS NULL THEN NULL ELSE ${bind(full, 'iq_f', `CASE WHEN iq_f < 0 THEN 0::HUGEINT ELSE ${parts} END`)} END`);
}

/** The scale of a DECIMAL type (decimal(12,2) is 2), or undefined. */
const decimalScale = (columnType: string) => /^decimal\(\d+,(\d+)\)/i.exec(columnType)?.[1];

/** SQL: a DECIMAL of at most 6 decimals as its packed reading: the whole part a date, the fraction its microseconds. */
function decimalPacked(x: string, scale: number): string {
  const whole = wholeNumberPacked('trunc(iq_x)');
  // The fraction is microseconds only of a number with a time of day (YYMMDDhhmmss and longer):
  // 20240229.5 is 2024-02-29, 20240229000000.5 is 2024-02-29 00:00:00.5 (checked against MariaDB).
  const micros = scale === 0 ? '0' : `CASE WHEN iq_x >= 101000000 THEN CAST((iq_x - trunc(iq_x)) * 1000000 AS HUGEINT) ELSE 0 END`;
  // A negative number, or one whose whole part is no date, is the zero date (as temporal-operand.ts reads it).
  return bind(x, 'iq_x', `CASE WHEN iq_x IS NULL THEN NULL WHEN iq_x < 0 THEN 0::HUGEINT ELSE ${bind(whole, 'iq_w', `CASE WHEN iq_w = 0 THEN 0::HUGEINT ELSE iq_w + ${micros} END`)} END`);
}

/** SQL: text (not a literal) as its packed reading, by the forms textLiteralPacked reads. */
function textPacked(text: string): string {
  const refusal = `'instaquery cannot compare a date with the string ''' || iq_s || ''' as MySQL does'`;
  const extract = (re: RegExp, names: string) => `regexp_extract(iq_s, '${re.source}', [${names}])`;
  const n = (field: string) => `CAST(coalesce(nullif(iq_p.${field}, ''), '0') AS INTEGER)`;
  const parts = (frac: string) => packPartsSql(n('y'), n('mo'), n('d'), n('h'), n('mi'), n('s'), frac);
  const dashed = bind(extract(DASHED, "'y', 'mo', 'd', 'h', 'mi', 's', 'f'"), 'iq_p', parts('iq_p.f'));
  const digits = bind(extract(DIGITS, "'y', 'mo', 'd', 'h', 'mi', 's'"), 'iq_p', parts("''"));
  return bind(`CAST(${text} AS VARCHAR)`, 'iq_s', `CASE WHEN iq_s IS NULL THEN NULL WHEN NOT regexp_matches(iq_s, '[0-9]') OR regexp_matches(iq_s, '${TOO_FEW_PARTS.source}') THEN 0::HUGEINT WHEN regexp_matches(iq_s, '${DASHED.source}') THEN ${dashed} WHEN regexp_matches(iq_s, '${DIGITS.source}') THEN ${digits} ELSE error(${refusal}) END`);
}

const PACKED_BODY = `CASE WHEN iq_t IS NULL THEN NULL ELSE ((year(iq_t)::HUGEINT * 10000 + month(iq_t) * 100 + day(iq_t)) * 1000000 + hour(iq_t) * 10000 + minute(iq_t) * 100 + second(iq_t)) * 1000000 + microsecond(iq_t) % 1000000 END`;

/** SQL: a DATE or DATETIME value (DuckDB DATE or TIMESTAMP) in packed form. */
export function packedTemporal(e: Emitted): string {
  return bind(`CAST(${asValue(e)} AS TIMESTAMP)`, 'iq_t', PACKED_BODY);
}

/** Whether SQL is packedTemporal's (BETWEEN then compares with each bound apart: the other may read the date as a TIMESTAMP). */
export const isPackedTemporal = (sql: string) => sql.endsWith(`lambda iq_t: ${PACKED_BODY})[1]`);

/**
 * The other side of a comparison with a DATE or DATETIME in packed form, where it is one that may
 * be a date DuckDB cannot hold; undefined where temporal-operand.ts compares it as a TIMESTAMP.
 */
export function packedComparedOperand(other: Emitted): string | undefined {
  if (other.json !== undefined) return undefined;
  const f = familyOf(other.type);
  if (f === 'string' || f === 'binary') {
    const literal = stringLiteralValue(other);
    if (literal === undefined) return textPacked(asValue(other));
    if (textAsComparedDatetime(literal) !== 'refused') return undefined;
    const packed = textLiteralPacked(literal);
    if (packed === undefined) throw new DialectUnsupported(`comparing a date with the string '${literal}' (a form of date not read here)`);
    return `${packed}::HUGEINT`;
  }
  if (f === 'int') {
    const digits = /^(\d+)(?:::U?BIGINT)?$/.exec(other.sql)?.[1];
    if (digits === undefined) return wholeNumberPacked(asValue(other));
    if (numberAsComparedDatetime(BigInt(digits)) !== 'refused') return undefined;
    const full = numberAsDatetimeDigits(BigInt(digits));
    // 13 digits: refused by temporal-operand.ts.
    if (typeof full !== 'bigint') return undefined;
    const part = (div: bigint) => Number((full / div) % 100n);
    return `${packParts(Number(full / 10000000000n), part(100000000n), part(1000000n), part(10000n), part(100n), part(1n), '')}::HUGEINT`;
  }
  if (f === 'decimal') {
    const scale = decimalScale(other.type.columnType);
    // More than 6 decimals (how MariaDB cuts them is not modelled): as temporal-operand.ts reads it.
    if (scale === undefined || Number(scale) > 6) return undefined;
    return decimalPacked(asValue(other), Number(scale));
  }
  return undefined;
}
