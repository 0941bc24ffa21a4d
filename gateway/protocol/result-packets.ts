// Response packets: OK, ERR, EOF, column definitions and text rows.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_response_packets.html
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset.html
import { PayloadWriter } from './codec.ts';
import { ServerStatus } from './constants.ts';

export function encodeOk(args: { affectedRows?: number; lastInsertId?: number; status?: number; warnings?: number; info?: string; header?: 0x00 | 0xfe } = {}): Buffer {
  const w = new PayloadWriter()
    .int1(args.header ?? 0x00)
    .lenEncInt(args.affectedRows ?? 0)
    .lenEncInt(args.lastInsertId ?? 0)
    .int2(args.status ?? ServerStatus.AUTOCOMMIT)
    .int2(args.warnings ?? 0);
  if (args.info) w.bytes(args.info);
  return w.build();
}

// 1 0xff | 2 error code | 1 '#' | 5 SQLSTATE | message
export function encodeErr(code: number, sqlState: string, message: string): Buffer {
  return new PayloadWriter().int1(0xff).int2(code).bytes('#' + sqlState.padEnd(5, '0').slice(0, 5)).bytes(message).build();
}

export function encodeEof(status: number = ServerStatus.AUTOCOMMIT, warnings = 0): Buffer {
  return new PayloadWriter().int1(0xfe).int2(warnings).int2(status).build();
}

export interface ColumnDefinition {
  schema: string;
  table: string;
  orgTable: string;
  name: string;
  orgName: string;
  charset: number;
  length: number;
  type: number;
  flags: number;
  decimals: number;
  /** MariaDB's extended metadata "format" (e.g. 'json' for a JSON column, which is LONGTEXT on the wire). */
  format?: string;
}

// Protocol::ColumnDefinition41: lenenc catalog "def", schema, table, org_table, name, org_name,
// lenenc 0x0c, 2 charset, 4 length, 1 type, 2 flags, 1 decimals, 2 filler
export function encodeColumnDefinition(c: ColumnDefinition, forFieldList = false, extendedMetadata = false): Buffer {
  const w = new PayloadWriter()
    .lenEncString('def')
    .lenEncString(c.schema)
    .lenEncString(c.table)
    .lenEncString(c.orgTable)
    .lenEncString(c.name)
    .lenEncString(c.orgName);
  // MariaDB's extended metadata, when negotiated: { 1 id, lenenc value } pairs (1: format).
  if (extendedMetadata) {
    const pairs = c.format ? Buffer.concat([Buffer.from([1, c.format.length]), Buffer.from(c.format, 'ascii')]) : Buffer.alloc(0);
    w.lenEncInt(pairs.length).bytes(pairs);
  }
  w.lenEncInt(0x0c)
    .int2(c.charset)
    .int4(c.length)
    .int1(c.type)
    .int2(c.flags)
    .int1(c.decimals)
    .zeros(2);
  // COM_FIELD_LIST answers carry the column's default value; NULL here.
  if (forFieldList) w.int1(0xfb);
  return w.build();
}

export function encodeColumnCount(n: number): Buffer {
  return new PayloadWriter().lenEncInt(n).build();
}

/**
 * One text-protocol row: each value a length-encoded string, NULL as 0xfb. Sized first and
 * written into one buffer: this runs once per row of every result.
 */
export function encodeTextRow(values: (string | Buffer | null)[]): Buffer {
  const lengths = new Array<number>(values.length);
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      size += 1;
      continue;
    }
    const n = typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : v.length;
    lengths[i] = n;
    size += n + (n < 0xfb ? 1 : n <= 0xffff ? 3 : n <= 0xffffff ? 4 : 9);
  }
  const out = Buffer.allocUnsafe(size);
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      out[pos++] = 0xfb;
      continue;
    }
    const n = lengths[i]!;
    if (n < 0xfb) out[pos++] = n;
    else if (n <= 0xffff) {
      out[pos] = 0xfc;
      out.writeUInt16LE(n, pos + 1);
      pos += 3;
    } else if (n <= 0xffffff) {
      out[pos] = 0xfd;
      out.writeUIntLE(n, pos + 1, 3);
      pos += 4;
    } else {
      out[pos] = 0xfe;
      out.writeBigUInt64LE(BigInt(n), pos + 1);
      pos += 9;
    }
    if (typeof v === 'string') pos += out.write(v, pos, 'utf8');
    else pos += v.copy(out, pos);
  }
  return out;
}

/**
 * The end of a result set: an EOF packet, or with CLIENT_DEPRECATE_EOF an OK packet with the
 * 0xfe header. `status` carries SERVER_MORE_RESULTS_EXISTS between multi-statement results.
 */
export function encodeResultsetEnd(deprecateEof: boolean, status: number = ServerStatus.AUTOCOMMIT): Buffer {
  return deprecateEof ? encodeOk({ header: 0xfe, status }) : encodeEof(status);
}
