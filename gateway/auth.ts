// Who may connect, and to which databases. Users come from config; their passwords are kept
// only as hashes: SHA1(SHA1(pw)) for mysql_native_password and SHA256(SHA256(pw)) for
// caching_sha2_password. Like MySQL, caching_sha2_password answers the fast path only for users
// who passed a full authentication since the gateway started. With no users configured, `root`
// without a password is accepted from loopback addresses only.
import { isIP } from 'node:net';
import { nativePasswordHash, verifyNativePassword, NATIVE_PASSWORD } from './protocol/handshake.ts';
import { CACHING_SHA2_PASSWORD, sha2PasswordHash, verifySha2Token } from './protocol/caching-sha2.ts';

export type AuthPlugin = typeof NATIVE_PASSWORD | typeof CACHING_SHA2_PASSWORD;

export interface GatewayUser {
  user: string;
  password: string;
  /** The plugin the user authenticates with (MySQL's per-account plugin). */
  plugin?: AuthPlugin;
  /** Databases the user may read; all when absent. */
  databases?: string[];
}

interface Account {
  plugin: AuthPlugin;
  native: Buffer | null;
  sha2: Buffer | null;
  databases: Set<string> | null;
}

const DENIED = 'unknown user or wrong password';

export function isLoopback(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

export class Authenticator {
  private readonly accounts = new Map<string, Account>();
  /** Users who passed a full caching_sha2 authentication: the fast path is open to them. */
  private readonly sha2Cache = new Set<string>();
  readonly openRootOnLoopback: boolean;

  constructor(users: GatewayUser[]) {
    this.openRootOnLoopback = users.length === 0;
    for (const u of users) {
      this.accounts.set(u.user, {
        plugin: u.plugin ?? NATIVE_PASSWORD,
        native: u.password === '' ? null : nativePasswordHash(u.password),
        sha2: u.password === '' ? null : sha2PasswordHash(u.password),
        databases: u.databases ? new Set(u.databases) : null,
      });
    }
  }

  /** The plugin the account uses; a client that chose another is switched to it. */
  pluginOf(user: string): AuthPlugin {
    return this.accounts.get(user)?.plugin ?? NATIVE_PASSWORD;
  }

  /** mysql_native_password: null when allowed, or the reason for the 1045 message. */
  checkNative(user: string, token: Buffer, scramble: Buffer, remoteAddress: string): string | null {
    const open = this.openRoot(user, token, remoteAddress);
    if (open !== undefined) return open;
    const account = this.accounts.get(user);
    if (!account) return DENIED;
    return verifyNativePassword(token, scramble, account.native) ? null : DENIED;
  }

  /**
   * caching_sha2_password's first step: 'ok' (fast path, or an empty password), 'full' (the
   * client must send the password over TLS or RSA), or the refusal reason.
   */
  checkSha2Fast(user: string, token: Buffer, scramble: Buffer, remoteAddress: string): 'ok' | 'full' | string {
    const open = this.openRoot(user, token, remoteAddress);
    if (open !== undefined) return open ?? 'ok';
    const account = this.accounts.get(user);
    if (!account) return DENIED;
    if (account.sha2 === null) return token.length === 0 ? 'ok' : DENIED;
    if (token.length === 0) return DENIED;
    if (!this.sha2Cache.has(user)) return 'full';
    return verifySha2Token(token, scramble, account.sha2) ? 'ok' : DENIED;
  }

  /** caching_sha2_password's full path: the password itself. Success opens the fast path. */
  checkCleartext(user: string, password: string): string | null {
    const account = this.accounts.get(user);
    if (!account || account.sha2 === null || !sha2PasswordHash(password).equals(account.sha2)) return DENIED;
    this.sha2Cache.add(user);
    return null;
  }

  /** The databases the user may read, or null for all. */
  allowedDatabases(user: string): string[] | null {
    const allowed = this.accounts.get(user)?.databases;
    return allowed ? [...allowed] : null;
  }

  /** With no users configured: root, no password, loopback only. undefined: not in that mode. */
  private openRoot(user: string, token: Buffer, remoteAddress: string): string | null | undefined {
    if (!this.openRootOnLoopback) return undefined;
    if (user === 'root' && isLoopback(remoteAddress) && token.length === 0) return null;
    return 'no users are configured: only root without a password from loopback may connect';
  }
}

export function createAuthenticator(users: GatewayUser[]): Authenticator {
  return new Authenticator(users);
}
