// The JSON documents MySQL builds from SQL values: JSON_OBJECT(k, v, …), JSON_ARRAY(v, …) and
// JSON_QUOTE(s), written as MariaDB writes them (`{"a": 1, "b": [1, 2]}`: a space after each `:`
// and `,`), each value as json-text.ts writes it. The result is a text of JSON type: nested in
// another document it goes in as JSON, and it is sent as MariaDB sends it (VARCHAR while short).
import { DialectUnsupported, MysqlRejection } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { arity, type FunctionTranslation } from './function-args.ts';
import { builtJsonType, jsonStringSql, jsonValueLength, jsonValueSql, ownLength } from './json-text.ts';
import { familyOf, stringType } from './mysql-types.ts';
import { asMysqlText } from './temporal-values.ts';

/** Where MySQL's total would pass 2^32, it stops there (MariaDB's fix_char_length clamps). */
const total = (lengths: number[]): number => Math.min(2 + lengths.reduce((n, l) => n + l + 4, 0), 4294967295);

/** A key's text: NULL is the empty key (MariaDB writes `"": v`). */
function keySql(k: Emitted, fn: string): string {
  const f = familyOf(k.type);
  if (f === 'null') return `'""'`;
  if (f === 'binary' || f === 'unknown' || f === 'json') throw new DialectUnsupported(`${fn}() with a key of type ${k.type.columnType || 'unknown'}`);
  // A key is always written as a string: its text as CONCAT writes it.
  const text = jsonValueSql({ ...k, bool: false, type: { ...k.type, jsonText: false } }, fn);
  if (f === 'string' || f === 'date' || f === 'datetime' || f === 'time') return `CASE WHEN ${asValue(k)} IS NULL THEN '""' ELSE ${text} END`;
  // A number key: its text, quoted.
  return `CASE WHEN ${asValue(k)} IS NULL THEN '""' ELSE '"' || ${text} || '"' END`;
}

export const JSON_BUILD_FUNCTIONS: Record<string, FunctionTranslation> = {
  JSON_OBJECT(args, name) {
    if (args.length % 2 !== 0) throw new MysqlRejection(1582, '42000', `Incorrect parameter count in the call to native function '${name}'`);
    const pairs: string[] = [];
    for (let i = 0; i < args.length; i += 2) pairs.push(`${keySql(args[i]!, name)} || ': ' || ${jsonValueSql(args[i + 1]!, name)}`);
    const sql = pairs.length === 0 ? `'{}'` : `('{' || ${pairs.join(` || ', ' || `)} || '}')`;
    return { sql, type: builtJsonType(args.length === 0 ? 2 : total(args.map(jsonValueLength)), false) };
  },
  JSON_ARRAY(args, name) {
    const sql = args.length === 0 ? `'[]'` : `('[' || ${args.map((a) => jsonValueSql(a, name)).join(` || ', ' || `)} || ']')`;
    return { sql, type: builtJsonType(args.length === 0 ? 2 : total(args.map(jsonValueLength)), false) };
  },
  JSON_QUOTE(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    const f = familyOf(a.type);
    const type = { columnType: stringType(Math.min(ownLength(a.type) * 12 + 2, 4294967295)), nullable: true, collation: 'utf8mb4_bin' };
    // Only a string is quoted; MariaDB answers NULL for a number.
    if (f === 'int' || f === 'decimal' || f === 'double' || f === 'float' || f === 'year' || f === 'null') return { sql: 'CAST(NULL AS VARCHAR)', type };
    if (f === 'date' || f === 'datetime' || f === 'time') return { sql: jsonStringSql(asValue(asMysqlText(a))), type };
    if (f !== 'string' && f !== 'json') throw new DialectUnsupported(`${name}() of a value of type ${a.type.columnType || 'unknown'}`);
    return { sql: jsonStringSql(asValue(a)), type };
  },
};


