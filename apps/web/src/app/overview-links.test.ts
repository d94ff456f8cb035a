import { createMemoryHistory } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { createAppRouter } from './router';
import { alertLinks, initiativeLinks, type ListLink } from '../features/overview/utils/list-links';

// The links as the router writes them, and read back as the list's route reads them: the URL is the contract.
const router = createAppRouter(createMemoryHistory({ initialEntries: ['/portfoljen'] }));
const hrefOf = (link: ListLink) => router.buildLocation({ to: link.to, search: link.search as never });
const ID = '3f0c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40';

describe('links from the overview to the filtered lists', () => {
  it.each<[string, ListLink, Record<string, unknown>]>([
    ['every initiative', initiativeLinks.all(), {}],
    ['a status', initiativeLinks.byStatus('active'), { status: ['active'] }],
    ['approved and active', initiativeLinks.byStatus('approved', 'active'), { status: ['approved', 'active'] }],
    ['a lead department', initiativeLinks.byLeadDepartment(ID), { leadDepartmentId: ID }],
    ['a priority area, as a goal with its descendants', initiativeLinks.byGoal(ID), { goalId: ID }],
    [
      'a funding source type',
      initiativeLinks.byFundingSourceType('state_grant'),
      { fundingSourceType: ['state_grant'] },
    ],
  ])('should link %s to /insatser with the filter in the URL', (_, link, search) => {
    const location = hrefOf(link);

    expect(location.pathname).toBe('/insatser');
    expect(location.search).toEqual(search);
    const filter = Object.keys(search)[0];
    if (filter) expect(location.href).toContain(`${filter}=`);
  });

  it('should link a severity to Larm with the filter in the URL', () => {
    const location = hrefOf(alertLinks.bySeverity('critical'));

    expect(location.href).toBe('/larm?severity=critical');
    expect(hrefOf(alertLinks.open()).href).toBe('/larm');
  });
});
