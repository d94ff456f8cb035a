import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { overlapsMessages } from '../src/features/overlaps/messages';
import { reviewMessages } from '../src/features/portfolio-reviews/messages';
import { callApi } from './support/api';
import { drainOverlaps } from './support/round-job';
import { focused, openPage, screenshot, wcagViolations } from './support/browser';
import { pressUntil, tabTo } from './support/keyboard';
import { signIn, type SignInAs } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Överlapp on a pair of the test's own: ASF's head registers two near-identical initiatives (same target groups,
// districts and goal, similar words) and proposes them, so no demo pair another file reads gets a verdict. The
// leadership group records a verdict by keyboard; staff and the department head see the pair but are offered none.
// At the end both go back to draft and are deleted, and the pair leaves the list with them.
const baseUrl = inject('baseUrl');
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

async function first<T>(on: Page, path: string): Promise<T[]> {
  const answer = await callApi<{ items: T[] }>(on, 'GET', path);
  expect(answer.status).toBe(200);
  return answer.body.items;
}

async function moveTo(on: Page, id: string, to: string) {
  expect(
    (await callApi(on, 'POST', `/initiatives/${id}/transitions`, { body: { to, comment: 'Testets egen insats.' } }))
      .status,
  ).toBe(200);
}

/**
 * As the department head signed in on `on`: an initiative for each code and title, all with the same summary and the
 * first two target groups (from `targetGroupOffset`), districts and goals `goalsPath` finds, each proposed (open, so
 * scored once the worker's drain has run: here, at once). Answers their ids in the same order.
 */
async function proposeAlike(
  on: Page,
  sides: readonly (readonly [string, string])[],
  { targetGroupOffset = 0, goalsPath = '/goals?limit=1' } = {},
) {
  const targetGroupCodes = (
    await first<{ code: string }>(on, `/target-groups?limit=2&offset=${targetGroupOffset}`)
  ).map((group) => group.code);
  const districtCodes = (await first<{ code: string }>(on, '/districts?limit=2')).map((district) => district.code);
  const goalIds = (await first<{ id: string }>(on, goalsPath)).map((goal) => goal.id);
  const summary =
    'Aktiviteter under sommarlovet för unga som annars inte har något att göra, tillsammans med föreningar.';
  const created: string[] = [];
  for (const [code, title] of sides) {
    const answer = await callApi<{ id: string }>(on, 'POST', '/initiatives', {
      body: { code, title, summary, kind: 'project', targetGroupCodes, districtCodes, goalIds },
    });
    expect(answer.status).toBe(201);
    created.push(answer.body.id);
    await moveTo(on, answer.body.id, 'proposed');
  }
  await drainOverlaps();
  return created;
}

/** As ASF's head: the test's own initiatives back to draft and deleted; their pair leaves even the list with the reviewed. */
async function removeAndExpectGone(initiativeIds: readonly string[], pairHeading: string) {
  await signIn(page, baseUrl, HEAD);
  for (const id of initiativeIds) {
    await moveTo(page, id, 'draft');
    expect((await callApi(page, 'DELETE', `/initiatives/${id}`)).status).toBe(204);
  }
  await openOverlaps('/overlapp?include=reviewed');
  await page.getByText(t.count(0, 0)).or(page.getByRole('article').first()).first().waitFor();
  expect(await page.getByRole('article', { name: pairHeading }).count()).toBe(0);
  await expectNoViolations();
  expect(problems).toEqual([]);
}

/** In the verdict dialog, by keyboard: Tab into the verdict group, then the arrows onto "Samordnade" (arrows select as they move). */
async function chooseCoordinated(dialog: Locator) {
  const coordinated = dialog.getByRole('radio', { name: new RegExp(`^${t.verdictLabel.coordinated}`) });
  await pressUntil(page, 'Tab', () => page.evaluate(() => document.activeElement?.getAttribute('type') === 'radio'));
  await pressUntil(page, 'ArrowDown', () => coordinated.evaluate((element) => element === document.activeElement));
  await page.keyboard.press('Space');
  expect(await coordinated.isChecked()).toBe(true);
}

describe('Överlapp', () => {
  it(
    'should list a likely duplicate pair side by side with its score in words and why, and offer a department head no verdict',
    { timeout: 60_000 },
    async () => {
      await signIn(page, baseUrl, HEAD);
      ids.push(
        ...(await proposeAlike(page, [
          [CODE, 'Sommarlovsaktiviteter för unga i Kronogården'],
          [OTHER, 'Sommarlovsaktiviteter för ungdomar i Kronogården'],
        ])),
      );
      if (ids[1]! < ids[0]!) codes = [OTHER, CODE];

      await openOverlaps();
      await pair().waitFor();
      // The score reads as one line, "Likhet: 0,63 av 1 – måttlig likhet", its term in bold.
      const score = await pair()
        .getByText(new RegExp(`^${t.score}:\\s`))
        .innerText();
      expect(score).toMatch(new RegExp(`^${t.score}: 0,\\d+ av 1 – (${Object.values(t.scoreLevel).join('|')})$`));
      const table = pair().getByRole('table', { name: t.comparison(...codes) });
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([t.fact, ...codes]);
      expect(
        await table.getByRole('link', { name: 'Sommarlovsaktiviteter för unga i Kronogården' }).getAttribute('href'),
      ).toBe(`/insatser/${CODE}`);
      const reasons = await pair().getByRole('list').allInnerTexts();
      expect(reasons.join('\n')).toMatch(/målgrupper/i);
      expect(await pair().getByRole('button').count()).toBe(0);
      await page.getByText(t.mayNot).waitFor();
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
  );

  it(
    'should let the leadership group record a verdict by keyboard, telling a missing note on its field, then show it',
    { timeout: 60_000 },
    async () => {
      await signIn(page, baseUrl, { role: 'leadership', name: 'Ledningsgruppen' });
      await openOverlaps();
      await pair().waitFor();
      await expectNoViolations();
      await screenshot(page, 'overlapp', { docs: true });

      await pair()
        .getByRole('button', { name: t.dialog.openLabel(...codes) })
        .focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: t.dialog.title });
      await dialog.waitFor();
      await chooseCoordinated(dialog);
      await dialog.getByRole('button', { name: t.dialog.submit }).focus();
      await page.keyboard.press('Enter');

      const summary = dialog.getByRole('alert');
      await summary.waitFor();
      await expect
        .poll(() => focused(page))
        .toMatchObject({ text: expect.stringContaining(messages.forms.errorSummaryTitle) });
      const note = dialog.getByRole('textbox', { name: t.dialog.note });
      expect(await note.getAttribute('aria-invalid')).toBe('true');
      await dialog.getByText(messages.problem.field.required).first().waitFor();
      await expectNoViolations();

      await note.focus();
      await page.keyboard.type(NOTE);
      await dialog.getByRole('button', { name: t.dialog.submit }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: t.recorded(...codes, t.verdictLabel.coordinated) })
        .waitFor();
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
      expect(
        await pair()
          .getByRole('button', { name: t.dialog.openLabel(...codes) })
          .innerText(),
      ).toBe(t.dialog.reassess);
      await expectNoViolations();
      expect(
        problems.filter((problem) => !/^400 for .*\/review$/.test(problem) && !problem.includes('status of 400')),
      ).toEqual([]);
    },
  );

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
    await removeAndExpectGone(ids, t.pairHeading(...codes));
  });
});

// From Portföljgenomgång's agenda to the pair on Överlapp and back, on a pair of its own: ASF's head proposes two
// initiatives alike in everything — title, target groups (not those of the pair above, so the two pairs never meet),
// districts and priority area — which scores them well above the agenda's floor. The leadership group opens a review,
// follows the item's overlap to Överlapp, records the verdict by keyboard and, back on the agenda, finds both
// initiatives gone from it. At the end both go back to draft and are deleted.
describe('Överlapp from a review’s agenda', () => {
  const r = reviewMessages;
  const TITLE = 'Nattvandring med föreningar i Kronogården';
  const [FIRST, SECOND] = ['OVERLAPPC', 'OVERLAPPD'];
  const REVIEW_TITLE = `Genomgång med överlapp ${Date.now().toString(36)}`;
  const AGENDA_NOTE = 'Båda förvaltningarna nattvandrar: de delar nu schema och samordnare.';
  const pairIds: string[] = [];
  /** The pair's codes in the API's order (the lower id first), as the first describe's. */
  const pairCodes = (): [string, string] => (pairIds[1]! < pairIds[0]! ? [SECOND, FIRST] : [FIRST, SECOND]);
  const itemLink = (code: string) => page.getByRole('link', { name: r.item.title(code, TITLE), exact: true });

  it(
    'should take the leadership group from the agenda to the pair and, after a verdict by keyboard, back to an agenda without it',
    { timeout: 120_000 },
    async () => {
      const head = await openPage(page.context().browser()!, baseUrl);
      await signIn(head.page, baseUrl, HEAD);
      const sides = [
        [FIRST, TITLE],
        [SECOND, TITLE],
      ] as const;
      pairIds.push(
        ...(await proposeAlike(head.page, sides, {
          targetGroupOffset: 2,
          goalsPath: '/goals?level=priority_area&limit=1',
        })),
      );
      expect(head.problems).toEqual([]);
      await head.context.close();

      await signIn(page, baseUrl, { role: 'leadership', name: 'Ledningsgruppen', path: '/genomgangar' });
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date());
      const review = await callApi<{ id: string }>(page, 'POST', '/portfolio-reviews', {
        body: { title: REVIEW_TITLE, meetingDate: today },
      });
      expect(review.status).toBe(201);
      await page.goto(`/genomgangar/${review.body.id}`);
      await page.getByRole('heading', { level: 1, name: REVIEW_TITLE }).waitFor();
      const agenda = page.getByRole('table', { name: r.review.caption });
      for (const code of [FIRST, SECOND])
        await agenda
          .getByRole('row')
          .filter({ has: itemLink(code) })
          .getByText(r.reason.overlap)
          .waitFor();
      await expectNoViolations();

      // The item: why it is on the agenda, and the way to the pair.
      await tabTo(itemLink(FIRST));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: r.item.title(FIRST, TITLE) }).waitFor();
      const toPair = page.getByRole('link', { name: r.item.overlapLink(FIRST, SECOND) });
      await toPair.waitFor();
      await expectNoViolations();
      await tabTo(toPair);
      await page.keyboard.press('Enter');

      // Överlapp shows that pair alone, the review remembered in the address.
      await page.waitForURL(
        (url) =>
          url.pathname === '/overlapp' &&
          url.searchParams.getAll('par').length === 2 &&
          url.searchParams.get('genomgang') === review.body.id,
      );
      await page.getByRole('heading', { level: 2, name: t.onePair.heading }).waitFor();
      const article = page.getByRole('article', { name: t.pairHeading(...pairCodes()) });
      await article.waitFor();
      expect(await page.getByRole('article').count()).toBe(1);
      await expectNoViolations();

      await tabTo(article.getByRole('button', { name: t.dialog.openLabel(...pairCodes()) }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: t.dialog.title });
      await dialog.waitFor();
      await chooseCoordinated(dialog);
      await tabTo(dialog.getByRole('textbox', { name: t.dialog.note }));
      await page.keyboard.type(AGENDA_NOTE);
      await tabTo(dialog.getByRole('button', { name: t.dialog.submit }));
      await page.keyboard.press('Enter');

      // The sentence saying so takes focus; the pair stays with its verdict; the next Tab is the way back.
      const recorded = t.recorded(...pairCodes(), t.verdictLabel.coordinated);
      await page.getByRole('status').filter({ hasText: recorded }).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'p', text: recorded });
      await article.getByText(AGENDA_NOTE).waitFor();
      expect(await article.getByText(t.verdictLabel.coordinated, { exact: true }).count()).toBe(1);
      await expectNoViolations();
      await page.keyboard.press('Tab');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'a', text: t.onePair.backToReview });
      await page.keyboard.press('Enter');

      // Back on the agenda, read again: neither initiative is on it any longer.
      await page.getByRole('heading', { level: 1, name: REVIEW_TITLE }).waitFor();
      await agenda.or(page.getByText(r.review.agendaEmpty)).first().waitFor();
      for (const code of [FIRST, SECOND]) await itemLink(code).waitFor({ state: 'detached' });
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
  );

  it('should leave no pair behind (the test’s own initiatives are moved back and deleted)', async () => {
    await removeAndExpectGone(pairIds, t.pairHeading(...pairCodes()));
  });
});
