// LOCATE / POSITION / INSTR under the operands' collation, as MariaDB searches: a _bin collation
// finds exactly what was written; a general_ci one ignores case (checked on MariaDB 10.11:
// LOCATE('e', 'Zoë') is 0, LOCATE('E', 'Émile') is 5, LOCATE('s', 'ß') is 0, but
// LOCATE('é', 'Zoë') is 3); a UCA one also matches expansions (LOCATE('ss', 'straße') is 5).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue as v, type Emitted } from './emitted.ts';
import { collationRules, comparisonCollation } from './collation.ts';
import { arity, text, type FunctionContext, type FunctionTranslation } from './function-args.ts';
import { typeOf } from './mysql-types.ts';

/**
 * The text searched in (`needle` false) and for, as MariaDB compares them: it compares a window of
 * the needle's byte length under the collation, so an ASCII needle meets only ASCII characters
 * (case-blind under general_ci), while a multi-byte one may meet another of its weight and length
 * ('é' finds the 'ë' of 'Zoë'): such a needle is refused when met.
 */
function searchable(e: Emitted, collation: string, needle: boolean): string {
  const rules = collationRules(collation);
  const t = text(e);
  if (rules.weights === 'codepoint') return t;
  const ascii = `${t} IS NULL OR strlen(${t}) = length(${t})`;
  if (rules.weights === 'general') return needle ? `CASE WHEN ${ascii} THEN lower(${t}) ELSE error('instaquery cannot search for non-ASCII text under ${collation} as MariaDB does') END` : `lower(${t})`;
  // A UCA collation weighs 'ß' as 'ss': a position in the keys is no position in the text.
  return `CASE WHEN ${ascii} THEN lower(${t}) ELSE error('instaquery cannot search non-ASCII text under ${collation} as MariaDB does') END`;
}

function locate(substr: Emitted, str: Emitted, pos: Emitted | undefined, ctx: FunctionContext, name: string): Emitted {
  const collation = comparisonCollation(substr, str, ctx.collation ?? 'utf8mb4_general_ci', name.toLowerCase());
  // Positions in bytes: DuckDB's strpos reads no BLOB.
  if (collation === 'binary') throw new DialectUnsupported(`${name}() of a binary string`);
  const hay = searchable(str, collation, false);
  const needle = searchable(substr, collation, true);
  const nullable = substr.type.nullable || str.type.nullable || (pos?.type.nullable ?? false);
  const type = typeOf('int(11)', nullable);
  if (!pos) return { sql: `strpos(${hay}, ${needle})`, type };
  // From `pos` on (1-based); 0 or past the end finds nothing.
  const p = v(pos);
  return { sql: `CASE WHEN ${hay} IS NULL OR ${needle} IS NULL OR ${p} IS NULL THEN NULL WHEN ${p} < 1 THEN 0 ELSE coalesce(nullif(strpos(substring(${hay}, ${p}), ${needle}), 0) + ${p} - 1, 0) END`, type };
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
