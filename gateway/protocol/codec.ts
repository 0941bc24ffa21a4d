// Pure codecs for the protocol's basic types, with explicit positions:
// readX(buf, pos) -> [value, nextPos]; a Writer sizes as it goes.
// Grammar: https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_dt_integers.html

export function readLenEncInt(buf: Buffer, pos: number): [bigint | null, number] {
  const first = buf[pos];
  if (first === undefined) throw new RangeError(`length-encoded integer past end at ${pos}`);
  if (first < 0xfb) return [BigInt(first), pos + 1];
  if (first === 0xfb) return [null, pos + 1];
  if (first === 0xfc) return [BigInt(buf.readUInt16LE(pos + 1)), pos + 3];
  if (first === 0xfd) return [BigInt(buf.readUIntLE(pos + 1, 3)), pos + 4];
  if (first === 0xfe) return [buf.readBigUInt64LE(pos + 1), pos + 9];
  throw new RangeError(`0xff is not a length-encoded integer (at ${pos})`);
}

export function readNulString(buf: Buffer, pos: number): [string, number] {
  const end = buf.indexOf(0, pos);
  if (end < 0) throw new RangeError(`unterminated string at ${pos}`);
  return [buf.toString('utf8', pos, end), end + 1];
}

export function lenEncIntSize(v: number | bigint): number {
  const n = BigInt(v);
  if (n < 0xfbn) return 1;
  if (n <= 0xffffn) return 3;
  if (n <= 0xffffffn) return 4;
  return 9;
}

export function writeLenEncInt(buf: Buffer, pos: number, v: number | bigint): number {
  const n = BigInt(v);
  if (n < 0n || n > 0xffffffffffffffffn) throw new RangeError(`${n} does not fit a length-encoded integer`);
  if (n < 0xfbn) return buf.writeUInt8(Number(n), pos);
  if (n <= 0xffffn) {
    buf[pos] = 0xfc;
    return buf.writeUInt16LE(Number(n), pos + 1);
  }
  if (n <= 0xffffffn) {
    buf[pos] = 0xfd;
    return buf.writeUIntLE(Number(n), pos + 1, 3);
  }
  buf[pos] = 0xfe;
  return buf.writeBigUInt64LE(n, pos + 1);
}

/** Builds one packet payload from parts; sizes are known before the buffer is allocated. */
export class PayloadWriter {
  private parts: Buffer[] = [];
  private size = 0;

  private push(b: Buffer): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  int1(v: number): this {
    return this.push(Buffer.from([v & 0xff]));
  }

  int2(v: number): this {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(v & 0xffff);
    return this.push(b);
  }

  int3(v: number): this {
    const b = Buffer.alloc(3);
    b.writeUIntLE(v, 0, 3);
    return this.push(b);
  }

  int4(v: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    return this.push(b);
  }

  lenEncInt(v: number | bigint): this {
    const b = Buffer.alloc(lenEncIntSize(v));
    writeLenEncInt(b, 0, v);
    return this.push(b);
  }

  lenEncString(v: string | Buffer): this {
    const b = typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
    return this.lenEncInt(b.length).push(b);
  }

  nulString(v: string): this {
    return this.push(Buffer.from(v + '\0', 'utf8'));
  }

  bytes(b: Buffer | string): this {
    return this.push(typeof b === 'string' ? Buffer.from(b, 'utf8') : b);
  }

  zeros(n: number): this {
    return this.push(Buffer.alloc(n));
  }

  build(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
