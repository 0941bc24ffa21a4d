// MySQL's collations as DuckDB expressions. Every text comparison, LIKE, ordering, grouping and
// DISTINCT under a collation reads the same collation key, so they agree with each other and
// with the source: `=` ignores case and accents where the column's collation does, trailing
// spaces do not count under a PAD SPACE collation, `utf8mb4_bin` compares code points.
//
// Which collation applies follows MySQL's coercibility rules: an explicit COLLATE wins, then a
// column's own collation (from the source catalog), then the connection's for a literal; two
// different column collations cannot be compared (error 1267, "Illegal mix of collations").
import { DialectError } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { familyOf, type ExprType } from './mysql-types.ts';

/** MySQL's coercibility levels (COERCIBILITY()): lower wins. */
export const EXPLICIT = 0;
export const IMPLICIT = 2;
export const COERCIBLE = 4;

/** The collation MariaDB's utf8mb4 uses when nothing names one. */
export const DEFAULT_COLLATION = 'utf8mb4_general_ci';

/** Two implicit collations met in one comparison: MySQL's error 1267. */
export class IllegalCollationMix extends DialectError {
  constructor(
    readonly left: string,
    readonly right: string,
    readonly operation: string,
  ) {
    super(`Illegal mix of collations (${left},IMPLICIT) and (${right},IMPLICIT) for operation '${operation}'`);
  }
}

type Weights = 'general' | 'unicode' | 'codepoint';

interface CollationRules {
  weights: Weights;
  /** PAD SPACE: trailing spaces do not count (all of MariaDB's but the _nopad_ ones and binary). */
  padSpace: boolean;
}

/** How a collation compares, from its name (MariaDB's and MySQL 8's naming). */
export function collationRules(name: string): CollationRules {
  const n = name.toLowerCase();
  if (n === 'binary') return { weights: 'codepoint', padSpace: false };
  // MySQL 8's UCA 9.0.0 collations (utf8mb4_0900_*) are NO PAD.
  const padSpace = !n.includes('_nopad_') && !n.includes('_0900_');
  if (n.endsWith('_bin') || n.endsWith('_cs')) return { weights: 'codepoint', padSpace };
  // general_ci and the 8-bit charsets' simple collations (latin1_swedish_ci, ...) weigh one
  // character at a time; utf8mb4's others are UCA-based (their language tailorings are not
  // modelled: they compare as the root collation does).
  if (n.includes('_general_') || !n.startsWith('utf8')) return { weights: 'general', padSpace };
  return { weights: 'unicode', padSpace };
}

/**
 * The key a text value compares by under a collation, as DuckDB SQL (compared byte by byte:
 * `COLLATE c` keeps the session's default collation off it).
 * - general_ci: one weight per character, the upper case of its base letter (MariaDB's
 *   plane tables: 'é' is 'E', 'ß' is 'S'), so '_' sorts after the letters, as on MariaDB.
 * - unicode_ci: the Unicode Collation Algorithm's primary weights (ICU, built into DuckDB):
 *   'ß' is 'ss', punctuation sorts before letters.
 * - _bin and binary: the code points themselves.
 * `forLike` leaves trailing spaces (LIKE is never PAD SPACE) and keeps one key character per
 * character, so `_` and `%` still match one and any.
 */
export function collationKey(sql: string, collation: string, forLike = false): string {
  const rules = collationRules(collation);
  const pad = rules.padSpace && !forLike;
  // Pure ASCII text (as many bytes as characters) takes the short way: no accents to strip and
  // no 'ß'; DuckDB's rtrim(x) trims exactly the trailing spaces of ASCII text (and more of other
  // text, which is why the general way names the space).
  const ascii = `strlen(${sql}) = length(${sql})`;
  const asciiPadded = pad ? `rtrim(${sql})` : sql;
  const padded = pad ? `rtrim(${sql}, ' ')` : sql;
  const either = (short: string, general: string) => `(CASE WHEN ${ascii} THEN ${short} ELSE ${general} END COLLATE c)`;
  if (rules.weights === 'codepoint') return pad ? either(asciiPadded, padded) : `(${sql} COLLATE c)`;
  if (rules.weights === 'unicode') {
    // LIKE under a UCA collation matches character by character: 'ß' (two weights) is no 's'.
    return forLike ? either(`upper(${sql})`, `upper(strip_accents(${sql}))`) : `(icu_sort_key(${padded}, 'und-u-ks-level1') COLLATE c)`;
  }
  return either(`upper(${asciiPadded})`, `replace(upper(strip_accents(${padded})), 'ẞ', 'S')`);
}

/** The collation a text expression has, and how strongly (a literal's is the connection's). */
export function collationOf(t: ExprType, connection: string): { name: string; coercibility: number } {
  if (familyOf(t) === 'binary') return { name: 'binary', coercibility: IMPLICIT };
  if (t.collation) return { name: t.collation, coercibility: t.coercibility ?? IMPLICIT };
  return { name: connection, coercibility: COERCIBLE };
}

/** The collation two text operands are compared under (MySQL's collation aggregation). */
export function comparisonCollation(l: Emitted, r: Emitted, connection: string, operation: string): string {
  const a = collationOf(l.type, connection);
  const b = collationOf(r.type, connection);
  if (a.name === 'binary' || b.name === 'binary') return 'binary';
  if (a.coercibility !== b.coercibility) return a.coercibility < b.coercibility ? a.name : b.name;
  if (a.name.toLowerCase() === b.name.toLowerCase()) return a.name;
  // Of two charsets at one level, the one holding the other's characters wins (DTCollation's
  // superset conversion): Unicode over any other, utf8mb4 over utf8mb3.
  const superset = supersetOf(a.name, b.name);
  if (superset !== undefined) return superset;
  // Of two columns' collations of one charset, the binary one wins (MySQL's DTCollation).
  if (collationRules(a.name).weights === 'codepoint') return a.name;
  if (collationRules(b.name).weights === 'codepoint') return b.name;
  if (a.coercibility === IMPLICIT || a.coercibility === EXPLICIT) throw new IllegalCollationMix(a.name, b.name, operation);
  return a.name;
}

const charsetOf = (collation: string) => {
  const cs = collation.toLowerCase().split('_')[0]!;
  return cs === 'utf8' ? 'utf8mb3' : cs;
};
const UNICODE = new Set(['utf8mb3', 'utf8mb4', 'ucs2', 'utf16', 'utf16le', 'utf32']);

/** Of two collations of different charsets, the one MySQL converts the other to; undefined if neither. */
function supersetOf(a: string, b: string): string | undefined {
  const [ca, cb] = [charsetOf(a), charsetOf(b)];
  if (ca === cb) return undefined;
  if (ca === 'utf8mb4' && cb === 'utf8mb3') return a;
  if (cb === 'utf8mb4' && ca === 'utf8mb3') return b;
  if (UNICODE.has(ca) && !UNICODE.has(cb)) return a;
  if (UNICODE.has(cb) && !UNICODE.has(ca)) return b;
  return undefined;
}

/** The strongest collation among a function's or CASE's text operands: its result's. */
export function derivedCollation(operands: ExprType[]): Pick<ExprType, 'collation' | 'coercibility'> {
  let best: ExprType | undefined;
  for (const t of operands) {
    if (!t.collation) continue;
    if (!best || (t.coercibility ?? IMPLICIT) < (best.coercibility ?? IMPLICIT)) best = t;
  }
  return best ? { collation: best.collation, coercibility: best.coercibility ?? IMPLICIT } : {};
}

/** A value as it groups, sorts and dedupes: text by its collation's key, anything else as itself. */
export function textKey(e: Emitted, connection: string): string {
  return familyOf(e.type) === 'string' ? collationKey(asValue(e), collationOf(e.type, connection).name) : asValue(e);
}
