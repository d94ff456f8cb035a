// Prints "N passed, N failed" summed over the JSON results of every runner (Jest's; Vitest's for the web app's unit
// tests and for its browser tests: the same shape), so a run that executed no test cannot pass unnoticed. Each
// argument is one runner's results file, given because that runner should have run: a missing file counts as a
// failure, and so does a runner that passed no test.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['reports/jest-results.json'];
let passed = 0;
let failed = 0;
let ranNothing = false;
const parts = [];
for (const file of files) {
  if (!existsSync(file)) {
    failed += 1;
    parts.push(`${basename(file)}: missing`);
    continue;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that failed to load counts as a failure even though it ran no test.
  const brokenSuites = results.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  // So does a runner that ran no test at all (e.g. the browser tests' setup failed: no browser, no database).
  const fileFailed =
    results.numFailedTests + brokenSuites + (results.numTotalTests === 0 && brokenSuites === 0 ? 1 : 0);
  passed += results.numPassedTests;
  failed += fileFailed;
  if (results.numPassedTests === 0) ranNothing = true;
  parts.push(`${basename(file)}: ${results.numPassedTests} passed, ${fileFailed} failed`);
}
if (files.length > 1) console.error(`(${parts.join('; ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || ranNothing ? 1 : 0);
