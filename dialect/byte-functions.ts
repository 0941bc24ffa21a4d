// MySQL's functions of bytes and bits: BIT_LENGTH, BIT_COUNT, HEX (a number as its 64-bit
// pattern, a DOUBLE or DECIMAL rounded half away first, as Item_func_hex), UNHEX (NULL for
// anything but hex digits), CHAR(n, ... [USING utf8mb4]) and CRC32 (over the UTF-8 bytes, the
// table-driven CRC-32 of zlib, which MariaDB calls).
import { DialectUnsupported } from './dialect-error.ts';
import { asUnsigned64 } from './emit-cast.ts';
import { valueText } from './double-text.ts';
import { asMysqlText } from './temporal-values.ts';
import { asValue, type Emitted } from './emitted.ts';
import { arity, text, type FunctionTranslation } from './function-args.ts';
import { charLength, familyOf, stringType, typeOf } from './mysql-types.ts';

type Fn = FunctionTranslation;

/** CRC-32 (IEEE, reflected 0xEDB88320) of each byte value, for the table-driven loop. */
const CRC_TABLE: number[] = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The bytes of a value's MySQL text (UTF-8), or of a binary string, as a BLOB. */
function bytesOf(e: Emitted): string {
  return familyOf(e.type) === 'binary' ? asValue(e) : `encode(${valueText(asMysqlText(e))})`;
}

/** The 64-bit pattern HEX writes for a number. */
function hexOfNumber(e: Emitted): string {
  const f = familyOf(e.type);
  if (f === 'int' || f === 'year') return `upper(to_hex(${asUnsigned64(e)}))`;
  // val_real, then outside BIGINT..BIGINT UNSIGNED all ones, else rounded half away from zero.
  const d = `CAST(${asValue(e)} AS DOUBLE)`;
  return `list_transform([${d}], lambda iq_d: CASE WHEN iq_d <= -9223372036854775808.0::DOUBLE OR iq_d >= 18446744073709551615.0::DOUBLE THEN 'FFFFFFFFFFFFFFFF' ELSE upper(to_hex(CAST((CAST(trunc(iq_d + CASE WHEN iq_d > 0 THEN 0.5::DOUBLE ELSE -0.5::DOUBLE END) AS HUGEINT) + CAST('18446744073709551616' AS HUGEINT)) % CAST('18446744073709551616' AS HUGEINT) AS UBIGINT))) END)[1]`;
}

const HEX: Fn = (args, name) => {
  arity(name, args, 1);
  const a = args[0]!;
  const f = familyOf(a.type);
  const typed = (sql: string, length: number) => ({ sql, type: { ...typeOf(stringType(length), a.type.nullable), textDecimals: 0 } });
  if (f === 'null') return typed('NULL::VARCHAR', 0);
  if (['int', 'year', 'decimal', 'double', 'float'].includes(f)) {
    if (/^bit/i.test(a.type.columnType)) throw new DialectUnsupported('HEX() of a BIT value');
    return typed(hexOfNumber(a), 16);
  }
  if (f === 'binary') return typed(`upper(hex(${asValue(a)}))`, charLength(a.type) * 2);
  if (f !== 'string') throw new DialectUnsupported(`HEX() of a ${a.type.columnType || 'value of unknown type'}`);
  return typed(`upper(hex(${text(a)}))`, charLength(a.type) * 8);
};

const UNHEX: Fn = (args, name) => {
  arity(name, args, 1);
  const a = args[0]!;
  const type = { ...typeOf(stringType(Math.ceil(charLength(a.type) / 2), true), true), textDecimals: 0 };
  if (familyOf(a.type) === 'null') return { sql: 'NULL::BLOB', type };
  if (familyOf(a.type) === 'binary') throw new DialectUnsupported('UNHEX() of a binary string');
  const t = valueText(asMysqlText(a));
  // An odd count of digits reads the first one alone (UNHEX('414') is 0x0414).
  return { sql: `list_transform([${t}], lambda iq_h: CASE WHEN NOT regexp_full_match(iq_h, '[0-9A-Fa-f]*') THEN NULL ELSE from_hex(CASE WHEN length(iq_h) % 2 = 1 THEN '0' || iq_h ELSE iq_h END) END)[1]`, type };
};

/** CHAR(n, ...): each n's 32-bit value as its big-endian bytes without leading zero bytes (0 is one byte); NULLs skipped. */
export function charOf(args: Emitted[], charset: string | null): Emitted {
  if (args.length === 0) throw new DialectUnsupported('CHAR() without arguments');
  for (const a of args) if (!['int', 'null'].includes(familyOf(a.type)) && !/^'\d+'$/.test(a.sql)) throw new DialectUnsupported(`CHAR() of a ${a.type.columnType || 'value of unknown type'} (only integers)`);
  const parts = args.map((a) => {
    if (familyOf(a.type) === 'null') return "''";
    const v = `(CAST(${asValue(a)} AS HUGEINT) & 4294967295)`;
    const bytes = `CASE WHEN ${v} > 16777215 THEN 8 WHEN ${v} > 65535 THEN 6 WHEN ${v} > 255 THEN 4 ELSE 2 END`;
    return `coalesce(lpad(to_hex(CAST(${v} AS UBIGINT)), ${bytes}, '0'), '')`;
  });
  const blob = `from_hex(${parts.join(' || ')})`;
  if (charset === null || charset === 'binary') return { sql: blob, type: { ...typeOf(stringType(args.length * 4, true), true), textDecimals: 39 } };
  // Text in another charset compares by rules not modelled (see CONVERT ... USING).
  if (charset !== 'utf8mb4') throw new DialectUnsupported(`CHAR() USING ${charset} (only utf8mb4 and binary)`);
  // Bytes that are no well-formed UTF-8 give NULL, as on MariaDB.
  return { sql: `TRY(decode(${blob}))`, type: typeOf(stringType(args.length), true) };
}

export const BYTE_FUNCTIONS: Record<string, Fn> = {
  HEX,
  UNHEX,
  CHAR: (args) => charOf(args, null),
  BIT_LENGTH(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    const bytes = familyOf(a.type) === 'binary' ? `octet_length(${asValue(a)})` : `strlen(${valueText(asMysqlText(a))})`;
    return { sql: `(${bytes} * 8)`, type: typeOf('bigint(11)', a.type.nullable) };
  },
  BIT_COUNT(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    if (/^bit/i.test(a.type.columnType) || familyOf(a.type) === 'binary') throw new DialectUnsupported(`${name}() of a ${a.type.columnType}`);
    return { sql: `CAST(bit_count(${asUnsigned64(a)}) AS INTEGER)`, type: typeOf('int(2)', a.type.nullable) };
  },
  CRC32(args, name) {
    arity(name, args, 1);
    const a = args[0]!;
    if (familyOf(a.type) === 'null') return { sql: 'NULL::UBIGINT', type: typeOf('int(10) unsigned', true) };
    const table = `[${CRC_TABLE.join(', ')}]::UBIGINT[]`;
    const bytes = `list_transform(range(octet_length(iq_b)), lambda iq_i: CAST(('0x' || substr(hex(iq_b), CAST(2 * iq_i + 1 AS BIGINT), 2)) AS INTEGER))`;
    const crc = `xor(list_reduce(${bytes}, lambda iq_c, iq_x: xor((${table})[CAST(xor(iq_c, iq_x::UBIGINT) & 255::UBIGINT AS BIGINT) + 1], iq_c >> 8), 4294967295::UBIGINT), 4294967295::UBIGINT)`;
    return { sql: `list_transform([${bytesOf(a)}], lambda iq_b: CASE WHEN iq_b IS NULL THEN NULL WHEN octet_length(iq_b) = 0 THEN 0::UBIGINT ELSE ${crc} END)[1]`, type: typeOf('int(10) unsigned', a.type.nullable) };
  },
};
