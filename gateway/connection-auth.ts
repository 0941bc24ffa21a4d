// A connection's authentication: the handshake response, a switch to the account's plugin, and
// caching_sha2_password's full exchange (cleartext over TLS, or RSA with the server's key); then
// the session opens and commands begin. COM_CHANGE_USER runs it again.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { FAST_AUTH_SUCCESS, PERFORM_FULL_AUTHENTICATION, REQUEST_PUBLIC_KEY, cleartextPassword, encodePublicKey, withoutMoreDataMarker } from './protocol/caching-sha2.ts';
import { Capability, SERVER_CAPABILITIES, utf8mb4Collation } from './protocol/constants.ts';
import { MARIADB_CLIENT_EXTENDED_METADATA, NATIVE_PASSWORD, decodeHandshakeResponse41, encodeAuthSwitchRequest, encodeHandshakeV10, newScramble } from './protocol/handshake.ts';
import { encodeOk } from './protocol/result-packets.ts';
import type { AuthPlugin } from './auth.ts';
import { ConnectionPhase, type ConnectionOptions, type ConnectionState } from './connection-state.ts';
import type { PacketOutput } from './packet-output.ts';
import type { SessionState } from './result-set.ts';

export class ConnectionAuth {
  /** The auth challenge; COM_CHANGE_USER starts a new one. */
  private scramble = newScramble();
  private pendingUser: { user: string; database: string | null } | null = null;
  private authPlugin: AuthPlugin = NATIVE_PASSWORD;
  private readonly serverCapabilities: number;
  /**
   * What MySQL Connector/J does with caching_sha2_password for a server version it reads as older
   * (MariaDB's `5.5.5-…`): below 5.5.16 it takes the packets without their 0x01 marker, below
   * 8.0.5 it encrypts the password with PKCS#1 v1.5 instead of OAEP.
   */
  private legacySha2 = { unmarked: false, pkcs1: false };

  constructor(
    private readonly raw: Socket,
    private readonly options: ConnectionOptions,
    private readonly state: ConnectionState,
    private readonly out: PacketOutput,
    private readonly close: () => void,
  ) {
    this.serverCapabilities = SERVER_CAPABILITIES | (options.tls ? Capability.SSL : 0);
  }

  /** The server's greeting, the first packet of the connection. */
  sendHandshake(): void {
    // Presented as MariaDB, the greeting offers MariaDB's extended column metadata, as MariaDB's does.
    const mariadbCapabilities = /mariadb/i.test(this.options.serverVersion) ? MARIADB_CLIENT_EXTENDED_METADATA : undefined;
    this.out.send(encodeHandshakeV10({ serverVersion: this.options.serverVersion, connectionId: this.options.connectionId, scramble: this.scramble, capabilities: this.serverCapabilities, mariadbCapabilities }));
  }

  async onHandshakeResponse(payload: Buffer): Promise<void> {
    let response;
    try {
      response = decodeHandshakeResponse41(payload);
    } catch (err) {
      this.out.sendError('HANDSHAKE', `Bad handshake: ${(err as Error).message}`);
      return this.close();
    }
    if (response.sslRequest) {
      this.out.sendError('HANDSHAKE', 'TLS is not enabled on this instaquery gateway; connect without SSL (e.g. --ssl=0 / sslMode=DISABLED)');
      return this.close();
    }
    this.state.capabilities = response.capabilities & this.serverCapabilities;
    this.out.extendedMetadata = /mariadb/i.test(this.options.serverVersion) && (response.mariadbCapabilities & MARIADB_CLIENT_EXTENDED_METADATA) !== 0;
    this.state.textCharset = utf8mb4Collation(response.charset);
    this.pendingUser = { user: response.user, database: response.database };
    const connectorJ = response.clientName === 'MySQL Connector/J';
    this.legacySha2 = { unmarked: connectorJ && versionBelow(this.options.serverVersion, [5, 5, 16]), pkcs1: connectorJ && versionBelow(this.options.serverVersion, [8, 0, 5]) };
    // The account's plugin decides; a client that started with another is switched to it.
    this.authPlugin = this.options.auth.pluginOf(response.user);
    if (response.authPlugin && response.authPlugin !== this.authPlugin) {
      this.state.phase = ConnectionPhase.AUTH_SWITCH;
      this.out.send(encodeAuthSwitchRequest(this.scramble, this.authPlugin));
      return;
    }
    return this.onAuthToken(response.authResponse);
  }

  /**
   * Authentication again, for COM_CHANGE_USER: through an AuthSwitchRequest with a new challenge,
   * in the account's plugin.
   */
  restart(user: string, database: string | null): void {
    this.pendingUser = { user, database };
    this.scramble = newScramble();
    this.authPlugin = this.options.auth.pluginOf(user);
    this.state.phase = ConnectionPhase.AUTH_SWITCH;
    this.out.send(encodeAuthSwitchRequest(this.scramble, this.authPlugin));
  }

  private tlsStatus(): { tls?: { cipher: string; version: string } } {
    if (!this.state.secure) return {};
    const socket = this.out.socket as TLSSocket;
    return { tls: { cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? '', version: socket.getProtocol() ?? '' } };
  }

  private get clientAddress(): string {
    return (this.raw.remoteAddress ?? '').replace(/^::ffff:/, '');
  }

  private deny(user: string, reason: string): void {
    this.out.sendError('ACCESS_DENIED', `Access denied for user '${user}'@'${this.clientAddress}' (${reason})`);
    this.close();
  }

  async onAuthToken(token: Buffer): Promise<void> {
    const { user } = this.pendingUser!;
    const address = this.raw.remoteAddress ?? '';
    if (this.authPlugin === NATIVE_PASSWORD) {
      const refusal = this.options.auth.checkNative(user, token, this.scramble, address);
      return refusal ? this.deny(user, refusal) : this.finishAuth();
    }
    const verdict = this.options.auth.checkSha2Fast(user, token, this.scramble, address);
    if (verdict === 'ok') {
      if (token.length > 0) this.out.send(this.moreData(FAST_AUTH_SUCCESS));
      return this.finishAuth();
    }
    if (verdict === 'full') {
      this.state.phase = ConnectionPhase.SHA2_FULL;
      this.out.send(this.moreData(PERFORM_FULL_AUTHENTICATION));
      return;
    }
    return this.deny(user, verdict);
  }

  async onSha2Full(payload: Buffer): Promise<void> {
    if (this.state.secure) return this.onSha2Password(cleartextPassword(payload));
    if (payload.length === 1 && payload[0] === REQUEST_PUBLIC_KEY) {
      this.state.phase = ConnectionPhase.SHA2_RSA;
      this.out.send(this.moreData(encodePublicKey(this.options.rsa.publicPem)));
      return;
    }
    return this.deny(this.pendingUser!.user, 'caching_sha2_password needs the password over TLS or encrypted with the server public key: connect with SSL, or let the client fetch the key (allowPublicKeyRetrieval=true / --get-server-public-key)');
  }

  /** The password, RSA-encrypted with the server's public key (sent in SHA2_FULL). */
  async onRsaPassword(payload: Buffer): Promise<void> {
    return this.onSha2Password(this.options.rsa.decryptPassword(payload, this.scramble, this.legacySha2.pkcs1 ? 'pkcs1' : 'oaep'));
  }

  private moreData(packet: Buffer): Buffer {
    return this.legacySha2.unmarked ? withoutMoreDataMarker(packet) : packet;
  }

  private async onSha2Password(password: string): Promise<void> {
    const refusal = this.options.auth.checkCleartext(this.pendingUser!.user, password);
    return refusal ? this.deny(this.pendingUser!.user, refusal) : this.finishAuth();
  }

  private async finishAuth(): Promise<void> {
    const { user, database } = this.pendingUser!;
    const address = this.raw.remoteAddress ?? '';
    const port = this.raw.remotePort;
    const sessionState: SessionState = { connectionId: this.options.connectionId, user, host: `${address.replace(/^::ffff:/, '')}${port ? `:${port}` : ''}`, database: null, textCharset: this.state.textCharset, ignoreSpace: (this.state.capabilities & Capability.IGNORE_SPACE) !== 0, disconnect: () => this.close(), allowedDatabases: this.options.auth.allowedDatabases(user), ...this.tlsStatus() };
    const session = (this.state.session = await this.options.handler.openSession(sessionState));
    if (database) {
      try {
        await session.useDatabase(database);
      } catch (err) {
        this.out.sendSqlError(err);
        return this.close();
      }
    }
    this.state.phase = ConnectionPhase.COMMAND;
    this.out.send(encodeOk());
  }
}

/** Whether a server version string's leading x.y.z is below `min` (as Connector/J compares them). */
function versionBelow(version: string, min: [number, number, number]): boolean {
  const parts = (/^(\d+)\.(\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (parts.length < 3) return false;
  for (let i = 0; i < 3; i++) if (parts[i] !== min[i]) return parts[i]! < min[i]!;
  return false;
}
