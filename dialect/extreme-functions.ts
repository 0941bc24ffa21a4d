// GREATEST and LEAST as MariaDB compares their arguments (Item_func_min_max): texts only, under
// the collation they aggregate to, the first of equal ones kept ('bob' and 'Bob' under a _ci
// collation give the first); a text with a number, all as DOUBLEs (the result a DOUBLE: 'abc' is
// 0); numbers only, or temporal values of one kind, as their type (the fallback, functions.ts).
// A date, time or YEAR mixed with another kind MariaDB reads in ways not done here: refused.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { anyNullable, type FunctionTranslation } from './function-args.ts';
import { comparedTemporalOperand } from './temporal-operand.ts';
import { fspOf } from './temporal-values.ts';
import { aggregate, decimalsOf, doubleType, familyOf, NOT_FIXED_DEC } from './mysql-types.ts';
import { collationKey, collationOf, comparisonCollation, DEFAULT_COLLATION } from './collation.ts';

const TEXT = new Set(['string', 'binary']);
const NUMBER = new Set(['int', 'decimal', 'float', 'double']);
const TEMPORAL = new Set(['date', 'datetime', 'time', 'year']);

/** SQL binding `value` as `name` within `body` (a one-element list: DuckDB has no LET). */
const bind = (value: string, name: string, body: string) => `list_transform([${value}], lambda ${name}: ${body})[1]`;

/**
 * GREATEST (`op` '>') or LEAST ('<'): the cases MariaDB compares otherwise than by the arguments'
 * common type are done here, the rest by `byType`.
 */
export function extremeOf(byType: FunctionTranslation, op: '>' | '<'): FunctionTranslation {
  return (args, name, ctx) => {
    const families = args.map((a) => (a.json !== undefined ? 'json' : familyOf(a.type)));
    const known = families.filter((f) => f !== 'null');
    // A NULL among numbers: always NULL, sent as a DOUBLE with the numbers' most decimals.
    if (args.length >= 2 && known.length > 0 && known.length < args.length && known.every((f) => NUMBER.has(f) || f === 'year')) {
      return { sql: 'CAST(NULL AS DOUBLE)', type: { columnType: doubleType(Math.max(...args.filter((a) => familyOf(a.type) !== 'null').map((a) => decimalsOf(a.type)))), nullable: true } };
    }
    if (args.length < 2 || known.length < args.length || known.includes('json')) return byType(args, name, ctx);
    const temporal = new Set(known.filter((f) => TEMPORAL.has(f)));
    const dated = known.every((f) => f === 'date' || f === 'datetime' || TEXT.has(f) || NUMBER.has(f));
    if (temporal.size > 0 && dated && known.some((f) => TEXT.has(f) || NUMBER.has(f))) return datedExtreme(args, op, name);
    if (temporal.size > 0) {
      const oneKind = known.every((f) => TEMPORAL.has(f)) && (temporal.size === 1 || (temporal.size === 2 && temporal.has('date') && temporal.has('datetime')));
      if (oneKind) return byType(args, name, ctx);
      throw new DialectUnsupported(`${name}() of a ${[...temporal].join(' or ').toUpperCase()} value with a value of another type (MariaDB reads the others as dates or numbers)`);
    }
    const anyNull = args.map((a) => `${asValue(a)} IS NULL`).join(' OR ');
    const nullable = anyNullable(args);
    if (known.every((f) => TEXT.has(f))) {
      const type = { ...aggregate(args.map((a) => a.type)), nullable, source: undefined };
      return { sql: `CASE WHEN ${anyNull} THEN NULL ELSE ${textFold(args, op, ctx.collation ?? DEFAULT_COLLATION, name)} END`, type };
    }
    const pick = op === '>' ? 'greatest' : 'least';
    if (known.some((f) => TEXT.has(f)) && known.every((f) => TEXT.has(f) || NUMBER.has(f))) {
      const values = args.map((a) => (TEXT.has(familyOf(a.type)) ? numberOf(a) : `CAST(${asValue(a)} AS DOUBLE)`));
      // Its decimals are the arguments' most: a text's are not fixed, an ENUM's or SET's 0.
      const decimals = Math.max(...args.map((a) => (!TEXT.has(familyOf(a.type)) ? decimalsOf(a.type) : /^(enum|set)\(/i.test(a.type.columnType) ? 0 : NOT_FIXED_DEC)));
      return { sql: `CASE WHEN ${anyNull} THEN NULL ELSE ${pick}(${values.join(', ')}) END`, type: { columnType: doubleType(decimals), nullable } };
    }
    // A FLOAT with other numbers compares as DOUBLE: each value made one (DuckDB would make the others FLOATs).
    if (known.includes('float') && known.every((f) => NUMBER.has(f)) && !known.every((f) => f === 'float')) {
      const { type } = byType(args, name, ctx);
      return { sql: `CASE WHEN ${anyNull} THEN NULL ELSE ${pick}(${args.map((a) => `CAST(${asValue(a)} AS DOUBLE)`).join(', ')}) END`, type };
    }
    return byType(args, name, ctx);
  };
}

/**
 * SQL: the texts folded left to right, each replacing the one kept only when strictly beyond it
 * by the collation they compare under.
 */
function textFold(args: Emitted[], op: '>' | '<', connection: string, name: string): string {
  // MySQL aggregates all the collations at once: the strongest, found pair by pair.
  let strongest = args[0]!;
  for (const a of args.slice(1)) {
    if (comparisonCollation(strongest, a, connection, name) !== collationOf(strongest.type, connection).name) strongest = a;
  }
  const collation = args.reduce((c, a) => (c === 'binary' ? c : comparisonCollation({ sql: '', type: strongest.type }, a, connection, name)), collationOf(strongest.type, connection).name);
  const binaries = args.filter((a) => familyOf(a.type) === 'binary').length;
  if (binaries > 0 && binaries < args.length) throw new DialectUnsupported(`${name}() of a binary string with a text`);
  const key = (sql: string) => (binaries > 0 ? sql : collation === 'binary' ? `encode(${sql})` : collationKey(sql, collation));
  const step = (k: number, kept: string): string => {
    if (k === args.length) return kept;
    const next = asValue(args[k]!);
    return bind(`CASE WHEN ${key(next)} ${op} ${key(kept)} THEN ${next} ELSE ${kept} END`, `iq_m${k}`, step(k + 1, `iq_m${k}`));
  };
  return bind(asValue(args[0]!), 'iq_m0', step(1, 'iq_m0'));
}

/**
 * A DATE or DATETIME with texts or numbers: all compared as DATETIMEs, the others read as dates
 * (temporal-operand.ts), the result a DATETIME when one argument is (else a DATE, a time of day
 * cut off). The zero date (an argument that is no date) is refused when it is the answer.
 */
function datedExtreme(args: Emitted[], op: '>' | '<', name: string): Emitted {
  const datetimes = args.filter((a) => familyOf(a.type) === 'datetime');
  const fsp = Math.max(0, ...datetimes.map((a) => fspOf(a.type)));
  if (datetimes.length > 0 && fsp < 6 && args.some((a) => !TEMPORAL.has(familyOf(a.type)) && !/^\d+$/.test(a.sql) && !/^'[^'.]*'$/.test(a.sql))) throw new DialectUnsupported(`${name}() of a DATETIME(${fsp}) with a value that may hold a fraction of a second`);
  const values = args.map((a) => (TEMPORAL.has(familyOf(a.type)) ? `CAST(${asValue(a)} AS TIMESTAMP)` : comparedTemporalOperand(a)!));
  const anyNull = values.map((v) => `${v} IS NULL`).join(' OR ');
  const pick = `${op === '>' ? 'greatest' : 'least'}(${values.join(', ')})`;
  const checked = bind(pick, 'iq_e', `CASE WHEN iq_e < ${ZERO_DATE_BOUND} THEN error('instaquery cannot return the zero date ${name}() gives here') ELSE iq_e END`);
  const type = { columnType: datetimes.length > 0 ? datetimes.find((a) => fspOf(a.type) === fsp)!.type.columnType : 'date', nullable: anyNullable(args) };
  const sql = `CASE WHEN ${anyNull} THEN NULL ELSE ${datetimes.length > 0 ? checked : `CAST(${checked} AS DATE)`} END`;
  if (datetimes.length > 0) return { sql, type };
  // A DATE answer that is the zero date goes out as MariaDB writes it (a top-level item's text).
  const text = bind(pick, 'iq_e', `CASE WHEN iq_e < ${ZERO_DATE_BOUND} THEN '0000-00-00' ELSE CAST(CAST(iq_e AS DATE) AS VARCHAR) END`);
  return { sql, type, outputText: `CASE WHEN ${anyNull} THEN NULL ELSE ${text} END` };
}

/** Below any date a DATE or DATETIME holds: the zero date's stand-in is below it. */
const ZERO_DATE_BOUND = 'make_timestamp(0, 1, 1, 0, 0, 0)';
