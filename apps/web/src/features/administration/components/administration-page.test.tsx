import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeMe } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { administrationMessages } from '../messages';
import { usePatientWaits } from '../testing/patient-waits';

const t = administrationMessages;
const ADMIN = fakeMe({
  roles: ['admin'],
  name: 'Administratör',
  department: null,
  allow: {
    'portfolio:read': 'all',
    'reference-data:write': 'all',
    'goals:write': 'all',
    'initiatives:import': 'all',
    'access:manage': 'all',
    'budget:write': 'all',
    'webhooks:manage': 'all',
    'jobs:run': 'all',
  },
});

describe('Administration', { timeout: 20_000 }, () => {
  usePatientWaits();

  it('should link every screen an administrator may use', async () => {
    await renderApp('/admin', { me: ADMIN });

    await screen.findByRole('heading', { level: 1, name: t.title });
    const links = (await screen.findAllByRole('link')).filter((link) => link.closest('main'));
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [t.screens.departments.title, '/admin/forvaltningar'],
      [t.screens.codeLists.title, '/admin/malgrupper'],
      [t.screens.goals.title, '/admin/mal'],
      [t.screens.import.title, '/admin/import'],
      [t.screens.users.title, '/admin/anvandare'],
      [t.screens.apiKeys.title, '/admin/nycklar'],
      [t.screens.budget.title, '/admin/budget'],
      [t.screens.webhooks.title, '/admin/webhooks'],
      [t.screens.jobs.title, '/admin/jobb'],
    ]);
    expect(screen.getByRole('button', { name: `${t.queueDashboard.open} ${t.queueDashboard.newTab}` })).toBeTruthy();
    expect(screen.queryByText(t.mayNot)).toBeNull();
  });

  it('should offer the queue dashboard only to whoever may run jobs', async () => {
    await renderApp('/admin', {
      me: fakeMe({
        roles: ['admin'],
        department: null,
        allow: { 'portfolio:read': 'all', 'reference-data:write': 'all' },
      }),
    });

    await screen.findByRole('link', { name: t.screens.departments.title });
    expect(screen.queryByRole('heading', { name: t.queueDashboard.title })).toBeNull();
  });

  it('should say, and link nothing, to someone whose role gives none of them', async () => {
    await renderApp('/admin', { me: fakeMe({ roles: ['department_head'] }) });

    await screen.findByText(t.mayNot);
    expect(screen.queryByRole('heading', { level: 2, name: t.screensHeading })).toBeNull();
  });
});
