// Prepared statements on the wire: COM_STMT_PREPARE's answer, COM_STMT_EXECUTE's parameters, and
// rows of the binary result protocol.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html
import { PayloadWriter, readLenEncInt } from './codec.ts';
import { ColumnFlag, ColumnType } from './constants.ts';
import type { ColumnDefinition } from './result-packets.ts';

/** COM_STMT_PREPARE_OK: 1 0x00 | 4 statement id | 2 columns | 2 params | 1 filler | 2 warnings */
export function encodePrepareOk(statementId: number, columns: number, params: number): Buffer {
  return new PayloadWriter().int1(0).int4(statementId).int2(columns).int2(params).int1(0).int2(0).build();
}

/** A parameter value as the client sent it: numbers exact, temporals as MySQL text. */
export type ParamValue = null | string | number | bigint | Buffer;

export interface ExecuteRequest {
  statementId: number;
  /** Types sent with this execute, or null when the client reuses the previous ones. */
  types: { type: number; unsigned: boolean }[] | null;
  values: ParamValue[];
}

export class MalformedPacketError extends Error {}

/**
 * COM_STMT_EXECUTE: 1 0x17 | 4 statement id | 1 flags | 4 iteration count | null bitmap |
 * 1 new-params-bound | [2 bytes type per param] | values. `paramCount` and `previousTypes` come
 * from the statement; `longData` holds values sent before by COM_STMT_SEND_LONG_DATA.
 */
export function decodeExecute(payload: Buffer, paramCount: (id: number) => number | undefined, previousTypes: (id: number) => ExecuteRequest['types'], longData: (id: number, param: number) => Buffer | undefined): ExecuteRequest {
  if (payload.length < 10) throw new MalformedPacketError(`COM_STMT_EXECUTE too short (${payload.length} bytes)`);
  const statementId = payload.readUInt32LE(1);
  const count = paramCount(statementId);
  if (count === undefined) return { statementId, types: null, values: [] };
  let pos = 10;
  const values: ParamValue[] = [];
  if (count === 0) return { statementId, types: [], values };
  const bitmapLength = (count + 7) >> 3;
  const need = (n: number) => {
    if (pos + n > payload.length) throw new MalformedPacketError(`COM_STMT_EXECUTE ends inside parameter values (at byte ${pos}, needs ${n} more)`);
  };
  need(bitmapLength + 1);
  const bitmap = payload.subarray(pos, pos + bitmapLength);
  pos += bitmapLength;
  const bound = payload[pos++] === 1;
  let types = bound ? null : previousTypes(statementId);
  if (bound) {
    need(count * 2);
    types = [];
    for (let i = 0; i < count; i++) types.push({ type: payload[pos + 2 * i]!, unsigned: (payload[pos + 2 * i + 1]! & 0x80) !== 0 });
    pos += count * 2;
  }
  // Connector/J sends no types when every parameter is NULL: the bitmap says it all.
  const allNull = Array.from({ length: count }, (_, i) => (bitmap[i >> 3]! & (1 << (i & 7))) !== 0).every(Boolean);
  if (!types && allNull) return { statementId, types: null, values: Array.from({ length: count }, () => null) };
  if (!types) throw new MalformedPacketError('COM_STMT_EXECUTE sent no parameter types and none were bound before');
  for (let i = 0; i < count; i++) {
    const long = longData(statementId, i);
    if (long) {
      values.push(long);
      continue;
    }
    if (bitmap[i >> 3]! & (1 << (i & 7))) {
      values.push(null);
      continue;
    }
    const { type, unsigned } = types[i]!;
    switch (type) {
      case ColumnType.NULL:
        values.push(null);
        break;
      case ColumnType.TINY:
        need(1);
        values.push(unsigned ? payload.readUInt8(pos) : payload.readInt8(pos));
        pos += 1;
        break;
      case ColumnType.SHORT:
      case ColumnType.YEAR:
        need(2);
        values.push(unsigned ? payload.readUInt16LE(pos) : payload.readInt16LE(pos));
        pos += 2;
        break;
      case ColumnType.LONG:
      case ColumnType.INT24:
        need(4);
        values.push(unsigned ? payload.readUInt32LE(pos) : payload.readInt32LE(pos));
        pos += 4;
        break;
      case ColumnType.LONGLONG:
        need(8);
        values.push(unsigned ? payload.readBigUInt64LE(pos) : payload.readBigInt64LE(pos));
        pos += 8;
        break;
      case ColumnType.FLOAT:
        need(4);
        values.push(payload.readFloatLE(pos));
        pos += 4;
        break;
      case ColumnType.DOUBLE:
        need(8);
        values.push(payload.readDoubleLE(pos));
        pos += 8;
        break;
      case ColumnType.DATE:
      case ColumnType.DATETIME:
      case ColumnType.TIMESTAMP: {
        need(1);
        const len = payload[pos++]!;
        need(len);
        values.push(readBinaryDatetime(payload.subarray(pos, pos + len), type === ColumnType.DATE));
        pos += len;
        break;
      }
      case ColumnType.TIME: {
        need(1);
        const len = payload[pos++]!;
        need(len);
        values.push(readBinaryTime(payload.subarray(pos, pos + len)));
        pos += len;
        break;
      }
      default: {
        // Strings, DECIMAL, BLOBs, JSON, BIT, ENUM, SET, GEOMETRY: length-encoded bytes.
        let len: bigint | null;
        try {
          [len, pos] = readLenEncInt(payload, pos);
        } catch (err) {
          throw new MalformedPacketError(`COM_STMT_EXECUTE parameter ${i + 1}: ${(err as Error).message}`);
        }
        const n = Number(len ?? 0n);
        need(n);
        const bytes = payload.subarray(pos, pos + n);
        pos += n;
        values.push(isBinaryType(type) ? Buffer.from(bytes) : bytes.toString('utf8'));
      }
    }
  }
  return { statementId, types, values };
}

const isBinaryType = (type: number) => type === ColumnType.BLOB || type === ColumnType.TINY_BLOB || type === ColumnType.MEDIUM_BLOB || type === ColumnType.LONG_BLOB || type === ColumnType.GEOMETRY || type === ColumnType.BIT;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function readBinaryDatetime(b: Buffer, dateOnly: boolean): string {
  if (b.length === 0) return dateOnly ? '0000-00-00' : '0000-00-00 00:00:00';
  const date = `${pad(b.readUInt16LE(0), 4)}-${pad(b[2]!)}-${pad(b[3]!)}`;
  if (dateOnly) return date;
  const time = b.length >= 7 ? `${pad(b[4]!)}:${pad(b[5]!)}:${pad(b[6]!)}` : '00:00:00';
  return b.length >= 11 ? `${date} ${time}.${pad(b.readUInt32LE(7), 6)}` : `${date} ${time}`;
}

function readBinaryTime(b: Buffer): string {
  if (b.length === 0) return '00:00:00';
  const sign = b[0] ? '-' : '';
  const hours = b.readUInt32LE(1) * 24 + b[5]!;
  const text = `${sign}${pad(hours)}:${pad(b[6]!)}:${pad(b[7]!)}`;
  return b.length >= 12 ? `${text}.${pad(b.readUInt32LE(8), 6)}` : text;
}

/**
 * One binary-protocol row: 0x00 | null bitmap (offset 2) | each non-NULL value in its column's
 * binary form, converted from the exact MySQL text the engine produced.
 */
export function encodeBinaryRow(columns: ColumnDefinition[], values: (string | Buffer | null)[]): Buffer {
  const bitmap = Buffer.alloc((columns.length + 9) >> 3);
  const w = new PayloadWriter().int1(0);
  const body = new PayloadWriter();
  for (let i = 0; i < columns.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      bitmap[(i + 2) >> 3]! |= 1 << ((i + 2) & 7);
      continue;
    }
    writeBinaryValue(body, columns[i]!, v);
  }
  return Buffer.concat([w.build(), bitmap, body.build()]);
}

function writeBinaryValue(w: PayloadWriter, c: ColumnDefinition, v: string | Buffer): void {
  const text = () => (Buffer.isBuffer(v) ? v.toString('utf8') : v);
  const unsigned = (c.flags & ColumnFlag.UNSIGNED) !== 0;
  switch (c.type) {
    case ColumnType.TINY: {
      const b = Buffer.alloc(1);
      if (unsigned) b.writeUInt8(Number(text()));
      else b.writeInt8(Number(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.SHORT:
    case ColumnType.YEAR: {
      const b = Buffer.alloc(2);
      if (unsigned || c.type === ColumnType.YEAR) b.writeUInt16LE(Number(text()));
      else b.writeInt16LE(Number(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.LONG:
    case ColumnType.INT24: {
      const b = Buffer.alloc(4);
      if (unsigned) b.writeUInt32LE(Number(text()));
      else b.writeInt32LE(Number(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.LONGLONG: {
      const b = Buffer.alloc(8);
      if (unsigned) b.writeBigUInt64LE(BigInt(text()));
      else b.writeBigInt64LE(BigInt(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.FLOAT: {
      const b = Buffer.alloc(4);
      b.writeFloatLE(Number(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.DOUBLE: {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(Number(text()));
      w.bytes(b);
      return;
    }
    case ColumnType.DATE:
    case ColumnType.DATETIME:
    case ColumnType.TIMESTAMP:
      w.bytes(binaryDatetime(text()));
      return;
    case ColumnType.TIME:
      w.bytes(binaryTime(text()));
      return;
    default:
      w.lenEncString(v);
  }
}

/** 'YYYY-MM-DD[ HH:MM:SS[.ffffff]]' → length byte + fields, shortest form that holds the value. */
export function binaryDatetime(s: string): Buffer {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?)?/.exec(s);
  if (!m) return Buffer.from([0]);
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((x) => Number(x ?? 0));
  const micros = m[7] ? Number(m[7].padEnd(6, '0')) : 0;
  if (y === 0 && mo === 0 && d === 0 && h === 0 && mi === 0 && sec === 0 && micros === 0) return Buffer.from([0]);
  const length = micros > 0 ? 11 : h || mi || sec ? 7 : 4;
  const b = Buffer.alloc(1 + length);
  b[0] = length;
  b.writeUInt16LE(y!, 1);
  b[3] = mo!;
  b[4] = d!;
  if (length >= 7) {
    b[5] = h!;
    b[6] = mi!;
    b[7] = sec!;
  }
  if (length === 11) b.writeUInt32LE(micros, 8);
  return b;
}

/** '[-]HHH:MM:SS[.ffffff]' → length byte + sign, days, hours, minutes, seconds[, micros]. */
export function binaryTime(s: string): Buffer {
  const m = /^(-)?(\d+):(\d{2}):(\d{2})(?:\.(\d{1,6}))?/.exec(s);
  if (!m) return Buffer.from([0]);
  const hours = Number(m[2]);
  const micros = m[5] ? Number(m[5].padEnd(6, '0')) : 0;
  if (hours === 0 && m[3] === '00' && m[4] === '00' && micros === 0) return Buffer.from([0]);
  const length = micros > 0 ? 12 : 8;
  const b = Buffer.alloc(1 + length);
  b[0] = length;
  b[1] = m[1] ? 1 : 0;
  b.writeUInt32LE(Math.floor(hours / 24), 2);
  b[6] = hours % 24;
  b[7] = Number(m[3]);
  b[8] = Number(m[4]);
  if (length === 12) b.writeUInt32LE(micros, 9);
  return b;
}
