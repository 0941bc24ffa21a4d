// The attack corpora (attacks.jsonl, forwarding-attacks.jsonl): one JSON attack a line, how each is
// sent, the order categories run in, and the {{PLACEHOLDERS}} a statement is written with, since
// the names and paths it attacks are only known once the environment is set up.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecurityEnv, Who } from './security-env.ts';

/**
 * How an attack is sent: `text` (COM_QUERY, no multi-statement capability), `prepared`
 * (COM_STMT_PREPARE + EXECUTE through mysql2's execute), `multi` (COM_QUERY with
 * CLIENT_MULTI_STATEMENTS), `nodb` (text, on a connection without a default database), and raw
 * protocol commands: `field_list` (COM_FIELD_LIST; sql = the table argument) and `init_db`
 * (COM_INIT_DB; sql = the database name), and `connect_db` (a login naming sql as its database).
 */
export type Mode = 'text' | 'prepared' | 'multi' | 'nodb' | 'field_list' | 'init_db' | 'connect_db';

export interface Attack {
  category: string;
  sql: string;
  as: Who | 'both';
  mode: Mode;
  /** What `limited` must get (see checkExpectation); default: the category's rule. */
  expect?: string;
  /** What `admin` must get; default: `expect`, else the category's rule. */
  expectAdmin?: string;
  /** Strings (placeholders allowed) that must not appear in the answer. */
  absent?: string[];
  /** Values bound to the `?` of a prepared statement (strings may hold placeholders). */
  params?: (string | number | null)[];
  /** 1-based line in attacks.jsonl. */
  line: number;
}

const MODES: ReadonlySet<string> = new Set(['text', 'prepared', 'multi', 'nodb', 'field_list', 'init_db', 'connect_db']);

/** The corpus, read synchronously so tests can be declared per category. */
export function loadAttacks(file = 'attacks.jsonl'): Attack[] {
  const text = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  const attacks: Attack[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('//')) return;
    let a: Attack;
    try {
      a = JSON.parse(raw) as Attack;
    } catch (err) {
      throw new Error(`${file} line ${i + 1}: ${(err as Error).message}`);
    }
    if (typeof a.category !== 'string' || typeof a.sql !== 'string' || !['limited', 'admin', 'both'].includes(a.as) || !MODES.has(a.mode)) {
      throw new Error(`${file} line ${i + 1}: needs category, sql, as (limited|admin|both), mode (${[...MODES].join('|')})`);
    }
    attacks.push({ ...a, line: i + 1 });
  });
  return attacks;
}

/** Reads first; what might change the session, the settings or the store last. */
const CATEGORY_ORDER = ['control', 'cross-db-join', 'cte', 'subquery', 'derived-table', 'set-operation', 'multi-statement', 'prepared', 'versioned-comment', 'escape', 'comment', 'identifier', 'explain', 'catalog-info', 'protocol-command', 'internal-schema', 'file-function', 'session', 'settings', 'write', 'duckdb-statement'];

/** The corpus's categories, in the order they run. */
export function categoriesOf(attacks: Attack[]): string[] {
  const present = [...new Set(attacks.map((a) => a.category))];
  return [...CATEGORY_ORDER.filter((c) => present.includes(c)), ...present.filter((c) => !CATEGORY_ORDER.includes(c))];
}

/**
 * The placeholders of attacks.jsonl and forwarding-attacks.jsonl: {{SECRET_DB}} (and
 * {{SECRET_DB_UPPER}}), {{ALLOWED_DB}}, {{VAULT}} / {{VAULT_COLUMN}} (a table and column only the
 * secret database has), {{SUFFIX}} (the run's random suffix), {{BAIT}} (= {{BAIT_CSV}}),
 * {{BAIT_JSON}}, {{BAIT_NDJSON}}, {{BAIT_TXT}}, {{BAIT_PARQUET}}, {{BAIT_DUCKDB}}, {{BAIT_DIR}},
 * {{WATCH}} (a path of this attack's own in the watch dir), {{WATCH_DIR}}, {{MARK}} (a name of this
 * attack's own, looked for in /tmp, the temp root and the data dir afterwards), {{CONFIG}},
 * {{DATA_DIR}}, {{STORE_FILE}}, {{ENV_VAR}} (an environment variable of the instaquery process
 * holding a sentinel), and {{ADMIN_CONN_ID}} (an admin session's connection id, given by the run).
 */
export function placeholders(env: SecurityEnv, mark: string): Record<string, string> {
  return {
    SUFFIX: env.suffix,
    SECRET_DB: env.secretDb,
    SECRET_DB_UPPER: env.secretDb.toUpperCase(),
    ALLOWED_DB: env.allowedDb,
    VAULT: env.vaultTable,
    VAULT_COLUMN: env.vaultColumn,
    BAIT: env.bait.csv,
    BAIT_CSV: env.bait.csv,
    BAIT_JSON: env.bait.json,
    BAIT_NDJSON: env.bait.ndjson,
    BAIT_TXT: env.bait.txt,
    BAIT_PARQUET: env.bait.parquet,
    BAIT_DUCKDB: env.bait.duckdb,
    BAIT_DIR: env.baitDir,
    WATCH: join(env.watchDir, mark),
    WATCH_DIR: env.watchDir,
    MARK: mark,
    CONFIG: env.configPath,
    DATA_DIR: env.dataDir,
    STORE_FILE: env.storeFile,
    ENV_VAR: 'INSTAQUERY_SECURITY_BAIT',
  };
}

export function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`unknown placeholder ${whole}`);
    return v;
  });
}
