import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { overlapsMessages } from '../src/features/overlaps/messages';
import { callApi } from './support/api';
import { focused, screenshot, wcagViolations } from './support/browser';
import { signIn, type SignInAs } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Överlapp on a pair of the test's own: ASF's head registers two near-identical initiatives (same target groups,
// districts and goal, similar words) and proposes them, so no demo pair another file reads gets a verdict. The
// leadership group records a verdict by keyboard; staff and the department head see the pair but are offered none.
// At the end both go back to draft and are deleted, and the pair leaves the list with them.
const baseUrl = inject('baseUrl');
const DOCS_SCREENSHOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../docs/screenshots/overlapp.png');
const t = overlapsMessages;
const [CODE, OTHER] = ['OVERLAPPA', 'OVERLAPPB'];
const HEAD: SignInAs = { role: 'department_head', departmentCode: 'ASF', name: 'Förvaltningschef ASF' };
const NOTE = 'Samma målgrupp i samma områden: insatserna delar nu personal och lokaler.';

let page: Page;
let problems: string[];
const ids: string[] = [];
/** The pair's codes in the API's order: the initiative with the lower id first (uuids compare as their hex text). */
let codes: [string, string] = [CODE, OTHER];

useBrowser({ opened: (session) => ({ page, problems } = session) });

const pair = () => page.getByRole('article', { name: t.pairHeading(...codes) });

// The pair shares target groups, districts and words but no priority area or outcome: it scores about 0.63.
async function openOverlaps(path = '/overlapp?minScore=0.6') {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: messages.nav.overlaps }).waitFor();
  await page.getByRole('heading', { level: 2, name: t.listHeading }).waitFor();
}

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** Presses `key` until `reached` holds; at most 20 presses. */
async function pressUntil(key: string, reached: () => Promise<boolean>) {
  for (let presses = 0; presses < 20; presses += 1) {
    if (await reached()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`20 × ${key} did not get there`);
}

async function first<T>(path: string): Promise<T[]> {
  const answer = await callApi<{ items: T[] }>(page, 'GET', path);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function moveTo(id: string, to: string) {
  expect((await callApi(page, 'POST', `/initiatives/${id}/transitions`, { body: { to, comment: 'Testets egen insats.' } })).status).toBe(200);
}

describe('Överlapp', () => {
  it('should list a likely duplicate pair side by side with its score in words and why, and offer a department head no verdict', { timeout: 60_000 }, async () => {
    await signIn(page, baseUrl, HEAD);
    const targetGroupCodes = (await first<{ code: string }>('/target-groups?limit=2')).map((group) => group.code);
    const districtCodes = (await first<{ code: string }>('/districts?limit=2')).map((district) => district.code);
    const goalIds = (await first<{ id: string }>('/goals?limit=1')).map((goal) => goal.id);
    for (const [code, title] of [
      [CODE, 'Sommarlovsaktiviteter för unga i Kronogården'],
      [OTHER, 'Sommarlovsaktiviteter för ungdomar i Kronogården'],
    ] as const) {
      const summary = 'Aktiviteter under sommarlovet för unga som annars inte har något att göra, tillsammans med föreningar.';
      const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
        body: { code, title, summary, kind: 'project', targetGroupCodes, districtCodes, goalIds },
      });
      expect(created.status).toBe(201);
      ids.push(created.body.id);
      await moveTo(created.body.id, 'proposed');
    }
    if (ids[1]! < ids[0]!) codes = [OTHER, CODE];

    await openOverlaps();
    await pair().waitFor();
    // The score reads as one line, "Likhet: 0,63 av 1 – måttlig likhet", its term in bold.
    const score = await pair().getByText(new RegExp(`^${t.score}:\\s`)).innerText();
    expect(score).toMatch(new RegExp(`^${t.score}: 0,\\d+ av 1 – (${Object.values(t.scoreLevel).join('|')})$`));
    const table = pair().getByRole('table', { name: t.comparison(...codes) });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([t.fact, ...codes]);
    expect(await table.getByRole('link', { name: 'Sommarlovsaktiviteter för unga i Kronogården' }).getAttribute('href')).toBe(`/insatser/${CODE}`);
    const reasons = await pair().getByRole('list').allInnerTexts();
    expect(reasons.join('\n')).toMatch(/målgrupper/i);
    expect(await pair().getByRole('button').count()).toBe(0);
    await page.getByText(t.mayNot).waitFor();
    await expectNoViolations();
    expect(problems).toEqual([]);
  });

  it('should let the leadership group record a verdict by keyboard, telling a missing note on its field, then show it', { timeout: 60_000 }, async () => {
    await signIn(page, baseUrl, { role: 'leadership', name: 'Ledningsgruppen' });
    await openOverlaps();
    await pair().waitFor();
    await expectNoViolations();
    await screenshot(page, 'overlapp');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(DOCS_SCREENSHOT, '..'), { recursive: true });
      await page.screenshot({ path: DOCS_SCREENSHOT, fullPage: true });
    }

    await pair().getByRole('button', { name: t.dialog.openLabel(...codes) }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t.dialog.title });
    await dialog.waitFor();
    // Tab into the verdict group, then the arrows onto "Samordnade" (arrows select as they move).
    const coordinated = dialog.getByRole('radio', { name: new RegExp(`^${t.verdictLabel.coordinated}`) });
    await pressUntil('Tab', () => page.evaluate(() => document.activeElement?.getAttribute('type') === 'radio'));
    await pressUntil('ArrowDown', () => coordinated.evaluate((element) => element === document.activeElement));
    await page.keyboard.press('Space');
    expect(await coordinated.isChecked()).toBe(true);
    await dialog.getByRole('button', { name: t.dialog.submit }).focus();
    await page.keyboard.press('Enter');

    const summary = dialog.getByRole('alert');
    await summary.waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ text: expect.stringContaining(messages.forms.errorSummaryTitle) });
    const note = dialog.getByRole('textbox', { name: t.dialog.note });
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText(messages.problem.field.required).first().waitFor();
    await expectNoViolations();

    await note.focus();
    await page.keyboard.type(NOTE);
    await dialog.getByRole('button', { name: t.dialog.submit }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: t.recorded(...codes, t.verdictLabel.coordinated) }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // A pair with a verdict is quiet: it leaves the default list and shows, with its verdict, among the reviewed.
    expect(await pair().count()).toBe(0);
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: t.listHeading });

    // The filter by keyboard too: the arrow moves from the checked choice to the next and selects it.
    await page.getByRole('radio', { name: t.filters.unreviewed }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.searchParams.get('include') === 'reviewed');
    expect(await page.getByRole('radio', { name: t.filters.reviewed }).isChecked()).toBe(true);
    await pair().waitFor();
    expect(await pair().getByText(t.verdictLabel.coordinated, { exact: true }).count()).toBe(1);
    expect(await pair().getByText(NOTE).count()).toBe(1);
    expect(await pair().getByRole('button', { name: t.dialog.openLabel(...codes) }).innerText()).toBe(t.dialog.reassess);
    await expectNoViolations();
    expect(problems.filter((problem) => !/^400 for .*\/review$/.test(problem) && !problem.includes('status of 400'))).toEqual([]);
  });

  it('should show staff the verdict and offer them none', async () => {
    await signIn(page, baseUrl, { role: 'staff', departmentCode: 'ASF', name: 'Medarbetare ASF' });
    await openOverlaps('/overlapp?minScore=0.6&include=reviewed');
    await pair().waitFor();
    expect(await pair().getByText(t.verdictLabel.coordinated, { exact: true }).count()).toBe(1);
    expect(await pair().getByRole('button').count()).toBe(0);
    await page.getByText(t.mayNot).waitFor();
    await expectNoViolations();
    expect(problems).toEqual([]);
  });

  it('should drop the pair once its initiatives are no longer open (the test’s own are moved back and deleted)', async () => {
    await signIn(page, baseUrl, HEAD);
    for (const id of ids) {
      await moveTo(id, 'draft');
      expect((await callApi(page, 'DELETE', `/initiatives/${id}`)).status).toBe(204);
    }
    await openOverlaps('/overlapp?include=reviewed');
    await page.getByText(t.count(0, 0)).or(page.getByRole('article').first()).first().waitFor();
    expect(await pair().count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
  });
});
