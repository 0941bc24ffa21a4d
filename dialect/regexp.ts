// REGEXP / RLIKE and REGEXP_REPLACE / REGEXP_SUBSTR / REGEXP_INSTR as MariaDB answers them: the
// pattern (a string literal) rewritten for RE2 (dialect/regexp-pattern.ts), matched without case
// under a case-insensitive collation of the two operands (MariaDB sets PCRE2_CASELESS unless the
// collation is binary or case-sensitive), a number matched as its text. Binary strings (bytes
// to PCRE2, characters to RE2) and patterns known only when the query runs are refused.
import { DialectUnsupported } from './dialect-error.ts';
import { collationRules, comparisonCollation, DEFAULT_COLLATION } from './collation.ts';
import { valueText } from './double-text.ts';
import { asMysqlText } from './temporal-values.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { translatePattern, type TranslatedPattern } from './regexp-pattern.ts';
import { charLength, familyOf, stringType, typeOf } from './mysql-types.ts';

/** The subject's text and the pattern as RE2, or null when the pattern is NULL. */
function prepared(what: string, subject: Emitted, pattern: Emitted, collation: string, matchRead: boolean): { text: string; re: TranslatedPattern } | null {
  if (familyOf(subject.type) === 'binary' || familyOf(pattern.type) === 'binary') throw new DialectUnsupported(`${what} on a binary string`);
  if (pattern.type.columnType === 'null') return null;
  const literal = stringLiteralValue(pattern);
  if (literal === undefined) throw new DialectUnsupported(`${what} with a pattern that is not a string literal`);
  const rules = collationRules(comparisonCollation(subject, pattern, collation, what.toLowerCase()));
  const re = translatePattern(literal, rules.weights !== 'codepoint', matchRead);
  const text = subject.type.columnType === 'null' ? 'NULL::VARCHAR' : valueText(asMysqlText(subject));
  return { text, re };
}

/** `subject REGEXP pattern` (negated: NOT REGEXP) as a DuckDB boolean. */
export function regexpMatch(subject: Emitted, pattern: Emitted, negated: boolean, collation = DEFAULT_COLLATION): Emitted {
  const p = prepared('REGEXP', subject, pattern, collation, false);
  const type = typeOf('int(1)', subject.type.nullable || pattern.type.nullable);
  if (!p) return { sql: 'NULL::BOOLEAN', type, bool: true };
  const sql = `regexp_matches(${p.text}, ${quoteString(p.re.re2)})`;
  return { sql: negated ? `(NOT ${sql})` : sql, type, bool: true };
}

const collationOfCtx = (ctx: FunctionContext) => ctx.collation ?? DEFAULT_COLLATION;

/** MariaDB's replacement text: \1..\9 name groups, as in RE2; any other backslash is refused. */
function replacement(e: Emitted): string {
  if (e.type.columnType === 'null') return 'NULL::VARCHAR';
  const r = stringLiteralValue(e);
  if (r === undefined) throw new DialectUnsupported('REGEXP_REPLACE() with a replacement that is not a string literal');
  if (/\\(?![1-9])/.test(r)) throw new DialectUnsupported(`REGEXP_REPLACE() with the replacement '${r}' (a backslash not before a group number 1-9)`);
  return quoteString(r);
}

export const REGEXP_FUNCTIONS: Record<string, FunctionTranslation> = {
  REGEXP_REPLACE(args, name, ctx) {
    arity(name, args, 3);
    const [s, pat, rep] = args as [Emitted, Emitted, Emitted];
    const type = typeOf(stringType(16777216), true);
    const p = prepared(name, s, pat, collationOfCtx(ctx), true);
    if (!p) return { sql: 'NULL::VARCHAR', type };
    // Where an empty match is possible PCRE2's loop and RE2's global replace step on differently.
    if (p.re.nullable) throw new DialectUnsupported(`REGEXP_REPLACE() with a pattern that can match the empty string`);
    return { sql: `regexp_replace(${p.text}, ${quoteString(p.re.re2)}, ${replacement(rep)}, 'g')`, type };
  },
  REGEXP_SUBSTR(args, name, ctx) {
    arity(name, args, 2);
    const [s, pat] = args as [Emitted, Emitted];
    const type = typeOf(stringType(charLength(s.type)), true);
    const p = prepared(name, s, pat, collationOfCtx(ctx), true);
    if (!p) return { sql: 'NULL::VARCHAR', type };
    return { sql: `CASE WHEN ${asValue(s)} IS NULL THEN NULL ELSE regexp_extract(${p.text}, ${quoteString(p.re.re2)}, 0) END`, type };
  },
  REGEXP_INSTR(args, name, ctx) {
    arity(name, args, 2);
    const [s, pat] = args as [Emitted, Emitted];
    const type = typeOf('int(11)', true);
    const p = prepared(name, s, pat, collationOfCtx(ctx), true);
    if (!p) return { sql: 'NULL::INTEGER', type };
    // The first match's position: the shortest prefix after which the pattern matches.
    const prefixed = `(?s:^(.*?))(?:${p.re.re2})`;
    return { sql: `CASE WHEN ${asValue(s)} IS NULL THEN NULL WHEN regexp_matches(${p.text}, ${quoteString(p.re.re2)}) THEN length(regexp_extract(${p.text}, ${quoteString(prefixed)}, 1)) + 1 ELSE 0 END`, type };
  },
};
