// What the server said to one statement, flattened into text: the leak checks look for sentinels
// in every value, column name and message, whatever shape mysql2 (or the raw client) returned.

export interface Outcome {
  kind: 'rows' | 'ok' | 'error' | 'dropped' | 'timeout';
  error?: { errno?: number; sqlState?: string; code?: string; message: string };
  /** Rows (as arrays of text) of the last result set, for exact-row expectations. */
  rows?: string[][];
  rowCount: number;
  /** Every value, column name and message the server sent, flattened. */
  text: string;
  warnings: string;
  /** What the client sent earlier on the same connection: SHOW WARNINGS may still describe it. */
  earlier?: string;
}

export function flatten(value: unknown, out: string[], depth = 0): void {
  if (depth > 8 || value === null || value === undefined) return;
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') out.push(String(value));
  else if (Buffer.isBuffer(value)) out.push(value.toString('utf8'), value.toString('latin1'), value.toString('hex'));
  else if (value instanceof Date) out.push(Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString());
  else if (Array.isArray(value)) for (const v of value) flatten(v, out, depth + 1);
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.startsWith('_')) continue;
      out.push(k);
      flatten(v, out, depth + 1);
    }
  }
}

export function fieldText(fields: unknown): string[] {
  const out: string[] = [];
  const visit = (f: unknown) => {
    if (!f) return;
    if (Array.isArray(f)) return f.forEach(visit);
    const c = f as Record<string, unknown>;
    for (const k of ['name', 'orgName', 'table', 'orgTable', 'db', 'schema', 'catalog']) if (typeof c[k] === 'string') out.push(c[k] as string);
  };
  visit(fields);
  return out;
}

const asText = (v: unknown): string => (v === null || v === undefined ? 'NULL' : Buffer.isBuffer(v) ? v.toString('utf8') : v instanceof Date ? v.toISOString() : String(v));

/** The last result set's rows, when the answer was rows (several result sets: fields is a list of lists). */
export function lastRows(rows: unknown, fields: unknown): string[][] | undefined {
  if (!Array.isArray(rows)) return undefined;
  const several = Array.isArray(fields) && fields.length > 0 && fields.every((f) => f === undefined || f === null || Array.isArray(f));
  const last = several ? rows.at(-1) : rows;
  if (!Array.isArray(last)) return undefined;
  return last.map((r) => (Array.isArray(r) ? r.map(asText) : Object.values(r as object).map(asText)));
}
