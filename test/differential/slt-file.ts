// Reads a sqllogictest file into the records that apply to one engine, following the format as
// ../shared/sqllogictest/README.md describes it (skipif/onlyif conditions, halt, hash-threshold,
// statement ok|error, query <types> <sort> [label] with expected values or a hash).

export type SortMode = 'nosort' | 'rowsort' | 'valuesort';

export interface StatementRecord {
  kind: 'statement';
  line: number;
  sql: string;
  expectError: boolean;
}

export interface QueryRecord {
  kind: 'query';
  line: number;
  sql: string;
  /** One of I, R, T per column. */
  types: string;
  sort: SortMode;
  label: string | null;
  /** Values above this count (or any labelled query) are compared by hash. */
  hashThreshold: number;
  /** The expected block: values one per entry, or a single `N values hashing to md5` entry. */
  expected: string[];
}

export type SltRecord = StatementRecord | QueryRecord;

const controlPart = (line: string) => line.replace(/\s+#.*$/, '').trim();

/** The records of `text` that run on `engine` (compared without regard to case). */
export function parseSltFile(text: string, engine = 'mysql'): SltRecord[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const records: SltRecord[] = [];
  let hashThreshold = 8;
  let i = 0;
  while (i < lines.length) {
    // One record: a run of non-blank lines; comment lines inside are dropped.
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const start = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') {
      if (!lines[i]!.startsWith('#')) block.push(lines[i]!);
      i++;
    }
    let skip = false;
    let at = 0;
    for (; at < block.length; at++) {
      const words = controlPart(block[at]!).split(/\s+/);
      if (words[0] === 'skipif') skip ||= words[1]?.toLowerCase() === engine;
      else if (words[0] === 'onlyif') skip ||= words[1]?.toLowerCase() !== engine;
      else break;
    }
    const head = block[at];
    if (head === undefined) continue;
    const words = controlPart(head).split(/\s+/);
    const line = start + 1;
    switch (words[0]) {
      case 'halt':
        if (!skip) return records;
        continue;
      case 'hash-threshold':
        hashThreshold = Number(words[1]);
        continue;
      case 'statement': {
        if (skip) continue;
        records.push({ kind: 'statement', line, sql: block.slice(at + 1).join('\n'), expectError: words[1] === 'error' });
        continue;
      }
      case 'query': {
        if (skip) continue;
        const body = block.slice(at + 1);
        const separator = body.indexOf('----');
        const sql = (separator < 0 ? body : body.slice(0, separator)).join('\n');
        const expected = separator < 0 ? [] : body.slice(separator + 1);
        records.push({
          kind: 'query',
          line,
          sql,
          types: words[1] ?? '',
          sort: (words[2] as SortMode | undefined) ?? 'nosort',
          label: words[3] ?? null,
          hashThreshold,
          expected,
        });
        continue;
      }
      default:
        throw new Error(`sqllogictest line ${line}: unknown record "${head}"`);
    }
  }
  return records;
}
