import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const api = 'http://localhost:3000';
const proxy = { '/api': api, '/health': api };

// Run from the repository root: `npm run web:dev`, `npm run web:build`; Vitest with `--root apps/web`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    // Outside the app's root, so Vite empties it only when told; the server's build writes dist/apps/api beside it.
    emptyOutDir: true,
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    restoreMocks: true,
    // A file's first render loads its lazy routes and axe; on a busy 2-core CI machine that took over the 5 s default.
    testTimeout: 15_000,
  },
});
