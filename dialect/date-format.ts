// DATE_FORMAT's specifiers over a DuckDB TIMESTAMP: strftime's where MySQL's agree, expressions
// where they do not (%D's suffixes, %c, the week specifiers of dialect/week-numbers.ts).
import { quoteString } from './emitted.ts';
import { calcWeek, weekBehaviour, weekOf } from './week-numbers.ts';

/** MySQL DATE_FORMAT specifiers: strftime's where they agree, expressions where they do not. */
const SPECIFIERS: Record<string, string | ((ts: string) => string)> = {
  a: '%a', b: '%b', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j', k: '%-H', l: '%-I',
  M: '%B', m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S', W: '%A',
  w: '%w', Y: '%Y', y: '%y', '%': '%%',
  c: (ts) => `CAST(month(${ts}) AS VARCHAR)`,
  D: (ts) => `(CAST(day(${ts}) AS VARCHAR) || CASE WHEN day(${ts}) IN (11, 12, 13) THEN 'th' WHEN day(${ts}) % 10 = 1 THEN 'st' WHEN day(${ts}) % 10 = 2 THEN 'nd' WHEN day(${ts}) % 10 = 3 THEN 'rd' ELSE 'th' END)`,
};

/** DATE_FORMAT's week specifiers: %U %u %V %v are WEEK modes 0 1 2 3; %X %x the years of 2 and 3. */
const WEEK_SPECIFIERS: Record<string, (ts: string) => string> = {
  U: (ts) => `lpad(CAST(${weekOf(ts, 0)} AS VARCHAR), 2, '0')`,
  u: (ts) => `lpad(CAST(${weekOf(ts, 1)} AS VARCHAR), 2, '0')`,
  V: (ts) => `lpad(CAST(${weekOf(ts, 2)} AS VARCHAR), 2, '0')`,
  v: (ts) => `lpad(CAST(${weekOf(ts, 3)} AS VARCHAR), 2, '0')`,
  X: (ts) => `lpad(CAST(${calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(2)).year} AS VARCHAR), 4, '0')`,
  x: (ts) => `lpad(CAST(${calcWeek(`CAST(${ts} AS DATE)`, weekBehaviour(3)).year} AS VARCHAR), 4, '0')`,
};

export function formatDate(ts: string, format: string): string {
  const parts: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) parts.push(`strftime(${ts}, ${quoteString(pending)})`);
    pending = '';
  };
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      pending += ch === '%' ? '%%' : ch;
      continue;
    }
    const spec = format[++i]!;
    const mapped = WEEK_SPECIFIERS[spec] ?? SPECIFIERS[spec];
    if (mapped === undefined) {
      pending += spec; // MySQL prints an unknown specifier's letter
    } else if (typeof mapped === 'string') pending += mapped;
    else {
      flush();
      parts.push(mapped(ts));
    }
  }
  flush();
  return parts.length === 0 ? "''" : parts.length === 1 ? parts[0]! : `(${parts.join(' || ')})`;
}

