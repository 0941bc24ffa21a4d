// Packets to the client: framed with the connection's sequence ids, a batch of rows in one socket
// write, errors as ERR packets, and the socket's back-pressure for results that stream.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { once } from 'node:events';
import type { Logger } from '../core/index.ts';
import { MAX_PACKET_PAYLOAD } from './protocol/constants.ts';
import { framePacket } from './protocol/framing.ts';
import { encodeErr } from './protocol/result-packets.ts';
import { ER, SqlError, type ErrorKind } from './sql-errors.ts';

export class PacketOutput {
  /** The next packet's sequence id. */
  sequenceId = 0;
  /** The client negotiated MariaDB's extended column metadata (column definitions carry it). */
  extendedMetadata = false;

  constructor(
    /** The socket packets travel on: the client's, or TLS over it after an SSLRequest. */
    public socket: Socket | TLSSocket,
    /** The connection was closed: nothing more is sent. */
    readonly closed: () => boolean,
    private readonly options: { connectionId: number; log: Logger },
  ) {}

  send(payload: Buffer): void {
    if (this.closed() || this.socket.destroyed) return;
    const [frames, next] = framePacket(payload, this.sequenceId);
    this.sequenceId = next;
    for (const f of frames) this.socket.write(f);
  }

  /** Many packets in one socket write: a batch of rows costs one syscall, not one per row. */
  sendMany(payloads: Buffer[]): void {
    if (this.closed() || this.socket.destroyed) return;
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

  sendSqlError(err: unknown): void {
    if (err instanceof SqlError) {
      // DuckDB's own words stay in the log: the client gets MySQL's (duckdb-errors.ts).
      if (err.cause) this.options.log.warn({ connectionId: this.options.connectionId, code: err.code, cause: (err.cause as Error).message ?? String(err.cause) }, 'statement failed in DuckDB');
      return this.send(encodeErr(err.code, err.sqlState, err.message));
    }
    this.options.log.error({ connectionId: this.options.connectionId, err: (err as Error).message }, 'query failed unexpectedly');
    this.sendError('UNKNOWN', (err as Error).message);
  }

  sendError(kind: ErrorKind, message: string): void {
    this.send(encodeErr(ER[kind].code, ER[kind].state, message));
  }

  /** Waits while the socket's buffer is full: the client reads slower than DuckDB produces. */
  async drained(): Promise<void> {
    while (this.socket.writableNeedDrain && !this.socket.destroyed) {
      await Promise.race([once(this.socket, 'drain'), once(this.socket, 'close')]);
    }
  }
}
