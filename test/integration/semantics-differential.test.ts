// MySQL's semantics on real-world values, differentially: the semantics corpus (2,000+ queries over
// names differing in case/accents/trailing spaces, per-column collations, double and integer
// edges, month ends, ENUM/SET/JSON, NULLs) runs on MariaDB and, through CDC, on the gateway.
// Every answer must be identical in values and column types (or the same error), or refused with
// 1235; the per-category report is printed and written to test-results/${SEMANTICS_DB}-differential.tsv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, waitFor } from '../support/services.ts';
import { followFreshDatabase, type FollowedDatabase } from '../support/embedded.ts';
import { SEMANTICS_DB, SEMANTICS_SETUP } from '../differential/semantics-data.ts';
import { semanticsCorpus } from '../differential/semantics-queries.ts';
import { compareSemantics } from '../differential/compare-semantics.ts';
import type { Verdict } from '../differential/compare-answers.ts';
import { writeCorpusReport, type Verdicts } from '../differential/corpus-report.ts';

const corpus = semanticsCorpus();
let env: FollowedDatabase;
let source: mysql.Connection;
let gateway: mysql.Connection;
const verdicts: Verdicts = new Map();

beforeAll(async () => {
  env = await followFreshDatabase(SEMANTICS_DB, 'semantics', SEMANTICS_SETUP);
  source = await connectSource(SEMANTICS_DB);
  gateway = await connectGateway(env.instance.gateway.port, { database: SEMANTICS_DB });
  await waitFor('the snapshot', async () => {
    const [rows] = await gateway.query('SELECT (SELECT COUNT(*) FROM people) + (SELECT COUNT(*) FROM orders) AS n').catch(() => [[{ n: 0 }]]);
    return Number((rows as { n: unknown }[])[0]?.n) === 32;
  }, 60_000, 100);
}, 120_000);

afterAll(async () => {
  await source?.end();
  await gateway?.end();
  await env?.close();
  writeCorpusReport('semantics corpus, MariaDB vs the gateway', `${SEMANTICS_DB}-differential`, verdicts);
});

const categories = [...new Set(corpus.map((q) => q.category))];

describe('semantics corpus: MariaDB and the gateway give the same answers', () => {
  it('has at least 2,000 queries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000);
  });

  it.each(categories)('%s', async (category) => {
    const list: { sql: string; verdict: Verdict }[] = [];
    verdicts.set(category, list);
    for (const q of corpus.filter((c) => c.category === category)) list.push({ sql: q.sql, verdict: await compareSemantics(source, gateway, q.sql) });
    const wrong = list.filter((v) => v.verdict.outcome === 'different');
    expect(wrong.slice(0, 5).map((v) => `${v.sql.replace(/\s+/g, ' ')} -> ${'detail' in v.verdict ? v.verdict.detail : ''}`)).toEqual([]);
  }, 600_000);
});
