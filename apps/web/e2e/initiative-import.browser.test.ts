import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { initiativeImportMessages } from '../src/features/initiative-import/messages';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, screenshot, wcagViolations } from './support/browser';
import { navigationLink, openNavigationTo } from './support/navigation';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Importera insatser as an admin: a list with the municipality's own column names and one bad row, then fixed. The
// codes are this file's own (IMPORT-WEB-…), so the drafts it creates touch no demo record other files read.
const baseUrl = inject('baseUrl');
const t = initiativeImportMessages;

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

/** As Swedish Excel saves a list: BOM, `;`, CRLF. */
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
const HEADER =
  'Kod;Namn;Ledande förvaltning;Beskrivning;Start;Slut;Status;Finansieringskälla;Finansiär;Belopp (kr);Finansiering från;Finansiering till';
const GOOD_ROW =
  'IMPORT-WEB-1;Läxhjälp i Kronogården;ASF;Läxhjälp två kvällar i veckan;2027-01-01;2027-12-31;Pågående;Statsbidrag;Skolverket;300 000;2027-01-01;2027-12-31';
const row2 = (department: string) =>
  `IMPORT-WEB-2;Sommarjobb för unga;${department};Feriejobb i kommunens verksamheter;2027-06-01;2027-08-31;;Ordinarie budget;Trollhättans stad;450000;2027-06-01;2027-08-31`;

async function choose(name: string, buffer: Buffer) {
  await page.getByLabel(t.file.label).setInputFiles({ name, mimeType: 'text/csv', buffer });
}

async function preview() {
  await page.getByRole('button', { name: t.file.preview, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: t.preview.heading }).waitFor();
}

async function noViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

describe('Importera insatser', () => {
  it('should show a bad row’s problem and import nothing, then import the fixed list as drafts', async () => {
    await signIn(page, baseUrl, { role: 'admin', name: 'Administratör' });
    await (await openNavigationTo(page, messages.nav.initiativeImport)).click();
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await noViolations();

    // Without a file, the field says what to do.
    await page.getByRole('button', { name: t.file.preview, exact: true }).click();
    await page.getByText(t.file.missing).waitFor();

    await choose('projektlista.csv', csv(HEADER, GOOD_ROW, row2('Socialförvaltningen')));
    await preview();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: t.preview.problemRows(1) })
          .count(),
      )
      .toBe(1);
    const problemTable = page.getByRole('table', { name: t.preview.problemsCaption });
    const problemRow = problemTable
      .getByRole('row')
      .filter({ hasText: 'Ingen förvaltning heter eller har koden ”Socialförvaltningen”' });
    expect(await problemRow.getByRole('cell').allInnerTexts()).toEqual([
      '3',
      'Ledande förvaltning',
      'Ingen förvaltning heter eller har koden ”Socialförvaltningen”',
    ]);
    expect(await page.getByRole('button', { name: /^Importera/ }).count()).toBe(0);

    // The columns: Samla's own by their field, the export's Status read past, the file's own Beskrivning chosen as Sammanfattning.
    const columns = page.getByRole('table', { name: t.columns.caption });
    expect(
      await columns
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Status', exact: true }) })
        .getByRole('cell')
        .innerText(),
    ).toBe(t.columns.derived);
    const description = page.getByLabel(t.columns.selectLabel('Beskrivning'));
    expect(await description.inputValue()).toBe('');
    await noViolations();
    await description.selectOption({ label: t.fields.summary });
    await page.getByRole('button', { name: t.columns.previewAgain }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: t.preview.problemRows(1) })
          .count(),
      )
      .toBe(1);
    expect(await page.getByLabel(t.columns.selectLabel('Beskrivning')).inputValue()).toBe('summary');

    // The fixed list: KFF leads the summer jobs.
    await choose('projektlista-rattad.csv', csv(HEADER, GOOD_ROW, row2('KFF')));
    await page.getByLabel(t.columns.selectLabel('Beskrivning')).waitFor({ state: 'detached' });
    await preview();
    await page.getByLabel(t.columns.selectLabel('Beskrivning')).selectOption({ label: t.fields.summary });
    await page.getByRole('button', { name: t.columns.previewAgain }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: t.preview.clean(2) })
          .count(),
      )
      .toBe(1);
    expect(await page.getByRole('table', { name: t.preview.problemsCaption }).count()).toBe(0);
    await noViolations();
    await screenshot(page, 'importera', { docs: true });

    await page.getByRole('button', { name: t.preview.import(2) }).click();
    await page.getByRole('heading', { level: 2, name: t.done.heading }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: t.done.heading });
    await page.getByText(t.done.summary(2, 2), { exact: true }).first().waitFor();
    await noViolations();

    await page.getByRole('link', { name: t.done.showDrafts }).click();
    await page.waitForURL(
      (url) => url.pathname === '/insatser' && url.searchParams.getAll('status').join() === 'draft',
    );
    const list = page.getByRole('grid');
    await list
      .getByRole('row')
      .filter({ hasText: 'Läxhjälp i Kronogården' })
      .getByRole('link', { name: 'IMPORT-WEB-1', exact: true })
      .waitFor();
    await list
      .getByRole('row')
      .filter({ hasText: 'Sommarjobb för unga' })
      .getByRole('link', { name: 'IMPORT-WEB-2', exact: true })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('should say why a file cannot be read at all, with focus on the summary, and take the file’s own header for a missing column', async () => {
    await signIn(page, baseUrl, { role: 'admin', name: 'Administratör', path: '/admin/import' });
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();

    await choose('egen-lista.csv', csv('Projektkod;Namn;Ledande förvaltning', 'IMPORT-WEB-9;Något nytt;ASF'));
    await page.getByRole('button', { name: t.file.preview, exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: t.refused.file });
    await alert.getByText(t.problems.noColumnFor(t.fields.code)).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await noViolations();

    // The file calls its code column Projektkod: named, the list previews with it.
    await page.getByLabel(t.missing.label(t.fields.code)).fill('Projektkod');
    await page.getByRole('button', { name: t.columns.previewAgain }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: t.preview.clean(1) })
          .count(),
      )
      .toBe(1);
    expect(await page.getByLabel(t.columns.selectLabel('Projektkod')).inputValue()).toBe('code');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: t.preview.import(1) }).waitFor();
    await noViolations();
    // The refusal is the answer this test asks for: the browser logs it, and nothing else went wrong.
    expect(problems).toEqual([
      expect.stringMatching(/^400 for .*\/initiative-imports\?dryRun=true/),
      expect.stringMatching(/status of 400/),
    ]);
  });

  it('should refuse the import when a row’s code is taken after the preview, showing the row with focus on it', async () => {
    await signIn(page, baseUrl, { role: 'admin', name: 'Administratör', path: '/admin/import' });
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await choose('sent-lista.csv', csv('Kod;Namn;Ledande förvaltning', 'IMPORT-WEB-3;Språkcafé;UTBF'));
    await preview();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: t.preview.clean(1) })
          .count(),
      )
      .toBe(1);

    // Meanwhile someone registers IMPORT-WEB-3.
    const departments = await callApi<{ items: { id: string; code: string }[] }>(page, 'GET', '/departments');
    const utbf = departments.body.items.find((department) => department.code === 'UTBF')!;
    const created = await callApi(page, 'POST', '/initiatives', {
      body: { code: 'IMPORT-WEB-3', title: 'Språkcafé på biblioteket', kind: 'project', leadDepartmentId: utbf.id },
    });
    expect(created.status).toBe(201);

    await page.getByRole('button', { name: t.preview.import(1) }).click();
    const alert = page.getByRole('alert').filter({ hasText: t.refused.rows });
    const row = alert
      .getByRole('table', { name: t.preview.problemsCaption })
      .getByRole('row')
      .filter({ hasText: 'IMPORT-WEB-3' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['2', 'Kod', t.problems.codeTaken('IMPORT-WEB-3')]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await page.getByRole('button', { name: t.preview.import(1) }).count()).toBe(0);
    await noViolations();
    expect(problems).toEqual([
      expect.stringMatching(/^422 for .*\/initiative-imports\?dryRun=false/),
      expect.stringMatching(/status of 422/),
    ]);
  });

  it('should neither offer nor allow importing to a department head', async () => {
    await signIn(page, baseUrl, {
      role: 'department_head',
      departmentCode: 'ASF',
      name: 'Förvaltningschef ASF',
      path: '/admin/import',
    });
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await page.getByText(t.mayNot).waitFor();
    await navigationLink(page, messages.nav.initiatives).waitFor({ state: 'attached' });
    expect(await navigationLink(page, messages.nav.initiativeImport).count()).toBe(0);
    expect(await page.getByLabel(t.file.label).count()).toBe(0);
    await noViolations();
    expect(problems).toEqual([]);
  });
});
