// The public sqllogictest corpus (MySQL 8 expectations, ../shared/sqllogictest) end to end: each
// file's statements run on the source MariaDB in a database of its own, CDC carries them to the
// store, and its queries run through the gateway. Every query must come back identical to the
// expectation or be refused with error 1235; "different" must be zero. The per-category report
// is printed and written to test-results/sqllogictest.tsv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectGateway, connectSource, sourceConnector } from '../support/services.ts';
import { startEmbedded } from '../support/embedded.ts';
import { sharedDir } from '../differential/shared-data.ts';
import { parseSltFile } from '../differential/slt-file.ts';
import { runSltRecords, type FileOutcome } from '../differential/slt-run.ts';

const root = join(sharedDir(), 'sqllogictest');
const files = readFileSync(join(root, 'MANIFEST.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t')[0]!)
  .filter((p) => p.endsWith('.test'))
  // SLT_ONLY=<regex> narrows a local run to some files; CI runs them all.
  .filter((p) => !process.env.SLT_ONLY || new RegExp(process.env.SLT_ONLY).test(p));
const databaseOf = (file: string) => `slt_${file.replace(/\.test$/, '').replace(/[^A-Za-z0-9]+/g, '_')}`.toLowerCase();

let instance: Awaited<ReturnType<typeof startEmbedded>>;
const results = new Map<string, FileOutcome>();

beforeAll(async () => {
  const admin = await connectSource();
  const [dbs] = await admin.query("SELECT schema_name AS s FROM information_schema.schemata WHERE schema_name LIKE 'slt\\_%'");
  for (const { s } of dbs as { s: string }[]) await admin.query(`DROP DATABASE \`${s}\``);
  await admin.end();
  instance = await startEmbedded([sourceConnector('slt', 'slt_.*')]);
}, 60_000);

afterAll(async () => {
  await instance?.stop();
  // The last column: statements whose success or failure on MariaDB differs from the file's
  // (the baseline has two, SQLite-only expectations); reported, not asserted.
  const lines = ['file\tqueries\tidentical\trefused\tdifferent\tstatements unlike the file'];
  for (const [file, r] of results) {
    const count = (o: string) => r.queries.filter((q) => q.outcome === o).length;
    lines.push(`${file}\t${r.queries.length}\t${count('identical')}\t${count('refused')}\t${count('different')}\t${r.statementSurprises.length}`);
  }
  const all = [...results.values()].flatMap((r) => r.queries);
  const total = (o: string) => all.filter((q) => q.outcome === o).length;
  const surprises = [...results.values()].reduce((n, r) => n + r.statementSurprises.length, 0);
  lines.push(`TOTAL\t${all.length}\t${total('identical')}\t${total('refused')}\t${total('different')}\t${surprises}`);
  console.log(`sqllogictest through the gateway:\n${lines.join('\n')}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/sqllogictest.tsv', `${lines.join('\n')}\n`);
  const details = [...results].flatMap(([file, r]) => r.queries.filter((q) => q.outcome !== 'identical').map((q) => `${file}:${q.line}\t${q.outcome}\t${q.sql.replace(/\s+/g, ' ')}\t${q.detail ?? ''}`));
  writeFileSync('test-results/sqllogictest-details.tsv', `${details.join('\n')}\n`);
});

describe('sqllogictest through CDC and the gateway', () => {
  it.each(files)('%s', async (file) => {
    const db = databaseOf(file);
    const admin = await connectSource();
    await admin.query(`CREATE DATABASE \`${db}\` DEFAULT CHARACTER SET utf8mb4`);
    await admin.end();
    const source = await connectSource(db);
    const gateway = await connectGateway(instance.gateway.port);
    try {
      const records = parseSltFile(readFileSync(join(root, 'test', file), 'utf8'));
      const outcome = await runSltRecords(records, { source, gateway, database: db });
      results.set(file, outcome);
      const wrong = outcome.queries.filter((q) => q.outcome === 'different');
      expect(wrong.slice(0, 5).map((q) => `line ${q.line}: ${q.sql.replace(/\s+/g, ' ')} -> ${q.detail}`)).toEqual([]);
      expect(wrong.length).toBe(0);
    } finally {
      await source.end();
      await gateway.end();
    }
  }, 600_000);
});

