// LOCATE / POSITION / INSTR under the operands' collation, as MariaDB searches: a _bin collation
// finds exactly what was written; a general_ci one ignores case (checked on MariaDB 10.11:
// LOCATE('e', 'Zoë') is 0, LOCATE('E', 'Émile') is 5, LOCATE('s', 'ß') is 0, but
// LOCATE('é', 'Zoë') is 3: a window of the needle's bytes, locate-window.ts); a UCA one also
// matches expansions (LOCATE('ss', 'straße') is 5), which is refused for non-ASCII text.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue as v, type Emitted } from './emitted.ts';
import { collationRules, comparisonCollation } from './collation.ts';
import { arity, text, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { typeOf } from './mysql-types.ts';
import { emptyNeedleAt, windowLocate } from './locate-window.ts';

/**
 * The text searched in and for under a _bin, UCA or 8-bit collation (utf8's general_ci search
 * is locate-window.ts) (`needle`: the text searched for): a case-blind collation's non-ASCII
 * needle (and a UCA one's non-ASCII text) is refused when met.
 */
function searchable(e: Emitted, collation: string, needle: boolean): string {
  const rules = collationRules(collation);
  const t = text(e);
  if (rules.weights === 'codepoint') return t;
  const ascii = `${t} IS NULL OR strlen(${t}) = length(${t})`;
  // An 8-bit one's ASCII needle meets only ASCII bytes, case-blind.
  if (rules.weights === 'general' && !needle) return `lower(${t})`;
  // A UCA collation weighs 'ß' as 'ss': a position in the keys is no position in the text; an
  // 8-bit charset's collation weighs its own bytes.
  return `CASE WHEN ${ascii} THEN lower(${t}) ELSE error('instaquery cannot search non-ASCII text under ${collation} as MariaDB does') END`;
}

function locate(substr: Emitted, str: Emitted, pos: Emitted | undefined, ctx: FunctionContext, name: string): Emitted {
  const collation = comparisonCollation(substr, str, ctx.collation ?? 'utf8mb4_general_ci', name.toLowerCase());
  // Positions in bytes: DuckDB's strpos reads no BLOB.
  if (collation === 'binary') throw new DialectUnsupported(`${name}() of a binary string`);
  const nullable = substr.type.nullable || str.type.nullable || (pos?.type.nullable ?? false);
  const type = typeOf('int(11)', nullable);
  const p = pos ? v(pos) : undefined;
  // From `pos` on (1-based); 0 or past the end finds nothing.
  const strposFrom = (hay: string, needle: string) =>
    p === undefined ? `strpos(${hay}, ${needle})` : `CASE WHEN ${hay} IS NULL OR ${needle} IS NULL OR ${p} IS NULL THEN NULL WHEN ${p} < 1 THEN 0 ELSE coalesce(nullif(strpos(substring(${hay}, ${p}), ${needle}), 0) + ${p} - 1, 0) END`;
  let sql: string;
  // The byte window is UTF-8's: an 8-bit charset's collation (latin1_swedish_ci) is not served so.
  if (collationRules(collation).weights === 'general' && collation.toLowerCase().startsWith('utf8')) {
    // ASCII against ASCII is case-blind strpos; anything else is MariaDB's byte-window search.
    const [h, n] = [text(str), text(substr)];
    const ascii = `(strlen(${h}) = length(${h}) AND strlen(${n}) = length(${n}))`;
    const window = p === undefined ? windowLocate(h, n, collation, '1') : `CASE WHEN ${h} IS NULL OR ${n} IS NULL OR ${p} IS NULL THEN NULL WHEN ${p} < 1 THEN 0 ELSE ${windowLocate(h, n, collation, p)} END`;
    sql = `CASE WHEN ${ascii} THEN ${strposFrom(`lower(${h})`, `lower(${n})`)} ELSE ${window} END`;
    if (p === undefined) sql = `CASE WHEN ${n} = '' THEN CASE WHEN ${h} IS NOT NULL THEN 1 END ELSE ${sql} END`;
  } else {
    sql = strposFrom(searchable(str, collation, false), searchable(substr, collation, true));
  }
  // MariaDB answers an empty needle with a start from the start's byte offset (locate-window.ts).
  if (p !== undefined) sql = `CASE WHEN ${text(substr)} = '' THEN ${emptyNeedleAt(text(str), p)} ELSE ${sql} END`;
  return { sql, type };
}

export const LOCATE_FUNCTIONS: Record<string, FunctionTranslation> = {
  LOCATE(args, name, ctx) {
    arity(name, args, 2, 3);
    return locate(args[0]!, args[1]!, args[2], ctx, name);
  },
  POSITION(args, name, ctx) {
    arity(name, args, 2);
    return locate(args[0]!, args[1]!, undefined, ctx, name);
  },
  INSTR(args, name, ctx) {
    arity(name, args, 2);
    return locate(args[1]!, args[0]!, undefined, ctx, name);
  },
};
