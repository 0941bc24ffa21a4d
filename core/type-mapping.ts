// Maps a MySQL column type to the DuckDB type that holds every value exactly, and says how a
// value travels through the all-VARCHAR staging table (text in, CAST on the way to the target).
import type { RowValue } from './change-event.ts';

export interface ColumnMapping {
  duckType: string;
  /** Text form for the staging table, or null. */
  encode(value: RowValue): string | null;
  /** SQL turning the staged text column `ref` into `duckType`. */
  decodeSql(ref: string): string;
}

const asText = (v: RowValue): string | null => {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v.toString('utf8');
  return String(v);
};

const asHex = (v: RowValue): string | null => {
  if (v === null || v === undefined) return null;
  return Buffer.isBuffer(v) ? v.toString('hex') : Buffer.from(String(v), 'utf8').toString('hex');
};

// MySQL's zero dates ('0000-00-00', '2024-00-10') have no DuckDB value; Debezium emits them as
// null, and so do we (issue 3 revisits this against Debezium's exact rules).
const asTemporal = (v: RowValue): string | null => {
  const s = asText(v);
  if (s === null) return null;
  return /^\d{4}-00-|^\d{4}-\d{2}-00|^0000-/.test(s) ? null : s;
};

// BIT(n) arrives as big-endian bytes; it is stored as the unsigned integer they spell.
const asBitNumber = (v: RowValue): string | null => {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v.length === 0 ? '0' : BigInt('0x' + v.toString('hex')).toString();
  return String(v);
};

const cast = (duckType: string, encode: ColumnMapping['encode'] = asText): ColumnMapping => ({
  duckType,
  encode,
  decodeSql: (ref) => `CAST(${ref} AS ${duckType})`,
});

const INTEGERS: Record<string, [string, string]> = {
  tinyint: ['TINYINT', 'UTINYINT'],
  smallint: ['SMALLINT', 'USMALLINT'],
  mediumint: ['INTEGER', 'UINTEGER'],
  int: ['INTEGER', 'UINTEGER'],
  integer: ['INTEGER', 'UINTEGER'],
  bigint: ['BIGINT', 'UBIGINT'],
};

export function mapColumnType(columnType: string): ColumnMapping {
  const t = columnType.toLowerCase().trim();
  const base = /^[a-z]+/.exec(t)?.[0] ?? t;
  const unsigned = /\bunsigned\b/.test(t);
  const integer = INTEGERS[base];
  if (integer) return cast(unsigned ? integer[1] : integer[0]);
  switch (base) {
    case 'decimal':
    case 'numeric':
    case 'dec':
    case 'fixed': {
      const m = /\((\d+)(?:,\s*(\d+))?\)/.exec(t);
      const precision = m ? Number(m[1]) : 10;
      const scale = m?.[2] ? Number(m[2]) : 0;
      // DuckDB DECIMAL stops at 38 digits; wider MySQL decimals stay exact as text.
      return precision <= 38 ? cast(`DECIMAL(${precision},${scale})`) : cast('VARCHAR');
    }
    case 'float':
      return cast('FLOAT');
    case 'double':
    case 'real':
      return cast('DOUBLE');
    case 'bit':
      return cast('UBIGINT', asBitNumber);
    case 'bool':
    case 'boolean':
      return cast('TINYINT');
    case 'year':
      return cast('SMALLINT');
    case 'date':
      return cast('DATE', asTemporal);
    case 'datetime':
    case 'timestamp': {
      // DATETIME is wall-clock; TIMESTAMP is read in UTC by the source, so both fit TIMESTAMP.
      // The DuckDB unit follows the fractional digits, so the gateway can print them as MySQL
      // does: (0) seconds, (1-3) milliseconds, (4-6) microseconds.
      const fsp = Number(/\((\d)\)/.exec(t)?.[1] ?? 0);
      return cast(fsp === 0 ? 'TIMESTAMP_S' : fsp <= 3 ? 'TIMESTAMP_MS' : 'TIMESTAMP', asTemporal);
    }
    case 'time':
      // MySQL TIME spans -838:59:59..838:59:59, beyond DuckDB's TIME; kept as its text.
      return cast('VARCHAR');
    case 'json':
      return cast('JSON');
    case 'binary':
    case 'varbinary':
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
    case 'geometry':
    case 'point':
    case 'linestring':
    case 'polygon':
    case 'multipoint':
    case 'multilinestring':
    case 'multipolygon':
    case 'geometrycollection':
      return { duckType: 'BLOB', encode: asHex, decodeSql: (ref) => `from_hex(${ref})` };
    default:
      // char, varchar, *text, enum, set, and anything textual.
      return cast('VARCHAR');
  }
}
