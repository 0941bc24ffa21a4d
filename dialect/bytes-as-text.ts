// Bytes read as utf8mb4 text, as MariaDB's CAST(b AS CHAR) / CONVERT(b USING utf8mb4) read them:
// at each byte, a well-formed character (MariaDB's my_mb_wc_utf8mb4: no overlong form, nothing
// past U+10FFFF) is kept; otherwise that one byte becomes '?' and reading goes on at the next
// (E28228 is '??(', C0AF '??', F09F98 '???'). MariaDB also takes a UTF-16 surrogate (EDA080) as a
// character, which no DuckDB string can hold: refused when met. A character past U+FFFF is one
// only where the connection's charset is utf8mb4 (under utf8mb3 it is '????').

import { DialectUnsupported } from './dialect-error.ts';

// The continuation byte, as hex text.
const C = '[89AB][0-9A-F]';
/** A character MariaDB reads whole, as hex text: 1 to 4 bytes, no overlong form, nothing past U+10FFFF, no surrogate. */
const WELL_FORMED = [
  '[0-7][0-9A-F]',
  `(?:C[2-9A-F]|D[0-9A-F])${C}`,
  `E0[AB][0-9A-F]${C}`,
  `E[1-9A-CEF]${C}${C}`,
  `ED[89][0-9A-F]${C}`,
  `F0[9AB][0-9A-F]${C}${C}`,
  `F[1-3]${C}${C}${C}`,
  `F48[0-9A-F]${C}${C}`,
].join('|');
const SURROGATE = `ED[AB][0-9A-F]${C}`;

/**
 * SQL: the BLOB `bytes` as the text MariaDB makes of it under a connection of `collation`.
 * Valid UTF-8 (the common case) is decoded at once; other bytes go through the token list.
 */
export function bytesAsText(bytes: string, collation: string): string {
  const charset = collation.toLowerCase().split('_')[0]!;
  // Under another connection charset the bytes are that charset's text (latin1 reads C3A9 as two characters).
  if (charset !== 'utf8mb4' && charset !== 'utf8mb3' && charset !== 'utf8') throw new DialectUnsupported(`bytes cast to text under the connection charset ${charset}`);
  const fourByteOk = charset === 'utf8mb4';
  const refuse = (why: string) => `error('instaquery cannot convert the bytes ' || hex(iq_b) || ' to text as MariaDB does (${why})')`;
  // RE2 takes the first alternative that matches (leftmost-first), and every alternative spans
  // whole bytes, so the tokens stay on byte boundaries. Under utf8mb3 each of a 4-byte
  // character's bytes starts no character: '????'.
  const tokens = `regexp_extract_all(hex(iq_b), '${WELL_FORMED}|${SURROGATE}|..')`;
  const token = `CASE WHEN regexp_full_match(iq_t, '(?:${SURROGATE})') THEN ${refuse('a UTF-16 surrogate, which MariaDB keeps')}${fourByteOk ? '' : " WHEN length(iq_t) = 8 THEN '3F3F3F3F'"} WHEN regexp_full_match(iq_t, '(?:${WELL_FORMED})') THEN iq_t ELSE '3F' END`;
  const repaired = `decode(unhex(array_to_string(list_transform(${tokens}, lambda iq_t: ${token}), '')))`;
  const decoded = fourByteOk ? 'iq_c' : `regexp_replace(iq_c, '[\\x{10000}-\\x{10FFFF}]', '????', 'g')`;
  return `list_transform([${bytes}], lambda iq_b: CASE WHEN iq_b IS NULL THEN NULL ELSE list_transform([try(decode(iq_b))], lambda iq_c: CASE WHEN iq_c IS NULL THEN ${repaired} ELSE ${decoded} END)[1] END)[1]`;
}
