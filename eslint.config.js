// ESLint over the API, worker, libs, tests, benchmarks and the web app, with typescript-eslint's type-checked rules
// (each file checked against the tsconfig that builds it). Formatting is Prettier's alone (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'reports/**', 'coverage/**', 'node_modules/**', '.data/**', 'apps/web/src/lib/api-schema.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The browser tests' Vitest config belongs to no tsconfig (the web app's has no Node types, e2e's is below it).
        projectService: { allowDefaultProject: ['apps/web/vitest.browser.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      // A form's onSubmit takes react-hook-form's handleSubmit, a promise-returning handler that catches its own errors.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // `_`-prefixed names are the ones left out on purpose (a rest destructuring that drops a field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ignores: ['apps/web/e2e/**'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // TanStack Router redirects by throwing its redirect object (beforeLoad), as its documentation does.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'package', package: '@tanstack/router-core', name: 'Redirect' }] },
      ],
    },
  },
  {
    // React's act(async () => …) flushes what a handler starts, whether or not the callback awaits anything.
    files: ['apps/web/src/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Vitest types its asymmetric matchers (expect.stringContaining, expect.any …) as any.
    files: ['apps/web/**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    // supertest types a response's body as `any`: the API specs assert its shape field by field (and the OpenAPI
    // contract test checks it against the document), so member access on it is what they are for.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Jest's asymmetric matchers (expect.stringContaining, expect.objectContaining …) are typed `any`; a unit spec puts
    // them inside the expected value to state the part of it that matters, which is all these two rules flag there.
    files: ['libs/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
