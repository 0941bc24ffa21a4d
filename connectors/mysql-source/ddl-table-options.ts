// Table options in CREATE TABLE and ALTER TABLE (ENGINE, [DEFAULT] CHARSET / COLLATE, COMMENT,
// ROW_FORMAT and the other options information_schema.TABLES.CREATE_OPTIONS lists), as the
// store keeps them for SHOW CREATE TABLE. AUTO_INCREMENT=n is kept as a floor: a replica's
// counter then follows its rows (the gateway adds max(column)+1).
import type { TableOptions } from '../../core/index.ts';
import { unescapeString } from './column-default.ts';
import type { Cursor } from './ddl-cursor.ts';

/** Engines by the name MariaDB prints. */
const ENGINES: Record<string, string> = { innodb: 'InnoDB', myisam: 'MyISAM', aria: 'Aria', memory: 'MEMORY', heap: 'MEMORY', csv: 'CSV', archive: 'ARCHIVE', blackhole: 'BLACKHOLE', sequence: 'SEQUENCE' };
/** A character set's default collation (SHOW CHARACTER SET), for the sets MariaDB sources use. */
const DEFAULT_COLLATION: Record<string, string> = { utf8mb4: 'utf8mb4_general_ci', utf8mb3: 'utf8mb3_general_ci', utf8: 'utf8mb3_general_ci', latin1: 'latin1_swedish_ci', ascii: 'ascii_general_ci', binary: 'binary', ucs2: 'ucs2_general_ci', utf16: 'utf16_general_ci', utf32: 'utf32_general_ci' };
/** A character set's default collation, where it is one of those above. */
export const defaultCollation = (charset: string): string | undefined => DEFAULT_COLLATION[charset.toLowerCase()];

/** CREATE_OPTIONS' keys, in the order MariaDB lists them; values upper-cased for the word-valued ones. */
const CREATE_OPTIONS = ['min_rows', 'max_rows', 'avg_row_length', 'pack_keys', 'stats_persistent', 'stats_auto_recalc', 'stats_sample_pages', 'checksum', 'page_checksum', 'delay_key_write', 'row_format', 'transactional', 'key_block_size'];
const WORD_VALUED = new Set(['row_format', 'pack_keys']);
/** Options that change nothing SHOW CREATE TABLE shows from the store. */
const IGNORED = new Set(['UNION', 'INSERT_METHOD', 'DATA', 'INDEX', 'CONNECTION', 'PASSWORD', 'ENCRYPTED', 'ENCRYPTION_KEY_ID', 'PAGE_COMPRESSED', 'PAGE_COMPRESSION_LEVEL', 'IETF_QUOTES', 'SEQUENCE', 'WITH', 'TABLESPACE', 'STORAGE']);

function value(c: Cursor): string {
  c.acceptSymbol('=');
  const t = c.next();
  return t.kind === 'string' ? unescapeString(t.text) : t.text;
}

/**
 * Reads the space-separated table options at the cursor into `options`, stopping at the first
 * word that is not one (or a comma, which the caller reads); returns whether it read any.
 */
export function readTableOptions(c: Cursor, options: TableOptions): boolean {
  let read = false;
  const created = new Map((options.createOptions ?? '').split(' ').filter(Boolean).map((o) => [o.split('=')[0]!, o.slice(o.indexOf('=') + 1)] as const));
  for (;;) {
    const w = c.word();
    const after = c.word(1);
    if (w === 'ENGINE' || w === 'TYPE') {
      c.next();
      const engine = value(c);
      options.engine = ENGINES[engine.toLowerCase()] ?? engine;
    } else if (w === 'DEFAULT' && (after === 'CHARSET' || after === 'CHARACTER' || after === 'COLLATE')) {
      c.next();
      continue;
    } else if (w === 'CHARSET' || (w === 'CHARACTER' && after === 'SET')) {
      c.next();
      if (w === 'CHARACTER') c.next();
      const charset = value(c).toLowerCase();
      const collation = DEFAULT_COLLATION[charset];
      if (collation) options.collation = collation;
      else delete options.collation;
    } else if (w === 'COLLATE') {
      c.next();
      options.collation = value(c).toLowerCase();
    } else if (w === 'COMMENT') {
      c.next();
      options.comment = value(c);
      if (!options.comment) delete options.comment;
    } else if (w === 'AUTO_INCREMENT' && (c.isSymbol('=', 1) || c.peek(1)?.kind === 'number')) {
      c.next();
      const n = value(c);
      if (/^\d+$/.test(n)) options.autoIncrement = n;
    } else if (CREATE_OPTIONS.includes(w.toLowerCase())) {
      c.next();
      const v = value(c);
      if (v.toUpperCase() === 'DEFAULT') created.delete(w.toLowerCase());
      else created.set(w.toLowerCase(), WORD_VALUED.has(w.toLowerCase()) ? v.toUpperCase() : v);
    } else if (IGNORED.has(w) && (c.isSymbol('=', 1) || c.peek(1)?.kind === 'number' || c.peek(1)?.kind === 'string' || w === 'DATA' || w === 'INDEX')) {
      c.next();
      if (w === 'DATA' || w === 'INDEX') c.accept('DIRECTORY');
      if (c.isSymbol('=') || c.peek()?.kind !== 'other') value(c);
    } else break;
    read = true;
  }
  const listed = CREATE_OPTIONS.filter((k) => created.has(k)).map((k) => `${k}=${created.get(k)}`);
  if (listed.length > 0) options.createOptions = listed.join(' ');
  else delete options.createOptions;
  return read;
}
