// One client connection: handshake, authentication, then the command loop. It knows packets and
// connection state; SQL goes through the QueryHandler.
import type { Socket } from 'node:net';
import type { Logger } from '../runtime/logger.ts';
import { Command, SERVER_CAPABILITIES } from './protocol/constants.ts';
import { PacketReader, PacketTooLargeError, framePacket, type Packet } from './protocol/framing.ts';
import { NATIVE_PASSWORD, decodeHandshakeResponse41, encodeAuthSwitchRequest, encodeHandshakeV10, newScramble } from './protocol/handshake.ts';
import { encodeColumnCount, encodeColumnDefinition, encodeEof, encodeErr, encodeOk, encodeTextRow } from './protocol/result-packets.ts';
import { ER, SqlError, type ErrorKind } from './sql-errors.ts';
import type { Authenticator } from './auth.ts';
import type { QueryHandler, QueryResult, QuerySession, SessionState } from './result-set.ts';

export const ConnectionPhase = {
  HANDSHAKE: 'handshake',
  AUTH_SWITCH: 'auth-switch',
  COMMAND: 'command',
  CLOSED: 'closed',
} as const;
export type ConnectionPhase = (typeof ConnectionPhase)[keyof typeof ConnectionPhase];

export interface ConnectionOptions {
  connectionId: number;
  serverVersion: string;
  maxAllowedPacket: number;
  auth: Authenticator;
  handler: QueryHandler;
  log: Logger;
}

export class ClientConnection {
  private phase: ConnectionPhase = ConnectionPhase.HANDSHAKE;
  private readonly reader: PacketReader;
  private readonly scramble = newScramble();
  private sequenceId = 0;
  private session: QuerySession | null = null;
  private state: SessionState | null = null;
  private pendingUser: { user: string; database: string | null } | null = null;
  /** Commands run one at a time, in arrival order. */
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.reader = new PacketReader(options.maxAllowedPacket);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
    this.send(encodeHandshakeV10({ serverVersion: options.serverVersion, connectionId: options.connectionId, scramble: this.scramble, capabilities: SERVER_CAPABILITIES }));
  }

  private onData(chunk: Buffer): void {
    let packets: Packet[];
    try {
      packets = this.reader.push(chunk);
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
    if (this.phase === ConnectionPhase.AUTH_SWITCH) return this.finishAuth(p.payload);
    return this.onCommand(p.payload);
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
    this.pendingUser = { user: response.user, database: response.database };
    if (response.authPlugin && response.authPlugin !== NATIVE_PASSWORD) {
      this.phase = ConnectionPhase.AUTH_SWITCH;
      this.send(encodeAuthSwitchRequest(this.scramble));
      return;
    }
    return this.finishAuth(response.authResponse);
  }

  private async finishAuth(token: Buffer): Promise<void> {
    const { user, database } = this.pendingUser!;
    const address = this.socket.remoteAddress ?? '';
    const refusal = this.options.auth.check(user, token, this.scramble, address);
    if (refusal) {
      this.sendError('ACCESS_DENIED', `Access denied for user '${user}'@'${address.replace(/^::ffff:/, '')}' (${refusal})`);
      return this.close();
    }
    this.state = { connectionId: this.options.connectionId, user, database: null };
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
    switch (command) {
      case Command.QUIT:
        return this.close();
      case Command.PING:
        return this.send(encodeOk());
      case Command.INIT_DB:
        try {
          await session.useDatabase(payload.toString('utf8', 1));
          return this.send(encodeOk());
        } catch (err) {
          return this.sendSqlError(err);
        }
      case Command.QUERY: {
        const sql = payload.toString('utf8', 1);
        try {
          this.sendResult(await session.query(sql));
        } catch (err) {
          this.sendSqlError(err);
        }
        return;
      }
      default:
        return this.sendError('UNKNOWN_COM', `Unknown command ${command === undefined ? '(empty packet)' : '0x' + command.toString(16)}: not supported by instaquery yet`);
    }
  }

  private sendResult(result: QueryResult): void {
    if (result.kind === 'ok') return this.send(encodeOk({ affectedRows: result.affectedRows ?? 0, info: result.info }));
    this.send(encodeColumnCount(result.columns.length));
    for (const c of result.columns) this.send(encodeColumnDefinition(c));
    this.send(encodeEof());
    for (const row of result.rows) this.send(encodeTextRow(row));
    this.send(encodeEof());
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

  close(): void {
    if (this.phase === ConnectionPhase.CLOSED) return;
    this.phase = ConnectionPhase.CLOSED;
    this.socket.end();
    this.socket.destroySoon?.();
    const session = this.session;
    this.session = null;
    void session?.close().catch(() => undefined);
  }
}
