// Connection phase: Protocol::HandshakeV10 out, Protocol::HandshakeResponse41 in, and the
// mysql_native_password check.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html
//   1 protocol version (10) | NUL server version | 4 connection id | 8 auth-plugin-data-part-1 | 1 filler
//   2 capability flags (lower) | 1 charset | 2 status | 2 capability flags (upper)
//   1 auth-plugin-data length | 10 reserved | 13 auth-plugin-data-part-2 | NUL auth plugin name
import { createHash, randomBytes } from 'node:crypto';
import { Capability, Charset, ServerStatus } from './constants.ts';
import { PayloadWriter, readLenEncInt, readNulString } from './codec.ts';

export const NATIVE_PASSWORD = 'mysql_native_password';

/** 20 random bytes, none of them NUL (clients treat the scramble as a C string). */
export function newScramble(): Buffer {
  const bytes = randomBytes(20);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (bytes[i]! % 94) + 33;
  return bytes;
}

/**
 * MariaDB's extended capabilities (the last 4 of the greeting's reserved bytes, read by a client
 * when CLIENT_MYSQL, bit 0, is clear, as MariaDB servers send it): extended column metadata, where
 * a JSON column says it is JSON (MariaDB's JSON is LONGTEXT on the wire).
 */
export const MARIADB_CLIENT_EXTENDED_METADATA = 0x08;

export function encodeHandshakeV10(args: { serverVersion: string; connectionId: number; scramble: Buffer; capabilities: number; mariadbCapabilities?: number }): Buffer {
  const mariadb = args.mariadbCapabilities !== undefined;
  const w = new PayloadWriter()
    .int1(10)
    .nulString(args.serverVersion)
    .int4(args.connectionId)
    .bytes(args.scramble.subarray(0, 8))
    .int1(0)
    .int2((mariadb ? args.capabilities & ~1 : args.capabilities) & 0xffff)
    .int1(Charset.UTF8MB4_GENERAL_CI)
    .int2(ServerStatus.AUTOCOMMIT)
    .int2(args.capabilities >>> 16)
    .int1(args.scramble.length + 1)
    .zeros(6)
    .int4(args.mariadbCapabilities ?? 0)
    .bytes(args.scramble.subarray(8))
    .int1(0)
    .nulString(NATIVE_PASSWORD);
  return w.build();
}

export interface HandshakeResponse {
  capabilities: number;
  maxPacketSize: number;
  charset: number;
  user: string;
  authResponse: Buffer;
  database: string | null;
  authPlugin: string | null;
  /** The client's `_client_name` connection attribute (e.g. "MySQL Connector/J"), when it sent one. */
  clientName: string | null;
  /** True when this is the short SSLRequest packet. */
  sslRequest: boolean;
  /** MariaDB's extended client capabilities (bytes 28-31, when the client cleared CLIENT_MYSQL). */
  mariadbCapabilities: number;
}

// https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html
//   4 client flags | 4 max packet | 1 charset | 23 filler | NUL user | auth response
//   [NUL database if CONNECT_WITH_DB] [NUL plugin name if PLUGIN_AUTH] [attrs if CONNECT_ATTRS]
export function decodeHandshakeResponse41(payload: Buffer): HandshakeResponse {
  if (payload.length < 32) throw new RangeError(`handshake response too short (${payload.length} bytes)`);
  const capabilities = payload.readUInt32LE(0);
  if ((capabilities & Capability.PROTOCOL_41) === 0) throw new RangeError('client does not speak protocol 4.1');
  const maxPacketSize = payload.readUInt32LE(4);
  const charset = payload[8]!;
  const mariadbCapabilities = (capabilities & 1) === 0 ? payload.readUInt32LE(28) : 0;
  const base = { capabilities, maxPacketSize, charset, mariadbCapabilities };
  if (payload.length === 32) return { ...base, user: '', authResponse: Buffer.alloc(0), database: null, authPlugin: null, clientName: null, sslRequest: true };
  let pos = 32;
  let user: string;
  [user, pos] = readNulString(payload, pos);
  let authResponse: Buffer;
  if (capabilities & Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA) {
    const [len, next] = readLenEncInt(payload, pos);
    authResponse = payload.subarray(next, next + Number(len ?? 0n));
    pos = next + Number(len ?? 0n);
  } else if (capabilities & Capability.SECURE_CONNECTION) {
    const len = payload[pos] ?? 0;
    authResponse = payload.subarray(pos + 1, pos + 1 + len);
    pos += 1 + len;
  } else {
    const end = payload.indexOf(0, pos);
    authResponse = payload.subarray(pos, end < 0 ? payload.length : end);
    pos = end < 0 ? payload.length : end + 1;
  }
  let database: string | null = null;
  if (capabilities & Capability.CONNECT_WITH_DB && pos < payload.length) [database, pos] = readNulString(payload, pos);
  let authPlugin: string | null = null;
  if (capabilities & Capability.PLUGIN_AUTH && pos < payload.length) [authPlugin, pos] = readNulString(payload, pos);
  const clientName = capabilities & Capability.CONNECT_ATTRS && pos < payload.length ? connectAttribute(payload, pos, '_client_name') : null;
  return { ...base, user, authResponse: Buffer.from(authResponse), database: database || null, authPlugin, clientName, sslRequest: false };
}

/** One connection attribute: a length-encoded total, then length-encoded key and value strings. Malformed: null. */
function connectAttribute(payload: Buffer, pos: number, wanted: string): string | null {
  try {
    return findAttribute(payload, pos, wanted);
  } catch {
    return null;
  }
}

function findAttribute(payload: Buffer, pos: number, wanted: string): string | null {
  const [total, start] = readLenEncInt(payload, pos);
  const end = Math.min(payload.length, start + Number(total ?? 0n));
  for (let at = start; at < end; ) {
    const [keyLength, keyAt] = readLenEncInt(payload, at);
    const key = payload.toString('utf8', keyAt, keyAt + Number(keyLength ?? 0n));
    const [valueLength, valueAt] = readLenEncInt(payload, keyAt + Number(keyLength ?? 0n));
    if (key === wanted) return payload.toString('utf8', valueAt, valueAt + Number(valueLength ?? 0n));
    at = valueAt + Number(valueLength ?? 0n);
  }
  return null;
}

const sha1 = (...parts: Buffer[]) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** SHA1(SHA1(password)): what the server keeps (mysql.user's authentication_string, unhexed). */
export function nativePasswordHash(password: string): Buffer {
  return sha1(sha1(Buffer.from(password, 'utf8')));
}

/** The client's token: SHA1(pw) XOR SHA1(scramble + SHA1(SHA1(pw))). Empty for an empty password. */
export function nativePasswordToken(password: string, scramble: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const mix = sha1(scramble, sha1(stage1));
  return Buffer.from(stage1.map((b, i) => b ^ mix[i]!));
}

/** Checks a token against the stored double-SHA1; `stored` null means "no password". */
export function verifyNativePassword(token: Buffer, scramble: Buffer, stored: Buffer | null): boolean {
  if (stored === null) return token.length === 0;
  if (token.length !== 20) return false;
  const mix = sha1(scramble, stored);
  const stage1 = Buffer.from(token.map((b, i) => b ^ mix[i]!));
  return sha1(stage1).equals(stored);
}

/** Protocol::AuthSwitchRequest: asks a client that chose another plugin to use `plugin`. */
export function encodeAuthSwitchRequest(scramble: Buffer, plugin: string = NATIVE_PASSWORD): Buffer {
  return new PayloadWriter().int1(0xfe).nulString(plugin).bytes(scramble).int1(0).build();
}
