import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { launchChromium, openPage } from './browser';
import { signIn, type SignInAs } from './sign-in';

/** One test's page, on a context of its own, and everything that should not have happened on it (see `openPage`). */
export type BrowserSession = { context: BrowserContext; page: Page; problems: string[] };

export type UseBrowserOptions = {
  /** Called with each test's fresh session before the test (and before signing in), so the file can keep it. */
  opened: (session: BrowserSession) => void;
  /** Signs in as this person before every test of the file (a function for a person of their own per test). */
  signedIn?: SignInAs | (() => SignInAs);
};

/**
 * The browser tests' common frame, registered in the calling file: Chromium launched once for the file and closed
 * after it, a new page (`openPage`) for each test, closed after the test, and, with `signedIn`, signed in through the
 * development sign-in page before each test. Problems logged while signing in stay in `problems`: signing in logs
 * none, so a 401 or a CSP violation during it fails the test like any other.
 */
export function useBrowser({ opened, signedIn }: UseBrowserOptions): void {
  const baseUrl = inject('baseUrl');
  let close: (() => Promise<void>) | undefined;
  let launched: Awaited<ReturnType<typeof launchChromium>>['browser'];
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    ({ browser: launched, close } = await launchChromium(inject('chromiumPath')));
  });
  afterAll(async () => {
    await close?.();
  });
  beforeEach(async () => {
    const session = await openPage(launched, baseUrl);
    context = session.context;
    opened(session);
    if (signedIn) await signIn(session.page, baseUrl, typeof signedIn === 'function' ? signedIn() : signedIn);
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
}
