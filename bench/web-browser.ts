/**
 * The browser side of the web list benchmark (run-web-list.ts): Debian's Chromium, headless, signed in to the web app
 * through the development issuer's sign-in page, and small probes that run in the page and time what a person sees.
 *
 * The same Chromium arguments and sign-in steps as the browser tests (apps/web/e2e/support/browser.ts and sign-in.ts),
 * written again here because bench/ is built by tsconfig.build.json, which leaves apps/web (and the web app's
 * messages those files import) out. Unlike the tests' pages, requests are not routed through Playwright: routing
 * switches Chromium's HTTP cache off, and a returning user's cache is part of what is measured. Traffic stays on
 * loopback instead because every host name resolves to nothing and any request elsewhere stops the run.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  // No name resolves: the app is on 127.0.0.1, and nothing else is reached even by mistake.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
const ACTION_TIMEOUT_MS = 10_000;
const NAVIGATION_TIMEOUT_MS = 15_000;

/** Chromium on a new, empty profile (Playwright's temporary one, removed on close). `close` gives up after 5 s. */
export async function launchBrowser(executablePath: string): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 });
  return {
    browser,
    close: () => Promise.race([browser.close(), new Promise<void>((done) => setTimeout(done, 5_000).unref())]),
  };
}

/**
 * A page on a context of its own with the probes installed in every document, signed in as the leadership group
 * through the development issuer's sign-in page, as a person in the demo signs in, and left on `path` with its rows
 * shown. `problems` collects what must not happen: a request off loopback, a failed response, an error in the page.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  path: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
  await context.addInitScript(watchFirstRows);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== baseUrl) problems.push(`request outside the app: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught in the page: ${error.message}`));

  // The app sends the browser to the sign-in page and, once signed in, back to `path`.
  await page.goto(path);
  await page.waitForURL((url) => url.pathname === '/api/v1/dev-oidc/authorize');
  await page.locator('input[name="role"][value="leadership"]').check();
  await page.getByLabel('Förvaltning', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path);
  await whenRowsShown(page);
  return { context, page, problems };
}

/** What the probes leave on `window.__samlaBench`, in the page's clock (ms since its navigation started). */
export type ProbeTimes = { rowsAt?: number; pressedAt?: number; updatedAt?: number; timeOrigin: number };

/** A resource the page fetched, as its PerformanceResourceTiming entry says (times in the page's clock). */
export type ResourceTiming = {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
  transferSize: number;
  encodedBodySize: number;
};

/** Waits until the init script has seen the list's first rows painted in the current document. */
export async function whenRowsShown(page: Page): Promise<ProbeTimes> {
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).__samlaBench?.rowsAt !== undefined,
    undefined,
    { timeout: NAVIGATION_TIMEOUT_MS },
  );
  return probeTimes(page);
}

/** Arms the probe for a filter change: the next press anywhere starts the clock, the list's updated rows stop it. */
export async function armFilterChange(page: Page): Promise<void> {
  await page.evaluate(watchListUpdate);
}

/** Waits until the armed probe has seen the list change after a press. */
export async function whenListUpdated(page: Page): Promise<ProbeTimes> {
  await page.waitForFunction(
    () => (globalThis as unknown as PageGlobals).__samlaBench?.updatedAt !== undefined,
    undefined,
    { timeout: NAVIGATION_TIMEOUT_MS },
  );
  return probeTimes(page);
}

export function probeTimes(page: Page): Promise<ProbeTimes> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals;
    return { ...w.__samlaBench, timeOrigin: w.performance.timeOrigin };
  });
}

/** The page's resource timing entries, oldest first. */
export function resourceTimings(page: Page): Promise<ResourceTiming[]> {
  return page.evaluate(() =>
    (globalThis as unknown as PageGlobals).performance
      .getEntriesByType('resource')
      .map(({ name, initiatorType, startTime, responseEnd, transferSize, encodedBodySize }) => ({
        name,
        initiatorType,
        startTime,
        responseEnd,
        transferSize,
        encodedBodySize,
      })),
  );
}

// What the probes use of the page's globals; bench/ is compiled without the DOM library. The functions below run in
// the page (Playwright sends their source), so they reach nothing outside themselves.
type PageElement = { textContent: string | null };
type PageGlobals = {
  document: {
    querySelector(selector: string): PageElement | null;
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    addEventListener(type: string, listener: () => void, options: { capture: boolean; once: boolean }): void;
  };
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: (frameStart: number) => void): number;
  performance: { now(): number; timeOrigin: number; getEntriesByType(type: 'resource'): ResourceTiming[] };
  __samlaBench?: Omit<ProbeTimes, 'timeOrigin'>;
};

/**
 * Init script, in every document before the app's code: notes when the list's first row is in the DOM with its
 * text, as the start of the animation frame that paints it.
 */
function watchFirstRows() {
  const w = globalThis as unknown as PageGlobals;
  const probe: NonNullable<PageGlobals['__samlaBench']> = {};
  w.__samlaBench = probe;
  const observer = new w.MutationObserver(() => {
    const row = w.document.querySelector('table tbody tr');
    if (!row?.textContent) return;
    observer.disconnect();
    w.requestAnimationFrame((frameStart) => (probe.rowsAt = frameStart));
  });
  observer.observe(w.document, { childList: true, subtree: true, characterData: true });
}

/**
 * On a shown list: the next pointer press starts the clock; it stops at the frame that paints the list once both its
 * rows and its status line ("Visar 1–50 av …") differ from now. While the new rows load, the app keeps the last
 * ones on screen and says "Uppdaterar listan …" in the status line, so neither alone is enough.
 */
function watchListUpdate() {
  const w = globalThis as unknown as PageGlobals;
  const probe = (w.__samlaBench ??= {});
  const statusLine = () =>
    Array.from(w.document.querySelectorAll('main [role="status"]'), (element) => element.textContent ?? '').join(' | ');
  const rows = () => w.document.querySelector('main table tbody')?.textContent ?? '';
  const before = { status: statusLine(), rows: rows() };
  probe.pressedAt = undefined;
  probe.updatedAt = undefined;
  w.document.addEventListener('pointerdown', () => (probe.pressedAt = w.performance.now()), {
    capture: true,
    once: true,
  });
  const observer = new w.MutationObserver(() => {
    if (probe.pressedAt === undefined) return;
    const shown = rows();
    if (!shown || shown === before.rows || statusLine() === before.status) return;
    observer.disconnect();
    w.requestAnimationFrame((frameStart) => (probe.updatedAt = frameStart));
  });
  observer.observe(w.document, { childList: true, subtree: true, characterData: true, attributes: true });
}
