// Runs the vitest suite and ends with the plain line CI reads: "N passed, N failed".
// Counts come from vitest's JSON reporter; a run that executed no test fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const out = 'test-results/vitest.json';
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...process.argv.slice(2)], { stdio: 'inherit' });
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  // A file that fails to load runs no test but must still count as a failure.
  if (failed === 0) failed = report.numFailedTestSuites ?? 0;
  // A test that did not run (skipped, todo, or left pending by a worker that went away) is not
  // a pass: each counts as a failure, named.
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'passed' || t.status === 'failed') continue;
      console.error(`did not run (${t.status}): ${file.name} > ${t.fullName}`);
      failed++;
    }
  }
} catch (err) {
  console.error(`could not read ${out}: ${err.message}`);
  failed = Math.max(failed, 1);
}
console.log(`${passed} passed, ${failed} failed`);
if (run.status !== 0 || failed > 0 || passed === 0) {
  if (passed === 0 && failed === 0) console.error('no test ran: that is a failure');
  process.exit(run.status || 1);
}
