import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { resultsMessages } from '../src/features/results/messages';
import { callApi } from './support/api';
import { focused, screenshot, wcagViolations } from './support/browser';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Effektlogik for an initiative the test makes itself (led by ASF, under the demo's priority area FP-4, whose shared
// chain no demo initiative contributes to), built with the keyboard alone by the head of ASF.
const baseUrl = inject('baseUrl');
const t = resultsMessages.effectLogic;
const SHARED_OUTCOME = 'Färre unga har attityder som stödjer våld';

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

/** Tabs until the focused element's accessible name (aria-label, else its text) is `name`; at most `limit` presses. */
async function tabTo(name: string, limit = 120) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '',
    );
    if (label === name) return;
  }
  throw new Error(`${limit} × Tab did not reach "${name}"`);
}

/**
 * The test's own initiative goes again when the test is done (a draft may be deleted, its chain with it), so the
 * portfolio other browser files count stays the demo's.
 */
async function removeInitiative(id: string | undefined) {
  if (id) expect((await callApi(page, 'DELETE', `/initiatives/${id}`)).status).toBe(204);
}

/** Waits until the polite live region says `text`. */
async function announced(text: string) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** Adds a node at a level by keyboard: the level's "Lägg till …" button, the title, Enter. */
async function addNode(level: keyof typeof resultsMessages.levelOne, title: string) {
  await tabTo(t.add(resultsMessages.levelOne[level]));
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'input' });
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await announced(t.done.added(resultsMessages.level[level], title));
  await expect.poll(() => focused(page)).toMatchObject({ text: t.add(resultsMessages.levelOne[level]) });
}

/** Links a node forward by keyboard: its "Koppla … framåt", the select (Enter, arrows to `option`, Enter), "Koppla". */
async function linkForward(from: string, option: string) {
  await page.getByRole('heading', { level: 1 }).focus();
  await tabTo(t.linkLabel(from));
  await page.keyboard.press('Enter');
  await expect
    .poll(() => focused(page))
    .toMatchObject({ tag: 'button', text: expect.stringContaining(messages.forms.choose) });
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  for (let presses = 0; presses < 10; presses += 1) {
    const current = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (current.startsWith(option)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  // The list closes and gives focus back to the select, showing the choice.
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: expect.stringContaining(option) });
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatchObject({ text: t.linkSubmit });
  await page.keyboard.press('Enter');
}

describe('Effektlogik for the head of ASF', () => {
  let code: string;
  let initiativeId: string | undefined;

  beforeEach(async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/insatser',
    });
    const me = await callApi<{ department: { id: string } }>(page, 'GET', '/me');
    const goals = await callApi<{ items: { id: string; code: string }[] }>(
      page,
      'GET',
      '/goals?level=priority_area&limit=200',
    );
    const fp4 = goals.body.items.find((goal) => goal.code === 'FP-4');
    code = `EFFEKT-${Date.now().toString(36).toUpperCase()}`;
    const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
      body: {
        code,
        title: 'Normkreativa samtal i skolan',
        kind: 'project',
        leadDepartmentId: me.body.department.id,
        goalIds: [fp4!.id],
      },
    });
    expect(created.status).toBe(201);
    initiativeId = created.body.id;
  });
  afterEach(async () => {
    await removeInitiative(initiativeId);
    initiativeId = undefined;
  });

  it('should build a chain level by level by keyboard, link an outcome into the priority area’s shared chain, and show it as list and diagram', async () => {
    await page.goto(`/insatser/${code}/effektlogik`);
    await page.getByRole('heading', { level: 1, name: t.title('Normkreativa samtal i skolan') }).waitFor();
    await page
      .getByRole('heading', { level: 3, name: 'FP-4: Främja jämställdhet och förändra normer som stödjer våld' })
      .waitFor();
    await page.getByText(t.diagramEmpty).waitFor();
    await expectNoViolations();

    await page.getByRole('heading', { level: 1 }).focus();
    await addNode('activity', 'Samtal om normer i årskurs 8');
    await addNode('output', 'Elever som deltagit i samtalen');
    await addNode('short_term_outcome', 'Elever känner igen våldsnormer');
    await linkForward('Samtal om normer i årskurs 8', 'Prestation: Elever som deltagit i samtalen');
    await announced(t.done.linked('Samtal om normer i årskurs 8', 'Elever som deltagit i samtalen'));
    await linkForward('Elever som deltagit i samtalen', 'Kortsiktig effekt: Elever känner igen våldsnormer');
    await announced(t.done.linked('Elever som deltagit i samtalen', 'Elever känner igen våldsnormer'));

    // The outcome leads into the shared chain: only later levels are offered, the shared chain's marked with its code.
    await linkForward('Elever känner igen våldsnormer', `Långsiktig effekt: ${SHARED_OUTCOME}`);
    await announced(t.done.linked('Elever känner igen våldsnormer', SHARED_OUTCOME));
    await expect.poll(() => focused(page)).toMatchObject({ text: t.link });

    const outcome = page.locator('li', {
      has: page.getByRole('heading', { level: 3, name: 'Elever känner igen våldsnormer' }),
    });
    await outcome.getByText(`${SHARED_OUTCOME} (${t.sharedChain('FP-4')})`).waitFor();
    const shared = page.getByRole('region', { name: t.sharedHeading });
    // The shared outcome and the impact it leads to both count the initiative among their contributors.
    await expect.poll(() => shared.getByText(`${code} ${t.thisInitiative}`).count()).toBe(2);

    const diagram = page.getByRole('img', { name: t.diagramTitle });
    await expect.poll(() => diagram.locator('[data-node-id]').count()).toBe(4);
    expect(await diagram.locator('path[marker-end]').count()).toBe(3);
    expect(await diagram.getAttribute('aria-describedby')).toBeTruthy();

    await expectNoViolations();
    expect(problems).toEqual([]);
    await screenshot(page, 'effektlogik', { docs: true });

    // What the page said is what the API holds.
    const graph = await callApi<{ links: unknown[] }>(page, 'GET', `/initiatives/${initiativeId}/effect-logic`);
    expect(graph.body.links).toHaveLength(3);
  });

  it('should refuse an empty title with a summary that takes focus and links the field', async () => {
    await page.goto(`/insatser/${code}/effektlogik`);
    await page.getByText(t.diagramEmpty).waitFor();
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(t.add(resultsMessages.levelOne.activity));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.press('Enter');

    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: 'div', text: expect.stringContaining(messages.forms.errorSummaryTitle) });
    await page.getByRole('link', { name: `${t.nodeTitle}: ${messages.problem.field.required}` }).waitFor();
    await expectNoViolations();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.type('Samtal om normer i årskurs 8');
    await page.keyboard.press('Enter');
    await announced(t.done.added(resultsMessages.level.activity, 'Samtal om normer i årskurs 8'));
    expect(problems).toEqual([]);
  });

  it('should rename and remove a node by keyboard, announcing each', async () => {
    await callApi(page, 'POST', '/effect-nodes', {
      body: { level: 'activity', title: 'Utkast till aktivitet', initiativeId },
    });
    await page.goto(`/insatser/${code}/effektlogik`);
    await page.getByRole('heading', { level: 3, name: 'Utkast till aktivitet' }).waitFor();

    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(t.renameLabel('Utkast till aktivitet'));
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'input' });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Studiebesök hos fritidsgården');
    await page.keyboard.press('Enter');
    await announced(t.done.renamed('Studiebesök hos fritidsgården'));
    await page.getByRole('heading', { level: 3, name: 'Studiebesök hos fritidsgården' }).waitFor();

    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(t.removeLabel('Studiebesök hos fritidsgården'));
    await page.keyboard.press('Enter');
    await page.getByText(t.removeConfirm('Studiebesök hos fritidsgården')).waitFor();
    await expectNoViolations();
    expect(await focused(page)).toMatchObject({ text: t.removeYes });
    await page.keyboard.press('Enter');
    await announced(t.done.removed('Studiebesök hos fritidsgården'));
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: resultsMessages.level.activity });
    expect(await page.getByRole('heading', { level: 3, name: 'Studiebesök hos fritidsgården' }).count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
  });
});

describe('Effektlogik: measuring an outcome', () => {
  it('should attach an indicator to an outcome by keyboard and link to the indicator', async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/insatser',
    });
    const me = await callApi<{ department: { id: string } }>(page, 'GET', '/me');
    const code = `MATT-${Date.now().toString(36).toUpperCase()}`;
    const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
      body: { code, title: 'Stöd till unga vuxna', kind: 'project', leadDepartmentId: me.body.department.id },
    });
    await callApi(page, 'POST', '/effect-nodes', {
      body: { level: 'short_term_outcome', title: 'Fler unga har en plan', initiativeId: created.body.id },
    });
    try {
      await page.goto(`/insatser/${code}/effektlogik`);
      await page.getByRole('heading', { level: 3, name: 'Fler unga har en plan' }).waitFor();
      await page.getByText(t.sharedNone).waitFor();

      await page.getByRole('heading', { level: 1 }).focus();
      await tabTo(t.measureLabel('Fler unga har en plan'));
      await page.keyboard.press('Enter');
      await expect
        .poll(() => focused(page))
        .toMatchObject({ tag: 'button', text: expect.stringContaining(messages.forms.choose) });
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      for (let presses = 0; presses < 30; presses += 1) {
        if ((await page.evaluate(() => document.activeElement?.textContent ?? '')).startsWith('UNGA-UVAS')) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await expect
        .poll(() => focused(page))
        .toMatchObject({ tag: 'button', text: expect.stringContaining('UNGA-UVAS') });
      await expectNoViolations();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');

      const indicator = 'UNGA-UVAS Andel unga 16–24 år som varken arbetar eller studerar';
      await announced(t.done.measured('Fler unga har en plan', indicator));
      await page.getByRole('link', { name: indicator }).waitFor();
      await expectNoViolations();
      expect(problems).toEqual([]);
    } finally {
      await removeInitiative(created.body.id);
    }
  });
});

describe('Effektlogik for an auditor', () => {
  it('should show the chain without any action, saying why', async () => {
    await signIn(page, baseUrl, { role: 'auditor', name: 'Revisor', path: '/insatser/FRAMTIDSCENTRUM/effektlogik' });
    await page.getByRole('heading', { level: 3, name: /^Studie- och yrkesvägledning/ }).waitFor();

    await page.getByText(t.readOnly(messages.auth.may.notGranted)).waitFor();
    expect(await page.getByRole('button', { name: /^(Lägg till|Koppla|Ta bort|Byt namn)/ }).count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
  });
});
