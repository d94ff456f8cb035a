import type { ApiKeyActor, Role, UserActor } from './actor.js';
import { accessFor, DEPARTMENT_REACH, PERMISSIONS, type Permission } from './permissions.js';

const person = (roles: Role[], departmentId: string | null = 'dep-1'): UserActor => ({
  kind: 'user',
  id: 'u1',
  name: null,
  email: null,
  roles,
  departmentId,
});

describe('the reach of each permission', () => {
  it('should limit only roles that hold the permission, and never admins or the leadership group', () => {
    for (const [permission, limits] of Object.entries(DEPARTMENT_REACH) as [
      Permission,
      Partial<Record<Role, string>>,
    ][]) {
      for (const role of Object.keys(limits) as Role[]) {
        expect({ permission, role, holds: (PERMISSIONS[permission] as readonly Role[]).includes(role) }).toEqual({
          permission,
          role,
          holds: true,
        });
        expect(['admin', 'leadership']).not.toContain(role);
      }
    }
  });

  it('should give a department head their own department’s initiatives and only the initiatives it leads for coverage decisions', () => {
    expect(accessFor(person(['department_head']), 'initiatives:write')).toEqual({
      allowed: true,
      reach: 'own_department',
      reason: null,
    });
    expect(accessFor(person(['department_head']), 'funding:decide-coverage')).toEqual({
      allowed: true,
      reach: 'lead_department',
      reason: null,
    });
  });

  it('should give every record when the person holds the permission through any role without a limit', () => {
    expect(accessFor(person(['department_head', 'leadership']), 'funding:decide-coverage')).toEqual({
      allowed: true,
      reach: 'all',
      reason: null,
    });
    expect(accessFor(person(['staff', 'admin']), 'initiatives:write')).toEqual({
      allowed: true,
      reach: 'all',
      reason: null,
    });
  });

  it('should refuse a department-limited permission with no_department when Samla knows no department for the person', () => {
    expect(accessFor(person(['staff'], null), 'funding:write')).toEqual({
      allowed: false,
      reach: null,
      reason: 'no_department',
    });
    expect(accessFor(person(['staff'], null), 'portfolio:read')).toEqual({ allowed: true, reach: 'all', reason: null });
    expect(accessFor(person(['admin'], null), 'funding:write')).toEqual({ allowed: true, reach: 'all', reason: null });
  });

  it('should refuse with not_granted when no role gives the permission', () => {
    expect(accessFor(person(['auditor']), 'initiatives:write')).toEqual({
      allowed: false,
      reach: null,
      reason: 'not_granted',
    });
    expect(accessFor(person([]), 'portfolio:read')).toEqual({ allowed: false, reach: null, reason: 'not_granted' });
  });

  it('should give an API key its scopes on every record and nothing else', () => {
    const key: ApiKeyActor = { kind: 'api_key', id: 'k1', name: 'Budgetsystemet', scopes: ['budget:read'] };

    expect(accessFor(key, 'budget:read')).toEqual({ allowed: true, reach: 'all', reason: null });
    expect(accessFor(key, 'budget:write')).toEqual({ allowed: false, reach: null, reason: 'not_granted' });
  });
});
