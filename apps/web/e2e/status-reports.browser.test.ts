import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { screenshot, wcagViolations } from './support/browser';
import { createStatusReports } from './support/round-job';
import { fillAuthorizePage, signIn, type SignInAs } from './support/sign-in';
import { useBrowser } from './support/use-browser';
import { statusReportsMessages } from '../src/features/status-reports/messages';

// Rapporter in Chromium. Mina rapporter reads the demo's rounds as they are (ASF's returned and pending reports, the
// submitted ones leadership reviews). The way of one report — submitted, returned with a comment, corrected,
// submitted again, approved — runs on data of its own: a department, a draft initiative whose follow-up plan names a
// demo indicator, and a round scoped to that department's drafts, so no other browser test's demo records change;
// the initiative (and with it its report) is deleted at the end.
const baseUrl = inject('baseUrl');
const t = statusReportsMessages;
// Every run has a database of its own (global-setup), so fixed codes are unique.
const DEPARTMENT = { code: 'RAPPORTERING', name: 'Rapporteringsförvaltningen' };
const INITIATIVE = { code: 'LAXHJALP', title: 'Läxhjälp i Kronogården' };
const ROUND = 'Uppföljning av läxhjälpen 2025';
const HEAD: SignInAs = {
  role: 'department_head',
  departmentCode: DEPARTMENT.code,
  name: 'Förvaltningschef Rapportering',
};
const LEADERSHIP: SignInAs = { role: 'leadership', name: 'Ledningsgruppen' };
const COMMENT = 'Beskriv hur många elever som har deltagit och vad som händer när bidraget tar slut.';

let page: Page;
let problems: string[];
/** Made by the first test of the report's way, used by the ones after it. */
let made: { reportId: string; initiativeId: string } | undefined;

useBrowser({ opened: (session) => ({ page, problems } = session) });

/** The page's problems but the refusal the test provoked: its response, and the console line Chromium logs for it. */
function besides(status: number, path: RegExp): string[] {
  return problems.filter(
    (problem) =>
      !(problem.startsWith(`${status} for `) && path.test(problem)) &&
      problem !==
        `console error: Failed to load resource: the server responded with a status of ${status} (${STATUS_TEXT[status]})`,
  );
}
const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 422: 'Unprocessable Entity' };

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** Signs out in the header and in again as someone else, through the development sign-in page. */
async function signInAgain(as: SignInAs) {
  await page.getByRole('button', { name: messages.auth.person.signOut }).click();
  await page.getByRole('button', { name: messages.auth.signedOut.signIn }).click();
  await fillAuthorizePage(page, as);
  await page.getByRole('button', { name: messages.auth.person.signOut }).waitFor();
}

async function api<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const answer = await callApi<T>(page, method, path, body === undefined ? {} : { body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** As an admin: the department, its draft initiative measured by UNGA-UVAS, a round for its drafts, and the report. */
async function makeReport(): Promise<{ reportId: string; initiativeId: string }> {
  const department = await api<{ id: string }>('POST', '/departments', { ...DEPARTMENT, kind: 'administration' });
  const indicators = await api<{ items: { id: string; code: string }[] }>('GET', '/indicators?limit=200');
  const uvas = indicators.items.find((indicator) => indicator.code === 'UNGA-UVAS')!;
  const initiative = await api<{ id: string }>('POST', '/initiatives', {
    ...INITIATIVE,
    kind: 'project',
    leadDepartmentId: department.id,
    followUpPlan: {
      method: 'Närvaro och betyg följs upp varje termin.',
      frequency: 'biannual',
      responsible: 'Rektor',
      indicatorIds: [uvas.id],
    },
  });
  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const round = await api<{ id: string }>('POST', '/reporting-rounds', {
    title: ROUND,
    period: '2025',
    dueDate,
    scopeStatuses: ['draft'],
    scopeDepartmentIds: [department.id],
  });
  expect(await createStatusReports(round.id)).toBe(1);
  const reports = await api<{ items: { id: string }[] }>('GET', `/status-reports?roundId=${round.id}`);
  return { reportId: reports.items[0]!.id, initiativeId: initiative.id };
}

async function openReport() {
  await page.getByRole('heading', { level: 1, name: t.reportPageTitle(INITIATIVE.title, ROUND) }).waitFor();
}

const form = () => page.getByRole('region', { name: t.form.heading });
const facts = () => page.getByRole('region', { name: t.report.facts });

describe('Mina rapporter on the demo', () => {
  it('should list what ASF has to report in open rounds, the one due first first and the late one said in words', async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/rapporter',
    });
    await page.getByRole('heading', { level: 1, name: t.myReportsTitle }).waitFor();
    const mine = page.getByRole('region', { name: t.list.mine });
    const table = mine.getByRole('table');
    await table.waitFor();

    // The field workers' report was returned in August and is late; the annual report is still to come.
    const returned = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'FALTARBETARE', exact: true }) })
      .first();
    expect(await returned.innerText()).toContain(t.status.returned);
    expect(await returned.innerText()).toContain(t.overdue);
    expect(await table.getByRole('cell', { name: 'Årsredovisning 2026' }).count()).toBeGreaterThan(0);
    const dueDates = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(dueDates[0]).toBe('15 september 2026');
    expect(await page.getByRole('region', { name: t.list.review }).count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
    await screenshot(page, 'mina-rapporter', { docs: true });
  });

  it('should list the submitted reports for the leadership group to review, and none to write', async () => {
    await signIn(page, baseUrl, { ...LEADERSHIP, path: '/rapporter' });
    const review = page.getByRole('region', { name: t.list.review });
    await review.getByRole('link', { name: 'DROGFOREBYGGANDE', exact: true }).waitFor();

    expect(await page.getByRole('region', { name: t.list.mine }).count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
  });
});

describe('A status report, submitted, returned, corrected and approved', () => {
  it(
    'should let the department head find the report, be told what is missing, fill it in and submit it',
    { timeout: 60_000 },
    async () => {
      await signIn(page, baseUrl, { role: 'admin', name: 'Administratör' });
      made = await makeReport();
      await signInAgain(HEAD);
      await page.goto('/rapporter');
      await page.getByRole('region', { name: t.list.mine }).getByRole('link', { name: INITIATIVE.code }).click();
      await openReport();
      // The follow-up plan's indicator with the municipality's figures for 2025, Sweden's where there are any.
      const indicators = page.getByRole('table', { name: /UNGA-UVAS/ });
      await indicators.getByRole('rowheader', { name: 'Kvinnor' }).waitFor();
      expect(await indicators.getByRole('cell', { name: '8,1 %' }).count()).toBe(1);
      await expectNoViolations();

      // Submitting an empty report: the API names what is missing, and the summary links to each field.
      await form().getByRole('button', { name: t.form.submit }).click();
      const summary = page.getByRole('alert').filter({ hasText: t.form.submitTitle });
      await summary.waitFor();
      expect(await summary.getByRole('link').allInnerTexts()).toEqual([
        `${t.form.rag}: ${messages.problem.field.required}`,
        `${t.form.progress}: ${messages.problem.field.required}`,
      ]);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
      await summary.getByRole('link', { name: new RegExp(`^${t.form.progress}`) }).click();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await expectNoViolations();

      await form().getByText(messages.vocabulary.ragStatus.amber, { exact: true }).click();
      await form()
        .getByRole('textbox', { name: t.form.progress })
        .fill('Läxhjälpen är i gång tre eftermiddagar i veckan på två skolor.');
      await form().getByRole('textbox', { name: t.form.risks }).fill('Bidraget från stiftelsen tar slut i juni.');
      await form().getByRole('textbox', { name: t.form.spending }).fill('240000');
      await page.keyboard.press('Tab');
      // Saved as it is (If-Match on the version read): the summary goes, the report stays pending and can still be changed.
      await form().getByRole('button', { name: t.form.save }).click();
      await page.getByRole('status').filter({ hasText: t.form.saved }).waitFor();
      expect(await page.getByRole('alert').filter({ hasText: t.form.submitTitle }).count()).toBe(0);
      await facts().getByText(t.status.pending).waitFor();
      await screenshot(page, 'rapport', { docs: true });
      await form().getByRole('button', { name: t.form.submit }).click();

      await page.getByRole('status').filter({ hasText: t.form.submitted }).waitFor();
      await facts().getByText(t.status.submitted).waitFor();
      expect(await form().getByRole('textbox').count()).toBe(0);
      await expectNoViolations();
      expect(besides(422, /\/submit$/)).toEqual([]);
    },
  );

  it('should let the leadership group return it with a comment, which the API requires', async () => {
    await signIn(page, baseUrl, { ...LEADERSHIP, path: `/rapporter/${made!.reportId}` });
    await openReport();

    await page.getByRole('button', { name: t.decide.giveBack }).click();
    const dialog = page.getByRole('dialog', { name: t.decide.dialogTitle });
    await dialog.getByRole('button', { name: t.decide.send }).click();
    await dialog
      .getByRole('alert')
      .getByRole('link', { name: new RegExp(`^${t.decide.comment}`) })
      .waitFor();
    await expectNoViolations();
    await dialog.getByRole('textbox', { name: t.decide.comment }).fill(COMMENT);
    await dialog.getByRole('button', { name: t.decide.send }).click();

    await page.getByRole('status').filter({ hasText: t.decide.returned }).waitFor();
    await facts().getByText(t.status.returned).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expectNoViolations();
    expect(besides(400, /\/return$/)).toEqual([]);
  });

  it('should show the department head the comment, and take the corrected report again', async () => {
    await signIn(page, baseUrl, { ...HEAD, path: `/rapporter/${made!.reportId}` });
    await openReport();
    const returned = page.getByRole('region', { name: t.report.returnedHeading });
    await returned.getByText(COMMENT).waitFor();
    // What was written before is kept, to be corrected.
    const progress = form().getByRole('textbox', { name: t.form.progress });
    expect(await progress.inputValue()).toBe('Läxhjälpen är i gång tre eftermiddagar i veckan på två skolor.');
    expect(await form().getByRole('radio', { name: messages.vocabulary.ragStatus.amber }).isChecked()).toBe(true);
    await expectNoViolations();

    await progress.fill(
      'Läxhjälpen är i gång tre eftermiddagar i veckan på två skolor; 46 elever har deltagit. Efter juni söks medel i ordinarie budget.',
    );
    await form().getByRole('button', { name: t.form.submit }).click();

    await page.getByRole('status').filter({ hasText: t.form.submitted }).waitFor();
    await facts().getByText(t.status.submitted).waitFor();
    expect(problems).toEqual([]);
  });

  it('should let the leadership group approve it, and Insatsen link to it as the latest report', async () => {
    await signIn(page, baseUrl, { ...LEADERSHIP, path: `/rapporter/${made!.reportId}` });
    await openReport();
    await page
      .getByRole('region', { name: t.form.heading })
      .getByText(/46 elever/)
      .waitFor();

    await page.getByRole('button', { name: t.decide.approve }).click();
    await page.getByRole('status').filter({ hasText: t.decide.approved }).waitFor();
    await facts().getByText(t.status.approved).waitFor();
    expect(await page.getByRole('region', { name: t.decide.heading }).count()).toBe(0);
    await expectNoViolations();

    await facts().getByRole('link', { name: INITIATIVE.code }).click();
    await page.getByRole('heading', { level: 1, name: INITIATIVE.title }).waitFor();
    const latest = page.locator('#avsnitt-statusReport');
    await latest.getByText(messages.vocabulary.ragStatus.amber, { exact: true }).waitFor();
    expect(await latest.getByRole('link').getAttribute('href')).toBe(`/rapporter/${made!.reportId}`);
    expect(problems).toEqual([]);

    // Records are public documents, but a draft may go: the test's initiative leaves with its report.
    await signInAgain({ role: 'admin', name: 'Administratör' });
    expect((await callApi(page, 'DELETE', `/initiatives/${made!.initiativeId}`)).status).toBe(204);
  });
});
