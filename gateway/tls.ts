// TLS for the gateway: the configured certificate and key, or a self-signed certificate made at
// start (clients then connect with sslMode=REQUIRED, not VERIFY_CA). STARTTLS as MySQL does it:
// the client sends SSLRequest on the plain socket and the TLS handshake follows on the same one.
import { readFileSync } from 'node:fs';
import { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import type { Socket } from 'node:net';
import { generate } from 'selfsigned';
import { UserFacingError } from '../core/index.ts';

export interface TlsOptions {
  /** PEM files; both or neither. */
  cert?: string;
  key?: string;
}

export async function gatewayTlsContext(options: TlsOptions): Promise<SecureContext> {
  if (options.cert || options.key) {
    if (!options.cert || !options.key) throw new UserFacingError('gateway.tls needs both cert and key (PEM files)', 'set gateway.tls.cert and gateway.tls.key, or neither for a generated certificate');
    const read = (what: string, path: string) => {
      try {
        return readFileSync(path);
      } catch (err) {
        throw new UserFacingError(`cannot read gateway.tls.${what} ${path}: ${(err as Error).message}`);
      }
    };
    try {
      return createSecureContext({ cert: read('cert', options.cert), key: read('key', options.key) });
    } catch (err) {
      throw new UserFacingError(`gateway.tls: the certificate and key do not load: ${(err as Error).message}`, 'give a PEM certificate and its matching private key');
    }
  }
  const pems = await generate([{ name: 'commonName', value: 'instaquery gateway' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] }],
  });
  return createSecureContext({ cert: pems.cert, key: pems.private });
}

/**
 * Wraps a plain socket in a server-side TLS socket. `already` holds bytes read past the
 * SSLRequest packet (the client's TLS hello may share its TCP segment): they go to TLS first.
 */
export function upgradeToTls(raw: Socket, context: SecureContext, already: Buffer): TLSSocket {
  raw.removeAllListeners('data');
  const carrier = new Duplex({
    read() {
      raw.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      raw.write(chunk, callback);
    },
    final(callback) {
      raw.end();
      callback();
    },
    destroy(err, callback) {
      raw.destroy();
      callback(err);
    },
  });
  if (already.length > 0) carrier.push(already);
  raw.on('data', (chunk: Buffer) => {
    if (!carrier.push(chunk)) raw.pause();
  });
  raw.on('end', () => carrier.push(null));
  return new TLSSocket(carrier, { isServer: true, secureContext: context });
}
