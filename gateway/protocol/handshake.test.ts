import { describe, expect, it } from 'vitest';
import { Capability, Charset, ServerStatus } from './constants.ts';
import {
  MARIADB_CLIENT_EXTENDED_METADATA,
  NATIVE_PASSWORD,
  decodeHandshakeResponse41,
  encodeAuthSwitchRequest,
  encodeHandshakeV10,
  nativePasswordHash,
  nativePasswordToken,
  newScramble,
  verifyNativePassword,
} from './handshake.ts';

const SCRAMBLE = Buffer.from('abcdefghijklmnopqrst', 'latin1');

describe('mysql_native_password', () => {
  it("hashes 'secret' as MySQL PASSWORD() does", () => {
    expect('*' + nativePasswordHash('secret').toString('hex').toUpperCase()).toBe('*14E65567ABDB5135D0CFD9A70B3032C179A49EE7');
  });

  it('accepts the token made from the right password', () => {
    const token = nativePasswordToken('s3cret', SCRAMBLE);
    expect(token.length).toBe(20);
    expect(verifyNativePassword(token, SCRAMBLE, nativePasswordHash('s3cret'))).toBe(true);
  });

  it.each([
    ['a wrong password', nativePasswordToken('s3creT', SCRAMBLE)],
    ['a token for another scramble', nativePasswordToken('s3cret', Buffer.from('ABCDEFGHIJKLMNOPQRST'))],
    ['a truncated token', nativePasswordToken('s3cret', SCRAMBLE).subarray(0, 19)],
    ['an empty token', Buffer.alloc(0)],
  ])('rejects %s', (_name, token) => {
    expect(verifyNativePassword(token, SCRAMBLE, nativePasswordHash('s3cret'))).toBe(false);
  });

  it('gives an empty token for an empty password, which matches "no password"', () => {
    const token = nativePasswordToken('', SCRAMBLE);
    expect(token.length).toBe(0);
    expect(verifyNativePassword(token, SCRAMBLE, null)).toBe(true);
  });

  it('refuses a non-empty token when no password is stored', () => {
    expect(verifyNativePassword(nativePasswordToken('x', SCRAMBLE), SCRAMBLE, null)).toBe(false);
  });
});

describe('newScramble', () => {
  it('has 20 bytes and no NUL', () => {
    for (let i = 0; i < 200; i++) {
      const s = newScramble();
      expect(s.length).toBe(20);
      expect(s.includes(0)).toBe(false);
    }
  });

  it('differs between calls', () => {
    expect(newScramble().equals(newScramble())).toBe(false);
  });
});

describe('encodeHandshakeV10', () => {
  const caps = Capability.PROTOCOL_41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH | Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA;
  const p = encodeHandshakeV10({ serverVersion: '8.0.36-x', connectionId: 0x01020304, scramble: SCRAMBLE, capabilities: caps });
  const v = 1 + '8.0.36-x'.length + 1; // position after the NUL-terminated version

  it('starts with protocol 10 and the NUL-terminated server version', () => {
    expect(p[0]).toBe(10);
    expect(p.toString('latin1', 1, v - 1)).toBe('8.0.36-x');
    expect(p[v - 1]).toBe(0);
  });

  it('places connection id, scramble, capabilities, charset and status where the spec says', () => {
    expect(p.readUInt32LE(v)).toBe(0x01020304);
    expect(p.subarray(v + 4, v + 12).toString('latin1')).toBe('abcdefgh');
    expect(p[v + 12]).toBe(0); // filler
    expect(p.readUInt16LE(v + 13)).toBe(caps & 0xffff);
    expect(p[v + 15]).toBe(Charset.UTF8MB4_GENERAL_CI);
    expect(p.readUInt16LE(v + 16)).toBe(ServerStatus.AUTOCOMMIT);
    expect(p.readUInt16LE(v + 18)).toBe(caps >>> 16);
    expect(p[v + 20]).toBe(21); // auth-plugin-data length: 20 + NUL
    expect([...p.subarray(v + 21, v + 31)]).toEqual(new Array(10).fill(0)); // reserved
    expect(p.subarray(v + 31, v + 43).toString('latin1')).toBe('ijklmnopqrst');
    expect(p[v + 43]).toBe(0);
  });

  it("ends with the NUL-terminated plugin name 'mysql_native_password'", () => {
    expect(p.subarray(v + 44).toString('latin1')).toBe(NATIVE_PASSWORD + '\0');
    expect(p.length).toBe(v + 44 + NATIVE_PASSWORD.length + 1);
  });
});

describe('encodeAuthSwitchRequest', () => {
  it('is 0xfe, the plugin name, the scramble and a NUL', () => {
    const p = encodeAuthSwitchRequest(SCRAMBLE);
    expect(p.toString('latin1')).toBe('\xfemysql_native_password\0abcdefghijklmnopqrst\0');
  });
});

/** Builds a HandshakeResponse41 by hand: 4 flags | 4 max packet | 1 charset | 23 filler | rest. */
function response(caps: number, ...rest: Buffer[]): Buffer {
  const head = Buffer.alloc(32);
  head.writeUInt32LE(caps >>> 0, 0);
  head.writeUInt32LE(16_777_216, 4);
  head[8] = 45;
  return Buffer.concat([head, ...rest]);
}
const z = (s: string) => Buffer.from(s + '\0', 'utf8');
const TOKEN = Buffer.from(Array.from({ length: 20 }, (_, i) => i + 1));

describe('decodeHandshakeResponse41', () => {
  const P41 = Capability.PROTOCOL_41;

  it('decodes a lenenc auth response, database and plugin name', () => {
    const caps = P41 | Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA | Capability.SECURE_CONNECTION | Capability.CONNECT_WITH_DB | Capability.PLUGIN_AUTH;
    const r = decodeHandshakeResponse41(response(caps, z('alice'), Buffer.from([20]), TOKEN, z('shop'), z('mysql_native_password')));
    expect(r).toEqual({
      capabilities: caps,
      maxPacketSize: 16_777_216,
      charset: 45,
      user: 'alice',
      authResponse: TOKEN,
      database: 'shop',
      authPlugin: 'mysql_native_password',
      clientName: null,
      sslRequest: false,
      mariadbCapabilities: 0,
    });
  });

  it("reads MariaDB's extended client capabilities when the client clears CLIENT_MYSQL, and only then", () => {
    const caps = P41 | Capability.SECURE_CONNECTION;
    const withExtended = response(caps, z('alice'), Buffer.from([20]), TOKEN);
    withExtended.writeUInt32LE(MARIADB_CLIENT_EXTENDED_METADATA, 28);
    expect(decodeHandshakeResponse41(withExtended).mariadbCapabilities).toBe(MARIADB_CLIENT_EXTENDED_METADATA);
    const mysqlClient = response(caps | Capability.LONG_PASSWORD, z('alice'), Buffer.from([20]), TOKEN);
    mysqlClient.writeUInt32LE(MARIADB_CLIENT_EXTENDED_METADATA, 28);
    expect(decodeHandshakeResponse41(mysqlClient).mariadbCapabilities).toBe(0);
  });

  it("reads the client's _client_name connection attribute, and ignores malformed attributes", () => {
    const caps = P41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH | Capability.CONNECT_ATTRS;
    const lenenc = (s: string) => Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]);
    const attrs = Buffer.concat([lenenc('_os'), lenenc('Linux'), lenenc('_client_name'), lenenc('MySQL Connector/J')]);
    const r = decodeHandshakeResponse41(response(caps, z('bob'), Buffer.from([20]), TOKEN, z('caching_sha2_password'), Buffer.from([attrs.length]), attrs));
    expect(r.clientName).toBe('MySQL Connector/J');
    const cut = decodeHandshakeResponse41(response(caps, z('bob'), Buffer.from([20]), TOKEN, z('caching_sha2_password'), Buffer.from([0xfe, 1])));
    expect(cut.clientName).toBeNull();
  });

  it('decodes a 1-byte length auth response with only SECURE_CONNECTION', () => {
    const r = decodeHandshakeResponse41(response(P41 | Capability.SECURE_CONNECTION, z('bob'), Buffer.from([20]), TOKEN));
    expect(r.user).toBe('bob');
    expect(r.authResponse.equals(TOKEN)).toBe(true);
    expect(r.database).toBeNull();
    expect(r.authPlugin).toBeNull();
  });

  it('decodes a NUL-terminated auth response without SECURE_CONNECTION', () => {
    const r = decodeHandshakeResponse41(response(P41 | Capability.CONNECT_WITH_DB, z('bob'), z('tok'), z('db1')));
    expect(r.authResponse.toString()).toBe('tok');
    expect(r.database).toBe('db1');
  });

  it('reads an empty auth response and the database after it', () => {
    const caps = P41 | Capability.SECURE_CONNECTION | Capability.CONNECT_WITH_DB;
    const r = decodeHandshakeResponse41(response(caps, z('root'), Buffer.from([0]), z('analytics')));
    expect(r.authResponse.length).toBe(0);
    expect(r.database).toBe('analytics');
  });

  it('reads the plugin name without a database when CONNECT_WITH_DB is off', () => {
    const caps = P41 | Capability.SECURE_CONNECTION | Capability.PLUGIN_AUTH;
    const r = decodeHandshakeResponse41(response(caps, z('root'), Buffer.from([20]), TOKEN, z('caching_sha2_password')));
    expect(r.database).toBeNull();
    expect(r.authPlugin).toBe('caching_sha2_password');
  });

  it('copies the auth response out of the packet', () => {
    const packet = response(P41 | Capability.SECURE_CONNECTION, z('u'), Buffer.from([20]), TOKEN);
    const r = decodeHandshakeResponse41(packet);
    packet.fill(0);
    expect(r.authResponse.equals(TOKEN)).toBe(true);
  });

  it('recognises a 32-byte SSLRequest', () => {
    const r = decodeHandshakeResponse41(response(P41 | Capability.SSL));
    expect(r.sslRequest).toBe(true);
    expect(r.capabilities & Capability.SSL).toBe(Capability.SSL);
    expect(r.user).toBe('');
  });

  it('rejects a packet shorter than 32 bytes', () => {
    expect(() => decodeHandshakeResponse41(response(P41).subarray(0, 31))).toThrow(/too short/);
  });

  it('rejects a client without PROTOCOL_41', () => {
    expect(() => decodeHandshakeResponse41(response(Capability.SECURE_CONNECTION, z('u'), Buffer.from([0])))).toThrow(/4\.1/);
  });
});

describe('caching_sha2_password tokens', () => {
  it('verifies the fast-path token the client computes, and only that', async () => {
    const { sha2Token, sha2PasswordHash, verifySha2Token } = await import('./caching-sha2.ts');
    const scramble = Buffer.from('0123456789abcdefghij');
    const stored = sha2PasswordHash('s3cret');
    expect(verifySha2Token(sha2Token('s3cret', scramble), scramble, stored)).toBe(true);
    expect(verifySha2Token(sha2Token('s3cret!', scramble), scramble, stored)).toBe(false);
    expect(verifySha2Token(sha2Token('s3cret', Buffer.from('jihgfedcba9876543210')), scramble, stored)).toBe(false);
  });
});

describe("MariaDB's greeting", () => {
  it('clears CLIENT_MYSQL and offers extended metadata in the last 4 reserved bytes, as MariaDB does', () => {
    const args = { serverVersion: '5.5.5-10.11.19-MariaDB', connectionId: 7, scramble: SCRAMBLE, capabilities: Capability.LONG_PASSWORD | Capability.PROTOCOL_41 };
    const mariadb = encodeHandshakeV10({ ...args, mariadbCapabilities: MARIADB_CLIENT_EXTENDED_METADATA });
    const at = 1 + args.serverVersion.length + 1 + 4 + 8 + 1;
    expect(mariadb.readUInt16LE(at) & Capability.LONG_PASSWORD).toBe(0);
    expect(mariadb.readUInt32LE(at + 2 + 1 + 2 + 2 + 1 + 6)).toBe(MARIADB_CLIENT_EXTENDED_METADATA);
    const mysql = encodeHandshakeV10(args);
    expect(mysql.readUInt16LE(at) & Capability.LONG_PASSWORD).toBe(Capability.LONG_PASSWORD);
    expect(mysql.readUInt32LE(at + 2 + 1 + 2 + 2 + 1 + 6)).toBe(0);
  });
});
