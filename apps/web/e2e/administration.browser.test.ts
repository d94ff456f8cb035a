import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fieldId } from '../src/components/forms/field-id';
import { administrationMessages } from '../src/features/administration/messages';
import { formatDate } from '../src/lib/format';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { focused, screenshot, wcagViolations } from './support/browser';
import { navigationLink, primaryNavigation } from './support/navigation';
import { signIn } from './support/sign-in';
import { useBrowser } from './support/use-browser';

// Administration as an administrator: the overview, an API key created (its secret shown once) and revoked, a scan run
// as of a later day and found in the history, a unit added after a refused code and then changed, a person placed in a
// department, a webhook receiver with a delivery sent again and then removed, a district, goals added under a priority
// area and changed after someone else's change, a budget dimension with its codes, and the queue dashboard in a tab of
// its own. Everything made here is the test's own (names and codes unique to the run); the API deletes no key, unit,
// mapping, district or goal, so those stay, revoked or unused; the budget dimension is removed again. The browser tests
// run no worker: a run asked for stays queued. A department head gets none of it.
const baseUrl = inject('baseUrl');
const DOCS_SCREENSHOTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../docs/screenshots');
const t = administrationMessages;
const ADMIN = { role: 'admin' as const, name: 'Administratör' };
const STAMP = Date.now().toString(36).toUpperCase();
const KEY_NAME = `Budgetsystemet test ${STAMP}`;
const UNIT_CODE = `E2E-${STAMP}`;
const UNIT_NAME = `Testenheten ${STAMP}`;
// A person of the test's own, by a made-up id and a role rather than a name.
const PERSON_SUBJECT = `e2e-person-${STAMP.toLowerCase()}`;
const PERSON_NAME = `Samordnare test ${STAMP}`;
// TEST-NET-3 (RFC 5737): a public address that needs no DNS and that nothing answers; nothing is sent to it, as no worker runs.
const WEBHOOK_URL = `https://203.0.113.10/samla-${STAMP.toLowerCase()}`;
// A day next year: a preview of what will be flagged then.
const PREVIEW_DAY = `${new Date().getUTCFullYear() + 1}-06-30`;
const GOAL_CODE = `E2E-MAL-${STAMP}`;
const GOAL_TITLE = `Fler unga i Sylte deltar i fritidsaktiviteter ${STAMP}`;
const DIMENSION = `e2e_${STAMP.toLowerCase()}`;
const DIMENSION_LABEL = `Testdimension ${STAMP}`;
const KEYBOARD_TEST = 90_000;

let page: Page;
let problems: string[];

useBrowser({ opened: (session) => ({ page, problems } = session) });

async function expectNoViolations() {
  expect((await wcagViolations(page)).violations).toEqual([]);
}

async function docsScreenshot(name: string) {
  await screenshot(page, name);
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Presses Tab until `target` (or something inside it) has focus; bounded. */
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

const field = (name: string) => page.locator(`#${fieldId(name)}`);
/** Selects what the focused field holds and types `text` over it. */
async function retype(text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
/** Today in Stockholm, as the API and the app count days. */
const todayInSweden = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Stockholm' });
/** What a field's control is described by (its help and its error), as a screen reader reads it out. */
const descriptionOf = (name: string) =>
  field(name).evaluate((control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
const main = () => page.getByRole('main');
const announced = (text: string) => page.getByRole('status').filter({ hasText: text });
/** The failed responses a test expects, each with the console's line about it. */
const unexpected = (expected: RegExp[]) =>
  problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));

/**
 * After a save refused for a taken code: the error summary has focus and links only the code field, which says why in
 * Swedish and is marked invalid; Enter on the link puts focus in the field to type another.
 */
async function expectCodeTakenAndFixIt() {
  const summary = page.getByRole('alert').filter({ hasText: messages.forms.errorSummaryTitle });
  await summary.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
  expect(await summary.getByRole('link').evaluateAll((all) => all.map((link) => link.getAttribute('href')))).toEqual([
    `#${fieldId('code')}`,
  ]);
  expect(await descriptionOf('code')).toContain(t.problems.codeTaken);
  expect(await field('code').getAttribute('aria-invalid')).toBe('true');
  await expectNoViolations();
  await summary.getByRole('link').press('Enter');
  await expect.poll(() => focused(page)).toMatchObject({ id: fieldId('code') });
}

/** Picks `option` in a react-aria select by keyboard: focus it, open it, arrow to the option, Enter. */
async function chooseByKeyboard(name: string, option: string) {
  await tabTo(field(name));
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  for (let presses = 0; presses < 60; presses += 1) {
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')) === option) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => field(name).innerText()).toContain(option);
}

describe('Administration', () => {
  it(
    'should lead an administrator from the header to every administration screen by keyboard',
    async () => {
      await signIn(page, baseUrl, ADMIN);
      // Signed in, focus is on the first page's heading: back from it to the header's Administration group, opened by
      // keyboard, then on to its link.
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: messages.nav.initiatives });
      const nav = primaryNavigation(page);
      await tabTo(nav.getByRole('button', { name: messages.nav.groups.administration, exact: true }), {
        backwards: true,
      });
      await page.keyboard.press('Enter');
      await tabTo(nav.getByRole('link', { name: messages.nav.administration, exact: true }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: t.title });
      expect(await page.title()).toBe(messages.app.documentTitle(t.title));

      const links = main().getByRole('list').getByRole('link');
      expect(await links.evaluateAll((all) => all.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
        [t.screens.departments.title, '/admin/forvaltningar'],
        [t.screens.codeLists.title, '/admin/malgrupper'],
        [t.screens.goals.title, '/admin/mal'],
        [t.screens.import.title, '/admin/import'],
        [t.screens.users.title, '/admin/anvandare'],
        [t.screens.apiKeys.title, '/admin/nycklar'],
        [t.screens.budget.title, '/admin/budget'],
        [t.screens.webhooks.title, '/admin/webhooks'],
        [t.screens.jobs.title, '/admin/jobb'],
      ]);
      await expectNoViolations();
      await docsScreenshot('administration');

      await tabTo(main().getByRole('link', { name: t.screens.jobs.title }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: t.jobs.title });
      await tabTo(main().getByRole('link', { name: t.backToOverview }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: t.title });
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should create an API key by keyboard, show its secret once with a copy button, refuse its name twice, and revoke it',
    async () => {
      const a = t.apiKeys;
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/nycklar' });
      await page.getByRole('heading', { level: 2, name: a.listHeading }).waitFor();
      await expectNoViolations();

      await tabTo(field('name'));
      await page.keyboard.type(KEY_NAME);
      await tabTo(page.getByRole('checkbox', { name: a.scopeLabel['portfolio:read'] }));
      await page.keyboard.press('Space');
      await tabTo(page.getByRole('button', { name: a.create }));
      await page.keyboard.press('Enter');

      const shown = page.getByRole('region', { name: a.createdHeading });
      await shown.waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: a.createdHeading });
      const secret = await shown.locator('code').innerText();
      expect(secret).toMatch(/^samla_[0-9a-f]+_\S+$/);
      await page
        .getByRole('table', { name: a.caption })
        .getByRole('row', { name: new RegExp(KEY_NAME) })
        .waitFor();
      await expectNoViolations();
      await docsScreenshot('api-nycklar');

      await tabTo(shown.getByRole('button', { name: a.copy }));
      await page.keyboard.press('Enter');
      await announced(a.copied).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      // The key works: a machine client reads the portfolio with it.
      expect(
        (
          await page.request.get(`${baseUrl}/api/v1/initiatives?limit=1`, { headers: { 'x-api-key': secret } })
        ).status(),
      ).toBe(200);

      // The same name again: the API's refusal on the field, in Swedish, behind the announced summary.
      await field('name').fill(KEY_NAME);
      await page.getByRole('checkbox', { name: a.scopeLabel['budget:read'] }).press('Space');
      await page.getByRole('button', { name: a.create }).click();
      const summary = page.getByRole('alert').filter({ hasText: messages.forms.errorSummaryTitle });
      await summary.waitFor();
      expect(
        await summary.getByRole('link').evaluateAll((all) => all.map((link) => link.getAttribute('href'))),
      ).toEqual([`#${fieldId('name')}`]);
      expect(await descriptionOf('name')).toContain(t.problems.nameTaken);
      expect(await field('name').getAttribute('aria-invalid')).toBe('true');
      await expectNoViolations();

      // Gone once the page is left: Samla keeps only a hash.
      await page.reload();
      const row = page.getByRole('table', { name: a.caption }).getByRole('row', { name: new RegExp(KEY_NAME) });
      await row.waitFor();
      expect(await page.getByRole('region', { name: a.createdHeading }).count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      expect(await row.innerText()).toContain(a.active);

      await tabTo(row.getByRole('button', { name: a.revokeLabel(KEY_NAME) }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', { name: a.revokeTitle });
      await dialog.getByText(a.revokeBody(KEY_NAME)).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: a.cancel });
      await expectNoViolations();
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: a.revokeConfirm });
      await page.keyboard.press('Enter');

      await announced(a.revoked(KEY_NAME)).waitFor();
      await expect.poll(() => row.innerText()).toContain(a.revokedOn(formatDate(todayInSweden())));
      expect(await row.getByRole('button').count()).toBe(0);
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: a.listHeading });
      expect(
        (
          await page.request.get(`${baseUrl}/api/v1/initiatives?limit=1`, { headers: { 'x-api-key': secret } })
        ).status(),
      ).toBe(401);
      await expectNoViolations();
      expect(
        unexpected([
          /^409 for .*\/api-keys$/,
          /^console error: Failed to load resource: the server responded with a status of 409/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should run a scan as of a later day, show it queued and find it in the history, a page at a time',
    async () => {
      const j = t.jobs;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/jobb' });
      await page.getByRole('heading', { level: 2, name: j.historyHeading }).waitFor();
      await expectNoViolations();

      await tabTo(page.getByRole('group', { name: j.asOf }).getByRole('spinbutton').first());
      await page.keyboard.type(PREVIEW_DAY.replaceAll('-', ''));
      await tabTo(page.getByRole('button', { name: j.run }));
      await page.keyboard.press('Enter');

      const label = j.jobName['scan-portfolio'];
      await announced(j.queued(label, formatDate(PREVIEW_DAY))).waitFor();
      await page
        .getByRole('region', { name: j.resultHeading })
        .getByText(j.runSummary(label, formatDate(PREVIEW_DAY), j.status.queued))
        .waitFor();
      const history = page.getByRole('table', { name: j.caption });
      const first = history.getByRole('row').nth(1);
      await expect.poll(() => first.innerText()).toContain(formatDate(PREVIEW_DAY));
      expect(await first.getByRole('rowheader').innerText()).toBe(label);
      expect(await first.innerText()).toContain(j.status.queued);
      expect(await first.getByRole('cell').last().innerText()).toBe(j.you);
      await expectNoViolations();
      await docsScreenshot('jobb');

      // Ten more runs (queued, never run): the history has a second page.
      for (let run = 0; run < 10; run += 1) {
        expect(
          (await callApi(page, 'POST', '/jobs/funder_report_due/runs', { body: { asOf: PREVIEW_DAY } })).status,
        ).toBe(202);
      }
      await page.reload();
      const pages = page.getByRole('navigation', { name: j.pagination });
      await pages.getByText(/^Visar 1–10 av \d+$/).waitFor();
      await tabTo(pages.getByRole('button', { name: t.paging.next }));
      await page.keyboard.press('Enter');
      await pages.getByText(/^Visar 11–\d+ av \d+$/).waitFor();
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: j.historyHeading });
      await expect.poll(() => history.getByRole('row').nth(1).getByRole('rowheader').innerText()).toBe(label);
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should add a unit after its taken code is refused on the field, then change it',
    async () => {
      const d = t.departments;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/forvaltningar' });
      const table = page.getByRole('table', { name: d.caption });
      await table.getByRole('row', { name: /Hållbarhetsavdelningen/ }).waitFor();
      expect(await table.getByRole('row', { name: /Hållbarhetsavdelningen/ }).innerText()).toContain(
        'Kommunstyrelsens förvaltning',
      );
      await expectNoViolations();

      await tabTo(page.getByRole('button', { name: d.add }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: d.addHeading });
      await tabTo(field('code'));
      await page.keyboard.type('ASF');
      await page.keyboard.press('Tab');
      await page.keyboard.type(UNIT_NAME);
      await chooseByKeyboard('kind', d.kind.administration);
      await chooseByKeyboard('parentId', 'Kommunstyrelsens förvaltning (KSF)');
      await tabTo(page.getByRole('button', { name: d.save }));
      await page.keyboard.press('Enter');

      await expectCodeTakenAndFixIt();
      await retype(UNIT_CODE);
      await tabTo(page.getByRole('button', { name: d.save }));
      await page.keyboard.press('Enter');

      await announced(d.added(UNIT_NAME)).waitFor();
      const row = table.getByRole('row', { name: new RegExp(UNIT_NAME) });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        UNIT_CODE,
        d.kind.administration,
        'Kommunstyrelsens förvaltning',
        d.none,
        d.edit,
      ]);
      await expectNoViolations();

      await tabTo(row.getByRole('button', { name: d.editLabel(UNIT_NAME) }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: d.editHeading(UNIT_NAME) });
      await chooseByKeyboard('kind', d.kind.external);
      await tabTo(page.getByRole('button', { name: d.save }));
      await page.keyboard.press('Enter');
      await announced(d.saved(UNIT_NAME)).waitFor();
      await expect.poll(() => row.getByRole('cell').nth(1).innerText()).toBe(d.kind.external);
      await expectNoViolations();
      expect(
        unexpected([
          /^409 for .*\/departments$/,
          /^console error: Failed to load resource: the server responded with a status of 409/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should place a person in a department and move them to another',
    async () => {
      const u = t.users;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/anvandare' });
      await page.getByRole('heading', { level: 2, name: u.listHeading }).waitFor();
      await expectNoViolations();

      await tabTo(page.getByRole('button', { name: u.add }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: u.addHeading });
      await tabTo(field('subject'));
      await page.keyboard.type(PERSON_SUBJECT);
      await chooseByKeyboard('departmentId', 'Arbetsmarknads- och socialförvaltningen (ASF)');
      await tabTo(field('name'));
      await page.keyboard.type(PERSON_NAME);
      await tabTo(page.getByRole('button', { name: u.save }));
      await page.keyboard.press('Enter');

      await announced(u.saved(PERSON_NAME, 'Arbetsmarknads- och socialförvaltningen')).waitFor();
      const row = page.getByRole('table', { name: u.caption }).getByRole('row', { name: new RegExp(PERSON_NAME) });
      expect(await row.getByRole('cell').allInnerTexts()).toEqual([
        u.none,
        PERSON_SUBJECT,
        'Arbetsmarknads- och socialförvaltningen',
        expect.any(String),
        u.edit,
      ]);
      await expectNoViolations();

      await tabTo(row.getByRole('button', { name: u.editLabel(PERSON_NAME) }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: u.editHeading(PERSON_NAME) });
      expect(await field('subject').isDisabled()).toBe(true);
      await chooseByKeyboard('departmentId', 'Kultur- och fritidsförvaltningen (KFF)');
      await tabTo(page.getByRole('button', { name: u.save }));
      await page.keyboard.press('Enter');
      await announced(u.saved(PERSON_NAME, 'Kultur- och fritidsförvaltningen')).waitFor();
      await expect.poll(() => row.getByRole('cell').nth(2).innerText()).toBe('Kultur- och fritidsförvaltningen');
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should subscribe a receiver after a private address is refused, show a failed delivery, send it again, pause and remove it',
    async () => {
      const w = t.webhooks;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/webhooks' });
      await page.getByRole('heading', { level: 2, name: w.listHeading }).waitFor();
      await tabTo(page.getByRole('button', { name: w.add }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: w.addHeading });
      await tabTo(field('url'));
      await page.keyboard.type('http://127.0.0.1:9/samla');
      await tabTo(page.getByRole('checkbox', { name: w.eventType['funding.changed'] }));
      await page.keyboard.press('Space');
      await tabTo(field('secret'));
      await page.keyboard.type(`e2e-hemlighet-${STAMP}-0123456789`);
      await tabTo(page.getByRole('button', { name: w.save }));
      await page.keyboard.press('Enter');

      const summary = page.getByRole('alert').filter({ hasText: messages.forms.errorSummaryTitle });
      await summary.waitFor();
      expect(await descriptionOf('url')).toContain(t.problems.privateTarget);
      expect(await field('url').getAttribute('aria-invalid')).toBe('true');
      await expectNoViolations();
      await field('url').fill(WEBHOOK_URL);
      await page.getByRole('button', { name: w.save }).press('Enter');
      await announced(w.added(WEBHOOK_URL)).waitFor();
      const card = page.getByRole('article', { name: WEBHOOK_URL });
      await card.getByText(w.eventType['funding.changed']).waitFor();
      await expectNoViolations();

      // A delivery the worker would have made and the receiver refused: written where the worker writes it.
      const subscriptions = await callApi<{ id: string; url: string }[]>(page, 'GET', '/webhook-subscriptions');
      const subscriptionId = subscriptions.body.find((s) => s.url === WEBHOOK_URL)!.id;
      const db = new pg.Client({ connectionString: inject('databaseUrl') });
      await db.connect();
      try {
        const [event] = (
          await db.query(
            `INSERT INTO webhook_events (type, payload, fanned_out_at) VALUES ('funding.changed', '{}', now()) RETURNING id`,
          )
        ).rows as { id: string }[];
        const [delivery] = (
          await db.query(
            `INSERT INTO webhook_deliveries (subscription_id, event_id, status, attempts) VALUES ($1, $2, 'failed', 1) RETURNING id`,
            [subscriptionId, event!.id],
          )
        ).rows as { id: string }[];
        await db.query(
          `INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, status_code, duration_ms) VALUES ($1, now(), 500, 84)`,
          [delivery!.id],
        );

        await tabTo(card.getByRole('button', { name: w.showDeliveries }));
        await page.keyboard.press('Enter');
        const row = card
          .getByRole('table', { name: w.deliveriesCaption(WEBHOOK_URL) })
          .getByRole('row', { name: new RegExp(w.eventType['funding.changed']) });
        await row.waitFor();
        expect(await row.innerText()).toContain(`${w.deliveryStatus.failed} (${w.attempts(1)})`);
        expect(await row.innerText()).toContain(w.answered(500));
        expect(await card.getByRole('button', { name: w.hideDeliveries }).getAttribute('aria-expanded')).toBe('true');
        await expectNoViolations();

        await tabTo(row.getByRole('button', { name: new RegExp(`^${w.redeliver}`) }));
        await page.keyboard.press('Enter');
        await announced(w.redelivered(w.eventType['funding.changed'])).waitFor();
        await expect.poll(() => row.innerText()).toContain(w.deliveryStatus.pending);
        expect(await row.getByRole('button').count()).toBe(0);

        await tabTo(card.getByRole('button', { name: w.pauseLabel(WEBHOOK_URL) }));
        await page.keyboard.press('Enter');
        await announced(w.paused(WEBHOOK_URL)).waitFor();
        await card.getByText(w.status.paused, { exact: true }).waitFor();
        await expectNoViolations();

        await tabTo(card.getByRole('button', { name: w.removeLabel(WEBHOOK_URL) }));
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('alertdialog', { name: w.removeTitle });
        await dialog.getByText(w.removeBody(WEBHOOK_URL)).waitFor();
        await expectNoViolations();
        await dialog.getByRole('button', { name: w.removeConfirm }).click();
        await announced(w.removed(WEBHOOK_URL)).waitFor();
        expect(await card.count()).toBe(0);
        await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: w.listHeading });
        await db.query(`DELETE FROM webhook_events WHERE id = $1`, [event!.id]);
      } finally {
        await db.end();
      }
      expect(
        unexpected([
          /^422 for .*\/webhook-subscriptions$/,
          /^console error: Failed to load resource: the server responded with a status of 422/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should add a district after its taken code is refused on the field',
    async () => {
      const c = t.codeLists;
      const name = `Testområdet ${STAMP}`;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/malgrupper' });
      const districts = page.getByRole('table', { name: c.caption.district });
      await districts.getByRole('row', { name: /Kronogården/ }).waitFor();
      await expectNoViolations();

      await tabTo(page.getByRole('radio', { name: c.whichOption.targetGroup }));
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: c.whichOption.district }).isChecked()).toBe(true);
      await tabTo(field('code'));
      await page.keyboard.type('KRONOGARDEN');
      await page.keyboard.press('Tab');
      await page.keyboard.type(name);
      await tabTo(page.getByRole('button', { name: c.add }));
      await page.keyboard.press('Enter');

      await page.getByRole('alert').filter({ hasText: messages.forms.errorSummaryTitle }).waitFor();
      expect(await descriptionOf('code')).toContain(t.problems.codeTaken);
      await expectNoViolations();
      await field('code').fill(`E2E-${STAMP}`);
      await page.getByRole('button', { name: c.add }).press('Enter');
      await announced(c.added(name, c.list.district)).waitFor();
      expect(
        await districts
          .getByRole('row', { name: new RegExp(name) })
          .getByRole('cell')
          .allInnerTexts(),
      ).toEqual([`E2E-${STAMP}`]);
      await expectNoViolations();
      expect(
        unexpected([
          /^409 for .*\/districts$/,
          /^console error: Failed to load resource: the server responded with a status of 409/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should add a goal under a priority area by keyboard after its taken code is refused on the field',
    async () => {
      const g = t.goals;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/mal' });
      const addUnder = page.getByRole('button', { name: g.addUnderLabel('FP-5'), exact: true });
      await addUnder.waitFor();
      await expectNoViolations();

      await tabTo(addUnder);
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h3', text: g.addHeading('FP-5') });
      expect(await field('level').innerText()).toContain(messages.vocabulary.goalLevel.sub_goal);
      expect(await field('framework').inputValue()).toBe('Färdplan för social hållbarhet');
      await tabTo(field('code'));
      await page.keyboard.type('FP-1');
      await page.keyboard.press('Tab');
      await page.keyboard.type(GOAL_TITLE);
      await tabTo(page.getByRole('button', { name: g.save }));
      await page.keyboard.press('Enter');

      await expectCodeTakenAndFixIt();
      await retype(GOAL_CODE);
      await tabTo(page.getByRole('button', { name: g.save }));
      await page.keyboard.press('Enter');

      await announced(g.added(GOAL_CODE)).waitFor();
      // Under FP-5 in the tree (the innermost item holding FP-5's own button is FP-5's), and so in the API.
      const area = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: g.editLabel('FP-5'), exact: true }) })
        .last();
      await area.getByRole('button', { name: g.editLabel(GOAL_CODE), exact: true }).waitFor();
      expect(await area.innerText()).toContain(GOAL_TITLE);
      const [saved] = (
        await callApi<{ items: { level: string; parentId: string }[] }>(page, 'GET', `/goals?code=${GOAL_CODE}`)
      ).body.items;
      const [fp5] = (await callApi<{ items: { id: string }[] }>(page, 'GET', '/goals?code=FP-5')).body.items;
      expect(saved).toMatchObject({ level: 'sub_goal', parentId: fp5!.id });
      await expectNoViolations();
      await docsScreenshot('maltradet');
      expect(
        unexpected([
          /^409 for .*\/goals$/,
          /^console error: Failed to load resource: the server responded with a status of 409/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should say that someone else changed a goal first, fetch the latest, and save on top of it',
    async () => {
      const g = t.goals;
      const code = `${GOAL_CODE}-B`;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/mal' });
      const [fp5] = (await callApi<{ items: { id: string }[] }>(page, 'GET', '/goals?code=FP-5')).body.items;
      const created = await callApi<{ id: string }>(page, 'POST', '/goals', {
        body: {
          code,
          title: 'Fler föreningar i Sylte',
          level: 'sub_goal',
          framework: 'Färdplan för social hållbarhet',
          parentId: fp5!.id,
        },
      });
      expect(created.status).toBe(201);
      await page.reload();
      const edit = page.getByRole('button', { name: g.editLabel(code), exact: true });
      await edit.waitFor();
      await tabTo(edit);
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h3', text: g.editHeading(code) });

      // Someone else saves a change after the form has read the goal.
      const read = await callApi(page, 'GET', `/goals/${created.body.id}`);
      const theirs = await callApi(page, 'PATCH', `/goals/${created.body.id}`, {
        body: { title: 'Fler föreningar i Sylte och Lextorp' },
        headers: { 'if-match': read.etag! },
      });
      expect(theirs.status).toBe(200);

      await tabTo(field('title'));
      await retype('Fler och starkare föreningar i Sylte');
      await tabTo(page.getByRole('button', { name: g.save }));
      await page.keyboard.press('Enter');
      const notice = page.getByRole('alert', { name: g.staleTitle });
      await notice.getByText(g.staleBody).waitFor();
      await expect.poll(() => notice.evaluate((element) => element === document.activeElement)).toBe(true);
      await expectNoViolations();

      await tabTo(notice.getByRole('button', { name: t.stale.reload }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'p', text: t.stale.reloaded });
      expect(await field('title').inputValue()).toBe('Fler föreningar i Sylte och Lextorp');
      expect(await notice.count()).toBe(0);
      await expectNoViolations();

      await tabTo(field('title'));
      await retype('Fler och starkare föreningar i Sylte och Lextorp');
      await tabTo(page.getByRole('button', { name: g.save }));
      await page.keyboard.press('Enter');
      await announced(g.saved(code)).waitFor();
      const now = await callApi<{ title: string; version: number }>(page, 'GET', `/goals/${created.body.id}`);
      expect(now.body).toMatchObject({ title: 'Fler och starkare föreningar i Sylte och Lextorp', version: 3 });
      await expectNoViolations();
      expect(
        unexpected([
          /^412 for .*\/goals\/[\w-]+$/,
          /^console error: Failed to load resource: the server responded with a status of 412/,
        ]),
      ).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should add a budget dimension and a code by keyboard, keep the code someone else added meanwhile, deactivate it, and remove the dimension',
    async () => {
      const b = t.budget;
      const k = t.budgetCodes;
      const theirs = { code: `P-${STAMP}`, label: 'Sommarjobb för unga', validFrom: null, validTo: null };
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin/budget' });
      await tabTo(page.getByRole('button', { name: b.add }));
      await expectNoViolations();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: b.addHeading });
      await tabTo(field('code'));
      await page.keyboard.type(DIMENSION);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DIMENSION_LABEL);
      await tabTo(field('validatesCodes'));
      await page.keyboard.press('Space');
      await tabTo(page.getByRole('button', { name: b.save }));
      await page.keyboard.press('Enter');

      await announced(b.added(DIMENSION_LABEL)).waitFor();
      const row = page.getByRole('table', { name: b.caption }).getByRole('row', { name: new RegExp(DIMENSION_LABEL) });
      expect((await row.getByRole('cell').allInnerTexts()).slice(1, 4)).toEqual([DIMENSION, b.yes, b.yes]);
      await expectNoViolations();

      await tabTo(row.getByRole('link', { name: b.codesLabel(DIMENSION_LABEL) }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: k.title(DIMENSION) });
      await page.getByText(k.empty).waitFor();
      await expectNoViolations();

      // Someone else (the budget system, say) puts a code while the page shows an empty list.
      expect(
        (
          await callApi(page, 'PUT', `/integrations/budget/dimensions/${DIMENSION}/codes`, {
            body: { codes: [theirs] },
          })
        ).status,
      ).toBe(200);
      await tabTo(page.getByRole('button', { name: k.add }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h2', text: k.addHeading });
      await tabTo(field('code'));
      await page.keyboard.type('E2E-1');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Lovskola');
      await tabTo(page.getByRole('button', { name: k.save }));
      await page.keyboard.press('Enter');

      await announced(k.added('E2E-1')).waitFor();
      const table = page.getByRole('table', { name: k.caption(DIMENSION_LABEL) });
      await expect.poll(() => table.getByRole('rowheader').allInnerTexts()).toEqual(['Lovskola', theirs.label]);
      const stored = await callApi<{ codes: { code: string }[] }>(
        page,
        'GET',
        `/integrations/budget/dimensions/${DIMENSION}/codes`,
      );
      expect(stored.body.codes.map((code) => code.code)).toEqual(['E2E-1', theirs.code]);
      await expectNoViolations();
      await docsScreenshot('budgetkoder');

      const theirRow = table.getByRole('row', { name: new RegExp(theirs.label) });
      expect(await theirRow.innerText()).toContain(k.status.active);
      await tabTo(theirRow.getByRole('button', { name: k.deactivateLabel(theirs.code) }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('alertdialog', { name: k.deactivateTitle });
      await dialog.getByText(k.deactivateBody(theirs.code)).waitFor();
      await expectNoViolations();
      await page.keyboard.press('Shift+Tab');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'button', text: k.deactivateConfirm });
      await page.keyboard.press('Enter');
      await announced(k.deactivated(theirs.code)).waitFor();
      await expect.poll(() => theirRow.innerText()).toContain(k.status.ended);
      expect(await theirRow.getByRole('button', { name: k.deactivateLabel(theirs.code) }).count()).toBe(0);
      await expectNoViolations();

      await tabTo(main().getByRole('link', { name: k.back }));
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: b.title });
      await tabTo(row.getByRole('button', { name: b.removeLabel(DIMENSION_LABEL) }));
      await page.keyboard.press('Enter');
      await page.getByRole('alertdialog', { name: b.removeTitle }).getByText(b.removeBody(DIMENSION_LABEL)).waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await announced(b.removed(DIMENSION_LABEL)).waitFor();
      expect(await row.count()).toBe(0);
      const left = await callApi<{ dimensions: { code: string }[] }>(page, 'GET', '/integrations/budget/dimensions');
      expect(left.body.dimensions.map((dimension) => dimension.code)).not.toContain(DIMENSION);
      await expectNoViolations();
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should open the queue dashboard in a new tab from the Jobbköerna button',
    async () => {
      const q = t.queueDashboard;
      await signIn(page, baseUrl, { ...ADMIN, path: '/admin' });
      const button = main().getByRole('button', { name: `${q.open} ${q.newTab}` });
      await tabTo(button);
      await expectNoViolations();

      const [dashboard] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
      const failed: string[] = [];
      dashboard.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} for ${response.url()}`);
      });
      await dashboard.waitForURL((url) => url.pathname === '/api/v1/queues/', { timeout: 30_000 });
      // bull-board's own page, listing Samla's queues from its API with the session's cookie.
      await dashboard.getByText('portfolio-scans', { exact: true }).first().waitFor({ timeout: 30_000 });
      expect(failed).toEqual([]);
      await expect.poll(() => button.innerText()).toContain(q.open);
      expect(await page.getByRole('alert').filter({ hasText: q.failed }).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );

  it(
    'should offer a department head no administration: the pages say why and the API refuses',
    async () => {
      await signIn(page, baseUrl, {
        role: 'department_head',
        departmentCode: 'ASF',
        name: 'Förvaltningschef ASF',
        path: '/admin',
      });
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();
      await page.getByText(t.mayNot).waitFor();
      await navigationLink(page, messages.nav.initiatives).waitFor({ state: 'attached' });
      expect(await navigationLink(page, messages.nav.administration).count()).toBe(0);
      expect(
        await primaryNavigation(page).getByRole('button', { name: messages.nav.groups.administration }).count(),
      ).toBe(0);
      expect(await main().getByRole('link').count()).toBe(0);
      await expectNoViolations();

      for (const [path, title, mayNot] of [
        ['/admin/anvandare', t.users.title, t.users.mayNot],
        ['/admin/nycklar', t.apiKeys.title, t.apiKeys.mayNot],
        ['/admin/webhooks', t.webhooks.title, t.webhooks.mayNot],
        ['/admin/jobb', t.jobs.title, t.jobs.mayNot],
        ['/admin/forvaltningar', t.departments.title, t.departments.mayNot],
        ['/admin/malgrupper', t.codeLists.title, t.codeLists.mayNot],
        ['/admin/mal', t.goals.title, t.goals.mayNot],
        ['/admin/budget', t.budget.title, t.budget.mayNot],
        ['/admin/budget/ansvar', t.budgetCodes.title('ansvar'), t.budgetCodes.mayNot],
      ] as const) {
        await page.goto(path);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByText(mayNot).waitFor();
        expect(await main().getByRole('button').count()).toBe(0);
        expect(await main().getByRole('table').count()).toBe(0);
        await expectNoViolations();
      }
      expect((await callApi(page, 'GET', '/api-keys')).status).toBe(403);
      expect((await callApi(page, 'POST', '/jobs/scan-portfolio/runs', { body: {} })).status).toBe(403);
      expect(
        (
          await callApi(page, 'POST', '/departments', {
            body: { code: `${UNIT_CODE}-X`, name: UNIT_NAME, kind: 'external' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await callApi(page, 'POST', '/goals', {
            body: { code: `${GOAL_CODE}-X`, title: 'Mål', level: 'agenda2030', framework: 'Agenda 2030' },
          })
        ).status,
      ).toBe(403);
      expect((await callApi(page, 'PUT', '/integrations/budget/dimensions', { body: { dimensions: [] } })).status).toBe(
        403,
      );
      expect((await callApi(page, 'POST', '/queue-dashboard/session')).status).toBe(403);
      expect(problems).toEqual([]);
    },
    KEYBOARD_TEST,
  );
});
