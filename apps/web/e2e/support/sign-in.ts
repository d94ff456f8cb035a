import type { Page } from 'playwright-core';
import { PAGE_HEADING_ID } from '../../src/components/layout/landmark-ids';
import { messages } from '../../src/lib/messages';

export type Role = 'admin' | 'leadership' | 'department_head' | 'staff' | 'auditor';

export type SignInAs = {
  role: Role;
  /** A department's code from the demo data (ASF, KFF, UTB …); department heads and staff need one. */
  departmentCode?: string;
  /** The display name; the development issuer makes one from role and department when left out. */
  name?: string;
  /** Where to start, and come back to after signing in; the app's start page by default. */
  path?: string;
};

/** The development issuer's sign-in page (GET/POST /api/v1/dev-oidc/authorize). */
export const AUTHORIZE_PATH = '/api/v1/dev-oidc/authorize';

/**
 * Signs in as a person would in the demo: opens `path` in the app, which sends the browser to the development
 * issuer's sign-in page; picks the role, the department and the name there, presses "Logga in", and waits until the
 * app shows the page with the person signed in ("Logga ut" in the header). Resolves on the page asked for, once it
 * has loaded.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  { role, departmentCode, name, path = '/' }: SignInAs,
): Promise<void> {
  await page.goto(new URL(path, baseUrl).toString());
  await fillAuthorizePage(page, { role, departmentCode, name });
  await page.getByRole('button', { name: messages.auth.person.signOut }).waitFor();
  await page.waitForURL(
    (url) =>
      url.origin === new URL(baseUrl).origin && !url.pathname.startsWith('/api/') && url.pathname !== '/inloggad',
  );
  // The address changes before the page has loaded. Once it has (its heading is there), the app may move focus to the
  // heading, a frame later: waiting for both keeps a test's first key press from landing on a link that then loses focus.
  await page.waitForFunction((id) => document.getElementById(id) !== null, PAGE_HEADING_ID);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** On the development sign-in page (waits for it): chooses role, department and name, and presses "Logga in". */
export async function fillAuthorizePage(
  page: Page,
  { role, departmentCode, name }: Omit<SignInAs, 'path'>,
): Promise<void> {
  await page.waitForURL((url) => url.pathname === AUTHORIZE_PATH);
  await page.locator(`input[name="role"][value="${role}"]`).check();
  await page.getByLabel('Förvaltning', { exact: true }).selectOption(departmentCode ?? '');
  if (name !== undefined) await page.getByLabel('Namn som visas').fill(name);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
}
