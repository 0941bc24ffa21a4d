// MySQL's TIME functions over DuckDB, on signed microseconds (dialect/time-values.ts): TIME(),
// TIMEDIFF, ADDTIME/SUBTIME, SEC_TO_TIME, TIME_TO_SEC, MAKETIME, TIME_FORMAT and TIMESTAMP(d, t),
// with MariaDB's result types (TIME(n) by the arguments' fraction digits) and its NULLs (a
// TIMEDIFF of a TIME and a DATETIME, minutes past 59).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { digitsOf, familyOf, stringType, typeOf } from './mysql-types.ts';
import { argumentFsp, fspOf, truncatedDatetime } from './temporal-values.ts';
import { parseTimeLiteral, TIME_MAX_SECONDS, timeMaxMicros, timeMicros, timeResult, timeText, timeType } from './time-values.ts';
import { asTimestamp } from './date-args.ts';
import { parseDatetimeLiteral } from './datetime-literal.ts';

type Fn = FunctionTranslation;

const v = asValue;
const NULL_MICROS = 'CAST(NULL AS BIGINT)';

/** A DATETIME string literal (a date and a time of day) as SQL and its fraction digits; undefined for any other literal. */
function datetimeLiteral(e: Emitted, invalidIsNull = false): { sql: string; fsp: number } | undefined {
  const s = stringLiteralValue(e)?.trim();
  if (s === undefined || !/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d*)?$/.test(s)) return undefined;
  const dt = parseDatetimeLiteral(s);
  if (dt === 'refused') throw new DialectUnsupported(`the date and time '${s}' (MySQL's reading of it depends on the function)`);
  // A day its month lacks: TIMESTAMP() is NULL (typed with 6 digits), TIMEDIFF computes with it.
  if (dt === null && !invalidIsNull) throw new DialectUnsupported(`the date and time '${s}' (a day its month lacks, which MariaDB computes with here)`);
  return dt === null ? { sql: 'CAST(NULL AS TIMESTAMP)', fsp: 6 } : { sql: `TIMESTAMP ${quoteString(dt.text)}`, fsp: dt.fsp };
}

/** How TIMEDIFF/ADDTIME read an argument (Item::get_time): as a DATETIME, a DATE, or a TIME. */
type Kind = { kind: 'datetime' | 'date'; ts: string; fsp: number } | { kind: 'time'; micros: string; fsp: number } | { kind: 'null' };

function kindOf(e: Emitted, fn: string): Kind {
  const f = familyOf(e.type);
  if (f === 'null') return { kind: 'null' };
  if (f === 'datetime') return { kind: 'datetime', ts: `CAST(${v(e)} AS TIMESTAMP)`, fsp: fspOf(e.type) };
  if (f === 'date') return { kind: 'date', ts: `CAST(${v(e)} AS TIMESTAMP)`, fsp: 0 };
  const dt = datetimeLiteral(e);
  if (dt) return { kind: 'datetime', ts: dt.sql, fsp: dt.fsp };
  const t = timeMicros(e, fn);
  return { kind: 'time', micros: t.sql, fsp: t.fsp };
}

/** TIMEDIFF(a, b): a - b as a TIME, NULL unless both are read as the same kind. */
function timediff(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const [a, b] = [kindOf(args[0]!, name), kindOf(args[1]!, name)];
  const fsp = Math.max('fsp' in a ? a.fsp : 0, 'fsp' in b ? b.fsp : 0);
  if (a.kind === 'null' || b.kind === 'null' || a.kind !== b.kind) return timeResult(NULL_MICROS, fsp);
  const micros = a.kind === 'time' ? `(${a.micros} - ${(b as { micros: string }).micros})` : `(epoch_us(${a.ts}) - epoch_us(${(b as { ts: string }).ts}))`;
  return timeResult(micros, fsp);
}

/** ADDTIME/SUBTIME(a, t): a TIME stays a TIME, a DATE or DATETIME becomes a DATETIME, a string literal a string. */
function addTime(sign: 1 | -1): Fn {
  return (args, name) => {
    arity(name, args, 2);
    const a = kindOf(args[0]!, name);
    const t = kindOf(args[1]!, name);
    const fsp = Math.max('fsp' in a ? a.fsp : 0, 'fsp' in t ? t.fsp : 0);
    const literalFirst = stringLiteralValue(args[0]!) !== undefined;
    // A DATETIME or DATE as the amount is no TIME: NULL.
    const amount = t.kind === 'time' ? t.micros : NULL_MICROS;
    if (a.kind === 'null') return timeResult(NULL_MICROS, fsp);
    if (a.kind === 'time') {
      const micros = `(${a.micros} + ${sign} * ${amount})`;
      if (!literalFirst) return timeResult(micros, fsp);
      // On a string MariaDB answers a string; where the sum leaves TIME's range its text is not TIME's.
      const max = timeMaxMicros(6);
      const checked = `list_transform([${micros}], lambda iq_s: CASE WHEN abs(iq_s) > ${max} THEN error('instaquery cannot write ' || ${quoteString(name)} || '() past 838:59:59 on a string as MariaDB does') ELSE iq_s END)[1]`;
      return { sql: timeText(checked, fsp), type: typeOf(stringType(26), true) };
    }
    const ts = `(${a.ts} + to_microseconds(${sign} * ${amount}))`;
    if (literalFirst) {
      const text = fsp ? `left(strftime(${ts}, '%Y-%m-%d %H:%M:%S.%f'), ${20 + fsp})` : `strftime(${ts}, '%Y-%m-%d %H:%M:%S')`;
      return { sql: text, type: typeOf(stringType(26), true) };
    }
    return { sql: truncatedDatetime(ts, 6), type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
  };
}

/** SEC_TO_TIME(n): seconds as a TIME, its fraction digits the number's (6 for a string), clamped to the range. */
function secToTime(args: Emitted[], name: string): Emitted {
  arity(name, args, 1);
  const n = args[0]!;
  const f = familyOf(n.type);
  const bound = TIME_MAX_SECONDS + 1;
  if (f === 'null') return timeResult(NULL_MICROS, 0);
  // (DuckDB's least and greatest skip a NULL: it is tested first.)
  const clamped = (x: string) => `CASE WHEN ${x} IS NULL THEN NULL ELSE least(greatest(${x}, -${bound}), ${bound}) END`;
  if (f === 'int' || f === 'year') return timeResult(`CAST(${clamped(`CAST(${v(n)} AS HUGEINT)`)} * 1000000 AS BIGINT)`, 0, n.type.nullable);
  if (f === 'decimal') {
    const scale = Math.min(digitsOf(n.type).scale, 6);
    return timeResult(`CAST(trunc(${clamped(v(n))} * 1000000) AS BIGINT)`, scale, n.type.nullable);
  }
  const literal = stringLiteralValue(n);
  if (literal !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(literal)) {
    const clamped = `least(greatest(CAST(${quoteString(literal.trim())} AS DECIMAL(38,12)), -${bound}), ${bound})`;
    return timeResult(`CAST(trunc(${clamped} * 1000000) AS BIGINT)`, 6, false);
  }
  throw new DialectUnsupported(`${name}() of a ${f} value (MySQL's conversion of it to seconds)`);
}

/** TIME_TO_SEC(t): a BIGINT, or a DECIMAL with the TIME's fraction digits. */
function timeToSec(args: Emitted[], name: string): Emitted {
  arity(name, args, 1);
  const t = timeMicros(args[0]!, name);
  if (t.fsp === 0) return { sql: `(${t.sql} // 1000000)`, type: typeOf('bigint(17)', true) };
  return { sql: `CAST(CAST(${t.sql} AS DECIMAL(18,0)) * CAST('0.000001' AS DECIMAL(7,6)) AS DECIMAL(${16 + t.fsp},${t.fsp}))`, type: typeOf(`decimal(${16 + t.fsp},${t.fsp})`, true) };
}

/** MAKETIME(h, m, s): NULL for minutes or seconds outside 0-59; the hours clamp to 838. */
function makeTime(args: Emitted[], name: string): Emitted {
  arity(name, args, 3);
  const [h, m, s] = args as [Emitted, Emitted, Emitted];
  const whole = (e: Emitted) => familyOf(e.type) === 'int' || familyOf(e.type) === 'null';
  if (!whole(h) || !whole(m) || !(whole(s) || familyOf(s.type) === 'decimal')) throw new DialectUnsupported(`${name}() of values that are not integers (seconds may be a DECIMAL)`);
  const fsp = familyOf(s.type) === 'decimal' ? Math.min(digitsOf(s.type).scale, 6) : 0;
  const hours = `least(abs(CAST(${v(h)} AS HUGEINT)), 839)`;
  const magnitude = `(${hours} * 3600000000 + CAST(${v(m)} AS HUGEINT) * 60000000 + CAST(trunc(${v(s)} * 1000000) AS HUGEINT))`;
  const micros = `CASE WHEN ${v(h)} IS NULL OR ${v(m)} < 0 OR ${v(m)} > 59 OR ${v(s)} < 0 OR ${v(s)} >= 60 THEN NULL ELSE CAST(CASE WHEN ${v(h)} < 0 THEN -1 ELSE 1 END * ${magnitude} AS BIGINT) END`;
  return timeResult(micros, fsp);
}

/** TIME_FORMAT specifiers of a TIME (hours may pass 24; %h, %l and %p read hours modulo 24). */
const DATE_ONLY = new Set([...'abcDdejMmUuVvWwXxYy']);

function timeFormat(args: Emitted[], name: string): Emitted {
  arity(name, args, 2);
  const format = stringLiteralValue(args[1]!);
  if (format === undefined) throw new DialectUnsupported(`${name}() with a format that is not a string literal`);
  const type = { ...typeOf(stringType(Math.max(format.length * 4, 1)), true), textDecimals: 0 };
  const t = timeMicros(args[0]!, name);
  const a = 'iq_f[1]';
  const pad2 = (x: string) => `printf('%02d', ${x})`;
  const hour = `(${a} // 3600000000)`;
  const twelve = `((${hour} % 24 + 11) % 12 + 1)`;
  const ampm = `CASE WHEN ${hour} % 24 < 12 THEN 'AM' ELSE 'PM' END`;
  const mins = pad2(`${a} // 60000000 % 60`);
  const secs = pad2(`${a} // 1000000 % 60`);
  const SPEC: Record<string, string> = {
    H: pad2(hour), k: `CAST(${hour} AS VARCHAR)`, h: pad2(twelve), I: pad2(twelve), l: `CAST(${twelve} AS VARCHAR)`,
    i: mins, s: secs, S: secs, f: `lpad(CAST(${a} % 1000000 AS VARCHAR), 6, '0')`, p: ampm,
    T: `${pad2(hour)} || ':' || ${mins} || ':' || ${secs}`, r: `${pad2(twelve)} || ':' || ${mins} || ':' || ${secs} || ' ' || ${ampm}`,
  };
  const parts: string[] = [];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      parts.push(quoteString(ch));
      continue;
    }
    const spec = format[++i]!;
    // A date specifier makes TIME_FORMAT's whole answer NULL.
    if (DATE_ONLY.has(spec)) return { sql: 'CAST(NULL AS VARCHAR)', type };
    parts.push(SPEC[spec] ?? quoteString(spec));
  }
  const body = `CASE WHEN iq_f[2] < 0 THEN '-' ELSE '' END || ${parts.length ? parts.join(' || ') : "''"}`;
  return { sql: `list_transform([${t.sql}], lambda iq_u: CASE WHEN iq_u IS NULL THEN NULL ELSE list_transform([[abs(iq_u), iq_u]], lambda iq_f: ${body})[1] END)[1]`, type };
}

/** TIME(x) and CAST(x AS TIME(fsp)): x read as a TIME, cut to the fraction digits. */
export function asTime(e: Emitted, fsp: number | undefined, name: string): Emitted {
  const t = timeMicros(e, name);
  return timeResult(t.sql, fsp ?? t.fsp);
}

/** TIMESTAMP(d) and TIMESTAMP(d, t): d as a DATETIME, plus t read as a TIME. */
function timestamp(args: Emitted[], name: string): Emitted {
  arity(name, args, 1, 2);
  const d = args[0]!;
  const literal = datetimeLiteral(d, true);
  const base = literal?.sql ?? asTimestamp(d);
  // A literal that is no date at all gives NULL with 6 digits, as for any string.
  const text = stringLiteralValue(d);
  const dFsp = literal?.fsp ?? (text !== undefined && !/^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(text) ? 6 : argumentFsp(d));
  if (args.length === 1) return { sql: truncatedDatetime(base, dFsp), type: typeOf(dFsp ? `datetime(${dFsp})` : 'datetime', true) };
  const t = kindOf(args[1]!, name);
  const fsp = Math.max(dFsp, 'fsp' in t ? t.fsp : 0);
  const amount = t.kind === 'time' ? t.micros : NULL_MICROS;
  return { sql: truncatedDatetime(`(${base} + to_microseconds(${amount}))`, 6), type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
}

/** HOUR/MINUTE/SECOND/MICROSECOND of a TIME (HOUR passes 23; a negative TIME's parts are positive). */
export function timePart(part: 'HOUR' | 'MINUTE' | 'SECOND' | 'MICROSECOND', e: Emitted): Emitted {
  const t = timeMicros(e, part);
  const a = `abs(${t.sql})`;
  const sql = { HOUR: `${a} // 3600000000`, MINUTE: `${a} // 60000000 % 60`, SECOND: `${a} // 1000000 % 60`, MICROSECOND: `${a} % 1000000` }[part];
  return { sql: `CAST(${sql} AS BIGINT)`, type: typeOf({ HOUR: 'int(3)', MINUTE: 'int(2)', SECOND: 'int(2)', MICROSECOND: 'int(6)' }[part], true) };
}

export const TIME_FUNCTIONS: Record<string, Fn> = {
  TIME: (args, name) => (arity(name, args, 1), asTime(args[0]!, undefined, name)),
  TIMEDIFF: timediff,
  ADDTIME: addTime(1),
  SUBTIME: addTime(-1),
  SEC_TO_TIME: secToTime,
  TIME_TO_SEC: timeToSec,
  MAKETIME: makeTime,
  TIME_FORMAT: timeFormat,
  TIMESTAMP: timestamp,
};

export { parseTimeLiteral, timeType };
