// MySQL statement text as tokens, with positions: strings and quoted identifiers unquoted, MySQL
// comments (`-- `, `#`, `/* */`) reduced to a space.
import { DialectError } from './dialect-error.ts';

export interface Token {
  kind: 'word' | 'string' | 'quoted' | 'number' | 'other' | 'space';
  /** For strings and quoted identifiers, the body without quotes; otherwise the text itself. */
  text: string;
  /** Where the token sits in the original statement: [start, end). */
  start: number;
  end: number;
}

export function tokenize(sql: string): Token[] {
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
    const start = i;
    const before = tokens.length;
    const comment = /^(?:--(?=\s|$)[^\n]*|#[^\n]*|\/\*[\s\S]*?\*\/)/.exec(sql.slice(i, i + 2) === '/*' || c === '#' || c === '-' ? sql.slice(i) : '');
    if (comment) {
      // Comments carry no meaning for DuckDB; a space keeps neighbouring tokens apart.
      tokens.push({ kind: 'space', text: ' ', start, end: start });
      i += comment[0].length;
    } else if (c === '`') tokens.push({ kind: 'quoted', text: readQuoted('`'), start, end: start });
    else if (c === "'" || c === '"') {
      const body = readQuoted(c);
      // Normalise to a single-quoted body: quotes doubled, backslash escapes kept for DuckDB's E''.
      const unescaped = c === '"' ? body.replace(/""/g, '"') : body.replace(/''/g, "'");
      tokens.push({ kind: 'string', text: unescaped, start, end: start });
    } else if (/\s/.test(c)) {
      const m = /^\s+/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'space', text: m, start, end: start });
      i += m.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z0-9_$]+/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'word', text: m, start, end: start });
      i += m.length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(sql.slice(i))![0];
      tokens.push({ kind: 'number', text: m, start, end: start });
      i += m.length;
    } else {
      tokens.push({ kind: 'other', text: c, start, end: start + 1 });
      i++;
    }
    if (tokens.length > before) Object.assign(tokens[tokens.length - 1]!, { start, end: i });
  }
  return tokens;
}

