// What one client connection is, shared by its parts: the phase it is in (handshake, the auth
// exchange, commands), what was agreed with the client, and the session once authenticated.
import type { Logger } from '../core/index.ts';
import type { SecureContext } from 'node:tls';
import type { Sha2RsaKeys } from './protocol/caching-sha2.ts';
import type { Authenticator } from './auth.ts';
import type { QueryHandler, QuerySession, StatementOutcome } from './result-set.ts';

export const ConnectionPhase = {
  HANDSHAKE: 'handshake',
  AUTH_SWITCH: 'auth-switch',
  /** caching_sha2_password asked for the password itself: cleartext over TLS, or a key request. */
  SHA2_FULL: 'sha2-full',
  /** The server's RSA public key was sent: the RSA-encrypted password comes next. */
  SHA2_RSA: 'sha2-rsa',
  COMMAND: 'command',
  CLOSED: 'closed',
} as const;
export type ConnectionPhase = (typeof ConnectionPhase)[keyof typeof ConnectionPhase];

export interface ConnectionOptions {
  connectionId: number;
  serverVersion: string;
  maxAllowedPacket: number;
  auth: Authenticator;
  /** For caching_sha2_password's full authentication without TLS. */
  rsa: Sha2RsaKeys;
  /** Offered to clients (SSLRequest) when set. */
  tls: SecureContext | null;
  handler: QueryHandler;
  log: Logger;
  /** Told of each statement's outcome (or error code) and how long it took, result sent included. */
  observe?: StatementObserver;
}

export type StatementObserver = (outcome: StatementOutcome | 'error', seconds: number, errorCode?: number) => void;

/** The connection's state, owned by ClientConnection and read and changed by its auth and command parts. */
export interface ConnectionState {
  phase: ConnectionPhase;
  /** Capabilities both sides have (the client's flags AND the server's). */
  capabilities: number;
  textCharset: number;
  session: QuerySession | null;
  /** Packets travel over TLS (the client sent an SSLRequest). */
  secure: boolean;
}
