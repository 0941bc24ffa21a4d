// One client connection: handshake, authentication, then the command loop. It knows packets and
// connection state; SQL goes through the QueryHandler. Authentication is connection-auth.ts, the
// commands connection-commands.ts; this file reads the packets and hands each to its phase.
import type { Socket } from 'node:net';
import { upgradeToTls } from './tls.ts';
import { Capability, Charset } from './protocol/constants.ts';
import { PacketReader, PacketTooLargeError, type Packet } from './protocol/framing.ts';
import { ConnectionAuth } from './connection-auth.ts';
import { ConnectionCommands } from './connection-commands.ts';
import { ConnectionPhase, type ConnectionOptions, type ConnectionState } from './connection-state.ts';
import { PacketOutput } from './packet-output.ts';

export { ConnectionPhase, type ConnectionOptions, type StatementObserver } from './connection-state.ts';

export class ClientConnection {
  private readonly state: ConnectionState = { phase: ConnectionPhase.HANDSHAKE, capabilities: 0, textCharset: Charset.UTF8MB4_GENERAL_CI, session: null, secure: false };
  private readonly reader: PacketReader;
  /** Commands run one at a time, in arrival order. */
  private work: Promise<void> = Promise.resolve();
  private readonly out: PacketOutput;
  private readonly auth: ConnectionAuth;
  private readonly commands: ConnectionCommands;

  constructor(
    private readonly raw: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.out = new PacketOutput(raw, () => this.state.phase === ConnectionPhase.CLOSED, options);
    this.reader = new PacketReader(options.maxAllowedPacket);
    raw.setNoDelay(true);
    raw.on('data', (chunk: Buffer) => this.onData(chunk));
    raw.on('error', () => this.close());
    raw.on('close', () => this.close());
    this.auth = new ConnectionAuth(raw, options, this.state, this.out, () => this.close());
    this.commands = new ConnectionCommands(options, this.state, this.out, this.auth, () => this.close());
    this.auth.sendHandshake();
  }

  private onData(chunk: Buffer): void {
    let packets: Packet[];
    try {
      // Before TLS starts, read one packet at a time: what follows an SSLRequest is TLS.
      const beforeTls = this.state.phase === ConnectionPhase.HANDSHAKE && !this.state.secure && this.options.tls;
      packets = this.reader.push(chunk, Boolean(beforeTls));
      if (beforeTls && packets.length === 1 && packets[0]!.payload.length === 32 && packets[0]!.payload.readUInt32LE(0) & Capability.SSL) {
        this.startTls(packets[0]!.sequenceId);
        return;
      }
      // Not an SSLRequest: whatever else came in this chunk is plain packets after all.
      if (beforeTls) packets.push(...this.reader.push(Buffer.alloc(0)));
    } catch (err) {
      if (err instanceof PacketTooLargeError) {
        this.out.sequenceId = 1;
        this.out.sendError('NET_PACKET_TOO_LARGE', err.message);
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
    const phase = this.state.phase;
    if (phase === ConnectionPhase.CLOSED) return;
    this.out.sequenceId = (p.sequenceId + 1) & 0xff;
    if (phase === ConnectionPhase.HANDSHAKE) return this.auth.onHandshakeResponse(p.payload);
    if (phase === ConnectionPhase.AUTH_SWITCH) return this.auth.onAuthToken(p.payload);
    if (phase === ConnectionPhase.SHA2_FULL) return this.auth.onSha2Full(p.payload);
    if (phase === ConnectionPhase.SHA2_RSA) return this.auth.onRsaPassword(p.payload);
    return this.commands.onCommand(p.payload);
  }

  /** SSLRequest received: the rest of the handshake runs over TLS on the same socket. */
  private startTls(sslRequestSequence: number): void {
    const secure = upgradeToTls(this.raw, this.options.tls!, this.reader.drain());
    secure.on('data', (chunk: Buffer) => this.onData(chunk));
    secure.on('error', () => this.close());
    secure.on('close', () => this.close());
    this.out.socket = secure;
    this.state.secure = true;
    this.out.sequenceId = (sslRequestSequence + 1) & 0xff;
  }

  close(): void {
    if (this.state.phase === ConnectionPhase.CLOSED) return;
    this.state.phase = ConnectionPhase.CLOSED;
    this.out.socket.end();
    this.out.socket.destroySoon?.();
    const session = this.state.session;
    this.state.session = null;
    if (!session) return;
    // A command may still be inside DuckDB: cancel it, and close the session's connection only
    // once the command has returned (closing a DuckDB connection under a running query stalls
    // every later connect).
    session.interrupt();
    void this.work.catch(() => undefined).finally(() => session.close().catch(() => undefined));
  }
}
