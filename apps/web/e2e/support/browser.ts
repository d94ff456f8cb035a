import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless; nothing it would fetch on its own (updates, sync, safe browsing lists). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
/** WCAG 2.1 A and AA: what the law (and the accessibility statement) promise. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCREENSHOTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../reports/browser-screenshots');
const DOCS_SCREENSHOTS = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../docs/screenshots');

/**
 * `launch` starts Chromium on a new, empty profile in a temporary folder of its own, removed again by `close`: no
 * state from an earlier run. Every wait is bounded (actions 10 s, navigations 15 s).
 *
 * Playwright's own signal handlers close the browser but leave this test worker running, and a worker that lost
 * Vitest's main process spins without end. So a signal (Ctrl-C, npm test's timeout) or losing Vitest kills the worker
 * at once (Vitest turns process.exit into an error in its workers); Chromium, driven over a pipe, exits when the pipe
 * closes. Call `close` when done.
 */
export async function launchChromium(
  executablePath: string,
): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const closeBrowser = () => Promise.race([browser.close(), new Promise((done) => setTimeout(done, 5_000).unref())]);
  const leave = () => process.kill(process.pid, 'SIGKILL');
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'disconnect'] as const;
  for (const event of events) process.once(event, leave);
  return {
    browser,
    close: async () => {
      for (const event of events) process.off(event, leave);
      await closeBrowser();
    },
  };
}

/**
 * A page on its own context (no cookies or storage from another test) that records everything that should not happen:
 * console errors (a blocked script or style is one), uncaught exceptions, Content-Security-Policy violations, failed
 * responses, and any request to somewhere other than the app under test, which is refused.
 */
export async function openPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const problems: string[] = [];
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === baseUrl) return route.continue();
    problems.push(`request outside the app: ${url}`);
    return route.abort('blockedbyclient');
  });
  // Playwright's init scripts are exempt from the page's CSP; this one only listens.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
  });
  return { context, page, problems };
}

/** axe-core's WCAG 2.1 AA violations on the page as it is now, in a form that reads well in a failed expectation. */
export async function wcagViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return {
    passes: results.passes.length,
    violations: results.violations.map((violation) => ({
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.html),
    })),
  };
}

/** The focused element: its tag, id, text and whether it shows a focus ring. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body', id: '', text: '', outline: 'none' };
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      text: (element.textContent ?? '').trim(),
      outline: style.outlineStyle,
    };
  });
}

export type ScreenshotOptions = {
  /** Also the user guide's picture, docs/screenshots/<docs>.png (`true`: under `name`), when UPDATE_SCREENSHOTS=1. */
  docs?: string | true;
  /** The part of the page the user guide shows, when not all of it; reports/ still gets the whole page. */
  docsClip?: { x: number; y: number; width: number; height: number };
};

/**
 * For looking at, not for comparing: the whole page to reports/ (not committed). The user guide's pictures are
 * written only on request (`UPDATE_SCREENSHOTS=1`), so an ordinary run changes no tracked file.
 */
export async function screenshot(page: Page, name: string, { docs, docsClip }: ScreenshotOptions = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const report = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: report, fullPage: true });
  if (!docs || process.env.UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  const file = docs === true ? name : docs;
  if (file.includes('/')) throw new Error(`docs names a picture in docs/screenshots, not a path: ${file}`);
  const picture = join(DOCS_SCREENSHOTS, `${file}.png`);
  if (docsClip) await page.screenshot({ path: picture, fullPage: true, clip: docsClip });
  else copyFileSync(report, picture);
}
