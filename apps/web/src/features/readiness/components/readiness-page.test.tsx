import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../lib/format';
import { ASF, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { readinessMessages } from '../messages';

const t = readinessMessages;
const met = {
  leadDepartment: true,
  coOwnerResponsibilities: true,
  processOwner: true,
  goalLink: true,
  effectLogic: true,
  followUpPlan: true,
  reportedOnTime: true,
};
const shares = {
  leadDepartment: 1,
  coOwnerResponsibilities: 0.5,
  processOwner: 0.5,
  goalLink: 1,
  effectLogic: 1,
  followUpPlan: 1,
  reportedOnTime: 1,
  coverageDecision: null,
};

/** ASF's two initiatives: one without a process owner or a co-owner's responsibility, one with nothing missing. */
const ANSWER = {
  initiatives: [
    {
      id: 'i1',
      code: 'LUCKA',
      title: 'Insatsen med luckor',
      leadDepartment: ASF,
      score: 0.7143,
      checks: { ...met, coOwnerResponsibilities: false, processOwner: false, coverageDecision: null },
      missing: ['coOwnerResponsibilities', 'processOwner'],
    },
    {
      id: 'i2',
      code: 'KLAR',
      title: 'Insatsen utan luckor',
      leadDepartment: ASF,
      score: 1,
      checks: { ...met, coverageDecision: true },
      missing: [],
    },
  ],
  total: 2,
  limit: 50,
  offset: 0,
  byDepartment: [{ ...ASF, initiatives: 2, score: 0.8571, checks: shares }],
  byPriorityArea: { areas: [], unlinked: { initiatives: 2, score: 0.8571, checks: shares } },
};

async function renderReadiness(path: string) {
  const queries: URLSearchParams[] = [];
  await renderApp(path, {
    handle: (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/portfolio/readiness') {
        queries.push(url.searchParams);
        return json(ANSWER);
      }
      return json({ items: [], total: 0, limit: 200, offset: 0 });
    },
  });
  await screen.findByRole('table', { name: t.list.heading });
  return queries;
}

describe('Revisionsberedskap', () => {
  it('should link each missing item to where it is fixed: Ändra insatsen at its field', async () => {
    await renderReadiness('/revisionsberedskap');
    const row = within(screen.getByRole('table', { name: t.list.heading })).getByRole('row', {
      name: /Insatsen med luckor/,
    });
    expect(within(row).getByRole('link', { name: t.checks.coOwnerResponsibilities }).getAttribute('href')).toBe(
      '/insatser/LUCKA/andra#falt-participants',
    );
    expect(within(row).getByRole('link', { name: t.checks.processOwner }).getAttribute('href')).toBe(
      '/insatser/LUCKA/andra#falt-processOwner-name',
    );
    // Without temporary money there is no coverage decision to make: 5 of the 7 checks that apply.
    expect(within(row).getAllByRole('cell')[1]?.textContent).toBe(t.list.met(5, 7, formatPercent(0.7143)));
    const done = within(screen.getByRole('table', { name: t.list.heading })).getByRole('row', {
      name: /Insatsen utan luckor/,
    });
    expect(within(done).getByText(t.list.nothingMissing)).toBeTruthy();
  });

  it('should say a check that applies to none of a group in words', async () => {
    await renderReadiness('/revisionsberedskap');
    const row = within(screen.getByRole('table', { name: t.byDepartment.heading })).getByRole('row', {
      name: new RegExp(ASF.name),
    });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', ...[0.8571, 1, 0.5, 0.5, 1, 1, 1, 1].map((share) => formatPercent(share)), t.notApplicable]);
    expect(within(screen.getByRole('table', { name: t.byArea.heading })).getByRole('rowheader').textContent).toBe(
      t.byArea.unlinked,
    );
  });

  it('should offer the person their own department, and ask the API for the filter in the address', async () => {
    const queries = await renderReadiness(`/revisionsberedskap?leadDepartmentId=${ASF.id}`);
    expect(screen.getByRole('link', { name: t.filters.mine(ASF.name) }).getAttribute('href')).toBe(
      `/revisionsberedskap?leadDepartmentId=${ASF.id}`,
    );
    expect(screen.getByRole('link', { name: t.filters.clear }).getAttribute('href')).toBe('/revisionsberedskap');
    expect(queries.map((query) => query.get('leadDepartmentId'))).toEqual([ASF.id]);
  });
});
