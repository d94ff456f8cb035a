import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { focused, screenshot, wcagViolations } from './support/browser';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';
import { initiativeMessages } from '../src/features/initiative/messages';

// Insatsen in Chromium: SSPF from the Trollhättan demo data, opened directly by its address, read by the leadership
// group and by a department head; the table of contents with the keyboard; an unknown code's 404.
const baseUrl = inject('baseUrl');
const SSPF_TITLE = 'SSPF – skola, socialtjänst, polis och fritid';
const text = initiativeMessages;

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

/** SSPF's page, where signing in came back to, once every section has what it loaded (none still busy). */
async function openSspf() {
  expect(new URL(page.url()).pathname).toBe('/insatser/SSPF');
  await page.getByRole('heading', { level: 1, name: SSPF_TITLE }).waitFor();
  await expect.poll(() => page.locator('section[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
}

describe.each([
  { who: 'the leadership group', as: { role: 'leadership' as const, name: 'Ledningsgruppen' } },
  {
    who: 'a department head',
    as: { role: 'department_head' as const, departmentCode: 'ASF', name: 'Förvaltningschef ASF' },
  },
])('Insatsen, read by $who', ({ as }) => {
  beforeEach(async () => {
    await signIn(page, baseUrl, { ...as, path: '/insatser/SSPF' });
  });

  it('should show every section of SSPF with the demo data, and no WCAG 2.1 AA violation', async () => {
    await openSspf();
    const main = page.getByRole('main');

    const headings = await main.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual([text.toc, ...Object.values(text.sections)]);
    expect(await page.title()).toBe(messages.app.documentTitle(SSPF_TITLE));
    // Summary, lifecycle, participants, goals up to Agenda 2030, funding, report, effect logic, decisions, history.
    await main
      .getByText(/1\s800\s000\skr/)
      .first()
      .waitFor();
    expect(await main.locator('[aria-current="step"]').textContent()).toContain(messages.initiativeStatus.active);
    await main
      .getByRole('heading', { level: 4, name: text.lifecycle.moveTo(messages.initiativeStatus.completed) })
      .waitFor();
    await main.getByRole('cell', { name: text.participants.role_.co_owner! }).first().waitFor();
    await main.getByText('Samordnare SSPF', { exact: false }).first().waitFor();
    expect(await main.getByRole('list', { name: /^Målkedja för/ }).count()).toBe(4);
    await main
      .getByRole('list', { name: /^Målkedja för/ })
      .first()
      .getByText(text.goals.level.agenda2030!)
      .waitFor();
    await main.getByRole('img', { name: /^Tidslinje över 3 finansieringsrader/ }).waitFor();
    expect(await main.getByRole('table', { name: text.funding.tableCaption }).getByRole('row').count()).toBe(4);
    await page
      .locator('#avsnitt-statusReport')
      .getByText(messages.vocabulary.ragStatus.green, { exact: true })
      .waitFor();
    await page.locator('#avsnitt-effectLogic').getByText('Lokala SSPF-grupper', { exact: false }).waitFor();
    await main.getByText(text.indicators.none).waitFor();
    await main.getByRole('table', { name: new RegExp(`^${text.history.caption}`) }).waitFor();

    const { violations, passes } = await wcagViolations(page);

    expect(violations).toEqual([]);
    expect(passes).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    // The user guide shows the leadership's view from the top down through the funding timeline.
    await screenshot(
      page,
      `insatsen-${as.role}`,
      as.role === 'leadership' ? { docs: 'insatsen', docsClip: { x: 0, y: 0, width: 1280, height: 3000 } } : {},
    );
  });

  it('should take a keyboard user through the table of contents to a section, with focus on its heading', async () => {
    await openSspf();

    // From the page's heading onwards, Tab reaches the table of contents' link to the funding.
    await page.getByRole('heading', { level: 1 }).focus();
    let reached = false;
    for (let presses = 0; presses < 15 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      reached = now.tag === 'a' && now.text === text.sections.funding;
      if (reached) expect(now.outline).not.toBe('none');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');

    await expect
      .poll(() => focused(page), { timeout: 5_000 })
      .toMatchObject({ tag: 'h2', text: text.sections.funding });
    expect(new URL(page.url()).pathname).toBe('/insatser/SSPF');
    // The next Tab goes on from the section, not back into the table of contents.
    await page.keyboard.press('Tab');
    const inContents = await page.evaluate(
      (label) => document.activeElement?.closest(`nav[aria-label="${label}"]`) !== null,
      text.toc,
    );
    expect(inContents).toBe(false);
    expect(problems).toEqual([]);
  });
});

describe('an unknown code', () => {
  it('should show a Swedish 404 with the way back to the list, and no WCAG 2.1 AA violation', async () => {
    // Opened directly by its address, which signing in comes back to.
    await signIn(page, baseUrl, { role: 'leadership', name: 'Ledningsgruppen', path: '/insatser/FINNS-INTE' });
    const duringSignIn = problems.splice(0);

    await page.getByRole('heading', { level: 1, name: text.notFound.title }).waitFor();
    await page.getByText(text.notFound.body('FINNS-INTE')).waitFor();
    expect(await page.title()).toBe(messages.app.documentTitle(text.notFound.title));
    const { violations } = await wcagViolations(page);
    expect(violations).toEqual([]);
    // The API answered 404 for the code (and Chromium logged it); the page said so without a problem of its own.
    const notFound = /^404 for .*\/api\/v1\/initiatives\/FINNS-INTE$/;
    expect([...duringSignIn, ...problems]).toContainEqual(expect.stringMatching(notFound));
    expect(
      problems.filter(
        (problem) => !notFound.test(problem) && !/^console error: Failed to load resource: .* 404/.test(problem),
      ),
    ).toEqual([]);

    await page.getByRole('link', { name: text.notFound.back }).click();
    await page.waitForURL((url) => url.pathname === '/insatser');
    await page.getByRole('heading', { level: 1, name: messages.nav.initiatives }).waitFor();
  });
});
