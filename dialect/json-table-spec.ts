// JSON_TABLE(doc, path COLUMNS (...)) read from the statement's tokens: node-sql-parser has no
// grammar for it, so parser-input.ts cuts the call out, leaves the document expression for the
// parser (dialect/json-table.ts emits the relation) and keeps what is read here: the row path and
// the column list, as MariaDB 10.11 declares them. What is not served is refused by name here.
import { DialectUnsupported } from './dialect-error.ts';
import type { Token } from './tokenizer.ts';

/** What a path column gives when its path finds nothing (ON EMPTY) or a non-scalar (ON ERROR). */
export type JsonTableFallback = { kind: 'null' } | { kind: 'error' } | { kind: 'default'; text: string };

export type JsonTableColumn =
  | { kind: 'ordinality'; name: string }
  | { kind: 'exists'; name: string; type: string; path: string }
  | { kind: 'path'; name: string; type: string; path: string; onEmpty: JsonTableFallback; onError: JsonTableFallback }
  /** NESTED PATH path COLUMNS (...): the path's matches in each row, joined to it. */
  | { kind: 'nested'; path: string; columns: JsonTableColumn[] };

export interface JsonTableSpec {
  /** The row path as written, e.g. `$.tags[*]`. */
  path: string;
  columns: JsonTableColumn[];
  /** The document is a string literal (set by jsonTableCall): no other relation's rows come with it. */
  constantDocument?: boolean;
}

const up = (t: Token | undefined): string => (t?.kind === 'word' ? t.text.toUpperCase() : '');

const MYSQL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a' };
const stringValue = (t: Token): string => t.text.replace(/\\(.)/gs, (_, ch: string) => MYSQL_ESCAPES[ch] ?? ch);

/** The spec from the tokens after the document argument's comma up to (not including) the call's `)`. */
export function readJsonTableSpec(tokens: Token[], from: number, to: number): JsonTableSpec {
  let i = from;
  const at = () => tokens[i];
  const fail = (what: string): never => {
    throw new DialectUnsupported(`JSON_TABLE with ${what} near '${at()?.text ?? 'the end'}'`);
  };
  const pathString = (): string => {
    const t = at();
    if (t?.kind !== 'string' || i >= to) fail('a path that is not a string literal');
    i++;
    return stringValue(t!);
  };
  const expectWord = (w: string) => {
    if (up(at()) !== w) fail(`no ${w}`);
    i++;
  };
  const columnList = (): JsonTableColumn[] => {
    if (at()?.text !== '(') fail('no column list');
    i++;
    const columns: JsonTableColumn[] = [];
    for (;;) {
      columns.push(column());
      if (at()?.text === ',') {
        i++;
        continue;
      }
      if (at()?.text !== ')') fail('an unexpected token in its column list');
      i++;
      return columns;
    }
  };
  const column = (): JsonTableColumn => {
    if (up(at()) === 'NESTED') {
      i++;
      expectWord('PATH'); // MariaDB 10.11 takes no NESTED without PATH (1064)
      const path = pathString();
      expectWord('COLUMNS');
      return { kind: 'nested', path, columns: columnList() };
    }
    const nameToken = at();
    if (nameToken?.kind !== 'word' && nameToken?.kind !== 'quoted') fail('a column without a name');
    const name = nameToken!.text;
    i++;
    if (up(at()) === 'FOR') {
      i++;
      expectWord('ORDINALITY');
      return { kind: 'ordinality', name };
    }
    const type = declaredType();
    if (up(at()) === 'EXISTS') {
      i++;
      expectWord('PATH');
      return { kind: 'exists', name, type, path: pathString() };
    }
    expectWord('PATH');
    const path = pathString();
    let onEmpty: JsonTableFallback = { kind: 'null' };
    let onError: JsonTableFallback = { kind: 'null' };
    let seenEmpty = false;
    let seenError = false;
    while (['NULL', 'ERROR', 'DEFAULT'].includes(up(at()))) {
      const fallback = behaviour();
      expectWord('ON');
      const which = up(at());
      if (which === 'EMPTY' && !seenEmpty && !seenError) [onEmpty, seenEmpty] = [fallback, true];
      else if (which === 'ERROR' && !seenError) [onError, seenError] = [fallback, true];
      else fail('an ON clause out of place');
      i++;
    }
    return { kind: 'path', name, type, path, onEmpty, onError };
  };
  const behaviour = (): JsonTableFallback => {
    const w = up(at());
    i++;
    if (w === 'NULL') return { kind: 'null' };
    if (w === 'ERROR') return { kind: 'error' };
    // DEFAULT takes a literal: a string, or a number (possibly signed).
    let sign = '';
    if (at()?.text === '-' || at()?.text === '+') {
      sign = at()!.text === '-' ? '-' : '';
      i++;
    }
    const t = at();
    if (t?.kind === 'string' && sign === '') {
      i++;
      return { kind: 'default', text: stringValue(t) };
    }
    if (t?.kind === 'number') {
      i++;
      return { kind: 'default', text: sign + t.text };
    }
    return fail('a DEFAULT that is not a string or number literal');
  };
  /** The column's declared type as a lower-cased COLUMN_TYPE text (`varchar(20)`, `int unsigned`). */
  const declaredType = (): string => {
    const words: string[] = [];
    while (at()?.kind === 'word' && !['PATH', 'EXISTS'].includes(up(at()))) {
      let w = at()!.text.toLowerCase();
      i++;
      if (at()?.text === '(') {
        const args: string[] = [];
        i++;
        while (at() && at()!.text !== ')') {
          if (at()!.kind !== 'number' && at()!.text !== ',') fail('a type argument that is not a number');
          args.push(at()!.text);
          i++;
        }
        i++;
        w += `(${args.join('')})`;
      }
      words.push(w);
    }
    if (words.length === 0) fail('a column without a type');
    return words.join(' ');
  };
  const path = pathString();
  expectWord('COLUMNS');
  const columns = columnList();
  if (i !== to) fail('text after its column list');
  const names = new Set<string>();
  const named = (list: JsonTableColumn[]): Exclude<JsonTableColumn, { kind: 'nested' }>[] => list.flatMap((c) => (c.kind === 'nested' ? named(c.columns) : [c]));
  for (const c of named(columns)) {
    if (names.has(c.name.toLowerCase())) throw new DialectUnsupported(`JSON_TABLE with the column name ${c.name} twice`);
    names.add(c.name.toLowerCase());
  }
  return { path, columns };
}
