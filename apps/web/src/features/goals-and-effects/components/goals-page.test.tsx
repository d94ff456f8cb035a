import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { messages } from '../../../lib/messages';
import { json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { goalsMessages as t } from '../messages';
import { testGoal as goal } from '../utils/test-goals';

const area = goal('3', 'priority_area', { initiatives: 2, annualCostSek: 500_000, directInitiatives: 1 }, [
  goal('31', 'sub_goal', { initiatives: 1, annualCostSek: 200_000, directInitiatives: 1 }),
]);
const TREE = [goal('1', 'agenda2030', { initiatives: 2, annualCostSek: 500_000 }, [area])];

const treeAnswer = (answers: Response[]) => (request: Request) =>
  new URL(request.url).pathname === '/api/v1/portfolio/goal-tree' ? answers.shift() : undefined;

describe('Mål och effekter', { timeout: 20_000 }, () => {
  it("should show each goal's figures in text and open a priority area's sub-goals with its button", async () => {
    await renderApp('/mal', { handle: treeAnswer([json(TREE)]) });

    const tree = await screen.findByRole('region', { name: t.treeHeading });
    const root = within(tree).getByRole('button', { name: /Målet 1/ });
    expect(root.getAttribute('aria-expanded')).toBe('true');
    const count = within(tree).getByRole('link', { name: `${t.initiatives(2)}, ${t.initiativesLinkHint('3')}` });
    expect(count.getAttribute('href')).toBe(`/insatser?goalId=${area.id}`);
    expect(count.parentElement?.textContent).toMatch(
      /^2 insatser varav 1 kopplad direkt till målet, 500\s000\s?kr per år$/,
    );
    expect(
      within(tree)
        .getByRole('link', { name: t.openChain('3') })
        .getAttribute('href'),
    ).toBe('/mal/3');

    // The priority area starts closed: its sub-goal shows once its button is pressed.
    const areaButton = within(tree).getByRole('button', { name: /Målet 3/ });
    expect(areaButton.getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByText('Målet 31')).toBeNull();
    fireEvent.click(areaButton);
    expect(areaButton.getAttribute('aria-expanded')).toBe('true');
    within(tree).getByText('Målet 31');
    expect(document.getElementById(areaButton.getAttribute('aria-controls') ?? '')?.hidden).toBe(false);
  });

  it('should say the tree could not be read, and read it again on "Försök igen"', async () => {
    // A refusal, which the app does not retry on its own (a 500 would be tried twice more first).
    const failure = json(
      { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Nej', errorId: 'abc-123' },
      403,
    );
    await renderApp('/mal', { handle: treeAnswer([failure, json(TREE)]) });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t.error);
    expect(alert.textContent).toContain('abc-123');
    fireEvent.click(within(alert).getByRole('button', { name: messages.loadError.retry }));
    await waitFor(() => screen.getByRole('region', { name: t.treeHeading }));
  });
});
