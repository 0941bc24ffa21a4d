// Reads a column definition in CREATE TABLE and ALTER TABLE (`name type [attributes]`, its
// DEFAULT, the value existing rows get when it is added), key column lists and constraint names,
// for the DDL reader (ddl-parser.ts).
import type { Token } from '../../dialect/index.ts';
import { Cursor, DdlError } from './ddl-cursor.ts';
import type { SourceColumn } from '../../core/index.ts';
import { ddlDefault, implicitColumnDefault, nowDefault, unescapeString } from './column-default.ts';
import { defaultCollation } from './ddl-table-options.ts';

const TYPE_WITH_ARGS_KEPT = new Set(['DECIMAL', 'NUMERIC', 'DEC', 'FIXED', 'FLOAT', 'DOUBLE', 'REAL', 'CHAR', 'VARCHAR', 'BINARY', 'VARBINARY', 'BIT', 'DATETIME', 'TIMESTAMP', 'TIME', 'ENUM', 'SET', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER', 'BIGINT', 'YEAR']);
const TYPE_ALIASES: Record<string, string> = { INTEGER: 'int', BOOL: 'tinyint(1)', BOOLEAN: 'tinyint(1)', DEC: 'decimal', NUMERIC: 'decimal', FIXED: 'decimal', REAL: 'double', 'DOUBLE PRECISION': 'double', INT1: 'tinyint', INT2: 'smallint', INT3: 'mediumint', INT4: 'int', INT8: 'bigint', MIDDLEINT: 'mediumint', SERIAL: 'bigint unsigned' };
const COLUMN_ATTRIBUTES_END = new Set([',', ')']);

function quoteList(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'string' ? `'${t.text.replace(/'/g, "''")}'` : t.text)).join('');
}

export interface ColumnDefinition {
  column: SourceColumn;
  primaryKey: boolean;
  /** The DEFAULT clause: literal text, null for DEFAULT NULL, 'now' for CURRENT_TIMESTAMP and kin, undefined when absent. */
  defaultValue: string | null | { now: true } | undefined;
}

const NOW_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_DATE', 'CURDATE', 'CURRENT_TIME', 'CURTIME', 'SYSDATE', 'UTC_TIMESTAMP']);

/** `name type [attributes]` → SourceColumn, whether it declares PRIMARY KEY inline, and its DEFAULT. */
export function columnDefinition(c: Cursor): ColumnDefinition {
  const name = c.identifier();
  let typeWord = c.word();
  if (!typeWord) throw new DdlError(`column '${name}' has no type`);
  c.next();
  if (typeWord === 'DOUBLE' && c.accept('PRECISION')) typeWord = 'DOUBLE PRECISION';
  if ((typeWord === 'NATIONAL' || typeWord === 'LONG') && c.word()) typeWord = `${typeWord} ${c.next().text.toUpperCase()}`;
  let columnType = TYPE_ALIASES[typeWord] ?? typeWord.toLowerCase().replace(/^national /, '').replace(/^long varchar$/, 'mediumtext').replace(/^long$/, 'mediumtext');
  if (c.isSymbol('(')) {
    const args = c.parenthesised().map(quoteList);
    if (TYPE_WITH_ARGS_KEPT.has(typeWord) || typeWord === 'NCHAR' || typeWord === 'NVARCHAR') columnType += `(${args.join(',')})`;
  }
  let unsigned = typeWord === 'SERIAL';
  let nullable = typeWord !== 'SERIAL';
  // SERIAL is BIGINT UNSIGNED NOT NULL AUTO_INCREMENT UNIQUE: unique, not the primary key.
  let primaryKey = false;
  let defaultValue: ColumnDefinition['defaultValue'];
  let collation: string | undefined;
  let charset: string | undefined;
  let binaryAttribute = false;
  let shownDefault: string | null | undefined;
  let hasDefault = false;
  let extra: string | undefined = typeWord === 'SERIAL' ? 'auto_increment' : undefined;
  let comment: string | undefined;
  let generated: string | undefined;
  while (!c.done && !COLUMN_ATTRIBUTES_END.has(c.peek()?.text ?? '')) {
    if (c.accept('UNSIGNED')) unsigned = true;
    else if (c.accept('SIGNED') || c.accept('ZEROFILL')) continue;
    else if (c.accept('NOT', 'NULL')) nullable = false;
    else if (c.accept('NULL')) nullable = true;
    else if (c.accept('DEFAULT')) {
      shownDefault = ddlDefault(columnType + (unsigned && !columnType.endsWith(' unsigned') ? ' unsigned' : ''), nullable, peekDefault(c));
      hasDefault = true;
      defaultValue = defaultClause(c);
    } else if (c.accept('AUTO_INCREMENT')) extra = 'auto_increment';
    else if (c.accept('ON', 'UPDATE')) extra = onUpdateClause(c, columnType) ?? extra; // or a REFERENCES clause's ON UPDATE CASCADE
    else if (c.accept('COMMENT')) comment = c.peek()?.kind === 'string' ? unescapeString(c.next().text) : undefined;
    else if (c.accept('INVISIBLE')) extra = 'INVISIBLE';
    else if (c.word() === 'AS' || (c.word() === 'GENERATED' && c.word(1) === 'ALWAYS')) {
      c.accept('GENERATED', 'ALWAYS');
      c.expect('AS');
      if (c.isSymbol('(')) c.parenthesised();
      generated = c.accept('STORED') || c.accept('PERSISTENT') ? 'STORED GENERATED' : (c.accept('VIRTUAL'), 'VIRTUAL GENERATED');
    }
    else if (c.accept('COLLATE')) collation = c.next().text.toLowerCase();
    else if (c.accept('CHARACTER', 'SET') || c.accept('CHARSET')) charset = c.next().text.toLowerCase();
    else if (c.accept('BINARY')) binaryAttribute = true;
    else if (c.word() === 'FIRST' || c.word() === 'AFTER') break;
    else if (c.accept('UNIQUE')) c.accept('KEY');
    else if (c.accept('PRIMARY', 'KEY') || (c.word() === 'KEY' && !c.isSymbol('(', 1) && c.accept('KEY'))) primaryKey = true;
    else if (c.isSymbol('(')) c.parenthesised();
    else c.next();
  }
  if (unsigned && !columnType.endsWith(' unsigned')) columnType += ' unsigned';
  // The collation a text column declares (`COLLATE x`, `CHARACTER SET cs [BINARY]`); one it
  // inherits from the table or database is not in the statement, and stays unknown.
  if (!collation && charset) collation = charset === 'binary' ? undefined : binaryAttribute ? `${charset}_bin` : defaultCollation(charset);
  if (!collation && binaryAttribute && !charset) collation = 'utf8mb4_bin';
  const textual = /^(var)?char|text$|^(tiny|medium|long)?text|^enum|^set/.test(columnType);
  const isNullable = nullable && !primaryKey;
  if (generated) extra = generated;
  // A DEFAULT NULL read before a later NOT NULL in the same definition is not MariaDB's text.
  const columnDefault = generated ? (isNullable ? 'NULL' : null) : hasDefault ? (shownDefault === 'NULL' && !isNullable ? undefined : shownDefault) : implicitColumnDefault(columnType, isNullable, extra === 'auto_increment');
  return {
    column: {
      name,
      columnType,
      nullable: isNullable,
      ...(collation && textual ? { collation } : {}),
      ...(columnDefault !== undefined ? { columnDefault } : {}),
      ...(extra ? { extra } : {}),
      ...(comment ? { comment } : {}),
    },
    primaryKey,
    defaultValue,
  };
}

/** MariaDB's display widths of the integer types, signed and unsigned (what `INT` is shown as). */
const DISPLAY_WIDTHS: Record<string, [number, number]> = { tinyint: [4, 3], smallint: [6, 5], mediumint: [9, 8], int: [11, 10], bigint: [20, 20] };

/** A type as MariaDB's catalog spells it: `int` → `int(11)`, `bigint unsigned` → `bigint(20) unsigned`, `year` → `year(4)`. */
export function mariadbColumnType(columnType: string): string {
  if (columnType === 'year') return 'year(4)';
  const m = /^(tinyint|smallint|mediumint|int|bigint)( unsigned)?$/.exec(columnType);
  if (!m) return columnType;
  const [signed, unsigned] = DISPLAY_WIDTHS[m[1]!]!;
  return `${m[1]}(${m[2] ? unsigned : signed})${m[2] ?? ''}`;
}

/** The tokens of a DEFAULT value, looked at before defaultClause reads them. */
export function peekDefault(c: Cursor): Token[] {
  const first = c.peek();
  const second = c.peek(1);
  if (!first) return [];
  if (first.kind === 'other' && (first.text === '-' || first.text === '+') && second) return [first, second];
  if (first.kind === 'word' && c.isSymbol('(', 1)) {
    if (c.isSymbol(')', 2)) return [first, second!, c.peek(2)!];
    if (c.peek(2)?.kind === 'number' && c.isSymbol(')', 3)) return [first, second!, c.peek(2)!, c.peek(3)!];
    return [first, second!, { ...second!, text: '…' }]; // an expression: not known
  }
  // `b'101'`, `_utf8mb4'x'`, and 0x1F (read as 0 and x1F): a prefix glued to what follows.
  if (second && second.kind !== 'other' && second.start === first.start + first.text.length && (first.kind === 'number' || first.kind === 'word')) return [first, second];
  return [first];
}

/** ON UPDATE CURRENT_TIMESTAMP[(n)] as MariaDB's EXTRA says it. */
function onUpdateClause(c: Cursor, columnType: string): string | undefined {
  const word = c.next().text;
  let precision: number | null = null;
  if (c.isSymbol('(')) {
    const args = c.parenthesised();
    precision = args[0]?.[0]?.kind === 'number' ? Number(args[0][0].text) : null;
  }
  const now = nowDefault(columnType, word, precision);
  return now ? `on update ${now}` : undefined;
}

function defaultClause(c: Cursor): ColumnDefinition['defaultValue'] {
  const negative = c.acceptSymbol('-');
  const t = c.peek();
  if (!t) throw new DdlError('DEFAULT without a value');
  if (t.kind === 'string' || t.kind === 'number') {
    c.next();
    return negative ? `-${t.text}` : t.text;
  }
  if (c.accept('NULL')) return null;
  if (c.accept('TRUE')) return '1';
  if (c.accept('FALSE')) return '0';
  if (t.kind === 'word' && NOW_WORDS.has(t.text.toUpperCase())) {
    c.next();
    if (c.isSymbol('(')) c.parenthesised();
    return { now: true };
  }
  if (c.isSymbol('(')) {
    // An expression default: MySQL evaluates it for existing rows; that value is not in the
    // binlog, so it is read like no DEFAULT (known gap: existing rows get the implicit default).
    c.parenthesised();
    return undefined;
  }
  c.next();
  return undefined;
}

/** The value MySQL gives existing rows of a NOT NULL column added without a DEFAULT. */
export function implicitDefault(columnType: string): string | null {
  const base = /^[a-z]+/.exec(columnType)?.[0] ?? '';
  if (['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'decimal', 'float', 'double', 'bit', 'year'].includes(base)) return '0';
  if (base === 'enum') return /^enum\('((?:[^']|'')*)'/.exec(columnType)?.[1]?.replace(/''/g, "'") ?? '';
  if (base === 'date' || base === 'datetime' || base === 'timestamp') return '0000-00-00 00:00:00'.slice(0, base === 'date' ? 10 : 19);
  if (base === 'time') return '00:00:00';
  if (base === 'json') return null;
  return '';
}

export function keyColumns(c: Cursor): string[] {
  return c.parenthesised().map((item) => {
    const first = item[0];
    if (!first || (first.kind !== 'word' && first.kind !== 'quoted')) throw new DdlError('expected a key column');
    return first.text;
  });
}

/** `CONSTRAINT [name]` before PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK. */
export function skipConstraintName(c: Cursor): void {
  if (!c.accept('CONSTRAINT')) return;
  if (!['PRIMARY', 'UNIQUE', 'FOREIGN', 'CHECK'].includes(c.word())) c.next();
}

export const NON_COLUMN_DEFINITIONS = ['KEY', 'INDEX', 'UNIQUE', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CHECK', 'CONSTRAINT'];
