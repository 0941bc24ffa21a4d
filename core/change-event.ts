// The one currency between source and sink: Debezium's change-event envelope plus the table
// schema the row was read with. Sink and source never know which transport carries it.
// Reference: Debezium MySQL connector, "Data change events".
import type { SourceServer } from './source-server.ts';

/** A column as the source declares it (information_schema.COLUMNS, or the binlog's metadata). */
export interface SourceColumn {
  name: string;
  /** MySQL COLUMN_TYPE as written by the server, e.g. `decimal(14,2)`, `bigint(20) unsigned`. */
  columnType: string;
  nullable: boolean;
  /** A text column's collation (e.g. utf8mb4_bin); absent for other columns, and where the source did not say. */
  collation?: string;
  /**
   * The DEFAULT as MariaDB's information_schema.COLUMNS.COLUMN_DEFAULT writes it (and SHOW CREATE
   * TABLE prints it): `'abc'` quoted, `-5`, `1.50`, `current_timestamp()`, `(1 + 2)`, `NULL` for
   * a nullable column's implicit DEFAULT NULL; null when the column has none (NOT NULL without a
   * DEFAULT, AUTO_INCREMENT). Absent where the source did not say (older stores, a DDL default
   * the reader could not write as MariaDB would): shown as before, from `nullable` alone.
   */
  columnDefault?: string | null;
  /** information_schema.COLUMNS.EXTRA as MariaDB writes it (`auto_increment`, `on update current_timestamp()`); absent = ''. */
  extra?: string;
  /** The column's COMMENT; absent = none. */
  comment?: string;
}

/** The table options SHOW CREATE TABLE and information_schema.TABLES show; any part absent where the source did not say. */
export interface TableOptions {
  engine?: string;
  /** The table's default collation (information_schema.TABLES.TABLE_COLLATION); its charset is the first word. */
  collation?: string;
  /** information_schema.TABLES.CREATE_OPTIONS as the source wrote it (`row_format=DYNAMIC stats_persistent=1`), without `partitioned`. */
  createOptions?: string;
  comment?: string;
  /**
   * The AUTO_INCREMENT counter the source reported at snapshot, or a CREATE/ALTER TABLE's
   * AUTO_INCREMENT=n: a floor. Later inserts raise a replica's counter to max(column)+1, which
   * the gateway reads from the rows.
   */
  autoIncrement?: string;
  /** The source partitions the table (PARTITION BY): its information_schema.PARTITIONS rows are the source's partitions. */
  sourcePartitioned?: boolean;
}

export interface TableSchema {
  db: string;
  table: string;
  columns: SourceColumn[];
  /** Primary-key column names in key order; empty when the table has none. */
  primaryKey: string[];
  /** ENGINE, default collation, options and COMMENT; absent in stores written before they were kept. */
  options?: TableOptions;
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
    snapshot: 'true' | 'last' | 'false' | 'incremental';
  };
  ts_ms: number;
  schema: TableSchema;
}

/** How far one table's snapshot got. `lastKey` null: no chunk yet, or a table without a key. */
export interface TableSnapshotProgress {
  lastKey: unknown[] | null;
  rowsDone: number;
  done: boolean;
  /** The source's estimate of the table's rows (information_schema.TABLES), for progress and ETA. */
  rowsEstimated?: number;
}

export interface TableName {
  db: string;
  table: string;
}

/** How one DDL statement changed a followed table (Debezium: a schema change event). */
export type SchemaChange =
  | { kind: 'create'; after: TableSchema }
  | { kind: 'drop'; db: string; table: string }
  | { kind: 'rename'; from: TableName; to: TableName; after: TableSchema }
  | { kind: 'truncate'; db: string; table: string }
  /**
   * CREATE [OR REPLACE] / ALTER VIEW, or a view found at snapshot: its SELECT as MySQL text, run
   * in `db`, and the column names the statement lists (null: the SELECT's own names).
   */
  | { kind: 'view'; db: string; view: string; definition: string; columnNames: string[] | null }
  | { kind: 'drop-view'; db: string; view: string }
  /** DROP DATABASE, after a drop of each of its tables: the database itself is gone too. */
  | { kind: 'drop-database'; db: string }
  | {
      kind: 'alter';
      before: TableSchema;
      after: TableSchema;
      renamedColumns: [string, string][];
      /**
       * What existing rows hold in each added column, as MySQL fills them: the DEFAULT, the
       * type's implicit default for NOT NULL columns, or null. Text as a row value would be.
       */
      addedValues: Record<string, string | null>;
    };

/**
 * A consumer's answer to a schema change it cannot apply safely to one table (e.g. narrowing a
 * type): the source quarantines that table — its changes stop, the reason shows in status, a
 * snapshot of the table brings it back — and every other table goes on.
 */
export class SchemaChangeRejected extends Error {
  constructor(
    readonly table: TableName,
    message: string,
  ) {
    super(message);
    this.name = 'SchemaChangeRejected';
  }
}

/** The schema history as the store keeps it: each followed table's latest state. */
export interface SchemaHistoryState {
  tables: TableSchema[];
  /** Tables set aside, with the reason (e.g. a DDL statement that could not be read). */
  quarantined: { db: string; table: string; reason: string }[];
}

/**
 * What a source delivers into. A transaction's events arrive together with the offset right
 * after its commit, so the consumer can commit both in one store transaction (exactly once).
 */
/** How the consumer wants changes batched (a sink's `batch.size`, `max.buffered.records`, `linger.ms`). */
export interface SinkBatching {
  /** Most row changes per `applyChanges` call; a larger source transaction still comes whole. */
  batchSize: number;
  /** Row changes committed at the source and not yet applied before the source stops reading. */
  maxBuffered: number;
  /** How long to wait for more changes before applying. */
  lingerMs: number;
}

export interface ChangeConsumer {
  readonly batching?: SinkBatching;
  /**
   * Records the source server's flavor, version and client-visible variables when the source
   * connects, so the gateway can present itself as that server. A consumer without it (Kafka
   * mode's publisher) leaves the gateway to its defaults.
   */
  recordSourceServer?(server: SourceServer): Promise<void>;
  /**
   * Drops and recreates the target tables (a snapshot starts from nothing) and records their
   * schemas in the history at the snapshot's position.
   */
  beginSnapshot(tables: TableSchema[], at: SourceOffset): Promise<void>;
  /**
   * Appends one chunk of snapshot rows (op `r`) and the table's snapshot progress in one store
   * transaction, so a crash resumes after the last chunk written. No offset moves until
   * `completeSnapshot`.
   */
  writeSnapshotRows(table: TableSchema, rows: Row[], progress: TableSnapshotProgress): Promise<void>;
  /** A snapshot begun and not completed: where it started and how far each table got. */
  snapshotProgress(): Promise<{ at: SourceOffset; tables: Map<string, TableSnapshotProgress> } | null>;
  /**
   * A table being loaded again while the stream runs (an incremental snapshot), `done` false at
   * its start and true at its end: until then the gateway must not answer from its rows. A
   * consumer without this (a Kafka publisher) leaves that to the one downstream.
   */
  tableLoading?(table: TableName, progress: TableSnapshotProgress): Promise<void>;
  completeSnapshot(offset: SourceOffset): Promise<void>;
  /**
   * Applies whole transactions in order — plus anything staged with `stageChanges` — and records
   * `offset` in the same store transaction.
   */
  applyChanges(events: ChangeEvent[], offset: SourceOffset): Promise<void>;
  /**
   * Holds part of a large transaction in the store without applying it, so the source need not
   * keep it in memory; the next `applyChanges` applies it first.
   */
  stageChanges(events: ChangeEvent[]): Promise<void>;
  /** Forgets staged changes (the source restarts the transaction from its offset). */
  discardStaged(): Promise<void>;
  /**
   * Applies a DDL statement's changes to the target tables, records them in the schema history
   * and moves the offset past the statement, all in one store transaction.
   */
  applySchemaChange(ddl: string, changes: SchemaChange[], offset: SourceOffset): Promise<void>;
  /** Sets a table aside with the reason; its changes are skipped until it is snapshotted again. */
  quarantine(table: TableName, reason: string, offset: SourceOffset): Promise<void>;
  /** The schema history as of the committed offset. */
  schemaHistory(): Promise<SchemaHistoryState>;
  /** The last offset committed with the rows it covers, or null for a fresh store. */
  committedOffset(): Promise<SourceOffset | null>;
}
