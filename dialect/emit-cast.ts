// MySQL's CAST(x AS type) and CONVERT(x, type) as DuckDB SQL: a string casts to a number by its
// leading number, an integer cast rounds, UNSIGNED wraps a negative around 2^64, a DATE or
// DATETIME that does not parse is NULL; the result has the type MySQL gives the target.
/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser's AST is untyped JSON */
import { DialectUnsupported } from './dialect-error.ts';
import { asValue, numberOf, type Emitted } from './emitted.ts';
import { charLength, decimalType, familyOf, stringType, typeOf } from './mysql-types.ts';

type Node = any;

const v = asValue;

/** CAST(x AS type) and CONVERT(x, type) with MySQL's targets. */
export function castTo(e: Emitted, target: Node): Emitted {
  const dataType = String(target?.dataType ?? '').toUpperCase().replace(/\s+/g, '');
  const length = target?.length as number | undefined;
  const nullable = e.type.nullable;
  const f = familyOf(e.type);
  const fromText = f === 'string' || f === 'binary';
  switch (dataType) {
    case 'SIGNED':
    case 'SIGNEDINTEGER':
    case 'INTEGER':
    case 'INT':
      // MySQL reads a string's leading number; a fraction rounds.
      return { sql: `CAST(round(${fromText ? numberOf(e) : v(e)}) AS BIGINT)`, type: typeOf('bigint', nullable) };
    case 'UNSIGNED':
    case 'UNSIGNEDINTEGER':
      // A negative value wraps around 2^64, as MySQL's unsigned cast does.
      return { sql: `CAST(((CAST(round(${fromText ? numberOf(e) : v(e)}) AS HUGEINT) % 18446744073709551616) + 18446744073709551616) % 18446744073709551616 AS UBIGINT)`, type: typeOf('bigint unsigned', nullable) };
    case 'CHAR':
    case 'NCHAR':
    case 'VARCHAR': {
      const chars = length ?? charLength(e.type);
      const sql = length !== undefined ? `left(CAST(${v(e)} AS VARCHAR), ${length})` : `CAST(${v(e)} AS VARCHAR)`;
      return { sql, type: typeOf(stringType(chars), nullable) };
    }
    case 'BINARY':
      return { sql: `CAST(${v(e)} AS BLOB)`, type: typeOf(stringType(length ?? charLength(e.type), true), nullable) };
    case 'DECIMAL': {
      const p = length ?? 10;
      const s = (target?.scale as number | undefined) ?? 0;
      if (p > 38) throw new DialectUnsupported(`CAST AS DECIMAL(${p},${s}) (wider than 38 digits)`);
      return { sql: `CAST(${fromText ? numberOf(e) : v(e)} AS DECIMAL(${p},${s}))`, type: typeOf(decimalType(p - s, s), nullable) };
    }
    case 'DOUBLE':
    case 'REAL':
    case 'FLOAT':
      return { sql: fromText ? numberOf(e) : `CAST(${v(e)} AS DOUBLE)`, type: typeOf('double', nullable) };
    case 'DATE':
      return { sql: `TRY_CAST(${v(e)} AS DATE)`, type: typeOf('date', true) };
    case 'DATETIME': {
      const fsp = length ?? 0;
      return { sql: `TRY_CAST(${v(e)} AS ${fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP'})`, type: typeOf(fsp ? `datetime(${fsp})` : 'datetime', true) };
    }
    case 'JSON':
      return { sql: `CAST(${v(e)} AS JSON)`, type: typeOf('json', nullable) };
  }
  throw new DialectUnsupported(`CAST AS ${dataType || 'this type'}`);
}
