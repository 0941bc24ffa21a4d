// The MySQL type of each expression, as a MySQL COLUMN_TYPE string ("bigint(21) unsigned",
// "decimal(36,2)", "varchar(64)"), so the gateway can describe a result column as MySQL would and
// the dialect can cast a value to what MySQL returns. Rules follow MySQL's type aggregation for
// CASE/IF/COALESCE/UNION and its result types for operators and functions.
import { DialectUnsupported } from './dialect-error.ts';

/** Where a result column's values come from, when it is a table column as written. */
export interface ColumnSource {
  db: string;
  table: string;
  /** The name the query gave the table (its alias, or the name as written). */
  tableAlias?: string;
  column: string;
  primaryKey: boolean;
}

export interface ExprType {
  /** A MySQL COLUMN_TYPE; 'null' for the NULL literal; '' when the dialect cannot tell. */
  columnType: string;
  nullable: boolean;
  source?: ColumnSource;
  /**
   * The digits MariaDB counts for this value (Item::decimal_precision) where its type's width
   * says otherwise: an integer literal counts its digits, not its sign (`200` is 3).
   */
  precision?: number;
  /**
   * The decimals MariaDB sends for a computed string where they are not its usual 39 (not
   * fixed): DATE_FORMAT, CAST AS CHAR and DATE_ADD on a string send 0.
   */
  textDecimals?: number;
  /** A computed text MariaDB sends as BLOB (252) whatever its length: GROUP_CONCAT's (Item_func_group_concat). */
  blobText?: boolean;
  /** A computed text of JSON type (JSON_OBJECT, JSON_ARRAY…): a document built from it takes it as JSON, not as a string. */
  jsonText?: boolean;
  /** A text value's collation (a column's from the source catalog, or COLLATE's); none: the connection's. */
  collation?: string;
  /** How strongly `collation` holds (dialect/collation.ts): 0 explicit, 2 a column's. */
  coercibility?: number;
}

export type Family = 'null' | 'int' | 'decimal' | 'float' | 'double' | 'string' | 'binary' | 'date' | 'datetime' | 'time' | 'year' | 'json' | 'unknown';

const INT_DIGITS: Record<string, number> = { tinyint: 3, smallint: 5, mediumint: 8, int: 10, integer: 10, bigint: 19 };
const INT_ORDER = ['tinyint', 'smallint', 'mediumint', 'int', 'bigint'];

export const UNKNOWN: ExprType = { columnType: '', nullable: true };
export const NULL_TYPE: ExprType = { columnType: 'null', nullable: true };

export const typeOf = (columnType: string, nullable = true): ExprType => ({ columnType, nullable });

function base(t: string): string {
  return /^[a-z]+/.exec(t.toLowerCase())?.[0] ?? '';
}

export function familyOf(t: ExprType | string): Family {
  const ct = typeof t === 'string' ? t : t.columnType;
  const b = base(ct);
  if (ct === 'null') return 'null';
  if (b in INT_DIGITS || b === 'bit' || b === 'bool' || b === 'boolean') return 'int';
  switch (b) {
    case 'decimal':
    case 'numeric':
      return 'decimal';
    case 'float':
      return 'float';
    case 'double':
    case 'real':
      return 'double';
    case 'char':
    case 'varchar':
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
    case 'enum':
    case 'set':
      return 'string';
    case 'binary':
    case 'varbinary':
    case 'tinyblob':
    case 'blob':
    case 'mediumblob':
    case 'longblob':
      return 'binary';
    case 'date':
      return 'date';
    case 'datetime':
    case 'timestamp':
      return 'datetime';
    case 'time':
      return 'time';
    case 'year':
      return 'year';
    case 'json':
      return 'json';
  }
  return 'unknown';
}

/** Families MySQL computes with as the numbers they are; any other is read as a number first. */
export const NUMERIC_FAMILIES: ReadonlySet<string> = new Set(['int', 'decimal', 'float', 'double', 'year']);

/** Families whose values are text (or bytes) already, as LIKE, REGEXP and GROUP_CONCAT take them. */
export const TEXT_FAMILIES: ReadonlySet<string> = new Set(['string', 'binary']);

export const isUnsigned = (t: ExprType): boolean => /\bunsigned\b/.test(t.columnType);

/** Digits before the point and after it, for exact numbers. */
export function digitsOf(t: ExprType): { int: number; scale: number } {
  const ct = t.columnType.toLowerCase();
  const b = base(ct);
  if (b === 'decimal' || b === 'numeric') {
    const m = /\((\d+)(?:,\s*(\d+))?\)/.exec(ct);
    const precision = m ? Number(m[1]) : 10;
    const scale = m?.[2] ? Number(m[2]) : 0;
    return { int: precision - scale, scale };
  }
  return { int: integerPrecision(t), scale: 0 };
}

/**
 * The digits MariaDB counts for an integer (Item::decimal_precision): a table column its type's
 * (a TINYINT(1) still holds 3 digits), a literal its own digits, a computed value its display
 * length less the sign; YEAR 4.
 */
export function integerPrecision(t: ExprType): number {
  const ct = t.columnType.toLowerCase();
  const b = base(ct);
  if (b === 'year') return 4;
  if (t.precision !== undefined) return t.precision;
  const intrinsic = b === 'bigint' && isUnsigned(t) ? 20 : (INT_DIGITS[b] ?? 20);
  const width = Number(/\((\d+)\)/.exec(ct)?.[1] ?? NaN);
  if (t.source || Number.isNaN(width)) return intrinsic;
  return Math.max(1, width - (isUnsigned(t) ? 0 : 1));
}

/** UNSIGNED for arithmetic: declared so, or a YEAR. */
export const isUnsignedInt = (t: ExprType): boolean => isUnsigned(t) || familyOf(t) === 'year';

/**
 * An integer result of this display length as MariaDB types it (type_handler_long_or_longlong):
 * INT while it fits 9 characters, BIGINT beyond.
 */
export function integerType(length: number, unsigned: boolean): string {
  return `${length <= 9 ? 'int' : 'bigint'}(${length})${unsigned ? ' unsigned' : ''}`;
}

/** MariaDB's NOT_FIXED_DEC: a DOUBLE's decimals when it prints its shortest digits. */
export const NOT_FIXED_DEC = 31;

/**
 * The decimals a number carries (Item::decimals): an integer 0, a DECIMAL its scale, a DOUBLE
 * its declared (ROUND(x, 2) is DOUBLE(19,2), PI() 6) or NOT_FIXED_DEC.
 */
export function decimalsOf(t: ExprType): number {
  const f = familyOf(t);
  if (f === 'int' || f === 'year') return 0;
  if (f === 'decimal') return digitsOf(t).scale;
  const m = /^(?:double|float|real)\(\d+,\s*(\d+)\)/.exec(t.columnType.toLowerCase());
  return m ? Math.min(Number(m[1]), NOT_FIXED_DEC) : NOT_FIXED_DEC;
}

/** A DOUBLE with these decimals: printed fixed to them, or (NOT_FIXED_DEC) its shortest digits. */
export function doubleType(decimals: number): string {
  return decimals >= NOT_FIXED_DEC ? 'double' : `double(${17 + Math.max(decimals, 0)},${Math.max(decimals, 0)})`;
}

/** Characters a string type holds (MySQL's length in characters). */
export function charLength(t: ExprType): number {
  const ct = t.columnType.toLowerCase();
  const b = base(ct);
  const width = Number(/\((\d+)/.exec(ct)?.[1] ?? NaN);
  switch (familyOf(t)) {
    case 'string':
    case 'binary':
      // A computed text may carry its exact length: longtext(16777216).
      if (/text|blob/.test(b) && !Number.isNaN(width)) return width;
      if (b === 'tinytext' || b === 'tinyblob') return 255;
      if (b === 'text' || b === 'blob') return 65535;
      if (b === 'mediumtext' || b === 'mediumblob') return 16777215;
      if (b === 'longtext' || b === 'longblob') return 4294967295;
      if (b === 'enum' || b === 'set') return Math.max(1, ...[...ct.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.length));
      return Number.isNaN(width) ? 1 : width;
    case 'int':
      return Number.isNaN(width) ? digitsOf(t).int + (isUnsigned(t) ? 0 : 1) : width;
    case 'decimal': {
      const d = digitsOf(t);
      return d.int + d.scale + (d.scale > 0 ? 1 : 0) + 1;
    }
    case 'date':
      return 10;
    case 'datetime':
      return 19 + (width > 0 ? width + 1 : 0);
    case 'time':
      return 10 + (width > 0 ? width + 1 : 0);
    case 'year':
      return 4;
    case 'float':
      return 12;
    case 'double':
      return 22;
    default:
      return 255;
  }
}

/** A string type holding `length` characters: VARCHAR up to 16383 (65535 bytes / 4), then TEXT kinds. */
export function stringType(length: number, binary = false): string {
  if (length <= (binary ? 65535 : 16383)) return `${binary ? 'varbinary' : 'varchar'}(${Math.max(length, 0)})`;
  const kind = length <= 65535 ? 'text' : length <= 16777215 ? 'mediumtext' : 'longtext';
  const name = binary ? kind.replace('text', 'blob') : kind;
  // The kind's own maximum needs no length; any other is kept (drivers see it as the width).
  return length === TEXT_MAX[kind] ? name : `${name}(${length})`;
}

const TEXT_MAX: Record<string, number> = { text: 65535, mediumtext: 16777215, longtext: 4294967295 };

export function decimalType(intDigits: number, scale: number, unsigned = false): string {
  const s = Math.min(scale, 30);
  const p = Math.min(Math.max(intDigits + s, 1), 65);
  return `decimal(${p},${s})${unsigned ? ' unsigned' : ''}`;
}

/**
 * The type of CASE / IF / IFNULL / COALESCE / UNION over these branches (MySQL's aggregation):
 * NULLs do not count; same family keeps the widest; integers and decimals meet as DECIMAL;
 * any floating point makes DOUBLE; temporal kinds that differ, or any string, make a string.
 */
export function aggregate(types: ExprType[]): ExprType {
  const nullable = types.some((t) => t.nullable);
  const known = types.filter((t) => t.columnType !== 'null');
  if (known.length === 0) return NULL_TYPE;
  if (known.some((t) => t.columnType === '')) return { columnType: '', nullable };
  const families = new Set(known.map(familyOf));
  const only = families.size === 1 ? [...families][0]! : null;
  if (known.length === 1 || (known.every((t) => t.columnType === known[0]!.columnType) && only !== 'string')) return { columnType: known[0]!.columnType, nullable };
  // A YEAR is an unsigned integer here: with other unsigned ones an integer (YEAR and INT
  // UNSIGNED make INT UNSIGNED), with signed ones a DECIMAL as below.
  const yearWithUnsigned = families.has('year') && known.every((t) => familyOf(t) === 'year' || (familyOf(t) === 'int' && isUnsigned(t)));
  if (only === 'int' || yearWithUnsigned) {
    const unsigned = known.every(isUnsignedInt);
    // Signed and unsigned integers meet as DECIMAL on MariaDB, whatever their widths
    // (COALESCE(u, 0) over an INT UNSIGNED is DECIMAL(10,0)).
    if (!unsigned && known.some(isUnsigned)) return { columnType: decimalType(Math.max(...known.map((t) => digitsOf(t).int)), 0), nullable };
    const widest = known.map((t) => (familyOf(t) === 'year' ? 'smallint' : base(t.columnType))).sort((a, b) => INT_ORDER.indexOf(b) - INT_ORDER.indexOf(a))[0]!;
    const width = Math.max(...known.map((t) => charLength(t)));
    return { columnType: `${widest === 'integer' ? 'int' : widest}(${width})${unsigned ? ' unsigned' : ''}`, nullable };
  }
  // YEAR with another integer is a DECIMAL on MariaDB (IFNULL(yr, 0) is DECIMAL(4,0)).
  if ([...families].every((f) => f === 'int' || f === 'decimal' || f === 'year')) {
    const d = known.map(digitsOf);
    return { columnType: decimalType(Math.max(...d.map((x) => x.int)), Math.max(...d.map((x) => x.scale))), nullable };
  }
  if ([...families].every((f) => f === 'int' || f === 'decimal' || f === 'float' || f === 'double')) return { columnType: 'double', nullable };
  // MariaDB makes a DATETIME of a TIME there, on the current date (a negative TIME the day before).
  if (families.has('time') && (families.has('date') || families.has('datetime'))) throw new DialectUnsupported('a TIME and a DATE or DATETIME in one result (MariaDB puts the TIME on the current date)');
  if (only === 'datetime' || (families.size === 2 && families.has('date') && families.has('datetime'))) {
    const fsp = Math.max(...known.map((t) => Number(/\((\d)\)/.exec(t.columnType)?.[1] ?? 0)));
    return { columnType: fsp > 0 ? `datetime(${fsp})` : 'datetime', nullable };
  }
  const binary = families.has('binary');
  // JSON with anything else is LONGTEXT (IFNULL(doc, 'none')), as both servers type it.
  if (families.has('json')) return { columnType: binary ? 'longblob' : 'longtext', nullable };
  return { columnType: stringType(Math.max(...known.map(charLength)), binary), nullable };
}

/** The members an ENUM or SET type declares, in order, unquoted; undefined for other types. */
export function declaredMembers(columnType: string, kind: 'enum' | 'set'): string[] | undefined {
  const list = new RegExp(`^${kind}\\((.*)\\)$`, 'i').exec(columnType)?.[1];
  return list === undefined ? undefined : [...list.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}
