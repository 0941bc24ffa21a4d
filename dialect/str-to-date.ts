// STR_TO_DATE(str, format) as MariaDB's extract_date_time reads it. The format (a literal) is
// compiled into steps run left to right over the string, each eating what MariaDB eats: spaces
// first, then 1 to N digits for a number (no backtracking: '20245-' with '%Y-' fails), a word
// for %b/%M/%a/%W (a month or day name, or a unique prefix of one), two letters for %p, a
// literal character; the value running out ends the parse (what is left is 0: '2024' with
// '%Y-%m' is 2024-00). Then MariaDB's checks: month <= 12, day <= 31, hour <= 23 (1-12 with
// %h/%I/%l), minute and second <= 59, else NULL. The result is a DATE, DATETIME(0|6) or TIME(0|6)
// by the format's specifiers. A date MariaDB gives that DuckDB cannot hold (a zero part, Feb 30)
// is refused when met.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';
import { temporalText } from './temporal-values.ts';
import { timeText, timeType } from './time-values.ts';

type Field = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'micro' | 'yearday';
type Step =
  | { kind: 'number'; field: Field; width: number; suffix?: boolean }
  | { kind: 'literal'; text: string }
  | { kind: 'word'; names: string[]; field: 'month' | 'weekday' }
  | { kind: 'ampm'; allowed: boolean }
  | { kind: 'skip'; pattern: string }
  | { kind: 'fail' };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const abbreviated = (names: string[]) => names.map((n) => n.slice(0, 3));

const DATE_SPECIFIERS = new Set([...'deDjmcMbUuVvWaxXyYw']);
// %p marks no time part: '%Y-%m-%d %p' is a DATE (and a format marking neither is one too).
const TIME_SPECIFIERS = new Set([...'HhIiklrSsT']);

/** The format's steps; %T and %r as the formats they stand for. */
function compile(format: string): { steps: Step[]; date: boolean; time: boolean; fraction: boolean } {
  const steps: Step[] = [];
  let date = false;
  let time = false;
  let fraction = false;
  let twelveHour = false;
  const expanded = format.replace(/%T/g, '%H:%i:%S').replace(/%r/g, '%I:%i:%S %p');
  for (const spec of format.matchAll(/%(.)/gs)) {
    if (DATE_SPECIFIERS.has(spec[1]!)) date = true;
    if (TIME_SPECIFIERS.has(spec[1]!)) time = true;
    if (spec[1] === 'f') fraction = time = true;
  }
  for (let i = 0; i < expanded.length; i++) {
    const ch = expanded[i]!;
    if (/[ \t\n\v\f\r]/.test(ch)) continue; // a space in the format only skips the string's spaces
    if (ch !== '%' || i === expanded.length - 1) {
      steps.push({ kind: 'literal', text: ch });
      continue;
    }
    const spec = expanded[++i]!;
    const num = (field: Field, width: number, suffix = false) => steps.push({ kind: 'number', field, width, suffix });
    switch (spec) {
      case 'Y': num('year', 4); break;
      case 'y': num('year2', 2); break;
      case 'm': case 'c': num('month', 2); break;
      case 'd': case 'e': num('day', 2); break;
      case 'D': num('day', 2, true); break;
      case 'j': num('yearday', 3); break;
      case 'H': case 'k': num('hour', 2); break;
      case 'h': case 'I': case 'l': num('hour12', 2); twelveHour = true; break;
      case 'i': num('minute', 2); break;
      case 's': case 'S': num('second', 2); break;
      case 'f': num('micro', 6); break;
      case 'M': steps.push({ kind: 'word', names: MONTHS, field: 'month' }); break;
      case 'b': steps.push({ kind: 'word', names: abbreviated(MONTHS), field: 'month' }); break;
      case 'W': steps.push({ kind: 'word', names: DAYS, field: 'weekday' }); break;
      case 'a': steps.push({ kind: 'word', names: abbreviated(DAYS), field: 'weekday' }); break;
      // %p needs a 12-hour specifier before it, else it fails wherever it is reached.
      case 'p': steps.push({ kind: 'ampm', allowed: twelveHour }); break;
      case '.': steps.push({ kind: 'skip', pattern: '^[[:punct:]]*' }); break;
      case '@': steps.push({ kind: 'skip', pattern: '^[A-Za-z]*' }); break;
      case '#': steps.push({ kind: 'skip', pattern: '^[0-9]*' }); break;
      case 'U': case 'u': case 'V': case 'v': case 'X': case 'x': case 'w':
        throw new DialectUnsupported(`STR_TO_DATE() with the week specifier %${spec}`);
      // %% and any other letter fail the parse where they are reached (STR_TO_DATE('%', '%%') is NULL).
      default: steps.push({ kind: 'fail' });
    }
  }
  return { steps, date, time, fraction };
}

const SPACES = "' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)";

/**
 * One step over the state [rest, captures...]: the rest is NULL once the parse failed and ''
 * once the string ran out (later steps then capture NULL: their field stays 0).
 */
function stepSql(state: string, step: Step): string {
  const r = 'iq_s[1]';
  const after = (eaten: string, capture: string) => `list_concat([substr(${r}, length(${eaten}) + 1)], iq_s[2:], [${capture}])`;
  const fail = `list_concat([NULL::VARCHAR], iq_s[2:], [NULL::VARCHAR])`;
  let body: string;
  switch (step.kind) {
    case 'number': {
      const digits = `regexp_extract(${r}, '^[0-9]{0,${step.width}}')`;
      // No digit where a number belongs fails the parse ('bob' with '%Y' is NULL).
      const signed = `CASE WHEN ${r}[1] IN ('-', '+') THEN CAST(error('instaquery cannot read a signed number in STR_TO_DATE() as MariaDB does') AS VARCHAR[]) WHEN ${digits} = '' THEN ${fail} ELSE `;
      if (step.suffix) {
        // %D: the day, then two characters whatever they are ('5th').
        const eaten = `(${digits} || substr(${r}, length(${digits}) + 1, 2))`;
        body = `${signed}CASE WHEN regexp_matches(substr(${r}, length(${digits}) + 1, 2), '[^\\x00-\\x7f]') THEN CAST(error('instaquery cannot read a non-ASCII day suffix in STR_TO_DATE() as MariaDB does') AS VARCHAR[]) ELSE ${after(eaten, digits)} END END`;
      } else body = `${signed}${after(digits, digits)} END`;
      break;
    }
    case 'literal':
      body = `CASE WHEN starts_with(${r}, ${quoteString(step.text)}) THEN ${after(quoteString(step.text), 'NULL::VARCHAR')} ELSE ${fail} END`;
      break;
    case 'word': {
      // MariaDB's word is its letters (a non-ASCII letter after them makes it match no name).
      const word = `regexp_extract(${r}, '^[A-Za-z]*[^\\x00-\\x7f]?')`;
      body = after(word, word);
      break;
    }
    case 'ampm':
      body = step.allowed ? `CASE WHEN length(${r}) < 2 THEN ${fail} ELSE ${after(`left(${r}, 2)`, `left(${r}, 2)`)} END` : fail;
      break;
    case 'skip':
      body = after(`regexp_extract(${r}, '${step.pattern}')`, 'NULL::VARCHAR');
      break;
    case 'fail':
      body = fail;
  }
  const trimmed = `list_concat([ltrim(iq_p[1], ${SPACES})], iq_p[2:])`;
  return `list_transform([list_transform([${state}], lambda iq_p: ${trimmed})[1]], lambda iq_s: CASE WHEN ${r} IS NULL OR ${r} = '' THEN list_append(iq_s, NULL::VARCHAR) ELSE ${body} END)[1]`;
}

/** The name's number (1-based) when the word is a name or a unique prefix of one; NULL otherwise. */
function nameNumber(word: string, names: string[]): string {
  const lw = `lower(${word})`;
  const hits = names.map((n) => `starts_with(${quoteString(n)}, ${lw})`);
  return `CASE WHEN ${word} = '' OR (${hits.map((h) => `${h}::INTEGER`).join(' + ')}) <> 1 THEN NULL ${hits.map((h, i) => `WHEN ${h} THEN ${i + 1}`).join(' ')} END`;
}

/** The string STR_TO_DATE reads: text as it is, a number's digits, a date's MySQL text. */
function inputText(e: Emitted): string {
  const f = familyOf(e.type);
  if (f === 'string') return asValue(e);
  if (f === 'null') return 'NULL::VARCHAR';
  if (f === 'int' || f === 'decimal' || f === 'year') return `CAST(${asValue(e)} AS VARCHAR)`;
  const text = temporalText(e);
  if (text) return text.sql;
  throw new DialectUnsupported(`STR_TO_DATE() of a ${f} value`);
}

export function strToDate(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const format = stringLiteralValue(args[1]!);
  if (format === undefined) throw new DialectUnsupported(`${name}() with a format that is not a string literal`);
  const { steps, date, time, fraction } = compile(format);
  let state = `[${inputText(args[0]!)}]`;
  for (const step of steps) state = stepSql(state, step);
  // Each field: the last step that set it (a capture of '' is 0), else 0.
  const cap = (i: number) => `iq_z[${i + 2}]`;
  const num = (i: number) => `CAST(coalesce(nullif(${cap(i)}, ''), '0') AS BIGINT)`;
  const field = (f: Field | 'weekday', read: (i: number) => string) => {
    const idx = steps.map((s, i) => ('field' in s && s.field === f ? i : -1)).filter((i) => i >= 0).reverse();
    return idx.length ? `coalesce(${idx.map(read).join(', ')})` : 'NULL';
  };
  const century = (y: string) => `CASE WHEN ${y} < 70 THEN ${y} + 2000 ELSE ${y} + 1900 END`;
  const readYear = (i: number) => (steps[i]!.kind === 'number' && (steps[i] as { field: Field }).field === 'year2' ? `CASE WHEN ${cap(i)} IS NULL THEN NULL ELSE ${century(num(i))} END` : `CASE WHEN ${cap(i)} IS NULL THEN NULL WHEN length(${cap(i)}) <= 2 THEN ${century(num(i))} ELSE ${num(i)} END`);
  const byNumber = (i: number) => `CASE WHEN ${cap(i)} IS NULL THEN NULL ELSE ${num(i)} END`;
  const byWord = (i: number) => `CASE WHEN ${cap(i)} IS NULL THEN NULL ELSE coalesce(${nameNumber(cap(i), (steps[i] as { names: string[] }).names)}, -1) END`;
  const yearIdx = steps.map((s, i) => ('field' in s && (s.field === 'year' || s.field === 'year2') ? i : -1)).filter((i) => i >= 0).reverse();
  const year = yearIdx.length ? `coalesce(${yearIdx.map(readYear).join(', ')}, 0)` : '0';
  const month = `coalesce(${[field('month', (i) => (steps[i]!.kind === 'word' ? byWord(i) : byNumber(i)))].join('')}, 0)`;
  const weekdayOk = `coalesce(${field('weekday', byWord)}, 0) >= 0`;
  const h12Idx = steps.findIndex((s) => 'field' in s && s.field === 'hour12');
  const usa = h12Idx >= 0 ? `${cap(h12Idx)} IS NOT NULL` : 'false';
  const hourIdx = steps.map((s, i) => ('field' in s && (s.field === 'hour' || s.field === 'hour12') ? i : -1)).filter((i) => i >= 0).reverse();
  const hour = hourIdx.length ? `coalesce(${hourIdx.map(byNumber).join(', ')}, 0)` : '0';
  const ampmIdx = steps.findIndex((s) => s.kind === 'ampm');
  const daypart = ampmIdx >= 0 ? `CASE WHEN ${cap(ampmIdx)} IS NULL THEN 0 WHEN upper(${cap(ampmIdx)}) = 'PM' THEN 12 WHEN upper(${cap(ampmIdx)}) = 'AM' THEN 0 ELSE -1 END` : '0';
  const micro = `coalesce(${field('micro', (i) => `CASE WHEN ${cap(i)} IS NULL THEN NULL ELSE ${num(i)} * CAST(10 ** (6 - length(${cap(i)})) AS BIGINT) END`)}, 0)`;
  const values = [year, month, `coalesce(${field('day', byNumber)}, 0)`, hour, `coalesce(${field('minute', byNumber)}, 0)`, `coalesce(${field('second', byNumber)}, 0)`, micro, `coalesce(${field('yearday', byNumber)}, 0)`, daypart, `CAST(${usa} AS BIGINT)`, `CAST(${weekdayOk} AS BIGINT)`];
  // [year, month, day, hour, minute, second, micro, yearday, daypart, usa, weekdayOk]
  const [Y, M, D, H, I, S, F, J, P, U, W] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((k) => `iq_v[${k}]`);
  const hour24 = `CASE WHEN ${U} = 1 THEN ${H} % 12 + ${P} ELSE ${H} END`;
  const invalid = `${M} < 0 OR ${P} < 0 OR ${W} = 0 OR (${U} = 1 AND (${H} > 12 OR ${H} < 1)) OR ${M} > 12 OR ${D} > 31 OR ${hour24} > 23 OR ${I} > 59 OR ${S} > 59`;
  const dayOfYear = `(make_date(${Y}, 1, 1) + CAST(${J} - 1 AS INTEGER))`;
  const calendar = `${M} >= 1 AND ${D} >= 1 AND ${Y} >= 1 AND ${D} <= day(last_day(make_date(${Y}, ${M}, 1)))`;
  const dateSql = `CASE WHEN ${J} > 0 THEN CASE WHEN ${Y} < 1 THEN error('instaquery cannot place day ' || ${J} || ' of the year 0 as MariaDB does') WHEN year(${dayOfYear}) > 9999 THEN NULL ELSE ${dayOfYear} END WHEN ${calendar} THEN make_date(${Y}, ${M}, ${D}) ELSE error('instaquery cannot hold the date ' || printf('%04d-%02d-%02d', ${Y}, ${M}, ${D}) || ' that MariaDB''s STR_TO_DATE() gives') END`;
  const micros = `(${hour24} * 3600000000 + ${I} * 60000000 + ${S} * 1000000 + ${F})`;
  const fsp = fraction ? 6 : 0;
  // MySQL's text of the date, for a top-level select item: a zero part or Feb 30 as MariaDB gives it.
  const dayText = `CASE WHEN ${J} > 0 THEN CAST(${dateSql} AS VARCHAR) ELSE printf('%04d-%02d-%02d', ${Y}, ${M}, ${D}) END`;
  const clockText = `printf(' %02d:%02d:%02d', ${hour24}, ${I}, ${S})${fsp ? ` || printf('.%06d', ${F})` : ''}`;
  let result: string;
  let text: string | undefined;
  let type;
  if (date && time) {
    result = `CAST(${dateSql} AS TIMESTAMP) + to_microseconds(${micros})`;
    text = `${dayText} || ${clockText}`;
    type = typeOf(fsp ? 'datetime(6)' : 'datetime', true);
  } else if (date || !time) {
    result = dateSql;
    text = dayText;
    type = typeOf('date', true);
  } else {
    result = timeText(micros, fsp);
    type = timeType(fsp);
  }
  const parsed = (value: string) => `list_transform([${state}], lambda iq_z: CASE WHEN iq_z[1] IS NULL THEN NULL ELSE list_transform([[${values.join(', ')}]], lambda iq_v: CASE WHEN ${invalid} THEN NULL ELSE ${value} END)[1] END)[1]`;
  return { sql: parsed(result), type, outputText: text && parsed(text) };
}
