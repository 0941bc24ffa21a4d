// The checks every answer goes through: no sentinel (in any encoding) and no name of the
// forbidden database's objects, and the expectation language of the corpora (`expect`,
// `expectAdmin`: the exact MySQL error, rows, or just "safe"), with each category's default.
import type { Attack } from './attack-corpus.ts';
import type { Outcome } from './outcome.ts';
import type { SecurityEnv, Who } from './security-env.ts';

const reversed = (s: string) => [...s].reverse().join('');

/** Which sentinels `text` holds, for a response to `who` that sent `sql`. */
export function leaksIn(env: SecurityEnv, who: Who, sql: string, text: string): string[] {
  const hay = text.toUpperCase();
  const found: string[] = [];
  for (const s of env.sentinels) {
    if (who === 'admin' && s.kind === 'secret') continue;
    const core = s.value.slice(-16);
    const forms = [s.value, core, Buffer.from(s.value).toString('hex'), Buffer.from(s.value).toString('base64'), reversed(s.value)];
    if (forms.some((f) => hay.includes(f.toUpperCase()))) found.push(`sentinel ${s.label}`);
  }
  if (who === 'limited') {
    // Names of the forbidden database's objects, when the statement did not name them itself.
    const asked = sql.toUpperCase();
    for (const [label, name] of [['secret database name', env.secretDb], ['secret table name', env.vaultTable], ['secret column name', env.vaultColumn]] as const) {
      if (hay.includes(name.toUpperCase()) && !asked.includes(name.toUpperCase())) found.push(label);
    }
  }
  return found;
}

/** Categories where every attack must end in an error packet, for both users. */
export const MUST_ERROR = new Set(['file-function', 'settings', 'duckdb-statement', 'write']);

const host = '127.0.0.1';
/**
 * `expect` / `expectAdmin`:
 * - `ok`: answered (rows or OK), no leak;
 * - `safe`: an error, or an answer with no sentinel;
 * - `error`: an error packet;
 * - `errno:1064,1235`: an error with one of these numbers;
 * - `deny:DB.TABLE` (or `deny:DB|TABLE`): 1142 `SELECT command denied to user '<user>'@'127.0.0.1' for table \`DB\`.\`TABLE\``;
 * - `showdeny:DB.TABLE`: the same with `SHOW command denied`;
 * - `dbdeny:DB`: 1044 `Access denied for user '<user>'@'%' to database 'DB'`;
 * - `nosuch:DB.NAME`: 1146 `Table 'DB.NAME' doesn't exist`;
 * - `rows:<JSON array of arrays>`: exactly these rows (as text);
 * - `rowsif:<JSON>`: an error, or exactly these rows (a refusal is safe; a different answer means the
 *   statement was read differently from MySQL).
 */
export function checkExpectation(spec: string, who: Who, outcome: Outcome): string | null {
  const user = who;
  const err = outcome.error;
  const describe = () => (outcome.kind === 'error' ? `error ${err?.errno}: ${err?.message}` : outcome.kind === 'rows' ? `${outcome.rowCount} row(s) ${JSON.stringify(outcome.rows?.slice(0, 3))}`.slice(0, 300) : outcome.kind === 'ok' ? 'OK packet' : `${outcome.kind}: ${err?.message ?? ''}`);
  const exact = (errno: number, message: string) => (outcome.kind === 'error' && err?.errno === errno && err.message === message ? null : `expected error ${errno} "${message}", got ${describe()}`);
  const [kind, ...rest] = spec.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'safe':
      return outcome.kind === 'rows' || outcome.kind === 'ok' || outcome.kind === 'error' ? null : `expected an answer, got ${describe()}`;
    case 'ok':
      return outcome.kind === 'rows' || outcome.kind === 'ok' ? null : `expected an answer, got ${describe()}`;
    case 'error':
      return outcome.kind === 'error' ? null : `expected an error packet, got ${describe()}`;
    case 'errno': {
      const allowed = arg.split(',').map(Number);
      return outcome.kind === 'error' && allowed.includes(err?.errno ?? -1) ? null : `expected error ${arg}, got ${describe()}`;
    }
    case 'deny':
    case 'showdeny': {
      // DB.TABLE, or DB|TABLE when the database name holds dots.
      const cut = arg.includes('|') ? arg.indexOf('|') : arg.indexOf('.');
      const [db, table] = [arg.slice(0, cut), arg.slice(cut + 1)];
      return exact(1142, `${kind === 'deny' ? 'SELECT' : 'SHOW'} command denied to user '${user}'@'${host}' for table \`${db}\`.\`${table}\``);
    }
    case 'dbdeny':
      return exact(1044, `Access denied for user '${user}'@'%' to database '${arg}'`);
    case 'nosuch':
      return exact(1146, `Table '${arg}' doesn't exist`);
    case 'rowsif':
    case 'rows': {
      if (kind === 'rowsif' && outcome.kind === 'error') return null;
      if (outcome.kind !== 'rows') return `expected rows ${arg}, got ${describe()}`;
      return JSON.stringify(outcome.rows) === JSON.stringify(JSON.parse(arg)) ? null : `expected rows ${arg}, got ${JSON.stringify(outcome.rows)}`;
    }
    default:
      throw new Error(`unknown expectation ${spec}`);
  }
}

/** Host paths and DuckDB error texts in an answer: allowed, but reported. */
export function notesOn(env: SecurityEnv, sql: string, outcome: Outcome): string[] {
  const notes: string[] = [];
  const text = `${outcome.text}\n${outcome.warnings}`;
  if (/Permission Error/i.test(text)) notes.push('DuckDB "Permission Error" text');
  if (/\b(Catalog|Binder|Parser|IO|Invalid Input|Conversion|Not implemented|Internal|Dependency|Serialization|Constraint|Out of Range|Transaction|Catalog Write|Sequence) Error:/.test(text)) notes.push('DuckDB error class in the message');
  for (const [label, path] of [['temp dir', env.tempRoot], ['data dir', env.dataDir], ['config path', env.configPath], ['bait dir', env.baitDir]] as const) {
    if (text.includes(path) && !sql.includes(path)) notes.push(`host path (${label}) not in the statement`);
  }
  return [...new Set(notes)];
}

/** What an attack holds `who` to: its own expectation, else its category's rule. */
export function expectationFor(attack: Attack, who: Who): string {
  const explicit = who === 'limited' ? attack.expect : (attack.expectAdmin ?? attack.expect);
  if (explicit) return explicit;
  return MUST_ERROR.has(attack.category) ? 'error' : 'safe';
}
