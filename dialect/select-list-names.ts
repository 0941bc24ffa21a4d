// MySQL names a result column after the select item as it was written (`count(*)`, `a+1`,
// `'abc'` → `abc`); DuckDB names it after its own rendering (`count_star()`). Clients read
// columns by those names, so every unaliased expression in the top-level select list gets an
// explicit alias carrying MySQL's name. Plain column references are left alone: both agree.
import type { Token } from './tokenizer.ts';
import { unescapeMysql } from './parser-input.ts';

const MODIFIERS = new Set(['DISTINCT', 'ALL', 'DISTINCTROW']);
const LIST_END = new Set(['FROM', 'INTO', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'FOR', 'LOCK']);
/** Words that end an expression, so a word after them is not an implicit alias. */
const NOT_ALIAS = new Set(['MICROSECOND', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'SECOND_MICROSECOND', 'MINUTE_MICROSECOND', 'MINUTE_SECOND', 'HOUR_MICROSECOND', 'HOUR_SECOND', 'HOUR_MINUTE', 'DAY_MICROSECOND', 'DAY_SECOND', 'DAY_MINUTE', 'DAY_HOUR', 'YEAR_MONTH', 'END', 'NULL', 'TRUE', 'FALSE', 'UNKNOWN', 'AND', 'OR', 'NOT', 'IS', 'IN', 'LIKE', 'BETWEEN', 'ELSE', 'THEN', 'WHEN', 'CASE', 'DIV', 'MOD', 'XOR', 'REGEXP', 'RLIKE', 'BINARY', 'COLLATE', 'INTERVAL', 'ESCAPE', 'SEPARATOR', 'OVER']);

const ENDS_OPERAND = new Set(['NULL', 'TRUE', 'FALSE', 'UNKNOWN', 'END']);

const upper = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toUpperCase() : '');

function isPlainColumn(item: Token[]): boolean {
  // name, `name`, t.name, db.t.name
  return item.every((t, i) => (i % 2 === 0 ? t.kind === 'word' || t.kind === 'quoted' : t.kind === 'other' && t.text === '.')) && item.length % 2 === 1;
}

function hasAlias(item: Token[]): boolean {
  const last = item[item.length - 1]!;
  const prev = item[item.length - 2];
  if (!prev) return false;
  if (upper(prev) === 'AS') return true;
  // X'ff', b'01' and _utf8mb4'x' are one literal, not an expression and an alias.
  const literalPrefix = last.kind === 'string' && prev.kind === 'word' && prev.end === last.start && /^(x|b|_[a-z0-9]+)$/i.test(prev.text);
  if (literalPrefix && item.length === 2) return false;
  const lastIsName = (last.kind === 'word' && !NOT_ALIAS.has(upper(last))) || last.kind === 'quoted' || (last.kind === 'string' && prev.kind !== 'other' && !literalPrefix);
  // Values and END close an operand too: `NULL TABLE_SCHEM` is NULL aliased TABLE_SCHEM.
  const prevEndsOperand = prev.kind === 'number' || prev.kind === 'string' || prev.kind === 'quoted' || (prev.kind === 'other' && prev.text === ')') || (prev.kind === 'word' && (!NOT_ALIAS.has(upper(prev)) || ENDS_OPERAND.has(upper(prev))));
  // 'a' 'b' is one string to MySQL ('ab'), not 'a' aliased b.
  const concatenated = last.kind === 'string' && prev.kind === 'string';
  return lastIsName && prevEndsOperand && !concatenated && !(prev.kind === 'other' && prev.text === '.');
}

function mysqlName(item: Token[], sql: string): string {
  // A string, or adjacent strings joined into one: MySQL names the column after the first.
  if (item.every((t) => t.kind === 'string')) return unescapeMysql(item[0]!.text);
  return sql.slice(item[0]!.start, item[item.length - 1]!.end);
}

/** The top-level select list of the statement's first SELECT, as one token list per item. */
function topLevelItems(tokens: Token[]): { tokens: Token[]; endIndex: number }[] {
  let depth = 0;
  let selectAt = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'other' && t.text === '(') depth++;
    else if (t.kind === 'other' && t.text === ')') depth--;
    else if (depth === 0 && upper(t) === 'SELECT') {
      selectAt = i;
      break;
    }
  }
  if (selectAt < 0) return [];
  const items: { tokens: Token[]; endIndex: number }[] = [];
  let current: Token[] = [];
  let i = selectAt + 1;
  depth = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'space') continue;
    if (depth === 0 && current.length === 0 && items.length === 0 && MODIFIERS.has(upper(t))) continue;
    if (depth === 0 && (LIST_END.has(upper(t)) || (t.kind === 'other' && t.text === ';'))) break;
    if (t.kind === 'other' && t.text === '(') depth++;
    if (t.kind === 'other' && t.text === ')') depth--;
    if (depth === 0 && t.kind === 'other' && t.text === ',') {
      items.push({ tokens: current, endIndex: i });
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) items.push({ tokens: current, endIndex: i });
  return items;
}

/**
 * MySQL's name for each top-level select item that is an unaliased expression (`count(*)`,
 * `'abc'` → `abc`); null for a column, a star or an aliased item, which name themselves.
 */
export function selectItemNames(tokens: Token[], sql: string): (string | null)[] {
  return topLevelItems(tokens).map(({ tokens: its }) => {
    if (its.length === 0) return null;
    const last = its[its.length - 1]!;
    // Keywords that are values, not columns: named as written.
    if (its.length === 1 && /^(NULL|TRUE|FALSE|CURRENT_DATE|CURRENT_TIME|CURRENT_TIMESTAMP|LOCALTIME|LOCALTIMESTAMP|UTC_DATE|UTC_TIME|UTC_TIMESTAMP|CURRENT_USER)$/.test(upper(last))) return last.text;
    if ((last.kind === 'other' && last.text === '*') || isPlainColumn(its) || hasAlias(its)) return null;
    return mysqlName(its, sql);
  });
}

/** Returns the tokens with ` AS "name"` added after each unaliased top-level select expression. */
export function nameSelectItems(tokens: Token[], sql: string): Token[] {
  const items = topLevelItems(tokens);
  const insertAfter = new Map<number, string>();
  for (const item of items) {
    const its = item.tokens;
    if (its.length === 0) continue;
    const last = its[its.length - 1]!;
    if (last.kind === 'other' && last.text === '*') continue;
    if (isPlainColumn(its)) continue;
    if (hasAlias(its)) {
      // MySQL takes a string as an alias (`x 'total'`, `x AS "total"`); DuckDB wants an identifier.
      if (last.kind === 'string') last.kind = 'quoted';
      continue;
    }
    const lastIndex = tokens.indexOf(last);
    insertAfter.set(lastIndex, ` AS "${mysqlName(its, sql).replace(/"/g, '""')}"`);
  }
  if (insertAfter.size === 0) return tokens;
  const out: Token[] = [];
  tokens.forEach((t, idx) => {
    out.push(t);
    const alias = insertAfter.get(idx);
    if (alias) out.push({ kind: 'other', text: alias, start: t.end, end: t.end });
  });
  return out;
}
