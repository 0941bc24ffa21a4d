// LOCATE's search as MariaDB's my_instr_mb runs it under a one-weight-per-character collation
// (general_ci): at each character of the text it compares a window of the needle's BYTE length
// with the needle under the collation. A window that cuts a character never matches (the cut
// bytes compare as bytes with a character's start), and general_ci gives each character one
// weight, so a match is: as many characters as the needle, of as many bytes, weighing the same
// one by one. Hence LOCATE('é', 'Zoë') is 3 (two bytes each, both weigh E) but LOCATE('e', 'Zoë')
// is 0, and LOCATE('ß', 'Strasse') is 0 ('ß' weighs one S). Checked on MariaDB 10.11.
import { collationKey } from './collation.ts';

/** Each character's general_ci weight; every supplementary character weighs U+FFFD (MariaDB's utf8mb4_general_ci). */
const weights = (sql: string, collation: string): string =>
  `list_transform(string_split(${sql}, ''), lambda lw_c: CASE WHEN strlen(lw_c) = 4 THEN chr(65533) ELSE ${collationKey('lw_c', collation, true)} END)`;

/**
 * SQL: the 1-based character position of the first match of `needle` in `hay` at or after the
 * character `from` (SQL of an integer >= 1), 0 if none; NULL if either is NULL. The needle must
 * not be empty (MariaDB answers an empty needle before it searches).
 */
export function windowLocate(hay: string, needle: string, collation: string, from: string): string {
  const s = 'lw_s';
  const slice = (list: string) => `list_slice(${s}.${list}, lw_i, lw_i + len(${s}.nk) - 1)`;
  const match = `${slice('hk')} = ${s}.nk AND list_sum(${slice('hb')}) = ${s}.nb`;
  const bound = `{'hk': ${weights(hay, collation)}, 'hb': list_transform(string_split(${hay}, ''), lambda lw_c: strlen(lw_c)), 'nk': ${weights(needle, collation)}, 'nb': strlen(${needle})}`;
  const first = `coalesce(list_filter(range(CAST(${from} AS BIGINT), len(${s}.hk) - len(${s}.nk) + 2), lambda lw_i: ${match})[1], 0)`;
  return `CASE WHEN ${hay} IS NULL OR ${needle} IS NULL THEN NULL ELSE list_transform([${bound}], lambda ${s}: ${first})[1] END`;
}

/**
 * LOCATE(needle, hay, pos) of an empty needle, as Item_func_locate answers it: 0 unless
 * 1 <= pos <= hay's BYTE length and pos is at most one past its last character; then the byte
 * offset of character pos, plus 1 (LOCATE('', 'éa', 2) is 3). NULLs give NULL.
 */
export function emptyNeedleAt(hay: string, pos: string): string {
  return `CASE WHEN ${hay} IS NULL OR ${pos} IS NULL THEN NULL WHEN ${pos} < 1 OR ${pos} > strlen(${hay}) OR ${pos} - 1 > length(${hay}) THEN 0 ELSE strlen(left(${hay}, CAST(${pos} - 1 AS BIGINT))) + 1 END`;
}
