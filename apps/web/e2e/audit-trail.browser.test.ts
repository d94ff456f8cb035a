import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { auditTrailPageMessages } from '../src/features/audit-trail/messages';
import { formatDateTime } from '../src/lib/audit-trail';
import { formatMoney } from '../src/lib/format';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, openPage, screenshot, wcagViolations } from './support/browser';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Granskning in Chromium. ASF's head registers a draft of its own with a state grant and then raises the grant's
// amount; an auditor finds, by keyboard, who changed the initiative's funding and when, sees the amount before and
// after, exports what the search found, opens the initiative's whole history, and is offered no write on the way
// (nor does the page send one). The tests run in order and share the initiative.
const baseUrl = inject('baseUrl');
const t = auditTrailPageMessages;
const HEAD_OF_ASF = { role: 'department_head' as const, departmentCode: 'ASF', name: 'Förvaltningschef ASF' };
const AUDITOR = { role: 'auditor' as const, name: 'Revisor Granskning' };
const CODE = `GRANSK-${Date.now().toString(36).toUpperCase()}`;
const AMOUNT_BEFORE = 1_400_000;
const AMOUNT_AFTER = 1_650_000;
/** What a page offering a change would say on a button or link: none of it may show for an auditor. */
const WRITES =
  /^(Ändra|Spara|Radera|Lägg till|Ny insats|Godkänn|Skicka tillbaka|Besluta|Kvittera|Avfärda|Lämna in|Importera|Avsluta|Bedöm)(?=\s|$)/u;

let page: Page;
let problems: string[];
let writes: string[];
let changedAt: string;

useBrowser({
  opened: (session) => {
    ({ page, problems } = session);
    // Every request but a read (and signing in) is a write the auditor's pages must not make.
    writes = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (
        request.method() !== 'GET' &&
        url.pathname.startsWith('/api/') &&
        !url.pathname.startsWith('/api/v1/dev-oidc/')
      )
        writes.push(`${request.method()} ${url.pathname}`);
    });
  },
});

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

/** Buttons and links in the main content that would change something. */
async function writesOffered(): Promise<string[]> {
  const names = await page
    .locator('main')
    .locator('button, a, [role="button"]')
    .evaluateAll((elements) =>
      elements.map((element) => (element.getAttribute('aria-label') ?? element.textContent ?? '').trim()),
    );
  return names.filter((name) => WRITES.test(name));
}

async function tabToField(field: string, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => Boolean(document.activeElement?.closest(`#${id}`)), `falt-${field}`)) return;
  }
  throw new Error(`${limit} × Tab did not reach the field ${field}`);
}

async function tabTo(name: string, limit = 60) {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focused(page)).text === name) return;
  }
  throw new Error(`${limit} × Tab did not reach "${name}"`);
}

/** Opens the focused Select with the keyboard and moves down its options to `option` (at most 30), then Enter. */
async function choose(option: string) {
  await page.keyboard.press('ArrowDown');
  await page.getByRole('listbox').waitFor();
  const wanted = page.getByRole('option', { name: option, exact: true }).and(page.locator('[data-focused]'));
  for (let presses = 0; presses < 30 && (await wanted.count()) === 0; presses += 1)
    await page.keyboard.press('ArrowDown');
  await wanted.waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

/** As ASF's head, on a page of their own: a draft with a state grant whose amount is then raised. Returns the line's id. */
async function changeFunding(): Promise<string> {
  const head = await openPage(page.context().browser()!, baseUrl);
  try {
    await signIn(head.page, baseUrl, HEAD_OF_ASF);
    const goals = await callApi<{ items: { id: string }[] }>(head.page, 'GET', '/goals?level=priority_area&limit=1');
    const created = await callApi<{ id: string }>(head.page, 'POST', '/initiatives', {
      body: {
        code: CODE,
        title: 'Feriearbete med handledare',
        kind: 'project',
        goalIds: [goals.body.items[0]!.id],
        startDate: '2026-01-01',
        annualCostSek: 900_000,
      },
    });
    expect(created.status).toBe(201);
    const line = await callApi<{ id: string }>(head.page, 'POST', `/initiatives/${created.body.id}/funding`, {
      body: {
        sourceType: 'state_grant',
        funder: 'Länsstyrelsen Västra Götaland',
        amountSek: AMOUNT_BEFORE,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        status: 'granted',
      },
    });
    expect(line.status).toBe(201);
    const raised = await callApi(head.page, 'PATCH', `/funding/${line.body.id}`, {
      headers: { 'If-Match': line.etag! },
      body: { amountSek: AMOUNT_AFTER },
    });
    expect(raised.status).toBe(200);
    expect(head.problems).toEqual([]);
    return line.body.id;
  } finally {
    await head.context.close();
  }
}

function fundingEvent() {
  return page.getByRole('article').filter({
    has: page.getByRole('heading', {
      name: t.event.heading(formatDateTime(changedAt), 'Ändrade en finansieringsrad'),
    }),
  });
}

describe('Granskning', () => {
  it('should let an auditor find by keyboard who changed an initiative’s funding and when, before and after, and offer no write', async () => {
    const lineId = await changeFunding();
    await signIn(page, baseUrl, { ...AUDITOR, path: '/insatser' });
    const trail = await callApi<{ items: { occurredAt: string; action: string }[] }>(
      page,
      'GET',
      `/audit-events?entityType=funding_line&entityId=${lineId}&action=update`,
    );
    changedAt = trail.body.items[0]!.occurredAt;

    // The header offers Granskning to whoever /me lets read the trail; Enter follows it and focus lands on the h1.
    const navLink = page
      .getByRole('navigation', { name: messages.layout.primaryNavigation })
      .getByRole('link', { name: messages.nav.auditTrail });
    await navLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: t.title });
    expect(await page.title()).toBe(messages.app.documentTitle(t.title));
    await page.getByRole('heading', { level: 2, name: t.listHeading }).waitFor();
    await expectNoViolations();

    // The search by keyboard alone: the initiative's code, the kind of record, the kind of event, then "Sök".
    await tabToField('initiative');
    await page.keyboard.type(CODE.toLowerCase());
    await tabToField('entityType');
    await choose(t.entityType.funding_line!);
    await tabToField('action');
    await choose(t.action.update);
    await tabTo(t.filters.search);
    expect((await focused(page)).outline).not.toBe('none');
    await page.keyboard.press('Enter');

    await page.waitForURL(
      (url) =>
        url.searchParams.get('initiative') === CODE &&
        url.searchParams.get('entityType') === 'funding_line' &&
        url.searchParams.get('action') === 'update',
    );
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: t.listHeading });
    await page
      .getByRole('status')
      .filter({ hasText: t.count(1, 1, 1) })
      .waitFor();
    const event = fundingEvent();
    await event.getByText(HEAD_OF_ASF.name, { exact: true }).waitFor();
    const amountRow = event.getByRole('table', { name: t.event.changesCaption }).getByRole('row', { name: /^Belopp/ });
    expect(nbsp(await amountRow.innerText()).split('\t')).toEqual([
      'Belopp',
      nbsp(formatMoney(AMOUNT_BEFORE)),
      nbsp(formatMoney(AMOUNT_AFTER)),
    ]);
    expect(await writesOffered()).toEqual([]);
    await expectNoViolations();
    await screenshot(page, 'granskning', { docs: true });

    // The same person's other changes: the search narrowed to them, said in words with a way to undo it.
    await event.getByRole('link', { name: t.event.byActor(HEAD_OF_ASF.name) }).click();
    await page.waitForURL((url) => url.searchParams.has('actor') && !url.searchParams.has('initiative'));
    await page.getByText(t.filters.actor(HEAD_OF_ASF.name)).waitFor();
    await page.getByRole('link', { name: t.filters.removeActor }).waitFor();
    await expectNoViolations();

    expect(writes).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it('should export what the search finds as a CSV file, one row per changed field, in the words the page shows', async () => {
    await signIn(page, baseUrl, { ...AUDITOR, path: `/granskning?initiative=${CODE}` });
    await page
      .getByRole('status')
      .filter({ hasText: t.count(1, 3, 3) })
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t.export.button }).click(),
    ]);
    const csv = nbsp(readFileSync(await download.path(), 'utf8'));
    expect(download.suggestedFilename()).toMatch(/^granskning-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith('\uFEFFHändelse;Tidpunkt;Vem;Vad;')).toBe(true);
    expect(csv).toContain(
      `;${nbsp(formatDateTime(changedAt))};${HEAD_OF_ASF.name};Ändrade en finansieringsrad;funding_line;`,
    );
    expect(csv).toContain(`;Belopp;${nbsp(formatMoney(AMOUNT_BEFORE))};${nbsp(formatMoney(AMOUNT_AFTER))}\r\n`);
    await page
      .getByRole('status')
      .filter({ hasText: t.export.done(3, download.suggestedFilename()) })
      .waitFor();
    await expectNoViolations();

    expect(writes).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('should show the initiative’s whole history, decisions and reports read only', async () => {
    await signIn(page, baseUrl, {
      ...AUDITOR,
      path: `/granskning?initiative=${CODE}&entityType=funding_line&action=update`,
    });
    await fundingEvent().getByRole('link', { name: t.event.initiativeHistory }).click();

    await page.getByRole('heading', { level: 1, name: t.history.title(CODE) }).waitFor();
    await page.getByRole('heading', { level: 2, name: t.history.decisions }).waitFor();
    await page.getByText(t.history.noDecisions).waitFor();
    await page.getByText(t.history.noReports).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: t.count(1, 3, 3) })
      .waitFor();
    // Newest first: the raised amount, the line registered, the initiative registered.
    const headings = await page.getByRole('article').getByRole('heading').allInnerTexts();
    expect(headings.map((heading) => heading.split(': ')[1])).toEqual([
      'Ändrade en finansieringsrad',
      'Skapade en finansieringsrad',
      'Skapade insatsen',
    ]);
    expect(await writesOffered()).toEqual([]);
    await expectNoViolations();
    await screenshot(page, 'granskning-insats');

    expect(writes).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('should say on its fields, in Swedish, a search the API refuses and an unknown code, and search nothing', async () => {
    await signIn(page, baseUrl, { ...AUDITOR, path: '/granskning' });
    await page.getByRole('heading', { level: 2, name: t.listHeading }).waitFor();

    const dates = async (field: string, date: string) => {
      await page.locator(`#falt-${field}`).getByRole('spinbutton').first().click();
      await page.keyboard.type(date.replaceAll('-', ''));
    };
    await dates('from', '2026-03-02');
    await dates('to', '2026-03-01');
    await page.getByRole('button', { name: t.filters.search }).click();

    const summary = page.getByRole('alert').filter({ hasText: t.filters.summaryTitle });
    await summary.getByRole('link', { name: `${t.filters.to}: ${t.filters.toBeforeFrom}` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(new URL(page.url()).search).toBe('');
    await expectNoViolations();

    await page.getByRole('textbox', { name: t.filters.initiative }).fill('FINNS-INTE-1');
    await page.locator('#falt-to').getByRole('spinbutton').first().click();
    await page.keyboard.type('20260331');
    await page.getByRole('button', { name: t.filters.search }).click();
    await summary
      .getByRole('link', { name: `${t.filters.initiative}: ${t.filters.noSuchInitiative('FINNS-INTE-1')}` })
      .waitFor();
    expect(new URL(page.url()).search).toBe('');
    await expectNoViolations();

    // The refusals this test provoked, and the console lines Chromium logs for them.
    const expected = [
      /^400 for .*\/audit-events\?/,
      /^404 for .*\/initiatives\/FINNS-INTE-1$/,
      /^console error: Failed to load resource: the server responded with a status of (400|404)/,
    ];
    expect(problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)))).toEqual([]);
    expect(writes).toEqual([]);
  }, 60_000);
});
