// A minimal raw MySQL client (mysql_native_password), for commands mysql2 does not send:
// COM_FIELD_LIST, COM_INIT_DB, and a login that names an arbitrary database.
import { createHash } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import type { Outcome } from './outcome.ts';
import type { SecurityEnv, Who } from './security-env.ts';

function frame(payload: Buffer, seq: number): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(payload.length, 0, 3);
  header[3] = seq & 0xff;
  return Buffer.concat([header, payload]);
}

class PacketReader {
  private buf = Buffer.alloc(0);
  private waiters: ((p: Buffer | null) => void)[] = [];
  private ended = false;
  constructor(socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.pump();
    });
    const end = () => {
      this.ended = true;
      this.pump();
    };
    socket.on('close', end);
    socket.on('error', end);
  }
  private pump() {
    while (this.waiters.length) {
      if (this.buf.length >= 4) {
        const len = this.buf.readUIntLE(0, 3);
        if (this.buf.length >= 4 + len) {
          const p = this.buf.subarray(4, 4 + len);
          this.buf = this.buf.subarray(4 + len);
          this.waiters.shift()!(Buffer.from(p));
          continue;
        }
      }
      if (this.ended) this.waiters.shift()!(null);
      else return;
    }
  }
  next(timeoutMs = 10_000): Promise<Buffer | null> {
    return new Promise((resolve) => {
      const waiter = (p: Buffer | null) => {
        clearTimeout(timer);
        resolve(p);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiters.push(waiter);
      this.pump();
    });
  }
}

function nativeScramble(password: string, salt: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const sha1 = (b: Buffer) => createHash('sha1').update(b).digest();
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const mix = sha1(Buffer.concat([salt, stage2]));
  return Buffer.from(stage1.map((b, i) => b ^ mix[i]!));
}

const errorOf = (p: Buffer) => ({ errno: p.readUInt16LE(1), sqlState: p[3] === 0x23 ? p.subarray(4, 9).toString() : undefined, message: p.subarray(p[3] === 0x23 ? 9 : 3).toString('utf8') });

/** Logs in over a raw socket; resolves with the socket and reader, or with the login's error. */
export async function rawLogin(env: SecurityEnv, who: Who, database: string | null = env.allowedDb): Promise<{ socket: Socket; reader: PacketReader } | { error: { errno: number; sqlState?: string; message: string } }> {
  const socket = netConnect(env.port, '127.0.0.1');
  socket.on('error', () => undefined);
  const reader = new PacketReader(socket);
  const greeting = await reader.next();
  if (!greeting) throw new Error('no handshake from the gateway');
  let o = 1;
  o = greeting.indexOf(0, o) + 1; // server version
  o += 4; // connection id
  const salt1 = greeting.subarray(o, o + 8);
  o += 9; // salt part 1 + filler
  o += 2 + 1 + 2 + 2; // capabilities (low), charset, status, capabilities (high)
  const authLen = greeting[o]!;
  o += 1 + 10;
  const salt2 = greeting.subarray(o, o + Math.max(13, authLen - 8) - 1);
  const salt = Buffer.concat([salt1, salt2]);
  const { user, password } = env.users[who];
  const CLIENT_LONG_PASSWORD = 1, CLIENT_CONNECT_WITH_DB = 8, CLIENT_PROTOCOL_41 = 0x200, CLIENT_SECURE_CONNECTION = 0x8000, CLIENT_PLUGIN_AUTH = 0x80000;
  const caps = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | CLIENT_PLUGIN_AUTH | (database ? CLIENT_CONNECT_WITH_DB : 0);
  const head = Buffer.alloc(32);
  head.writeUInt32LE(caps, 0);
  head.writeUInt32LE(1 << 24, 4);
  head[8] = 45; // utf8mb4_general_ci
  const auth = nativeScramble(password, salt);
  const payload = Buffer.concat([head, Buffer.from(`${user}\0`), Buffer.from([auth.length]), auth, database ? Buffer.from(`${database}\0`) : Buffer.alloc(0), Buffer.from('mysql_native_password\0')]);
  socket.write(frame(payload, 1));
  let reply = await reader.next();
  if (reply && reply[0] === 0xfe && reply.length > 1) {
    // Auth switch: the server names a plugin and a fresh salt.
    const nul = reply.indexOf(0, 1);
    const fresh = reply.subarray(nul + 1, reply.length - (reply.at(-1) === 0 ? 1 : 0));
    socket.write(frame(nativeScramble(password, fresh), 3));
    reply = await reader.next();
  }
  if (!reply) {
    socket.destroy();
    return { error: { errno: 0, message: 'connection closed during login' } };
  }
  if (reply[0] === 0xff) {
    socket.destroy();
    return { error: errorOf(reply) };
  }
  return { socket, reader };
}

/** Logs in and sends one command; collects every packet of the answer. */
export async function rawCommand(env: SecurityEnv, who: Who, command: number, body: Buffer, database: string | null = env.allowedDb): Promise<Outcome> {
  const login = await rawLogin(env, who, database);
  if ('error' in login) return { kind: 'error', error: login.error, rowCount: 0, text: login.error.message, warnings: '' };
  const { socket, reader } = login;
  try {
    socket.write(frame(Buffer.concat([Buffer.from([command]), body]), 0));
    const packets: Buffer[] = [];
    for (;;) {
      const p = await reader.next(5000);
      if (!p) return { kind: packets.length ? 'rows' : 'dropped', rowCount: packets.length, text: packets.map((b) => b.toString('utf8')).join('\n'), warnings: '' };
      if (p[0] === 0xff) {
        const error = errorOf(p);
        return { kind: 'error', error, rowCount: 0, text: [...packets.map((b) => b.toString('utf8')), error.message].join('\n'), warnings: '' };
      }
      if (p[0] === 0x00 && packets.length === 0) return { kind: 'ok', rowCount: 0, text: p.toString('utf8'), warnings: '' };
      if (p[0] === 0xfe && p.length < 9) return { kind: 'rows', rowCount: packets.length, text: packets.map((b) => b.toString('utf8')).join('\n'), warnings: '' };
      packets.push(p);
    }
  } finally {
    socket.destroy();
  }
}
