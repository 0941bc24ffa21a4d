// JSON_CONTAINS(target, candidate[, path]) as MariaDB's check_contains answers it, for a
// candidate written as a string literal: the literal is read here and becomes a DuckDB predicate
// over the target. A scalar is contained in an equal scalar (numbers within 1e-12, strings byte
// for byte) or in an array holding it at any depth of arrays; an object in an object whose every
// key holds a value containing the candidate's (or in an array holding such an object); an array
// in an array containing each of its elements. A path that finds nothing gives 0; NULL gives NULL.
import { DialectUnsupported } from './dialect-error.ts';
import { quoteString, type Emitted } from './emitted.ts';
import { arity, stringLiteralValue, type FunctionTranslation } from './function-args.ts';
import { documentJson, documentText, hasDecodedEscape, literalPath, validDocument, valueAtPath } from './json-path.ts';
import { familyOf, typeOf } from './mysql-types.ts';
import { whereReadEarly } from './json-lenient.ts';

type Candidate = null | boolean | number | string | Candidate[] | { [key: string]: Candidate };

/** How deep arrays inside arrays are followed; a deeper one fails rather than be guessed. */
const MAX_DEPTH = 10;

const NUMBER_TYPES = `('BIGINT', 'UBIGINT', 'DOUBLE')`;

let lambdaNames = 0;

/** Any element of the array `t` satisfies `test` (false for an empty array). */
function anyElement(t: string, depth: number, test: (x: string) => string): string {
  // Each lambda its own name: an object's members go in again at the same depth.
  const x = `jc_${depth}_${lambdaNames++}`;
  // Typed as a list even where DuckDB folds a constant document's missing member to NULL.
  return `coalesce(list_bool_or(list_transform(CAST(json_extract(${t}, '$[*]') AS JSON[]), lambda ${x}: ${test(x)})), false)`;
}

/** SQL: whether the JSON value `t` contains the candidate. */
function contains(t: string, c: Candidate, depth: number, escaped: string): string {
  if (Array.isArray(c)) {
    if (c.length === 0) return `(json_type(${t}) = 'ARRAY')`;
    return `(json_type(${t}) = 'ARRAY' AND ${c.map((e) => contains(t, e, depth, escaped)).join(' AND ')})`;
  }
  if (c !== null && typeof c === 'object') {
    const keys = Object.keys(c);
    const inObject = keys.map((k) => {
      if (/["\\]/.test(k)) throw new DialectUnsupported(`JSON_CONTAINS() with the key ${JSON.stringify(k)} in its candidate`);
      const member = `json_extract(${t}, ${quoteString(`$."${k}"`)})`;
      return `coalesce(${contains(member, c[k]!, depth, escaped)}, false)`;
    });
    const object = `(json_type(${t}) = 'OBJECT'${inObject.map((p) => ` AND ${p}`).join('')})`;
    return `CASE WHEN ${t} IS NULL THEN false WHEN json_type(${t}) = 'ARRAY' THEN ${deeper(t, c, depth, escaped)} ELSE ${object} END`;
  }
  const scalar = scalarEquals(t, c, escaped);
  return `CASE WHEN ${t} IS NULL THEN false WHEN json_type(${t}) = 'ARRAY' THEN ${deeper(t, c, depth, escaped)} ELSE ${scalar} END`;
}

/** Into the elements of an array, while the depth allows; past it an array inside fails. */
function deeper(t: string, c: Candidate, depth: number, escaped: string): string {
  if (depth >= MAX_DEPTH) return `error('instaquery cannot look into JSON arrays nested deeper than ${MAX_DEPTH} in ' || CAST(${t} AS VARCHAR))`;
  return anyElement(t, depth, (x) => contains(x, c, depth + 1, escaped));
}

/**
 * A scalar equal to the candidate. Strings are compared as written: where the document writes
 * characters as \u or \/ escapes, a value DuckDB decoded to the candidate may be written
 * otherwise, and the comparison fails (1235) rather than guess (`escaped`: SQL saying so).
 */
function scalarEquals(t: string, c: Candidate, escaped: string): string {
  if (c === null) return `(json_type(${t}) = 'NULL')`;
  if (typeof c === 'boolean') return `(json_type(${t}) = 'BOOLEAN' AND CAST(${t} AS VARCHAR) = '${c}')`;
  if (typeof c === 'number') return `(json_type(${t}) IN ${NUMBER_TYPES} AND abs(TRY_CAST(CAST(${t} AS VARCHAR) AS DOUBLE) - CAST(${quoteString(String(c))} AS DOUBLE)) < 1e-12)`;
  const equal = `(json_type(${t}) = 'VARCHAR' AND json_extract_string(${t}, '$') = ${quoteString(c as string)})`;
  return `CASE WHEN ${equal} AND ${escaped} THEN error('instaquery cannot compare the JSON string ' || CAST(${t} AS VARCHAR) || ' as MariaDB wrote it') ELSE ${equal} END`;
}

/** The candidate literal read as JSON; a text JavaScript and MariaDB might read apart is refused. */
function candidateOf(fn: string, e: Emitted): Candidate {
  const text = stringLiteralValue(e);
  if (text === undefined) throw new DialectUnsupported(`${fn}() with a candidate that is not a string literal`);
  // \u and \/ escapes: MariaDB compares strings as written, DuckDB's values are decoded.
  if (/\\[u/]/.test(text)) throw new DialectUnsupported(`${fn}() with a candidate written with \\u or \\/ escapes`);
  try {
    return JSON.parse(text) as Candidate;
  } catch {
    throw new DialectUnsupported(`${fn}() with the candidate '${text}', which is not JSON`);
  }
}

export const JSON_CONTAINS_FUNCTIONS: Record<string, FunctionTranslation> = {
  JSON_CONTAINS(args, name) {
    arity(name, args, 2, 3);
    const [target, candidateArg] = args as [Emitted, Emitted];
    if (familyOf(candidateArg.type) === 'null' || familyOf(target.type) === 'null') return { sql: 'CAST(NULL AS INTEGER)', type: typeOf('int(1)', true) };
    const candidate = candidateOf(name, candidateArg);
    lambdaNames = 0; // the same statement translates to the same SQL
    const path = args.length === 3 ? literalPath(name, args[2]!).text : undefined;
    const answer = (d: Emitted) => {
      const doc = documentJson(d);
      const t = path !== undefined ? valueAtPath(doc, path) : doc;
      return `CAST(coalesce(${contains(t, candidate, 0, hasDecodedEscape(documentText(d)))}, false) AS INTEGER)`;
    };
    // With a path it stops at the path's value (json-lenient.ts); without, it reads the value whole.
    const sql = path !== undefined ? whereReadEarly(target, answer(target), path, answer) : `CASE WHEN ${validDocument(target, false)} THEN ${answer(target)} END`;
    return { sql, type: typeOf('int(1)', true) };
  },
};
