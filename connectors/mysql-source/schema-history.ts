// The source's view of each followed table as of the binlog position being read: the schema a
// row event is decoded with, updated by every DDL statement in binlog order. Persisted by the
// consumer (see ChangeConsumer.applySchemaChange), loaded from it on restart.
import type { SchemaChange, SchemaHistoryState, TableName, TableSchema } from '../../core/index.ts';

const keyOf = (db: string, table: string) => `${db}.${table}`;

export class SchemaHistory {
  private readonly tables = new Map<string, TableSchema>();
  private readonly quarantined = new Map<string, string>();

  constructor(state: SchemaHistoryState) {
    for (const t of state.tables) this.tables.set(keyOf(t.db, t.table), t);
    for (const q of state.quarantined) this.quarantined.set(keyOf(q.db, q.table), q.reason);
  }

  lookup = (db: string, table: string): TableSchema | undefined => this.tables.get(keyOf(db, table));

  tablesOf = (db: string): TableName[] => [...this.tables.values()].filter((t) => t.db === db).map(({ db: d, table }) => ({ db: d, table }));

  quarantineReason(db: string, table: string): string | undefined {
    return this.quarantined.get(keyOf(db, table));
  }

  quarantinedTables(): { table: string; reason: string }[] {
    return [...this.quarantined].map(([table, reason]) => ({ table, reason }));
  }

  quarantine(db: string, table: string, reason: string): void {
    this.quarantined.set(keyOf(db, table), reason);
  }

  remember(schema: TableSchema): void {
    this.tables.set(keyOf(schema.db, schema.table), schema);
  }

  apply(change: SchemaChange): void {
    switch (change.kind) {
      case 'create':
      case 'alter':
        this.tables.set(keyOf(change.after.db, change.after.table), change.after);
        this.quarantined.delete(keyOf(change.after.db, change.after.table));
        return;
      case 'drop':
        this.tables.delete(keyOf(change.db, change.table));
        this.quarantined.delete(keyOf(change.db, change.table));
        return;
      case 'rename':
        this.tables.delete(keyOf(change.from.db, change.from.table));
        this.tables.set(keyOf(change.to.db, change.to.table), change.after);
        return;
      case 'truncate':
      case 'view':
      case 'drop-view':
      case 'drop-database':
        return;
    }
  }
}
