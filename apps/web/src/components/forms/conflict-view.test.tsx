import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { messages } from '../../lib/messages';
import {
  ConflictView,
  findConflicts,
  initialChoices,
  mergeValues,
  sameValue,
  type ConflictField,
} from './conflict-view';

type Values = {
  title: string;
  summary: string | null;
  goalIds: string[];
  owner: { name: string; email: string | null };
  cost: number | null;
};

const fields: ConflictField[] = [
  { name: 'title', label: 'Namn' },
  { name: 'summary', label: 'Beskrivning' },
  { name: 'goalIds', label: 'Mål', format: (value) => (value as string[]).join(', ') },
  { name: 'owner', label: 'Processägare', format: (value) => (value as Values['owner']).name },
  { name: 'cost', label: 'Årlig kostnad' },
];

const base: Values = {
  title: 'Sommarjobb',
  summary: '',
  goalIds: ['a'],
  owner: { name: 'Ann', email: null },
  cost: 100,
};
// This person changed the title and the cost; the other person the title, the goals and the owner.
const mine: Values = { ...base, title: 'Sommarjobb för unga', cost: 200 };
const theirs: Values = {
  ...base,
  summary: null,
  title: 'Sommarjobb 2027',
  goalIds: ['a', 'b'],
  owner: { name: 'Bo', email: 'bo@example.se' },
};
const t = messages.forms.conflict;

describe('findConflicts and mergeValues', () => {
  it('should list what the other person changed, and whether this person changed it too', () => {
    const conflicts = findConflicts(fields, base, mine, theirs);

    expect(conflicts.map((c) => [c.field.name, c.changedByMe])).toEqual([
      ['title', true],
      ['goalIds', false],
      ['owner', false],
    ]);
    expect(initialChoices(conflicts)).toEqual({ title: 'mine', goalIds: 'theirs', owner: 'theirs' });
  });

  it('should treat empty values alike and compare lists and objects by content', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue([], undefined)).toBe(true);
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameValue({ name: 'Ann', email: '' }, { name: 'Ann', email: null })).toBe(true);
    expect(sameValue(0, null)).toBe(false);
  });

  it('should not count a change both made alike as a conflict', () => {
    expect(findConflicts(fields, base, { ...mine, title: 'Sommarjobb 2027' }, theirs).map((c) => c.field.name)).toEqual(
      ['goalIds', 'owner'],
    );
  });

  it('should merge field by field: the chosen version where both changed, each one’s own change elsewhere', () => {
    const merged = mergeValues(fields, base, mine, theirs, { title: 'mine', goalIds: 'theirs', owner: 'theirs' });
    expect(merged).toEqual({ ...theirs, title: 'Sommarjobb för unga', cost: 200 });

    const takeTheirs = mergeValues(fields, base, mine, theirs, { title: 'theirs', goalIds: 'mine', owner: 'theirs' });
    expect(takeTheirs).toEqual({ ...theirs, goalIds: ['a'], cost: 200 });
  });

  it('should set a nested field without touching its neighbours', () => {
    const nested: ConflictField[] = [{ name: 'owner.name', label: 'Namn' }];
    const merged = mergeValues(nested, base, { ...base, owner: { name: 'Cia', email: null } }, theirs, {
      'owner.name': 'mine',
    });
    expect(merged.owner).toEqual({ name: 'Cia', email: 'bo@example.se' });
  });
});

describe('ConflictView', () => {
  it('should show both versions of each field the other changed, take focus, and save the chosen merge', async () => {
    const onResolve = vi.fn();
    render(
      <main>
        <h1>Ändra</h1>
        <ConflictView fields={fields} base={base} mine={mine} theirs={theirs} onResolve={onResolve} />
      </main>,
    );

    const heading = screen.getByRole('heading', { level: 2, name: t.title });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const title = screen.getByRole('radiogroup', { name: 'Namn' });
    expect(within(title).getByRole('radio', { name: `${t.mine} Sommarjobb för unga` })).toHaveProperty('checked', true);
    expect(within(title).getByRole('radio', { name: `${t.theirs} Sommarjobb 2027` })).toHaveProperty('checked', false);
    const goals = screen.getByRole('radiogroup', { name: 'Mål' });
    expect(goals.textContent).toContain(t.untouched);
    expect(within(goals).getByRole('radio', { name: `${t.theirs} a, b` })).toHaveProperty('checked', true);
    expect(screen.queryByRole('radiogroup', { name: 'Årlig kostnad' })).toBeNull();

    // Take theirs for the title, then keep mine for everything.
    fireEvent.click(within(title).getByRole('radio', { name: new RegExp(t.theirs) }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: t.save })));
    expect(onResolve).toHaveBeenLastCalledWith({ ...theirs, cost: 200 });

    fireEvent.click(screen.getByRole('button', { name: t.keepAllMine }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: t.save })));
    expect(onResolve).toHaveBeenLastCalledWith({
      ...theirs,
      title: 'Sommarjobb för unga',
      goalIds: ['a'],
      owner: base.owner,
      cost: 200,
    });

    document.documentElement.lang = 'sv';
    document.title = 'Ändra';
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    document.documentElement.removeAttribute('lang');
  });

  it('should say so when the other changed nothing shown, and still let the person save', async () => {
    const onResolve = vi.fn();
    render(<ConflictView fields={fields} base={base} mine={mine} theirs={base} onResolve={onResolve} />);

    expect(screen.getByText(t.nothingToChoose)).toBeTruthy();
    expect(screen.queryByRole('radiogroup')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: t.save })));
    expect(onResolve).toHaveBeenCalledWith(mine);
  });
});
