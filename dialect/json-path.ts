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

/** A number as json_lib's state machine reads it, up to where it stops (checked on MariaDB 10.11). */
export const MARIADB_NUMBER = '-?(0|[1-9][0-9]*)([.][0-9]*)?([eE][-+]*[0-9]*)?|-';
/** Such a number the end of the text cuts short: json_lib's "unexpected end". */
export const OPEN_NUMBER = '-|-?(0|[1-9][0-9]*)([.][0-9]*)?[eE][-+]*';

/**
 * What DuckDB's reading of a text tells of MariaDB's (json_lib's): `strict`, it is JSON to both;
 * `repairable`, it is JSON to MariaDB only (an unknown escape "\x", a number like `1.` or
 * `[1e]`, which MariaDB takes and DuckDB does not), so DuckDB cannot read it as MariaDB does;
 * `untold`, the failure for such a text.
 */
export function documentChecks(t: string): { strict: string; repairable: string; untold: string } {
  const bare = stringsEmptied(t);
  // DuckDB's reader also takes a trailing comma and NaN, which MariaDB does not.
  const trailingComma = `regexp_matches(${bare}, ',\\s*[\\]}]')`;
  const strayLetters = `regexp_matches(regexp_replace(${bare}, 'true|false|null|[0-9][.]?[eE]', '', 'g'), '[A-Za-z]')`;
  // MariaDB's json_lib ends a number where its state machine stops, so it takes '1.', '1e',
  // '1e+-2', '0e' and '-' before a `,` `]` `}` or space (not '01', '-.5', '1.2.'), but at the end of the
  // text only what is complete ('1.' yes, '1e' and '-' no); and after `\` any character but a
  // control one or `u`. Each such number becomes `0 ` (what follows it stays apart: '1.5.' is
  // '0 .', no JSON) and each such escape `\n`, and DuckDB reads what is left. (A letter before a
  // number is no JSON anyway; skipping those keeps a \u00e9 whole.)
  const escapes = `regexp_replace(${t}, '\\\\[^u\\x00-\\x1f]', '\\\\n', 'g')`;
  const repaired = `regexp_replace(${escapes}, '(^|[^-+.0-9A-Za-z_])(${MARIADB_NUMBER})', '\\1' || '0 ', 'g')`;
  const openAtEnd = `regexp_matches(${t}, '(^|[^-+.0-9A-Za-z_])(${OPEN_NUMBER})$')`;
  const mariadbOnly = `NOT (${trailingComma} OR ${strayLetters})`;
  return {
    strict: `(json_valid(${t}) AND ${mariadbOnly})`,
    repairable: `(NOT ${openAtEnd} AND json_valid(${repaired}) AND ${mariadbOnly})`,
    untold: `error('instaquery cannot tell whether ' || ${t} || ' is JSON as MariaDB reads it')`,
  };
}

/**
 * A document MariaDB reads as JSON, for a text argument (a JSON column is JSON by its CHECK);
 * a text MariaDB takes that DuckDB cannot read fails (1235) rather than be read the other way,
 * except for JSON_VALID (`validOnly`), which needs no reading: there it is true.
 */
export function validDocument(e: Emitted, readsWhole = true, validOnly = false): string {
  if (familyOf(e.type) === 'json') return `CASE WHEN ${asValue(e)} IS NULL THEN NULL ELSE true END`;
  const t = text(e);
  const { strict, repairable, untold } = documentChecks(t);
  const unread = validOnly ? 'true' : untold;
  if (readsWhole) return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN true WHEN ${repairable} THEN ${unread} ELSE false END`;
  // A function that stops reading once it has its answer (JSON_CONTAINS, JSON_VALUE) answers for
  // a text that only starts as JSON ('100%', '{"a": 1,}'); only one that cannot start a value is surely NULL.
  const startsAsJson = `regexp_matches(${t}, '^\\s*([-\\[{"0-9]|true|false|null)')`;
  return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN true WHEN ${repairable} THEN ${unread} WHEN ${startsAsJson} THEN error('instaquery cannot tell how far MariaDB reads ' || ${t} || ' as JSON') ELSE false END`;
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
