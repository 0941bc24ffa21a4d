// character_set_results: the character set the server sends result text in. `binary` (what
// mariadb-dump sets around SHOW CREATE TABLE and the trigger lookups) sends text columns as
// binary strings, charset 63, so clients hand the bytes on undecoded; the bytes do not change,
// the store's text being utf8mb4 already. Other values leave the columns as the engine typed them.
import { Charset } from './protocol/constants.ts';
import type { QueryResult } from './result-set.ts';

export function inResultsCharset(result: QueryResult, characterSetResults: string | undefined): QueryResult {
  if (result.kind !== 'rows' || characterSetResults?.toLowerCase() !== 'binary') return result;
  return { ...result, columns: result.columns.map((c) => (c.charset === Charset.BINARY ? c : { ...c, charset: Charset.BINARY })) };
}
