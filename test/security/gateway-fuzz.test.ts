// A bounded, seeded grammar fuzzer for the gateway's authorisation: statements composed of
// wrappers (parentheses, CTEs, derived tables, subqueries in every position, UNION branches,
// comments and versioned comments, quote and escape noise, case and whitespace noise,
// multi-statement prefixes) around relations drawn from a pool (allowed tables, secret tables,
// file paths as identifiers and strings, DuckDB table functions, the store's internal schemas),
// plus mutations of the attack corpus. Run as the `limited` user over one connection (reopened
// when dropped), against a store-only instance and one with gateway.upstream. Never a sentinel in
// any answer, never a file made, and the gateway alive at the end. IQ_SECURITY_FUZZ_SEED picks
// another seed; a failure prints the seed and its first 20 statements.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { leaksIn } from './answer-checks.ts';
import { expand, loadAttacks, placeholders } from './attack-corpus.ts';
import { FileWatch } from './file-watch.ts';
// mulberry32, the workload generator's: the same sequence for the same seed everywhere.
import { prng } from '../../workload/rental-billing/generate.ts';
import { connectAs, startSecurityEnv, stillAnswers, type SecurityEnv } from './security-env.ts';

const SEED = Number(process.env.IQ_SECURITY_FUZZ_SEED ?? 0x5ec_0de);
const CASES_PER_INSTANCE = 1500;
// A safety bound only: every case is meant to run (1,500 take 15–25 s here); a run cut short fails.
const BUDGET_MS_PER_INSTANCE = 120_000;
const CASE_TIMEOUT_MS = 5000;

const ALLOWED = ['customers', '{{ALLOWED_DB}}.orders', '`{{ALLOWED_DB}}`.`t`', 'v_orders', 'secrets', '{{ALLOWED_DB}}.secrets'];
const SECRET = [
  '{{SECRET_DB}}.secrets', '`{{SECRET_DB}}`.`secrets`', '{{SECRET_DB}}.t', '{{SECRET_DB}}.{{VAULT}}', '{{SECRET_DB}}.v_secrets', '{{SECRET_DB}}.customers',
  '{{SECRET_DB}} . secrets', '({{SECRET_DB}}.secrets)', '(({{SECRET_DB}}.secrets))', 'nodb.nope', '{{SECRET_DB}}.nope', '{{SECRET_DB}}.seq', '`{{SECRET_DB}}.secrets`',
  'mysql.user', '"{{SECRET_DB}}".secrets', '{{SECRET_DB}}/**/.secrets', '/*!50000 {{SECRET_DB}}.secrets */',
];
const FILES = ['`{{BAIT}}`', "'{{BAIT}}'", '"{{BAIT}}"', '$${{BAIT}}$$', '`{{CONFIG}}`', "'{{CONFIG}}'", "'{{BAIT_PARQUET}}'", "'{{BAIT_DIR}}/*'", '`{{STORE_FILE}}`', "'{{BAIT_JSON}}'", "_utf8mb4'{{BAIT}}'"];
const FUNCTIONS = [
  "read_csv('{{BAIT}}')", "read_csv_auto('{{CONFIG}}')", "read_text('{{BAIT_TXT}}')", "read_json_auto('{{BAIT_JSON}}')", "read_parquet('{{BAIT_PARQUET}}')", "read_blob('{{CONFIG}}')",
  "glob('{{BAIT_DIR}}/*')", "query('SELECT * FROM {{SECRET_DB}}.secrets')", "query_table('{{SECRET_DB}}.secrets')", "read_duckdb('{{BAIT_DUCKDB}}')", 'duckdb_settings()',
  'duckdb_views()', 'duckdb_tables()', 'duckdb_columns()', "sniff_csv('{{BAIT}}')", "json_execute_serialized_sql(json_serialize_sql('SELECT * FROM {{SECRET_DB}}.secrets'))",
  "read_ndjson('{{BAIT_NDJSON}}')", "parquet_metadata('{{BAIT_PARQUET}}')", "`read_text`('{{BAIT_TXT}}')", "main.read_text('{{BAIT_TXT}}')",
];
const INTERNAL = [
  '_instaquery.source_tables', '_instaquery.source_views', '_instaquery_mysql.tables', '_instaquery_mysql.columns', '_instaquery_mariadb.columns', '_instaquery_mariadb.statistics', '_instaquery_parts.x', 'temp.main.iq_is_tables', 'temp.iq_is_columns',
  'information_schema.views', 'information_schema.tables', 'information_schema.columns', 'information_schema.routines', 'information_schema.processlist', 'main.secrets',
  'system.main.duckdb_settings', 'pg_catalog.pg_tables', 'instaquery.{{SECRET_DB}}.secrets', 'memory.main.x',
];
const COLUMNS = [
  '*', '1', 'id', 'api_key', 'v', 'name', 'COUNT(*)', '(SELECT api_key FROM {{SECRET_DB}}.secrets LIMIT 1)', 'SOUNDEX(api_key)', 'SOUNDEX(name)', "current_setting('allowed_directories')",
  "getenv('{{ENV_VAR}}')", "LOAD_FILE('{{CONFIG}}')", '{{SECRET_DB}}.leak()', 'NEXTVAL({{SECRET_DB}}.seq)', '@@version', 'table_name', 'VIEW_DEFINITION', 'CURRENT_USER()',
  "(SELECT content FROM read_text('{{BAIT_TXT}}'))", "(SELECT GROUP_CONCAT(table_name) FROM information_schema.tables WHERE table_schema LIKE 'secret%')",
];

type Q = (r: () => number) => string;
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function relation(r: () => number): string {
  const pools = [ALLOWED, SECRET, SECRET, FILES, FUNCTIONS, INTERNAL];
  return pick(r, pick(r, pools));
}

const base: Q = (r) => {
  const cols = pick(r, COLUMNS);
  if (r() < 0.15) return `SELECT ${cols}`;
  return `SELECT ${cols} FROM ${relation(r)}${r() < 0.2 ? ` WHERE ${pick(r, ['1 = 1', "api_key LIKE 'Z%'", 'id IN (SELECT id FROM ' + relation(r) + ')', 'EXISTS (SELECT 1 FROM ' + relation(r) + ')'])}` : ''}`;
};

const WRAPPERS: ((q: string, r: () => number) => string)[] = [
  (q) => `(${q})`,
  (q) => `SELECT * FROM (${q}) AS d`,
  (q) => `WITH x AS (${q}) SELECT * FROM x`,
  (q) => `WITH secrets AS (${q}) SELECT * FROM secrets`,
  (q) => `WITH RECURSIVE x AS (${q}) SELECT * FROM x`,
  (q) => `WITH a AS (SELECT 1), b AS (${q}) SELECT * FROM a, b`,
  (q) => `SELECT * FROM customers WHERE id IN (SELECT id FROM (${q}) s)`,
  (q) => `SELECT * FROM customers WHERE EXISTS (${q})`,
  (q) => `SELECT (${q}) AS k`,
  (q) => `SELECT name, (${q}) FROM customers`,
  (q) => `SELECT id FROM customers GROUP BY id HAVING id IN (${q})`,
  (q) => `SELECT * FROM customers c JOIN (${q}) j ON 1 = 1`,
  (q) => `SELECT * FROM customers c LEFT JOIN (${q}) j ON j.id = c.id`,
  (q) => `SELECT * FROM customers c, (${q}) j`,
  (q) => `SELECT 1 UNION ALL ${q}`,
  (q) => `${q} UNION SELECT 1`,
  (q) => `SELECT id FROM customers EXCEPT ${q}`,
  (q) => `SELECT id FROM customers INTERSECT ${q}`,
  (q) => `SELECT 1 /*!50000 UNION ${q} */`,
  (q) => `/*!${q}*/`,
  (q) => `SELECT 1 /*M! UNION ${q} */`,
  (q) => `SELECT 1 /*!40101 , (${q}) */`,
  (q) => `EXPLAIN ${q}`,
  (q) => `DESCRIBE ${q}`,
  (q) => `SELECT 1; ${q}`,
  (q) => `${q}; SELECT 1`,
  (q) => `SELECT 'a\\' UNION ${q} -- '`,
  (q) => `SELECT 'a\\\\' UNION ${q} -- '`,
  (q) => `SELECT "a\\" UNION ${q} -- "`,
  (q) => `SELECT 'a''' UNION ${q} -- '`,
  (q) => `SELECT SOUNDEX('a') --1, (${q})`,
  (q) => `SELECT 1 --1 UNION ${q}`,
  (q) => `SELECT 1 -- \n UNION ${q}`,
  (q) => `SELECT 1 # x\n UNION ${q}`,
  (q) => `SELECT 1 /* x */ UNION ${q}`,
  (q) => `SELECT SOUNDEX(name) FROM customers WHERE id IN (${q})`,
  (q) => `SELECT * FROM (((${q}))) d`,
  (q) => `${q} INTO OUTFILE '{{WATCH}}'`,
];

const KEYWORDS = /\b(select|from|union|with|join|where|as|in|exists|all|explain|recursive|left|on)\b/gi;
const SPACES = ['\n', '\t', '  ', '\r\n', '/**/', ' /* x */ ', '\n-- c\n', ' #c\n', '\u00a0', '\f', ' /*!*/ '];

function noise(sql: string, r: () => number): string {
  let s = sql;
  const n = Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    // Mostly noise MySQL reads past (case, spacing, comments); now and then a stray quote or byte.
    const kind = pick(r, [0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 6, 7, 7]);
    if (kind === 0) s = s.replace(KEYWORDS, (w) => (r() < 0.5 ? w.toLowerCase() : r() < 0.5 ? w.toUpperCase() : [...w].map((ch) => (r() < 0.5 ? ch.toUpperCase() : ch.toLowerCase())).join('')));
    else if (kind === 1 || kind === 2) {
      const spaces = [...s.matchAll(/ /g)].map((m) => m.index!);
      if (spaces.length) {
        const at = pick(r, spaces);
        s = s.slice(0, at) + pick(r, SPACES) + s.slice(at + 1);
      }
    } else if (kind === 3) s += pick(r, [';', ' -- end', ' #', ';;', ' /* */', '\n']);
    else if (kind === 4) {
      const at = Math.floor(r() * (s.length + 1));
      s = s.slice(0, at) + pick(r, ["'", '"', '`', '\\', '\u0000', '(', ')', ',', '--', '/*', '*/', '$$']) + s.slice(at);
    } else if (kind === 5) {
      const words = [...s.matchAll(/\S+/g)];
      if (words.length) {
        const w = pick(r, words);
        s = s.slice(0, w.index! + w[0].length) + ' ' + w[0] + s.slice(w.index! + w[0].length);
      }
    } else if (kind === 6) s = `${pick(r, ['/* a */ ', '-- a\n', '# a\n', '/*!50000 */ ', ' ', '(', 'SELECT 1;'])}${s}`;
    else s = s.replace(/\{\{SECRET_DB\}\}\.secrets|customers/, () => relation(r));
  }
  return s;
}

interface Finding {
  sql: string;
  why: string;
}

interface FuzzStats {
  cases: number;
  errors: number;
  rows: number;
  dropped: number;
  timeouts: number;
  findings: Finding[];
}

async function fuzz(env: SecurityEnv, seed: number): Promise<FuzzStats> {
  const r = prng(seed);
  const corpus = loadAttacks().filter((a) => a.mode === 'text' || a.mode === 'multi' || a.mode === 'prepared');
  const files = new FileWatch(env);
  const stats: FuzzStats = { cases: 0, errors: 0, rows: 0, dropped: 0, timeouts: 0, findings: [] };
  let conn: mysql.Connection | null = null;
  /** What this client sent on the open connection: SHOW WARNINGS may still describe an earlier statement. */
  let sent: string[] = [];
  const deadline = Date.now() + BUDGET_MS_PER_INSTANCE;
  for (let i = 0; i < CASES_PER_INSTANCE && Date.now() < deadline; i++) {
    const mark = `iqsec_${env.suffix}_fuzz${i}`;
    const values = { ...placeholders(env, mark), ADMIN_CONN_ID: '1' };
    let template: string;
    if (r() < 0.3) template = noise(pick(r, corpus).sql, r);
    else {
      template = base(r);
      const depth = Math.floor(r() * 4);
      for (let d = 0; d < depth; d++) template = pick(r, WRAPPERS)(template, r);
      template = noise(template, r);
    }
    // Pool entries hold placeholders; noise may have broken one (an inserted quote): leave it as text.
    let sql: string;
    try {
      sql = expand(template, values);
    } catch {
      sql = template;
    }
    const prepared = r() < 0.2;
    stats.cases++;
    let text = '';
    let warnings = '';
    try {
      if (!conn) {
        conn = await connectAs(env, 'limited', { multipleStatements: true });
        conn.on('error', () => undefined);
        sent = [];
      }
      const [rows, fields] = prepared ? await conn.execute({ sql, timeout: CASE_TIMEOUT_MS, rowsAsArray: true }) : await conn.query({ sql, timeout: CASE_TIMEOUT_MS, rowsAsArray: true });
      if (prepared) await conn.unprepare(sql);
      text = JSON.stringify(rows, (_, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data).toString('latin1') : v));
      text += JSON.stringify((Array.isArray(fields) ? fields.flat() : []).map((f) => [f?.name, f?.table, f?.orgTable, f?.orgName, f?.db]));
      stats.rows++;
    } catch (err) {
      const e = err as { message?: string; fatal?: boolean; code?: string };
      text = e.message ?? String(err);
      if (e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') stats.timeouts++;
      else if (e.fatal) stats.dropped++;
      else stats.errors++;
      if (e.fatal || e.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        conn?.destroy();
        conn = null;
      }
    }
    if (conn) {
      try {
        const [w] = await conn.query({ sql: 'SHOW WARNINGS', rowsAsArray: true, timeout: CASE_TIMEOUT_MS });
        warnings = JSON.stringify(w);
      } catch {
        conn.destroy();
        conn = null;
      }
    }
    const leaks = [...new Set([...leaksIn(env, 'limited', sql, text), ...leaksIn(env, 'limited', [...sent, sql].join('\n'), warnings)])];
    sent.push(sql);
    if (leaks.length) stats.findings.push({ sql, why: `${prepared ? 'prepared' : 'text'}: LEAK ${leaks.join(', ')}: ${`${text} ${warnings}`.slice(0, 240)}` });
    const changed = files.changes();
    if (changed.length) stats.findings.push({ sql, why: `${prepared ? 'prepared' : 'text'}: FILES ${changed.join('; ')}` });
    // A statement that changed the session (USE, SET) must not change the next one's meaning.
    if (conn && !/^[\s(]*(select|with|explain|describe)\b/i.test(sql)) {
      await conn.end().catch(() => conn?.destroy());
      conn = null;
    }
  }
  await conn?.end().catch(() => undefined);
  const left = files.sinceStart();
  if (left.length) stats.findings.push({ sql: '(after all cases)', why: `FILES ${left.join('; ')}` });
  return stats;
}

let storeOnly: SecurityEnv;
let withUpstream: SecurityEnv;

beforeAll(async () => {
  [storeOnly, withUpstream] = await Promise.all([startSecurityEnv('fuzz'), startSecurityEnv('fuzzfwd', { upstream: true })]);
}, 180_000);

afterAll(async () => {
  await Promise.all([storeOnly?.stop(), withUpstream?.stop()]);
}, 60_000);

const report = (label: string, seed: number, s: FuzzStats) =>
  `${label}, seed ${seed}: ${s.cases} cases (${s.rows} answered, ${s.errors} errors, ${s.dropped} dropped connections, ${s.timeouts} timeouts), ${s.findings.length} findings; first 20:\n` +
  s.findings
    .slice(0, 20)
    .map((f) => `  ${JSON.stringify(f.sql.length > 300 ? `${f.sql.slice(0, 300)}…` : f.sql)}\n      ${f.why}`)
    .join('\n');

describe('gateway fuzz as the limited user', () => {
  it('store only: no sentinel in any answer, no file made, and the gateway answers afterwards', async () => {
    const stats = await fuzz(storeOnly, SEED);
    console.log(report('store only', SEED, stats));
    expect(stats.cases).toBe(CASES_PER_INSTANCE);
    await stillAnswers(storeOnly);
    expect(stats.findings, report('store only', SEED, stats)).toEqual([]);
  }, 180_000);

  it('with gateway.upstream: no sentinel in any answer, no file made on either host, and the gateway answers afterwards', async () => {
    const stats = await fuzz(withUpstream, SEED + 1);
    console.log(report('with upstream', SEED + 1, stats));
    expect(stats.cases).toBe(CASES_PER_INSTANCE);
    await stillAnswers(withUpstream);
    expect(stats.findings, report('with upstream', SEED + 1, stats)).toEqual([]);
  }, 180_000);
});
