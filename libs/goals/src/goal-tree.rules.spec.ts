import { placementErrors, validityErrors, type GoalPlacement } from './goal-tree.rules.js';

describe('goal tree rules', () => {
  describe('placementErrors', () => {
    it.each<{ when: string; placement: GoalPlacement; fields: string[] }>([
      {
        when: 'a root has any level',
        placement: { level: 'committee_goal', parentLevel: null, childLevels: [], changed: 'level' },
        fields: [],
      },
      {
        when: 'a goal sits one level below its parent',
        placement: { level: 'focus_area', parentLevel: 'agenda2030', childLevels: [], changed: 'level' },
        fields: [],
      },
      {
        when: 'a goal skips levels below its parent',
        placement: { level: 'priority_area', parentLevel: 'agenda2030', childLevels: [], changed: 'level' },
        fields: [],
      },
      {
        when: 'a goal has its parent’s level',
        placement: { level: 'priority_goal', parentLevel: 'priority_goal', childLevels: [], changed: 'level' },
        fields: ['level'],
      },
      {
        when: 'a goal is above its parent',
        placement: { level: 'focus_area', parentLevel: 'committee_goal', childLevels: [], changed: 'level' },
        fields: ['level'],
      },
      {
        when: 'a goal is moved under a lower goal',
        placement: { level: 'focus_area', parentLevel: 'sub_goal', childLevels: [], changed: 'parentId' },
        fields: ['parentId'],
      },
      {
        when: 'the new level stays above every child',
        placement: {
          level: 'committee_goal',
          parentLevel: 'focus_area',
          childLevels: ['priority_area', 'sub_goal'],
          changed: 'level',
        },
        fields: [],
      },
      {
        when: 'a child has the new level',
        placement: { level: 'priority_area', parentLevel: null, childLevels: ['priority_area'], changed: 'level' },
        fields: ['level'],
      },
      {
        when: 'a child is above the new level',
        placement: {
          level: 'sub_goal',
          parentLevel: null,
          childLevels: ['priority_area', 'sub_goal'],
          changed: 'level',
        },
        fields: ['level'],
      },
      {
        when: 'both the parent and a child are in the way',
        placement: {
          level: 'priority_goal',
          parentLevel: 'committee_goal',
          childLevels: ['focus_area'],
          changed: 'level',
        },
        fields: ['level', 'level'],
      },
    ])('should report errors on $fields when $when', ({ placement, fields }) => {
      expect(placementErrors(placement).map((e) => e.field)).toEqual(fields);
    });

    it('should name each blocking child level once when several children share it', () => {
      const [error] = placementErrors({
        level: 'sub_goal',
        parentLevel: null,
        childLevels: ['sub_goal', 'sub_goal', 'priority_area'],
        changed: 'level',
      });
      expect(error.message).toContain('(sub_goal, priority_area)');
    });
  });

  describe('validityErrors', () => {
    it.each<{ validFrom: string | null; validTo: string | null; fields: string[] }>([
      { validFrom: null, validTo: null, fields: [] },
      { validFrom: '2024-01-01', validTo: null, fields: [] },
      { validFrom: null, validTo: '2027-12-31', fields: [] },
      { validFrom: '2024-01-01', validTo: '2024-01-01', fields: [] },
      { validFrom: '2024-01-01', validTo: '2027-12-31', fields: [] },
      { validFrom: '2024-01-02', validTo: '2024-01-01', fields: ['validTo'] },
      { validFrom: '2025-01-01', validTo: '2024-12-31', fields: ['validTo'] },
    ])('should report errors on $fields when valid from $validFrom to $validTo', ({ validFrom, validTo, fields }) => {
      expect(validityErrors(validFrom, validTo).map((e) => e.field)).toEqual(fields);
    });
  });
});
