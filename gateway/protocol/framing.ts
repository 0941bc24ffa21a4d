// Packet framing: 3-byte length + 1-byte sequence id. Payloads of 2^24-1 bytes or more are split
// and joined (https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html).
import { MAX_PACKET_PAYLOAD } from './constants.ts';

export interface Packet {
  sequenceId: number;
  payload: Buffer;
}

/** Collects socket chunks and yields whole logical packets; refuses ones over `maxPayload`. */
export class PacketReader {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private pieces: Buffer[] = [];
  private piecesBytes = 0;

  constructor(private readonly maxPayload: number) {}

  /**
   * Returns the packets completed by this chunk. Throws PacketTooLargeError. `firstOnly` stops
   * after one packet and keeps the rest buffered (see `drain`): after an SSLRequest the bytes
   * that follow are TLS, not packets.
   */
  push(chunk: Buffer, firstOnly = false): Packet[] {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    const out: Packet[] = [];
    let data = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered, this.bufferedBytes);
    let pos = 0;
    while (data.length - pos >= 4) {
      const length = data.readUIntLE(pos, 3);
      const sequenceId = data[pos + 3]!;
      if (this.piecesBytes + length > this.maxPayload) throw new PacketTooLargeError(this.piecesBytes + length, this.maxPayload);
      if (data.length - pos - 4 < length) break;
      const piece = data.subarray(pos + 4, pos + 4 + length);
      pos += 4 + length;
      if (length === MAX_PACKET_PAYLOAD) {
        this.pieces.push(Buffer.from(piece));
        this.piecesBytes += length;
        continue;
      }
      const payload = this.pieces.length === 0 ? Buffer.from(piece) : Buffer.concat([...this.pieces, piece]);
      this.pieces = [];
      this.piecesBytes = 0;
      out.push({ sequenceId, payload });
      if (firstOnly) break;
    }
    data = data.subarray(pos);
    this.buffered = data.length > 0 ? [data] : [];
    this.bufferedBytes = data.length;
    return out;
  }

  /** Takes the bytes buffered after the last packet. */
  drain(): Buffer {
    const rest = Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    return rest;
  }
}

export class PacketTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Got a packet bigger than 'max_allowed_packet' bytes (${size} > ${limit})`);
  }
}

/** Frames `payload` starting at `sequenceId`; returns the frames and the next sequence id. */
export function framePacket(payload: Buffer, sequenceId: number): [Buffer[], number] {
  const frames: Buffer[] = [];
  let seq = sequenceId;
  let pos = 0;
  for (;;) {
    const length = Math.min(MAX_PACKET_PAYLOAD, payload.length - pos);
    const header = Buffer.alloc(4);
    header.writeUIntLE(length, 0, 3);
    header[3] = seq & 0xff;
    frames.push(header, payload.subarray(pos, pos + length));
    seq = (seq + 1) & 0xff;
    pos += length;
    // A payload that is an exact multiple of 2^24-1 ends with an empty frame.
    if (length < MAX_PACKET_PAYLOAD) break;
  }
  return [frames, seq];
}
