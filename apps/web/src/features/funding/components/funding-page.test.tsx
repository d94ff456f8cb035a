import { configure, fireEvent, getConfig, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../lib/messages';
import { ASF, fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { fundingMessages } from '../messages';

const t = fundingMessages;
const INITIATIVE_ID = '22222222-2222-4222-8222-222222222222';
const LINE_ID = '11111111-1111-4111-8111-111111111111';
const LINE_NAME = 'Brå, 1 januari 2025 – 31 december 2025';

const initiative = (status: string) => ({
  id: INITIATIVE_ID,
  code: 'TEST',
  title: 'Testinsats',
  kind: 'project',
  status,
  leadDepartmentId: ASF.id,
  participants: [],
  version: 1,
});

const line = {
  id: LINE_ID,
  initiativeId: INITIATIVE_ID,
  sourceType: 'state_grant',
  funder: 'Brå',
  decisionReference: null,
  amountSek: 500_000,
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  status: 'granted',
  renewable: false,
  paidInArrears: false,
  successorFundingId: null,
  budgetProjectCode: null,
  reportingDeadlines: [{ date: '2026-02-28', kind: 'final', description: null }],
  coverageDecision: 'undecided',
  coverageNote: null,
  coverageDecidedBy: null,
  coverageDecidedOn: null,
  version: 2,
  createdAt: '2025-01-02T08:00:00Z',
  updatedAt: '2025-01-02T08:00:00Z',
};

const HEAD = fakeMe({
  roles: ['department_head'],
  name: 'Förvaltningschef ASF',
  allow: { 'portfolio:read': 'all', 'funding:write': 'own_department', 'funding:decide-coverage': 'lead_department' },
});

/** The API for one initiative with one line; `onWrite` answers the writes. */
function api(status: string, onWrite: (request: Request) => Response | undefined = () => undefined) {
  return (request: Request) => {
    const { pathname } = new URL(request.url);
    if (
      request.method === 'GET' &&
      (pathname === '/api/v1/initiatives/TEST' || pathname === `/api/v1/initiatives/${INITIATIVE_ID}`)
    )
      return json(initiative(status));
    if (request.method === 'GET' && pathname === `/api/v1/initiatives/${INITIATIVE_ID}/funding`)
      return json({ items: [line], total: 1, limit: 200, offset: 0 });
    return onWrite(request);
  };
}

async function openLine() {
  return screen.findByRole('article', { name: LINE_NAME });
}

describe('Finansiering', { timeout: 20_000 }, () => {
  // The whole app in jsdom (its lazy routes, then a form of react-aria fields) is slow on a busy machine: every wait,
  // renderApp's included, may take up to 5 s instead of 1.
  let restore: number;
  beforeAll(() => {
    restore = getConfig().asyncUtilTimeout;
    configure({ asyncUtilTimeout: 5_000 });
  });
  afterAll(() => configure({ asyncUtilTimeout: restore }));

  it('should offer the head of the lead department every action but deleting, since the initiative is no longer a draft', async () => {
    await renderApp('/insatser/TEST/finansiering', { me: HEAD, handle: api('active') });

    const card = within(await openLine());
    expect(card.getByRole('button', { name: t.actions.editLabel(LINE_NAME) })).toBeTruthy();
    expect(card.getByRole('button', { name: t.actions.endLabel(LINE_NAME) })).toBeTruthy();
    expect(card.getByRole('button', { name: t.actions.decideLabel(LINE_NAME) })).toBeTruthy();
    expect(card.queryByRole('button', { name: t.actions.removeLabel(LINE_NAME) })).toBeNull();
    expect(screen.getByRole('heading', { level: 2, name: t.linesHeading })).toBeTruthy();
  });

  it('should offer deleting a line while the initiative is a draft', async () => {
    await renderApp('/insatser/TEST/finansiering', { me: HEAD, handle: api('draft') });

    expect(within(await openLine()).getByRole('button', { name: t.actions.removeLabel(LINE_NAME) })).toBeTruthy();
  });

  it('should offer nothing to a person who may only read, and say why', async () => {
    await renderApp('/insatser/TEST/finansiering', {
      me: fakeMe({ roles: ['auditor'], department: null }),
      handle: api('active'),
    });

    await openLine();
    expect(screen.getByText(t.mayNotEdit(messages.auth.may.notGranted))).toBeTruthy();
    expect(within(screen.getByRole('main')).queryAllByRole('button')).toEqual([]);
  });

  it('should let the leadership group record coverage decisions without offering to change the lines', async () => {
    const leadership = fakeMe({
      roles: ['leadership'],
      department: null,
      allow: { 'portfolio:read': 'all', 'funding:decide-coverage': 'all' },
    });
    await renderApp('/insatser/TEST/finansiering', { me: leadership, handle: api('active') });

    const card = within(await openLine());
    expect(card.getByRole('button', { name: t.actions.decideLabel(LINE_NAME) })).toBeTruthy();
    expect(card.queryByRole('button', { name: t.actions.editLabel(LINE_NAME) })).toBeNull();
    expect(card.queryByRole('button', { name: t.actions.endLabel(LINE_NAME) })).toBeNull();
    expect(screen.getByText(t.mayOnlyDecide(messages.auth.may.notGranted))).toBeTruthy();
  });

  it('should say clearly when the API refuses a coverage decision that /me allowed, and change nothing on screen', async () => {
    const sent: unknown[] = [];
    await renderApp('/insatser/TEST/finansiering', {
      me: HEAD,
      handle: api('active', (request) => {
        if (request.method !== 'PUT') return undefined;
        sent.push(request.headers.get('If-Match'));
        return json(
          {
            type: '/problems/forbidden',
            title: 'Forbidden',
            status: 403,
            detail: 'What happens when a funding line ends is decided by the lead department’s head',
          },
          403,
        );
      }),
    });
    fireEvent.click(within(await openLine()).getByRole('button', { name: t.actions.decideLabel(LINE_NAME) }));
    fireEvent.click(await screen.findByRole('radio', { name: t.coverageLabel.phase_out }));
    fireEvent.click(screen.getByRole('button', { name: t.coverage.save }));

    const summary = await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(summary.textContent).toContain(messages.problem.byStatus[403]);
    expect(summary.textContent).toContain(t.coverage.forbidden);
    expect(sent).toEqual(['"2"']);
    expect(screen.getByRole('article', { name: LINE_NAME }).querySelector('dl')?.textContent).toContain(
      t.coverageLabel.undecided,
    );
  });

  it('should send only what changed, with If-Match: a removed reporting deadline', async () => {
    const sent: { ifMatch: string | null; body: unknown }[] = [];
    await renderApp('/insatser/TEST/finansiering', {
      me: HEAD,
      handle: api('active', (request) => {
        if (request.method !== 'PATCH') return undefined;
        return request.json().then((body: unknown) => {
          sent.push({ ifMatch: request.headers.get('If-Match'), body });
          return json({ ...line, reportingDeadlines: [], version: 3 });
        }) as unknown as Response;
      }),
    });
    fireEvent.click(within(await openLine()).getByRole('button', { name: t.actions.editLabel(LINE_NAME) }));
    fireEvent.click(await screen.findByRole('button', { name: t.form.removeDeadline(1) }));
    expect(screen.getByText(t.form.noDeadlines)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t.form.save }));

    await screen.findByText(t.announce.saved(LINE_NAME));
    expect(sent).toEqual([{ ifMatch: '"2"', body: { reportingDeadlines: [] } }]);
  });
});
