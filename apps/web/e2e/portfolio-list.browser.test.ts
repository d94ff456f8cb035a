import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { focused, screenshot, wcagViolations } from './support/browser';
import { useBrowser } from './support/use-browser';
import { portfolioMessages } from '../src/features/portfolio/messages';

// Insatser in Chromium with the Trollhättan demo data: a department head of ASF finds their initiatives, filters,
// goes back, sorts, opens one by its code, exports the view, and does it all with the keyboard too.
const ASF = 'Arbetsmarknads- och socialförvaltningen';
const t = portfolioMessages;

let page: Page;
let problems: string[];
let signIns = 0;

useBrowser({
  opened: (session) => ({ page, problems } = session),
  // A person of their own for each test (the subject follows the name), so no test spends another's requests a minute.
  signedIn: () => ({ role: 'department_head', departmentCode: 'ASF', name: `Förvaltningschef ASF ${(signIns += 1)}` }),
});

const table = () => page.getByRole('grid', { name: t.table.label });
const search = () => new URL(page.url()).searchParams;

/** Waits until the list shows an answer for the current address (not the last one's rows). */
async function listSettled() {
  await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
  await page
    .getByText(/^Visar \d+–\d+ av \d+$|^Inga insatser matchar filtren$/)
    .first()
    .waitFor();
}

/** The cells of one column, top to bottom (1 = code). */
async function column(index: number) {
  return table().locator(`tbody tr td:nth-child(${index}), tbody tr th:nth-child(${index})`).allTextContents();
}

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

describe('Insatser, as a department head of ASF', () => {
  it('should list the portfolio with every column, and no WCAG 2.1 AA violation', async () => {
    await page.goto('/insatser');
    await listSettled();

    const headers = await table().getByRole('columnheader').allTextContents();
    expect(headers).toEqual([
      t.table.code,
      t.table.title,
      t.table.leadDepartment,
      t.table.status,
      t.table.rag,
      t.table.temporaryFundingEndsOn,
      t.table.openAlerts,
    ]);
    const codes = await column(1);
    expect(codes).toContain('SSPF');
    expect(codes).toEqual([...codes].sort());
    await expectNoViolations();
    await screenshot(page, 'insatser', { docs: true });
    expect(problems).toEqual([]);
  });

  it('should find their own initiatives by lead department, filter by status in the URL, and restore the view on Back', async () => {
    await page.goto('/insatser');
    await listSettled();
    const everything = await column(1);

    await page
      .getByRole('button', { name: new RegExp(t.filters.leadDepartment) })
      .first()
      .click();
    await page.getByRole('option', { name: ASF, exact: true }).click();
    await expect.poll(() => search().get('leadDepartmentId')).toMatch(/[0-9a-f-]{36}/);
    await listSettled();
    const asf = await column(1);
    expect(asf.length).toBeGreaterThan(0);
    expect(asf.length).toBeLessThan(everything.length);
    expect(new Set(await column(3))).toEqual(new Set([ASF]));
    await expectNoViolations();

    await page
      .getByRole('group', { name: t.filters.status })
      .getByText(messages.initiativeStatus.active, { exact: true })
      .click();
    await expect.poll(() => search().getAll('status')).toEqual(['active']);
    await listSettled();
    expect(new Set(await column(4))).toEqual(new Set([messages.initiativeStatus.active]));

    await page.goBack();
    await expect.poll(() => search().get('status')).toBeNull();
    await listSettled();
    expect(search().get('leadDepartmentId')).toMatch(/[0-9a-f-]{36}/);
    expect(await page.getByRole('checkbox', { name: messages.initiativeStatus.active }).isChecked()).toBe(false);
    expect(await column(1)).toEqual(asf);
    expect(problems).toEqual([]);
  });

  it('should sort by a column through the URL, the other way on the second press', async () => {
    await page.goto('/insatser');
    await listSettled();

    await table().getByRole('columnheader', { name: t.table.code }).click();
    await expect.poll(() => search().get('sort')).toBe('-code');
    await listSettled();
    const codes = await column(1);
    expect(codes).toEqual([...codes].sort().reverse());

    await table().getByRole('columnheader', { name: t.table.openAlerts }).click();
    await expect.poll(() => search().get('sort')).toBe('openAlertCount');
    await listSettled();
    const alerts = (await column(7)).map(Number);
    expect(alerts).toEqual([...alerts].sort((a, b) => a - b));
    expect(await table().getByRole('columnheader', { name: t.table.openAlerts }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(problems).toEqual([]);
  });

  it('should say that nothing matches, with no violation, and clear the filters on request', async () => {
    await page.goto('/insatser?q=zzzzqqqxxx');
    await page.getByRole('heading', { name: t.empty.title }).waitFor();
    await expectNoViolations();

    await page.getByRole('main').getByRole('button', { name: t.filters.clear }).last().click();
    await expect.poll(() => search().get('q')).toBeNull();
    await listSettled();
    expect((await column(1)).length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('should open an initiative by its code', async () => {
    await page.goto('/insatser');
    await listSettled();

    await table().getByRole('link', { name: 'SSPF', exact: true }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/insatser/SSPF');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(problems).toEqual([]);
  });

  it.each([
    { format: 'xlsx', button: t.export.xlsx, starts: Buffer.from('PK') },
    { format: 'csv', button: t.export.csv, starts: Buffer.from([0xef, 0xbb, 0xbf]) },
  ])(
    'should download exactly the filtered view as $format, under a Swedish name',
    async ({ format, button, starts }) => {
      await page.goto('/insatser?status=active');
      await listSettled();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);

      expect(download.suggestedFilename()).toMatch(new RegExp(`^insatser-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
      const file = readFileSync(await download.path());
      expect(file.length).toBeGreaterThan(100);
      expect(file.subarray(0, starts.length)).toEqual(starts);
      if (format === 'csv') {
        // Every initiative the view shows, and no other: its code begins its row and the rows under it (its further
        // funding lines), so the distinct codes are the initiatives.
        const codes = new Set(
          file
            .toString('utf8')
            .trim()
            .split('\r\n')
            .slice(1)
            .map((row) => row.split(';')[0]),
        );
        expect([...codes].sort()).toEqual((await column(1)).sort());
      }
      await page.getByText(t.export.done(download.suggestedFilename())).waitFor();
      expect(problems).toEqual([]);
    },
  );

  it('should take a keyboard user through the filters and the table into an initiative', async () => {
    await page.goto('/insatser');
    await listSettled();

    // Tab to the text search, type, Enter: the view changes at once.
    let reached = false;
    for (let presses = 0; presses < 30 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) === 'search';
    }
    expect(reached).toBe(true);
    await page.keyboard.type('SSPF');
    await page.keyboard.press('Enter');
    await expect.poll(() => search().get('q')).toBe('SSPF');
    await listSettled();

    // A status with the keyboard: Tab to the first checkbox, Space.
    for (let presses = 0; presses < 5; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) === 'checkbox') break;
    }
    await page.keyboard.press('Space');
    await expect.poll(() => search().getAll('status')).toEqual(['draft']);
    await page.keyboard.press('Space');
    await expect.poll(() => search().get('status')).toBeNull();
    await listSettled();

    // On through the filters and the export into the table, then to the code's link, and Enter.
    let inTable = false;
    for (let presses = 0; presses < 40 && !inTable; presses += 1) {
      await page.keyboard.press('Tab');
      inTable = await page.evaluate(() => Boolean(document.activeElement?.closest('[role="grid"]')));
    }
    expect(inTable).toBe(true);
    let onLink = false;
    for (let presses = 0; presses < 10 && !onLink; presses += 1) {
      const now = await focused(page);
      onLink = now.tag === 'a' && now.text === 'SSPF';
      if (!onLink) await page.keyboard.press(now.tag === 'th' ? 'ArrowDown' : 'ArrowRight');
    }
    expect(onLink).toBe(true);
    await page.keyboard.press('Enter');

    await expect.poll(() => new URL(page.url()).pathname).toBe('/insatser/SSPF');
    expect(problems).toEqual([]);
  });
});
