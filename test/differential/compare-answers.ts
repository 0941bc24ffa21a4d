// Runs one query on the source and through the gateway and says how the answers compare: the
// same values as text in the same order (every corpus query fixes its order), refused by the
// gateway with error 1235, or different.
import type mysql from 'mysql2/promise';

export type Verdict = { outcome: 'identical' } | { outcome: 'refused'; reason: string } | { outcome: 'different'; detail: string };

/** Rows as text, as both sides of a comparison are read (binary values as hex). */
export const asText = (rows: unknown) =>
  (rows as unknown[][]).map((r) => r.map((v) => (v === null ? null : Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : String(v))));

export async function compareAnswers(source: mysql.Connection, gateway: mysql.Connection, sql: string): Promise<Verdict> {
  const [expected] = await source.query({ sql, rowsAsArray: true }).catch((e: Error) => {
    throw new Error(`the source itself rejects a corpus query (fix the corpus): ${e.message}\n${sql}`);
  });
  let actual: unknown;
  try {
    [actual] = await gateway.query({ sql, rowsAsArray: true });
  } catch (e) {
    const err = e as { errno?: number; message: string };
    if (err.errno === 1235) return { outcome: 'refused', reason: err.message };
    return { outcome: 'different', detail: `error ${err.errno ?? ''}: ${err.message}` };
  }
  const a = asText(expected);
  const b = asText(actual);
  if (JSON.stringify(a) === JSON.stringify(b)) return { outcome: 'identical' };
  const row = a.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(b[i]));
  return { outcome: 'different', detail: `${a.length} vs ${b.length} rows; first difference at row ${row}: ${JSON.stringify(a[row])} vs ${JSON.stringify(b[row])}` };
}
