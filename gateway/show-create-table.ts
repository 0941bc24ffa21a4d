// SHOW CREATE TABLE from what the sink recorded: the source's own column types and primary key
// (`_instaquery.source_tables`), so the DDL reads like MySQL's, and the table's partition spec in
// a comment, with the range partitions the store holds.
import type { DuckDBConnection } from '@duckdb/node-api';
import { SqlError } from './sql-errors.ts';

const PARTS_SCHEMA = '_instaquery_parts';
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
    const parts = await conn.runAndReadAll(
      `SELECT substr(table_name, length($1) + 1) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = $2 AND starts_with(table_name, $1) ORDER BY 1`,
      [`${db}.${table}$p:`, PARTS_SCHEMA],
    );
    const names = parts.getRowsJS().map((r) => String(r[0]));
    const ranges = /RANGE/i.test(row[2]) ? `, ${names.length} range partition${names.length === 1 ? '' : 's'}${names.length > 0 ? `: ${names.join(', ')}` : ''}` : '';
    partitioning = `\n/* instaquery PARTITION BY ${row[2]}${ranges} */`;
  }
  return `CREATE TABLE ${ident(table)} (\n${lines.join(',\n')}\n)${partitioning}`;
}
