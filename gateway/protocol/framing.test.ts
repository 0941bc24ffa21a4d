import { describe, expect, it } from 'vitest';
import { PacketReader, PacketTooLargeError, framePacket } from './framing.ts';
import { MAX_PACKET_PAYLOAD } from './constants.ts';

const frame = (payload: Buffer, seq: number): Buffer => Buffer.concat(framePacket(payload, seq)[0]);

describe('framePacket', () => {
  it('writes a 3-byte little-endian length and the sequence id', () => {
    const [frames, next] = framePacket(Buffer.from('abc'), 7);
    expect(next).toBe(8);
    expect([...Buffer.concat(frames)]).toEqual([3, 0, 0, 7, 0x61, 0x62, 0x63]);
  });

  it('frames an empty payload as a bare header', () => {
    const [frames, next] = framePacket(Buffer.alloc(0), 0);
    expect([...Buffer.concat(frames)]).toEqual([0, 0, 0, 0]);
    expect(next).toBe(1);
  });

  it('wraps the sequence id at 255', () => {
    const [frames, next] = framePacket(Buffer.from([1]), 255);
    expect(Buffer.concat(frames)[3]).toBe(255);
    expect(next).toBe(0);
  });

  it('ends a payload of exactly 0xffffff bytes with an empty frame', () => {
    const payload = Buffer.alloc(MAX_PACKET_PAYLOAD, 0x5a);
    const [frames, next] = framePacket(payload, 3);
    const headers = frames.filter((_, i) => i % 2 === 0).map((h) => [h.readUIntLE(0, 3), h[3]]);
    expect(headers).toEqual([
      [MAX_PACKET_PAYLOAD, 3],
      [0, 4],
    ]);
    expect(next).toBe(5);
  });

  it('splits a 16MB+ payload into full frames and a remainder, wrapping sequence ids', () => {
    const payload = Buffer.alloc(2 * MAX_PACKET_PAYLOAD + 10);
    const [frames, next] = framePacket(payload, 254);
    const headers = frames.filter((_, i) => i % 2 === 0).map((h) => [h.readUIntLE(0, 3), h[3]]);
    expect(headers).toEqual([
      [MAX_PACKET_PAYLOAD, 254],
      [MAX_PACKET_PAYLOAD, 255],
      [10, 0],
    ]);
    expect(next).toBe(1);
  });
});

describe('PacketReader', () => {
  it('joins a packet fed one byte at a time', () => {
    const reader = new PacketReader(1024);
    const bytes = Buffer.concat([frame(Buffer.from('hello'), 0), frame(Buffer.from('world!'), 1)]);
    const got: { sequenceId: number; payload: string }[] = [];
    const completedAt: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      for (const p of reader.push(bytes.subarray(i, i + 1))) {
        got.push({ sequenceId: p.sequenceId, payload: p.payload.toString() });
        completedAt.push(i);
      }
    }
    expect(got).toEqual([
      { sequenceId: 0, payload: 'hello' },
      { sequenceId: 1, payload: 'world!' },
    ]);
    // each packet completes exactly on its last byte
    expect(completedAt).toEqual([8, bytes.length - 1]);
  });

  it.each([1, 2, 3, 4, 5, 7, 11])('joins packets split into chunks of %i bytes', (size) => {
    const payloads = ['', 'a', 'bc', 'x'.repeat(300)];
    const bytes = Buffer.concat(payloads.map((p, i) => frame(Buffer.from(p), i)));
    const reader = new PacketReader(1024);
    const got: string[] = [];
    for (let i = 0; i < bytes.length; i += size) for (const p of reader.push(bytes.subarray(i, i + size))) got.push(p.payload.toString());
    expect(got).toEqual(payloads);
  });

  it('returns several packets from one chunk and keeps a trailing partial one', () => {
    const reader = new PacketReader(1024);
    const third = frame(Buffer.from('third'), 2);
    const chunk = Buffer.concat([frame(Buffer.from('one'), 0), frame(Buffer.from('two'), 1), third.subarray(0, 6)]);
    expect(reader.push(chunk).map((p) => [p.sequenceId, p.payload.toString()])).toEqual([
      [0, 'one'],
      [1, 'two'],
    ]);
    expect(reader.push(third.subarray(6)).map((p) => [p.sequenceId, p.payload.toString()])).toEqual([[2, 'third']]);
  });

  it('returns an empty payload for an empty frame', () => {
    const got = new PacketReader(10).push(Buffer.from([0, 0, 0, 9]));
    expect(got).toHaveLength(1);
    expect(got[0]!.sequenceId).toBe(9);
    expect(got[0]!.payload.length).toBe(0);
  });

  it.each([
    ['exactly 0xffffff bytes', MAX_PACKET_PAYLOAD],
    ['more than 16MB', 2 * MAX_PACKET_PAYLOAD + 10],
  ])('re-joins a payload of %s that framePacket split', (_name, size) => {
    const payload = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4096) payload[i] = (i / 4096) & 0xff;
    payload[size - 1] = 0x7e;
    const [frames, next] = framePacket(payload, 250);
    const reader = new PacketReader(64 * 1024 * 1024);
    const got = frames.flatMap((f) => reader.push(f));
    expect(got).toHaveLength(1);
    expect(got[0]!.payload.equals(payload)).toBe(true);
    // the logical packet carries the last frame's id, so the reply follows it
    expect((got[0]!.sequenceId + 1) & 0xff).toBe(next);
  });

  it('refuses an oversized packet as soon as its header arrives', () => {
    const reader = new PacketReader(100);
    const header = Buffer.from([101, 0, 0, 0]);
    let error: unknown;
    try {
      reader.push(header);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PacketTooLargeError);
    expect((error as PacketTooLargeError).size).toBe(101);
    expect((error as PacketTooLargeError).limit).toBe(100);
  });

  it('accepts a packet of exactly maxPayload bytes', () => {
    const got = new PacketReader(100).push(frame(Buffer.alloc(100, 1), 0));
    expect(got[0]!.payload.length).toBe(100);
  });

  it('counts the frames already joined against maxPayload', () => {
    const reader = new PacketReader(MAX_PACKET_PAYLOAD + 5);
    const [frames] = framePacket(Buffer.alloc(MAX_PACKET_PAYLOAD + 6), 0);
    expect(reader.push(Buffer.concat(frames.slice(0, 2)))).toEqual([]);
    // header of the second frame announces 6 more bytes: over the limit before the body comes
    expect(() => reader.push(frames[2]!)).toThrow(PacketTooLargeError);
  });
});
