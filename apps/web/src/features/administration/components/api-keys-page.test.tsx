import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { administrationMessages } from '../messages';
import { usePatientWaits } from '../testing/patient-waits';

const t = administrationMessages.apiKeys;
const ADMIN = fakeMe({
  roles: ['admin'],
  name: 'Administratör',
  department: null,
  allow: { 'portfolio:read': 'all', 'access:manage': 'all' },
});
const KEY = {
  id: '33333333-3333-4333-8333-333333333333',
  name: 'Budgetsystemet',
  prefix: '3f9a1c0b7d2e',
  scopes: ['budget:write'],
  createdBy: 'admin',
  createdAt: '2026-12-01T09:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
};

describe('API-nycklar', { timeout: 20_000 }, () => {
  usePatientWaits();

  it('should show the new key once with a copy button, and the name the API refuses on its field', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    onTestFinished(() => void Reflect.deleteProperty(navigator, 'clipboard'));
    let created = false;
    const create = (name: string) => {
      if (name === 'Finns redan')
        return json(
          {
            type: '/problems/conflict',
            title: 'Conflict',
            status: 409,
            detail: '',
            errors: [{ field: 'name', message: 'already exists' }],
          },
          409,
        );
      created = true;
      return json({ ...KEY, key: 'samla_3f9a1c0b7d2e_hemlig' }, 201);
    };
    await renderApp('/admin/nycklar', {
      me: ADMIN,
      handle: (request) => {
        const url = new URL(request.url);
        if (url.pathname === '/api/v1/api-keys' && request.method === 'GET')
          return json({ items: created ? [KEY] : [], total: created ? 1 : 0, limit: 200, offset: 0 });
        if (url.pathname === '/api/v1/api-keys' && request.method === 'POST')
          return request.json().then((body: { name: string }) => create(body.name));
        return undefined;
      },
    });

    await screen.findByText(t.empty);
    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^${t.name}`) }), {
      target: { value: 'Finns redan' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: t.scopeLabel['budget:write'] }));
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: new RegExp(`^${t.name}`) }).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(screen.getAllByText(administrationMessages.problems.nameTaken).length).toBeGreaterThan(0);

    fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^${t.name}`) }), {
      target: { value: 'Budgetsystemet' },
    });
    fireEvent.click(screen.getByRole('button', { name: t.create }));
    const shown = await screen.findByRole('region', { name: t.createdHeading });
    expect(within(shown).getByText('samla_3f9a1c0b7d2e_hemlig')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(shown).getByRole('heading', { name: t.createdHeading })),
    );
    fireEvent.click(within(shown).getByRole('button', { name: t.copy }));
    await screen.findByText(t.copied);
    expect(writeText).toHaveBeenCalledWith('samla_3f9a1c0b7d2e_hemlig');
    await screen.findByRole('button', { name: t.revokeLabel('Budgetsystemet') });
  });
});
