import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, openPage, screenshot, wcagViolations } from './support/browser';
import { signIn } from './support/sign-in';
import { useBrowser, type BrowserSession } from './support/use-browser';
import { initiativeMessages } from '../src/features/initiative/messages';
import { portfolioMessages } from '../src/features/portfolio/messages';
import { initiativeEditingMessages } from '../src/features/initiative-editing/messages';
import { fundingMessages } from '../src/features/funding/messages';

// Ny insats in Chromium: a department head of ASF registers an initiative from nothing through the guide, by keyboard
// alone, until it is proposed; closes the browser mid-guide and resumes from Insatsen with nothing lost; and meets a
// refusal on a later step, announced and linked from the error summary; a step saved over a change made elsewhere gets
// the conflict view. Each test makes initiatives of its own.
const baseUrl = inject('baseUrl');
const t = initiativeEditingMessages;
const f = t.fields;
// Nine steps by keyboard on a shared two-core machine: these tests get minutes, not the default half minute.
const HEAD = { role: 'department_head' as const, departmentCode: 'ASF', name: 'Förvaltningschef ASF' };

let session: BrowserSession;
let page: Page;

useBrowser({ opened: (opened) => ((session = opened), ({ page } = opened)), signedIn: HEAD });

/** A code of this run's own, so a test never meets another's initiative. */
const uniqueCode = (stem: string) => `${stem}-${Date.now().toString(36).toUpperCase()}`;

/** Presses Tab (Shift+Tab backwards) until `target` (or something inside it) has focus: the keyboard user's way there. */
async function tabTo(target: Locator, { backwards = false, max = 80 } = {}) {
  for (let presses = 0; presses < max; presses += 1) {
    if (
      await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
    )
      return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** The guide at a step: its heading, and the address saying which. */
async function atStep(step: number) {
  await page.waitForURL((url) => url.searchParams.get('steg') === String(step));
  await page
    .getByRole('heading', {
      level: 2,
      name: t.steps[Object.keys(t.steps)[step - 1] as keyof typeof t.steps],
      exact: true,
    })
    .waitFor();
}

const field = (label: string | RegExp) => page.getByRole('main').getByLabel(label);

/** Tab to the step's main button and press Enter. */
async function saveStep(name: string = t.guide.saveAndContinue) {
  await tabTo(page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

/** Step 1 by keyboard: title (the code follows it), then a code of our own, summary and kind. */
async function fillBasics(title: string, code: string) {
  await tabTo(field(new RegExp(`^${f.title}`)));
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  expect(await field(new RegExp(`^${f.code}`)).inputValue()).not.toBe('');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await page.keyboard.type(
    'Sommarjobb och handledning för unga 16–19 år i Kronogården, i samverkan med föreningslivet.',
  );
  await tabTo(page.getByRole('radio', { name: messages.vocabulary.initiativeKind.project }));
  await page.keyboard.press('Space');
}

/** Step 2 by keyboard: one participant, KFF, as a partner with its written responsibility. */
async function fillParticipant(responsibility: string) {
  await tabTo(page.getByRole('button', { name: f.addParticipant }));
  await page.keyboard.press('Enter');
  // Focus moves to the new row's department.
  await expect.poll(() => focused(page).then((element) => element.text)).toContain(messages.forms.choose);
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor();
  await page.keyboard.type('Kultur- och fritidsf');
  await page.keyboard.press('Enter');
  await expect.poll(() => focused(page).then((element) => element.text)).toContain('Kultur- och fritidsförvaltningen');
  await tabTo(page.getByRole('radio', { name: messages.vocabulary.participantRole.co_owner }));
  await page.keyboard.press('ArrowDown');
  expect(await page.getByRole('radio', { name: messages.vocabulary.participantRole.partner }).isChecked()).toBe(true);
  await page.keyboard.press('Tab');
  await page.keyboard.type(responsibility);
}

async function fillProcessOwner() {
  await tabTo(field(f.processOwnerName));
  await page.keyboard.type('Samordnare Sommarjobb');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Samordnare');
  await page.keyboard.press('Tab');
  await page.keyboard.type('samordnare.sommarjobb@trollhattan.se');
}

/** A date field's segments, by keyboard: year, month and day typed in one go. */
async function typeDate(label: string, date: string) {
  await tabTo(page.getByRole('group', { name: label }).getByRole('spinbutton').first());
  await page.keyboard.type(date.replaceAll('-', ''));
}

describe('Ny insats, the guide, as a department head of ASF', () => {
  it('should register an initiative from nothing by keyboard alone, refuse a wrong date on a later step, and propose it', async () => {
    const code = uniqueCode('SOMMAR');
    const title = 'Sommarjobb i Kronogården';
    await page.goto('/insatser');
    await page.getByRole('heading', { level: 1, name: portfolioMessages.title }).waitFor();
    await tabTo(page.getByRole('link', { name: portfolioMessages.newInitiative }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t.newTitle }).waitFor();
    expect(
      await page.getByRole('navigation', { name: t.guide.stepsLabel }).locator('[aria-current="step"]').textContent(),
    ).toContain(t.steps.basics);
    await expectNoViolations();

    // 1. Grunduppgifter: saved as a draft on the server.
    await fillBasics(title, code);
    await screenshot(page, 'ny-insats-grunduppgifter', { docs: true });
    await saveStep(t.guide.createDraft);
    await atStep(2);
    expect(new URL(page.url()).pathname).toBe(`/insatser/${code}/guide`);
    const created = await callApi<{ id: string; status: string; leadDepartmentCode: string; kind: string }>(
      page,
      'GET',
      `/initiatives/${code}`,
    );
    expect(created.body).toMatchObject({ status: 'draft', leadDepartmentCode: 'ASF', kind: 'project' });
    const id = created.body.id;

    // 2. Ansvar och deltagare: the own department leads; a participant with role and written responsibility.
    await page.getByText(f.leadDepartmentOwn('Arbetsmarknads- och socialförvaltningen')).waitFor();
    await fillParticipant('Fritidsgårdarna i Kronogården tar emot ungdomarna som handledare två kvällar i veckan.');
    await page.getByText(f.responsibilityHelp).waitFor();
    await expectNoViolations();
    await screenshot(page, 'ny-insats-deltagare', { docs: true });
    await saveStep();

    // 3. Processägare.
    await atStep(3);
    await fillProcessOwner();
    await saveStep();

    // 4. Mål: searched, chosen from the tree with its chain.
    await atStep(4);
    await tabTo(page.getByRole('searchbox', { name: f.goalSearch }));
    await page.keyboard.type('vägen till jobb');
    const goal = page.getByRole('checkbox', { name: /FP-1 Samverka så att fler hittar vägen till jobb/ });
    expect(await goal.getAttribute('aria-describedby')).toBeTruthy();
    await tabTo(goal);
    await page.keyboard.press('Space');
    await page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: /Agenda 2030.*FP-1|FP-1.*Agenda 2030/ })
      .first()
      .waitFor();
    await expectNoViolations();
    await saveStep();

    // 5. Målgrupper och områden.
    await atStep(5);
    await tabTo(page.getByRole('checkbox', { name: 'Unga 12–17 år' }));
    await page.keyboard.press('Space');
    await tabTo(page.getByRole('checkbox', { name: 'Kronogården' }));
    await page.keyboard.press('Space');
    await saveStep();

    // 6. Tid och kostnad: an end before the start is refused by the API, said in Swedish, announced and linked.
    await atStep(6);
    await typeDate(f.startDate, '2027-06-01');
    await typeDate(f.endDate, '2027-01-31');
    await tabTo(field(f.annualCost));
    await page.keyboard.type('450000');
    await saveStep();
    const summary = page.getByRole('alert').filter({ hasText: messages.forms.errorSummaryTitle });
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const link = summary.getByRole('link', { name: `${f.endDate}: ${t.apiMessages.endBeforeStart}` });
    expect(await link.getAttribute('href')).toBe('#falt-endDate');
    // The message stands under the field too, and the field says it is invalid.
    await page.getByRole('main').getByText(t.apiMessages.endBeforeStart, { exact: true }).waitFor();
    expect(
      await page.getByRole('group', { name: f.endDate }).getByRole('spinbutton').first().getAttribute('aria-invalid'),
    ).toBe('true');
    await expectNoViolations();
    await screenshot(page, 'ny-insats-fel-slutdatum');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('#falt-endDate')))).toBe(true);
    // Nothing of the refused step was saved.
    expect((await callApi<{ startDate: string | null }>(page, 'GET', `/initiatives/${id}`)).body.startDate).toBeNull();
    await page.keyboard.type('20271231');
    await saveStep();

    // 7. Finansiering: a line added through features/funding's editor, which the app's route puts in this step.
    await atStep(7);
    await tabTo(page.getByRole('button', { name: fundingMessages.actions.add }));
    await page.keyboard.press('Enter');
    await tabTo(page.locator('#falt-sourceType'));
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('Enter');
    await tabTo(page.locator('#falt-funder'));
    await page.keyboard.type('Länsstyrelsen Västra Götaland');
    await tabTo(page.locator('#falt-amountSek'));
    await page.keyboard.type('300000');
    await tabTo(page.locator('#falt-periodStart'));
    await page.keyboard.type('20270601');
    await tabTo(page.locator('#falt-periodEnd'));
    await page.keyboard.type('20271231');
    await tabTo(page.getByRole('button', { name: fundingMessages.form.create, exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('article').filter({ hasText: 'Länsstyrelsen Västra Götaland' }).waitFor();
    await expectNoViolations();
    await saveStep(t.guide.fundingNext);

    // 8. Uppföljning, with the help text that says why it is asked.
    await atStep(8);
    await page.getByText(f.followUpPlanHelp).waitFor();
    await tabTo(field(new RegExp(`^${f.followUpMethod}`)));
    await page.keyboard.type('Antal ungdomar i sommarjobb och andel som fortsätter studera, varje halvår.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.type('Varje halv');
    await page.keyboard.press('Enter');
    await tabTo(field(f.followUpResponsible));
    await page.keyboard.type('Styrgruppen för Sommarjobb');
    await saveStep();

    // 9. Klar att föreslå: the API's guards for proposed, all met; the move itself.
    await atStep(9);
    await page.getByText(t.done.ready).waitFor();
    await expectNoViolations();
    await screenshot(page, 'ny-insats-klar', { docs: true });
    await tabTo(page.getByRole('button', { name: t.done.propose }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: t.done.proposed }).waitFor();
    await expectNoViolations();

    const proposed = await callApi<{
      status: string;
      participants: { responsibility: string }[];
      goals: { code: string }[];
      followUpPlan: { frequency: string };
    }>(page, 'GET', `/initiatives/${id}`);
    expect(proposed.body.status).toBe('proposed');
    expect(proposed.body.participants[0]?.responsibility).toContain('två kvällar i veckan');
    expect(proposed.body.goals.map((g) => g.code)).toEqual(['FP-1']);
    expect(proposed.body.followUpPlan.frequency).toBe('biannual');
    expect(
      (await callApi<{ items: { funder: string; amountSek: number }[] }>(page, 'GET', `/initiatives/${id}/funding`))
        .body.items,
    ).toEqual([expect.objectContaining({ funder: 'Länsstyrelsen Västra Götaland', amountSek: 300000 })]);
    // The one refused save is the only failed request (the browser logs it too).
    expect(session.problems).toHaveLength(2);
    expect(session.problems).toEqual(
      expect.arrayContaining([
        `400 for ${baseUrl}/api/v1/initiatives/${id}`,
        'console error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
      ]),
    );
  }, 120_000);

  it('should keep what was saved when the browser closes mid-guide, and resume from Insatsen', async () => {
    const code = uniqueCode('RESUME');
    await page.goto('/insatser/ny');
    await page.getByRole('heading', { level: 1, name: t.newTitle }).waitFor();
    await fillBasics(`Läxhjälp Lextorp ${code}`, code);
    await saveStep(t.guide.createDraft);
    await atStep(2);
    await fillParticipant('Biblioteket i Lextorp håller öppet för läxhjälpen.');
    await saveStep();
    await atStep(3);
    await fillProcessOwner();
    await saveStep();
    await atStep(4);

    // The browser closes; a new one, a new sign-in.
    await session.context.close();
    const again = await openPage(session.context.browser()!, baseUrl);
    try {
      page = again.page;
      await signIn(page, baseUrl, { ...HEAD, path: `/insatser/${code}` });
      await page.getByRole('heading', { level: 1, name: `Läxhjälp Lextorp ${code}` }).waitFor();
      await tabTo(page.getByRole('link', { name: initiativeMessages.actions.resumeGuide }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: t.steps.basics }).waitFor();
      expect(await field(new RegExp(`^${f.code}`)).inputValue()).toBe(code);
      expect(await field(new RegExp(`^${f.summary}`)).inputValue()).toContain('Kronogården');

      await page
        .getByRole('navigation', { name: t.guide.stepsLabel })
        .getByRole('link', { name: new RegExp(t.steps.participants) })
        .click();
      await atStep(2);
      expect(await field(new RegExp(`^${f.responsibility}`)).inputValue()).toBe(
        'Biblioteket i Lextorp håller öppet för läxhjälpen.',
      );
      expect(await page.getByRole('radio', { name: messages.vocabulary.participantRole.partner }).isChecked()).toBe(
        true,
      );
      await saveStep();
      await atStep(3);
      expect(await field(f.processOwnerEmail).inputValue()).toBe('samordnare.sommarjobb@trollhattan.se');
      await expectNoViolations();
      expect(again.problems).toEqual([]);
    } finally {
      await again.context.close();
    }
  }, 90_000);
  it('should show the conflict view when the draft was changed elsewhere since the step opened, and save the choice', async () => {
    const code = uniqueCode('KONFLIKT');
    await page.goto('/insatser');
    await page.getByRole('heading', { level: 1, name: portfolioMessages.title }).waitFor();
    const created = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
      body: { code, title: 'Läxhjälp Sylte', kind: 'project' },
    });
    await page.goto(`/insatser/${code}/guide?steg=3`);
    await atStep(3);

    // Someone else (another tab, a colleague) names a process owner meanwhile.
    const read = await callApi(page, 'GET', `/initiatives/${created.body.id}`);
    const changed = await callApi(page, 'PATCH', `/initiatives/${created.body.id}`, {
      body: { processOwner: { name: 'Samordnare Sylte', title: null, email: null } },
      headers: { 'if-match': read.etag! },
    });
    expect(changed.status).toBe(200);

    await fillProcessOwner();
    await saveStep();
    const heading = page.getByRole('heading', { level: 2, name: messages.forms.conflict.title });
    await heading.waitFor();
    await expect.poll(() => heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const owner = page.getByRole('radiogroup', { name: t.steps.processOwner });
    await owner.getByRole('radio', { name: `${messages.forms.conflict.theirs} Samordnare Sylte` }).waitFor();
    expect(
      await owner
        .getByRole('radio', { name: new RegExp(`^${messages.forms.conflict.mine} Samordnare Sommarjobb`) })
        .isChecked(),
    ).toBe(true);
    await expectNoViolations();

    await tabTo(page.getByRole('button', { name: messages.forms.conflict.save }));
    await page.keyboard.press('Enter');
    await atStep(4);
    const saved = await callApi<{ processOwner: { name: string; email: string } }>(
      page,
      'GET',
      `/initiatives/${created.body.id}`,
    );
    expect(saved.body.processOwner).toMatchObject({
      name: 'Samordnare Sommarjobb',
      email: 'samordnare.sommarjobb@trollhattan.se',
    });
    // The refused save (412) is the one failed request, logged by the browser too.
    expect(session.problems).toHaveLength(2);
    expect(session.problems).toEqual(
      expect.arrayContaining([`412 for ${baseUrl}/api/v1/initiatives/${created.body.id}`]),
    );
  }, 60_000);
});
