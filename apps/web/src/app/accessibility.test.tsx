import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../testing/render-app';

// jsdom has no layout or rendering, so axe cannot judge colour contrast here: src/styles/tokens.test.ts computes
// it from the tokens instead.
const options: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  rules: { 'color-contrast': { enabled: false } },
};

function describeViolations(violations: axe.Result[]) {
  return violations.map((violation) => ({
    rule: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.html),
  }));
}

describe('every page under axe-core', () => {
  // index.html declares the language; the test document is jsdom's own (src/app/app.test.tsx checks index.html).
  beforeEach(() => {
    document.documentElement.lang = 'sv';
  });
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
  });

  it.each(['/insatser', '/portfoljen', '/larm', '/tillganglighet', '/finns-inte'])(
    'should find no violation on %s',
    async (path) => {
      await renderApp(path);

      const results = await axe.run(document, options);

      expect(describeViolations(results.violations)).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
    },
  );

  it('should report a violation when a page has one, so a clean run means something', async () => {
    await renderApp('/insatser');
    const image = document.createElement('img');
    image.src = '/diagram.png';
    document.querySelector('main')?.append(image);

    const results = await axe.run(document, options);

    expect(results.violations.map((violation) => violation.id)).toContain('image-alt');
  });
});
