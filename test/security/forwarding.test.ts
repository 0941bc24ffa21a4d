// The security corpus again, on an instance with gateway.upstream set: a SELECT the dialect refuses
// is forwarded to the main MariaDB as the iq account, which may read every database and the host's
// files. So the limited user's grants must hold before anything is forwarded (1142 for a secret
// table even inside a statement that only MariaDB could answer), and LOAD_FILE and SELECT … INTO
// OUTFILE/DUMPFILE must never reach the upstream (the upstream host writes no file).
// forwarding-attacks.jsonl holds the forwarding-specific attacks; attacks.jsonl runs too, since
// with an upstream every refusal the store-only instance gives may turn into a forward.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoriesOf, loadAttacks } from './attack-corpus.ts';
import { CorpusRun } from './corpus-run.ts';
import { connectAs, startSecurityEnv, stillAnswers, type SecurityEnv } from './security-env.ts';

const forwardingAttacks = loadAttacks('forwarding-attacks.jsonl');
const mainAttacks = loadAttacks();

let env: SecurityEnv;
let corpus: CorpusRun;

beforeAll(async () => {
  env = await startSecurityEnv('forwarding', { upstream: true });
  corpus = new CorpusRun(env);
  await corpus.open();
}, 180_000);

afterAll(async () => {
  await corpus?.close();
  if (corpus?.results.length) console.log(corpus.summary('security corpus (with gateway.upstream)', 'instaquery-security-forwarding.json'));
  await env?.stop();
}, 60_000);

it('has at least 10 forwarding attacks in every category', () => {
  expect(categoriesOf(forwardingAttacks).filter((c) => forwardingAttacks.filter((a) => a.category === c).length < 10)).toEqual([]);
});

it('really forwards: a refused SELECT on allowed data is answered by the upstream and labelled so', async () => {
  const c = await connectAs(env, 'limited');
  try {
    expect((await c.query({ sql: 'SELECT SOUNDEX(name) FROM customers WHERE id = 1', rowsAsArray: true }))[0]).toEqual([['A300']]);
    const [warnings] = await c.query({ sql: 'SHOW WARNINGS', rowsAsArray: true });
    expect((warnings as unknown[][]).map((w) => w.map(String))).toEqual([['Note', '1235', expect.stringMatching(/^forwarded to 127\.0\.0\.1:\d+: .*SOUNDEX/)]]);
  } finally {
    await c.end();
  }
});

describe('forwarding attacks', () => {
  for (const category of categoriesOf(forwardingAttacks)) {
    const list = forwardingAttacks.filter((a) => a.category === category);
    it(`${category} (${list.length} statements): the grants hold before forwarding, and nothing touching files is forwarded`, async () => {
      const { runs, failures } = await corpus.run(list);
      expect(failures, `${failures.length} of ${runs} ${category} runs got through:\n${failures.join('\n')}`).toEqual([]);
    }, 120_000);
  }
});

describe('the main corpus, with an upstream to forward to', () => {
  for (const category of categoriesOf(mainAttacks)) {
    const list = mainAttacks.filter((a) => a.category === category);
    it(`upstream on, ${category} (${list.length} statements)`, async () => {
      const { runs, failures } = await corpus.run(list);
      expect(failures, `${failures.length} of ${runs} ${category} runs got through with an upstream:\n${failures.join('\n')}`).toEqual([]);
    }, 120_000);
  }
});

describe('after both corpora', () => {
  it('the upstream host wrote no file: the watch dir is empty, the bait dir untouched, no marked file anywhere', () => {
    expect(corpus.files.sinceStart()).toEqual([]);
  });

  it('the admin session the limited user tried to KILL is still connected, and the gateway answers', async () => {
    expect(await corpus.victimAlive()).toBe(true);
    await stillAnswers(env);
  });
});
