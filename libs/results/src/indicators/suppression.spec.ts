import type { Actor, Role } from '#identity';
import { maySeeSmallCounts, suppressed } from './suppression.js';

const OWNER = 'b1c3a7e0-0000-4000-8000-000000000001';
const user = (roles: Role[], departmentId: string | null): Actor => ({
  kind: 'user',
  id: 'u',
  name: null,
  email: null,
  roles,
  departmentId,
});
const point = (persons: number | null) => ({ value: 40, numerator: 2, denominator: 5, persons, period: '2024' });

describe('suppression of small counts', () => {
  it.each<[string, Actor, boolean]>([
    ['an admin of any department', user(['admin'], null), true],
    ['staff of the owning department', user(['staff'], OWNER), true],
    ['a department head of another department', user(['department_head'], 'other'), false],
    ['the leadership group', user(['leadership'], null), false],
    ['an auditor', user(['auditor'], null), false],
    ['a machine client', { kind: 'api_key', id: 'k', name: 'budget', scopes: ['portfolio:read'] }, false],
  ])('should let %s see small counts: %s', (_who, actor, expected) => {
    expect(maySeeSmallCounts(actor, OWNER)).toBe(expected);
  });

  it('should blank every figure of a value resting on fewer than 5 persons for an outsider, keeping the rest', () => {
    expect(suppressed(point(4), false)).toEqual({
      value: null,
      numerator: null,
      denominator: null,
      persons: null,
      period: '2024',
      suppressed: true,
    });
  });

  it.each([
    ['5 persons (at the threshold)', 5, false],
    ['no persons count', null, false],
    ['4 persons seen by the owner', 4, true],
  ])('should keep a value with %s', (_case, persons, visible) => {
    expect(suppressed(point(persons), visible)).toEqual({ ...point(persons), suppressed: false });
  });
});
