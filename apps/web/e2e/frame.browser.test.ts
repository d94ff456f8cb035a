import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { focused, screenshot, wcagViolations } from './support/browser';
import { useBrowser } from './support/use-browser';
import { accessibilityMessages } from '../src/features/accessibility/messages';

// The frame and its pages in Chromium, served by the real API from the production build, under its real
// Content-Security-Policy: what jsdom cannot show (colour contrast, focus order, what a browser refuses to run).

const PAGES = [
  { path: '/insatser', heading: messages.nav.initiatives, shot: 'insatser' },
  { path: '/portfoljen', heading: messages.nav.overview, shot: 'portfoljen' },
  { path: '/larm', heading: messages.nav.alerts, shot: 'larm' },
  { path: '/tillganglighet', heading: accessibilityMessages.title, shot: 'tillganglighet' },
  { path: '/finns-inte', heading: messages.notFound.title, shot: 'sidan-finns-inte' },
];

let page: Page;
let problems: string[];

// The frame as people see it: signed in (sign-in itself is e2e/sign-in.browser.test.ts).
useBrowser({ opened: (session) => ({ page, problems } = session), signedIn: { role: 'staff', departmentCode: 'ASF', name: 'Sam Svensson' } });

/** Loads a page of the app and waits for its heading. */
async function visit(path: string, heading: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Presses Tab (or Shift+Tab) until the link named `name` has focus; at most `limit` times. */
async function tabTo(name: string, { backwards = false, limit = 25 } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag === 'a' && now.text === name) return now;
  }
  throw new Error(`${limit} × ${backwards ? 'Shift+Tab' : 'Tab'} did not reach the link "${name}"`);
}

/** Waits (bounded) for focus to be on the page's h1 with that text. */
async function expectFocusOnHeading(heading: string) {
  await expect.poll(() => focused(page), { timeout: 5_000 }).toMatchObject({ tag: 'h1', text: heading });
}

describe('the web app in Chromium', () => {
  it('should send / on to Insatser', async () => {
    await page.goto('/');

    await page.getByRole('heading', { level: 1, name: messages.nav.initiatives }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insatser');
    expect(await page.title()).toBe(messages.app.documentTitle(messages.nav.initiatives));
    expect(problems).toEqual([]);
  });

  it.each(PAGES)('should find no WCAG 2.1 AA violation with axe-core on $path, colour contrast included', async ({ path, heading, shot }) => {
    await visit(path, heading);

    const { violations, passes } = await wcagViolations(page);

    expect(violations).toEqual([]);
    expect(passes).toBeGreaterThan(10);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.title()).toBe(messages.app.documentTitle(heading));
    expect(problems).toEqual([]);
    if (shot) await screenshot(page, shot);
  });

  it('should reach the skip link with the first Tab, show it, and move focus to the main content with Enter', async () => {
    await visit('/insatser', messages.nav.initiatives);

    await page.keyboard.press('Tab');
    const skipLink = await focused(page);
    const box = await page.getByRole('link', { name: messages.layout.skipToContent }).boundingBox();
    await page.keyboard.press('Enter');

    expect(skipLink).toMatchObject({ tag: 'a', text: messages.layout.skipToContent });
    expect(skipLink.outline).not.toBe('none');
    expect(box?.y).toBeGreaterThanOrEqual(0);
    await expect.poll(() => focused(page), { timeout: 5_000 }).toMatchObject({ tag: 'main', id: 'huvudinnehall' });
    expect(new URL(page.url()).pathname).toBe('/insatser');
    expect(problems).toEqual([]);
  });

  it('should take a keyboard user through the navigation to every page, with focus on its heading after each move', async () => {
    await visit('/insatser', messages.nav.initiatives);
    const visited: string[] = [];

    // From the top of the page into the primary navigation, then back up to it from each page's heading.
    for (const [index, { label, path }] of [
      { label: messages.nav.overview, path: '/portfoljen' },
      { label: messages.nav.alerts, path: '/larm' },
      { label: messages.nav.initiatives, path: '/insatser' },
    ].entries()) {
      const link = await tabTo(label, { backwards: index > 0 });
      expect(link.outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === path);
      await expectFocusOnHeading(label);
      visited.push(path);
    }
    // The accessibility statement is in the footer: onwards from the heading.
    await tabTo(messages.nav.accessibility);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/tillganglighet');
    await expectFocusOnHeading(accessibilityMessages.title);
    visited.push('/tillganglighet');

    expect(visited).toEqual(['/portfoljen', '/larm', '/insatser', '/tillganglighet']);
    expect(problems).toEqual([]);
  });

  it('should show Swagger UI at /api/docs under its own, slightly looser policy without a violation', async () => {
    await page.goto('/api/docs');

    await page.locator('.opblock').first().waitFor();
    expect(problems).toEqual([]);
  });

  it('should hear of a blocked inline script and of an axe violation, so that clean runs mean something', async () => {
    await visit('/larm', messages.nav.alerts);

    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.title = "inline ran"';
      document.body.append(script);
      const image = document.createElement('img');
      image.src = '/favicon.svg';
      document.querySelector('main')?.append(image);
    });
    await expect.poll(() => problems.join('\n'), { timeout: 5_000 }).toMatch(/script-src/);
    const { violations } = await wcagViolations(page);

    expect(await page.title()).not.toBe('inline ran');
    expect(violations.map((violation) => violation.rule)).toContain('image-alt');
  });
});
