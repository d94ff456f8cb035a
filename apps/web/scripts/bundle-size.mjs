// Prints the gzipped size of the JavaScript a first visit loads (the entry script and what it preloads), and fails
// past the budget, so growth shows up in every test run rather than in the field. Screens beyond the frame should
// load lazily (TanStack Router's lazy routes) and stay out of this number.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 150;
const outDir = process.argv[2] ?? 'dist/apps/web';
const indexFile = join(outDir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`[web] ${indexFile} is missing: build first (npm run web:build)`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
  ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
].map((match) => match[1]);
let gzipped = 0;
for (const src of new Set(scripts)) gzipped += gzipSync(readFileSync(join(outDir, src))).length;
const kb = gzipped / 1000;
console.error(
  `[web] initial JavaScript: ${kb.toFixed(1)} kB gzipped in ${scripts.length} file(s); budget ${BUDGET_KB} kB`,
);
if (scripts.length === 0 || kb > BUDGET_KB) process.exit(1);
