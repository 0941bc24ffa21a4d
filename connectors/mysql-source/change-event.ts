// The one currency between source and sink: Debezium's change-event envelope plus the table
// schema the row was read with. Sink and source never know which transport carries it.
// Reference: Debezium MySQL connector, "Data change events".

/** A column as the source declares it (information_schema.COLUMNS, or the binlog's metadata). */
export interface SourceColumn {
  name: string;
  /** MySQL COLUMN_TYPE as written by the server, e.g. `decimal(14,2)`, `bigint(20) unsigned`. */
  columnType: string;
  nullable: boolean;
}

export interface TableSchema {
  db: string;
  table: string;
  columns: SourceColumn[];
  /** Primary-key column names in key order; empty when the table has none. */
  primaryKey: string[];
}

/**
 * Row values are exact and transport-neutral: integers beyond 2^53 and DECIMAL as strings,
 * DATE/DATETIME/TIMESTAMP as the server's text (wall clock; TIMESTAMP read in UTC), binary as Buffer,
 * JSON as its text, NULL as null.
 */
export type RowValue = string | number | bigint | boolean | Buffer | null;
export type Row = Record<string, RowValue>;

/** Where in the source a change was read: enough to resume right after it. */
export interface SourceOffset {
  file: string;
  pos: number;
  /** MariaDB GTID position (domain-server-seq) or MySQL GTID set, when the server has one. */
  gtid: string | null;
  /** True once the initial snapshot has been fully written; false means "snapshot again". */
  snapshotCompleted: boolean;
}

export type ChangeOp = 'c' | 'u' | 'd' | 'r' | 't';

export interface ChangeEvent {
  op: ChangeOp;
  before: Row | null;
  after: Row | null;
  source: {
    name: string;
    db: string;
    table: string;
    file: string;
    pos: number;
    gtid: string | null;
    ts_ms: number;
    snapshot: 'true' | 'last' | 'false';
  };
  ts_ms: number;
  schema: TableSchema;
}

/**
 * What a source delivers into. A transaction's events arrive together with the offset right
 * after its commit, so the consumer can commit both in one store transaction (exactly once).
 */
export interface ChangeConsumer {
  /** Drops and recreates the target tables: a snapshot starts from nothing. */
  beginSnapshot(tables: TableSchema[]): Promise<void>;
  /** Appends snapshot rows (op `r`) of one table; no offset moves until `completeSnapshot`. */
  writeSnapshotRows(table: TableSchema, rows: Row[]): Promise<void>;
  completeSnapshot(offset: SourceOffset): Promise<void>;
  /** Applies whole transactions in order and records `offset` in the same store transaction. */
  applyChanges(events: ChangeEvent[], offset: SourceOffset): Promise<void>;
  /** The last offset committed with the rows it covers, or null for a fresh store. */
  committedOffset(): Promise<SourceOffset | null>;
}
