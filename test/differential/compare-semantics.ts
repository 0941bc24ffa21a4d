// One query on the source and through the gateway, compared value by value and type by type: the
// same rows as text, the same column types (MySQL type id, UNSIGNED, decimals) — or, where the
// source rejects the query, the same error code. A 1235 refusal from the gateway is its own
// outcome (the gateway said it cannot answer exactly); anything else is a difference.
import type mysql from 'mysql2/promise';
import { asText, type Verdict } from './compare-answers.ts';

const UNSIGNED = 32;
const typeOf = (f: mysql.FieldPacket) => `${f.columnType ?? f.type}${((f.flags as number) & UNSIGNED) !== 0 ? 'u' : ''}/${f.decimals}`;

type Answer = { rows: (string | null)[][]; types: string[] } | { errno: number; message: string };

async function answer(conn: mysql.Connection, sql: string): Promise<Answer> {
  try {
    const [rows, fields] = await conn.query({ sql, rowsAsArray: true });
    if (!Array.isArray(rows)) return { rows: [['(no result set)']], types: [] };
    return { rows: asText(rows), types: ((fields ?? []) as mysql.FieldPacket[]).map(typeOf) };
  } catch (e) {
    const err = e as { errno?: number; message: string };
    if (err.errno === undefined) throw e;
    return { errno: err.errno, message: err.message };
  }
}

export async function compareSemantics(source: mysql.Connection, gateway: mysql.Connection, sql: string): Promise<Verdict> {
  const expected = await answer(source, sql);
  const actual = await answer(gateway, sql);
  if ('errno' in actual && actual.errno === 1235 && !('errno' in expected && expected.errno === 1235)) return { outcome: 'refused', reason: actual.message };
  if ('errno' in expected || 'errno' in actual) {
    if ('errno' in expected && 'errno' in actual && expected.errno === actual.errno) return { outcome: 'identical' };
    const show = (a: Answer) => ('errno' in a ? `error ${a.errno}: ${a.message}` : `${a.rows.length} rows ${JSON.stringify(a.rows.slice(0, 2))}`);
    return { outcome: 'different', detail: `${show(expected)} vs ${show(actual)}` };
  }
  const a = JSON.stringify(expected.rows);
  const b = JSON.stringify(actual.rows);
  if (a !== b) {
    const row = expected.rows.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(actual.rows[i]));
    return { outcome: 'different', detail: `${expected.rows.length} vs ${actual.rows.length} rows; first difference at row ${row}: ${JSON.stringify(expected.rows[row] ?? null)} vs ${JSON.stringify(actual.rows[row] ?? null)}` };
  }
  if (expected.types.join() !== actual.types.join()) return { outcome: 'different', detail: `types ${expected.types.join(' ')} vs ${actual.types.join(' ')}` };
  return { outcome: 'identical' };
}
