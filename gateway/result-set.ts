// The typed result the engine hands the protocol layer: columns with MySQL types, rows as text.
// The protocol layer encodes it; the engine never sees packets.
import type { ColumnDefinition } from './protocol/result-packets.ts';

export type ResultColumn = ColumnDefinition;
export type TextValue = string | Buffer | null;

export type QueryResult =
  | { kind: 'rows'; columns: ResultColumn[]; rows: TextValue[][] }
  | { kind: 'ok'; affectedRows?: number; info?: string };

export interface SessionState {
  readonly connectionId: number;
  readonly user: string;
  database: string | null;
}

/** The only door between protocol and engine (after vitess's Handler). */
export interface QueryHandler {
  openSession(state: SessionState): Promise<QuerySession>;
}

export interface QuerySession {
  /** Throws SqlError for anything a client should see as a MySQL error. */
  query(sql: string): Promise<QueryResult>;
  useDatabase(name: string): Promise<void>;
  close(): Promise<void>;
}
