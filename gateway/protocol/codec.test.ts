import { describe, expect, it } from 'vitest';
import { PayloadWriter, lenEncIntSize, readLenEncInt, readNulString, writeLenEncInt } from './codec.ts';

const MAX_U64 = 0xffffffffffffffffn;

describe('length-encoded integers', () => {
  // value, encoded size, expected first byte
  const cases: [bigint, number, number][] = [
    [0n, 1, 0x00],
    [250n, 1, 0xfa],
    [0xfan, 1, 0xfa],
    [0xfbn, 3, 0xfc],
    [0xfcn, 3, 0xfc],
    [0xffffn, 3, 0xfc],
    [0x10000n, 4, 0xfd],
    [0xffffffn, 4, 0xfd],
    [0x1000000n, 9, 0xfe],
    [MAX_U64, 9, 0xfe],
  ];

  it.each(cases)('round-trips %s in %i bytes with prefix %i', (value, size, prefix) => {
    expect(lenEncIntSize(value)).toBe(size);
    const buf = Buffer.alloc(size + 2, 0xaa);
    const end = writeLenEncInt(buf, 1, value);
    expect(end).toBe(1 + size);
    expect(buf[1]).toBe(prefix);
    // the bytes around the value are untouched
    expect(buf[0]).toBe(0xaa);
    expect(buf[size + 1]).toBe(0xaa);
    expect(readLenEncInt(buf, 1)).toEqual([value, 1 + size]);
  });

  it('accepts numbers as well as bigints', () => {
    expect(lenEncIntSize(0xffff)).toBe(3);
    const buf = Buffer.alloc(3);
    writeLenEncInt(buf, 0, 0xffff);
    expect([...buf]).toEqual([0xfc, 0xff, 0xff]);
  });

  it('writes multi-byte values little-endian', () => {
    const buf = Buffer.alloc(9);
    writeLenEncInt(buf, 0, 0x0102030405060708n);
    expect([...buf]).toEqual([0xfe, 0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01]);
    const b3 = Buffer.alloc(4);
    writeLenEncInt(b3, 0, 0x123456);
    expect([...b3]).toEqual([0xfd, 0x56, 0x34, 0x12]);
  });

  it('decodes 0xfb as NULL', () => {
    expect(readLenEncInt(Buffer.from([0x00, 0xfb, 0x07]), 1)).toEqual([null, 2]);
  });

  it('rejects 0xff', () => {
    expect(() => readLenEncInt(Buffer.from([0xff, 0, 0]), 0)).toThrow(RangeError);
  });

  it.each([
    ['empty buffer', Buffer.alloc(0), 0],
    ['position past the end', Buffer.from([1, 2]), 2],
    ['truncated 2-byte value', Buffer.from([0xfc, 0x01]), 0],
    ['truncated 3-byte value', Buffer.from([0xfd, 0x01, 0x02]), 0],
    ['truncated 8-byte value', Buffer.from([0xfe, 1, 2, 3, 4, 5, 6, 7]), 0],
  ])('throws when reading past the end: %s', (_name, buf, pos) => {
    expect(() => readLenEncInt(buf, pos)).toThrow(RangeError);
  });

  it.each([-1n, MAX_U64 + 1n])('refuses to write %s', (v) => {
    expect(() => writeLenEncInt(Buffer.alloc(9), 0, v)).toThrow(RangeError);
  });
});

describe('readNulString', () => {
  it('reads up to the NUL and returns the position after it', () => {
    const buf = Buffer.from('xab\0cd\0', 'latin1');
    expect(readNulString(buf, 1)).toEqual(['ab', 4]);
    expect(readNulString(buf, 4)).toEqual(['cd', 7]);
  });

  it('decodes UTF-8', () => {
    expect(readNulString(Buffer.from('héllo\0', 'utf8'), 0)).toEqual(['héllo', 7]);
  });

  it('throws on a string without terminator', () => {
    expect(() => readNulString(Buffer.from('abc'), 0)).toThrow(RangeError);
  });
});

describe('PayloadWriter', () => {
  it('writes fixed-width integers little-endian', () => {
    const b = new PayloadWriter().int1(0x1ff).int2(0x1234).int3(0x123456).int4(0x12345678).build();
    expect([...b]).toEqual([0xff, 0x34, 0x12, 0x56, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12]);
  });

  it('writes int4 values with the top bit set', () => {
    expect([...new PayloadWriter().int4(0xfffffffe).build()]).toEqual([0xfe, 0xff, 0xff, 0xff]);
  });

  it('writes length-encoded strings from text and from bytes', () => {
    const b = new PayloadWriter().lenEncString('abc').lenEncString(Buffer.from([0, 1])).lenEncString('').build();
    expect([...b]).toEqual([3, 0x61, 0x62, 0x63, 2, 0, 1, 0]);
  });

  it('prefixes the UTF-8 byte length, not the character count', () => {
    const b = new PayloadWriter().lenEncString('é').build();
    expect([...b]).toEqual([2, 0xc3, 0xa9]);
  });

  it('uses a 0xfc prefix for strings of 251 bytes or more', () => {
    const s = 'x'.repeat(300);
    const b = new PayloadWriter().lenEncString(s).build();
    expect(b.length).toBe(303);
    expect([...b.subarray(0, 3)]).toEqual([0xfc, 0x2c, 0x01]);
    expect(b.subarray(3).toString()).toBe(s);
  });

  it('writes NUL-terminated strings, raw bytes and zeros in order', () => {
    const b = new PayloadWriter().nulString('hi').bytes('A').bytes(Buffer.from([9])).zeros(2).lenEncInt(0xfb).build();
    expect([...b]).toEqual([0x68, 0x69, 0, 0x41, 9, 0, 0, 0xfc, 0xfb, 0x00]);
  });

  it('builds an empty payload', () => {
    expect(new PayloadWriter().build().length).toBe(0);
  });
});
