import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { openPage, screenshot, wcagViolations } from './support/browser';
import { signIn, type SignInAs } from './support/sign-in';
import { useBrowser, type BrowserSession } from './support/use-browser';
import { initiativeMessages } from '../src/features/initiative/messages';
import { initiativeEditingMessages } from '../src/features/initiative-editing/messages';

// Ändra insatsen in Chromium: two people edit the same initiative and the second merges in the conflict view; staff
// edit their own department's initiative and are refused another's. Each test makes the initiatives it changes.
const baseUrl = inject('baseUrl');
const t = initiativeEditingMessages;
const f = t.fields;
const conflict = messages.forms.conflict;
const HEAD_ASF: SignInAs = { role: 'department_head', departmentCode: 'ASF', name: 'Förvaltningschef ASF' };

let session: BrowserSession;
const others: BrowserContext[] = [];

useBrowser({ opened: (opened) => (session = opened) });
afterEach(async () => {
  await Promise.all(others.splice(0).map((context) => context.close()));
});

/** Another browser, signed in as `as`: a second person, or the department head who registers what a test edits. */
async function anotherBrowser(as: SignInAs, path = '/') {
  const opened = await openPage(session.context.browser()!, baseUrl);
  others.push(opened.context);
  await signIn(opened.page, baseUrl, { ...as, path });
  return opened;
}

/** A draft of this test's own, registered through the API by the department head signed in on `page`. */
async function registerInitiative(page: Page, title: string) {
  const code = `ANDRA-${Date.now().toString(36).toUpperCase()}`;
  const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
    body: { code, title, kind: 'project', summary: 'Läxhjälp i biblioteket.' },
  });
  expect(created.status).toBe(201);
  return { code, id: created.body.id };
}

async function openEditor(page: Page, code: string) {
  await page.goto(`/insatser/${code}/andra`);
  await page.getByRole('heading', { level: 1, name: t.editTitle }).waitFor();
  await page.getByRole('button', { name: t.edit.save }).waitFor();
}

const textbox = (page: Page, label: string) =>
  page.getByRole('main').getByRole('textbox', { name: new RegExp(`^${label}`) });

describe('Ändra insatsen, two people at once', () => {
  it('should show the second the other’s changes next to theirs, and save the merge they choose', async () => {
    const first = await anotherBrowser(HEAD_ASF);
    const { code, id } = await registerInitiative(first.page, 'Läxhjälp Sylte');
    const second = await anotherBrowser({ role: 'staff', departmentCode: 'ASF', name: 'Medarbetare ASF' });
    await openEditor(first.page, code);
    await openEditor(second.page, code);

    // The first saves a new title and the annual cost.
    await textbox(first.page, f.title).fill('Läxhjälp Sylte och Lextorp');
    await textbox(first.page, f.annualCost).fill('200000');
    await first.page.getByRole('button', { name: t.edit.save }).click();
    await first.page.getByRole('status').filter({ hasText: t.edit.saved }).waitFor();

    // The second, who opened the page before that, changes the title and the summary.
    const page = second.page;
    await textbox(page, f.title).fill('Läxhjälp i Sylte');
    await textbox(page, f.summary).fill('Läxhjälp i biblioteket, tre kvällar i veckan.');
    await page.getByRole('button', { name: t.edit.save }).click();
    const heading = page.getByRole('heading', { level: 2, name: conflict.title });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);

    // What the other changed, next to what this person typed; the summary only this person changed is no question.
    const title = page.getByRole('radiogroup', { name: f.title });
    expect(await title.getByRole('radio', { name: `${conflict.mine} Läxhjälp i Sylte` }).isChecked()).toBe(true);
    expect(await title.getByRole('radio', { name: `${conflict.theirs} Läxhjälp Sylte och Lextorp` }).isChecked()).toBe(
      false,
    );
    const cost = page.getByRole('radiogroup', { name: f.annualCost });
    await cost.getByText(conflict.untouched).waitFor();
    expect(await cost.getByRole('radio', { name: new RegExp(`^${conflict.theirs} 200\\s000\\skr$`) }).isChecked()).toBe(
      true,
    );
    expect(await page.getByRole('radiogroup', { name: f.summary }).count()).toBe(0);
    expect((await wcagViolations(page)).violations).toEqual([]);
    await screenshot(page, 'andra-insats-konflikt');
    // Nothing was overwritten.
    expect((await callApi<{ title: string }>(page, 'GET', `/initiatives/${id}`)).body.title).toBe(
      'Läxhjälp Sylte och Lextorp',
    );

    // Take the other's title, keep this person's summary: merged field by field.
    await title.getByRole('radio', { name: new RegExp(`^${conflict.theirs}`) }).press('Space');
    await page.getByRole('button', { name: conflict.save }).click();
    await page.getByRole('status').filter({ hasText: t.edit.saved }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: conflict.title }).count()).toBe(0);

    const saved = await callApi<{ title: string; summary: string; annualCostSek: number }>(
      page,
      'GET',
      `/initiatives/${id}`,
    );
    expect(saved.body).toMatchObject({
      title: 'Läxhjälp Sylte och Lextorp',
      summary: 'Läxhjälp i biblioteket, tre kvällar i veckan.',
      annualCostSek: 200000,
    });
    expect((await wcagViolations(page)).violations).toEqual([]);
    // The refused save (412) is the one failed request, logged by the browser too.
    expect(second.problems).toEqual(
      expect.arrayContaining([
        `412 for ${baseUrl}/api/v1/initiatives/${id}`,
        'console error: Failed to load resource: the server responded with a status of 412 (Precondition Failed)',
      ]),
    );
    expect(second.problems).toHaveLength(2);
    expect(first.problems).toEqual([]);
  }, 90_000);
});

describe('Ändra insatsen, as staff', () => {
  it('should let staff edit an initiative of their own department from Insatsen', async () => {
    const head = await anotherBrowser(HEAD_ASF);
    const { code, id } = await registerInitiative(head.page, 'Läxhjälp Halvorstorp');
    const { page, problems } = await anotherBrowser(
      { role: 'staff', departmentCode: 'ASF', name: 'Medarbetare ASF' },
      `/insatser/${code}`,
    );

    await page.getByRole('heading', { level: 1, name: 'Läxhjälp Halvorstorp' }).waitFor();
    await page.getByRole('link', { name: initiativeMessages.actions.edit }).click();
    await page.getByRole('button', { name: t.edit.save }).waitFor();
    await page.getByText(f.followUpPlanHelp).waitFor();
    expect((await wcagViolations(page)).violations).toEqual([]);

    await page
      .getByRole('main')
      .getByRole('textbox', { name: new RegExp(`^${f.processOwnerName}`) })
      .fill('Samordnare läxhjälp');
    await page.getByRole('button', { name: t.edit.save }).click();
    await page.getByRole('status').filter({ hasText: t.edit.saved }).waitFor();

    const saved = await callApi<{ processOwner: { name: string } | null }>(page, 'GET', `/initiatives/${id}`);
    expect(saved.body.processOwner?.name).toBe('Samordnare läxhjälp');

    // Another page's link to a field to fix lands on that field.
    await page.goto(`/insatser/${code}/andra#falt-followUpPlan-method`);
    await page.getByRole('button', { name: t.edit.save }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('falt-followUpPlan-method');
    expect(problems).toEqual([]);
  }, 90_000);

  it('should not offer editing another department’s initiative, and say so plainly at its address', async () => {
    const { page, problems } = await anotherBrowser(
      { role: 'staff', departmentCode: 'KFF', name: 'Medarbetare KFF' },
      '/insatser/FALTARBETARE',
    );
    await page.getByRole('heading', { level: 1, name: /^Fältarbetare/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: initiativeMessages.sections.summary }).waitFor();
    expect(await page.getByRole('link', { name: initiativeMessages.actions.edit }).count()).toBe(0);

    await page.goto('/insatser/FALTARBETARE/andra');
    const refusal = page.getByRole('region', { name: t.edit.notAllowedTitle });
    await refusal.waitFor();
    await refusal.getByText(messages.problem.byStatus[403]).waitFor();
    await refusal.getByText(messages.auth.may.ownDepartment).waitFor();
    expect(await page.getByRole('button', { name: t.edit.save }).count()).toBe(0);
    expect((await wcagViolations(page)).violations).toEqual([]);
    await screenshot(page, 'andra-insats-nekad');
    expect(problems).toEqual([]);
  }, 60_000);
});
