// How far MariaDB's json_lib reads a text that is not JSON, for the functions that stop early.
// JSON_LENGTH(doc) reads a document whole when it starts an array or object ('[1] x' is NULL),
// but a scalar is 1 as soon as its first token is read, whatever follows: '100%', '1 2',
// 'true x', '"a" x', '01', '0.5.5', '-x' are all 1 (a number ends where json_lib's state
// machine stops), while a text ending inside its first token ('1e', '-', '"abc', 'nul'), a
// number running into a non-ASCII character, a string with a raw control character or a bad
// \u escape, or a misspelt literal ('tab') is NULL. Checked on MariaDB 10.11; what was not checked fails (1235) rather than be guessed.
import { asValue, quoteString, type Emitted } from './emitted.ts';
import { text } from './function-args.ts';
import { familyOf } from './mysql-types.ts';
import { documentChecks, MARIADB_NUMBER, OPEN_NUMBER, valueAtPath } from './json-path.ts';

/**
 * SQL: how MariaDB's JSON_LENGTH(t) (no path) reads the text `t`: 'json' where it is JSON (the
 * caller answers from DuckDB's reading), 'scalar' where it is not but starts with a scalar token
 * MariaDB takes (the answer is 1), 'no' where the answer is NULL; fails where that is unknown.
 */
export function lengthReading(t: string): string {
  const { strict, repairable, untold } = documentChecks(t);
  const startsWith = (re: string) => `regexp_matches(${t}, '^[ \\t\\n\\r]*${re}')`;
  // A string's characters: anything but a quote, backslash or control character; an escape of
  // any character but a control one, \u with four hex digits (a surrogate half is left untold).
  const stringChars = `(?:[^"\\\\\\x00-\\x1f]|\\\\u[0-9a-ce-fA-CE-F][0-9a-fA-F]{3}|\\\\u[dD][0-7][0-9a-fA-F]{2}|\\\\[^u\\x00-\\x1f])*`;
  const unknown = `error('instaquery cannot tell how far MariaDB reads ' || ${t} || ' as JSON')`;
  const scalar = [
    `WHEN ${startsWith('[[{]')} THEN 'no'`,
    `WHEN ${startsWith('(true|false|null)')} THEN 'scalar'`,
    `WHEN ${startsWith('(t|f|n)')} THEN 'no'`,
    `WHEN ${startsWith(`"${stringChars}"`)} THEN 'scalar'`,
    // Into a raw control character, a \u without four hex digits, or the end: no string.
    `WHEN ${startsWith(`"${stringChars}([\\x00-\\x1f]|\\\\[\\x00-\\x1f]|\\\\u[0-9a-fA-F]{0,3}([^0-9a-fA-F]|$)|\\\\$|$)`)} THEN 'no'`,
    `WHEN ${startsWith('"')} THEN ${unknown}`,
    // A number read to the end in a state that cannot end, or running into a non-ASCII character, is no number.
    `WHEN regexp_matches(${t}, '^[ \\t\\n\\r]*(${OPEN_NUMBER})$') OR ${startsWith(`(${MARIADB_NUMBER})[^\\x00-\\x7f]`)} THEN 'no'`,
    `WHEN ${startsWith('[-0-9]')} THEN 'scalar'`,
  ];
  return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN 'json' WHEN ${repairable} THEN ${untold} ${scalar.join(' ')} ELSE 'no' END`;
}

/** A path of one step, the only kind served over a text that is no JSON: an object's key or an array's index. */
export function singleStep(path: string): { key: string } | { index: number } | undefined {
  const key = /^\$\.([A-Za-z_$][\w$]*)$/.exec(path) ?? /^\$\."([^"\\]*)"$/.exec(path);
  if (key) return { key: key[1]! };
  const index = /^\$\[(\d+)\]$/.exec(path);
  return index ? { index: Number(index[1]) } : undefined;
}

/**
 * SQL answering, for a text `t` that is no JSON but starts as a document, a function that stops
 * reading at its path's value (JSON_VALUE, JSON_CONTAINS and JSON_LENGTH with a path), as
 * MariaDB answers: json_lib reads the members (elements) in turn and stops at the value the
 * one-step path names, so a text broken after it still answers ('{"a": 1,}' at '$.a' is 1), and
 * one broken before it is NULL, as is one it never finds. The members read whole are those up to
 * the last cut (a `,` or the closing bracket at the top level) where the text so far, closed,
 * is JSON: `answer(doc)` gives the answer from that much (bound to a lambda parameter).
 * Where the path's member is the broken one, or the text is not of the path's kind, it fails.
 */
export function earlyAnswer(t: string, path: string, answer: (doc: string) => string): string {
  const step = singleStep(path);
  const unknown = `error('instaquery cannot tell how far MariaDB reads ' || ${t} || ' as JSON')`;
  const open = step && 'key' in step ? '{' : '[';
  if (!step) return unknown;
  const close = open === '{' ? '}' : ']';
  const toks = `regexp_extract_all(${t}, '"(?:[^"\\\\]|\\\\.)*"|[^"]')`;
  // Per token: its depth after it; the cuts up to the top value's end; each cut's text, closed.
  const depths = `list_transform(range(1, len(je_t) + 1), lambda je_i: list_sum(list_transform(list_slice(je_t, 1, je_i), lambda je_x: CASE WHEN je_x IN ('[', '{') THEN 1 WHEN je_x IN (']', '}') THEN -1 ELSE 0 END)))`;
  const cuts = `list_filter(range(1, len(je_t) + 1), lambda je_i: (je_t[je_i] = ',' AND je_d[je_i] = 1) OR (je_t[je_i] IN (']', '}') AND je_d[je_i] = 0))`;
  const upToEnd = `list_filter(je_c0, lambda je_i: je_i <= coalesce(list_filter(je_c0, lambda je_j: je_d[je_j] = 0)[1], je_i))`;
  const cutText = `list_transform(je_c, lambda je_i: CASE WHEN je_t[je_i] = ',' THEN array_to_string(list_slice(je_t, 1, je_i - 1), '') || '${close}' ELSE array_to_string(list_slice(je_t, 1, je_i), '') END)`;
  const { strict, repairable } = documentChecks('je_x');
  // Inside the lambdas a failure names a lambda's value, so DuckDB cannot fold it into a constant.
  const unknownOf = (sql: string) => `error('instaquery cannot tell how far MariaDB reads ' || ${sql} || ' as JSON')`;
  const readable = `list_transform(je_s, lambda je_x: CASE WHEN ${strict} THEN true WHEN ${repairable} THEN ${unknownOf('je_x')} ELSE false END)`;
  // The last cut read whole (0: none), and what follows it.
  const last = `coalesce(list_position(je_ok, false) - 1, len(je_ok))`;
  const tail = `array_to_string(list_slice(je_t, CASE WHEN je_n = 0 THEN 1 ELSE je_c[je_n] + 1 END, len(je_t)), '')`;
  const complete = `(je_n > 0 AND je_d[je_c[je_n]] = 0)`;
  const found = `(je_n > 0 AND ${valueAtPath(`TRY_CAST(je_s[je_n] AS JSON)`, path)} IS NOT NULL)`;
  const reachedBroken =
    'key' in step
      ? `(contains(${tail}, ${quoteString(`"${step.key}"`)}) OR contains(${tail}, '\\'))`
      : `(len(list_filter(list_slice(je_c, 1, je_n), lambda je_i: je_t[je_i] = ',')) = ${step.index})`;
  const decide = `CASE WHEN ${found} THEN list_transform([je_s[je_n]], lambda je_doc: ${answer('je_doc')})[1] WHEN ${complete} THEN NULL WHEN ${reachedBroken} THEN ${unknownOf(`array_to_string(je_t, '')`)} END`;
  const bind = (name: string, value: string, body: string) => `list_transform([${value}], lambda ${name}: ${body})[1]`;
  const body = bind('je_t', toks, bind('je_d', depths, bind('je_c0', cuts, bind('je_c', upToEnd, bind('je_s', cutText, bind('je_ok', readable, bind('je_n', last, decide)))))));
  return `CASE WHEN regexp_matches(${t}, '^[ \\t\\n\\r]*\\${open}') THEN ${body} WHEN regexp_matches(${t}, '^[ \\t\\n\\r]*[\\[{]') THEN ${unknown} END`;
}

/**
 * `sql` (the answer from the document `e`) where the text is JSON, and for a text that is not, the
 * answer of a function that stops at its path's value (earlyAnswer, `answer` building the same
 * SQL from the part read); a text that cannot start a value is NULL. A JSON column is JSON.
 */
export function whereReadEarly(e: Emitted, sql: string, path: string, answer: (doc: Emitted) => string): string {
  if (familyOf(e.type) === 'json') return `CASE WHEN ${asValue(e)} IS NOT NULL THEN ${sql} END`;
  const t = text(e);
  const { strict, repairable, untold } = documentChecks(t);
  const startsAsJson = `regexp_matches(${t}, '^\\s*([-\\[{"0-9]|true|false|null)')`;
  const early = earlyAnswer(t, path, (doc) => answer({ sql: doc, type: e.type }));
  return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN ${sql} WHEN ${repairable} THEN ${untold} WHEN regexp_matches(${t}, '^[ \\t\\n\\r]*[\\[{]') THEN ${early} WHEN ${startsAsJson} THEN error('instaquery cannot tell how far MariaDB reads ' || ${t} || ' as JSON') END`;
}

/**
 * JSON_KEYS(doc) without a path over a text: MariaDB reads a top-level object to its closing
 * brace and stops ('{"a": 1} x' has keys ["a"]); anything else is no object (NULL), as is an
 * object broken before its end. `keys(doc)` answers from the object's text (a lambda parameter).
 */
export function keysReadEarly(e: Emitted, sql: string, keys: (doc: Emitted) => string): string {
  if (familyOf(e.type) === 'json') return sql;
  const t = text(e);
  const { strict, repairable, untold } = documentChecks(t);
  const toks = `regexp_extract_all(${t}, '"(?:[^"\\\\]|\\\\.)*"|[^"]')`;
  const depth = `list_sum(list_transform(list_slice(jk_t, 1, jk_i), lambda jk_x: CASE WHEN jk_x IN ('[', '{') THEN 1 WHEN jk_x IN (']', '}') THEN -1 ELSE 0 END))`;
  const end = `list_filter(range(1, len(jk_t) + 1), lambda jk_i: jk_t[jk_i] IN (']', '}') AND ${depth} = 0)[1]`;
  const object = `list_transform([${toks}], lambda jk_t: CASE WHEN ${end} IS NOT NULL THEN array_to_string(list_slice(jk_t, 1, ${end}), '') END)[1]`;
  const inner = documentChecks('jk_doc');
  const fromObject = `list_transform([${object}], lambda jk_doc: CASE WHEN ${inner.strict} THEN ${keys({ sql: 'jk_doc', type: e.type })} WHEN ${inner.repairable} THEN error('instaquery cannot tell whether ' || jk_doc || ' is JSON as MariaDB reads it') END)[1]`;
  return `CASE WHEN ${t} IS NULL THEN NULL WHEN ${strict} THEN ${sql} WHEN ${repairable} THEN ${untold} WHEN regexp_matches(${t}, '^[ \\t\\n\\r]*[{]') THEN ${fromObject} END`;
}
