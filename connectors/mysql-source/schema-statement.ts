// A DDL statement read from the binlog: read against the schema history, narrowed to the tables
// the connector follows, and applied to the history and the store in binlog order, as its own
// transaction. A table the statement cannot be read for, or whose change the store rejects, is
// quarantined; the rest of the statement still applies.
import { SchemaChangeRejected, type ChangeConsumer, type Logger, type SourceOffset } from '../../core/index.ts';
import { readDdl } from './ddl-parser.ts';
import { followedChanges } from './followed-changes.ts';
import { touches, type RawEvent } from './binlog-events.ts';
import type { SchemaHistory } from './schema-history.ts';
import type { TableFilter } from './table-filter.ts';

export interface SchemaStatementParts {
  filter: TableFilter;
  history: SchemaHistory;
  consumer: ChangeConsumer;
  log: Logger;
  /** Waits until every transaction read before the statement is in the store; false when the stream stopped meanwhile. */
  settle(): Promise<boolean>;
  /** Sets the table aside: its changes are skipped until it is snapshotted again. */
  quarantine(db: string, table: string, reason: string): Promise<void>;
  /** The source's flavor: MariaDB spells integer types with their display width. */
  flavor?: 'mariadb' | 'mysql';
}

/**
 * Applies the statement `sql` of query event `e`; `offset` is the position right after it.
 * Whether the store took a change: the stream's offset is then `offset`.
 */
export async function applySchemaStatement(parts: SchemaStatementParts, e: RawEvent, sql: string, offset: SourceOffset): Promise<boolean> {
  const { filter, history, consumer, log } = parts;
  const eventTime = new Date(e.timestamp).toISOString().replace('T', ' ').slice(0, 19);
  const result = readDdl(sql, e.schema ?? '', history.lookup, history.tablesOf, eventTime, filter.includesColumn, parts.flavor);
  if (result.kind === 'none') return false;
  if (result.kind === 'unreadable') {
    for (const t of result.tables.filter((t) => filter.includesTable(t.db, t.table))) {
      await parts.quarantine(t.db, t.table, `cannot read the DDL statement at ${offset.file}:${e.nextPosition} (${result.reason}): ${sql.slice(0, 300)}`);
    }
    return false;
  }
  const changes = followedChanges(result.changes, history, filter);
  if (changes.length === 0) return false;
  if (!(await parts.settle())) return false;
  let applying = changes;
  for (;;) {
    try {
      await consumer.applySchemaChange(sql, applying, offset);
      break;
    } catch (err) {
      if (!(err instanceof SchemaChangeRejected)) throw err;
      // The store rolled the statement back: set that table aside, apply the rest.
      const { db, table } = err.table;
      await parts.quarantine(db, table, `${err.message} (DDL at ${offset.file}:${offset.pos}: ${sql.slice(0, 200)})`);
      applying = applying.filter((c) => !touches(c, db, table));
      if (applying.length === 0) return false;
    }
  }
  for (const c of applying) history.apply(c);
  log.info({ ddl: sql.slice(0, 200), changes: applying.map((c) => c.kind) }, 'schema change applied');
  return true;
}
