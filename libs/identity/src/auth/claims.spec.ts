import { validateEnvironment } from '#common';
import { claimNamesFrom, readClaims } from './claims.js';

const DEFAULT_NAMES = claimNamesFrom((variable) => validateEnvironment({})[variable]);

describe('readClaims', () => {
  it('should take every known role when the roles claim is an array, as Entra ID sends app roles', () => {
    const claims = readClaims({ sub: 'u1', roles: ['leadership', 'auditor'] }, DEFAULT_NAMES);

    expect(claims.roles).toEqual(['leadership', 'auditor']);
  });

  it('should split the roles claim when it is one string separated by spaces', () => {
    const claims = readClaims({ sub: 'u1', roles: 'staff  department_head' }, DEFAULT_NAMES);

    expect(claims.roles).toEqual(['staff', 'department_head']);
  });

  it('should ignore roles Samla does not know when the provider sends roles of other applications', () => {
    const claims = readClaims({ sub: 'u1', roles: ['Task.Write', 'ADMIN', 'admin', 'superuser', 42] }, DEFAULT_NAMES);

    expect(claims.roles).toEqual(['admin']);
  });

  it('should give no roles when the roles claim is missing or of another type', () => {
    expect(readClaims({ sub: 'u1' }, DEFAULT_NAMES).roles).toEqual([]);
    expect(readClaims({ sub: 'u1', roles: { admin: true } }, DEFAULT_NAMES).roles).toEqual([]);
  });

  it('should read id, name, e-mail and department code from the default claims when nothing is configured', () => {
    const claims = readClaims({ sub: 'u1', name: 'Samordnare SSPF', email: 'sspf@example.se', roles: ['staff'], department: 'ASF' }, DEFAULT_NAMES);

    expect(claims).toEqual({ id: 'u1', name: 'Samordnare SSPF', email: 'sspf@example.se', roles: ['staff'], departmentCode: 'ASF' });
  });

  it('should read the claims that AUTH_CLAIM_* name when a provider uses other names', () => {
    const config = validateEnvironment({
      AUTH_CLAIM_USER_ID: 'oid',
      AUTH_CLAIM_NAME: 'given_title',
      AUTH_CLAIM_EMAIL: 'preferred_username',
      AUTH_CLAIM_ROLES: 'groups_as_roles',
      AUTH_CLAIM_DEPARTMENT: 'extn.departmentCode',
    });
    const names = claimNamesFrom((variable) => config[variable]);

    const claims = readClaims(
      {
        sub: 'pairwise-sub',
        oid: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
        name: 'ignored',
        given_title: 'Enhetschef KFF',
        preferred_username: 'enhetschef.kff@example.se',
        roles: ['admin'],
        groups_as_roles: 'department_head',
        'extn.departmentCode': 'KFF',
      },
      names,
    );

    expect(claims).toEqual({
      id: '6f1c2a9e-4b7d-4e1a-9c3f-2d8e5b7a1c40',
      name: 'Enhetschef KFF',
      email: 'enhetschef.kff@example.se',
      roles: ['department_head'],
      departmentCode: 'KFF',
    });
  });

  it('should give no department code when the department claim is absent or blank, so the mapping in Samla decides', () => {
    expect(readClaims({ sub: 'u1' }, DEFAULT_NAMES).departmentCode).toBeNull();
    expect(readClaims({ sub: 'u1', department: '  ' }, DEFAULT_NAMES).departmentCode).toBeNull();
  });
});
