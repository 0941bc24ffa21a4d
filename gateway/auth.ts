// Who may connect. Users come from config with passwords kept only as SHA1(SHA1(pw)); with no
// users configured, `root` without a password is accepted from loopback addresses only.
import { isIP } from 'node:net';
import { nativePasswordHash, verifyNativePassword } from './protocol/handshake.ts';

export interface GatewayUser {
  user: string;
  password: string;
}

export interface Authenticator {
  /** Returns null when allowed, or the reason for the 1045 message. */
  check(user: string, token: Buffer, scramble: Buffer, remoteAddress: string): string | null;
  readonly openRootOnLoopback: boolean;
}

export function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

export function createAuthenticator(users: GatewayUser[]): Authenticator {
  const hashes = new Map(users.map((u) => [u.user, u.password === '' ? null : nativePasswordHash(u.password)]));
  const openRootOnLoopback = users.length === 0;
  return {
    openRootOnLoopback,
    check(user, token, scramble, remoteAddress) {
      if (openRootOnLoopback) {
        if (user === 'root' && isLoopback(remoteAddress) && token.length === 0) return null;
        return 'no users are configured: only root without a password from loopback may connect';
      }
      if (!hashes.has(user)) return 'unknown user or wrong password';
      return verifyNativePassword(token, scramble, hashes.get(user) ?? null) ? null : 'unknown user or wrong password';
    },
  };
}
