import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The web app in a real browser: Chromium (Debian's, through playwright-core) against the built API serving the built
// app on a database of its own. Node environment; nothing of Vite's app config. Run from the repository root after
// `npm run build` and `npm run web:build`: `npx vitest run --config apps/web/vitest.browser.config.ts` (npm test does).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'browser',
    environment: 'node',
    include: ['e2e/**/*.browser.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // One browser, one API: the files take turns.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
