// The long tail of MySQL that applications and BI tools send (ROLLUP, window frames, date/time,
// JSON, string and number functions, user variables, row constructors, tools' session queries),
// differentially: each query runs on MariaDB and, through CDC, on the gateway, over the semantics
// data plus each class's own tables. Identical in values and column types (or the same error), or
// refused with 1235 naming the construct; never different. The report is printed and written to
// test-results/${LONG_TAIL_DB}-differential.tsv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, waitFor } from '../support/services.ts';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';
import { SEMANTICS_SETUP } from '../differential/semantics-data.ts';
import { longTailCorpus, longTailSetup } from '../differential/long-tail/index.ts';
import { LONG_TAIL_DB } from '../differential/long-tail/corpus-query.ts';
import { compareSemantics } from '../differential/compare-semantics.ts';
import type { Verdict } from '../differential/compare-answers.ts';
import { writeCorpusReport, type Verdicts } from '../differential/corpus-report.ts';

/** The share of the corpus that must be identical; the rest is refused by name (docs/compatibility.md), none different. */
const SERVED_AT_LEAST = 0.97;

const corpus = longTailCorpus();
const whole = process.env.LONG_TAIL_CATEGORIES === undefined;
let env: FollowedDatabase;
let source: mysql.Connection;
/** The source as a user granted SELECT on the database only (LongTailQuery.selectOnlyUser). */
let reader: mysql.Connection;
let gateway: mysql.Connection;
const verdicts: Verdicts = new Map();

/** Every table's row count, as the connection sees it. */
async function counts(conn: mysql.Connection, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM \`${t}\``).catch(() => [[{ n: -1 }]]);
    parts.push(`${t}=${(rows as { n: unknown }[])[0]?.n}`);
  }
  return parts.join(' ');
}

/**
 * Runs a query's session statements on both sides. The source must take them; where the gateway
 * refuses one with 1235 the query is refused for that reason, any other gateway error is a difference.
 */
async function sessionVerdict(statements: string[]): Promise<Verdict | undefined> {
  for (const s of statements) {
    await source.query(s);
    try {
      await gateway.query(s);
    } catch (e) {
      const err = e as { errno?: number; message: string };
      if (err.errno === 1235) return { outcome: 'refused', reason: err.message };
      return { outcome: 'different', detail: `session statement ${s}: error ${err.errno}: ${err.message}` };
    }
  }
  return undefined;
}

beforeAll(async () => {
  env = await followFreshDatabase(LONG_TAIL_DB, 'longtail', [...SEMANTICS_SETUP, ...longTailSetup()]);
  source = await connectSource(LONG_TAIL_DB);
  const readerName = `${LONG_TAIL_DB}_reader`.slice(0, 32);
  await source.query(`CREATE OR REPLACE USER '${readerName}'@'localhost' IDENTIFIED BY 'reader'; CREATE OR REPLACE USER '${readerName}'@'%' IDENTIFIED BY 'reader'; GRANT SELECT ON \`${LONG_TAIL_DB}\`.* TO '${readerName}'@'localhost'; GRANT SELECT ON \`${LONG_TAIL_DB}\`.* TO '${readerName}'@'%'`);
  reader = await connectSource(LONG_TAIL_DB);
  await reader.changeUser({ user: readerName, password: 'reader', database: LONG_TAIL_DB });
  gateway = await connectGateway(env.instance.gateway.port, { database: LONG_TAIL_DB });
  const [tables] = await source.query("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'");
  const names = (tables as { t: string }[]).map((r) => r.t);
  const expected = await counts(source, names);
  await waitFor('the snapshot of every table', async () => (await counts(gateway, names)) === expected, 90_000, 200);
}, 150_000);

afterAll(async () => {
  await source?.end();
  await reader?.end();
  await gateway?.end();
  await env?.close();
  writeCorpusReport('long-tail corpus, MariaDB vs the gateway', `${LONG_TAIL_DB}-differential`, verdicts);
});

const categories = [...new Set(corpus.map((q) => q.category))];

describe('long-tail corpus: MariaDB and the gateway give the same answers', () => {
  it.each(categories)('%s', async (category) => {
    const list: { sql: string; verdict: Verdict }[] = [];
    verdicts.set(category, list);
    for (const q of corpus.filter((c) => c.category === category)) {
      const shown = [...(q.session ?? []), q.sql].join('; ');
      list.push({ sql: shown, verdict: (await sessionVerdict(q.session ?? [])) ?? (await compareSemantics(q.selectOnlyUser ? reader : source, gateway, q.sql)) });
    }
    const wrong = list.filter((v) => v.verdict.outcome === 'different');
    expect(wrong.slice(0, 5).map((v) => `${v.sql.replace(/\s+/g, ' ')} -> ${'detail' in v.verdict ? v.verdict.detail : ''}`)).toEqual([]);
  }, 600_000);

  it.runIf(whole)('has at least 1,500 queries, and serves at least 97% of them', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
    const all = [...verdicts.values()].flat();
    const identical = all.filter((v) => v.verdict.outcome === 'identical').length;
    expect(identical / all.length).toBeGreaterThanOrEqual(SERVED_AT_LEAST);
  });
});
