import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages';
import { callApi } from './support/api';
import { screenshot, wcagViolations } from './support/browser';
import { useBrowser } from './support/use-browser';
import { overviewMessages } from '../src/features/overview/messages';

// Portföljen i korthet on the Trollhättan demo, signed in as the leadership group.
const plain = (text: string) =>
  text
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();

let page: Page;
let problems: string[];

useBrowser({
  opened: (session) => ({ page, problems } = session),
  signedIn: { role: 'leadership', name: 'Ledningsgruppen' },
});

async function openOverview() {
  await page.goto('/portfoljen');
  await page.getByRole('heading', { level: 1, name: messages.nav.overview }).waitFor();
  await page.getByRole('heading', { level: 3, name: overviewMessages.byStatus }).waitFor();
  await page.getByTestId('stupet-diagram').locator('rect[data-month]').first().waitFor();
}

describe('Portföljen i korthet', () => {
  it('should show the demo portfolio as cards, with no WCAG 2.1 AA violation', async () => {
    await openOverview();

    const statusCard = page.getByRole('region', { name: overviewMessages.byStatus });
    // Other browser files add initiatives of their own to the demo: the card shows what the API counts now.
    const { body: summary } = await callApi<{ initiatives: number }>(page, 'GET', '/portfolio/summary');
    expect(summary.initiatives).toBeGreaterThanOrEqual(8);
    expect(plain(await statusCard.getByRole('link', { name: /^Alla \d+ insatser$/ }).innerText())).toBe(
      `Alla ${summary.initiatives} insatser`,
    );
    const departmentCard = page.getByRole('region', { name: overviewMessages.byDepartment });
    expect(await departmentCard.getByRole('link', { name: /Arbetsmarknads- och socialförvaltningen/ }).count()).toBe(1);
    const alertsCard = page.getByRole('region', { name: overviewMessages.openAlerts });
    expect(plain(await alertsCard.innerText())).toMatch(/Kritiskt\s*\d+/);
    const { violations } = await wcagViolations(page);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, 'portfoljen', { docs: 'overview' });
  });

  it('should open Insatser filtered by the card row that was followed, the filter in the URL', async () => {
    await openOverview();

    await page
      .getByRole('region', { name: overviewMessages.byStatus })
      .getByRole('link', { name: new RegExp(`^${messages.initiativeStatus.active}`) })
      .click();

    await page.getByRole('heading', { level: 1, name: messages.nav.initiatives }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/insatser');
    expect(url.searchParams.getAll('status')).toEqual(['active']);
    expect(problems).toEqual([]);
  });

  it('should show the same months and amounts in the chart as in its table', async () => {
    await openOverview();

    const bars = await page
      .getByTestId('stupet-diagram')
      .locator('rect[data-month]')
      .evaluateAll((rects) =>
        rects.map((rect) => ({
          month: rect.getAttribute('data-month'),
          amount: Number(rect.getAttribute('data-amount')),
        })),
      );
    const rows = await page
      .getByTestId('stupet-tabell')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          month: tr.getAttribute('data-month'),
          amount: Number((tr.querySelector('td')?.textContent ?? '').replace(/[^\d-]/g, '')),
        })),
      );

    expect(rows).toHaveLength(24);
    // Recharts draws a bar for every month (a month with 0 kr is a bar of no height).
    expect(bars.map((b) => b.month)).toEqual(rows.map((r) => r.month));
    expect(bars.map((b) => b.amount)).toEqual(rows.map((r) => r.amount));
    expect(rows.some((r) => r.amount > 0)).toBe(true);
    expect(problems).toEqual([]);
  });
});
