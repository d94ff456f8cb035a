import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { focused, screenshot, wcagViolations } from './support/browser';
import { currentNavigationLink, primaryNavigation } from './support/navigation';
import { useBrowser } from './support/use-browser';
import { accessibilityMessages } from '../src/features/accessibility/messages';
import { statusReportsMessages } from '../src/features/status-reports/messages';

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

const nav = messages.nav;
const groups = messages.nav.groups;
/** The header's navigation as an administrator has it: every screen, in its group or on its own. */
const NAVIGATION: { group?: string; label: string; path: string; heading?: string }[] = [
  { group: groups.portfolio, label: nav.initiatives, path: '/insatser' },
  { group: groups.portfolio, label: nav.overview, path: '/portfoljen' },
  { group: groups.portfolio, label: nav.alerts, path: '/larm' },
  { group: groups.followUp, label: nav.reports, path: '/rapporter', heading: statusReportsMessages.myReportsTitle },
  { group: groups.followUp, label: nav.indicators, path: '/indikatorer' },
  { group: groups.followUp, label: nav.goals, path: '/mal' },
  { group: groups.followUp, label: nav.reportingRounds, path: '/omgangar' },
  { group: groups.leadership, label: nav.fundingCliff, path: '/finansieringsstup' },
  { group: groups.leadership, label: nav.overlaps, path: '/overlapp' },
  { group: groups.leadership, label: nav.readiness, path: '/revisionsberedskap' },
  { group: groups.leadership, label: nav.portfolioReviews, path: '/genomgangar' },
  { label: nav.auditTrail, path: '/granskning' },
  { group: groups.administration, label: nav.initiativeImport, path: '/admin/import' },
  { group: groups.administration, label: nav.administration, path: '/admin' },
];

/** Loads a page of the app and waits for its heading. */
async function visit(path: string, heading: string) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/**
 * Presses Tab (or Shift+Tab) until the link named `name` has focus, or with `tag: 'button'` the button (a group's,
 * whose name may go on with "(du är här)"); at most `limit` times.
 */
async function tabTo(name: string, { backwards = false, limit = 25, tag = 'a' } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now.tag === tag && (now.text === name || now.text === `${name} ${messages.layout.currentGroup}`)) return now;
  }
  throw new Error(`${limit} × ${backwards ? 'Shift+Tab' : 'Tab'} did not reach the ${tag} "${name}"`);
}

/** Waits (bounded) for focus to be on the page's h1 with that text. */
async function expectFocusOnHeading(heading: string) {
  await expect.poll(() => focused(page), { timeout: 10_000 }).toMatchObject({ tag: 'h1', text: heading });
}

const groupButton = (group: string) => primaryNavigation(page).getByRole('button', { name: new RegExp(`^${group}`) });
const expanded = (group: string) => groupButton(group).getAttribute('aria-expanded');

/** Whether the page scrolls sideways, and every shown link and button of the navigation lies within the window. */
function horizontalFit() {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const shown = [...document.querySelectorAll('header nav a, header nav button')].filter(
      (element) => element.getClientRects().length > 0,
    );
    return {
      scrollsSideways: document.documentElement.scrollWidth > width,
      outside: shown
        .filter((element) => element.getBoundingClientRect().left < 0 || element.getBoundingClientRect().right > width)
        .map((element) => element.textContent),
    };
  });
}

describe('the web app in Chromium', () => {
  // The frame as people see it: signed in (sign-in itself is e2e/sign-in.browser.test.ts).
  useBrowser({
    opened: (session) => ({ page, problems } = session),
    signedIn: { role: 'staff', departmentCode: 'ASF', name: 'Sam Svensson' },
  });

  it('should send / on to Insatser', async () => {
    await page.goto('/');

    await page.getByRole('heading', { level: 1, name: messages.nav.initiatives }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/insatser');
    expect(await page.title()).toBe(messages.app.documentTitle(messages.nav.initiatives));
    expect(problems).toEqual([]);
  });

  it.each(PAGES)(
    'should find no WCAG 2.1 AA violation with axe-core on $path, colour contrast included',
    async ({ path, heading, shot }) => {
      await visit(path, heading);

      const { violations, passes } = await wcagViolations(page);

      expect(violations).toEqual([]);
      expect(passes).toBeGreaterThan(10);
      expect(await page.locator('html').getAttribute('lang')).toBe('sv');
      expect(await page.title()).toBe(messages.app.documentTitle(heading));
      expect(problems).toEqual([]);
      if (shot) await screenshot(page, shot);
    },
  );

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

describe('the header’s navigation in Chromium', () => {
  // An administrator, who may use every screen the header lists.
  useBrowser({
    opened: (session) => ({ page, problems } = session),
    signedIn: { role: 'admin', name: 'Ada Andersson' },
  });

  /** Opens the accessibility statement: a page in none of the groups, all text, so it reflows to any width. */
  async function visitStatement() {
    await visit('/tillganglighet', accessibilityMessages.title);
    await groupButton(groups.administration).waitFor();
  }

  it('should take a keyboard user through the groups to every page, with focus on its heading after each move', async () => {
    await visitStatement();
    const visited: string[] = [];

    // From the top of the page into the navigation, then back up to it from each page's heading.
    for (const [index, { group, label, path, heading = label }] of NAVIGATION.entries()) {
      const backwards = index > 0;
      if (group) {
        const button = await tabTo(group, { backwards, tag: 'button' });
        expect(button.outline).not.toBe('none');
        expect(await expanded(group)).toBe('false');
        await page.keyboard.press('Enter');
        expect(await expanded(group)).toBe('true');
        if (index === 0) {
          // Escape closes the group and leaves focus on its button; Enter opens it again.
          await page.keyboard.press('Escape');
          expect(await expanded(group)).toBe('false');
          expect(await focused(page)).toMatchObject({ tag: 'button', text: group });
          await page.keyboard.press('Enter');
        }
      }
      // A group's links follow its button.
      const link = await tabTo(label, { backwards: backwards && !group, limit: group ? 6 : 25 });
      expect(link.outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === path);
      await expectFocusOnHeading(heading);
      expect(await currentNavigationLink(page).textContent()).toBe(label);
      if (group) {
        expect(await expanded(group)).toBe('false');
        expect(await groupButton(group).textContent()).toBe(`${group} ${messages.layout.currentGroup}`);
      }
      visited.push(path);
    }
    // The accessibility statement is in the footer: onwards from the heading.
    await tabTo(messages.nav.accessibility);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/tillganglighet');
    await expectFocusOnHeading(accessibilityMessages.title);

    expect(visited).toEqual(NAVIGATION.map(({ path }) => path));
    expect(problems).toEqual([]);
  }, 180_000);

  it('should close an open group when focus leaves it or on a click outside, and find no violation open or closed', async () => {
    await visit('/insatser', messages.nav.initiatives);
    await groupButton(groups.administration).waitFor();
    expect((await wcagViolations(page)).violations).toEqual([]);

    // Opening one group closes the other; the open one's links are shown and pass axe, contrast included.
    await groupButton(groups.portfolio).click();
    await groupButton(groups.administration).click();
    expect(await expanded(groups.portfolio)).toBe('false');
    await primaryNavigation(page).getByRole('link', { name: messages.nav.initiativeImport }).waitFor();
    const { violations, passes } = await wcagViolations(page);
    expect(violations).toEqual([]);
    expect(passes).toBeGreaterThan(10);
    expect(await horizontalFit()).toEqual({ scrollsSideways: false, outside: [] });
    await screenshot(page, 'navigation-open');

    await page.getByRole('heading', { level: 1 }).click();
    expect(await expanded(groups.administration)).toBe('false');

    // Tab past the group's last link: focus leaves it and it closes.
    await groupButton(groups.administration).focus();
    await page.keyboard.press('Enter');
    await tabTo(messages.nav.administration);
    await page.keyboard.press('Tab');
    expect(await expanded(groups.administration)).toBe('false');
    expect(await focused(page)).toMatchObject({ tag: 'button', text: messages.auth.person.signOut });
    expect(problems).toEqual([]);
  });

  // 320 px: the narrow layout (WCAG reflow); 801 px: with Debian's fonts, Administration ends the buttons' first row
  // there and its links must open leftwards to stay in the window.
  it.each([320, 801])(
    'should work at %i px wide without scrolling sideways, by keyboard and under axe',
    async (width) => {
      await page.setViewportSize({ width, height: 800 });
      await visitStatement();
      expect(await horizontalFit()).toEqual({ scrollsSideways: false, outside: [] });

      for (const group of Object.values(groups)) {
        await groupButton(group).click();
        expect(await expanded(group)).toBe('true');
        expect(await horizontalFit()).toEqual({ scrollsSideways: false, outside: [] });
        expect((await wcagViolations(page)).violations).toEqual([]);
      }
      await screenshot(page, `navigation-${width}`);

      // By keyboard from the open group's button: Shift+Tab back to Ledningsgruppen, open it, on to its first link.
      await tabTo(groups.leadership, { backwards: true, tag: 'button' });
      await page.keyboard.press('Enter');
      expect(await expanded(groups.administration)).toBe('false');
      await tabTo(messages.nav.fundingCliff);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/finansieringsstup');
      await expectFocusOnHeading(messages.nav.fundingCliff);
      expect(problems).toEqual([]);
    },
    60_000,
  );
});
