import { validateEnvironment } from '#common';
import { UnauthenticatedProblem } from './auth.problems.js';
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
    const claims = readClaims(
      { sub: 'u1', name: 'Samordnare SSPF', email: 'sspf@example.se', roles: ['staff'], department: 'ASF' },
      DEFAULT_NAMES,
    );

    expect(claims).toEqual({
      id: 'u1',
      name: 'Samordnare SSPF',
      email: 'sspf@example.se',
      roles: ['staff'],
      departmentCode: 'ASF',
    });
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

  function refusal(payload: Record<string, unknown>, names = DEFAULT_NAMES): UnauthenticatedProblem {
    try {
      readClaims(payload, names);
    } catch (error) {
      if (error instanceof UnauthenticatedProblem) return error;
      throw error;
    }
    throw new Error('the claims were accepted');
  }

  it.each([
    ['sub', { sub: 'u'.repeat(196) }, 195],
    ['name', { sub: 'u1', name: 'Å'.repeat(201) }, 200],
    ['email', { sub: 'u1', email: `${'e'.repeat(244)}@example.se` }, 254],
    ['department', { sub: 'u1', department: 'D'.repeat(41) }, 40],
  ])(
    'should refuse the token, naming the %s claim and its limit, when the claim is longer than the column that keeps it',
    (claim, payload, limit) => {
      const error = refusal(payload);

      expect(error.detail).toContain(`claim "${claim}" is ${limit + 1} characters long`);
      expect(error.detail).toContain(`the ${limit} characters Samla keeps`);
    },
  );

  it('should name the configured claim when a provider calls it something else', () => {
    const config = validateEnvironment({ AUTH_CLAIM_USER_ID: 'oid' });

    const error = refusal(
      { oid: 'o'.repeat(300) },
      claimNamesFrom((variable) => config[variable]),
    );

    expect(error.detail).toContain('claim "oid"');
  });

  it('should accept every claim as long as its column when it counts characters as PostgreSQL does', () => {
    const payload = {
      sub: 'u'.repeat(195),
      name: '🌱'.repeat(200),
      email: `${'e'.repeat(243)}@example.se`,
      department: 'D'.repeat(40),
    };

    const claims = readClaims(payload, DEFAULT_NAMES);

    expect(claims).toMatchObject({
      id: payload.sub,
      name: payload.name,
      email: payload.email,
      departmentCode: payload.department,
    });
  });

  it.each([
    ['a NUL character', 'Enhetschef\u0000KFF', /NUL/],
    ['a lone surrogate', 'Enhetschef \udc00', /lone surrogate/],
  ])('should refuse the token when the name claim holds %s', (_, name, reason) => {
    expect(refusal({ sub: 'u1', name }).detail).toMatch(reason);
  });

  it('should not count the refusal towards the limit on refused sign-ins when a signed token carries claims Samla cannot keep', () => {
    expect(refusal({ sub: 'u'.repeat(196) }).suspicious).toBe(false);
  });
});
