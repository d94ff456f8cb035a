import type { Locator, Page } from 'playwright-core';

/** Presses Tab (Shift+Tab with `backwards`) until `target` or something inside it has focus: the keyboard user's way there. */
export async function tabTo(target: Locator, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (
      await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))
    )
      return;
    await target.page().keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${max} × ${backwards ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}`);
}

/** Presses `key` until `reached` holds (checked before each press); at most `max` presses. */
export async function pressUntil(page: Page, key: string, reached: () => Promise<boolean>, max = 20): Promise<void> {
  for (let presses = 0; presses < max; presses += 1) {
    if (await reached()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${max} × ${key} did not get there`);
}
