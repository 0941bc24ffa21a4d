// What the JSON functions that read a document share: the document as DuckDB JSON, a literal
// path MySQL and DuckDB read alike, the text with its strings emptied, and the guards for what
// DuckDB's reading of a document loses (escapes it decodes, numbers it rewrites).
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { stringLiteralValue, text } from './function-args.ts';
import { familyOf } from './mysql-types.ts';

/** The document's stored text (a JSON column's as the source wrote it). */
export const documentText = (e: Emitted): string => (familyOf(e.type) === 'json' ? asValue(e) : text(e));

/** The document as DuckDB JSON. */
// TRY_CAST: a text that is no JSON is NULL here (validDocument says so), never a failure DuckDB
// might raise while folding a constant.
export const documentJson = (e: Emitted): string => (familyOf(e.type) === 'json' ? `CAST(${asValue(e)} AS JSON)` : `TRY_CAST(${text(e)} AS JSON)`);

/** A path argument: a string literal of `$`, `.key`, `."key"` and `[n]` steps, as a DuckDB literal. */
export function literalPath(fn: string, e: Emitted): { sql: string; text: string } {
  const p = stringLiteralValue(e);
  if (p === undefined) throw new DialectUnsupported(`${fn}() with a path that is not a string literal`);
  if (!/^\$(\.[A-Za-z_$][\w$]*|\."(?:[^"\\]|\\.)*"|\[\d+\])*$/.test(p)) throw new DialectUnsupported(`${fn}() with the path '${p}' (wildcards, ranges and last are not served)`);
  return { sql: quoteString(p), text: p };
}

/** JSON text with its strings emptied, to look at its numbers and punctuation alone. */
export const stringsEmptied = (sql: string): string => `regexp_replace(${sql}, '"(?:[^"\\\\]|\\\\.)*"', '""', 'g')`;

/** The document writes a character as \uXXXX or \/ : DuckDB decodes it, so its text as written is lost. */
export const hasDecodedEscape = (documentSql: string): string => `regexp_matches(${documentSql}, '\\\\[u/]')`;

/**
 * A document MariaDB reads as JSON, for a text argument (a JSON column is JSON by its CHECK):
 * DuckDB's reader also takes a trailing comma and NaN, which MariaDB does not, and refuses `1.`,
 * which MariaDB takes; such a text fails (1235) rather than be read the other way.
 */
export function validDocument(e: Emitted, readsWhole = true): string {
  if (familyOf(e.type) === 'json') return `CASE WHEN ${asValue(e)} IS NULL THEN NULL ELSE true END`;
  const t = text(e);
  const bare = stringsEmptied(t);
  const trailingComma = `regexp_matches(${bare}, ',\\s*[\\]}]')`;
  const strayLetters = `regexp_matches(regexp_replace(${bare}, 'true|false|null|[0-9][eE]', '', 'g'), '[A-Za-z]')`;
  // MariaDB also takes `1.` and an unknown escape in a string ("\x"), which DuckDB does not: a
  // text that would be JSON but for them cannot be told.
  const unknownEscape = `regexp_matches(${t}, '\\\\[^"\\\\/bfnrtu]')`;
  const pointAlone = `regexp_matches(${bare}, '[0-9][.]([^0-9]|$)')`;
  const repaired = `regexp_replace(regexp_replace(${t}, '\\\\([^"\\\\/bfnrtu])', '\\1', 'g'), '([0-9])[.]([^0-9]|$)', '\\1\\2', 'g')`;
  const pointWithoutDigits = `((${unknownEscape} OR ${pointAlone}) AND json_valid(${repaired}) AND NOT (${trailingComma} OR ${strayLetters}))`;
  const strict = `(json_valid(${t}) AND NOT (${trailingComma} OR ${strayLetters}))`;
  const untold = `error('instaquery cannot tell whether ' || ${t} || ' is JSON as MariaDB reads it')`;
  if (readsWhole) return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN true WHEN ${pointWithoutDigits} THEN ${untold} ELSE false END`;
  // A function that stops reading once it has its answer (JSON_CONTAINS, JSON_VALUE) answers for
  // a text that only starts as JSON ('100%', '{"a": 1,}'); only one that cannot start a value is surely NULL.
  const startsAsJson = `regexp_matches(${t}, '^\\s*([-\\[{"0-9]|true|false|null)')`;
  return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN true WHEN ${pointWithoutDigits} THEN ${untold} WHEN ${startsAsJson} THEN error('instaquery cannot tell how far MariaDB reads ' || ${t} || ' as JSON') ELSE false END`;
}

/** A literal path's steps: `.key` / `."key"` as DuckDB path text, `[n]` as the index. */
function pathSteps(p: string): (string | number)[] {
  return [...p.slice(1).matchAll(/\.[A-Za-z_$][\w$]*|\."(?:[^"\\]|\\.)*"|\[(\d+)\]/g)].map((m) => (m[1] === undefined ? m[0] : Number(m[1])));
}

/**
 * The value at a literal path as MariaDB finds it (DuckDB JSON, SQL NULL where there is none):
 * as DuckDB's json_extract, but `[0]` on a value that is not an array is the value itself
 * (MariaDB wraps it: '{"a": 1}' at '$[0]' is the object) and `[n]` past 0 there is nothing.
 */
export function valueAtPath(json: string, pathText: string): string {
  const steps = pathSteps(pathText);
  if (!steps.some((s) => typeof s === 'number')) return `json_extract(${json}, ${quoteString(pathText)})`;
  let sql = json;
  steps.forEach((s, i) => {
    if (typeof s === 'string') {
      sql = `json_extract(${sql}, ${quoteString('$' + s)})`;
      return;
    }
    const x = `jp_${i}`;
    const wrapped = s === 0 ? x : 'NULL';
    sql = `list_transform([${sql}], lambda ${x}: CASE WHEN json_type(${x}) = 'ARRAY' THEN json_extract(${x}, '$[${s}]') ELSE ${wrapped} END)[1]`;
  });
  return sql;
}

/** `sql` where the document is JSON as MariaDB reads it, else NULL (a JSON column always is). */
export function whereValid(e: Emitted, sql: string, readsWhole = true): string {
  return familyOf(e.type) === 'json' ? sql : `CASE WHEN ${validDocument(e, readsWhole)} THEN ${sql} END`;
}
