import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { administrationMessages } from '../messages';
import { usePatientWaits } from '../testing/patient-waits';

const t = administrationMessages.goals;
const ADMIN = fakeMe({
  roles: ['admin'],
  name: 'Administratör',
  department: null,
  allow: { 'portfolio:read': 'all', 'goals:write': 'all' },
});
const ROADMAP = 'Färdplan för social hållbarhet';
const goal = (code: string, level: string, parentId: string | null, extra: Record<string, unknown> = {}) => ({
  id: `id-${code}`,
  code,
  title: `Målet ${code}`,
  description: null,
  level,
  framework: ROADMAP,
  parentId,
  validFrom: '2021-12-01',
  validTo: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const AREA = goal('FP-3', 'priority_area', 'id-KS');
const TREE = [{ ...goal('KS', 'committee_goal', null), children: [{ ...AREA, children: [] }] }];
const textbox = (label: string) => screen.getByRole('textbox', { name: new RegExp(`^${label}`) });

describe('Målträdet', { timeout: 20_000 }, () => {
  usePatientWaits();

  it('should add a goal under a priority area after its taken code is refused on the field', async () => {
    const posted: Record<string, unknown>[] = [];
    await renderApp('/admin/mal', {
      me: ADMIN,
      handle: async (request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/v1/goals/tree') return json(TREE);
        if (pathname === '/api/v1/goals' && request.method === 'POST') {
          const body = (await request.json()) as Record<string, unknown>;
          posted.push(body);
          if (body.code === 'FP-1')
            return json(
              {
                type: '/problems/conflict',
                title: 'Conflict',
                status: 409,
                detail: '',
                errors: [{ field: 'code', message: 'already exists' }],
              },
              409,
            );
          return json(goal(String(body.code), 'sub_goal', AREA.id), 201);
        }
        return undefined;
      },
    });

    fireEvent.click(await screen.findByRole('button', { name: t.addUnderLabel('FP-3') }));
    const form = await screen.findByRole('region', { name: t.addHeading('FP-3') });
    await waitFor(() =>
      expect(document.activeElement).toBe(within(form).getByRole('heading', { name: t.addHeading('FP-3') })),
    );
    fireEvent.change(textbox(t.code), { target: { value: 'fp-1' } });
    fireEvent.change(textbox(t.goalTitle), { target: { value: 'Färre unga börjar använda narkotika' } });
    fireEvent.click(within(form).getByRole('button', { name: t.save }));

    await waitFor(() => expect(textbox(t.code).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(administrationMessages.problems.codeTaken).length).toBeGreaterThan(0);
    expect(posted[0]).toEqual({
      code: 'FP-1',
      title: 'Färre unga börjar använda narkotika',
      level: 'sub_goal',
      framework: ROADMAP,
      parentId: AREA.id,
    });

    fireEvent.change(textbox(t.code), { target: { value: 'FP-3-9' } });
    fireEvent.click(within(form).getByRole('button', { name: t.save }));
    await screen.findByText(t.added('FP-3-9'));
    expect(posted[1]).toMatchObject({ code: 'FP-3-9', parentId: AREA.id });
    await waitFor(() => expect(screen.queryByRole('region', { name: t.addHeading('FP-3') })).toBeNull());
  });

  it('should say when someone else changed the goal first, and start again from the latest with its ETag', async () => {
    let stored = AREA;
    const ifMatch: (string | null)[] = [];
    await renderApp('/admin/mal', {
      me: ADMIN,
      handle: async (request) => {
        const { pathname } = new URL(request.url);
        if (pathname === '/api/v1/goals/tree') return json(TREE);
        if (pathname === `/api/v1/goals/${AREA.id}` && request.method === 'GET') {
          const answer = json(stored);
          answer.headers.set('ETag', `"${stored.version}"`);
          return answer;
        }
        if (pathname === `/api/v1/goals/${AREA.id}` && request.method === 'PATCH') {
          ifMatch.push(request.headers.get('If-Match'));
          if (request.headers.get('If-Match') !== `"${stored.version}"`)
            return json(
              { type: '/problems/precondition-failed', title: 'Stale version', status: 412, detail: '' },
              412,
            );
          stored = { ...stored, ...((await request.json()) as object), version: stored.version + 1 };
          return json(stored);
        }
        return undefined;
      },
    });

    fireEvent.click(await screen.findByRole('button', { name: t.editLabel('FP-3') }));
    await screen.findByRole('region', { name: t.editHeading('FP-3') });
    // Someone else saves first.
    stored = { ...AREA, title: 'Den andras lydelse', version: 4 };
    fireEvent.change(textbox(t.goalTitle), { target: { value: 'Min lydelse' } });
    fireEvent.click(screen.getByRole('button', { name: t.save }));

    const notice = await screen.findByRole('alert', { name: t.staleTitle });
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(ifMatch).toEqual(['"3"']);
    fireEvent.click(within(notice).getByRole('button', { name: administrationMessages.stale.reload }));

    await waitFor(() => expect((textbox(t.goalTitle) as HTMLTextAreaElement).value).toBe('Den andras lydelse'));
    await waitFor(() => expect(document.activeElement?.textContent).toBe(administrationMessages.stale.reloaded));
    expect(screen.queryByRole('alert', { name: t.staleTitle })).toBeNull();
    fireEvent.change(textbox(t.goalTitle), { target: { value: 'Min lydelse' } });
    fireEvent.click(screen.getByRole('button', { name: t.save }));

    await screen.findByText(t.saved('FP-3'));
    expect(ifMatch).toEqual(['"3"', '"4"']);
    expect(stored).toMatchObject({ title: 'Min lydelse', version: 5 });
  });
});
