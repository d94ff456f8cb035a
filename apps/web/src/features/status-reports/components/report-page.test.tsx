import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASF, fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import type { StatusReport } from '../utils/report-form';
import { statusReportsMessages as t } from '../messages';

const options: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'color-contrast': { enabled: false } },
};

// index.html sets the page's language; the app rendered alone needs it set for axe.
beforeEach(() => {
  document.documentElement.lang = 'sv';
});
afterEach(() => {
  document.documentElement.removeAttribute('lang');
});

const ID = '00000000-0000-4000-8000-00000000000a';
const report = (over: Partial<StatusReport> = {}): StatusReport => ({
  id: ID,
  roundId: '00000000-0000-4000-8000-00000000000b',
  initiativeId: '00000000-0000-4000-8000-00000000000c',
  departmentId: ASF.id,
  status: 'submitted',
  ragStatus: 'amber',
  progress: 'Fältarbetet fortsätter kvällstid.',
  risks: null,
  spendingToDateSek: 1_300_000,
  submittedBy: 'x',
  submittedAt: '2026-09-15T08:00:00Z',
  decidedBy: null,
  decidedAt: null,
  returnComment: null,
  version: 3,
  createdAt: '2026-08-01T08:00:00Z',
  updatedAt: '2026-09-15T08:00:00Z',
  round: {
    id: '00000000-0000-4000-8000-00000000000b',
    title: 'Delårsrapport augusti 2026',
    period: '2026-08',
    dueDate: '2026-09-15',
  },
  initiative: { id: '00000000-0000-4000-8000-00000000000c', code: 'FALTARBETARE', title: 'Fältarbetare' },
  overdue: false,
  indicators: [],
  ...over,
});

/** The report and its initiative (led by ASF); `answer` for anything else, by method and path. */
function api(
  shown: StatusReport,
  answer: (request: Request) => Response | Promise<Response> | undefined = () => undefined,
) {
  return (request: Request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === `/api/v1/status-reports/${ID}`) return json(shown);
    if (request.method === 'GET' && pathname === '/api/v1/initiatives/FALTARBETARE')
      return json({ id: shown.initiativeId, leadDepartmentId: ASF.id, participants: [] });
    return answer(request);
  };
}

describe('the report page', () => {
  it('should tell leadership in words, with focus, why an approval was refused', async () => {
    const leadership = fakeMe({
      roles: ['leadership'],
      department: null,
      allow: { 'portfolio:read': 'all', 'status-reports:decide': 'all' },
    });
    await renderApp(`/rapporter/${ID}`, {
      me: leadership,
      handle: api(report(), (request) =>
        request.method === 'POST' && request.url.endsWith('/approve')
          ? json(
              { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'The status report is approved.' },
              409,
            )
          : undefined,
      ),
    });
    const approve = await screen.findByRole('button', { name: t.decide.approve });
    // Leadership reads the report; it does not write it.
    expect(screen.queryByRole('textbox')).toBeNull();

    fireEvent.click(approve);

    const alert = await screen.findByText(t.decide.refused[409]!);
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect((await axe.run(document, options)).violations.map((v) => v.id)).toEqual([]);
  });

  it('should show a returned report’s comment above the form, and save with If-Match on the version read', async () => {
    const staff = fakeMe({ allow: { 'portfolio:read': 'all', 'status-reports:write': 'own_department' } });
    const patches: { ifMatch: string | null; body: unknown }[] = [];
    const recordPatch = async (request: Request) => {
      patches.push({ ifMatch: request.headers.get('if-match'), body: await request.json() });
      return json(report({ status: 'returned', version: 4 }));
    };
    await renderApp(`/rapporter/${ID}`, {
      me: staff,
      handle: api(
        report({ status: 'returned', returnComment: 'Komplettera med finansieringen efter 2024.', overdue: true }),
        (request) => (request.method === 'PATCH' ? recordPatch(request) : undefined),
      ),
    });
    const returned = await screen.findByRole('region', { name: t.report.returnedHeading });
    expect(within(returned).getByText('Komplettera med finansieringen efter 2024.')).toBeTruthy();
    expect(screen.getByText(t.overdue)).toBeTruthy();
    const progress = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: new RegExp(t.form.progress) });
    expect(progress.value).toBe('Fältarbetet fortsätter kvällstid.');
    expect((await axe.run(document, options)).violations.map((v) => v.id)).toEqual([]);

    fireEvent.change(progress, {
      target: { value: 'Fältarbetet fortsätter kvällstid. Finansieringen efter 2024 är inte beslutad.' },
    });
    fireEvent.click(screen.getByRole('button', { name: t.form.save }));

    await screen.findByText(t.form.saved);
    expect(patches).toEqual([
      {
        ifMatch: '"3"',
        body: {
          ragStatus: 'amber',
          progress: 'Fältarbetet fortsätter kvällstid. Finansieringen efter 2024 är inte beslutad.',
          risks: null,
          spendingToDateSek: 1_300_000,
        },
      },
    ]);
  });
});
