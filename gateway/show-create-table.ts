// SHOW CREATE TABLE from what the sink recorded: the source's own column definitions, primary key
// and table options (`_instaquery.source_tables`), written as MariaDB writes them
// (create-table-text.ts). A partition spec the sink was configured with follows in a comment,
// with the range partitions the store holds; the default layout (HASH of the key) is not shown,
// as it is no part of the source's table.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SourceColumn, TableOptions } from '../core/index.ts';
import { defaultSpec, formatSpec } from '../partitioning/index.ts';
import { loadPartitions } from '../store/index.ts';
import { createTableText } from './create-table-text.ts';
import { SqlError } from './sql-errors.ts';

const sqlIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The counter a MariaDB replica shows: InnoDB raises it past every value a row event writes, so
 * it is max(column)+1 over the rows, or the floor the snapshot (or AUTO_INCREMENT=n) set, if higher.
 */
async function autoIncrement(conn: DuckDBConnection, db: string, table: string, columns: SourceColumn[], options: TableOptions | undefined): Promise<bigint | null> {
  const column = columns.find((c) => /\bauto_increment\b/i.test(c.extra ?? ''));
  if (!column) return null;
  const floor = options?.autoIncrement ? BigInt(options.autoIncrement) : 1n;
  const reader = await conn.runAndReadAll(`SELECT max(${sqlIdent(column.name)})::VARCHAR FROM ${sqlIdent(db)}.${sqlIdent(table)}`);
  const top = reader.getRowsJS()[0]?.[0];
  const next = typeof top === 'string' && /^\d+$/.test(top) ? BigInt(top) + 1n : 1n;
  return next > floor ? next : floor;
}

async function presentsMariaDb(conn: DuckDBConnection): Promise<boolean> {
  try {
    const reader = await conn.runAndReadAll(`SELECT flavor FROM _instaquery.source_server ORDER BY first_recorded, connector LIMIT 1`);
    return reader.getRowsJS()[0]?.[0] === 'mariadb';
  } catch {
    return false;
  }
}

export async function showCreateTable(conn: DuckDBConnection, db: string, table: string): Promise<string> {
  const reader = await conn.runAndReadAll(`SELECT columns::VARCHAR, primary_key::VARCHAR, partitioning, options::VARCHAR FROM _instaquery.source_tables WHERE db = $1 AND tbl = $2`, [db, table]);
  const row = reader.getRowsJS()[0];
  if (!row) throw new SqlError('NO_SUCH_TABLE', `Table '${db}.${table}' doesn't exist`);
  const columns = JSON.parse(String(row[0])) as SourceColumn[];
  const primaryKey = JSON.parse(String(row[1])) as string[];
  const options = typeof row[3] === 'string' ? (JSON.parse(row[3]) as TableOptions) : undefined;
  const text = createTableText({ table, columns, primaryKey, options, autoIncrement: await autoIncrement(conn, db, table, columns, options), mariadb: await presentsMariaDb(conn) });
  let partitioning = '';
  const spec = row[2];
  if (typeof spec === 'string' && spec !== formatSpec(defaultSpec(primaryKey, columns.map((c) => c.name)))) {
    const names = [...(await loadPartitions(conn, { db, table }))].sort();
    const ranges = /RANGE/i.test(spec) ? `, ${names.length} range partition${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${names.join(', ')}` : ''}` : '';
    partitioning = `\n/* instaquery PARTITION BY ${spec}${ranges} */`;
  }
  return text + partitioning;
}
