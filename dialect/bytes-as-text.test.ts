// Bytes cast to text as MariaDB 10.11 reads them (SELECT HEX(CAST(UNHEX(h) AS CHAR)) there), run on
// an in-memory DuckDB.
import { describe, expect, it } from 'vitest';
import { inMemoryDuckDb } from './in-memory-duckdb.ts';
import { bytesAsText } from './bytes-as-text.ts';

const duck = inMemoryDuckDb();

const textHex = async (hex: string, collation = 'utf8mb4_general_ci') => {
  const r = await duck().runAndReadAll(`SELECT hex(encode(${bytesAsText(`unhex('${hex}')`, collation)}))`);
  return String(r.getRows()[0]![0]);
};

describe('bytes as utf8mb4 text', () => {
  it.each([
    ['FF41', '3F41'], ['E282', '3F3F'], ['41E28241', '413F3F41'], ['C0AF', '3F3F'], ['F09F9880', 'F09F9880'], ['F09F98', '3F3F3F'],
    ['E28228', '3F3F28'], ['F4908080', '3F3F3F3F'], ['E0808F', '3F3F3F'], ['F08F8080', '3F3F3F3F'], ['C1BF', '3F3F'], ['EFBFBF', 'EFBFBF'],
    ['F48FBFBF', 'F48FBFBF'], ['F09F9841', '3F3F3F41'], ['ED9FBF', 'ED9FBF'], ['80', '3F'], ['E2828241', 'E2828241'], ['', ''],
  ])('%s reads as %s', async (hex, expected) => {
    expect(await textHex(hex)).toBe(expected);
  });
  it('writes a 4-byte character as ???? under a utf8mb3 connection', async () => {
    expect(await textHex('F09F988041', 'utf8mb3_general_ci')).toBe('3F3F3F3F41');
    expect(await textHex('F09F9880FF', 'utf8mb3_general_ci')).toBe('3F3F3F3F3F');
    expect(await textHex('C3A9', 'utf8mb3_general_ci')).toBe('C3A9');
  });
  it('refuses a surrogate, and another connection charset', async () => {
    await expect(textHex('EDA080')).rejects.toThrow(/surrogate/);
    await expect(textHex('41EDA080FF')).rejects.toThrow(/surrogate/);
    await expect(textHex('C3A9', 'latin1_swedish_ci')).rejects.toThrow(/latin1/);
  });
});
