import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth, formatMonth } from '../../../lib/format';
import { ASF, fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { fundingCliffMessages } from '../funding-cliff-messages';

const t = fundingCliffMessages;
const FROM = currentMonth();
const YEAR = Number(FROM.slice(0, 4));
const COUNT = 60;
const DEPARTMENT = { id: ASF.id, code: 'ASF', name: 'Arbetsmarknads- och socialförvaltningen' };

const totals = (initiativesUndecided: number) => ({
  fundingEndingSek: initiativesUndecided * 100_000,
  uncoveredAnnualCostSek: initiativesUndecided * 200_000,
  initiativesUndecided,
  initiativesCoverageDecided: 0,
});

/** The totals: one month of the window, this one, with COUNT initiatives; nothing before the window. */
const cliffTotals = {
  from: FROM,
  to: FROM,
  months: [{ month: FROM, ...totals(COUNT) }],
  budgetYears: [{ year: YEAR, ...totals(COUNT), departments: [{ department: DEPARTMENT, ...totals(COUNT) }] }],
  endedEarlier: { ...totals(0), departments: [] },
};

const initiative = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  code: `STUP-${n}`,
  title: `Insats ${n}`,
  annualCostSek: 200_000,
  leadDepartment: DEPARTMENT,
  lines: [
    {
      id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      sourceType: 'state_grant',
      funder: 'Länsstyrelsen',
      amountSek: 100_000,
      notTakenOverSek: 100_000,
      periodEnd: `${FROM}-28`,
      coverageDecision: 'undecided',
    },
  ],
  coverageDecided: false,
  uncoveredAnnualCostSek: 200_000,
});

/** The API: the totals, and the month's initiatives a page at a time as the API pages them. */
function api(request: Request) {
  const url = new URL(request.url);
  if (url.pathname === '/api/v1/portfolio/funding-cliff/totals') return json(cliffTotals);
  if (url.pathname === `/api/v1/portfolio/funding-cliff/months/${FROM}/initiatives`) {
    const limit = Number(url.searchParams.get('limit'));
    const offset = Number(url.searchParams.get('offset'));
    const all = Array.from({ length: COUNT }, (_, i) => initiative(i + 1));
    return json({ items: all.slice(offset, offset + limit), total: COUNT, limit, offset });
  }
  return undefined;
}

const STAFF = fakeMe({ allow: { 'portfolio:read': 'all' } });
const listings = (requests: Request[]) => requests.filter((r) => r.url.includes('/initiatives'));

describe('Finansieringsstup, a month opened a page at a time', { timeout: 20_000 }, () => {
  let restore: number;
  beforeAll(() => {
    restore = getConfig().asyncUtilTimeout;
    configure({ asyncUtilTimeout: 5_000 });
  });
  afterAll(() => configure({ asyncUtilTimeout: restore }));

  it('should show the figures first, load a month’s initiatives when opened, and add the next page with focus on the first added', async () => {
    const { requests } = await renderApp('/finansieringsstup', { me: STAFF, handle: api });

    const toggle = await screen.findByRole('button', { name: t.initiatives.openMonth(formatMonth(FROM), COUNT) });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const departments = screen.getByRole('table', { name: t.departments.caption(YEAR) });
    expect(within(departments).getByRole('rowheader', { name: DEPARTMENT.name })).toBeTruthy();
    expect(listings(requests)).toEqual([]);

    fireEvent.click(toggle);
    const table = await screen.findByRole('table', { name: t.initiatives.caption(formatMonth(FROM)) });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + 50));
    expect(screen.getByText(t.initiatives.shown(50, COUNT)).getAttribute('role')).toBe('status');

    fireEvent.click(screen.getByRole('button', { name: t.initiatives.showMore }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(1 + COUNT));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Insats 51'));
    expect(screen.queryByRole('button', { name: t.initiatives.showMore })).toBeNull();
    expect(listings(requests).map((r) => new URL(r.url).searchParams.get('offset'))).toEqual(['0', '50']);
  });
});
