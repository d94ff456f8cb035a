import { availableParallelism } from 'node:os';

/** Unit specs sit next to the code (libs/**, apps/**); end-to-end specs over HTTP live in test/. */
export default {
  // Every spec file runs on a database of its own and its own queues, so files may run side by side. Jest's default
  // (cores − 1) runs them one at a time on a 2-core machine; past four, PostgreSQL's connections run short.
  maxWorkers: Math.min(4, Math.max(2, availableParallelism())),
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleNameMapper: {
    '^#database/testing$': '<rootDir>/libs/database/src/testing/index.ts',
    '^#([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/setup/global-setup.js',
  testTimeout: 30000,
};
