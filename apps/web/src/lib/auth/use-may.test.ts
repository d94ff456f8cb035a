import { describe, expect, it } from 'vitest';
import { ASF, fakeMe } from '../../testing/auth';
import { messages } from '../messages';
import { mayFrom } from './use-may';

const OTHER = 'b0e3c2d1-0000-4000-8000-000000000002';

describe('mayFrom', () => {
  it('should neither offer nor explain while /me is unknown', () => {
    expect(mayFrom(undefined, 'initiatives:write')).toEqual({
      allowed: false,
      reach: null,
      reason: null,
      pending: true,
    });
  });

  it('should allow what /me allows for all records, whatever the record', () => {
    const me = fakeMe({ roles: ['admin'], department: null, allow: { 'initiatives:write': 'all' } });

    expect(mayFrom(me, 'initiatives:write', { departmentIds: [OTHER] })).toEqual({
      allowed: true,
      reach: 'all',
      reason: null,
      pending: false,
    });
  });

  it('should say in Swedish that the role does not give it', () => {
    const answer = mayFrom(fakeMe({ roles: ['auditor'] }), 'initiatives:write');

    expect(answer).toMatchObject({ allowed: false, reason: messages.auth.may.notGranted });
  });

  it('should say that a person without a department reads but does not write', () => {
    const answer = mayFrom(fakeMe({ department: null, noDepartment: ['initiatives:write'] }), 'initiatives:write');

    expect(answer).toMatchObject({ allowed: false, reason: messages.auth.may.noDepartment });
  });

  it('should allow an own-department permission on the department’s records only, and say why not on others', () => {
    const me = fakeMe({ allow: { 'initiatives:write': 'own_department' } });

    expect(mayFrom(me, 'initiatives:write')).toMatchObject({ allowed: true, reach: 'own_department' });
    expect(mayFrom(me, 'initiatives:write', { leadDepartmentId: OTHER, departmentIds: [ASF.id] })).toMatchObject({
      allowed: true,
    });
    expect(mayFrom(me, 'initiatives:write', { leadDepartmentId: OTHER, departmentIds: [OTHER] })).toEqual({
      allowed: false,
      reach: 'own_department',
      reason: messages.auth.may.ownDepartment,
      pending: false,
    });
  });

  it('should allow a lead-department permission only where the department leads', () => {
    const me = fakeMe({ roles: ['department_head'], allow: { 'funding:decide-coverage': 'lead_department' } });

    expect(mayFrom(me, 'funding:decide-coverage', { leadDepartmentId: ASF.id })).toMatchObject({ allowed: true });
    expect(mayFrom(me, 'funding:decide-coverage', { leadDepartmentId: OTHER, departmentIds: [ASF.id] })).toMatchObject({
      allowed: false,
      reason: messages.auth.may.leadDepartment,
    });
  });
});
