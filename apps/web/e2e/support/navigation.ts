import type { Locator, Page } from 'playwright-core';
import { messages } from '../../src/lib/messages';

/** The header's navigation. */
export const primaryNavigation = (page: Page) =>
  page.getByRole('navigation', { name: messages.layout.primaryNavigation });

/**
 * The header's link to a screen, in a closed group or not: for whether the navigation offers it at all (a count of
 * the shown links alone would be 0 for a screen in a closed group too).
 */
export const navigationLink = (page: Page, label: string) =>
  primaryNavigation(page).getByRole('link', { name: label, exact: true, includeHidden: true });

/** The header's link marked as the page shown (aria-current="page"); in a closed group too. */
export const currentNavigationLink = (page: Page) => primaryNavigation(page).locator('a[aria-current="page"]');

/** Opens, with a click as a person would, the header's group holding the link to `label` (if it is in one); returns the link. */
export async function openNavigationTo(page: Page, label: string): Promise<Locator> {
  const panelId = await navigationLink(page, label).evaluate((link) => link.closest('ul[id]')?.id ?? null);
  if (panelId !== null) {
    const button = primaryNavigation(page).locator(`button[aria-controls="${panelId}"]`);
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  return primaryNavigation(page).getByRole('link', { name: label, exact: true });
}
