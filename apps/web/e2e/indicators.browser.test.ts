import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { fieldId } from '../src/components/forms/field-id';
import { messages } from '../src/lib/messages';
import { resultsMessages } from '../src/features/results/messages';
import { callApi } from './support/api';
import { openPage, screenshot, wcagViolations } from './support/browser';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Indikatorer: the head of ASF defines an indicator of their own (a rate to be brought down), records its baseline,
// a falling series of targets and a measurement, reads it as chart and table, and imports a CSV with one bad line.
const baseUrl = inject('baseUrl');
const t = resultsMessages.indicator;
const ti = resultsMessages.indicators;
const NAME = 'Unga 16–24 år i Kronogården som varken arbetar eller studerar, andel (%)';

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

const unique = () => Date.now().toString(36).toUpperCase();

async function expectNoViolations(on: Page = page) {
  expect((await wcagViolations(on)).violations).toEqual([]);
}

/** Picks `option` in the react-aria select of form field `name`. */
async function choose(name: string, option: string) {
  await page.locator(`#${fieldId(name)}`).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Fills the value form and presses "Registrera"; waits for the announcement. */
async function record(kind: 'baseline' | 'measurement' | 'target', period: string, value: string, persons?: string) {
  const form = page.getByRole('form', { name: t.valueHeading });
  await form.getByText(t.kindLabel[kind]!, { exact: true }).click();
  await form.locator(`#${fieldId('period')}`).fill(period);
  await form.locator(`#${fieldId('value')}`).fill(value);
  if (persons) await form.locator(`#${fieldId('persons')}`).fill(persons);
  await form.getByRole('button', { name: t.submit }).click();
  await page
    .getByRole('status')
    .filter({ hasText: t.recorded(t.kindLabel[kind]!, period) })
    .waitFor();
}

function tableRows() {
  return page
    .getByRole('table', { name: t.tableCaption(t.all) })
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s/g, ' '))),
    );
}

describe('Indikatorer for the head of ASF', () => {
  beforeEach(async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/indikatorer',
    });
  });

  /** An indicator of ASF's own, made through the API as the signed-in head. */
  async function givenIndicator() {
    const me = await callApi<{ department: { id: string } }>(page, 'GET', '/me');
    const code = `UVAS-${unique()}`;
    const created = await callApi<{ id: string }>(page, 'POST', '/indicators', {
      body: {
        code,
        name: NAME,
        unit: 'percent',
        direction: 'decrease',
        source: 'internal',
        breakdowns: ['sex'],
        ownerDepartmentId: me.body.department.id,
      },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, code, me };
  }

  it('should define an indicator, record a baseline and falling targets, and show them as chart and table', async () => {
    await page
      .getByRole('table', { name: ti.caption })
      .getByRole('link', { name: 'Andel unga 16–24 år som varken arbetar eller studerar' })
      .waitFor();
    await expectNoViolations();

    // Define it: a share that should fall, broken down by sex, owned by ASF (preset: the head's own department).
    const code = `UVAS-${unique()}`;
    const form = page.getByRole('form', { name: ti.newHeading });
    await form.getByLabel(ti.code).fill(code);
    await form.getByLabel(ti.name).fill(NAME);
    await choose('unit', ti.unitLabel.percent!);
    await choose('source', ti.sourceLabel.internal!);
    await form.getByText(ti.directionLabel.decrease!, { exact: true }).click();
    await form.getByText(ti.breakdown.sex, { exact: true }).click();
    await form.getByRole('button', { name: ti.submit }).click();

    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByText(t.noValues).waitFor();
    // The form asks for the baseline first, and says why.
    expect(await page.getByRole('radio', { name: t.kindLabel.baseline }).isChecked()).toBe(true);
    await page.getByText(t.kindHelp).waitFor();
    await expectNoViolations();

    // A period the API does not take: the error lands on the field in Swedish, linked from the summary.
    const valueForm = page.getByRole('form', { name: t.valueHeading });
    await valueForm.locator(`#${fieldId('period')}`).fill('år 2024');
    await valueForm.locator(`#${fieldId('value')}`).fill('14,2');
    await valueForm.getByRole('button', { name: t.submit }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: `${t.periodLabel}: ${resultsMessages.apiMessages[0]![1]}` })
      .waitFor();
    await expectNoViolations();

    await record('baseline', '2024', '14,2', '350');
    await record('target', '2026', '12');
    await record('target', '2028', '10');
    await record('measurement', '2025', '13,1', '340');

    await page.getByRole('img', { name: t.chartLabel(NAME, t.all) }).waitFor();
    await expect.poll(() => page.locator('[data-testid="indikator-diagram"] .recharts-line').count()).toBe(2);
    await expect.poll(tableRows).toEqual([
      ['2024', '14,2 %', '–', '–', '–'],
      ['2025', '', '13,1 %', '–', '–'],
      ['2026', '', '–', '12 %', '–'],
      ['2028', '', '–', '10 %', '–'],
    ]);
    // (13.1 − 14.2) / (10 − 14.2): a quarter of the way down to the 2028 target.
    await page.getByText(t.progressText('2028', '26 %')).waitFor();
    await expectNoViolations();
    await screenshot(page, 'indikator', { docs: true });

    // The refused period (400) is the one failed response this test expects.
    const expected = [
      /^400 for .*\/measurements$/,
      /^console error: Failed to load resource: the server responded with a status of 400/,
    ];
    expect(problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
  });

  it('should import a CSV file all or nothing, showing a refused file’s errors line by line', async () => {
    const { id } = await givenIndicator();
    await page.goto(`/indikatorer/${id}`);
    await page.getByRole('heading', { level: 2, name: t.importHeading }).waitFor();

    // A file with one bad line: nothing is written, and the table says which line and column.
    const header = 'period,cell,kind,value,numerator,denominator,persons';
    const importForm = page.getByRole('form', { name: t.importHeading });
    await importForm.getByLabel(t.file).setInputFiles({
      name: 'varden.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n2023,all,measurement,14.8,,,360\n2024-13,sex:women,measurement,13.9,,,170\n`),
    });
    await importForm.getByRole('button', { name: t.importSubmit }).click();
    const errors = page.getByRole('table', { name: t.importErrorsCaption });
    await errors.waitFor();
    expect(
      await errors
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent))),
    ).toEqual([['3', 'period', resultsMessages.apiMessages[0]![1]]]);
    await page.getByText(t.importRefused).waitFor();
    expect(await page.getByRole('row', { name: /^2023/ }).count()).toBe(0);
    await expectNoViolations();

    // The good line alone goes in.
    await importForm.getByLabel(t.file).setInputFiles({
      name: 'varden.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n2023,all,measurement,14.8,,,360\n`),
    });
    await importForm.getByRole('button', { name: t.importSubmit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.imported(1) })
      .waitFor();
    await expect.poll(async () => (await tableRows())[0]).toEqual(['2023', '', '14,8 %', '–', '–']);
    expect(await errors.count()).toBe(0);
    await expectNoViolations();

    // The refused file (422) is the one failed response this test expects.
    const expected = [
      /^422 for .*\/measurements\/import$/,
      /^console error: Failed to load resource: the server responded with a status of 422/,
    ];
    expect(problems.filter((p) => !expected.some((e) => e.test(p)))).toEqual([]);
  });

  it('should attach the indicator to an outcome, chosen by initiative and then outcome', async () => {
    const { id, code, me } = await givenIndicator();
    // It measures an outcome of an initiative of ASF's: chosen by initiative, then by outcome.
    const initiativeCode = `UVAS-INSATS-${unique()}`;
    const initiative = await callApi<{ id: string }>(page, 'POST', '/initiatives', {
      body: {
        code: initiativeCode,
        title: 'Uppsökande arbete i Kronogården',
        kind: 'project',
        leadDepartmentId: me.body.department.id,
      },
    });
    await callApi(page, 'POST', '/effect-nodes', {
      body: {
        level: 'long_term_outcome',
        title: 'Fler unga i Kronogården arbetar eller studerar',
        initiativeId: initiative.body.id,
      },
    });
    await page.goto(`/indikatorer/${id}`);
    await page.getByRole('heading', { level: 2, name: t.attachHeading }).waitFor();
    await choose('initiativeId', `${initiativeCode} Uppsökande arbete i Kronogården`);
    await choose('effectNodeId', 'långsiktig effekt: Fler unga i Kronogården arbetar eller studerar');
    await page.getByRole('form', { name: t.attachHeading }).getByRole('button', { name: t.attachSubmit }).click();
    await page
      .getByRole('status')
      .filter({ hasText: t.attached('Fler unga i Kronogården arbetar eller studerar', initiativeCode) })
      .waitFor();
    const graph = await callApi<{ nodes: { indicators: { code: string }[] }[] }>(
      page,
      'GET',
      `/initiatives/${initiative.body.id}/effect-logic`,
    );
    expect(graph.body.nodes[0]!.indicators.map((indicator) => indicator.code)).toEqual([code]);
    // A draft may be deleted: the portfolio other browser files count stays the demo's.
    expect((await callApi(page, 'DELETE', `/initiatives/${initiative.body.id}`)).status).toBe(204);
    await expectNoViolations();

    expect(problems).toEqual([]);
  });
});

describe('Indikatorn outside the owning department', () => {
  it('should show a value resting on fewer than 5 persons as "färre än 5", and offer no recording', async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/indikatorer',
    });
    const me = await callApi<{ department: { id: string } }>(page, 'GET', '/me');
    const created = await callApi<{ id: string }>(page, 'POST', '/indicators', {
      body: {
        code: `LITEN-${unique()}`,
        name: 'Unga i en liten grupp med stöd, andel (%)',
        unit: 'percent',
        direction: 'increase',
        source: 'internal',
        ownerDepartmentId: me.body.department.id,
      },
    });
    const id = created.body.id;
    for (const body of [
      { kind: 'baseline', period: '2024', value: 40, persons: 120 },
      { kind: 'measurement', period: '2025', value: 50, persons: 4 },
    ]) {
      expect((await callApi(page, 'POST', `/indicators/${id}/measurements`, { body })).status).toBe(201);
    }

    const leadership = await openPage(page.context().browser()!, baseUrl);
    try {
      await signIn(leadership.page, baseUrl, {
        role: 'leadership',
        name: 'Ledningsgruppen',
        path: `/indikatorer/${id}`,
      });
      await leadership.page
        .getByRole('heading', { level: 1, name: 'Unga i en liten grupp med stöd, andel (%)' })
        .waitFor();
      const row = leadership.page.getByRole('row', { name: /^2025/ });
      await row.getByText(t.suppressed, { exact: true }).waitFor();
      await leadership.page.getByText(t.suppressedNote).waitFor();
      await leadership.page.getByText(t.readOnly(messages.auth.may.notGranted)).waitFor();
      expect(await leadership.page.getByRole('button', { name: t.submit }).count()).toBe(0);
      await expectNoViolations(leadership.page);
      expect(leadership.problems).toEqual([]);
    } finally {
      await leadership.context.close();
    }
    expect(problems).toEqual([]);
  });
});
