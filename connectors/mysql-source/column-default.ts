// A column's DEFAULT written as MariaDB writes it in information_schema.COLUMNS.COLUMN_DEFAULT
// (and SHOW CREATE TABLE): from a DDL statement's DEFAULT clause (binlog), or from a MySQL
// server's catalog, whose COLUMN_DEFAULT is unquoted. MariaDB stores a literal DEFAULT converted
// to the column's type and prints that value (sql_show.cc get_field_default_value): `DEFAULT '1.5'`
// on DECIMAL(6,2) is `1.50`, on INT `2`... Only the conversions that are certain are written here;
// anything else gives undefined ("not known"), never a guess.
import type { Token } from '../../dialect/index.ts';

const INTEGER = /^(tinyint|smallint|mediumint|int|integer|bigint)\b/;
const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

/** MariaDB's append_unescaped: a quoted literal, with \0 \n \r \\ escaped and ' doubled. */
export function quoteDefault(text: string): string {
  return `'${text.replace(/[\0\n\r\\']/g, (ch) => ({ '\0': '\\0', '\n': '\\n', '\r': '\\r', '\\': '\\\\', "'": "''" })[ch]!)}'`;
}

/** A string token's text (the tokenizer keeps escapes as written) as its value, under the default sql_mode. */
export function unescapeString(text: string): string {
  return text.replace(/\\(.)/gs, (_m, ch: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' })[ch] ?? ch);
}

const base = (columnType: string) => /^[a-z]+/.exec(columnType.toLowerCase())?.[0] ?? '';

/** `n` digits after the point, when the literal has at most that many (no rounding). */
function fixedScale(literal: string, scale: number): string | undefined {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?$/.exec(literal);
  if (!m) return undefined;
  const [, sign, whole, fraction = ''] = m;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) return undefined;
  const digits = (whole ?? '').replace(/^0+(?=\d)/, '') || '0';
  const text = scale > 0 ? `${digits}.${trimmed.padEnd(scale, '0')}` : digits;
  return sign === '-' && /[1-9]/.test(text) ? `-${text}` : text;
}

/** A literal (number or string text) as a value of the column's type, quoted where MariaDB quotes it. */
export function literalDefault(columnType: string, literal: string, isString: boolean): string | undefined {
  const type = columnType.toLowerCase();
  const kind = base(type);
  if (INTEGER.test(type)) {
    if (!NUMBER_TEXT.test(literal.trim()) || !/^[-+]?\d+$/.test(literal.trim())) return undefined;
    const n = BigInt(literal.trim());
    if (n < 0n && type.includes('unsigned')) return undefined;
    return n.toString();
  }
  if (kind === 'decimal') {
    const scale = Number(/\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(type)?.[1] ?? 0);
    return NUMBER_TEXT.test(literal.trim()) ? fixedScale(literal.trim(), scale) : undefined;
  }
  if (kind === 'double' || kind === 'float') {
    if (!NUMBER_TEXT.test(literal.trim()) && !/^[-+]?\d+(\.\d+)?e[-+]?\d+$/i.test(literal.trim())) return undefined;
    const v = Number(literal);
    // What JavaScript and MariaDB both print the same: whole numbers and short exact fractions.
    const text = String(v);
    if (!Number.isFinite(v) || /e/i.test(text) || text.replace(/[-.]/g, '').length > 15) return undefined;
    if (kind === 'float' && Math.fround(v) !== v) return undefined;
    return text;
  }
  if (kind === 'year') return /^\d{4}$/.test(literal) && Number(literal) >= 1901 && Number(literal) <= 2155 ? literal : undefined;
  if (kind === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(literal) && isString ? quoteDefault(literal) : undefined;
  if (kind === 'datetime' || kind === 'timestamp') {
    const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?)?$/.exec(literal);
    if (!m || !isString) return undefined;
    const fsp = Number(/\((\d)\)/.exec(type)?.[1] ?? 0);
    if ((m[3] ?? '').replace(/0+$/, '').length > fsp) return undefined;
    return quoteDefault(`${m[1]} ${m[2] ?? '00:00:00'}${fsp > 0 ? `.${(m[3] ?? '').padEnd(fsp, '0')}` : ''}`);
  }
  if (kind === 'time') return /^\d{2}:\d{2}:\d{2}$/.test(literal) && isString && !/\(\d\)/.test(type) ? quoteDefault(literal) : undefined;
  if (kind === 'enum') {
    // A member is stored by number: the default prints as the declared member's spelling.
    const members = [...columnType.matchAll(/'((?:[^']|'')*)'/g)].map((x) => x[1]!.replace(/''/g, "'"));
    return members.includes(literal) ? quoteDefault(literal) : undefined;
  }
  if (kind === 'set') return literal === '' || (columnType.includes(`'${literal}'`) && !literal.includes(',')) ? quoteDefault(literal) : undefined;
  if (kind === 'char' || kind === 'binary') return isString || NUMBER_TEXT.test(literal) ? quoteDefault(kind === 'char' ? literal.replace(/ +$/, '') : literal) : undefined;
  if (['varchar', 'varbinary', 'tinytext', 'text', 'mediumtext', 'longtext', 'tinyblob', 'blob', 'mediumblob', 'longblob'].includes(kind)) return isString ? quoteDefault(literal) : NUMBER_TEXT.test(literal) && kind.startsWith('var') ? quoteDefault(literal) : undefined;
  return undefined;
}

const NOW_WORDS = new Set(['CURRENT_TIMESTAMP', 'NOW', 'LOCALTIME', 'LOCALTIMESTAMP']);

/**
 * `CURRENT_TIMESTAMP[(n)]` and its synonyms as MariaDB prints them (`current_timestamp(3)`), for
 * DATETIME/TIMESTAMP columns; undefined for any other word or column.
 */
export function nowDefault(columnType: string, word: string, precision: number | null): string | undefined {
  if (!NOW_WORDS.has(word.toUpperCase())) return undefined;
  if (!/^(datetime|timestamp)\b/i.test(columnType)) return undefined;
  return `current_timestamp(${precision !== null && precision > 0 ? precision : ''})`;
}

/**
 * The DEFAULT clause's tokens (after the word DEFAULT, up to the next attribute) as
 * COLUMN_DEFAULT text; undefined when it is not certain.
 */
export function ddlDefault(columnType: string, nullable: boolean, tokens: Token[]): string | null | undefined {
  const [first, second, third, fourth] = tokens;
  if (!first) return undefined;
  if (tokens.length === 1 && first.kind === 'word' && first.text.toUpperCase() === 'NULL') return nullable ? 'NULL' : undefined;
  if (tokens.length === 1 && first.kind === 'word' && /^(TRUE|FALSE)$/i.test(first.text)) return literalDefault(columnType, /^TRUE$/i.test(first.text) ? '1' : '0', false);
  if (tokens.length === 1 && (first.kind === 'number' || first.kind === 'string')) {
    return literalDefault(columnType, first.kind === 'string' ? unescapeString(first.text) : first.text, first.kind === 'string');
  }
  if (tokens.length === 2 && first.kind === 'other' && (first.text === '-' || first.text === '+') && second?.kind === 'number') return literalDefault(columnType, `${first.text}${second.text}`, false);
  if (first.kind === 'word' && (tokens.length === 1 || (tokens.length === 3 && second?.text === '(' && third?.text === ')') || (tokens.length === 4 && second?.text === '(' && third?.kind === 'number' && fourth?.text === ')'))) {
    return nowDefault(columnType, first.text, tokens.length === 4 ? Number(third!.text) : null);
  }
  if (tokens.length === 2 && first.kind === 'word' && /^b$/i.test(first.text) && second?.kind === 'string' && /^[01]+$/.test(second.text) && base(columnType) === 'bit') {
    return `b'${BigInt(`0b${second.text}`).toString(2)}'`;
  }
  return undefined;
}

/** A column with no DEFAULT clause: MariaDB's implicit one (NULL for a nullable column, none otherwise). */
export function implicitColumnDefault(columnType: string, nullable: boolean, autoIncrement: boolean): string | null | undefined {
  if (autoIncrement) return null;
  // A NOT NULL TIMESTAMP may get CURRENT_TIMESTAMP implicitly (explicit_defaults_for_timestamp=OFF): not known.
  if (/^timestamp\b/i.test(columnType) && !nullable) return undefined;
  return nullable ? 'NULL' : null;
}

/**
 * A MySQL server's COLUMN_DEFAULT and EXTRA (unquoted literal; `CURRENT_TIMESTAMP` with
 * EXTRA `DEFAULT_GENERATED`) as MariaDB writes them; MariaDB's own are kept as they are.
 */
export function catalogDefault(mariadb: boolean, columnType: string, nullable: boolean, columnDefault: string | null, extra: string): { columnDefault: string | null | undefined; extra: string } {
  if (mariadb) return { columnDefault, extra };
  const generated = /\bDEFAULT_GENERATED\b/i.test(extra);
  const cleanExtra = extra
    .replace(/\bDEFAULT_GENERATED\b/i, '')
    .replace(/on update CURRENT_TIMESTAMP(\((\d)\))?/i, (_m, _p, n: string | undefined) => `on update current_timestamp(${n ?? ''})`)
    .trim();
  if (columnDefault === null) return { columnDefault: /auto_increment/i.test(extra) ? null : nullable ? 'NULL' : null, extra: cleanExtra };
  if (generated) {
    const now = /^CURRENT_TIMESTAMP(?:\((\d)\))?$/i.exec(columnDefault);
    return { columnDefault: now ? `current_timestamp(${now[1] ?? ''})` : undefined, extra: cleanExtra };
  }
  if (base(columnType) === 'bit') return { columnDefault, extra: cleanExtra };
  return { columnDefault: literalDefault(columnType, columnDefault, !/^(tinyint|smallint|mediumint|int|integer|bigint|decimal|float|double|year)\b/i.test(columnType)), extra: cleanExtra };
}
