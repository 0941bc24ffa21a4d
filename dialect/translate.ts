// MySQL SQL in, DuckDB SQL out: a pure function, cached by statement text.
// With a context (the session's database and the store's catalog) a SELECT is parsed and written
// out by dialect/emit-select.ts; that is the only SQL a gateway session runs. Without one, a
// token rewrite (backtick identifiers to double quotes, `LIMIT o, n` to `LIMIT n OFFSET o`,
// select-list names) serves the unit tests that pin those rewrites.
import { DialectError } from './dialect-error.ts';
import { tokenize, type Token } from './tokenizer.ts';
import { nameSelectItems } from './select-list-names.ts';
import { MYSQL_CATALOG_SCHEMA, MYSQL_CATALOG_VIEWS } from './catalog-views.ts';
import { DialectUnsupported, UnknownColumn } from './dialect-error.ts';
import type { DialectCatalog, RelationRead, ResultColumnHint } from './select-context.ts';
import { translateSelect } from './translate-select.ts';
import { unescapeMysql } from './parser-input.ts';
import { quoteString } from './emitted.ts';
import type { SelectAssignments } from './select-assignments.ts';
import type { UserValue } from './user-variables.ts';

export { DialectError, UnknownColumn };

export type StatementKind = 'select' | 'write' | 'set' | 'use' | 'show' | 'transaction' | 'other';

export interface Translation {
  kind: StatementKind;
  sql: string;
  /** Each result column's MySQL type and name, when the dialect knows them all. */
  columns?: ResultColumnHint[] | null;
  /** Tables (db.table) the catalog did not know: the statement was translated without their types. */
  unknownTables?: string[];
  /** Every relation the SQL reads (parsed SELECTs): what the gateway authorises before running it. */
  relations?: RelationRead[];
  /** SQL_CALC_FOUND_ROWS: counts the rows without the LIMIT, for FOUND_ROWS() afterwards. */
  foundRowsSql?: string;
  /** The SQL holds user variables' values as they are now: a prepared statement re-translates it. */
  readsUserVariables?: boolean;
  /** User variables the statement assigns from its (single) row (dialect/select-assignments.ts). */
  assigns?: SelectAssignments;
}

export interface TranslateContext {
  database: string | null;
  catalog: DialectCatalog;
  /** Name every table with its database, as a stored view's definition must. */
  qualifyTables?: boolean;
  systemVariable?(name: string): string | undefined;
  /** A user variable's value (@name, lower-cased); undefined when never set. */
  userVariable?(name: string): UserValue | undefined;
}

const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'RENAME', 'GRANT', 'REVOKE', 'LOAD', 'CALL', 'LOCK', 'UNLOCK', 'OPTIMIZE', 'ANALYZE', 'HANDLER', 'IMPORT', 'INSTALL', 'UNINSTALL', 'FLUSH', 'PURGE', 'RESET', 'CHANGE', 'KILL']);
const TRANSACTION_WORDS = new Set(['BEGIN', 'COMMIT', 'ROLLBACK', 'START', 'SAVEPOINT', 'RELEASE', 'XA']);

function firstWord(sql: string): string {
  // `(SELECT …) UNION (SELECT …)` is a SELECT: opening parentheses say nothing of the kind.
  const stripped = sql.replace(/^(\s|\(|\/\*[\s\S]*?\*\/|--[^\n]*\n|#[^\n]*\n)*/, '');
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

function renderString(body: string): string {
  return quoteString(unescapeMysql(body));
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

const CATALOG_VIEW_NAMES: ReadonlySet<string> = new Set(MYSQL_CATALOG_VIEWS);

const CACHE_LIMIT = 10_000;
/** Translations by statement text; those typed against a catalog are kept per catalog version. */
type Cached = Translation | DialectUnsupported;
const plainCache = new Map<string, Cached>();
const typedCaches = new WeakMap<DialectCatalog, Map<string, Cached>>();

function remember<T extends Cached>(cache: Map<string, Cached>, key: string, t: T): T {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, t);
  return t;
}

function tokenTranslation(trimmed: string, kind: StatementKind): Translation {
  const tokens = tokenize(trimmed);
  return { kind, sql: render(kind === 'select' ? nameSelectItems(tokens, trimmed) : tokens) };
}

/**
 * MySQL SQL to DuckDB SQL. With a context (the session's database and the store's catalog), a
 * SELECT is parsed and typed (dialect/translate-select.ts). What it cannot translate faithfully
 * throws DialectUnsupported naming the construct (the gateway's error 1235): a refused query is
 * better than an answer that differs from MySQL's. The refusal is cached like a translation.
 */
export function translate(sql: string, context?: TranslateContext): Translation {
  const cache = context ? (typedCaches.get(context.catalog) ?? typedCaches.set(context.catalog, new Map()).get(context.catalog)!) : plainCache;
  // A string literal compares under the connection's collation, and local times (NOW(), a
  // TIMESTAMP column) are the session's time zone's: translations differ by them.
  const vars = context?.systemVariable;
  const key = context ? `${context.database ?? ''}\u0000${vars?.('collation_connection') ?? ''}\u0000${vars?.('time_zone') ?? ''}\u0000${vars?.('system_time_zone') ?? ''}\u0000${sql}` : sql;
  const hit = cache.get(key);
  if (hit instanceof DialectUnsupported) throw hit;
  if (hit) return hit;
  const trimmed = sql.trim().replace(/;\s*$/, '');
  const kind = classify(trimmed);
  if (!context) return remember(cache, key, tokenTranslation(trimmed, kind));
  // Only a parsed SELECT yields SQL to run; other statements are classified, never passed on.
  if (kind !== 'select') return { kind, sql: '' };
  try {
    if (/^\s*(explain|describe|desc)\b/i.test(trimmed)) throw new DialectUnsupported('EXPLAIN or DESCRIBE as a query (the gateway answers them itself)');
    const typed = translateSelect(trimmed, context);
    const t: Translation = {
      kind,
      sql: typed.sql,
      columns: typed.columns,
      relations: typed.relations,
      ...(typed.unknownTables.length ? { unknownTables: typed.unknownTables } : {}),
      ...(typed.foundRowsSql ? { foundRowsSql: typed.foundRowsSql } : {}),
      ...(typed.readsUserVariables ? { readsUserVariables: true } : {}),
      ...(typed.assigns ? { assigns: typed.assigns } : {}),
    };
    return typed.usesVariables ? t : remember(cache, key, t);
  } catch (err) {
    // A refusal is remembered too: refusing again would cost a parse.
    // Not one that may depend on a user variable's value (`@x` anywhere: a cheap, safe test).
    if (err instanceof DialectUnsupported && !sql.includes('@')) remember(cache, key, err);
    throw err;
  }
}
