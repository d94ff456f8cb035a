import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../lib/messages';
import { fakeMe, json, type FetchHandler } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { reviewMessages } from '../messages';

const t = reviewMessages;
const REVIEW_ID = '33333333-3333-4333-8333-333333333333';
const INITIATIVE_ID = '22222222-2222-4222-8222-222222222222';
const LEADERSHIP = fakeMe({
  roles: ['leadership'],
  name: 'Ledningsgruppen',
  allow: { 'portfolio:read': 'all', 'portfolio-reviews:write': 'all' },
});

const review = {
  id: REVIEW_ID,
  title: 'Portföljgenomgång december 2026',
  meetingDate: '2026-12-07',
  notes: null,
  createdBy: 'x',
  version: 1,
  createdAt: '',
  updatedAt: '',
  decisions: [],
};
const none = { alert: null, fundingCliff: null, overlap: null, dueDecision: null, statusReport: null };
const agenda = {
  reviewId: REVIEW_ID,
  meetingDate: '2026-12-07',
  budgetYear: 2027,
  items: [
    {
      initiative: {
        id: INITIATIVE_ID,
        code: 'TEST',
        title: 'Testinsats',
        status: 'active',
        leadDepartment: null,
        annualCostSek: null,
        startDate: null,
        endDate: null,
      },
      reasons: [
        {
          ...none,
          kind: 'status_report',
          statusReport: { id: 'r', status: 'returned', roundTitle: 'Delår augusti', dueDate: '2026-09-15' },
        },
      ],
      decision: null,
    },
  ],
};

/** The review and its agenda; the decision is answered by `decide`. */
function api(decide: (body: Record<string, unknown>) => Response, answer: unknown = agenda): FetchHandler {
  return (request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === `/api/v1/portfolio-reviews/${REVIEW_ID}`) return json(review);
    if (request.method === 'GET' && pathname === `/api/v1/portfolio-reviews/${REVIEW_ID}/agenda`) return json(answer);
    if (request.method === 'POST' && pathname === `/api/v1/portfolio-reviews/${REVIEW_ID}/decisions`)
      return request.json().then((body) => decide(body as Record<string, unknown>));
    return undefined;
  };
}

async function fillAndSubmit(decision: string) {
  await screen.findByRole('heading', { level: 1, name: t.item.title('TEST', 'Testinsats') });
  fireEvent.click(screen.getByRole('radio', { name: decision }));
  fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^${t.decide.rationale}`) }), {
    target: { value: 'Kort motivering.' },
  });
  fireEvent.click(screen.getByRole('button', { name: t.decide.save }));
  return screen.findByRole('alert');
}

describe('an agenda item', () => {
  it("should show the facts and why the item is on the agenda, and say the API's unmet guards in Swedish when a move is refused", async () => {
    const sent: Record<string, unknown>[] = [];
    await renderApp(`/genomgangar/${REVIEW_ID}/punkter/TEST`, {
      me: LEADERSHIP,
      handle: api((body) => {
        sent.push(body);
        return json(
          {
            type: '/problems/unmet-guards',
            title: 'Unprocessable',
            status: 422,
            unmetGuards: ['goal'],
            errors: [{ field: 'goal', message: 'at least one goal must be linked' }],
          },
          422,
        );
      }),
    });
    await screen.findByText(t.item.reportReturned('Delår augusti'));
    expect(screen.getByText(t.item.noAnnualCost)).toBeTruthy();

    const summary = await fillAndSubmit(t.decisionLabel.integrate);

    expect(sent).toEqual([
      { initiativeId: INITIATIVE_ID, decision: 'integrate', rationale: 'Kort motivering.', followUpDate: null },
    ]);
    expect(within(summary).getByText(messages.problem.guards.goal!)).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
  });

  it("should put the API's refusal of a field on the field, in Swedish", async () => {
    await renderApp(`/genomgangar/${REVIEW_ID}/punkter/TEST`, {
      me: LEADERSHIP,
      handle: api(() =>
        json(
          {
            type: '/problems/validation',
            title: 'Bad Request',
            status: 400,
            errors: [{ field: 'rationale', message: 'rationale should not be empty' }],
          },
          400,
        ),
      ),
    });

    const summary = await fillAndSubmit(t.decisionLabel.continue);

    expect(
      within(summary)
        .getByRole('link', { name: `${t.decide.rationale}: ${messages.problem.field.required}` })
        .getAttribute('href'),
    ).toBe('#falt-rationale');
    expect(
      screen.getByRole('textbox', { name: new RegExp(`^${t.decide.rationale}`) }).getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('should link an overlap to the pair on Överlapp, with the review for the way back', async () => {
    const OTHER_ID = '44444444-4444-4444-8444-444444444444';
    const overlap = {
      score: 0.82,
      otherInitiative: { id: OTHER_ID, code: 'ANNAN', title: 'Annan insats' },
      reasons: ['Samma målgrupper'],
    };
    const [item] = agenda.items;
    await renderApp(`/genomgangar/${REVIEW_ID}/punkter/TEST`, {
      me: LEADERSHIP,
      handle: api(() => json({}, 500), {
        ...agenda,
        items: [{ ...item!, reasons: [{ ...none, kind: 'overlap', overlap }] }],
      }),
    });

    const link = await screen.findByRole('link', { name: t.item.overlapLink('TEST', 'ANNAN') });

    expect(link.getAttribute('href')).toBe(`/overlapp?par=${INITIATIVE_ID}&par=${OTHER_ID}&genomgang=${REVIEW_ID}`);
  });

  it('should offer no decision to someone /me does not let decide', async () => {
    await renderApp(`/genomgangar/${REVIEW_ID}/punkter/TEST`, { handle: api(() => json({}, 500)) });

    await screen.findByText(t.item.readOnly);
    expect(screen.queryByRole('button', { name: t.decide.save })).toBeNull();
  });
});
