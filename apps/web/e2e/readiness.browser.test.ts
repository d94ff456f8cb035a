import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readinessMessages } from '../src/features/readiness/messages';
import {
  READINESS_CHECKS,
  checkFix,
  type Readiness,
  type ReadinessGroup,
} from '../src/features/readiness/utils/readiness-checks';
import { formatPercent } from '../src/lib/format';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, screenshot, wcagViolations } from './support/browser';
import { signIn, type SignInAs } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Revisionsberedskap reads the demo as it is and changes nothing: every figure on the page is compared with what
// GET /portfolio/readiness answers for the same filter, asked by the test as the same person.
const baseUrl = inject('baseUrl');
const t = readinessMessages;
const HEAD: SignInAs = {
  role: 'department_head',
  departmentCode: 'ASF',
  name: 'Förvaltningschef ASF',
  path: '/revisionsberedskap',
};
const LEADERSHIP: SignInAs = { role: 'leadership', name: 'Ledningsgruppen', path: '/revisionsberedskap' };

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

async function readiness(query: string): Promise<Readiness> {
  const answer = await callApi<Readiness>(page, 'GET', `/portfolio/readiness?limit=50&offset=0${query}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Presses Tab until `reached` holds; at most 80 presses. */
async function tabUntil(reached: () => Promise<boolean>) {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await reached()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('80 × Tab did not get there');
}

const share = (value: number | null | undefined) =>
  value === null || value === undefined ? t.notApplicable : formatPercent(value);
const figures = (group: ReadinessGroup) => [
  String(group.initiatives),
  share(group.score),
  ...READINESS_CHECKS.map((check) => share(group.checks[check])),
];

/** A roll-up table as text, row by row: the group's name, then its figures. */
async function tableText(name: string) {
  const rows = page.getByRole('table', { name }).locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim())),
  );
}

function initiativeRow(code: string): Locator {
  return page
    .getByRole('table', { name: t.list.heading })
    .getByRole('row')
    .filter({ has: page.locator(`a[href="/insatser/${code}"]`) });
}

/** Everything the page shows agrees with the API's answer for its filter. */
async function expectFiguresOf(answer: Readiness) {
  await page
    .getByRole('status')
    .filter({ hasText: t.list.count(1, answer.initiatives.length, answer.total) })
    .waitFor();
  expect(await tableText(t.byDepartment.heading)).toEqual(
    answer.byDepartment.map((department) => [department.name ?? t.byDepartment.noLead, ...figures(department)]),
  );
  const { areas, unlinked } = answer.byPriorityArea;
  expect(await tableText(t.byArea.heading)).toEqual([
    ...areas.map((area) => [`${area.code} ${area.title}`, ...figures(area)]),
    ...(unlinked ? [[t.byArea.unlinked, ...figures(unlinked)]] : []),
  ]);
  const listed = page.getByRole('table', { name: t.list.heading }).locator('tbody th a');
  expect(await listed.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(
    answer.initiatives.map((initiative) => `/insatser/${initiative.code}`),
  );
  for (const initiative of answer.initiatives) {
    const row = initiativeRow(initiative.code);
    const applicable = READINESS_CHECKS.filter(
      (check) => initiative.checks[check] !== null && initiative.checks[check] !== undefined,
    );
    const met = applicable.filter((check) => initiative.checks[check]).length;
    expect(await row.getByRole('cell').nth(1).innerText()).toBe(
      t.list.met(met, applicable.length, share(initiative.score)),
    );
    expect(await row.getByRole('cell').last().getByRole('link').allInnerTexts()).toEqual(
      initiative.missing.map((check) => t.checks[check]),
    );
  }
}

describe('Revisionsberedskap', () => {
  it(
    'should show the leadership group the whole portfolio’s readiness as the API counts it',
    { timeout: 60_000 },
    async () => {
      await signIn(page, baseUrl, LEADERSHIP);
      await page.getByRole('heading', { level: 1, name: messages.nav.readiness }).waitFor();
      const answer = await readiness('');
      expect(answer.total).toBeGreaterThan(0);
      await expectFiguresOf(answer);
      // Leadership acts for no department: no shortcut to one.
      expect(await page.getByRole('link', { name: /^Visa bara / }).count()).toBe(0);
      await expectNoViolations();
      await screenshot(page, 'revisionsberedskap', { docs: true });

      // A priority area's name in the roll-up filters to it; the URL carries the filter, the figures follow.
      const area = answer.byPriorityArea.areas[0]!;
      await page
        .getByRole('table', { name: t.byArea.heading })
        .getByRole('link', { name: `${area.code} ${area.title}` })
        .click();
      await page.waitForURL((url) => url.searchParams.get('goalId') === area.id);
      await expectFiguresOf(await readiness(`&goalId=${area.id}`));
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
  );

  it(
    'should take a department head by keyboard to their own department’s missing items and on to where one is fixed',
    { timeout: 60_000 },
    async () => {
      await signIn(page, baseUrl, HEAD);
      await page.getByRole('heading', { level: 1, name: messages.nav.readiness }).waitFor();
      const departments = await callApi<{ items: { id: string; name: string }[] }>(
        page,
        'GET',
        '/departments?code=ASF',
      );
      const asf = departments.body.items[0]!;

      const shortcut = page.getByRole('link', { name: t.filters.mine(asf.name) });
      await shortcut.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('leadDepartmentId') === asf.id);
      const answer = await readiness(`&leadDepartmentId=${asf.id}`);
      await expectFiguresOf(answer);
      expect(answer.byDepartment.map((department) => department.name)).toEqual([asf.name]);
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'a', text: t.filters.mine(asf.name) });
      await expectNoViolations();

      // The lowest-scored initiative's first missing item, reached by Tab from the shortcut and followed with Enter.
      const [first] = answer.initiatives.filter((initiative) => initiative.missing.length > 0);
      expect(first).toBeDefined();
      const check = first!.missing[0]!;
      const fix = checkFix(check);
      const fixLink = initiativeRow(first!.code).getByRole('link', { name: t.checks[check], exact: true });
      await tabUntil(() => fixLink.evaluate((link) => link === document.activeElement));
      expect((await focused(page)).outline).not.toBe('none');
      await page.keyboard.press('Enter');
      const path = fix.to.replace('$code', first!.code);
      await page.waitForURL((url) => url.pathname === path && url.hash === ('hash' in fix ? `#${fix.hash}` : ''));
      // The page it leads to has its own heading, which takes focus (a field, on Ändra insatsen) once the page has
      // loaded its data: on a loaded machine that takes longer than expect.poll's default second.
      await expect
        .poll(() => focused(page), { timeout: 10_000 })
        .toMatchObject('hash' in fix ? { id: expect.stringContaining(fix.hash) } : { tag: 'h1' });
      expect(problems).toEqual([]);
    },
  );

  it('should say so when readiness cannot be read, and read it again on request', async () => {
    await signIn(page, baseUrl, LEADERSHIP);
    await page.getByRole('heading', { level: 1, name: messages.nav.readiness }).waitFor();
    await page.route('**/api/v1/portfolio/readiness?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
      }),
    );
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: t.error });
    await alert.waitFor();
    await expectNoViolations();

    await page.unroute('**/api/v1/portfolio/readiness?*');
    await alert.getByRole('button', { name: messages.loadError.retry }).click();
    await page.getByRole('table', { name: t.list.heading }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(problems.filter((problem) => !problem.startsWith('503 for ') && !problem.includes('status of 503'))).toEqual(
      [],
    );
  });
});
