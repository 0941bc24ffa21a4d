// How a DuckDB result column looks to a MySQL client: type code, flags, charset, length, and the
// text each value is sent as.
import { DuckDBTypeId, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { Charset, ColumnFlag, ColumnType } from './protocol/constants.ts';
import type { ResultColumn, TextValue } from './result-set.ts';
import { formatDatetime } from './temporal-text.ts';
import { mysqlDoubleText, mysqlFixedText, mysqlFloatText } from './double-text.ts';
import { describeSourceColumn, type SourceColumnInfo } from './source-columns.ts';

interface MySqlShape {
  type: number;
  flags: number;
  charset: number;
  length: number;
  decimals: number;
  render(v: DuckDBValue): TextValue;
}

const text = (v: DuckDBValue): TextValue => String(v);
const integer = (type: number, length: number, unsigned = false): MySqlShape => ({
  type,
  flags: ColumnFlag.NUM | (unsigned ? ColumnFlag.UNSIGNED : 0),
  charset: Charset.BINARY,
  length,
  decimals: 0,
  render: text,
});

// FLOAT comes back widened to a JS double; MariaDB prints it with float precision.
const renderFloat = (v: DuckDBValue): TextValue => mysqlFloatText(v as number);
const renderDouble = (v: DuckDBValue): TextValue => mysqlDoubleText(v as number);

// DATETIME(fsp) prints exactly fsp fractional digits, as MySQL does.
const datetime = (fsp: number, micros: (v: DuckDBValue) => bigint): MySqlShape => ({
  type: ColumnType.DATETIME,
  flags: ColumnFlag.BINARY,
  charset: Charset.BINARY,
  length: 19 + (fsp > 0 ? fsp + 1 : 0),
  decimals: fsp,
  render: (v) => formatDatetime(micros(v), fsp),
});

/**
 * The fractional digits a DATETIME result column prints, from its MySQL type when known (a
 * DATETIME(1) is held in milliseconds but prints one digit); undefined to go by the DuckDB unit.
 */
function declaredFsp(source: SourceColumnInfo | null | undefined): number | undefined {
  const m = /^(?:datetime|timestamp)(?:\((\d)\))?$/i.exec(source?.columnType ?? '');
  return m ? Number(m[1] ?? 0) : undefined;
}

function shapeOf(t: DuckDBType, fsp?: number): MySqlShape {
  switch (t.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { ...integer(ColumnType.TINY, 1), render: (v) => (v ? '1' : '0') };
    case DuckDBTypeId.TINYINT:
      return integer(ColumnType.TINY, 4);
    case DuckDBTypeId.UTINYINT:
      return integer(ColumnType.TINY, 3, true);
    case DuckDBTypeId.SMALLINT:
      return integer(ColumnType.SHORT, 6);
    case DuckDBTypeId.USMALLINT:
      return integer(ColumnType.SHORT, 5, true);
    case DuckDBTypeId.INTEGER:
      return integer(ColumnType.LONG, 11);
    case DuckDBTypeId.UINTEGER:
      return integer(ColumnType.LONG, 10, true);
    case DuckDBTypeId.BIGINT:
      return integer(ColumnType.LONGLONG, 21);
    case DuckDBTypeId.UBIGINT:
      return integer(ColumnType.LONGLONG, 20, true);
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      // MySQL answers SUM(integer) with DECIMAL; DuckDB with HUGEINT.
      return { type: ColumnType.NEWDECIMAL, flags: ColumnFlag.NUM, charset: Charset.BINARY, length: 41, decimals: 0, render: text };
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = t as unknown as { width: number; scale: number };
      return { type: ColumnType.NEWDECIMAL, flags: ColumnFlag.NUM, charset: Charset.BINARY, length: width + (scale > 0 ? 2 : 1), decimals: scale, render: text };
    }
    case DuckDBTypeId.FLOAT:
      return { type: ColumnType.FLOAT, flags: ColumnFlag.NUM, charset: Charset.BINARY, length: 12, decimals: 31, render: renderFloat };
    case DuckDBTypeId.DOUBLE:
      return { type: ColumnType.DOUBLE, flags: ColumnFlag.NUM, charset: Charset.BINARY, length: 22, decimals: 31, render: renderDouble };
    case DuckDBTypeId.DATE:
      return { type: ColumnType.DATE, flags: ColumnFlag.BINARY, charset: Charset.BINARY, length: 10, decimals: 0, render: text };
    case DuckDBTypeId.TIMESTAMP_S:
      return datetime(fsp ?? 0, (v) => (v as unknown as { seconds: bigint }).seconds * 1_000_000n);
    case DuckDBTypeId.TIMESTAMP_MS:
      return datetime(fsp ?? 3, (v) => (v as unknown as { millis: bigint }).millis * 1000n);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return datetime(fsp ?? 6, (v) => (v as unknown as { micros: bigint }).micros);
    case DuckDBTypeId.TIMESTAMP_NS:
      return datetime(fsp ?? 6, (v) => (v as unknown as { nanos: bigint }).nanos / 1000n);
    case DuckDBTypeId.TIME:
      return { type: ColumnType.TIME, flags: ColumnFlag.BINARY, charset: Charset.BINARY, length: 17, decimals: 6, render: text };
    case DuckDBTypeId.BLOB:
      return {
        type: ColumnType.BLOB,
        flags: ColumnFlag.BLOB | ColumnFlag.BINARY,
        charset: Charset.BINARY,
        length: 0xffffffff,
        decimals: 0,
        render: (v) => Buffer.from((v as unknown as { bytes: Uint8Array }).bytes),
      };
    case DuckDBTypeId.VARCHAR:
      if (t.alias === 'JSON') {
        // As MySQL 8 describes a JSON column: type JSON, binary charset, BLOB flag.
        return { type: ColumnType.JSON, flags: ColumnFlag.BLOB | ColumnFlag.BINARY, charset: Charset.BINARY, length: 0xffffffff, decimals: 0, render: text };
      }
      return { type: ColumnType.VAR_STRING, flags: 0, charset: Charset.UTF8MB4_GENERAL_CI, length: 262140, decimals: 31, render: text };
    default:
      // ENUM, LIST, STRUCT, INTERVAL and anything else as its text.
      return { type: ColumnType.VAR_STRING, flags: 0, charset: Charset.UTF8MB4_GENERAL_CI, length: 262140, decimals: 31, render: text };
  }
}

/**
 * A DOUBLE or FLOAT whose MySQL type fixes its decimals (ROUND(x, 2) is DOUBLE(19,2), PI() 6)
 * prints exactly that many, as MariaDB does; one the dialect says is a FLOAT prints as a FLOAT.
 */
function withDeclaredDecimals(shape: MySqlShape, source: SourceColumnInfo | null | undefined): MySqlShape {
  if (!source || (shape.type !== ColumnType.DOUBLE && shape.type !== ColumnType.FLOAT)) return shape;
  const t = source.columnType.toLowerCase();
  const fixed = /^(?:double|float|real)\(\d+,\s*(\d+)\)/.exec(t);
  if (fixed && Number(fixed[1]) < 31) {
    const decimals = Number(fixed[1]);
    return { ...shape, decimals, render: (v) => mysqlFixedText(v as number, decimals) };
  }
  return /^float\b/.test(t) ? { ...shape, render: renderFloat } : shape;
}

export interface ResultShape {
  columns: ResultColumn[];
  renderRow(values: DuckDBValue[]): TextValue[];
}

/**
 * `sources[i]`, when given, is the source column result column i is (see source-columns.ts): it
 * is described as MySQL describes that column. Values render from the DuckDB type either way.
 */
export function describeResult(names: string[], types: DuckDBType[], sources: (SourceColumnInfo | null)[] = [], textCharset: number = Charset.UTF8MB4_GENERAL_CI): ResultShape {
  const shapes = types.map((t, i) => withDeclaredDecimals(shapeOf(t, declaredFsp(sources[i])), sources[i]));
  const columns = names.map((name, i) => {
    const source = sources[i];
    if (source) return describeSourceColumn(source, name, textCharset);
    const s = shapes[i]!;
    if (s.charset === Charset.UTF8MB4_GENERAL_CI) s.charset = textCharset;
    return { schema: '', table: '', orgTable: '', name, orgName: name, charset: s.charset, length: s.length, type: s.type, flags: s.flags, decimals: s.decimals };
  });
  return {
    columns,
    renderRow: (values) => values.map((v, i) => (v === null || v === undefined ? null : shapes[i]!.render(v))),
  };
}

/** A column of plain text, for answers the gateway makes up itself (SHOW …, @@variables). */
export function textColumn(name: string): ResultColumn {
  return { schema: '', table: '', orgTable: '', name, orgName: name, charset: Charset.UTF8MB4_GENERAL_CI, length: 262140, type: ColumnType.VAR_STRING, flags: 0, decimals: 31 };
}
