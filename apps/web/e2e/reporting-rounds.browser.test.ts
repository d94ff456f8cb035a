import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { reportingRoundsMessages } from '../src/features/reporting-rounds/messages';
import { statusReportsMessages } from '../src/features/status-reports/messages';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { openPage, screenshot, wcagViolations } from './support/browser';
import { navigationLink, openNavigationTo } from './support/navigation';
import { createStatusReports } from './support/round-job';
import { signIn, type SignInAs } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Uppföljningsomgångar in Chromium, on data of its own: a department with a draft initiative (made by an admin), a
// round the leadership group creates for that department's drafts (after the form's own check and the API's refusal
// of a period), its report created as the round's job would (the browser tests run no worker), submitted by the
// department's head, and approved by the leadership group on the report's own page, reached from the round.
const baseUrl = inject('baseUrl');
const t = reportingRoundsMessages;
const SUFFIX = Date.now().toString(36).toUpperCase();
const DEPARTMENT = { code: `OMG${SUFFIX}`, name: `Omgångsförvaltningen ${SUFFIX}` };
const INITIATIVE = { code: `OMGANG-${SUFFIX}`, title: 'Simskola för nyanlända barn' };
const ROUND = `Delårsuppföljning simskolan ${SUFFIX}`;
const LEADERSHIP: SignInAs = { role: 'leadership', name: 'Ledningsgruppen' };
const DUE = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** As someone else, on a page of their own: `work` with the API, then the page is closed. */
async function as<T>(who: SignInAs, work: (other: Page) => Promise<T>): Promise<T> {
  const other = await openPage(page.context().browser()!, baseUrl);
  try {
    await signIn(other.page, baseUrl, who);
    const result = await work(other.page);
    expect(other.problems).toEqual([]);
    return result;
  } finally {
    await other.context.close();
  }
}

async function ok<T>(
  on: Page,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const answer = await callApi<T>(on, method, path, options);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer;
}

const form = () => page.getByRole('region', { name: t.create.heading });
const round = () => page.getByRole('region', { name: ROUND });
const departmentRow = () =>
  round()
    .getByRole('table', { name: /^Rapporter per ansvarig förvaltning/ })
    .getByRole('row', { name: new RegExp(`^${DEPARTMENT.name}`) });
const cells = async () => (await departmentRow().getByRole('cell').allInnerTexts()).slice(0, 4);

describe('Uppföljningsomgångar', () => {
  it('should let the leadership group create a round with its scope, see each department’s completion and reach the report to approve', async () => {
    await as({ role: 'admin', name: 'Administratör' }, async (admin) => {
      const department = await ok<{ id: string }>(admin, 'POST', '/departments', {
        body: { ...DEPARTMENT, kind: 'administration' },
      });
      await ok(admin, 'POST', '/initiatives', {
        body: { ...INITIATIVE, kind: 'project', leadDepartmentId: department.body.id },
      });
    });
    await signIn(page, baseUrl, { ...LEADERSHIP, path: '/insatser' });
    await (await openNavigationTo(page, messages.nav.reportingRounds)).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByRole('table', { name: t.list.caption }).waitFor();
    await expectNoViolations();

    // Nothing filled in: the form's own check, in the summary that takes focus.
    await form().getByRole('button', { name: t.create.submit }).click();
    const summary = form().getByRole('alert').filter({ hasText: t.create.refused });
    await summary.getByRole('link', { name: `${t.create.title}: ${messages.problem.field.required}` }).waitFor();
    await expectNoViolations();

    await form()
      .getByRole('textbox', { name: new RegExp(`^${t.create.title}`) })
      .fill(ROUND);
    await form()
      .getByRole('textbox', { name: new RegExp(`^${t.create.period}`) })
      .fill('våren 2026');
    await page.locator('#falt-dueDate').getByRole('spinbutton').first().click();
    await page.keyboard.type(DUE.replaceAll('-', ''));
    const statuses = form().getByRole('group', { name: new RegExp(`^${t.create.scopeStatuses}`) });
    await statuses.getByText(messages.initiativeStatus.approved, { exact: true }).click();
    await statuses.getByText(messages.initiativeStatus.active, { exact: true }).click();
    await statuses.getByText(messages.initiativeStatus.draft, { exact: true }).click();
    await form()
      .getByRole('group', { name: new RegExp(`^${t.create.scopeDepartments}`) })
      .getByText(DEPARTMENT.name, { exact: true })
      .click();

    // The API refuses the period, in Swedish on its field.
    await form().getByRole('button', { name: t.create.submit }).click();
    await summary.getByRole('link', { name: `${t.create.period}: ${t.create.invalidPeriod}` }).waitFor();
    await expectNoViolations();

    await form()
      .getByRole('textbox', { name: new RegExp(`^${t.create.period}`) })
      .fill('2026');
    await form().getByRole('button', { name: t.create.submit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.create.created(ROUND) })
      .waitFor();
    await round().getByText(t.round.noReports).waitFor();
    const roundId = new URL(page.url()).searchParams.get('round')!;
    expect(await round().getByText(DEPARTMENT.name, { exact: true }).count()).toBe(1);
    await expectNoViolations();

    // The round's job makes the department's one report; the table counts it, not yet in.
    expect(await createStatusReports(roundId)).toBe(1);
    await page.reload();
    await departmentRow().waitFor();
    expect(await cells()).toEqual(['1', '0', '0', '1']);

    // The department's head writes and submits it.
    await as(
      { role: 'department_head', departmentCode: DEPARTMENT.code, name: 'Förvaltningschef Omgång' },
      async (head) => {
        const reports = await ok<{ items: { id: string }[] }>(head, 'GET', `/status-reports?roundId=${roundId}`);
        const id = reports.body.items[0]!.id;
        const read = await ok(head, 'GET', `/status-reports/${id}`);
        await ok(head, 'PATCH', `/status-reports/${id}`, {
          headers: { 'If-Match': read.etag! },
          body: { ragStatus: 'green', progress: 'Tre grupper har börjat, alla platser är fyllda.' },
        });
        await ok(head, 'POST', `/status-reports/${id}/submit`);
      },
    );

    await page.reload();
    await departmentRow().waitFor();
    expect(await cells()).toEqual(['1', '1', '0', '0']);
    const open = round().getByRole('link', { name: t.round.open(INITIATIVE.code) });
    await open.waitFor();
    await expectNoViolations();
    await screenshot(page, 'omgangar', { docs: true });

    // Approved on the report's own page, the round counts it.
    await open.click();
    await page.getByRole('button', { name: statusReportsMessages.decide.approve }).click();
    await page.getByRole('status').filter({ hasText: statusReportsMessages.decide.approved }).waitFor();
    await page.goBack();
    await round().getByText(t.round.noneToDecide).waitFor();
    await expect.poll(cells).toEqual(['1', '1', '1', '0']);
    await expectNoViolations();

    const expected = [
      /^400 for .*\/reporting-rounds$/,
      /^console error: Failed to load resource: the server responded with a status of 400/,
    ];
    expect(problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)))).toEqual([]);
  }, 120_000);

  it('should not offer a department head the screen', async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/omgangar',
    });
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.mayNot).waitFor();
    expect(await page.getByRole('region', { name: t.create.heading }).count()).toBe(0);
    expect(await navigationLink(page, messages.nav.reportingRounds).count()).toBe(0);
    await expectNoViolations();
    expect(problems).toEqual([]);
  }, 60_000);
});
