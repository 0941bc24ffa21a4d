// What the binlog stream reads from zongji's events: their fields, whether a row event can be
// decoded with its table's schema, the Debezium change events a row event becomes, and which
// schema change concerns which table.
import type { ChangeEvent, Row, SchemaChange, TableName, TableSchema } from '../../core/index.ts';
import { rowMatchesSchema, rowShaper } from './row-projection.ts';
import type { TableFilter } from './table-filter.ts';
import { binlogValueFix, undecodableBinlogType } from './zongji-fixes.ts';

// zongji's events are loosely typed; these are the fields we read.
export interface RawEvent {
  getEventName(): string;
  nextPosition: number;
  timestamp: number;
  gtid?: string;
  binlogName?: string;
  query?: string;
  /** The database a query event's statement ran in. */
  schema?: string;
  tableId?: number;
  tableMap?: Record<number, { parentSchema: string; tableName: string }>;
  rows?: (Row | { before: Row; after: Row })[];
  /** For an incremental snapshot request queued among the events. */
  tables?: TableName[];
}

/** Why a row event of the table cannot be decoded exactly with its schema (the table is then quarantined), if it cannot. */
export function undecodableRowsReason(e: RawEvent, schema: TableSchema, filter: TableFilter): string | undefined {
  const undecodable = schema.columns.find((c) => undecodableBinlogType(c.columnType));
  if (undecodable) {
    return `column ${undecodable.name} is ${undecodable.columnType}, which the binlog reader cannot decode exactly; exclude it (column.exclude.list) to follow the rest of the table`;
  }
  const sample = e.rows?.[0];
  const sampleRow = sample && 'after' in sample && 'before' in sample && typeof sample.after === 'object' ? (sample.after as Row) : (sample as Row | undefined);
  if (sampleRow && !rowMatchesSchema(Object.keys(sampleRow), schema, filter)) {
    return `binlog rows of ${schema.db}.${schema.table} carry columns [${Object.keys(sampleRow).join(', ')}] but the schema history has [${schema.columns.map((c) => c.name).join(', ')}]`;
  }
  return undefined;
}

/** A row event's rows as change events (c, u, d), each with its source block, shaped by the filter. */
export function rowChanges(e: RawEvent, schema: TableSchema, filter: TableFilter, at: { name: string; file: string; gtid: string | null }): ChangeEvent[] {
  const kind = e.getEventName();
  const shape = rowShaper(schema, filter, binlogValueFix);
  const source = {
    name: at.name,
    db: schema.db,
    table: schema.table,
    file: at.file,
    pos: e.nextPosition,
    gtid: at.gtid,
    ts_ms: e.timestamp,
    snapshot: 'false' as const,
  };
  return (e.rows ?? []).map((raw) => {
    const [op, before, after] =
      kind === 'writerows' ? (['c', null, shape(raw as Row)] as const)
      : kind === 'deleterows' ? (['d', shape(raw as Row), null] as const)
      : (['u', shape((raw as { before: Row }).before), shape((raw as { after: Row }).after)] as const);
    return { op, before, after, source, ts_ms: Date.now(), schema };
  });
}

/** Whether a schema change concerns the table. */
export function touches(change: SchemaChange, db: string, table: string): boolean {
  const is = (t: { db: string; table: string }) => t.db === db && t.table === table;
  switch (change.kind) {
    case 'create':
    case 'alter':
      return is(change.after);
    case 'rename':
      return is(change.from) || is(change.to);
    case 'view':
    case 'drop-view':
      return is({ db: change.db, table: change.view });
    case 'drop-database':
      return change.db === db;
    default:
      return is(change);
  }
}
