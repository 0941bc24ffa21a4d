// Two corrections to @vlasky/zongji 0.9's binlog decoding, applied once to its TableMap class.
//
// 1. MariaDB counts GEOMETRY columns in the TABLE_MAP optional metadata's charset lists (its
//    Field_geom reports a charset; MySQL's does not). zongji skips them when it hands out those
//    charsets, so every character column after a GEOMETRY column got its neighbour's charset: a
//    CHAR(5) 'ab' arrived as 20 zero-padded bytes. Silent misreads are the worst failure a CDC
//    source can have, so for MariaDB events GEOMETRY is classified as a character column.
// 2. zongji parses GEOMETRY values into {x, y} objects, dropping the SRID and everything that is
//    not a point. The value is decoded as the BLOB it is in the binlog instead: MySQL's internal
//    geometry bytes (4-byte SRID + WKB), exactly what `SELECT g` returns.
// 3. (values) YEAR 0000 is stored as 0 and zongji adds 1900 to every YEAR; 1900 is outside
//    YEAR's range (1901..2155 and 0000), so it can only be a 0000 read wrong. An ENUM's error
//    value '' (index 0) comes back undefined, which must not turn into NULL.
// zongji does not export TableMap; its module is reached by file URL (the package's "exports"
// only guard bare specifiers), which is the same module instance zongji itself uses.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RowValue } from '../../core/index.ts';

const GEOMETRY = 255;
const BLOB = 252;
/** Set on a ZongJi instance that reads from MariaDB. */
export const MARIADB_FLAG = '__instaqueryMariaDb';

interface TableMapProto {
  _effectiveColumnType(index: number): number;
  _readOptionalMetadata(parser: unknown, zongji: Record<string, unknown> | undefined): void;
  updateColumnInfo(): void;
  tableMap: Record<number, { columns?: { type: number; charset: string | null }[] }>;
  tableId: number;
  [key: string]: unknown;
}

let applied: Promise<void> | null = null;

export function applyZongjiFixes(): Promise<void> {
  applied ??= (async () => {
    const entry = createRequire(import.meta.url).resolve('@vlasky/zongji');
    const mod = (await import(pathToFileURL(join(dirname(entry), 'lib', 'binlog_event.js')).href)) as { TableMap: { prototype: TableMapProto } };
    const proto = mod.TableMap.prototype;
    const readOptional = proto._readOptionalMetadata;
    const effective = proto._effectiveColumnType;
    proto._readOptionalMetadata = function (this: TableMapProto, parser, zongji) {
      if (!zongji?.[MARIADB_FLAG]) return readOptional.call(this, parser, zongji);
      this._effectiveColumnType = (i: number) => {
        const type = effective.call(this, i);
        return type === GEOMETRY ? BLOB : type;
      };
      try {
        return readOptional.call(this, parser, zongji);
      } finally {
        delete (this as Record<string, unknown>)._effectiveColumnType;
      }
    };
    const update = proto.updateColumnInfo;
    proto.updateColumnInfo = function (this: TableMapProto) {
      update.call(this);
      const columns = this.tableMap[this.tableId]?.columns;
      if (columns) for (const c of columns) if (c.type === GEOMETRY) Object.assign(c, { type: BLOB, charset: null });
    };
  })();
  return applied;
}

/** Per-column corrections of zongji's row values, or undefined where none is needed. */
export function binlogValueFix(columnType: string): ((value: RowValue) => RowValue) | undefined {
  if (/^year\b/i.test(columnType)) return (v) => (v === 1900 || v === '1900' ? 0 : v);
  if (/^enum\b/i.test(columnType)) return (v) => (v === undefined ? '' : v);
  return undefined;
}

/**
 * MariaDB types whose binlog form zongji cannot tell from BINARY (its README: UUID, INET4, INET6,
 * VECTOR arrive as raw bytes); rows of tables holding them cannot be read exactly from the binlog.
 */
export function undecodableBinlogType(columnType: string): string | undefined {
  const base = /^[a-z0-9]+/i.exec(columnType)?.[0]?.toLowerCase();
  return base && ['uuid', 'inet4', 'inet6', 'vector'].includes(base) ? base : undefined;
}
