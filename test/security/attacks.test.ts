// The gateway's security corpus (attacks.jsonl), run against a real instaquery process following
// a real MariaDB: a user limited to one database must never read another database's rows or learn
// whether it exists, and no user may reach the host (files, settings, environment) or write
// anything, whatever the SQL looks like. Each category is one test listing every attack that got
// through; a summary of all outcomes is printed at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type mysql from 'mysql2/promise';
import { leaksIn } from './answer-checks.ts';
import { categoriesOf, loadAttacks } from './attack-corpus.ts';
import { CorpusRun } from './corpus-run.ts';
import { connectAs, startSecurityEnv, stillAnswers, type SecurityEnv } from './security-env.ts';

const attacks = loadAttacks();
const categories = categoriesOf(attacks);

let env: SecurityEnv;
let corpus: CorpusRun;

beforeAll(async () => {
  env = await startSecurityEnv('attacks');
  corpus = new CorpusRun(env);
  await corpus.open();
}, 180_000);

afterAll(async () => {
  await corpus?.close();
  if (corpus?.results.length) console.log(corpus.summary('security corpus (store only)', 'instaquery-security-attacks.json'));
  await env?.stop();
}, 60_000);

it('has a corpus of at least 250 attacks, at least 10 in every category', () => {
  expect(attacks.length).toBeGreaterThanOrEqual(250);
  expect(categories.filter((c) => attacks.filter((a) => a.category === c).length < 10)).toEqual([]);
});

describe('attacks', () => {
  for (const category of categories) {
    const list = attacks.filter((a) => a.category === category);
    it(`${category} (${list.length} statements): each is refused as MySQL refuses it, or answered without a sentinel, and makes no file`, async () => {
      const { runs, failures } = await corpus.run(list);
      expect(failures, `${failures.length} of ${runs} ${category} runs got through:\n${failures.join('\n')}`).toEqual([]);
    }, 120_000);
  }
});

describe('after the whole corpus', () => {
  it('the watch dir is empty, the bait dir untouched, and no marked file exists anywhere', () => {
    expect(corpus.files.sinceStart()).toEqual([]);
  });

  it("the store still holds what the source holds, and the limited user's tables are still its own", async () => {
    const admin = await connectAs(env, 'admin');
    const limited = await connectAs(env, 'limited');
    try {
      const count = async (c: mysql.Connection, sql: string) => Number(((await c.query({ sql, rowsAsArray: true }))[0] as unknown[][])[0]![0]);
      expect(await count(admin, 'SELECT COUNT(*) FROM customers')).toBe(3);
      expect(await count(admin, 'SELECT COUNT(*) FROM orders')).toBe(3);
      expect(await count(admin, `SELECT COUNT(*) FROM \`${env.secretDb}\`.secrets`)).toBe(3);
      const [orders] = await limited.query({ sql: 'SELECT * FROM v_orders ORDER BY id', rowsAsArray: true });
      const [customers] = await limited.query({ sql: 'SELECT * FROM customers ORDER BY id', rowsAsArray: true });
      expect(leaksIn(env, 'limited', '', JSON.stringify([orders, customers]))).toEqual([]);
      expect(orders).toHaveLength(3);
      expect(customers).toEqual([[1, 'Ada', 'Paris'], [2, 'Bob', 'Oslo'], [3, 'Cyd', 'Rome']]);
    } finally {
      await admin.end();
      await limited.end();
    }
  });

  it('the admin session the limited user tried to KILL is still connected', async () => {
    expect(await corpus.victimAlive()).toBe(true);
  });

  it('the gateway still answers a normal query, as each user', async () => {
    await stillAnswers(env);
  });
});
