// Applies a source DDL statement's changes to the target tables, inside the caller's
// transaction (DuckDB's DDL is transactional): create, drop, rename, truncate, and alter —
// renamed columns keep their data, dropped columns go, new columns are added, and a changed type
// is cast in place (a cast that fails stops the task with DuckDB's message; nothing is guessed).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { PartitionSpec } from '../partitioning/index.ts';
import { SchemaChangeRejected, type SchemaChange, type TableSchema } from '../core/index.ts';
import { mapColumnType } from '../core/index.ts';
import { isWidening } from './type-widening.ts';
import { forgetTable, recreateTable, rememberTable, type KnownTable } from './target-table.ts';
import { quoteIdent, quoteLiteral } from './sql-names.ts';
import { applyView, dropDatabase, dropView } from './source-views.ts';
import { dropLayout, forgetColdRows, hasColdRows, physicalTables, refreshView, renameLayout, rowTables } from './table-layout.ts';

export async function applySchemaChangeToStore(
  conn: DuckDBConnection,
  change: SchemaChange,
  known: Map<string, KnownTable>,
  specOf: (schema: TableSchema) => PartitionSpec,
): Promise<void> {
  switch (change.kind) {
    case 'create':
      known.set(`${change.after.db}.${change.after.table}`, await recreateTable(conn, change.after, specOf(change.after)));
      return;
    case 'drop':
      await dropLayout(conn, change);
      await forgetTable(conn, change.db, change.table);
      known.delete(`${change.db}.${change.table}`);
      return;
    case 'view':
      await applyView(conn, change, known);
      return;
    case 'drop-view':
      await dropView(conn, change.db, change.view);
      return;
    case 'drop-database':
      // Its tables went with the drops before this one; its views, and the schema, go now, so
      // SHOW DATABASES no longer lists it.
      await dropDatabase(conn, change.db);
      return;
    case 'truncate': {
      const entry = known.get(`${change.db}.${change.table}`);
      if (!entry) return;
      for (const table of rowTables(entry.layout)) await conn.run(`DELETE FROM ${table}`);
      if (hasColdRows(entry.layout)) await forgetColdRows(conn, entry.layout);
      return;
    }
    case 'rename': {
      const { from, to } = change;
      const entry = known.get(`${from.db}.${from.table}`);
      await forgetTable(conn, from.db, from.table);
      known.delete(`${from.db}.${from.table}`);
      const layout = entry ? await renameLayout(conn, entry.layout, to) : (await recreateTable(conn, change.after, specOf(change.after))).layout;
      const moved: KnownTable = { schema: change.after, layout };
      await rememberTable(conn, moved);
      known.set(`${to.db}.${to.table}`, moved);
      return;
    }
    case 'alter': {
      const { after, renamedColumns } = change;
      const entry = known.get(`${after.db}.${after.table}`) ?? (await recreateTable(conn, change.before, specOf(change.before)));
      const tables = physicalTables(entry.layout);
      const alterAll = async (sql: string) => {
        for (const table of tables) await conn.run(`ALTER TABLE ${table} ${sql}`);
      };
      const columns = new Map(entry.schema.columns.map((c) => [c.name, c]));
      for (const [from, to] of renamedColumns) {
        const col = columns.get(from);
        if (!col) continue;
        await alterAll(`RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`);
        columns.delete(from);
        columns.set(to, { ...col, name: to });
        entry.layout.spec = renameSpecColumn(entry.layout.spec, from, to);
      }
      const range = entry.layout.spec.range?.column;
      const wanted = new Set(after.columns.map((c) => c.name));
      for (const name of [...columns.keys()]) {
        if (wanted.has(name)) continue;
        if (name === range || entry.layout.spec.hash.columns.includes(name)) {
          throw new SchemaChangeRejected(
            { db: after.db, table: after.table },
            `cannot drop column ${name}: the table's partition spec (${entry.layout.spec.hash.columns.join(', ')}${range ? `; range ${range}` : ''}) uses it; change partitioning.${after.db}.${after.table} in the sink config and snapshot the table again (POST /connectors/{name}/snapshot)`,
          );
        }
        await alterAll(`DROP COLUMN ${quoteIdent(name)}`);
        columns.delete(name);
      }
      for (const col of after.columns) {
        const mapping = mapColumnType(col.columnType);
        const have = columns.get(col.name);
        if (!have) {
          // Existing rows get what MySQL gave them; the binlog carries no row events for that.
          const text = mapping.encode(change.addedValues[col.name] ?? null);
          const fill = text === null ? '' : ` DEFAULT ${mapping.decodeSql(quoteLiteral(text))}`;
          await alterAll(`ADD COLUMN ${quoteIdent(col.name)} ${mapping.duckType}${fill}`);
          if (fill) await alterAll(`ALTER COLUMN ${quoteIdent(col.name)} DROP DEFAULT`);
          columns.set(col.name, col);
        } else {
          const from = mapColumnType(have.columnType).duckType;
          if (from === mapping.duckType) continue;
          if (!isWidening(from, mapping.duckType)) {
            throw new SchemaChangeRejected(
              { db: after.db, table: after.table },
              `cannot change column ${col.name} from ${have.columnType} to ${col.columnType} (store type ${from} → ${mapping.duckType}): it narrows the type, and the sink does not guess how stored values convert; snapshot the table again (POST /connectors/{name}/snapshot) to take the new type`,
            );
          }
          await alterAll(`ALTER COLUMN ${quoteIdent(col.name)} SET DATA TYPE ${mapping.duckType}`);
        }
      }
      // DuckDB appends new columns; MySQL places them (FIRST, AFTER x). SELECT * must list
      // columns in the source's order, so a table whose order drifted is rebuilt in that order.
      if ([...columns.keys()].join('\u0000') !== after.columns.map((c) => c.name).join('\u0000')) {
        for (const table of tables) await conn.run(`CREATE OR REPLACE TABLE ${table} AS SELECT ${after.columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${table}`);
      }
      await refreshView(conn, entry.layout);
      const altered: KnownTable = { schema: after, layout: entry.layout };
      await rememberTable(conn, altered);
      known.set(`${after.db}.${after.table}`, altered);
      return;
    }
  }
}

/** A partition spec follows its columns' renames. */
function renameSpecColumn(spec: PartitionSpec, from: string, to: string): PartitionSpec {
  const rename = (c: string) => (c === from ? to : c);
  return { hash: { ...spec.hash, columns: spec.hash.columns.map(rename) }, ...(spec.range ? { range: { ...spec.range, column: rename(spec.range.column) } } : {}) };
}
