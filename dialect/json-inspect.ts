// Questions MySQL asks of a document: JSON_DEPTH, JSON_KEYS and JSON_SEARCH, answered as MariaDB
// answers them (a text that is not JSON gives NULL). MariaDB copies keys into its answers as the
// document wrote them (`"k\"ey"`), DuckDB decodes them: a key written with \u or \/ escapes has
// lost that text, and an answer that would show one fails (1235) rather than show other text.
import { collationKey, collationRules } from './collation.ts';
import { DialectUnsupported } from './dialect-error.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { documentJson, documentText, literalPath, stringsEmptied, validDocument, valueAtPath } from './json-path.ts';
import { jsonEscaped, ownLength } from './json-text.ts';
import { familyOf, stringType, typeOf } from './mysql-types.ts';
import { keysReadEarly } from './json-lenient.ts';

/** The document has a key written with a \u or \/ escape (a string followed by `:`). */
const keyWithDecodedEscape = (documentSql: string): string => `regexp_matches(${documentSql}, '"(?:[^"\\\\]|\\\\.)*\\\\[u/](?:[^"\\\\]|\\\\.)*"\\s*:')`;

/**
 * MariaDB's depth: 1 for a scalar or an empty array/object, one more for each level holding a
 * value. With strings emptied, spaces gone and empty containers counted as scalars, it is one more
 * than the deepest bracket nesting, read off each prefix (opens minus closes).
 */
function depthSql(documentSql: string): string {
  const noSpace = `regexp_replace(${stringsEmptied(documentSql)}, '\\s', '', 'g')`;
  const brackets = `regexp_replace(translate(regexp_replace(${noSpace}, '\\[\\]|\\{\\}', '0', 'g'), '{}', '[]'), '[^\\[\\]]', '', 'g')`;
  return `list_transform([${brackets}], lambda jd_b: CASE WHEN jd_b = '' THEN 1 ELSE 1 + list_max(list_transform(range(1, length(jd_b) + 1), lambda jd_i: 2 * length(replace(left(jd_b, CAST(jd_i AS INTEGER)), ']', '')) - jd_i)) END)[1]`;
}

/** A literal 'one' or 'all' mode argument. */
function modeOf(fn: string, e: Emitted): 'one' | 'all' {
  const mode = stringLiteralValue(e)?.toLowerCase();
  if (mode !== 'one' && mode !== 'all') throw new DialectUnsupported(`${fn}() with a mode that is not the literal 'one' or 'all'`);
  return mode;
}

/** A pattern that could match a number's text: only digits, signs, points, exponents and wildcards. */
const couldMatchNumber = (pattern: string, escape: string): boolean => /^[0-9.eE+\-%_]*$/.test(pattern.split(escape).join(''));

function jsonSearch(args: Emitted[], fn: string): Emitted {
  if (args.length < 3) throw new DialectUnsupported(`${fn}() with fewer than 3 arguments`);
  const [docArg, modeArg, patternArg, escapeArg, ...pathArgs] = args as [Emitted, Emitted, Emitted, Emitted | undefined, ...Emitted[]];
  // The match is under the document's collation: a JSON column's is utf8mb4_bin; a text column's
  // its own, matched as LIKE matches under it (keys of both sides). A computed text's collation is
  // the session's, which a function does not see here.
  const collation = familyOf(docArg.type) === 'json' ? 'utf8mb4_bin' : docArg.type.collation;
  if (collation === undefined) throw new DialectUnsupported(`${fn}() over a text whose collation is the connection's`);
  const mode = modeOf(fn, modeArg);
  const pattern = stringLiteralValue(patternArg);
  if (pattern === undefined) throw new DialectUnsupported(`${fn}() with a search string that is not a string literal`);
  // No escape, or NULL, is the default `\`.
  const escape = escapeArg === undefined || familyOf(escapeArg.type) === 'null' ? '\\' : stringLiteralValue(escapeArg);
  if (escape === undefined || [...escape].length !== 1) throw new DialectUnsupported(`${fn}() with an escape that is not a one-character string literal`);
  const scopeList = pathArgs.map((p) => {
    const { text } = literalPath(fn, p);
    // Array steps: MariaDB's [0] also matches a value that is not an array; served are keys alone.
    if (!/^\$(\.[A-Za-z_$][\w$]*)*$/.test(text)) throw new DialectUnsupported(`${fn}() with the path '${text}' (only paths of plain keys are served)`);
    return text === '$' ? 'true' : `(fullkey = ${quoteString(text)} OR starts_with(fullkey, ${quoteString(text + '.')}) OR starts_with(fullkey, ${quoteString(text + '[')}))`;
  });
  const t = documentText(docArg);
  if (collationRules(collation).weights !== 'codepoint' && /\p{L}/u.test(escape)) throw new DialectUnsupported(`${fn}() with the letter '${escape}' as its escape under a case-insensitive collation`);
  const key = (sql: string) => (collationRules(collation).weights === 'codepoint' ? sql : collationKey(sql, collation, true));
  const like = (s: string) => `${key(s)} LIKE ${key(quoteString(pattern))} ESCAPE ${quoteString(escape)}`;
  // A number's text as written is lost where DuckDB rewrote it (1.0, 1e3, -0): where the pattern could match one, it fails.
  const numbers = couldMatchNumber(pattern, escape)
    ? `WHEN type = 'DOUBLE' OR (type IN ('BIGINT', 'UBIGINT') AND regexp_matches(${stringsEmptied(t)}, '-0([^.0-9eE]|$)')) THEN error('instaquery cannot match the JSON number ' || CAST(atom AS VARCHAR) || ' as MariaDB wrote it') WHEN type IN ('BIGINT', 'UBIGINT') THEN ${like('CAST(atom AS VARCHAR)')}`
    : `WHEN type IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN false`;
  const matches = `CASE WHEN type = 'VARCHAR' THEN ${like(`json_extract_string(atom, '$')`)} WHEN type = 'BOOLEAN' THEN ${like('CAST(atom AS VARCHAR)')} WHEN type = 'NULL' THEN ${like("'null'")} ${numbers} ELSE false END`;
  // A value is searched when it lies under any of the paths.
  const scopes = scopeList.length === 0 ? [] : [`(${scopeList.join(' OR ')})`];
  const where = [`type NOT IN ('OBJECT', 'ARRAY')`, ...scopes, matches].join(' AND ');
  // DuckDB's path has the keys decoded; written escaped again they are the document's own text,
  // unless the document wrote one with \u or \/.
  const quoted = `CASE WHEN ${keyWithDecodedEscape(t)} THEN error('instaquery cannot write the JSON path ' || fullkey || ' as MariaDB writes it') ELSE '"' || ${jsonEscaped('fullkey')} || '"' END`;
  const tree = `json_tree(${documentJson(docArg)})`;
  const found =
    mode === 'one'
      ? `(SELECT ${quoted} FROM ${tree} WHERE ${where} ORDER BY id LIMIT 1)`
      : `(SELECT CASE WHEN count(*) = 1 THEN first(jp) WHEN count(*) > 1 THEN '[' || string_agg(jp, ', ' ORDER BY id) || ']' END FROM (SELECT id, ${quoted} AS jp FROM ${tree} WHERE ${where}))`;
  const own = ownLength(docArg.type);
  const chars = own >= 16384 ? 4294967295 : Math.ceil((own * 4) ** 2 / 4);
  return { sql: `CASE WHEN ${validDocument(docArg)} THEN ${found} END`, type: { columnType: stringType(Math.min(chars, 4294967295)), nullable: true, jsonText: true } };
}

export const JSON_INSPECT_FUNCTIONS: Record<string, FunctionTranslation> = {
  JSON_DEPTH(args, name) {
    arity(name, args, 1);
    return { sql: `CASE WHEN ${validDocument(args[0]!)} THEN ${depthSql(documentText(args[0]!))} END`, type: typeOf('int(10)', true) };
  },
  JSON_KEYS(args, name) {
    arity(name, args, 1, 2);
    const d = args[0]!;
    const keys = (doc: Emitted) => {
      const j = args.length === 2 ? valueAtPath(documentJson(doc), literalPath(name, args[1]!).text) : documentJson(doc);
      // MariaDB lists each key once, where it first appears.
      const listed = `list_transform([json_keys(${j})], lambda jk_l: '[' || array_to_string(list_transform(list_filter(jk_l, lambda jk_k, jk_i: list_position(jk_l, jk_k) = jk_i), lambda jk_k: '"' || ${jsonEscaped('jk_k')} || '"'), ', ') || ']')[1]`;
      const t = documentText(doc);
      return `CASE WHEN ${j} IS NULL OR json_type(${j}) <> 'OBJECT' THEN NULL WHEN ${keyWithDecodedEscape(t)} THEN error('instaquery cannot write the keys of ' || ${t} || ' as MariaDB writes them') ELSE ${listed} END`;
    };
    // Without a path it stops reading at the object's end: '{"a": 1} x' has keys ["a"] (json-lenient.ts).
    const sql = args.length === 1 ? keysReadEarly(d, keys(d), keys) : `CASE WHEN ${validDocument(d, false)} THEN ${keys(d)} END`;
    return { sql, type: { columnType: stringType(Math.min(ownLength(d.type), 4294967295)), nullable: true } };
  },
  JSON_SEARCH: (args, name) => jsonSearch(args, name),
};

