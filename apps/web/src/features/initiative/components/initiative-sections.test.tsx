import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { FundingView } from './funding-section';
import { LifecyclePhases, NextMoves } from './lifecycle-section';

type FundingLine = components['schemas']['FundingLineDto'];

const options: axe.RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'color-contrast': { enabled: false } },
};

// A fragment of the page, rendered alone: the document around it is the page's (language and title).
beforeEach(() => {
  document.documentElement.lang = 'sv';
  document.title = 'Insatsen – Samla';
});
afterEach(() => {
  document.documentElement.removeAttribute('lang');
});

describe('the lifecycle', () => {
  it('should mark the current phase by text and aria-current, not by colour alone', () => {
    render(<LifecyclePhases status="proposed" />);

    const phases = within(screen.getByRole('list', { name: 'Livscykelns faser' })).getAllByRole('listitem');
    const current = phases.find((phase) => phase.getAttribute('aria-current') === 'step');

    expect(phases.map((phase) => phase.textContent)).toEqual([
      'UtkastKlar',
      'FöreslagenNuvarande fas',
      'BeslutadKommande',
      'PågåendeKommande',
      'Avslutad eller införd i ordinarie verksamhetKommande',
    ]);
    expect(current?.textContent).toContain('Nuvarande fas');
    expect(current?.querySelector('svg')).not.toBeNull();
  });

  it('should list what each next move still needs in Swedish, each linked to the field to fix, and whether the person may make it', async () => {
    await renderInRouter(
      <NextMoves
        code="SSPF"
        moves={[
          { to: 'approved', unmetGuards: ['followUpPlan', 'funding'], allowed: false },
          { to: 'discontinued', unmetGuards: [], allowed: true },
        ]}
        action={(move) => <button type="button">Flytta till {move.to}</button>}
      />,
    );

    const approved = screen.getByRole('heading', { name: 'Till Beslutad' }).closest('li')!;
    const checklist = within(approved).getByRole('list', { name: 'Det här saknas för steget till Beslutad' });
    expect(
      within(checklist)
        .getAllByRole('listitem')
        .map((item) => item.textContent?.trim()),
    ).toEqual([
      'En uppföljningsplan måste finnas. Skriv en uppföljningsplan',
      'Minst en finansieringsrad måste finnas. Lägg till en finansieringsrad',
    ]);
    expect(within(checklist).getByRole('link', { name: 'Skriv en uppföljningsplan' }).getAttribute('href')).toBe(
      '/insatser/SSPF/andra#falt-followUpPlan-method',
    );
    expect(within(checklist).getByRole('link', { name: 'Lägg till en finansieringsrad' }).getAttribute('href')).toBe(
      '/insatser/SSPF/finansiering',
    );
    expect(within(approved).getByText('Ditt konto får inte ta det här steget.')).toBeTruthy();
    expect(within(approved).queryByRole('button')).toBeNull();
    const discontinued = screen.getByRole('heading', { name: 'Till Avbruten' }).closest('li')!;
    expect(within(discontinued).getByText('Inget saknas för det här steget.', { exact: false })).toBeTruthy();
    // Allowed and needing nothing more: the only move offered.
    expect(within(discontinued).getByRole('button').textContent).toBe('Flytta till discontinued');
    expect((await axe.run(document, options)).violations.map((v) => v.id)).toEqual([]);
  });
});

/** Links need a router: `ui` as the page of a router of its own, in memory, at /insatser/SSPF. */
async function renderInRouter(ui: ReactNode) {
  const root = createRootRoute({ component: () => ui });
  const router = createRouter({
    routeTree: root,
    history: createMemoryHistory({ initialEntries: ['/insatser/SSPF'] }),
  });
  render(<RouterProvider router={router} />);
  await screen.findAllByRole('list');
}

describe('the funding', () => {
  const base = {
    initiativeId: '00000000-0000-4000-8000-999999999999',
    version: 1,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
  };
  const lines = [
    {
      ...base,
      id: '00000000-0000-4000-8000-000000000001',
      sourceType: 'state_grant',
      funder: 'Länsstyrelsen Västra Götaland',
      amountSek: 1_200_000,
      periodStart: '2024-01-01',
      periodEnd: '2025-06-30',
      status: 'ended',
      successorFundingId: '00000000-0000-4000-8000-000000000002',
      coverageDecision: 'ordinary_budget',
    },
    {
      ...base,
      id: '00000000-0000-4000-8000-000000000002',
      sourceType: 'ordinary_budget',
      funder: 'Arbetsmarknads- och socialnämnden',
      amountSek: 1_800_000,
      periodStart: '2025-07-01',
      periodEnd: '2027-12-31',
      status: 'granted',
      successorFundingId: null,
      coverageDecision: 'undecided',
    },
  ] as FundingLine[];

  it('should draw the periods as one named image and give the same facts in a table', async () => {
    render(<FundingView lines={lines} asOf="2026-12-04" />);

    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Tidslinje över 2 finansieringsrader från 1 januari 2024 till 31 december 2027. Samma uppgifter finns i tabellen under.',
    );
    const table = screen.getByRole('table', { name: 'Finansieringsrader' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Länsstyrelsen Västra Götaland');
    expect(rows[1]!.textContent).toContain('Arbetsmarknads- och socialnämnden, 1 juli 2025 – 31 december 2027');
    expect(rows[1]!.textContent).toContain('Avslutad');
    expect((await axe.run(document, options)).violations.map((v) => v.id)).toEqual([]);
  });

  it('should say so when there is no funding line', () => {
    render(<FundingView lines={[]} asOf="2026-12-04" />);

    expect(screen.getByText('Insatsen har inga finansieringsrader.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
