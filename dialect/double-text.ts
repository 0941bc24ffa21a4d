// A DOUBLE or FLOAT as the text MariaDB makes of it (CONCAT, CAST AS CHAR, GROUP_CONCAT, LIKE):
// my_gcvt's shortest digits (a FLOAT's 6 significant), plain while the point is within 15 places
// (1e14 is 100000000000000, 1e-15 is 0.000000000000001), else d.ddde±x with no '+' (1e15,
// 1.5e-16); a DOUBLE with fixed decimals (ROUND(x, 2)) its shortest digits padded to those. DuckDB's own
// CAST(DOUBLE AS VARCHAR) has the shortest digits but writes 1e+308, 100.0 and 1e-05, so its
// text is taken apart into sign, digits and point and written again as MariaDB writes it. The
// gateway prints result values the same way (gateway/double-text.ts).
import { asValue, type Emitted } from './emitted.ts';
import { decimalsOf, digitsOf, familyOf, NOT_FIXED_DEC } from './mysql-types.ts';

/** SQL for the text of a value as MariaDB converts it to a string; undefined when DuckDB's cast already agrees. */
export function floatingText(e: Emitted): string | undefined {
  const f = familyOf(e.type);
  if (f !== 'double' && f !== 'float') return undefined;
  const decimals = decimalsOf(e.type);
  if (decimals < NOT_FIXED_DEC) return fixedSql(`CAST(${asValue(e)} AS DOUBLE)`, decimals);
  // DuckDB writes a DOUBLE's shortest digits; printf's %e rounds a FLOAT to its 6.
  const duck = f === 'float' ? `printf('%.5e', CAST(${asValue(e)} AS DOUBLE))` : `CAST(CAST(${asValue(e)} AS DOUBLE) AS VARCHAR)`;
  return gcvtSql(duck);
}

/** The text of any value as MariaDB converts it to a string: a number's digits, a string as it is. */
export function valueText(e: Emitted): string {
  const f = familyOf(e.type);
  if (f === 'string' || f === 'binary' || e.type.columnType === 'null') return asValue(e);
  return floatingText(e) ?? decimalText(e) ?? `CAST(${asValue(e)} AS VARCHAR)`;
}

/**
 * A DECIMAL's text at its declared scale: a quotient holds more digits inside (1/3 is
 * 0.333333333) than it shows (0.3333).
 */
export function decimalText(e: Emitted): string | undefined {
  if (familyOf(e.type) !== 'decimal') return undefined;
  const { int, scale } = digitsOf(e.type);
  if (int + scale > 38) return undefined;
  return `CAST(CAST(${asValue(e)} AS DECIMAL(${Math.max(int + scale, 1)},${scale})) AS VARCHAR)`;
}

/**
 * A DOUBLE with fixed decimals as MariaDB writes it (my_fcvt): its shortest digits padded with
 * zeros to the decimals (ROUND(163742616012970017, 6) is 163742616012970020.000000, not the
 * binary value's 163742616012970016.000000); rounded to the decimals only where the shortest
 * digits hold more; a value that rounds to zero without its minus sign.
 */
function fixedSql(double: string, decimals: number): string {
  const rounded = `regexp_replace(printf('%.${decimals}f', iq_x), '^-(0([.]0*)?)$', '\\1')`;
  const intPart = `CASE WHEN d.decpt <= 0 THEN '0' WHEN d.decpt >= length(d.digits) THEN d.digits || repeat('0', d.decpt - length(d.digits)) ELSE left(d.digits, d.decpt) END`;
  const fraction = `CASE WHEN d.decpt < 0 THEN repeat('0', -d.decpt) || d.digits WHEN d.decpt >= length(d.digits) THEN '' ELSE substr(d.digits, d.decpt + 1) END`;
  const padded = decimals > 0 ? `${intPart} || '.' || rpad(${fraction}, ${decimals}, '0')` : intPart;
  const written = `CASE WHEN d.digits = '' OR length(d.digits) - d.decpt > ${decimals} THEN ${rounded} ELSE d.sign || ${padded} END`;
  return `list_transform([${double}], lambda iq_x: ${shortestDigits('CAST(iq_x AS VARCHAR)', written)})[1]`;
}

/** SQL: `body` over `d` (sign, digits without the zeros around them, decpt) of DuckDB's text of a double. */
function shortestDigits(duckText: string, body: string): string {
  const parts = `regexp_extract(${duckText}, '^(-?)([0-9]+)(?:[.]([0-9]*))?(?:e([-+]?[0-9]+))?$', ['sign', 'int', 'frac', 'exp'])`;
  const all = `(m.int || m.frac)`;
  const decimal = `{'sign': m.sign, 'digits': trim(${all}, '0'), 'decpt': length(m.int) + coalesce(TRY_CAST(m.exp AS INTEGER), 0) - (length(${all}) - length(ltrim(${all}, '0')))}`;
  return `list_transform([${parts}], lambda m: list_transform([${decimal}], lambda d: ${body})[1])[1]`;
}

/** my_gcvt over DuckDB's text of a double ('-1.5e+16', '100.0', '1e-05'): sign, digits, point. */
function gcvtSql(duckText: string): string {
  const parts = `regexp_extract(${duckText}, '^(-?)([0-9]+)(?:[.]([0-9]*))?(?:e([-+]?[0-9]+))?$', ['sign', 'int', 'frac', 'exp'])`;
  // digits without the zeros around them; decpt: the value is 0.digits × 10^decpt.
  const all = `(m.int || m.frac)`;
  const decimal = `{'sign': m.sign, 'digits': trim(${all}, '0'), 'decpt': length(m.int) + coalesce(TRY_CAST(m.exp AS INTEGER), 0) - (length(${all}) - length(ltrim(${all}, '0')))}`;
  const plain = `CASE WHEN d.decpt <= 0 THEN '0.' || repeat('0', -d.decpt) || d.digits WHEN d.decpt >= length(d.digits) THEN d.digits || repeat('0', d.decpt - length(d.digits)) ELSE left(d.digits, d.decpt) || '.' || substr(d.digits, d.decpt + 1) END`;
  const exponential = `left(d.digits, 1) || CASE WHEN length(d.digits) > 1 THEN '.' || substr(d.digits, 2) ELSE '' END || 'e' || CAST(d.decpt - 1 AS VARCHAR)`;
  const written = `CASE WHEN d.digits = '' THEN '0' WHEN d.decpt BETWEEN -14 AND 15 THEN d.sign || ${plain} ELSE d.sign || ${exponential} END`;
  return `list_transform([${parts}], lambda m: list_transform([${decimal}], lambda d: ${written})[1])[1]`;
}
