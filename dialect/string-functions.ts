// More of MySQL's string functions over DuckDB. FIND_IN_SET here is the SET-column case, which
// string-edit-functions.ts hands on; FIELD and HEX are there and in byte-functions.ts.
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, type Emitted } from './emitted.ts';
import { anyNullable, arity, folded, stringLiteralValue, text, type FunctionTranslation } from './function-args.ts';
import { charLength, declaredMembers, stringType, typeOf } from './mysql-types.ts';

type Fn = FunctionTranslation;

const v = asValue;

function pad(duck: string): Fn {
  return (args, name) => {
    arity(name, args, 3);
    const width = Number(args[1]!.sql);
    const length = Number.isInteger(width) && width >= 0 ? width : 255;
    // MySQL: NULL for a negative length.
    // An empty pad string that would have to lengthen the string gives NULL (DuckDB raises).
    const short = `length(${text(args[0]!)}) >= CAST(${v(args[1]!)} AS INTEGER)`;
    return { sql: `CASE WHEN ${v(args[1]!)} < 0 THEN NULL WHEN ${text(args[2]!)} = '' AND NOT ${short} THEN NULL ELSE ${duck}(${text(args[0]!)}, CAST(${v(args[1]!)} AS INTEGER), ${text(args[2]!)}) END`, type: typeOf(stringType(length), true) };
  };
}

export const STRING_FUNCTIONS: Record<string, Fn> = {
  LPAD: pad('lpad'),
  RPAD: pad('rpad'),
  REPEAT(args, name) {
    arity(name, args, 2);
    return { sql: `repeat(${text(args[0]!)}, greatest(CAST(${v(args[1]!)} AS BIGINT), 0))`, type: typeOf('longtext', anyNullable(args)) };
  },
  SPACE(args, name) {
    arity(name, args, 1);
    return { sql: `repeat(' ', greatest(CAST(${v(args[0]!)} AS BIGINT), 0))`, type: typeOf('longtext', args[0]!.type.nullable) };
  },
  SUBSTRING_INDEX(args, name) {
    arity(name, args, 3);
    const [str, delim, count] = args as [Emitted, Emitted, Emitted];
    const n = Number(count.sql);
    if (!Number.isInteger(n)) throw new DialectUnsupported(`${name}() with a count that is not an integer literal`);
    // Delimiters match case-sensitively, as in MySQL; '' or a count of 0 give ''.
    const parts = `string_split(${text(str)}, ${text(delim)})`;
    const slice = n > 0 ? `list_slice(${parts}, 1, ${n})` : `list_slice(${parts}, ${n}, -1)`;
    const sql = `CASE WHEN ${v(str)} IS NULL OR ${v(delim)} IS NULL THEN NULL WHEN ${n} = 0 OR ${text(delim)} = '' THEN '' ELSE array_to_string(${slice}, ${text(delim)}) END`;
    return { sql, type: typeOf(stringType(charLength(str.type)), anyNullable(args)) };
  },
  FIND_IN_SET(args, name) {
    arity(name, args, 2);
    const [s, list] = args as [Emitted, Emitted];
    // A constant string looked up in a SET column is answered from the SET's bits, as MySQL
    // does: the member's number in the type's definition when the value holds it, else 0.
    const members = declaredMembers(list.type.columnType, 'set');
    const wanted = stringLiteralValue(s);
    if (members !== undefined && wanted !== undefined) {
      const at = members.findIndex((m) => m.toLowerCase() === wanted.toLowerCase()) + 1;
      const found = `list_contains(string_split(${folded(list)}, ','), ${folded(s)})`;
      return { sql: `CASE WHEN ${v(list)} IS NULL THEN NULL WHEN ${found} THEN ${at} ELSE 0 END`, type: typeOf('int(3)', anyNullable(args)) };
    }
    return { sql: `CASE WHEN ${v(s)} IS NULL OR ${v(list)} IS NULL THEN NULL WHEN ${text(list)} = '' THEN 0 ELSE coalesce(list_position(string_split(${folded(list)}, ','), ${folded(s)}), 0) END`, type: typeOf('int(3)', anyNullable(args)) };
  },
  ELT(args, name) {
    if (args.length < 2) throw new DialectUnsupported(`${name}() with fewer than 2 arguments`);
    const [n, ...list] = args as [Emitted, ...Emitted[]];
    const arms = list.map((item, i) => `WHEN ${i + 1} THEN ${text(item)}`).join(' ');
    return { sql: `(CASE CAST(${v(n)} AS BIGINT) ${arms} END)`, type: typeOf(stringType(Math.max(...list.map((a) => charLength(a.type)))), true) };
  },
  MD5: (args, name) => (arity(name, args, 1), { sql: `md5(${text(args[0]!)})`, type: typeOf('varchar(32)', args[0]!.type.nullable) }),
  SHA1: (args, name) => (arity(name, args, 1), { sql: `sha1(${text(args[0]!)})`, type: typeOf('varchar(40)', args[0]!.type.nullable) }),
  SHA: (args, name, ctx) => STRING_FUNCTIONS.SHA1!(args, name, ctx),
  SHA2(args, name) {
    arity(name, args, 2);
    if (args[1]!.sql !== '256') throw new DialectUnsupported(`SHA2(x, ${args[1]!.sql}) (only 256 bits)`);
    return { sql: `sha256(${text(args[0]!)})`, type: typeOf('varchar(64)', true) };
  },
  ASCII: (args, name) => (arity(name, args, 1), { sql: `CASE WHEN ${text(args[0]!)} = '' THEN 0 ELSE ascii(${text(args[0]!)}) END`, type: typeOf('int(3)', args[0]!.type.nullable) }),
};
