// A string literal read as a DATETIME the way MySQL's str_to_datetime reads it: 'YYYY-MM-DD',
// 'YY-MM-DD' (00-69 is 20xx), any punctuation between the parts ('2024/01/31'), a time after a
// space or 'T' with its fraction, or digits alone ('20240131', '240131', '20240131101112').
// Known exactly at translation time, so the SQL holds a TIMESTAMP literal (or NULL) and the
// result's fraction digits are the literal's own (6 when it is no date: MariaDB's rule).

export interface DatetimeLiteral {
  /** 'YYYY-MM-DD HH:MM:SS.ffffff' */
  text: string;
  fsp: number;
}

const PUNCT = '[!-/:-@\\[-`{-~]';
const DELIMITED = new RegExp(`^(\\d{4}|\\d{2})${PUNCT}(\\d{1,2})${PUNCT}(\\d{1,2})(?:(?:T| +)(\\d{1,2})${PUNCT}(\\d{1,2})(?:${PUNCT}(\\d{1,2})(?:\\.(\\d*))?)?)?$`);

/**
 * The literal as a DATETIME; null where MySQL reads NULL whatever the function (no digits in it,
 * a month past 12, a day its month lacks, a time past 23:59:59); 'refused' where MySQL's answer
 * depends on the function (a zero part, which some accept) or on a reading not done here.
 */
export function parseDatetimeLiteral(raw: string): DatetimeLiteral | null | 'refused' {
  const s = raw.trim();
  if (!/\d/.test(s)) return null;
  let parts: string[];
  const m = DELIMITED.exec(s);
  if (m) parts = m.slice(1).map((p) => p ?? '');
  else if (/^\d{8}$|^\d{6}$|^\d{14}(?:\.\d*)?$|^\d{12}(?:\.\d*)?$/.test(s)) {
    const [digits, frac = ''] = s.split('.');
    const yearDigits = digits!.length === 8 || digits!.length === 14 ? 4 : 2;
    const rest = digits!.slice(yearDigits).match(/\d\d/g)!;
    parts = [digits!.slice(0, yearDigits), ...rest, ...Array(5 - rest.length).fill(''), frac];
    parts = parts.slice(0, 7);
  } else return 'refused';
  const [y, mo, d, h = '', mi = '', sec = '', frac = ''] = parts as [string, string, string, string?, string?, string?, string?];
  const year = y.length === 2 ? (Number(y) < 70 ? 2000 : 1900) + Number(y) : Number(y);
  const [month, day, hour, minute, second] = [mo, d, h, mi, sec].map((p) => Number(p || 0)) as [number, number, number, number, number];
  if (month > 12 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // A zero part some functions take (DAY('2024-00-10') is 10) and others do not.
  if (year === 0 || month === 0 || day === 0) return 'refused';
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}:${pad(second)}.${frac.slice(0, 6).padEnd(6, '0')}`;
  return { text, fsp: Math.min(frac.length, 6) };
}
