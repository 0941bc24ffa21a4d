// DOUBLE and FLOAT values as MariaDB prints them (strings/dtoa.c, my_gcvt): the shortest digits
// that read back as the same value (FLOAT: 6 significant digits), written plainly while the
// decimal point sits within 15 places of the first digit (1e-15 is 0.000000000000001, 1e14 is
// 100000000000000), else as d.ddde±x without a '+' or padding (1e15, 1.5e-16); zero is 0.

/** Where the point falls relative to the digits: value = 0.DIGITS × 10^decpt. */
interface Decimal {
  negative: boolean;
  digits: string;
  decpt: number;
}

/** A finite non-zero number as digits and point, from JS's exponential form (`1.25e+3`). */
function decimalOf(x: number, significant?: number): Decimal {
  const text = significant === undefined ? x.toExponential() : x.toExponential(significant - 1);
  const m = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/.exec(text)!;
  const digits = (m[2]! + (m[3] ?? '')).replace(/0+$/, '') || '0';
  return { negative: m[1] === '-', digits, decpt: Number(m[4]) + 1 };
}

/** my_gcvt's choice of form: plain while -14 <= decpt <= 15, else exponential. */
function gcvt(d: Decimal): string {
  const { digits, decpt } = d;
  let body: string;
  if (decpt >= -14 && decpt <= 15) {
    if (decpt <= 0) body = `0.${'0'.repeat(-decpt)}${digits}`;
    else if (decpt >= digits.length) body = digits + '0'.repeat(decpt - digits.length);
    else body = `${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  } else {
    body = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${decpt - 1}`;
  }
  return (d.negative ? '-' : '') + body;
}

/** A DOUBLE as MariaDB prints it with its shortest digits (NOT_FIXED_DEC). */
export function mysqlDoubleText(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return gcvt(decimalOf(x));
}

/** A FLOAT (widened to a double) as MariaDB prints it: 6 significant digits (FLT_DIG). */
export function mysqlFloatText(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return String(x);
  return gcvt(decimalOf(x, 6));
}

/**
 * A DOUBLE with fixed decimals (ROUND(x, 2), PI()), as my_fcvt prints it: its shortest digits
 * padded with zeros to that many decimals (ROUND(163742616012970017, 6) is
 * 163742616012970020.000000, ROUND(1e308, 2) 1 and 308 zeros then .00), rounded to them only
 * where the shortest digits hold more; a value that rounds to zero has no minus sign.
 */
export function mysqlFixedText(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return String(x);
  const d = x === 0 ? undefined : decimalOf(x);
  if (d && d.digits.length - d.decpt <= decimals) {
    const int = d.decpt <= 0 ? '0' : d.decpt >= d.digits.length ? d.digits + '0'.repeat(d.decpt - d.digits.length) : d.digits.slice(0, d.decpt);
    const fraction = d.decpt < 0 ? '0'.repeat(-d.decpt) + d.digits : d.decpt >= d.digits.length ? '' : d.digits.slice(d.decpt);
    return `${d.negative ? '-' : ''}${int}${decimals > 0 ? `.${fraction.padEnd(decimals, '0')}` : ''}`;
  }
  const text = x.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}
