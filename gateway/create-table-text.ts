// The text of SHOW CREATE TABLE as MariaDB 10.11 writes it (sql_show.cc show_create_table), from
// what the store keeps of the source table: each column's type, CHARACTER SET / COLLATE where it
// differs from the table's, NOT NULL, DEFAULT, ON UPDATE, AUTO_INCREMENT, the JSON check, COMMENT;
// the primary key; then ENGINE, AUTO_INCREMENT=n, DEFAULT CHARSET / COLLATE, options, COMMENT.
import type { SourceColumn, TableOptions } from '../core/index.ts';

const ident = (name: string) => '`' + name.replace(/`/g, '``') + '`';

/** MariaDB's append_unescaped: quoted, with \0 \n \r \\ escaped and ' doubled. */
export function quoteText(text: string): string {
  return `'${text.replace(/[\0\n\r\\']/g, (ch) => ({ '\0': '\\0', '\n': '\\n', '\r': '\\r', '\\': '\\\\', "'": "''" })[ch]!)}'`;
}

const TEXT_TYPE = /^(char|varchar|tinytext|text|mediumtext|longtext|enum|set)\b/i;
export const DEFAULT_TABLE_COLLATION = 'utf8mb4_general_ci';
export const charsetOf = (collation: string) => (collation === 'binary' ? 'binary' : collation.split('_')[0]!);

export interface CreateTableInput {
  table: string;
  columns: SourceColumn[];
  primaryKey: string[];
  options: TableOptions | undefined;
  /** The counter to show (already the larger of the stored floor and max(column)+1), or null. */
  autoIncrement: bigint | null;
  /** MariaDB shows JSON as LONGTEXT in utf8mb4_bin with a json_valid CHECK. */
  mariadb: boolean;
}

function columnLine(c: SourceColumn, tableCollation: string, mariadb: boolean): string {
  const json = mariadb && c.columnType.toLowerCase() === 'json';
  const type = json ? 'longtext' : c.columnType;
  const collation = json ? 'utf8mb4_bin' : c.collation;
  let line = `  ${ident(c.name)} ${type}`;
  if ((json || TEXT_TYPE.test(type)) && collation && collation !== tableCollation) line += ` CHARACTER SET ${charsetOf(collation)} COLLATE ${collation}`;
  if (!c.nullable) line += ' NOT NULL';
  else if (/^timestamp\b/i.test(type)) line += ' NULL'; // TIMESTAMP is NOT NULL unless it says NULL
  // A default the store does not know is shown as before the store kept them: NULL where nullable.
  const shown = c.columnDefault === undefined ? (c.nullable ? 'NULL' : null) : c.columnDefault;
  if (shown !== null) line += ` DEFAULT ${shown}`;
  const onUpdate = /\bon update (current_timestamp\(\d?\))/i.exec(c.extra ?? '');
  if (onUpdate) line += ` ON UPDATE ${onUpdate[1]}`;
  if (/\bauto_increment\b/i.test(c.extra ?? '')) line += ' AUTO_INCREMENT';
  if (json) line += ` CHECK (json_valid(${ident(c.name)}))`;
  if (c.comment) line += ` COMMENT ${quoteText(c.comment)}`;
  return line;
}

/** CREATE_OPTIONS (`row_format=DYNAMIC stats_persistent=1`) as SHOW CREATE TABLE writes them. */
function createOptionsText(createOptions: string | undefined): string {
  if (!createOptions) return '';
  return createOptions
    .split(/\s+/)
    .filter(Boolean)
    .map((o) => {
      const at = o.indexOf('=');
      return at < 0 ? ` ${o.toUpperCase()}` : ` ${o.slice(0, at).toUpperCase()}=${o.slice(at + 1)}`;
    })
    .join('');
}

export function createTableText(input: CreateTableInput): string {
  const options = input.options ?? {};
  const collation = options.collation ?? DEFAULT_TABLE_COLLATION;
  const lines = input.columns.map((c) => columnLine(c, collation, input.mariadb));
  if (input.primaryKey.length > 0) lines.push(`  PRIMARY KEY (${input.primaryKey.map(ident).join(',')})`);
  let tail = `ENGINE=${options.engine ?? 'InnoDB'}`;
  if (input.autoIncrement !== null && input.autoIncrement > 1n) tail += ` AUTO_INCREMENT=${input.autoIncrement}`;
  tail += ` DEFAULT CHARSET=${charsetOf(collation)} COLLATE=${collation}`;
  tail += createOptionsText(options.createOptions);
  if (options.comment) tail += ` COMMENT=${quoteText(options.comment)}`;
  return `CREATE TABLE ${ident(input.table)} (\n${lines.join(',\n')}\n) ${tail}`;
}

/**
 * DESCRIBE / SHOW COLUMNS' Default from COLUMN_DEFAULT's text: MariaDB writes a stored literal
 * there unquoted (`ab'c`, not `'ab''c'`) and NULL as SQL NULL; an expression default — and every
 * TEXT/BLOB default is one — as the expression (`current_timestamp()`, `'hello'`).
 */
export function describeDefault(columnDefault: string | null, columnType: string): string | null {
  if (columnDefault === null || columnDefault === 'NULL') return null;
  if (/^(tiny|medium|long)?(text|blob)\b|^json\b/i.test(columnType)) return columnDefault;
  const quoted = /^'((?:[^'\\]|''|\\.)*)'$/s.exec(columnDefault);
  if (!quoted) return columnDefault;
  return quoted[1]!.replace(/''|\\(.)/gs, (m, ch: string | undefined) => (m === "''" ? "'" : ({ '0': '\0', n: '\n', r: '\r' } as Record<string, string>)[ch!] ?? ch!));
}
