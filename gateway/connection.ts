// One client connection: handshake, authentication, then the command loop. It knows packets and
// connection state; SQL goes through the QueryHandler.
import type { Socket } from 'node:net';
import type { SecureContext, TLSSocket } from 'node:tls';
import { upgradeToTls } from './tls.ts';
import { FAST_AUTH_SUCCESS, PERFORM_FULL_AUTHENTICATION, REQUEST_PUBLIC_KEY, cleartextPassword, encodePublicKey, type Sha2RsaKeys } from './protocol/caching-sha2.ts';
import type { Logger } from '../core/index.ts';
import { once } from 'node:events';
import { Capability, Charset, Command, MAX_PACKET_PAYLOAD, SERVER_CAPABILITIES, ServerStatus, utf8mb4Collation } from './protocol/constants.ts';
import { PacketReader, PacketTooLargeError, framePacket, type Packet } from './protocol/framing.ts';
import { NATIVE_PASSWORD, decodeHandshakeResponse41, encodeAuthSwitchRequest, encodeHandshakeV10, newScramble } from './protocol/handshake.ts';
import { encodeColumnCount, encodeColumnDefinition, encodeEof, encodeErr, encodeOk, encodeResultsetEnd, encodeTextRow } from './protocol/result-packets.ts';
import { MalformedPacketError, decodeExecute, encodeBinaryRow, encodePrepareOk, type ExecuteRequest } from './protocol/binary-protocol.ts';
import { executableText, splitStatements } from '../dialect/index.ts';
import { textColumn } from './mysql-types.ts';
import { ER, SqlError, type ErrorKind } from './sql-errors.ts';
import type { Authenticator, AuthPlugin } from './auth.ts';
import type { QueryHandler, QueryResult, QuerySession, SessionState, StatementOutcome, TextValue } from './result-set.ts';

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

export class ClientConnection {
  private phase: ConnectionPhase = ConnectionPhase.HANDSHAKE;
  private readonly reader: PacketReader;
  /** The auth challenge; COM_CHANGE_USER starts a new one. */
  private scramble = newScramble();
  private sequenceId = 0;
  private session: QuerySession | null = null;
  private state: SessionState | null = null;
  private pendingUser: { user: string; database: string | null } | null = null;
  /** Commands run one at a time, in arrival order. */
  private work: Promise<void> = Promise.resolve();
  /** Capabilities both sides have (the client's flags AND the server's). */
  private capabilities = 0;
  /** Per prepared statement: its parameter count, last bound types and long data sent so far. */
  private readonly statements = new Map<number, { params: number; types: ExecuteRequest['types']; longData: Map<number, Buffer[]> }>();
  private readonly startedAt = Date.now();
  private textCharset: number = Charset.UTF8MB4_GENERAL_CI;
  /** The socket packets travel on: the client's, or TLS over it after an SSLRequest. */
  private socket: Socket | TLSSocket;
  private secure = false;
  private authPlugin: AuthPlugin = NATIVE_PASSWORD;
  private readonly serverCapabilities: number;

  constructor(
    private readonly raw: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.socket = raw;
    this.reader = new PacketReader(options.maxAllowedPacket);
    raw.setNoDelay(true);
    raw.on('data', (chunk: Buffer) => this.onData(chunk));
    raw.on('error', () => this.close());
    raw.on('close', () => this.close());
    this.serverCapabilities = SERVER_CAPABILITIES | (options.tls ? Capability.SSL : 0);
    this.send(encodeHandshakeV10({ serverVersion: options.serverVersion, connectionId: options.connectionId, scramble: this.scramble, capabilities: this.serverCapabilities }));
  }

  private onData(chunk: Buffer): void {
    let packets: Packet[];
    try {
      // Before TLS starts, read one packet at a time: what follows an SSLRequest is TLS.
      const beforeTls = this.phase === ConnectionPhase.HANDSHAKE && !this.secure && this.options.tls;
      packets = this.reader.push(chunk, Boolean(beforeTls));
      if (beforeTls && packets.length === 1 && packets[0]!.payload.length === 32 && packets[0]!.payload.readUInt32LE(0) & Capability.SSL) {
        this.startTls(packets[0]!.sequenceId);
        return;
      }
      // Not an SSLRequest: whatever else came in this chunk is plain packets after all.
      if (beforeTls) packets.push(...this.reader.push(Buffer.alloc(0)));
    } catch (err) {
      if (err instanceof PacketTooLargeError) {
        this.sequenceId = 1;
        this.sendError('NET_PACKET_TOO_LARGE', err.message);
      }
      this.close();
      return;
    }
    for (const p of packets) {
      this.work = this.work.then(() => this.onPacket(p)).catch((err: unknown) => {
        this.options.log.warn({ connectionId: this.options.connectionId, err: (err as Error).message }, 'connection dropped after a protocol error');
        this.close();
      });
    }
  }

  private async onPacket(p: Packet): Promise<void> {
    if (this.phase === ConnectionPhase.CLOSED) return;
    this.sequenceId = (p.sequenceId + 1) & 0xff;
    if (this.phase === ConnectionPhase.HANDSHAKE) return this.onHandshakeResponse(p.payload);
    if (this.phase === ConnectionPhase.AUTH_SWITCH) return this.onAuthToken(p.payload);
    if (this.phase === ConnectionPhase.SHA2_FULL) return this.onSha2Full(p.payload);
    if (this.phase === ConnectionPhase.SHA2_RSA) return this.onSha2Password(this.options.rsa.decryptPassword(p.payload, this.scramble));
    return this.onCommand(p.payload);
  }

  /** SSLRequest received: the rest of the handshake runs over TLS on the same socket. */
  private startTls(sslRequestSequence: number): void {
    const secure = upgradeToTls(this.raw, this.options.tls!, this.reader.drain());
    secure.on('data', (chunk: Buffer) => this.onData(chunk));
    secure.on('error', () => this.close());
    secure.on('close', () => this.close());
    this.socket = secure;
    this.secure = true;
    this.sequenceId = (sslRequestSequence + 1) & 0xff;
  }

  private async onHandshakeResponse(payload: Buffer): Promise<void> {
    let response;
    try {
      response = decodeHandshakeResponse41(payload);
    } catch (err) {
      this.sendError('HANDSHAKE', `Bad handshake: ${(err as Error).message}`);
      return this.close();
    }
    if (response.sslRequest) {
      this.sendError('HANDSHAKE', 'TLS is not enabled on this instaquery gateway; connect without SSL (e.g. --ssl=0 / sslMode=DISABLED)');
      return this.close();
    }
    this.capabilities = response.capabilities & this.serverCapabilities;
    this.textCharset = utf8mb4Collation(response.charset);
    this.pendingUser = { user: response.user, database: response.database };
    // The account's plugin decides; a client that started with another is switched to it.
    this.authPlugin = this.options.auth.pluginOf(response.user);
    if (response.authPlugin && response.authPlugin !== this.authPlugin) {
      this.phase = ConnectionPhase.AUTH_SWITCH;
      this.send(encodeAuthSwitchRequest(this.scramble, this.authPlugin));
      return;
    }
    return this.onAuthToken(response.authResponse);
  }

  private tlsStatus(): { tls?: { cipher: string; version: string } } {
    if (!this.secure) return {};
    const socket = this.socket as TLSSocket;
    return { tls: { cipher: socket.getCipher()?.standardName ?? socket.getCipher()?.name ?? '', version: socket.getProtocol() ?? '' } };
  }

  private get clientAddress(): string {
    return (this.raw.remoteAddress ?? '').replace(/^::ffff:/, '');
  }

  private deny(user: string, reason: string): void {
    this.sendError('ACCESS_DENIED', `Access denied for user '${user}'@'${this.clientAddress}' (${reason})`);
    this.close();
  }

  private async onAuthToken(token: Buffer): Promise<void> {
    const { user } = this.pendingUser!;
    const address = this.raw.remoteAddress ?? '';
    if (this.authPlugin === NATIVE_PASSWORD) {
      const refusal = this.options.auth.checkNative(user, token, this.scramble, address);
      return refusal ? this.deny(user, refusal) : this.finishAuth();
    }
    const verdict = this.options.auth.checkSha2Fast(user, token, this.scramble, address);
    if (verdict === 'ok') {
      if (token.length > 0) this.send(FAST_AUTH_SUCCESS);
      return this.finishAuth();
    }
    if (verdict === 'full') {
      this.phase = ConnectionPhase.SHA2_FULL;
      this.send(PERFORM_FULL_AUTHENTICATION);
      return;
    }
    return this.deny(user, verdict);
  }

  private async onSha2Full(payload: Buffer): Promise<void> {
    if (this.secure) return this.onSha2Password(cleartextPassword(payload));
    if (payload.length === 1 && payload[0] === REQUEST_PUBLIC_KEY) {
      this.phase = ConnectionPhase.SHA2_RSA;
      this.send(encodePublicKey(this.options.rsa.publicPem));
      return;
    }
    return this.deny(this.pendingUser!.user, 'caching_sha2_password needs the password over TLS or encrypted with the server public key: connect with SSL, or let the client fetch the key (allowPublicKeyRetrieval=true / --get-server-public-key)');
  }

  private async onSha2Password(password: string): Promise<void> {
    const refusal = this.options.auth.checkCleartext(this.pendingUser!.user, password);
    return refusal ? this.deny(this.pendingUser!.user, refusal) : this.finishAuth();
  }

  private async finishAuth(): Promise<void> {
    const { user, database } = this.pendingUser!;
    const address = this.raw.remoteAddress ?? '';
    const port = this.raw.remotePort;
    this.state = { connectionId: this.options.connectionId, user, host: `${address.replace(/^::ffff:/, '')}${port ? `:${port}` : ''}`, database: null, textCharset: this.textCharset, disconnect: () => this.close(), allowedDatabases: this.options.auth.allowedDatabases(user), ...this.tlsStatus() };
    this.session = await this.options.handler.openSession(this.state);
    if (database) {
      try {
        await this.session.useDatabase(database);
      } catch (err) {
        this.sendSqlError(err);
        return this.close();
      }
    }
    this.phase = ConnectionPhase.COMMAND;
    this.send(encodeOk());
  }

  private async onCommand(payload: Buffer): Promise<void> {
    const command = payload[0];
    const session = this.session!;
    this.sequenceId = 1;
    try {
      switch (command) {
        case Command.QUIT:
          return this.close();
        case Command.PING:
          return this.send(encodeOk());
        case Command.INIT_DB:
          await session.useDatabase(payload.toString('utf8', 1));
          return this.send(encodeOk());
        case Command.QUERY:
          return await this.onQuery(payload.toString('utf8', 1));
        case Command.FIELD_LIST: {
          const end = payload.indexOf(0, 1);
          const columns = await session.listFields(payload.toString('utf8', 1, end < 0 ? payload.length : end));
          for (const c of columns) this.send(encodeColumnDefinition(c, true));
          return this.send(encodeEof());
        }
        case Command.CHANGE_USER:
          return await this.onChangeUser(payload);
        case Command.STATISTICS: {
          const uptime = Math.floor((Date.now() - this.startedAt) / 1000);
          return this.send(Buffer.from(`Uptime: ${uptime}  Threads: 1  Questions: 0  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: 0.000`));
        }
        case Command.RESET_CONNECTION:
          await session.reset();
          this.statements.clear();
          return this.send(encodeOk());
        case Command.SET_OPTION: {
          // 0: multi-statements on, 1: off. The answer is an EOF packet.
          const option = payload.length >= 3 ? payload.readUInt16LE(1) : -1;
          if (option === 0) this.capabilities |= Capability.MULTI_STATEMENTS;
          else if (option === 1) this.capabilities &= ~Capability.MULTI_STATEMENTS;
          else return this.sendError('UNKNOWN_COM', `COM_SET_OPTION with unknown option ${option}`);
          return this.send(encodeEof());
        }
        case Command.STMT_PREPARE:
          return await this.onPrepare(payload.toString('utf8', 1));
        case Command.STMT_EXECUTE:
          return await this.onExecute(payload);
        case Command.STMT_SEND_LONG_DATA: {
          // No answer, by the protocol; the data joins the parameter's value for the next execute.
          if (payload.length < 7) return;
          const entry = this.statements.get(payload.readUInt32LE(1));
          const param = payload.readUInt16LE(5);
          if (!entry) return;
          const parts = entry.longData.get(param) ?? [];
          parts.push(Buffer.from(payload.subarray(7)));
          entry.longData.set(param, parts);
          return;
        }
        case Command.STMT_CLOSE: {
          // No answer, by the protocol.
          if (payload.length < 5) return;
          const id = payload.readUInt32LE(1);
          this.statements.delete(id);
          session.closeStatement(id);
          return;
        }
        case Command.STMT_RESET: {
          const entry = payload.length >= 5 ? this.statements.get(payload.readUInt32LE(1)) : undefined;
          if (!entry) return this.sendError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${payload.length >= 5 ? payload.readUInt32LE(1) : '?'}) given to mysqld_stmt_reset`);
          entry.longData.clear();
          return this.send(encodeOk());
        }
        default:
          return this.sendError('UNKNOWN_COM', `Unknown command ${command === undefined ? '(empty packet)' : '0x' + command.toString(16)}: not supported by instaquery yet`);
      }
    } catch (err) {
      this.sendSqlError(err);
    }
  }

  /**
   * COM_CHANGE_USER: the connection becomes another user's, with a fresh session (variables,
   * prepared statements and the current database reset). Authentication runs again through an
   * AuthSwitchRequest with a new challenge, in the account's plugin.
   */
  private async onChangeUser(payload: Buffer): Promise<void> {
    let pos = 1;
    const nul = (from: number) => {
      const end = payload.indexOf(0, from);
      return end < 0 ? payload.length : end;
    };
    const userEnd = nul(pos);
    const user = payload.toString('utf8', pos, userEnd);
    pos = userEnd + 1;
    if (this.capabilities & Capability.SECURE_CONNECTION) pos += 1 + (payload[pos] ?? 0);
    else pos = nul(pos) + 1;
    const dbEnd = nul(pos);
    const database = pos < payload.length ? payload.toString('utf8', pos, dbEnd) : '';
    pos = dbEnd + 1;
    if (pos + 2 <= payload.length) this.textCharset = utf8mb4Collation(payload.readUInt16LE(pos));
    const old = this.session;
    this.session = null;
    this.statements.clear();
    await old?.close().catch(() => undefined);
    this.pendingUser = { user, database: database || null };
    this.scramble = newScramble();
    this.authPlugin = this.options.auth.pluginOf(user);
    this.phase = ConnectionPhase.AUTH_SWITCH;
    this.send(encodeAuthSwitchRequest(this.scramble, this.authPlugin));
  }

  /** COM_QUERY, with several statements when the client enabled multi-statements. */
  private async onQuery(sql: string): Promise<void> {
    // Split what MySQL executes: a `;` inside a /*! … */ comment separates statements there.
    const statements = this.capabilities & Capability.MULTI_STATEMENTS ? splitStatements(executableText(sql)) : [sql];
    if (statements.length === 0) return this.sendError('EMPTY_QUERY', 'Query was empty');
    for (let i = 0; i < statements.length; i++) {
      const more = i < statements.length - 1;
      try {
        await this.observed(async () => this.sendResult(await this.session!.query(statements[i]!), false, more));
      } catch (err) {
        // MySQL stops at the first failing statement of a multi-statement query.
        return this.sendSqlError(err);
      }
    }
  }

  private async onPrepare(sql: string): Promise<void> {
    const info = await this.session!.prepare(sql);
    this.statements.set(info.id, { params: info.params, types: null, longData: new Map() });
    this.send(encodePrepareOk(info.id, info.columns.length, info.params));
    const deprecateEof = (this.capabilities & Capability.DEPRECATE_EOF) !== 0;
    if (info.params > 0) {
      for (let i = 0; i < info.params; i++) this.send(encodeColumnDefinition(textColumn('?')));
      if (!deprecateEof) this.send(encodeEof());
    }
    if (info.columns.length > 0) {
      for (const c of info.columns) this.send(encodeColumnDefinition(c));
      if (!deprecateEof) this.send(encodeEof());
    }
  }

  private async onExecute(payload: Buffer): Promise<void> {
    let request: ExecuteRequest;
    try {
      request = decodeExecute(
        payload,
        (id) => this.statements.get(id)?.params,
        (id) => this.statements.get(id)?.types ?? null,
        (id, param) => {
          const parts = this.statements.get(id)?.longData.get(param);
          return parts ? Buffer.concat(parts) : undefined;
        },
      );
    } catch (err) {
      if (err instanceof MalformedPacketError) return this.sendError('MALFORMED_PACKET', `Malformed communication packet: ${err.message}`);
      throw err;
    }
    const entry = this.statements.get(request.statementId);
    if (!entry) return this.sendError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${request.statementId}) given to mysqld_stmt_execute`);
    if (request.types) entry.types = request.types;
    entry.longData.clear();
    await this.observed(async () => this.sendResult(await this.session!.execute(request.statementId, request.values), true, false));
  }

  /** Runs one statement and its result, telling the observer its outcome (or error code) and time. */
  private async observed(run: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await run();
    } catch (err) {
      this.options.observe?.('error', (performance.now() - started) / 1000, err instanceof SqlError ? err.code : 1105);
      throw err;
    }
    this.options.observe?.(this.session!.outcome ?? 'local', (performance.now() - started) / 1000);
  }

  /**
   * Sends a result: OK, or column definitions and rows (text or binary protocol), streamed in
   * batches and paced by the socket, so a large result never piles up in memory. An error while
   * rows stream ends the result with an ERR packet, as MySQL does.
   */
  private async sendResult(result: QueryResult, binary: boolean, moreResults: boolean): Promise<void> {
    const status = ServerStatus.AUTOCOMMIT | (moreResults ? ServerStatus.MORE_RESULTS_EXISTS : 0);
    if (result.kind === 'ok') return this.send(encodeOk({ affectedRows: result.affectedRows ?? 0, info: result.info, status }));
    const deprecateEof = (this.capabilities & Capability.DEPRECATE_EOF) !== 0;
    const { columns } = result;
    this.send(encodeColumnCount(columns.length));
    for (const c of columns) this.send(encodeColumnDefinition(c));
    if (!deprecateEof) this.send(encodeEof());
    const encode = binary ? (row: TextValue[]) => encodeBinaryRow(columns, row) : encodeTextRow;
    const batches = Array.isArray(result.rows) ? [result.rows] : result.rows;
    for await (const batch of batches) {
      if (this.phase === ConnectionPhase.CLOSED) return;
      this.sendMany(batch.map(encode));
      await this.drained();
    }
    this.send(encodeResultsetEnd(deprecateEof, status));
  }

  /** Waits while the socket's buffer is full: the client reads slower than DuckDB produces. */
  private async drained(): Promise<void> {
    while (this.socket.writableNeedDrain && !this.socket.destroyed) {
      await Promise.race([once(this.socket, 'drain'), once(this.socket, 'close')]);
    }
  }

  private sendSqlError(err: unknown): void {
    if (err instanceof SqlError) return this.send(encodeErr(err.code, err.sqlState, err.message));
    this.options.log.error({ connectionId: this.options.connectionId, err: (err as Error).message }, 'query failed unexpectedly');
    this.sendError('UNKNOWN', (err as Error).message);
  }

  private sendError(kind: ErrorKind, message: string): void {
    this.send(encodeErr(ER[kind].code, ER[kind].state, message));
  }

  private send(payload: Buffer): void {
    if (this.phase === ConnectionPhase.CLOSED || this.socket.destroyed) return;
    const [frames, next] = framePacket(payload, this.sequenceId);
    this.sequenceId = next;
    for (const f of frames) this.socket.write(f);
  }

  /** Many packets in one socket write: a batch of rows costs one syscall, not one per row. */
  private sendMany(payloads: Buffer[]): void {
    if (this.phase === ConnectionPhase.CLOSED || this.socket.destroyed) return;
    if (payloads.some((p) => p.length >= MAX_PACKET_PAYLOAD)) {
      // A row of 16 MB or more is split into several packets: framed one by one.
      for (const p of payloads) this.send(p);
      return;
    }
    // Rows and their 4-byte headers, written into one buffer.
    let size = 0;
    for (const p of payloads) size += p.length + 4;
    const out = Buffer.allocUnsafe(size);
    let pos = 0;
    for (const payload of payloads) {
      out.writeUIntLE(payload.length, pos, 3);
      out[pos + 3] = this.sequenceId;
      this.sequenceId = (this.sequenceId + 1) & 0xff;
      payload.copy(out, pos + 4);
      pos += payload.length + 4;
    }
    this.socket.write(out);
  }

  close(): void {
    if (this.phase === ConnectionPhase.CLOSED) return;
    this.phase = ConnectionPhase.CLOSED;
    this.socket.end();
    this.socket.destroySoon?.();
    const session = this.session;
    this.session = null;
    if (!session) return;
    // A command may still be inside DuckDB: cancel it, and close the session's connection only
    // once the command has returned (closing a DuckDB connection under a running query stalls
    // every later connect).
    session.interrupt();
    void this.work.catch(() => undefined).finally(() => session.close().catch(() => undefined));
  }
}
