// MySQL SQL in, DuckDB SQL out: a pure function, cached by statement text.
// This first version works on tokens: backtick identifiers become double-quoted ones, MySQL's
// double-quoted strings become single-quoted, and `LIMIT offset, count` becomes
// `LIMIT count OFFSET offset`, and expressions in the select list get MySQL's column names.
// Issue 6 replaces it with a parser-based rewrite.
import { DialectError } from './dialect-error.ts';
import { tokenize, type Token } from './tokenizer.ts';
import { nameSelectItems } from './select-list-names.ts';

export { DialectError };

export type StatementKind = 'select' | 'write' | 'set' | 'use' | 'show' | 'transaction' | 'other';

export interface Translation {
  kind: StatementKind;
  sql: string;
}

const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'RENAME', 'GRANT', 'REVOKE', 'LOAD', 'CALL', 'LOCK', 'UNLOCK', 'OPTIMIZE', 'ANALYZE', 'HANDLER', 'IMPORT', 'INSTALL', 'UNINSTALL', 'FLUSH', 'PURGE', 'RESET', 'CHANGE', 'KILL']);
const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'START', 'SAVEPOINT', 'RELEASE', 'XA']);

function firstWord(sql: string): string {
  const stripped = sql.replace(/^(\s|\/\*[\s\S]*?\*\/|--[^\n]*\n|#[^\n]*\n)*/, '');
  return (/^[A-Za-z]+/.exec(stripped)?.[0] ?? '').toUpperCase();
}

export function classify(sql: string): StatementKind {
  const word = firstWord(sql);
  if (word === 'SELECT' || word === 'WITH' || word === 'VALUES' || word === 'TABLE' || word === 'EXPLAIN' || word === 'DESCRIBE' || word === 'DESC') return 'select';
  if (WRITE_WORDS.has(word)) return 'write';
  if (TRANSACTION_WORDS.has(word)) return 'transaction';
  if (word === 'SET') return 'set';
  if (word === 'USE') return 'use';
  if (word === 'SHOW') return 'show';
  return 'other';
}

const MYSQL_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', b: '\b', Z: '\x1a', '\\': '\\', "'": "'", '"': '"', '%': '\\%', _: '\\_' };

function renderString(body: string): string {
  const value = body.replace(/\\(.)/g, (_, ch: string) => MYSQL_ESCAPES[ch] ?? ch);
  return "'" + value.replace(/'/g, "''") + "'";
}

function render(tokens: Token[]): string {
  // Rewrite `LIMIT a , b` into `LIMIT b OFFSET a`.
  const out: Token[] = [];
  const solid = (idx: number) => tokens.slice(idx).filter((t) => t.kind !== 'space');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' && t.text.toUpperCase() === 'LIMIT') {
      const next = solid(i + 1);
      if (next[0]?.kind === 'number' && next[1]?.text === ',' && next[2]?.kind === 'number') {
        out.push({ kind: 'word', text: `LIMIT ${next[2].text} OFFSET ${next[0].text}`, start: t.start, end: next[2].end });
        let seen = 0;
        while (seen < 3) if (tokens[++i]!.kind !== 'space') seen++;
        continue;
      }
    }
    // MySQL's information_schema views are answered by the gateway's copies (see
    // gateway/mysql-catalog.ts); DuckDB's own information_schema has other columns.
    if ((t.kind === 'word' || t.kind === 'quoted') && t.text.toLowerCase() === 'information_schema') {
      const next = tokens[i + 1];
      const view = tokens[i + 2];
      if (next?.text === '.' && view && (view.kind === 'word' || view.kind === 'quoted') && CATALOG_VIEW_NAMES.has(view.text.toLowerCase())) {
        out.push({ kind: 'word', text: `${MYSQL_CATALOG_SCHEMA}.${view.text.toLowerCase()}`, start: t.start, end: view.end });
        i += 2;
        continue;
      }
    }
    out.push(t);
  }
  return out
    .map((t) => (t.kind === 'quoted' ? '"' + t.text.replace(/"/g, '""') + '"' : t.kind === 'string' ? renderString(t.text) : t.text))
    .join('');
}

/** Where the gateway keeps MySQL-shaped information_schema views (gateway/mysql-catalog.ts defines each). */
export const MYSQL_CATALOG_SCHEMA = '_instaquery_mysql';
export const MYSQL_CATALOG_VIEWS = ['schemata', 'tables', 'columns', 'statistics', 'key_column_usage'] as const;
const CATALOG_VIEW_NAMES: ReadonlySet<string> = new Set(MYSQL_CATALOG_VIEWS);

const cache = new Map<string, Translation>();
const CACHE_LIMIT = 10_000;

export function translate(sql: string): Translation {
  const hit = cache.get(sql);
  if (hit) return hit;
  const trimmed = sql.trim().replace(/;\s*$/, '');
  const kind = classify(trimmed);
  const tokens = tokenize(trimmed);
  const result: Translation = { kind, sql: render(kind === 'select' ? nameSelectItems(tokens, trimmed) : tokens) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(sql, result);
  return result;
}
