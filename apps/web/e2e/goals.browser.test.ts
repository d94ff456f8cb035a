import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { components } from '../src/lib/api-schema';
import { goalsMessages } from '../src/features/goals-and-effects/messages';
import { costText } from '../src/features/goals-and-effects/utils/goal-tree';
import { pointText, swedenBeside, targetText } from '../src/features/goals-and-effects/utils/key-figures';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, openPage, screenshot, wcagViolations } from './support/browser';
import { currentNavigationLink } from './support/navigation';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Mål och effekter in Chromium on the demo's goal tree: the figures the page shows against the API's answer (with a
// draft of the test's own, removed again, to tell the two choices of initiatives apart), the tree opened and closed by
// keyboard, and FP-3's shared effect chain reached by keyboard with the initiatives that contribute to each step.
type GoalFigures = components['schemas']['GoalTreeFiguresNodeDto'];
type ChainGraph = components['schemas']['EffectGraphDto'];
type KeyFigure = components['schemas']['IndicatorOverviewDto'];

const t = goalsMessages;
const AREA = 'FP-3';
const DRAFT_COST = 123_000;
const baseUrl = inject('baseUrl');

let page: Page;
let problems: string[];

useBrowser({
  opened: (session) => ({ page, problems } = session),
  signedIn: { role: 'leadership', name: 'Ledningsgruppen', path: '/mal' },
});

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

const flatten = (goals: GoalFigures[]): GoalFigures[] => goals.flatMap((goal) => [goal, ...flatten(goal.children)]);
const plain = (text: string) => text.replace(/\s+/g, ' ').trim();
const treeSection = () => page.getByRole('region', { name: t.treeHeading });
const countLink = (goal: GoalFigures) =>
  page.getByRole('link', {
    name: `${t.initiatives(goal.initiatives)}, ${t.initiativesLinkHint(goal.code)}`,
    exact: true,
  });

/** Tabs forward until the element with this text has focus; a bounded walk through the page. */
async function tabTo(text: string) {
  for (let presses = 0; presses < 300; presses++) {
    if ((await focused(page)).text === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${text}"`);
}

async function openTree() {
  await treeSection().getByRole('heading', { level: 2, name: t.treeHeading }).waitFor();
}

/** Every goal's figures on the page, with all goals open, against GET /portfolio/goal-tree with the same query. */
async function expectFiguresAsAnswered(query: string) {
  await page.getByRole('button', { name: t.expandAll }).click();
  const answer = await callApi<GoalFigures[]>(page, 'GET', `/portfolio/goal-tree${query}`);
  expect(answer.status).toBe(200);
  const goals = flatten(answer.body);
  expect(goals.some((goal) => goal.initiatives > 0 && goal.indicators.length > 0)).toBe(true);
  for (const goal of goals) {
    await treeSection().getByText(goal.title, { exact: true }).waitFor();
    if (goal.initiatives === 0) continue;
    const direct =
      goal.directInitiatives > 0 && goal.directInitiatives < goal.initiatives
        ? ` ${t.direct(goal.directInitiatives)}`
        : '';
    const figures = countLink(goal).locator('xpath=..');
    expect(plain(await figures.innerText())).toBe(
      plain(`${t.initiatives(goal.initiatives)}${direct}, ${costText(goal)}`),
    );
    expect(await countLink(goal).getAttribute('href')).toBe(`/insatser?goalId=${goal.id}${query.replace('?', '&')}`);
  }
  const without = goals.filter((goal) => goal.initiatives === 0).length;
  expect(await treeSection().getByText(t.noInitiatives, { exact: true }).count()).toBe(without);
  for (const indicator of goals.flatMap((goal) => goal.indicators)) {
    const item = treeSection()
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: indicator.name, exact: true }) });
    await item.first().waitFor();
    const trend = indicator.trend ? t.trend[indicator.trend] : indicator.latest ? t.noTrend : t.noMeasurement;
    expect(await item.first().innerText()).toContain(trend);
  }
  return goals;
}

describe('Mål och effekter', () => {
  it("should show every goal's initiatives, annual cost and indicators' trend as the API answers them", async () => {
    await openTree();
    expect(await page.title()).toBe(messages.app.documentTitle(messages.nav.goals));
    expect(await currentNavigationLink(page).textContent()).toBe(messages.nav.goals);
    await expectNoViolations();
    await screenshot(page, 'mal-och-effekter', { docs: true });

    await expectFiguresAsAnswered('');
    await expectNoViolations();
    expect(problems).toEqual([]);
  }, 60_000);

  it("should count a draft of the test's own under every initiative and not under the open ones, as the API and Insatser do", async () => {
    // ASF's head makes the draft on a page of their own, and removes it again, so the demo stays as it was.
    const head = await openPage(page.context().browser()!, baseUrl);
    let draftId: string | undefined;
    try {
      await signIn(head.page, baseUrl, {
        role: 'department_head',
        departmentCode: 'ASF',
        name: 'Förvaltningschef ASF',
      });
      const area = await callApi<{ items: { id: string }[] }>(head.page, 'GET', `/goals?code=${AREA}`);
      const draft = await callApi<{ id: string }>(head.page, 'POST', '/initiatives', {
        body: {
          code: `MAL-E2E-${Date.now().toString(36).toUpperCase()}`,
          title: 'Utkast under FP-3',
          kind: 'project',
          goalIds: [area.body.items[0]!.id],
          annualCostSek: DRAFT_COST,
        },
      });
      expect(draft.status).toBe(201);
      draftId = draft.body.id;

      await page.reload();
      await openTree();
      const all = (await expectFiguresAsAnswered('')).find((goal) => goal.code === AREA)!;

      // By keyboard: the arrow moves the choice within the group, and the figures follow.
      await page.getByRole('radio', { name: t.scope.all }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: t.scope.open }).isChecked()).toBe(true);
      await expect.poll(() => page.url()).toMatch(/\?scope=open$/);
      await openTree();
      const open = (await expectFiguresAsAnswered('?status=proposed&status=approved&status=active')).find(
        (goal) => goal.code === AREA,
      )!;
      expect({ initiatives: open.initiatives, annualCostSek: open.annualCostSek }).toEqual({
        initiatives: all.initiatives - 1,
        annualCostSek: all.annualCostSek - DRAFT_COST,
      });
      await expectNoViolations();

      // The count leads to Insatser filtered the same way, whose total is the same number.
      await countLink(open).click();
      await page.getByText(new RegExp(`av ${open.initiatives}$`)).waitFor();
      expect(problems).toEqual([]);
    } finally {
      if (draftId) expect((await callApi(head.page, 'DELETE', `/initiatives/${draftId}`)).status).toBe(204);
      await head.context.close();
    }
  }, 90_000);

  it('should close and open a goal by keyboard, saying whether it is open', async () => {
    await openTree();
    const board = treeSection().getByRole('button', { name: /KS-DELAKTIGHET/ });
    expect(await board.getAttribute('aria-expanded')).toBe('true');
    await treeSection()
      .getByRole('link', { name: t.openChain(AREA) })
      .waitFor();

    await board.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => board.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: t.openChain(AREA) }).count()).toBe(0);
    await expectNoViolations();

    await page.keyboard.press('Space');
    await expect.poll(() => board.getAttribute('aria-expanded')).toBe('true');
    await treeSection()
      .getByRole('link', { name: t.openChain(AREA) })
      .waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it("should open a priority area's shared effect chain by keyboard, with the initiatives that contribute to each step", async () => {
    await openTree();
    await tabTo(t.openChain(AREA));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: t.chain.title(AREA) }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: t.chain.title(AREA) });
    expect(page.url()).toMatch(new RegExp(`/mal/${AREA}$`));

    const tree = await callApi<GoalFigures[]>(page, 'GET', '/portfolio/goal-tree');
    const area = flatten(tree.body).find((goal) => goal.code === AREA)!;
    const chain = await callApi<ChainGraph>(page, 'GET', `/goals/${area.id}/effect-logic`);
    const own = chain.body.nodes.filter((node) => node.goalId === area.id);
    expect(own.length).toBeGreaterThan(0);
    expect(own.some((node) => (node.contributors ?? []).length > 0)).toBe(true);
    for (const node of own) {
      const level = page.getByRole('region', { name: t.chain.levels[node.level] });
      const step = level.getByRole('article', { name: node.title });
      await step.waitFor();
      const links = await step.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      const contributors = (node.contributors ?? []).map((initiative) => `/insatser/${initiative.code}`);
      expect(links.filter((href) => href?.startsWith('/insatser/'))).toEqual(contributors);
      if (contributors.length === 0) await step.getByText(t.chain.noContributors).waitFor();
    }
    await expectNoViolations();
    await screenshot(page, 'mal-effektkedja');

    // From a contributing initiative's link to its page.
    const contributor = own.flatMap((node) => node.contributors ?? [])[0]!;
    await page
      .getByRole('link', { name: `${contributor.code} ${contributor.title}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: contributor.title }).waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it("should list every indicator's latest value beside Sweden's, its baseline and progress toward each target as the API answers", async () => {
    await openTree();
    await page.getByRole('link', { name: t.toKeyFigures }).click();
    await page.getByRole('heading', { level: 1, name: t.keyFigures.title }).waitFor();
    const table = page.getByRole('table', { name: t.keyFigures.caption });
    await table.waitFor();

    const answer = await callApi<{ items: KeyFigure[]; total: number }>(page, 'GET', '/indicators/overview?limit=200');
    expect(answer.body.items.length).toBeGreaterThan(0);
    expect(answer.body.items.some(({ series }) => series.targets.some((target) => target.progress !== null))).toBe(
      true,
    );
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(answer.body.items.length + 1);
    for (const [index, { indicator, series }] of answer.body.items.entries()) {
      const cells = await rows
        .nth(index + 1)
        .locator('th, td')
        .allInnerTexts();
      expect(cells.map(plain)).toEqual(
        [
          `${indicator.name} (${indicator.code})`,
          pointText(series.latest, indicator.unit),
          pointText(swedenBeside(series), indicator.unit),
          pointText(series.baseline, indicator.unit),
          series.targets.length
            ? series.targets.map((target) => targetText(target, indicator.unit)).join(' ')
            : t.keyFigures.none,
        ].map(plain),
      );
    }
    await expectNoViolations();
    await screenshot(page, 'nyckeltal');
    expect(problems).toEqual([]);
  }, 60_000);

  it('should say so, with the way back, for a goal code that does not exist', async () => {
    await openTree();
    await page.goto('/mal/FINNS-INTE');
    await page.getByRole('heading', { level: 1, name: t.chain.notFound }).waitFor();
    await page.getByText(t.chain.notFoundBody('FINNS-INTE')).waitFor();
    await expectNoViolations();
    await page.getByRole('link', { name: t.chain.back }).click();
    await openTree();
    expect(problems).toEqual([]);
  }, 60_000);
});
