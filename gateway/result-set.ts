// The typed result the engine hands the protocol layer: columns with MySQL types, rows as text.
// The protocol layer encodes it; the engine never sees packets.
import type { ColumnDefinition } from './protocol/result-packets.ts';
import type { ParamValue } from './protocol/binary-protocol.ts';

export type ResultColumn = ColumnDefinition;
export type TextValue = string | Buffer | null;
export type { ParamValue };

/**
 * Rows all at once (small answers the gateway makes up), or streamed in batches as the engine
 * produces them, so a 10M-row result never sits in memory and the client's pace is respected.
 */
export type ResultRows = TextValue[][] | AsyncIterable<TextValue[][]>;

export type QueryResult =
  | { kind: 'rows'; columns: ResultColumn[]; rows: ResultRows }
  | { kind: 'ok'; affectedRows?: number; info?: string };

export interface PreparedStatementInfo {
  id: number;
  params: number;
  /** The result's columns when known at prepare time (none for statements the gateway answers itself). */
  columns: ResultColumn[];
}

export interface SessionState {
  readonly connectionId: number;
  readonly user: string;
  /** The client's address, for the process list. */
  readonly host: string;
  database: string | null;
  /** Ends the client connection (KILL CONNECTION). */
  disconnect?: () => void;
  /** The TLS cipher and protocol when the client connected over TLS (SHOW STATUS LIKE 'Ssl_%'). */
  tls?: { cipher: string; version: string };
  /** The databases the user may read (per-user `databases` in config); null or absent: all. */
  allowedDatabases?: string[] | null;
  /** The collation id text results are described in: the client's, when it is a utf8mb4 one. */
  textCharset: number;
  /** The client's handshake asked for CLIENT_IGNORE_SPACE: its sql_mode starts with IGNORE_SPACE. */
  ignoreSpace?: boolean;
}

/** The only door between protocol and engine (after vitess's Handler). */
export interface QueryHandler {
  openSession(state: SessionState): Promise<QuerySession>;
  /** The server version the handshake sends (the source's, from the store); none: SERVER_VERSION. */
  handshakeVersion?(): Promise<string>;
}

/** Where the last statement's answer came from: the store, the upstream MySQL, or the session itself (SET, SHOW, …). */
export type StatementOutcome = 'served' | 'forwarded' | 'local';

export interface QuerySession {
  /** Of the last statement that succeeded. */
  readonly outcome?: StatementOutcome;
  /** The DuckDB SQL the last statement served from the store ran as. */
  readonly lastTranslation?: string | null;
  /** Throws SqlError for anything a client should see as a MySQL error. */
  query(sql: string): Promise<QueryResult>;
  /** COM_STMT_PREPARE: `?` placeholders; throws SqlError for a statement that cannot be prepared. */
  prepare(sql: string): Promise<PreparedStatementInfo>;
  execute(statementId: number, params: ParamValue[]): Promise<QueryResult>;
  closeStatement(statementId: number): void;
  /** COM_FIELD_LIST: the table's columns. */
  listFields(table: string): Promise<ResultColumn[]>;
  /** Cancels whatever the session runs in DuckDB now (the client went away). */
  interrupt(): void;
  /** COM_RESET_CONNECTION: session variables back to defaults, statements closed. */
  reset(): Promise<void>;
  useDatabase(name: string): Promise<void>;
  close(): Promise<void>;
}
