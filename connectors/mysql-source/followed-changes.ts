// Which of a DDL statement's changes concern this connector: tables it follows, or starts to
// follow (created or renamed into its include lists), with decimal.handling.mode applied.
import type { SchemaChange } from '../../core/index.ts';
import { applyDecimalMode } from './row-projection.ts';
import type { SchemaHistory } from './schema-history.ts';
import type { TableFilter } from './table-filter.ts';

export function followedChanges(changes: SchemaChange[], history: SchemaHistory, filter: TableFilter): SchemaChange[] {
  return changes.flatMap((c) => followed(c, history, filter)).map((c) => withDecimalMode(c, filter.decimalMode));
}

function followed(change: SchemaChange, history: SchemaHistory, filter: TableFilter): SchemaChange[] {
  const includes = (db: string, table: string) => filter.includesTable(db, table);
  switch (change.kind) {
    case 'create':
      return includes(change.after.db, change.after.table) ? [change] : [];
    case 'alter':
      return includes(change.after.db, change.after.table) ? [change] : [];
    case 'drop':
    case 'truncate':
      return history.lookup(change.db, change.table) ? [change] : [];
    case 'drop-database':
      return [change];
    case 'view':
    case 'drop-view':
      // Views hold no rows: the history does not track them, the store keeps their definitions.
      return includes(change.db, change.view) ? [change] : [];
    case 'rename': {
      const from = history.lookup(change.from.db, change.from.table) !== undefined;
      const to = includes(change.to.db, change.to.table);
      if (from && to) return [change];
      if (from) return [{ kind: 'drop', ...change.from }];
      return to ? [{ kind: 'create', after: change.after }] : [];
    }
  }
}

function withDecimalMode(change: SchemaChange, mode: TableFilter['decimalMode']): SchemaChange {
  switch (change.kind) {
    case 'create':
      return { ...change, after: applyDecimalMode(change.after, mode) };
    case 'rename':
      return { ...change, after: applyDecimalMode(change.after, mode) };
    case 'alter':
      return { ...change, after: applyDecimalMode(change.after, mode) };
    default:
      return change;
  }
}
