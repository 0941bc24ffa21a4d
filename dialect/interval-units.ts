// MySQL's INTERVAL units: how an amount is read for each (a compound unit's string '1 02:03:04'
// as get_interval_info splits it), and EXTRACT's fields, simple and compound (DAY_SECOND of
// '2024-02-29 08:30:45' is 29083045; of a TIME, days are its hours / 24 and every field keeps the
// TIME's sign).
import { DialectUnsupported } from './dialect-error.ts';
import { type Emitted } from './emitted.ts';
import { stringLiteralValue } from './function-args.ts';
import { familyOf, typeOf } from './mysql-types.ts';
import { timeMicros } from './time-values.ts';

/** A compound unit's fields, most significant first, and whether the last is microseconds. */
const COMPOUND: Record<string, { fields: ('year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'micro')[] }> = {
  YEAR_MONTH: { fields: ['year', 'month'] },
  DAY_HOUR: { fields: ['day', 'hour'] },
  DAY_MINUTE: { fields: ['day', 'hour', 'minute'] },
  DAY_SECOND: { fields: ['day', 'hour', 'minute', 'second'] },
  DAY_MICROSECOND: { fields: ['day', 'hour', 'minute', 'second', 'micro'] },
  HOUR_MINUTE: { fields: ['hour', 'minute'] },
  HOUR_SECOND: { fields: ['hour', 'minute', 'second'] },
  HOUR_MICROSECOND: { fields: ['hour', 'minute', 'second', 'micro'] },
  MINUTE_SECOND: { fields: ['minute', 'second'] },
  MINUTE_MICROSECOND: { fields: ['minute', 'second', 'micro'] },
  SECOND_MICROSECOND: { fields: ['second', 'micro'] },
};

const MICROS: Record<string, bigint> = { day: 86_400_000_000n, hour: 3_600_000_000n, minute: 60_000_000n, second: 1_000_000n, micro: 1n };

export const isCompoundUnit = (unit: string): boolean => unit in COMPOUND;

/** A compound interval's amount: months (YEAR_MONTH) or microseconds, signed; null where MySQL gives NULL. */
export type CompoundAmount = { months: bigint } | { micros: bigint } | null;

/**
 * A compound unit's amount as get_interval_info reads it: a leading '-' negates it all; groups
 * of digits split by anything else fill the fields from the right ('30' DAY_HOUR is 30 hours);
 * a microsecond field is scaled by its digits ('1.5' is 1 s 500000 us); more groups than fields
 * is NULL.
 */
export function compoundAmount(unit: string, amount: Emitted): CompoundAmount {
  const { fields } = COMPOUND[unit]!;
  const f = familyOf(amount.type);
  // A number literal is read as its text (1.5 DAY_HOUR is '1.5': 1 day 5 hours).
  const text = stringLiteralValue(amount) ?? (f === 'int' || f === 'decimal' ? /^(-?\d+(?:\.\d+)?)(?:::(?:U?BIGINT|DECIMAL\(\d+,\d+\)))?$/.exec(amount.sql)?.[1] : undefined);
  if (text === undefined) throw new DialectUnsupported(`INTERVAL ... ${unit} with an amount that is not a literal`);
  let s = text.replace(/^[ \t\n\v\f\r]+/, '');
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const groups = [...s.matchAll(/\d+/g)].map((m) => m[0]);
  if (groups.length > fields.length || groups.some((g) => g.length >= 20)) return null;
  const values = [...Array<bigint>(fields.length - groups.length).fill(0n), ...groups.map(BigInt)];
  const last = groups[groups.length - 1];
  if (fields[fields.length - 1] === 'micro' && last !== undefined) {
    const n = last.length;
    values[values.length - 1] = n < 6 ? values[values.length - 1]! * 10n ** BigInt(6 - n) : values[values.length - 1]! / 10n ** BigInt(n - 6);
  }
  const sign = negative ? -1n : 1n;
  if (unit === 'YEAR_MONTH') return { months: sign * (values[0]! * 12n + values[1]!) };
  return { micros: sign * fields.reduce((sum, field, i) => sum + values[i]! * MICROS[field]!, 0n) };
}

/** EXTRACT's field types as MariaDB sends them (INT, or BIGINT for the microsecond compounds). */
const EXTRACT_TYPES: Record<string, string> = {
  YEAR: 'int(4)', QUARTER: 'int(1)', MONTH: 'int(2)', WEEK: 'int(2)', DAY: 'int(3)', HOUR: 'int(3)', MINUTE: 'int(3)', SECOND: 'int(3)', MICROSECOND: 'int(7)',
  YEAR_MONTH: 'int(6)', DAY_HOUR: 'int(5)', DAY_MINUTE: 'int(7)', DAY_SECOND: 'int(9)', DAY_MICROSECOND: 'bigint(15)', HOUR_MINUTE: 'int(5)',
  HOUR_SECOND: 'int(7)', HOUR_MICROSECOND: 'bigint(13)', MINUTE_SECOND: 'int(5)', MINUTE_MICROSECOND: 'bigint(11)', SECOND_MICROSECOND: 'int(9)',
};

const WIDER_FOR_STRINGS: Record<string, string> = { DAY: 'int(8)', DAY_HOUR: 'int(10)', DAY_MINUTE: 'bigint(12)', DAY_SECOND: 'bigint(14)', DAY_MICROSECOND: 'bigint(20)' };

/** A field's digits: each field of a compound one after the other (HOUR_SECOND is hh * 10000 + mm * 100 + ss). */
const FIELD_SCALE: Record<string, [string, number][]> = {
  DAY: [['day', 1]], HOUR: [['hour', 1]], MINUTE: [['minute', 1]], SECOND: [['second', 1]], MICROSECOND: [['micro', 1]],
  DAY_HOUR: [['day', 100], ['hour', 1]],
  DAY_MINUTE: [['day', 10000], ['hour', 100], ['minute', 1]],
  DAY_SECOND: [['day', 1000000], ['hour', 10000], ['minute', 100], ['second', 1]],
  DAY_MICROSECOND: [['day', 1000000000000], ['hour', 10000000000], ['minute', 100000000], ['second', 1000000], ['micro', 1]],
  HOUR_MINUTE: [['hour', 100], ['minute', 1]],
  HOUR_SECOND: [['hour', 10000], ['minute', 100], ['second', 1]],
  HOUR_MICROSECOND: [['hour', 10000000000], ['minute', 100000000], ['second', 1000000], ['micro', 1]],
  MINUTE_SECOND: [['minute', 100], ['second', 1]],
  MINUTE_MICROSECOND: [['minute', 100000000], ['second', 1000000], ['micro', 1]],
  SECOND_MICROSECOND: [['second', 1000000], ['micro', 1]],
};

const combine = (unit: string, part: (field: string) => string): string => FIELD_SCALE[unit]!.map(([f, k]) => (k === 1 ? part(f) : `${part(f)} * ${k}`)).join(' + ');

/** A DATE/DATETIME string literal, or a string that reads as no date: for EXTRACT, a TIME. */
const looksLikeDate = (s: string) => /^\s*\d{4}-\d{1,2}-\d{1,2}(?:[ T].*)?$/.test(s);

/**
 * EXTRACT(unit FROM x). `asTimestamp` reads x as a date where it is one; a TIME (or a string
 * literal that is one) gives its own fields: days from its hours, each with its sign.
 */
export function extractField(unit: string, x: Emitted, asTimestamp: (e: Emitted) => string, weekOf: (ts: string, mode: number) => string): Emitted {
  const known = ['date', 'datetime', 'time'].includes(familyOf(x.type));
  // Of a string MariaDB cannot tell the days' digits (a TIME's reach 34, a day count more): wider types.
  const type = (known ? undefined : WIDER_FOR_STRINGS[unit]) ?? EXTRACT_TYPES[unit];
  if (!type) throw new DialectUnsupported(`EXTRACT(${unit} FROM ...)`);
  const literal = stringLiteralValue(x);
  // A literal with no digits is no date nor time: NULL, whatever the unit.
  if (literal !== undefined && !/\d/.test(literal)) return { sql: 'CAST(NULL AS BIGINT)', type: typeOf(type, true) };
  const isTime = familyOf(x.type) === 'time' || (literal !== undefined && !looksLikeDate(literal));
  const out = (sql: string) => ({ sql: `CAST(${sql} AS BIGINT)`, type: typeOf(type, true) });
  if (isTime) {
    if (!FIELD_SCALE[unit]) throw new DialectUnsupported(`EXTRACT(${unit} FROM a TIME)`);
    const t = timeMicros(x, 'EXTRACT');
    const a = 'iq_x[1]';
    const fields: Record<string, string> = { day: `${a} // 86400000000`, hour: `${a} // 3600000000 % 24`, minute: `${a} // 60000000 % 60`, second: `${a} // 1000000 % 60`, micro: `${a} % 1000000` };
    const body = `sign(iq_x[2]) * (${combine(unit, (f) => `(${fields[f]})`)})`;
    return out(`list_transform([${t.sql}], lambda iq_u: CASE WHEN iq_u IS NULL THEN NULL ELSE list_transform([[abs(iq_u), iq_u]], lambda iq_x: ${body})[1] END)[1]`);
  }
  const ts = asTimestamp(x);
  const simple: Record<string, string> = {
    YEAR: `year(${ts})`, QUARTER: `quarter(${ts})`, MONTH: `month(${ts})`, WEEK: weekOf(ts, 0),
    YEAR_MONTH: `(year(${ts}) * 100 + month(${ts}))`,
  };
  if (simple[unit]) return out(simple[unit]!);
  const parts: Record<string, string> = { day: `day(${ts})`, hour: `hour(${ts})`, minute: `minute(${ts})`, second: `second(${ts})`, micro: `(microsecond(${ts}) % 1000000)` };
  return out(`(${combine(unit, (f) => parts[f]!)})`);
}
