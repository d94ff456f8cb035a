import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { screenshot, wcagViolations } from './support/browser';
import { useBrowser } from './support/use-browser';
import { initiativeMessages } from '../src/features/initiative/messages';
import { initiativeEditingMessages } from '../src/features/initiative-editing/messages';

// The lifecycle on Insatsen in Chromium, on a draft of the test's own (ASF's head registers it through the API, as
// the guide would), so no demo initiative another test reads moves: its unmet guard as a checklist whose link opens
// the field to fix, a move the API refuses because the guard came back unmet meanwhile, and the move once it is met.
// The draft is moved back and deleted at the end.
const t = initiativeMessages.lifecycle;
const CODE = 'LIVSCYKEL';
const TITLE = 'Sommarjobb för unga i Lextorp';
const PROPOSED = messages.initiativeStatus.proposed;
const DRAFT = messages.initiativeStatus.draft;

let page: Page;
let problems: string[];
let initiativeId: string | undefined;

useBrowser({
  opened: (session) => ({ page, problems } = session),
  signedIn: { role: 'department_head', departmentCode: 'ASF', name: 'Förvaltningschef ASF' },
});

const lifecycle = () => page.locator('#avsnitt-lifecycle');
const move = (status: string) =>
  lifecycle()
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 4, name: t.moveTo(status) }) });

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** Sets the draft's goals through the API, as someone editing it would (If-Match on the version just read). */
async function setGoals(goalIds: string[]) {
  const current = await callApi<{ version: number }>(page, 'GET', `/initiatives/${initiativeId}`);
  const answer = await callApi(page, 'PATCH', `/initiatives/${initiativeId}`, {
    body: { goalIds },
    headers: { 'if-match': `"${current.body.version}"` },
  });
  expect(answer.status).toBe(200);
}

async function openInitiative() {
  await page.goto(`/insatser/${CODE}`);
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await move(PROPOSED).waitFor();
}

async function firstGoalId(): Promise<string> {
  const goals = await callApi<{ items: { id: string }[] }>(page, 'GET', '/goals?limit=1');
  return goals.body.items[0]!.id;
}

describe('Lifecycle moves on Insatsen, for the head of ASF', () => {
  it('should show what a draft lacks to be proposed as a checklist whose link opens the field to fix', async () => {
    const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
      body: { code: CODE, title: TITLE, kind: 'project' },
    });
    expect(created.status).toBe(201);
    initiativeId = created.body.id;
    await openInitiative();

    const toProposed = move(PROPOSED);
    const checklist = toProposed.getByRole('list', { name: t.checklistLabel(PROPOSED) });
    expect((await checklist.innerText()).trim()).toBe(`${messages.problem.guards.goal} ${t.fix.goal}`);
    expect(await toProposed.getByRole('button').count()).toBe(0);
    // Discontinuing is for the leadership group: said, not offered.
    const toDiscontinued = move(messages.initiativeStatus.discontinued);
    await toDiscontinued.getByText(t.notAllowed).waitFor();
    expect(await toDiscontinued.getByRole('button').count()).toBe(0);
    await expectNoViolations();
    await screenshot(page, 'livscykel-checklista');

    await checklist.getByRole('link', { name: t.fix.goal }).click();
    await page.getByRole('heading', { level: 1, name: initiativeEditingMessages.editTitle }).waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.hash]).toEqual([`/insatser/${CODE}/andra`, '#falt-goalIds']);
    expect(problems).toEqual([]);
  });

  it(
    'should say why the API refused a move when its guard came back unmet, then make the move once it is met',
    { timeout: 60_000 },
    async () => {
      const goalId = await firstGoalId();
      await setGoals([goalId]);
      await openInitiative();
      await move(PROPOSED).getByText(t.ready).waitFor();

      // Someone removes the goal while the dialog is open: the API refuses the move and names the guard.
      await move(PROPOSED)
        .getByRole('button', { name: t.move(PROPOSED) })
        .click();
      const dialog = page.getByRole('dialog', { name: t.dialogTitle(PROPOSED) });
      await dialog.getByRole('textbox', { name: t.comment }).waitFor();
      await expectNoViolations();
      await setGoals([]);
      await dialog.getByRole('button', { name: t.move(PROPOSED) }).click();

      const refusal = lifecycle()
        .getByRole('alert')
        .filter({ hasText: t.refusedTitle(PROPOSED) });
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain(t.refused[422]);
      expect(await refusal.getByRole('link', { name: t.fix.goal }).getAttribute('href')).toBe(
        `/insatser/${CODE}/andra#falt-goalIds`,
      );
      // Focus moves to the refusal two frames after the dialog has closed and react-aria has put it back on the opener.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')), { timeout: 5_000 })
        .toBe('alert');
      expect(await page.getByRole('dialog').count()).toBe(0);
      // The moves are read again: the checklist is back.
      await move(PROPOSED)
        .getByRole('list', { name: t.checklistLabel(PROPOSED) })
        .waitFor();
      await expectNoViolations();

      await setGoals([goalId]);
      await openInitiative();
      await move(PROPOSED)
        .getByRole('button', { name: t.move(PROPOSED) })
        .click();
      await dialog.getByRole('textbox', { name: t.comment }).fill('Underlaget är klart för ledningsgruppen.');
      await dialog.getByRole('button', { name: t.move(PROPOSED) }).click();

      await lifecycle()
        .getByRole('status')
        .filter({ hasText: t.moved(PROPOSED) })
        .waitFor();
      expect(await lifecycle().locator('[aria-current="step"]').innerText()).toContain(PROPOSED);
      await expectNoViolations();
      await screenshot(page, 'livscykel-foreslagen');

      // Back to draft (the head of the lead department may), and gone: the test leaves the demo as it found it.
      await move(DRAFT)
        .getByRole('button', { name: t.move(DRAFT) })
        .click();
      await page
        .getByRole('dialog', { name: t.dialogTitle(DRAFT) })
        .getByRole('button', { name: t.move(DRAFT) })
        .click();
      await lifecycle()
        .getByRole('status')
        .filter({ hasText: t.moved(DRAFT) })
        .waitFor();
      expect((await callApi(page, 'DELETE', `/initiatives/${initiativeId}`)).status).toBe(204);
      expect(
        problems.filter(
          (problem) =>
            !/^422 for .*\/transitions$/.test(problem) &&
            problem !==
              'console error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
        ),
      ).toEqual([]);
    },
  );
});
