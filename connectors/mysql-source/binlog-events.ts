// What the binlog stream reads from zongji's events: their fields, the Debezium change events a
// row event becomes, and which schema change concerns which table.
import type { ChangeEvent, Row, SchemaChange, TableName, TableSchema } from '../../core/index.ts';
import { rowShaper } from './row-projection.ts';
import type { TableFilter } from './table-filter.ts';
import { binlogValueFix } from './zongji-fixes.ts';

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
    default:
      return is(change);
  }
}
