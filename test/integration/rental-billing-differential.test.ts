// The bill-detail workload, differentially: the same generated rental-billing data in MariaDB and,
// through CDC, in the store; a corpus of 1,500+ generated and hand-written queries runs on both.
// Each answer must be identical (values as text, in order) or refused with error 1235; the
// per-category report is printed and written to test-results/rental-billing-differential.tsv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { connectGateway, connectSource, sourceConnector, waitFor } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { createSchema, generate } from '../../workload/rental-billing/generate.ts';
import { rentalBillingCorpus } from '../differential/rental-queries.ts';
import { compareAnswers, type Verdict } from '../differential/compare-answers.ts';
import { writeCorpusReport, type Verdicts } from '../differential/corpus-report.ts';

const DB = 'it_rental_diff';
const BILLS = 3000;
const corpus = rentalBillingCorpus(1500);
let instance: Awaited<ReturnType<typeof startEmbedded>>;
let source: mysql.Connection;
let gateway: mysql.Connection;
const verdicts: Verdicts = new Map();

beforeAll(async () => {
  const admin = await connectSource();
  await createSchema(admin, DB);
  await generate(admin, { bills: BILLS, chunk: 1000 });
  await admin.end();
  instance = await startEmbedded([sourceConnector('rental', DB)]);
  source = await connectSource(DB);
  gateway = await connectGateway(instance.gateway.port, { database: DB });
  await waitFor('the snapshot', async () => {
    const [rows] = await gateway.query('SELECT COUNT(*) AS n FROM bill').catch(() => [[{ n: 0 }]]);
    return Number((rows as { n: unknown }[])[0]?.n) === BILLS;
  }, 60_000, 100);
}, 120_000);

afterAll(async () => {
  await source?.end();
  await gateway?.end();
  await instance?.stop();
  writeCorpusReport('rental-billing corpus, MariaDB vs the gateway', 'rental-billing-differential', verdicts);
});

const categories = [...new Set(corpus.map((q) => q.category))];

describe('rental-billing corpus: MariaDB and the gateway give the same answers', () => {
  it('has at least 1,500 queries', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1500);
  });

  it.each(categories)('%s', async (category) => {
    const list: { sql: string; verdict: Verdict }[] = [];
    verdicts.set(category, list);
    for (const q of corpus.filter((c) => c.category === category)) list.push({ sql: q.sql, verdict: await compareAnswers(source, gateway, q.sql) });
    const wrong = list.filter((v) => v.verdict.outcome === 'different');
    expect(wrong.slice(0, 5).map((v) => `${v.sql.replace(/\s+/g, ' ')} -> ${'detail' in v.verdict ? v.verdict.detail : ''}`)).toEqual([]);
  }, 600_000);
});
