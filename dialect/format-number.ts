// FORMAT(x, d[, locale]) as MariaDB's Item_func_format: d clamped to 0..38; an integer or DECIMAL
// rounded half away from zero (my_decimal_round HALF_UP); anything else read as a DOUBLE, rounded
// by my_double_round (rint(x * 10^d) / 10^d: half to even on the product) and written with its
// shortest digits padded with zeros (my_fcvt: FORMAT(1/3e0, 20) is 0.33333333333333330000,
// FORMAT(1e23, 0) is 100,000,000,000,000,000,000,000); then the integer digits grouped by the
// locale's separator (dialect/format-locales.ts). A zero never keeps a minus sign.
import { DialectUnsupported } from './dialect-error.ts';
import { decimalText } from './double-text.ts';
import { asValue, numberOf, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { numberLocale, type NumberLocale } from './format-locales.ts';
import { charLength, digitsOf, familyOf, stringType, typeOf } from './mysql-types.ts';

const FORMAT_MAX_DECIMALS = 38;

/** The d argument as MariaDB clamps it, or null for a NULL literal; refused unless a literal. */
function decimalsArgument(e: Emitted): number | null {
  if (e.type.columnType === 'null') return null;
  const m = /^\(?(-?)\(?(?:CAST\()?'?(-?\d+)'?(?: AS \w+)?\)?\)?$/.exec(e.sql);
  const n = m && familyOf(e.type) === 'int' ? Number(`${m[1] ?? ''}${m[2] ?? ''}`) : NaN;
  if (!Number.isInteger(n)) throw new DialectUnsupported('FORMAT() with decimals that are not an integer literal');
  return Math.min(Math.max(n, 0), FORMAT_MAX_DECIMALS);
}

/** The locale argument: a string literal or NULL (en_US); refused when computed. */
function localeArgument(e: Emitted | undefined): NumberLocale {
  if (!e || e.type.columnType === 'null') return numberLocale(null);
  const name = stringLiteralValue(e);
  if (name === undefined) throw new DialectUnsupported('FORMAT() with a locale that is not a string literal');
  return numberLocale(name);
}

const zeros = (n: number) => (n > 0 ? quoteString('0'.repeat(n)) : "''");

/** An exact number's text with exactly d decimals ('-1234.50'). */
function exactText(x: Emitted, d: number): string {
  const f = familyOf(x.type);
  if (f === 'int' || f === 'year') {
    if (/^bit/i.test(x.type.columnType)) throw new DialectUnsupported('FORMAT() of a BIT value');
    return `(CAST(${asValue(x)} AS VARCHAR)${d > 0 ? ` || '.' || ${zeros(d)}` : ''})`;
  }
  const { int, scale } = digitsOf(x.type);
  if (d >= scale) {
    const text = decimalText(x);
    if (text === undefined) throw new DialectUnsupported('FORMAT() of a DECIMAL wider than 38 digits');
    return `(${text}${scale === 0 && d > 0 ? " || '.'" : ''} || ${zeros(d - scale)})`;
  }
  // DuckDB's round() of a DECIMAL is half away from zero, as MariaDB's.
  return `CAST(CAST(round(${asValue(x)}, ${d}) AS DECIMAL(${Math.min(int + 1 + d, 38)},${d})) AS VARCHAR)`;
}

/**
 * A DOUBLE's text as FORMAT writes it: rounded at d by rint, then its shortest digits in plain
 * notation padded to d decimals. Shortest digits longer than d (past 2^53, rare) take printf's
 * correctly rounded %.{d}f, which is what my_fcvt's dtoa mode 3 gives there.
 */
function doubleText(x: Emitted, d: number): string {
  const value = `CAST(${familyOf(x.type) === 'string' ? numberOf(x) : asValue(x)} AS DOUBLE)`;
  const scaled = `(iq_x * CAST('1e${d}' AS DOUBLE))`;
  const rounded = `CASE WHEN isinf(${scaled}) OR isnan(${scaled}) THEN iq_x ELSE round_even(${scaled}, 0) / CAST('1e${d}' AS DOUBLE) END`;
  // DuckDB's text of a double: shortest digits, as '-1.5e+16', '100.0', '1e-07'.
  const parts = `regexp_extract(CAST(iq_r AS VARCHAR), '^(-?)([0-9]+)(?:[.]([0-9]*))?(?:e([-+]?[0-9]+))?$', ['sign', 'int', 'frac', 'exp'])`;
  const all = `(iq_m.int || coalesce(iq_m.frac, ''))`;
  // digits: all significant digits; point: where the point goes, counted from the first digit of `all`.
  const split = `{'sign': iq_m.sign, 'digits': rtrim(${all}, '0'), 'point': length(iq_m.int) + coalesce(TRY_CAST(iq_m.exp AS INTEGER), 0)}`;
  const intPart = `CASE WHEN iq_s.point <= 0 THEN '0' ELSE ltrim(rpad(left(iq_s.digits, CAST(iq_s.point AS INTEGER)), CAST(iq_s.point AS INTEGER), '0'), '0') END`;
  const fracDigits = `CASE WHEN iq_s.point >= length(iq_s.digits) THEN '' WHEN iq_s.point < 0 THEN repeat('0', -iq_s.point) || iq_s.digits ELSE substr(iq_s.digits, iq_s.point + 1) END`;
  const plain = `{'sign': iq_s.sign, 'int': CASE WHEN (${intPart}) = '' THEN '0' ELSE ${intPart} END, 'frac': ${fracDigits}}`;
  const text = `CASE WHEN length(iq_p.frac) > ${d} THEN printf('%.${d}f', iq_r) ELSE iq_p.sign || iq_p.int${d > 0 ? ` || '.' || rpad(iq_p.frac, ${d}, '0')` : ''} END`;
  const body = `list_transform([${parts}], lambda iq_m: list_transform([${split}], lambda iq_s: list_transform([${plain}], lambda iq_p: ${text})[1])[1])[1]`;
  return `list_transform([${value}], lambda iq_x: list_transform([${rounded}], lambda iq_r: ${body})[1])[1]`;
}

/** '-1234567.50' grouped and pointed as the locale writes it; a zero loses its sign. */
function localized(text: string, d: number, locale: NumberLocale): string {
  const parts = `regexp_extract(iq_t, '^(-?)([0-9]+)(?:[.]([0-9]*))?$', ['sign', 'int', 'frac'])`;
  const rev = 'reverse(iq_m.int)';
  const grouped3 = (s: string) => `rtrim(regexp_replace(${s}, '([0-9]{3})', '\\1,', 'g'), ',')`;
  const grouped2 = (s: string) => `rtrim(regexp_replace(${s}, '([0-9]{2})', '\\1,', 'g'), ',')`;
  let intText: string;
  if (locale.separator === '') intText = 'iq_m.int';
  else {
    const commas = locale.indian ? `CASE WHEN length(iq_m.int) <= 3 THEN iq_m.int ELSE reverse(left(${rev}, 3) || ',' || ${grouped2(`substr(${rev}, 4)`)}) END` : `reverse(${grouped3(rev)})`;
    intText = locale.separator === ',' ? commas : `replace(${commas}, ',', ${locale.separator === '\0' ? 'chr(0)' : quoteString(locale.separator)})`;
  }
  const zero = `(ltrim(iq_m.int, '0') = '' AND ltrim(coalesce(iq_m.frac, ''), '0') = '')`;
  const sign = `CASE WHEN ${zero} THEN '' ELSE iq_m.sign END`;
  const frac = d > 0 ? ` || ${quoteString(locale.point)} || iq_m.frac` : '';
  return `list_transform([${text}], lambda iq_t: list_transform([${parts}], lambda iq_m: ${sign} || ${intText}${frac})[1])[1]`;
}

export const FORMAT: FunctionTranslation = (args, name) => {
  arity(name, args, 2, 3);
  const [x, places, loc] = args as [Emitted, Emitted, Emitted | undefined];
  const d = decimalsArgument(places);
  const locale = localeArgument(loc);
  const f = familyOf(x.type);
  const length = charLength(x.type) + FORMAT_MAX_DECIMALS + Math.ceil(charLength(x.type) / 3) + 2;
  const type = { ...typeOf(stringType(Math.min(length, 16383)), true), textDecimals: 39 };
  if (d === null || f === 'null') return { sql: 'NULL::VARCHAR', type };
  let text: string;
  if (f === 'int' || f === 'year' || f === 'decimal') text = exactText(x, d);
  else if (f === 'double' || f === 'float' || f === 'string') text = doubleText(x, d);
  else throw new DialectUnsupported(`FORMAT() of a ${x.type.columnType || 'value of unknown type'}`);
  return { sql: `CASE WHEN ${asValue(x)} IS NULL THEN NULL ELSE ${localized(text, d, locale)} END`, type };
};
