// The command phase of a connection: each command packet (COM_QUERY, the prepared statement
// commands, COM_CHANGE_USER, …) taken apart and answered through the session. SQL goes through
// the QuerySession; this part knows packets.
import { Capability, Command, utf8mb4Collation } from './protocol/constants.ts';
import { encodeColumnDefinition, encodeEof, encodeOk } from './protocol/result-packets.ts';
import { MalformedPacketError, decodeExecute, type ExecuteRequest } from './protocol/binary-protocol.ts';
import { executableText, splitStatements } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';
import type { ConnectionOptions, ConnectionState } from './connection-state.ts';
import type { ConnectionAuth } from './connection-auth.ts';
import type { PacketOutput } from './packet-output.ts';
import { sendPrepareOk, sendResult } from './result-encoding.ts';

export class ConnectionCommands {
  /** Per prepared statement: its parameter count, last bound types and long data sent so far. */
  private readonly statements = new Map<number, { params: number; types: ExecuteRequest['types']; longData: Map<number, Buffer[]> }>();
  private readonly startedAt = Date.now();

  constructor(
    private readonly options: ConnectionOptions,
    private readonly state: ConnectionState,
    private readonly out: PacketOutput,
    private readonly auth: ConnectionAuth,
    private readonly close: () => void,
  ) {}

  private get deprecateEof(): boolean {
    return (this.state.capabilities & Capability.DEPRECATE_EOF) !== 0;
  }

  async onCommand(payload: Buffer): Promise<void> {
    const command = payload[0];
    const session = this.state.session!;
    this.out.sequenceId = 1;
    try {
      switch (command) {
        case Command.QUIT:
          return this.close();
        case Command.PING:
          return this.out.send(encodeOk());
        case Command.INIT_DB:
          await session.useDatabase(payload.toString('utf8', 1));
          return this.out.send(encodeOk());
        case Command.QUERY:
          return await this.onQuery(payload.toString('utf8', 1));
        case Command.FIELD_LIST: {
          const end = payload.indexOf(0, 1);
          const columns = await session.listFields(payload.toString('utf8', 1, end < 0 ? payload.length : end));
          for (const c of columns) this.out.send(encodeColumnDefinition(c, true, this.out.extendedMetadata));
          return this.out.send(encodeEof());
        }
        case Command.CHANGE_USER:
          return await this.onChangeUser(payload);
        case Command.STATISTICS: {
          const uptime = Math.floor((Date.now() - this.startedAt) / 1000);
          return this.out.send(Buffer.from(`Uptime: ${uptime}  Threads: 1  Questions: 0  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: 0.000`));
        }
        case Command.RESET_CONNECTION:
          await session.reset();
          this.statements.clear();
          return this.out.send(encodeOk());
        case Command.SET_OPTION: {
          // 0: multi-statements on, 1: off. The answer is an EOF packet.
          const option = payload.length >= 3 ? payload.readUInt16LE(1) : -1;
          if (option === 0) this.state.capabilities |= Capability.MULTI_STATEMENTS;
          else if (option === 1) this.state.capabilities &= ~Capability.MULTI_STATEMENTS;
          else return this.out.sendError('UNKNOWN_COM', `COM_SET_OPTION with unknown option ${option}`);
          return this.out.send(encodeEof());
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
          if (!entry) return this.out.sendError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${payload.length >= 5 ? payload.readUInt32LE(1) : '?'}) given to mysqld_stmt_reset`);
          entry.longData.clear();
          return this.out.send(encodeOk());
        }
        default:
          return this.out.sendError('UNKNOWN_COM', `Unknown command ${command === undefined ? '(empty packet)' : '0x' + command.toString(16)}: not supported by instaquery yet`);
      }
    } catch (err) {
      this.out.sendSqlError(err);
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
    if (this.state.capabilities & Capability.SECURE_CONNECTION) pos += 1 + (payload[pos] ?? 0);
    else pos = nul(pos) + 1;
    const dbEnd = nul(pos);
    const database = pos < payload.length ? payload.toString('utf8', pos, dbEnd) : '';
    pos = dbEnd + 1;
    if (pos + 2 <= payload.length) this.state.textCharset = utf8mb4Collation(payload.readUInt16LE(pos));
    const old = this.state.session;
    this.state.session = null;
    this.statements.clear();
    await old?.close().catch(() => undefined);
    this.auth.restart(user, database || null);
  }

  /** COM_QUERY, with several statements when the client enabled multi-statements. */
  private async onQuery(sql: string): Promise<void> {
    // Split what MySQL executes: a `;` inside a /*! … */ comment separates statements there.
    const statements = this.state.capabilities & Capability.MULTI_STATEMENTS ? splitStatements(executableText(sql)) : [sql];
    if (statements.length === 0) return this.out.sendError('EMPTY_QUERY', 'Query was empty');
    for (let i = 0; i < statements.length; i++) {
      const more = i < statements.length - 1;
      try {
        await this.observed(async () => sendResult(this.out, await this.state.session!.query(statements[i]!), false, more, this.deprecateEof));
      } catch (err) {
        // MySQL stops at the first failing statement of a multi-statement query.
        return this.out.sendSqlError(err);
      }
    }
  }

  private async onPrepare(sql: string): Promise<void> {
    const info = await this.state.session!.prepare(sql);
    this.statements.set(info.id, { params: info.params, types: null, longData: new Map() });
    sendPrepareOk(this.out, info, this.deprecateEof);
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
      if (err instanceof MalformedPacketError) return this.out.sendError('MALFORMED_PACKET', `Malformed communication packet: ${err.message}`);
      throw err;
    }
    const entry = this.statements.get(request.statementId);
    if (!entry) return this.out.sendError('UNKNOWN_STMT_HANDLER', `Unknown prepared statement handler (${request.statementId}) given to mysqld_stmt_execute`);
    if (request.types) entry.types = request.types;
    entry.longData.clear();
    await this.observed(async () => sendResult(this.out, await this.state.session!.execute(request.statementId, request.values), true, false, this.deprecateEof));
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
    this.options.observe?.(this.state.session!.outcome ?? 'local', (performance.now() - started) / 1000);
  }
}
