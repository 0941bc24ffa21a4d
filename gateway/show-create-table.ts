// SHOW CREATE TABLE from what the sink recorded: the source's own column types and primary key
// (`_instaquery.source_tables`), so the DDL reads like MySQL's, and the table's partition spec in
// a comment, with the range partitions the store holds.
import type { DuckDBConnection } from '@duckdb/node-api';
import { loadPartitions } from '../store/index.ts';
import { SqlError } from './sql-errors.ts';

const ident = (name: string) => '`' + name.replace(/`/g, '``') + '`';

export async function showCreateTable(conn: DuckDBConnection, db: string, table: string): Promise<string> {
  const reader = await conn.runAndReadAll(`SELECT columns::VARCHAR, primary_key::VARCHAR, partitioning FROM _instaquery.source_tables WHERE db = $1 AND tbl = $2`, [db, table]);
  const row = reader.getRowsJS()[0];
  if (!row) throw new SqlError('NO_SUCH_TABLE', `Table '${db}.${table}' doesn't exist`);
  const columns = JSON.parse(String(row[0])) as { name: string; columnType: string; nullable: boolean }[];
  const primaryKey = JSON.parse(String(row[1])) as string[];
  const lines = columns.map((c) => `  ${ident(c.name)} ${c.columnType}${c.nullable ? ' DEFAULT NULL' : ' NOT NULL'}`);
  if (primaryKey.length > 0) lines.push(`  PRIMARY KEY (${primaryKey.map(ident).join(',')})`);
  let partitioning = '';
  if (typeof row[2] === 'string') {
    const names = [...(await loadPartitions(conn, { db, table }))].sort();
    const ranges = /RANGE/i.test(row[2]) ? `, ${names.length} range partition${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${names.join(', ')}` : ''}` : '';
    partitioning = `\n/* instaquery PARTITION BY ${row[2]}${ranges} */`;
  }
  return `CREATE TABLE ${ident(table)} (\n${lines.join(',\n')}\n)${partitioning}`;
}
