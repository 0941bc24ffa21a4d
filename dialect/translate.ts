// MySQL SQL in, DuckDB SQL out: a pure function, cached by statement text.
// This first version works on tokens: backtick identifiers become double-quoted ones, MySQL's
// double-quoted strings become single-quoted, and `LIMIT offset, count` becomes
// `LIMIT count OFFSET offset`. Issue 6 replaces it with a parser-based rewrite.

/** The statement cannot be read; the gateway answers with error 1064. */
export class DialectError extends Error {}

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

interface Token {
  kind: 'word' | 'string' | 'quoted' | 'number' | 'other' | 'space';
  text: string;
}

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const readQuoted = (q: string): string => {
    let j = i + 1;
    let out = '';
    while (j < sql.length) {
      const c = sql[j]!;
      if (c === '\\' && q !== '`') {
        out += c + (sql[j + 1] ?? '');
        j += 2;
        continue;
      }
      if (c === q) {
        if (sql[j + 1] === q) {
          out += q === '`' ? '`' : c + c;
          j += 2;
          continue;
        }
        break;
      }
      out += c;
      j++;
    }
    if (j >= sql.length) throw new DialectError(`unterminated ${q === '`' ? 'quoted identifier' : 'string literal'} starting at position ${i}`);
    i = j + 1;
    return out;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const comment = /^(?:--(?=\s|$)[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)/.exec(sql.slice(i, i + 2) === '/*' || c === '#' || c === '-' ? sql.slice(i) : '');
    if (comment) {
      // Comments carry no meaning for DuckDB; a space keeps neighbouring tokens apart.
      tokens.push({ kind: 'space', text: ' ' });
      i += comment[0].length;
    } else if (c === '`') tokens.push({ kind: 'quoted', text: readQuoted('`') });
    else if (c === "'" || c === '"') {
      const body = readQuoted(c);
      // Normalise to a single-quoted body: quotes doubled, backslash escapes kept for DuckDB's E''.
      const unescaped = c === '"' ? body.replace(/""/g, '"') : body.replace(/''/g, "'");
      tokens.push({ kind: 'string', text: unescaped });
    } else if (/\s/.test(c)) {
      const m = /^\s+/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'space', text: m });
      i += m.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z0-9_$]+/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'word', text: m });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'number', text: m });
      i += m.length;
    } else {
      tokens.push({ kind: 'other', text: c });
      i++;
    }
  }
  return tokens;
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
        out.push({ kind: 'word', text: `LIMIT ${next[2].text} OFFSET ${next[0].text}` });
        let seen = 0;
        while (seen < 3) if (tokens[++i]!.kind !== 'space') seen++;
        continue;
      }
    }
    out.push(t);
  }
  return out
    .map((t) => (t.kind === 'quoted' ? '"' + t.text.replace(/"/g, '""') + '"' : t.kind === 'string' ? renderString(t.text) : t.text))
    .join('');
}

const cache = new Map<string, Translation>();
const CACHE_LIMIT = 10_000;

export function translate(sql: string): Translation {
  const hit = cache.get(sql);
  if (hit) return hit;
  const trimmed = sql.trim().replace(/;\s*$/, '');
  const result: Translation = { kind: classify(trimmed), sql: render(tokenize(trimmed)) };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(sql, result);
  return result;
}
