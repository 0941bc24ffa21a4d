// Turns a result set into sqllogictest's expected form: each value rendered by its column's
// declared type (I as %d, R as %.3f, T as text with `(empty)` and `@` for non-printables), sorted
// as the record asks, and above the hash threshold reduced to `N values hashing to <md5>`.
// Dolthub's runner, whose MySQL 8 expectations these are, treats I and R alike: an integer in an
// R column gains `.000`, a whole number in an I column loses its fraction. So does this one.
import { createHash } from 'node:crypto';
import type { QueryRecord } from './slt-file.ts';

/** A value as the text protocol gives it (mysql2 with strings for numbers and dates), or null. */
export type WireValue = string | number | bigint | Buffer | null;

function renderValue(value: WireValue, type: string): string {
  if (value === null) return 'NULL';
  const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
  if (type === 'I' || type === 'R') {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n)) {
      if (type === 'R') return n.toFixed(3);
      if (Number.isInteger(n)) return /^-?\d+$/.test(text) ? text : String(n);
      return n.toFixed(3);
    }
  }
  if (text === '') return '(empty)';
  return text.replace(/[^\x20-\x7e]/g, '@');
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The values of `rows` rendered and sorted as `record` asks, before any hashing. */
export function renderRows(record: QueryRecord, rows: WireValue[][]): string[] {
  const rendered = rows.map((row) => row.map((v, i) => renderValue(v, record.types[i] ?? 'T')));
  if (record.sort === 'rowsort') {
    rendered.sort((a, b) => {
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const c = compareText(a[i] ?? '', b[i] ?? '');
        if (c !== 0) return c;
      }
      return 0;
    });
  }
  const values = rendered.flat();
  if (record.sort === 'valuesort') values.sort(compareText);
  return values;
}

/** What the file would hold for these values: the values themselves, or their count and hash. */
export function expectedForm(record: QueryRecord, values: string[]): string[] {
  const overThreshold = record.hashThreshold > 0 && values.length > record.hashThreshold;
  if (overThreshold || record.label !== null) {
    const md5 = createHash('md5');
    for (const v of values) md5.update(`${v}\n`);
    return [`${values.length} values hashing to ${md5.digest('hex')}`];
  }
  return values;
}

/** Whether `rows` are the answer `record` expects. */
export function matchesExpected(record: QueryRecord, rows: WireValue[][]): boolean {
  const values = renderRows(record, rows);
  // A labelled record may still list its values; compare in whichever form the file uses.
  const hashed = record.expected.length === 1 && / values hashing to [0-9a-f]{32}$/.test(record.expected[0]!);
  const actual = hashed ? expectedForm({ ...record, hashThreshold: 0, label: 'hash' }, values) : values;
  return actual.length === record.expected.length && actual.every((v, i) => v === record.expected[i]);
}
