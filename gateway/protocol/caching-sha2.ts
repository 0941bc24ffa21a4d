// caching_sha2_password, MySQL 8's default authentication, on the server side.
// https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html
// Fast path: the client proves it knows the password with a SHA-256 scramble; it works once the
// server has the user's SHA256(SHA256(password)) in its cache, i.e. after one full
// authentication. Full path: the password itself, in the clear over TLS, or RSA-encrypted (OAEP)
// with the server's public key, which the client may ask for.
import { createHash, generateKeyPairSync, privateDecrypt, randomBytes, constants, type KeyObject } from 'node:crypto';
import { PayloadWriter } from './codec.ts';

export const CACHING_SHA2_PASSWORD = 'caching_sha2_password';

const sha256 = (...parts: Buffer[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** What the server keeps for a user: SHA256(SHA256(password)). */
export function sha2PasswordHash(password: string): Buffer {
  return sha256(sha256(Buffer.from(password, 'utf8')));
}

/** The client's fast-path token: SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + scramble). */
export function sha2Token(password: string, scramble: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const stage1 = sha256(Buffer.from(password, 'utf8'));
  const mix = sha256(sha256(stage1), scramble);
  return Buffer.from(stage1.map((b, i) => b ^ mix[i]!));
}

/** Checks a fast-path token against the stored SHA256(SHA256(pw)). */
export function verifySha2Token(token: Buffer, scramble: Buffer, stored: Buffer): boolean {
  if (token.length !== 32) return false;
  const mix = sha256(stored, scramble);
  const stage1 = Buffer.from(token.map((b, i) => b ^ mix[i]!));
  return sha256(stage1).equals(stored);
}

/** AuthMoreData (0x01) packets the server sends during the exchange. */
export const FAST_AUTH_SUCCESS = new PayloadWriter().int1(0x01).int1(0x03).build();
export const PERFORM_FULL_AUTHENTICATION = new PayloadWriter().int1(0x01).int1(0x04).build();
export const REQUEST_PUBLIC_KEY = 0x02;

export function encodePublicKey(pem: string): Buffer {
  return new PayloadWriter().int1(0x01).bytes(pem).build();
}

/**
 * The same packets for MySQL Connector/J when the server version reads as older than 5.5.16 (as
 * MariaDB's `5.5.5-` prefix does): it then takes the whole packet as the plugin's data, 0x01 included.
 */
export function withoutMoreDataMarker(packet: Buffer): Buffer {
  return packet[0] === 0x01 ? packet.subarray(1) : packet;
}

/** The RSA key pair for clients without TLS; made once per process. */
export class Sha2RsaKeys {
  private keys: { publicPem: string; privateKey: KeyObject } | null = null;

  get publicPem(): string {
    return this.pair().publicPem;
  }

  private pair() {
    if (!this.keys) {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.keys = { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
    }
    return this.keys;
  }

  /**
   * The password from the client's RSA block: decrypt, then XOR with the scramble, drop the NUL.
   * OAEP, or PKCS#1 v1.5 for MySQL Connector/J with a server version below 8.0.5 (e.g. MariaDB's).
   */
  decryptPassword(block: Buffer, scramble: Buffer, padding: 'oaep' | 'pkcs1' = 'oaep'): string {
    const plain = padding === 'pkcs1' ? this.pkcs1Decrypt(block) : privateDecrypt({ key: this.pair().privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, block);
    // Not well padded: a random password, never empty, so it fails as a wrong one does (OpenSSL's
    // implicit rejection) and tells nothing about the padding.
    if (!plain) return randomBytes(16).toString('hex');
    const clear = Buffer.from(plain.map((b, i) => b ^ scramble[i % scramble.length]!));
    const end = clear.indexOf(0);
    return clear.toString('utf8', 0, end < 0 ? clear.length : end);
  }

  /** PKCS#1 v1.5, unpadded here: Node refuses it for private decryption (CVE-2023-46809). Null: not well padded. */
  private pkcs1Decrypt(block: Buffer): Buffer | null {
    let raw: Buffer;
    try {
      raw = privateDecrypt({ key: this.pair().privateKey, padding: constants.RSA_NO_PADDING }, block);
    } catch {
      return null;
    }
    // 0x00 0x02, at least 8 non-zero padding bytes, 0x00, the message.
    const separator = raw.indexOf(0, 2);
    return raw[0] === 0x00 && raw[1] === 0x02 && separator >= 10 ? raw.subarray(separator + 1) : null;
  }
}

/** A cleartext password as sent over TLS: NUL-terminated. */
export function cleartextPassword(payload: Buffer): string {
  const end = payload.indexOf(0);
  return payload.toString('utf8', 0, end < 0 ? payload.length : end);
}
