import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { administrationMessages } from '../messages';
import { usePatientWaits } from '../testing/patient-waits';

const t = administrationMessages.budgetCodes;
const ADMIN = fakeMe({
  roles: ['admin'],
  name: 'Administratör',
  department: null,
  allow: { 'portfolio:read': 'all', 'budget:write': 'all', 'budget:read': 'all' },
});
const PROJEKT = { code: 'projekt', label: 'Projekt', position: 3, required: false, validatesCodes: true };
const SEEN = { code: 'P2026-07', label: 'Unga till arbete', validFrom: '2026-01-01', validTo: null };
const THEIRS = { code: 'P2026-09', label: 'Sommarjobb', validFrom: null, validTo: null };
const textbox = (label: string) => screen.getByRole('textbox', { name: new RegExp(`^${label}`) });

describe('Koder i en budgetdimension', { timeout: 20_000 }, () => {
  usePatientWaits();

  it('should read the list again right before the PUT, so a code someone else added meanwhile is kept, and refuse a label on its field', async () => {
    let stored: components['schemas']['BudgetDimensionCodeDto'][] = [SEEN];
    const put: unknown[] = [];
    await renderApp('/admin/budget/projekt', {
      me: ADMIN,
      handle: async (request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/v1/integrations/budget/dimensions') return json({ dimensions: [PROJEKT] });
        if (pathname === '/api/v1/integrations/budget/dimensions/projekt/codes' && request.method === 'GET')
          return json({ codes: stored });
        if (pathname === '/api/v1/integrations/budget/dimensions/projekt/codes' && request.method === 'PUT') {
          const body = (await request.json()) as { codes: typeof stored };
          put.push(body);
          const blank = body.codes.findIndex((code) => code.label.trim() === '');
          if (blank >= 0)
            return json(
              {
                type: '/problems/validation',
                title: 'Invalid',
                status: 400,
                detail: '',
                errors: [{ field: `codes[${blank}].label`, message: 'label should not be empty' }],
              },
              400,
            );
          stored = body.codes;
          return json({ dimension: 'projekt', codes: stored.length, inserted: 1, updated: 0, removed: 0 });
        }
        return undefined;
      },
    });

    const table = await screen.findByRole('table', { name: t.caption('Projekt') });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    // Someone else adds a code after the page read the list.
    stored = [SEEN, THEIRS];
    fireEvent.click(screen.getByRole('button', { name: t.add }));
    await screen.findByRole('region', { name: t.addHeading });
    fireEvent.change(textbox(t.code), { target: { value: ' P2026-11 ' } });
    // Past the form's own check (a label is required), so that the API's refusal is what lands on the field.
    fireEvent.change(textbox(t.label), { target: { value: ' ' } });
    fireEvent.click(screen.getByRole('button', { name: t.save }));

    await waitFor(() => expect(textbox(t.label).getAttribute('aria-invalid')).toBe('true'));
    expect(put).toEqual([{ codes: [SEEN, THEIRS, { code: 'P2026-11', label: ' ', validFrom: null, validTo: null }] }]);

    fireEvent.change(textbox(t.label), { target: { value: 'Lovskola' } });
    fireEvent.click(screen.getByRole('button', { name: t.save }));
    await screen.findByText(t.added('P2026-11'));
    expect(stored.map((code) => code.code)).toEqual(['P2026-07', 'P2026-09', 'P2026-11']);
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
  });
});
