// Running the corpus: one attack as one user gives its failures (empty: it was held) and notes;
// a corpus run keeps sessions for both users, the file watch, an admin session a KILL must not
// reach, and every result for the summary.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type mysql from 'mysql2/promise';
import { checkExpectation, expectationFor, leaksIn, notesOn } from './answer-checks.ts';
import { expand, placeholders, type Attack } from './attack-corpus.ts';
import { FileWatch } from './file-watch.ts';
import type { Outcome } from './outcome.ts';
import { connectAs, type SecurityEnv, type Who } from './security-env.ts';
import { UserSession } from './user-session.ts';

export interface AttackResult {
  attack: Attack;
  who: Who;
  sql: string;
  outcome: Outcome;
  failures: string[];
  notes: string[];
}

export async function runAttack(env: SecurityEnv, sessions: Record<Who, UserSession>, files: FileWatch, attack: Attack, who: Who, index: number, extra: Record<string, string> = {}): Promise<AttackResult> {
  const mark = `iqsec_${env.suffix}_${index}_${who}`;
  const values = { ...placeholders(env, mark), ...extra };
  const sql = expand(attack.sql, values);
  const params = attack.params?.map((p) => (typeof p === 'string' ? expand(p, values) : p));
  const outcome = await sessions[who].run(sql, attack.mode, params);
  const failures: string[] = [];
  const spec = expand(expectationFor(attack, who), values);
  const mismatch = checkExpectation(spec, who, outcome);
  if (mismatch) failures.push(mismatch);
  // What the client itself sent (statement and bound values) may come back as an echo.
  const asked = [sql, ...(params ?? []).map(String)].join('\n');
  // The answer may echo this statement; SHOW WARNINGS may also describe an earlier one of this client's.
  const leaks = [...new Set([...leaksIn(env, who, asked, outcome.text), ...leaksIn(env, who, `${asked}\n${outcome.earlier ?? ''}`, outcome.warnings)])];
  if (leaks.length) failures.push(`LEAK: ${leaks.join(', ')}`);
  for (const a of attack.absent ?? []) {
    const s = expand(a, values);
    if (!asked.includes(s) && `${outcome.text}\n${outcome.warnings}`.includes(s)) failures.push(`answer contains ${JSON.stringify(s)}`);
  }
  const changed = files.changes();
  if (changed.length) failures.push(`FILES: ${changed.join('; ')}`);
  return { attack, who, sql, outcome, failures, notes: notesOn(env, sql, outcome) };
}

export const whoRuns = (a: Attack): Who[] => (a.as === 'both' ? ['limited', 'admin'] : [a.as]);

export function describeResult(r: AttackResult): string {
  const o = r.outcome;
  const got = o.kind === 'error' ? `error ${o.error?.errno}` : o.kind === 'rows' ? `${o.rowCount} rows` : o.kind;
  return `[line ${r.attack.line} ${r.who} ${r.attack.mode}] ${JSON.stringify(r.sql.length > 240 ? `${r.sql.slice(0, 240)}…` : r.sql)} → ${got}: ${r.failures.join(' | ')}`;
}

export class CorpusRun {
  readonly sessions: Record<Who, UserSession>;
  readonly files: FileWatch;
  readonly results: AttackResult[] = [];
  private victim: mysql.Connection | null = null;
  private victimId = 0;
  private index = 0;

  constructor(readonly env: SecurityEnv) {
    this.sessions = { limited: new UserSession(env, 'limited'), admin: new UserSession(env, 'admin') };
    this.files = new FileWatch(env);
  }

  /** Opens the admin session that KILL attacks name ({{ADMIN_CONN_ID}}). */
  async open(): Promise<void> {
    this.victim = await connectAs(this.env, 'admin');
    this.victim.on('error', () => undefined);
    const [rows] = await this.victim.query({ sql: 'SELECT CONNECTION_ID()', rowsAsArray: true });
    this.victimId = Number((rows as unknown[][])[0]![0]);
  }

  /** Runs every attack as each of its users; the description of each one that got through. */
  async run(list: Attack[]): Promise<{ runs: number; failures: string[] }> {
    const failures: string[] = [];
    let runs = 0;
    for (const attack of list) {
      for (const who of whoRuns(attack)) {
        runs++;
        const r = await runAttack(this.env, this.sessions, this.files, attack, who, this.index++, { ADMIN_CONN_ID: String(this.victimId) });
        this.results.push(r);
        if (r.failures.length) failures.push(describeResult(r));
      }
    }
    return { runs, failures };
  }

  /** The KILLed-at admin session still answers. */
  async victimAlive(): Promise<boolean> {
    try {
      const [rows] = await this.victim!.query({ sql: 'SELECT 7', rowsAsArray: true });
      return Number((rows as unknown[][])[0]![0]) === 7;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.sessions.limited.close();
    await this.sessions.admin.close();
    this.victim?.destroy();
  }

  /** Per category: runs, how many got through (by kind), up to three examples; and where every outcome went. */
  summary(title: string, file: string): string {
    const lines: string[] = ['', `${title}: attacks that got through, per category (runs = attack × user)`];
    const by: Record<string, { runs: number; leak: number; answered: number; wrong: number; examples: string[]; notes: Record<string, number> }> = {};
    for (const r of this.results) {
      const s = (by[r.attack.category] ??= { runs: 0, leak: 0, answered: 0, wrong: 0, examples: [], notes: {} });
      s.runs++;
      for (const n of r.notes) s.notes[n] = (s.notes[n] ?? 0) + 1;
      if (!r.failures.length) continue;
      if (r.failures.some((f) => /^(LEAK|FILES|answer contains)/.test(f))) s.leak++;
      else if (r.outcome.kind === 'rows' || r.outcome.kind === 'ok') s.answered++;
      else s.wrong++;
      if (s.examples.length < 3) s.examples.push(describeResult(r));
    }
    for (const [category, s] of Object.entries(by)) {
      const through = s.leak + s.answered + s.wrong;
      const notes = Object.entries(s.notes).map(([n, k]) => `${n} ×${k}`).join(', ');
      lines.push(`  ${category}: ${through} of ${s.runs} through (leaked or wrote: ${s.leak}, answered where MySQL refuses: ${s.answered}, other error or answer: ${s.wrong})${notes ? `; notes: ${notes}` : ''}`);
      for (const e of s.examples) lines.push(`      ${e}`);
    }
    const path = join(tmpdir(), file);
    writeFileSync(path, JSON.stringify(this.results.map((r) => ({ category: r.attack.category, line: r.attack.line, who: r.who, mode: r.attack.mode, sql: r.sql, outcome: { kind: r.outcome.kind, error: r.outcome.error, rows: r.outcome.rows?.slice(0, 5) }, failures: r.failures, notes: r.notes })), null, 1));
    lines.push(`  every outcome: ${path}`);
    return lines.join('\n');
  }
}
