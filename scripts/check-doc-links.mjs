// Checks that every relative link and anchor in the repository's markdown files resolves, with GitHub's heading
// anchors (lowercase, punctuation dropped, spaces to hyphens, -1, -2 … for repeats). Run by hand:
// `node scripts/check-doc-links.mjs`; wired into nothing (npm test and CI do not run it).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => file && !file.includes('node_modules'));

const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\p{Mn} _-]/gu, '')
    .replace(/ /g, '-');

const anchorCache = new Map();
function anchorsOf(path) {
  if (anchorCache.has(path)) return anchorCache.get(path);
  const seen = new Map();
  const anchors = new Set();
  let fence = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.startsWith('```')) {
      fence = !fence;
      continue;
    }
    const match = fence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!match) continue;
    const base = slug(match[1]);
    const n = seen.get(base) ?? 0;
    anchors.add(n === 0 ? base : `${base}-${n}`);
    seen.set(base, n + 1);
  }
  anchorCache.set(path, anchors);
  return anchors;
}

let checked = 0;
const broken = [];
for (const file of files) {
  const path = join(root, file);
  let fence = false;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.startsWith('```')) fence = !fence;
      if (fence) return;
      for (const [, target] of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith('//')) continue;
        checked++;
        const [filePart, anchor] = target.split('#', 2);
        const dest = filePart ? resolve(dirname(path), decodeURI(filePart)) : path;
        if (!existsSync(dest)) broken.push(`${file}:${index + 1}: missing file ${target}`);
        else if (
          anchor &&
          statSync(dest).isFile() &&
          dest.endsWith('.md') &&
          !anchorsOf(dest).has(decodeURIComponent(anchor))
        )
          broken.push(`${file}:${index + 1}: missing anchor ${target}`);
      }
    });
}
for (const line of broken) console.log(line);
console.log(`${checked} relative links checked in ${files.length} files, ${broken.length} broken`);
process.exit(broken.length ? 1 : 0);
