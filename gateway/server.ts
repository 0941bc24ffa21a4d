// The gateway's TCP listener: one ClientConnection per socket.
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../core/index.ts';
import { UserFacingError } from '../core/index.ts';
import { ClientConnection, type ConnectionOptions, type StatementObserver } from './connection.ts';
import { createAuthenticator, type GatewayUser } from './auth.ts';
import { gatewayTlsContext, type TlsOptions } from './tls.ts';
import { Sha2RsaKeys } from './protocol/caching-sha2.ts';
import type { QueryHandler } from './result-set.ts';

/** The version the gateway presents when the store has no source server recorded (system-variables.ts). */
export const SERVER_VERSION = '8.0.36-instaquery';

export interface GatewayOptions {
  host: string;
  port: number;
  users: GatewayUser[];
  maxAllowedPacket?: number;
  /** TLS offered to clients: a certificate and key, or generated; `enabled: false` offers none. */
  tls?: TlsOptions & { enabled?: boolean };
  observe?: StatementObserver;
}

export class Gateway {
  private server: Server | null = null;
  private nextConnectionId = 1;
  private readonly sockets = new Set<Socket>();
  readonly openRootOnLoopback: boolean;

  /** Client connections open now. */
  get connectionCount(): number {
    return this.sockets.size;
  }

  constructor(
    private readonly options: GatewayOptions,
    private readonly handler: QueryHandler,
    private readonly log: Logger,
  ) {
    this.openRootOnLoopback = options.users.length === 0;
  }

  async listen(): Promise<{ host: string; port: number }> {
    const auth = createAuthenticator(this.options.users);
    const rsa = new Sha2RsaKeys();
    const tls = this.options.tls?.enabled === false ? null : await gatewayTlsContext(this.options.tls ?? {});
    const server = createServer((socket) => void this.accept(socket, auth, rsa, tls));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) => {
        const where = `${this.options.host}:${this.options.port}`;
        if (err.code === 'EADDRINUSE') reject(new UserFacingError(`the gateway port ${where} is already in use`, 'stop whatever listens there, or set gateway.port in the config to a free port'));
        else if (err.code === 'EACCES') reject(new UserFacingError(`not allowed to listen on ${where}`, 'pick a port above 1024 in gateway.port'));
        else reject(new UserFacingError(`the gateway cannot listen on ${where}: ${err.message}`));
      });
      server.listen(this.options.port, this.options.host, () => resolve());
    });
    this.server = server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : this.options.port;
    return { host: this.options.host, port };
  }

  /**
   * One client: its handshake names the source's server version (read from the store, so a
   * connection made while the store opens waits for it, as its session would).
   */
  private async accept(socket: Socket, auth: ReturnType<typeof createAuthenticator>, rsa: Sha2RsaKeys, tls: ConnectionOptions['tls']): Promise<void> {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    // Until the connection takes the socket over: a client gone meanwhile must not crash the process.
    socket.on('error', () => undefined);
    const connectionId = this.nextConnectionId++;
    const serverVersion = (await this.handler.handshakeVersion?.().catch(() => SERVER_VERSION)) ?? SERVER_VERSION;
    if (socket.destroyed) return;
    new ClientConnection(socket, {
      connectionId,
      serverVersion,
      maxAllowedPacket: this.options.maxAllowedPacket ?? 64 * 1024 * 1024,
      auth,
      rsa,
      tls,
      handler: this.handler,
      log: this.log,
      ...(this.options.observe ? { observe: this.options.observe } : {}),
    });
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
