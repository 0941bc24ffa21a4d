// DuckDB can read files and the environment from plain SELECTs (read_csv('/etc/passwd'),
// getenv('HOME'), glob('/**')). A MySQL client could never do that to MySQL without the FILE
// privilege, and a gateway user must not reach the machine or the store's files this way. Views
// the store defines may use them (tiering's Parquet files); the SQL a client sends may not.
import { tokenize } from '../dialect/index.ts';
import { SqlError } from './sql-errors.ts';

const MACHINE_FUNCTIONS = new Set([
  'read_csv', 'read_csv_auto', 'sniff_csv', 'read_parquet', 'parquet_scan', 'parquet_metadata', 'parquet_schema', 'parquet_file_metadata',
  'parquet_kv_metadata', 'read_json', 'read_json_auto', 'read_json_objects', 'read_ndjson', 'read_ndjson_auto', 'read_ndjson_objects',
  'read_text', 'read_blob', 'glob', 'getenv', 'iceberg_scan', 'delta_scan', 'read_xlsx', 'st_read', 'duckdb_secrets', 'duckdb_settings',
  'duckdb_extensions', 'load_file', 'query_table', 'query',
]);

/** Refuses, as MySQL refuses LOAD_FILE without the FILE privilege (1227), SQL that reads the machine. */
export function refuseMachineAccess(sql: string): void {
  const tokens = tokenize(sql).filter((t) => t.kind !== 'space');
  // For each open parenthesis: is it a function call's? There, FROM is EXTRACT(YEAR FROM '…'),
  // TRIM('x' FROM '…') or SUBSTRING('…' FROM 2), not a table.
  const calls: boolean[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'other' && t.text === '(') calls.push(i > 0 && tokens[i - 1]!.kind === 'word' && !/^(from|join|in|exists|as|on|select|where|and|or|not)$/i.test(tokens[i - 1]!.text));
    else if (t.kind === 'other' && t.text === ')') calls.pop();
    if ((t.kind === 'word' || t.kind === 'quoted') && MACHINE_FUNCTIONS.has(t.text.toLowerCase()) && tokens[i + 1]?.text === '(') {
      throw new SqlError('SPECIFIC_ACCESS_DENIED', `Access denied; you need (at least one of) the FILE privilege(s) for this operation (${t.text.toLowerCase()}() reads files or the environment of the instaquery host)`);
    }
    // 'path.csv' as a table name is DuckDB's shorthand for reading that file.
    if (t.kind === 'string' && i > 0 && /^(from|join)$/i.test(tokens[i - 1]!.text) && !calls.at(-1)) {
      throw new SqlError('SPECIFIC_ACCESS_DENIED', `Access denied; you need (at least one of) the FILE privilege(s) for this operation (a file path as a table: '${t.text.slice(0, 60)}')`);
    }
  }
}
