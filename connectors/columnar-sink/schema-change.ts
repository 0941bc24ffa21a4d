// Applies a source DDL statement's changes to the target tables, inside the caller's
// transaction (DuckDB's DDL is transactional): create, drop, rename, truncate, and alter —
// renamed columns keep their data, dropped columns go, new columns are added, and a changed type
// is cast in place (a cast that fails stops the task with DuckDB's message; nothing is guessed).
import type { DuckDBConnection } from '@duckdb/node-api';
import { SchemaChangeRejected, type SchemaChange, type TableSchema } from '../mysql-source/index.ts';
import { mapColumnType } from './type-mapping.ts';
import { isWidening } from './type-widening.ts';
import { forgetTable, recreateTable, rememberTable } from './target-table.ts';
import { qualified, quoteIdent, quoteLiteral } from './sql-names.ts';

export async function applySchemaChangeToStore(conn: DuckDBConnection, change: SchemaChange, known: Map<string, TableSchema>): Promise<void> {
  switch (change.kind) {
    case 'create':
      await recreateTable(conn, change.after);
      known.set(`${change.after.db}.${change.after.table}`, change.after);
      return;
    case 'drop':
      await conn.run(`DROP TABLE IF EXISTS ${qualified(change.db, change.table)}`);
      await forgetTable(conn, change.db, change.table);
      known.delete(`${change.db}.${change.table}`);
      return;
    case 'truncate':
      await conn.run(`DELETE FROM ${qualified(change.db, change.table)}`);
      return;
    case 'rename': {
      const { from, to } = change;
      if (from.db === to.db) {
        await conn.run(`ALTER TABLE ${qualified(from.db, from.table)} RENAME TO ${quoteIdent(to.table)}`);
      } else {
        await conn.run(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(to.db)}`);
        await conn.run(`CREATE TABLE ${qualified(to.db, to.table)} AS SELECT * FROM ${qualified(from.db, from.table)}`);
        await conn.run(`DROP TABLE ${qualified(from.db, from.table)}`);
      }
      await forgetTable(conn, from.db, from.table);
      await rememberTable(conn, change.after);
      known.delete(`${from.db}.${from.table}`);
      known.set(`${to.db}.${to.table}`, change.after);
      return;
    }
    case 'alter': {
      const { after, renamedColumns } = change;
      const target = qualified(after.db, after.table);
      const current = known.get(`${after.db}.${after.table}`) ?? change.before;
      const columns = new Map(current.columns.map((c) => [c.name, c]));
      for (const [from, to] of renamedColumns) {
        const col = columns.get(from);
        if (!col) continue;
        await conn.run(`ALTER TABLE ${target} RENAME COLUMN ${quoteIdent(from)} TO ${quoteIdent(to)}`);
        columns.delete(from);
        columns.set(to, { ...col, name: to });
      }
      const wanted = new Set(after.columns.map((c) => c.name));
      for (const name of [...columns.keys()]) {
        if (wanted.has(name)) continue;
        await conn.run(`ALTER TABLE ${target} DROP COLUMN ${quoteIdent(name)}`);
        columns.delete(name);
      }
      for (const col of after.columns) {
        const mapping = mapColumnType(col.columnType);
        const have = columns.get(col.name);
        if (!have) {
          // Existing rows get what MySQL gave them; the binlog carries no row events for that.
          const text = mapping.encode(change.addedValues[col.name] ?? null);
          const fill = text === null ? '' : ` DEFAULT ${mapping.decodeSql(quoteLiteral(text))}`;
          await conn.run(`ALTER TABLE ${target} ADD COLUMN ${quoteIdent(col.name)} ${mapping.duckType}${fill}`);
          if (fill) await conn.run(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(col.name)} DROP DEFAULT`);
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
          await conn.run(`ALTER TABLE ${target} ALTER COLUMN ${quoteIdent(col.name)} SET DATA TYPE ${mapping.duckType}`);
        }
      }
      // DuckDB appends new columns; MySQL places them (FIRST, AFTER x). SELECT * must list
      // columns in the source's order, so a table whose order drifted is rebuilt in that order.
      if ([...columns.keys()].join('\u0000') !== after.columns.map((c) => c.name).join('\u0000')) {
        const rebuilt = quoteIdent(`${after.table}__iq_reorder`);
        await conn.run(`CREATE TABLE ${quoteIdent(after.db)}.${rebuilt} AS SELECT ${after.columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${target}`);
        await conn.run(`DROP TABLE ${target}`);
        await conn.run(`ALTER TABLE ${quoteIdent(after.db)}.${rebuilt} RENAME TO ${quoteIdent(after.table)}`);
      }
      await rememberTable(conn, after);
      known.set(`${after.db}.${after.table}`, after);
      return;
    }
  }
}
