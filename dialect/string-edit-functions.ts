// MySQL's string functions that edit or compare text: INSERT, QUOTE, MAKE_SET, STRCMP (under the
// operands' collation, as `=` compares them), TRIM with its BOTH / LEADING / TRAILING forms
// (emit-call.ts reads the keywords), and FIELD / FIND_IN_SET under the collation too.
import { DialectUnsupported } from './dialect-error.ts';
import { comparable } from './emit-comparison.ts';
import { asUnsigned64 } from './emit-cast.ts';
import { asValue, type Emitted } from './emitted.ts';
import { valueText } from './double-text.ts';
import { asMysqlText } from './temporal-values.ts';
import { anyNullable, arity, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { collationKey, comparisonCollation, DEFAULT_COLLATION } from './collation.ts';
import { STRING_FUNCTIONS } from './string-functions.ts';
import { declaredMembers } from './mysql-types.ts';
import { charLength, familyOf, stringType, typeOf } from './mysql-types.ts';

type Fn = FunctionTranslation;

/** A value as the text MySQL makes of it, typed as that text (a number's digits compare as text). */
function asTextOperand(e: Emitted): Emitted {
  const f = familyOf(e.type);
  if (f === 'string' || f === 'binary' || f === 'null') return e;
  return { sql: valueText(asMysqlText(e)), type: { columnType: stringType(charLength(e.type)), nullable: e.type.nullable } };
}

const textOf = (e: Emitted) => asValue(asTextOperand(e));
const collationOf = (ctx: FunctionContext) => ctx.collation ?? DEFAULT_COLLATION;

/** INSERT(str, pos, len, newstr): str unchanged when pos is outside 1..length; len past the end (or negative) takes the rest. */
const INSERT: Fn = (args, name) => {
  arity(name, args, 4);
  const [s, pos, len, repl] = args as [Emitted, Emitted, Emitted, Emitted];
  if ([s, repl].some((a) => familyOf(a.type) === 'binary')) throw new DialectUnsupported(`${name}() of a binary string`);
  const str = textOf(s);
  const p = `CAST(${asValue(pos)} AS HUGEINT)`;
  const l = `CAST(${asValue(len)} AS HUGEINT)`;
  const take = `CASE WHEN ${l} < 0 OR ${l} > length(${str}) THEN length(${str}) ELSE ${l} END`;
  const sql = `CASE WHEN ${str} IS NULL OR ${p} IS NULL OR ${l} IS NULL OR ${textOf(repl)} IS NULL THEN NULL WHEN ${p} < 1 OR ${p} > length(${str}) THEN ${str} ELSE left(${str}, CAST(${p} - 1 AS BIGINT)) || ${textOf(repl)} || substring(${str}, CAST(${p} + ${take} AS BIGINT)) END`;
  return { sql, type: typeOf(stringType(charLength(s.type) + charLength(repl.type)), anyNullable(args)) };
};

/** QUOTE(str): quoted for an SQL statement (\, ', NUL and Ctrl-Z escaped); NULL is the word NULL. */
const QUOTE: Fn = (args, name) => {
  arity(name, args, 1);
  const a = args[0]!;
  const f = familyOf(a.type);
  // Of the NULL literal MariaDB answers the word as a binary string.
  if (f === 'null') return { sql: "CAST('NULL' AS BLOB)", type: { ...typeOf('varbinary(4)', false), textDecimals: 39 } };
  if (f === 'binary') throw new DialectUnsupported(`${name}() of a binary string`);
  const t = textOf(a);
  const escaped = `replace(replace(replace(replace(${t}, '\\', '\\\\'), '''', '\\'''), chr(0), '\\0'), chr(26), '\\Z')`;
  return { sql: `CASE WHEN ${t} IS NULL THEN 'NULL' ELSE '''' || ${escaped} || '''' END`, type: typeOf(stringType(charLength(a.type) * 2 + 2), false) };
};

/** MAKE_SET(bits, s1, s2, ...): the strings whose bit is set (NULLs skipped), joined by ','. */
const MAKE_SET: Fn = (args, name) => {
  if (args.length < 2) throw new DialectUnsupported(`${name}() with fewer than 2 arguments`);
  const [bits, ...strs] = args as [Emitted, ...Emitted[]];
  if (strs.some((a) => familyOf(a.type) === 'binary')) throw new DialectUnsupported(`${name}() of a binary string`);
  const b = asUnsigned64(bits);
  const parts = strs.slice(0, 64).map((s, i) => `CASE WHEN (${b} >> ${i}) & 1::UBIGINT = 1 THEN ${textOf(s)} END`);
  const length = strs.reduce((n, s) => n + charLength(s.type), 0) + strs.length - 1;
  return { sql: `CASE WHEN ${asValue(bits)} IS NULL THEN NULL ELSE concat_ws(',', ${parts.join(', ')}) END`, type: typeOf(stringType(length), true) };
};

/** STRCMP(a, b): -1, 0 or 1 as the two texts compare under their collation (PAD SPACE, case, accents). */
const STRCMP: Fn = (args, name, ctx) => {
  arity(name, args, 2);
  const [l, r] = args.map(asTextOperand) as [Emitted, Emitted];
  const [a, b] = comparable(l, r, collationOf(ctx), 'strcmp');
  return { sql: `CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN NULL WHEN ${a} < ${b} THEN -1 WHEN ${a} > ${b} THEN 1 ELSE 0 END`, type: typeOf('int(2)', anyNullable(args)) };
};

/** Whether `item` equals `s` as MySQL compares the two (for FIELD and FIND_IN_SET). */
function equalUnderCollation(s: Emitted, item: Emitted, ctx: FunctionContext): string {
  const [a, b] = comparable(s, item, collationOf(ctx), 'field');
  return `${a} = ${b}`;
}

/** FIELD(s, a, b, ...): the position of the first equal argument (compared as `=` compares them), else 0. */
const FIELD: Fn = (args, name, ctx) => {
  if (args.length < 2) throw new DialectUnsupported(`${name}() with fewer than 2 arguments`);
  const [s, ...list] = args as [Emitted, ...Emitted[]];
  // MariaDB compares as strings when the first argument is one, as numbers when it is a number.
  const sf = familyOf(s.type);
  if (sf !== 'string' && sf !== 'null') throw new DialectUnsupported(`${name}() of a ${s.type.columnType || 'value of unknown type'}`);
  if (sf === 'null') return { sql: '0', type: typeOf('int(3)', false) };
  const arms = list.map((item, i) => `WHEN ${equalUnderCollation(s, asTextOperand(item), ctx)} THEN ${i + 1}`).join(' ');
  return { sql: `(CASE ${arms} ELSE 0 END)`, type: typeOf('int(3)', false) };
};

/**
 * TRIM([BOTH | LEADING | TRAILING] [remstr] FROM str): every whole repetition of remstr (a string,
 * not a set of characters; ' ' by default) taken off the chosen ends, compared byte for byte.
 */
export function trimWith(mode: 'BOTH' | 'LEADING' | 'TRAILING', remove: Emitted | undefined, str: Emitted): Emitted {
  if (familyOf(str.type) === 'binary' || (remove && familyOf(remove.type) === 'binary')) throw new DialectUnsupported('TRIM() of a binary string');
  const s = textOf(str);
  const r = remove ? textOf(remove) : "' '";
  const type = typeOf(stringType(charLength(str.type)), str.type.nullable || (remove?.type.nullable ?? false));
  // Repetitions of r at the start: the longest prefix made of whole copies of r.
  const lead = (x: string) => `CASE WHEN iq_x.r = '' THEN ${x} ELSE substring(${x}, CAST(length(regexp_extract(${x}, '^(?:' || regexp_escape(iq_x.r) || ')*', 0)) + 1 AS BIGINT)) END`;
  const trail = (x: string) => `CASE WHEN iq_x.r = '' THEN ${x} ELSE reverse(substring(reverse(${x}), CAST(length(regexp_extract(reverse(${x}), '^(?:' || regexp_escape(reverse(iq_x.r)) || ')*', 0)) + 1 AS BIGINT))) END`;
  const body = mode === 'LEADING' ? lead('iq_x.s') : mode === 'TRAILING' ? trail('iq_x.s') : trail(`(${lead('iq_x.s')})`);
  return { sql: `list_transform([{'s': ${s}, 'r': ${r}}], lambda iq_x: CASE WHEN iq_x.s IS NULL OR iq_x.r IS NULL THEN NULL ELSE ${body} END)[1]`, type };
}

/**
 * FIND_IN_SET(s, list): the 1-based place of s among list's comma-separated members, compared
 * under the collation (case and accents as `=` ignores them; trailing spaces count, MariaDB's
 * strnncoll). A SET column's list is answered from its bits (string-functions.ts).
 */
const FIND_IN_SET: Fn = (args, name, ctx) => {
  arity(name, args, 2);
  const [s, list] = args as [Emitted, Emitted];
  if (declaredMembers(list.type.columnType, 'set') !== undefined) return STRING_FUNCTIONS.FIND_IN_SET!(args, name, ctx);
  if ([s, list].some((a) => familyOf(a.type) !== 'string' && familyOf(a.type) !== 'null')) throw new DialectUnsupported(`${name}() of a value that is not a string`);
  const collation = comparisonCollation(s, list, collationOf(ctx), 'find_in_set');
  const key = (x: string) => collationKey(x, collation, true);
  const sql = `CASE WHEN ${asValue(s)} IS NULL OR ${asValue(list)} IS NULL THEN NULL WHEN ${asValue(list)} = '' THEN 0 ELSE coalesce(list_position(list_transform(string_split(${asValue(list)}, ','), lambda iq_e: ${key('iq_e')}), ${key(asValue(s))}), 0) END`;
  return { sql, type: typeOf('int(3)', anyNullable(args)) };
};

export const STRING_EDIT_FUNCTIONS: Record<string, Fn> = { INSERT, QUOTE, MAKE_SET, STRCMP, FIELD, FIND_IN_SET };
