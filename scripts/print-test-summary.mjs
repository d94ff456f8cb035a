// Prints "N passed, N failed" from Jest's JSON results, so a run that executed no test cannot pass unnoticed.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/jest-results.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
// A suite that failed to load counts as a failure even though it ran no test.
const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 || results.numPassedTests === 0 ? 1 : 0);
