import { describe, expect, it } from 'vitest';
import { ColumnType, ColumnFlag, Charset } from './constants.ts';
import { encodeColumnCount, encodeColumnDefinition, encodeEof, encodeErr, encodeOk, encodeTextRow } from './result-packets.ts';

const bytes = (b: Buffer) => [...b];

describe('encodeOk', () => {
  it('defaults to 0 rows, id 0, AUTOCOMMIT status and no warnings', () => {
    expect(bytes(encodeOk())).toEqual([0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00]);
  });

  it('writes length-encoded counts, status, warnings and info', () => {
    const p = encodeOk({ affectedRows: 300, lastInsertId: 5, status: 0x0003, warnings: 2, info: 'ok' });
    expect(bytes(p)).toEqual([0x00, 0xfc, 0x2c, 0x01, 0x05, 0x03, 0x00, 0x02, 0x00, 0x6f, 0x6b]);
  });
});

describe('encodeErr', () => {
  it("writes 0xff, the code little-endian, '#', SQLSTATE and the message", () => {
    expect(encodeErr(1146, '42S02', 'x').toString('latin1')).toBe('\xff\x7a\x04#42S02x');
  });

  it.each([
    ['HY0', '#HY000'],
    ['4200012', '#42000'],
  ])('keeps the SQLSTATE at 5 characters: %s', (state, expected) => {
    expect(encodeErr(1064, state, 'm').subarray(3, 9).toString()).toBe(expected);
  });

  it('writes the message as UTF-8', () => {
    expect(encodeErr(1, 'HY000', 'é').subarray(9)).toEqual(Buffer.from('é', 'utf8'));
  });
});

describe('encodeEof', () => {
  it('is 0xfe, warnings, then status', () => {
    expect(bytes(encodeEof())).toEqual([0xfe, 0x00, 0x00, 0x02, 0x00]);
    expect(bytes(encodeEof(0x0022, 3))).toEqual([0xfe, 0x03, 0x00, 0x22, 0x00]);
  });
});

describe('encodeColumnCount', () => {
  it.each([
    [1, [1]],
    [251, [0xfc, 0xfb, 0x00]],
  ])('encodes %i', (n, expected) => {
    expect(bytes(encodeColumnCount(n))).toEqual(expected);
  });
});

describe('encodeTextRow', () => {
  it('writes NULL as 0xfb and values as length-encoded strings', () => {
    expect(bytes(encodeTextRow(['ab', null, Buffer.from([0x00, 0xff]), '']))).toEqual([2, 0x61, 0x62, 0xfb, 2, 0x00, 0xff, 0]);
  });

  it('uses a 0xfc 2-byte length for a 300-byte value', () => {
    const p = encodeTextRow(['y'.repeat(300), null]);
    expect(p.length).toBe(3 + 300 + 1);
    expect(bytes(p.subarray(0, 3))).toEqual([0xfc, 0x2c, 0x01]);
    expect(p.subarray(3, 303).toString()).toBe('y'.repeat(300));
    expect(p[303]).toBe(0xfb);
  });

  it('distinguishes a 250-byte value (1-byte length) from a 251-byte one', () => {
    expect(encodeTextRow(['a'.repeat(250)])[0]).toBe(250);
    expect(bytes(encodeTextRow(['a'.repeat(251)]).subarray(0, 3))).toEqual([0xfc, 251, 0]);
  });

  it('encodes an empty row as an empty payload', () => {
    expect(encodeTextRow([]).length).toBe(0);
  });
});

describe('encodeColumnDefinition', () => {
  it('writes ColumnDefinition41 fields in order', () => {
    const p = encodeColumnDefinition({
      schema: 'db',
      table: 't',
      orgTable: 'ot',
      name: 'n',
      orgName: 'on',
      charset: Charset.UTF8MB4_GENERAL_CI,
      length: 0x01020304,
      type: ColumnType.LONGLONG,
      flags: ColumnFlag.NOT_NULL | ColumnFlag.PRI_KEY | ColumnFlag.NUM,
      decimals: 2,
    });
    const expected = Buffer.concat([
      Buffer.from('\x03def\x02db\x01t\x02ot\x01n\x02on', 'latin1'),
      Buffer.from([0x0c]),
      Buffer.from([45, 0]), // charset
      Buffer.from([0x04, 0x03, 0x02, 0x01]), // length
      Buffer.from([0x08]), // type
      Buffer.from([0x03, 0x80]), // flags
      Buffer.from([2]), // decimals
      Buffer.from([0, 0]), // filler
    ]);
    expect(bytes(p)).toEqual(bytes(expected));
  });

  it("writes MariaDB's extended metadata after org_name when negotiated: format json, or an empty block", () => {
    const c = { schema: '', table: '', orgTable: '', name: 'd', orgName: '', charset: 45, length: 0, type: ColumnType.BLOB, flags: 0, decimals: 0 };
    const json = encodeColumnDefinition({ ...c, format: 'json' }, false, true);
    expect(bytes(json.subarray(0, 13))).toEqual([3, 0x64, 0x65, 0x66, 0, 0, 0, 1, 0x64, 0, 6, 1, 4]);
    expect(json.subarray(13, 17).toString('ascii')).toBe('json');
    expect(json[17]).toBe(0x0c);
    const plain = encodeColumnDefinition(c, false, true);
    expect(bytes(plain.subarray(10, 12))).toEqual([0, 0x0c]);
    expect(encodeColumnDefinition({ ...c, format: 'json' }).length).toBe(encodeColumnDefinition(c).length);
  });

  it('writes UTF-8 names with their byte length', () => {
    const p = encodeColumnDefinition({ schema: '', table: '', orgTable: '', name: 'é', orgName: '', charset: 63, length: 0, type: ColumnType.BLOB, flags: 0, decimals: 0 });
    expect(bytes(p.subarray(0, 11))).toEqual([3, 0x64, 0x65, 0x66, 0, 0, 0, 2, 0xc3, 0xa9, 0]);
    expect(p.length).toBe(11 + 13);
  });
});
