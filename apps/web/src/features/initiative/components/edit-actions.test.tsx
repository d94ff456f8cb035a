import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ASF, fakeMe, json } from '../../../testing/auth';
import { renderApp } from '../../../testing/render-app';
import { initiativeMessages } from '../messages';

const KFF = '2b7c9d1e-3f4a-4b5c-8d6e-7f8a9b0c1d2e';
const draft = {
  id: '0f1e2d3c-4b5a-4697-8877-665544332211',
  code: 'LAXHJALP',
  title: 'Läxhjälp',
  kind: 'project',
  status: 'draft',
  leadDepartmentId: ASF.id,
  leadDepartmentName: ASF.name,
  participants: [],
  goals: [],
  goalIds: [],
  targetGroupCodes: [],
  districtCodes: [],
};
const text = initiativeMessages.actions;
const writer = fakeMe({ allow: { 'portfolio:read': 'all', 'initiatives:write': 'own_department' } });

/** Insatsen of `initiative`; every section's other reads answer 404, which the sections say, not the actions. */
async function openInitiative(initiative: typeof draft, me = writer) {
  await renderApp(`/insatser/${initiative.code}`, {
    me,
    handle: (request) =>
      new URL(request.url).pathname === `/api/v1/initiatives/${initiative.code}` ? json(initiative) : undefined,
  });
  await screen.findByRole('heading', { level: 1, name: initiative.title });
  // /me has answered (the frame names the person), so an action missing is a decision, not a wait.
  await screen.findByText(me.name!);
}

describe('Insatsen’s edit actions', () => {
  it('should offer "Fortsätt i guiden" and "Ändra uppgifter" on a draft of the person’s own department', async () => {
    await openInitiative(draft);
    expect(screen.getByRole('link', { name: text.resumeGuide }).getAttribute('href')).toBe('/insatser/LAXHJALP/guide');
    expect(screen.getByRole('link', { name: text.edit }).getAttribute('href')).toBe('/insatser/LAXHJALP/andra');
  });

  it('should offer only "Ändra uppgifter" past the draft', async () => {
    await openInitiative({ ...draft, status: 'active' });
    expect(screen.queryByRole('link', { name: text.resumeGuide })).toBeNull();
    expect(screen.getByRole('link', { name: text.edit })).toBeTruthy();
  });

  it('should offer nothing on another department’s initiative', async () => {
    await openInitiative({ ...draft, leadDepartmentId: KFF, leadDepartmentName: 'Kultur- och fritidsförvaltningen' });
    expect(screen.queryByRole('navigation', { name: text.label })).toBeNull();
  });

  it('should offer nothing to whom may not write initiatives', async () => {
    await openInitiative(draft, fakeMe({ name: 'Revisor', allow: { 'portfolio:read': 'all' } }));
    expect(screen.queryByRole('navigation', { name: text.label })).toBeNull();
  });

  it('should offer nothing on an ended initiative', async () => {
    await openInitiative({ ...draft, status: 'completed' });
    expect(screen.queryByRole('navigation', { name: text.label })).toBeNull();
  });
});
