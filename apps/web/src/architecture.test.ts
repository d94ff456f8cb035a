import { describe, expect, it } from 'vitest';

/**
 * The structure bulletproof-react enforces with lint rules, checked here instead: code flows app → features →
 * shared (components, lib, styles), features do not import each other, and there are no barrel files. testing/ is
 * test support: it may import anything, and only tests may import it.
 */
const sources = import.meta.glob<string>(['./**/*.{ts,tsx}', '!./**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function area(path: string): string {
  const [, top, feature] = /^\.\/([^/]+)\/?([^/]*)/.exec(path) ?? [];
  return top === 'features' ? `features/${feature}` : (top ?? '');
}

function resolve(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const segment of specifier.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

const imports = Object.entries(sources).flatMap(([file, text]) =>
  [...text.matchAll(/^\s*(?:import|export)\b[^'";]*?from\s+'(\.[^']+)'/gm)].map((match) => ({
    file,
    target: resolve(file, match[1]!),
  })),
);

const SHARED = new Set(['components', 'lib', 'styles']);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const importsTesting = (file: string, target: string) => area(target) === 'testing' && isTest(file);

describe('the web app’s structure', () => {
  it('should find the sources it checks', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(imports.length).toBeGreaterThan(10);
  });

  it('should keep shared code free of features and of the app', () => {
    const wrong = imports.filter(
      ({ file, target }) => SHARED.has(area(file)) && !SHARED.has(area(target)) && !importsTesting(file, target),
    );
    expect(wrong).toEqual([]);
  });

  it('should keep features from importing the app or each other', () => {
    const wrong = imports.filter(
      ({ file, target }) =>
        area(file).startsWith('features/') &&
        area(target) !== area(file) &&
        !SHARED.has(area(target)) &&
        !importsTesting(file, target),
    );
    expect(wrong).toEqual([]);
  });

  it('should import test support only from tests', () => {
    const wrong = imports.filter(
      ({ file, target }) => area(target) === 'testing' && area(file) !== 'testing' && !isTest(file),
    );
    expect(wrong).toEqual([]);
  });

  it('should have no barrel files', () => {
    expect(Object.keys(sources).filter((file) => /\/index\.tsx?$/.test(file))).toEqual([]);
  });
});
