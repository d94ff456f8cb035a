import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { administrationMessages } from '../messages';
import {
  flattenGoals,
  goalParents,
  levelsBetween,
  newGoalValues,
  NO_PARENT,
  toGoalChanges,
  toGoalValues,
  toNewGoal,
  validityText,
} from './goals';

type Node = components['schemas']['GoalTreeNodeDto'];
const t = administrationMessages.goals;

const goal = (code: string, level: Node['level'], parentId: string | null, children: Node[] = []): Node => ({
  id: `id-${code}`,
  code,
  title: `Mål ${code}`,
  description: null,
  level,
  framework: 'Färdplan för social hållbarhet',
  parentId,
  validFrom: null,
  validTo: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  children,
});

const area = goal('FP-3', 'priority_area', 'id-KS', [goal('FP-3-1', 'sub_goal', 'id-FP-3')]);
const tree = [goal('A2030-10', 'agenda2030', null, [goal('KS', 'committee_goal', 'id-A2030-10', [area])])];

describe('goals', () => {
  it('should list every goal, each before the goals under it', () => {
    expect(flattenGoals(tree).map((g) => g.code)).toEqual(['A2030-10', 'KS', 'FP-3', 'FP-3-1']);
  });

  it("should offer the levels below the parent's and above those of the goals under it", () => {
    expect(levelsBetween('committee_goal', [])).toEqual(['priority_area', 'sub_goal']);
    expect(levelsBetween(null, ['priority_area'])).toEqual([
      'agenda2030',
      'focus_area',
      'priority_goal',
      'committee_goal',
    ]);
    expect(levelsBetween('priority_goal', ['sub_goal'])).toEqual(['committee_goal', 'priority_area']);
    expect(levelsBetween('sub_goal', [])).toEqual([]);
  });

  it('should let a goal move only under goals that are neither itself, under it, nor at the lowest level', () => {
    expect(goalParents(flattenGoals(tree), 'id-KS').map((g) => g.code)).toEqual(['A2030-10']);
    expect(goalParents(flattenGoals(tree), 'id-FP-3-1').map((g) => g.code)).toEqual(['A2030-10', 'KS', 'FP-3']);
  });

  it("should start a new goal at the level next below its parent, in the parent's governing document", () => {
    expect(newGoalValues(area)).toMatchObject({ level: 'sub_goal', framework: area.framework, parentId: area.id });
    expect(newGoalValues(null)).toMatchObject({ level: 'agenda2030', framework: '', parentId: NO_PARENT });
  });

  it('should send a new goal with its code in capitals and leave out what was left empty', () => {
    expect(
      toNewGoal({
        ...newGoalValues(area),
        code: ' fp-3-2 ',
        title: 'Färre unga börjar använda narkotika',
        description: '  ',
      }),
    ).toEqual({
      code: 'FP-3-2',
      title: 'Färre unga börjar använda narkotika',
      level: 'sub_goal',
      framework: area.framework,
      parentId: area.id,
    });
    expect(
      toNewGoal({
        ...newGoalValues(null),
        code: 'A2030-5',
        title: 'Jämställdhet',
        framework: 'Agenda 2030',
        validFrom: '2016-01-01',
      }),
    ).toEqual({
      code: 'A2030-5',
      title: 'Jämställdhet',
      level: 'agenda2030',
      framework: 'Agenda 2030',
      validFrom: '2016-01-01',
    });
  });

  it('should send only what changed, an emptied field as null and a goal moved to the top with no parent', () => {
    const before = { ...area, description: 'Gammal beskrivning', validTo: '2027-12-31' };
    const values = toGoalValues(before);

    expect(toGoalChanges(before, values)).toEqual({});
    expect(toGoalChanges(before, { ...values, title: 'Ny lydelse', description: '', validTo: null })).toEqual({
      title: 'Ny lydelse',
      description: null,
      validTo: null,
    });
    expect(toGoalChanges(before, { ...values, parentId: NO_PARENT })).toEqual({ parentId: null });
  });

  it("should say a goal's validity in words", () => {
    expect(validityText({ validFrom: '2024-01-01', validTo: '2027-12-31' })).toBe(
      t.validFromTo('1 januari 2024', '31 december 2027'),
    );
    expect(validityText({ validFrom: '2021-12-01', validTo: null })).toBe(t.validFromOnly('1 december 2021'));
    expect(validityText({ validFrom: null, validTo: '2027-12-31' })).toBe(t.validToOnly('31 december 2027'));
    expect(validityText({ validFrom: null, validTo: null })).toBeNull();
  });
});
