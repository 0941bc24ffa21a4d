// A differential corpus's report: per category, how many queries were identical, refused and
// different, printed and written to test-results/<name>.tsv, with each query not identical (and
// why, and its category) in test-results/<name>-details.tsv.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Verdict } from './compare-answers.ts';

export type Verdicts = Map<string, { sql: string; verdict: Verdict }[]>;

export function writeCorpusReport(title: string, name: string, verdicts: Verdicts): void {
  const lines = ['category\tqueries\tidentical\trefused\tdifferent'];
  const all = [...verdicts.values()].flat();
  const row = (category: string, list: { verdict: Verdict }[]) => {
    const count = (o: string) => list.filter((v) => v.verdict.outcome === o).length;
    lines.push(`${category}\t${list.length}\t${count('identical')}\t${count('refused')}\t${count('different')}`);
  };
  for (const [category, list] of verdicts) row(category, list);
  row('TOTAL', all);
  console.log(`${title}:\n${lines.join('\n')}`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/${name}.tsv`, `${lines.join('\n')}\n`);
  const why = (v: Verdict) => ('reason' in v ? v.reason : 'detail' in v ? v.detail : '').replace(/\s+/g, ' ');
  const details = [...verdicts].flatMap(([category, list]) => list.filter((v) => v.verdict.outcome !== 'identical').map((v) => `${v.verdict.outcome}\t${v.sql.replace(/\s+/g, ' ')}\t${why(v.verdict)}\t${category}`));
  writeFileSync(`test-results/${name}-details.tsv`, `${details.join('\n')}\n`);
}
