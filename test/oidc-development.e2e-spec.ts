import { jest } from '@jest/globals';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { randomBytes } from 'node:crypto';
import { Clock } from '#common';
import type { DepartmentEntity } from '#reference-data';
import { s256 } from '../libs/identity/src/dev-oidc/pkce.js';
import { givenDepartment, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

const ISSUER = 'http://localhost:3000/api/v1/dev-oidc';
const CLIENT_ID = 'samla-web';
const REDIRECT_URI = 'http://localhost:3000/inloggad';
const OIDC = (path: string) => api(`/dev-oidc${path}`);

type Pkce = { verifier: string; challenge: string };
const newPkce = (): Pkce => {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: s256(verifier) };
};

function authorizeQuery(pkce: Pkce, overrides: Record<string, string | undefined> = {}) {
  const query: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
    scope: 'openid profile offline_access',
    state: `state-${randomBytes(6).toString('hex')}`,
    nonce: `nonce-${randomBytes(6).toString('hex')}`,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const unescape = (value: string) => value.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/** The hidden fields the sign-in page carries, as a browser would post them back. */
function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map(([, name, value]) => [
      name,
      unescape(value),
    ]),
  );
}

/** The Location of a 303, split into its address and its query. */
function sentBackTo(res: request.Response) {
  expect(res.status).toBe(303);
  const location = new URL(res.headers.location);
  return { address: `${location.origin}${location.pathname}`, params: Object.fromEntries(location.searchParams) };
}

describe('the development issuer as an OpenID Provider (authorization code flow with PKCE)', () => {
  let t: TestApp;
  let department: DepartmentEntity;

  beforeAll(async () => {
    t = await createTestApp();
    department = await givenDepartment(t.dataSource, {
      code: uniqueCode('OIDC'),
      name: 'Arbetsmarknads- och socialförvaltningen',
    });
  });

  afterAll(() => t.close());

  /** Opens the sign-in page for the query and posts its form with the person's choices. */
  async function signIn(
    pkce: Pkce,
    person: Record<string, string>,
    overrides: Record<string, string | undefined> = {},
  ) {
    const query = authorizeQuery(pkce, overrides);
    const page = await request(t.http).get(OIDC('/authorize')).query(query);
    expect(page.status).toBe(200);
    const res = await request(t.http)
      .post(OIDC('/authorize'))
      .type('form')
      .send({ ...hiddenFields(page.text), action: 'sign_in', ...person });
    return { res, query };
  }

  async function codeFor(pkce: Pkce, person: Record<string, string> = { role: 'admin', department: '', name: '' }) {
    const { res } = await signIn(pkce, person);
    return sentBackTo(res).params.code;
  }

  const token = (parameters: Record<string, string | undefined>) =>
    request(t.http)
      .post(OIDC('/token'))
      .type('form')
      .send(Object.fromEntries(Object.entries(parameters).filter(([, v]) => v !== undefined)));

  const redeem = (code: string, pkce: Pkce, overrides: Record<string, string | undefined> = {}) =>
    token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: pkce.verifier,
      ...overrides,
    });

  const refresh = (refreshToken: string) =>
    token({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: CLIENT_ID });

  const me = (accessToken: string) => request(t.http).get(api('/me')).set('Authorization', `Bearer ${accessToken}`);

  function expectInvalidGrant(res: request.Response) {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ error: 'invalid_grant', error_description: expect.any(String) });
  }

  it('should sign a department head in from discovery to /me over HTTP, refresh once, and refuse the spent refresh token', async () => {
    // Discovery, as oidc-client-ts reads it from the authority the web config names.
    const discovery = await request(t.http).get(OIDC('/.well-known/openid-configuration'));
    expect(discovery.status).toBe(200);
    expect(discovery.body).toMatchObject({
      issuer: ISSUER,
      authorization_endpoint: `${ISSUER}/authorize`,
      token_endpoint: `${ISSUER}/token`,
      end_session_endpoint: `${ISSUER}/logout`,
      jwks_uri: 'http://localhost:3000/api/v1/dev-issuer/jwks.json',
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
    });
    const path = (url: string) => new URL(url).pathname;

    // The sign-in page lists the departments in the database.
    const pkce = newPkce();
    const query = authorizeQuery(pkce);
    const page = await request(t.http).get(path(discovery.body.authorization_endpoint)).query(query);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    expect(page.text).toContain(
      `<option value="${department.code}">Arbetsmarknads- och socialförvaltningen (${department.code})</option>`,
    );

    // The form: a department head of that department, with a name.
    const posted = await request(t.http)
      .post(path(discovery.body.authorization_endpoint))
      .type('form')
      .send({
        ...hiddenFields(page.text),
        action: 'sign_in',
        role: 'department_head',
        department: department.code,
        name: 'Förvaltningschef Testsson',
      });
    const back = sentBackTo(posted);
    expect(back.address).toBe(REDIRECT_URI);
    expect(back.params).toEqual({ code: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), state: query.state });

    // The code, with the verifier, for tokens.
    const tokens = await request(t.http).post(path(discovery.body.token_endpoint)).type('form').send({
      grant_type: 'authorization_code',
      code: back.params.code,
      redirect_uri: REDIRECT_URI,
      client_id: CLIENT_ID,
      code_verifier: pkce.verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.headers['cache-control']).toBe('no-store');
    expect(tokens.body).toEqual({
      access_token: expect.any(String),
      id_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
      scope: 'openid profile offline_access',
    });

    // The ID token is signed with the published key, for the web app, and carries the request's nonce.
    const jwks = await request(t.http).get(path(discovery.body.jwks_uri));
    const { payload: idToken } = await jwtVerify(tokens.body.id_token, createLocalJWKSet(jwks.body), {
      issuer: ISSUER,
      audience: CLIENT_ID,
    });
    expect(idToken).toMatchObject({
      nonce: query.nonce,
      name: 'Förvaltningschef Testsson',
      sub: expect.stringMatching(/^dev-department_head-/),
    });

    // The access token is one the API verifies, as the person chosen.
    const signedIn = await me(tokens.body.access_token);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      actorKind: 'user',
      subject: idToken.sub,
      name: 'Förvaltningschef Testsson',
      roles: ['department_head'],
      department: { id: department.id, code: department.code, name: department.name },
    });
    expect(decodeJwt(tokens.body.access_token)).toMatchObject({
      iss: ISSUER,
      aud: 'samla-api',
      department: department.code,
      roles: ['department_head'],
    });

    // One refresh: a fresh access token and a new refresh token; the old one is spent.
    const renewed = await refresh(tokens.body.refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      refresh_token: expect.any(String),
      scope: 'openid profile offline_access',
    });
    expect(renewed.body.refresh_token).not.toBe(tokens.body.refresh_token);
    expect((await me(renewed.body.access_token)).body).toMatchObject({
      roles: ['department_head'],
      department: { code: department.code },
    });

    expectInvalidGrant(await refresh(tokens.body.refresh_token));
  });

  it('should end the sign-in when a spent refresh token comes back, so the one that replaced it no longer works either', async () => {
    const pkce = newPkce();
    const first = await redeem(await codeFor(pkce), pkce);
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);

    expectInvalidGrant(await refresh(first.body.refresh_token));
    expectInvalidGrant(await refresh(second.body.refresh_token));
  });

  it('should issue no refresh token when the request did not ask for offline_access', async () => {
    const pkce = newPkce();
    const { res } = await signIn(pkce, { role: 'auditor', department: '', name: '' }, { scope: 'openid profile' });

    const tokens = await redeem(sentBackTo(res).params.code, pkce);

    expect(tokens.status).toBe(200);
    expect(tokens.body.refresh_token).toBeUndefined();
    expect(tokens.body.scope).toBe('openid profile');
  });

  it('should refuse the code with invalid_grant when the verifier is wrong, and keep it spent for the right one', async () => {
    const pkce = newPkce();
    const code = await codeFor(pkce);

    expectInvalidGrant(await redeem(code, pkce, { code_verifier: newPkce().verifier }));
    expectInvalidGrant(await redeem(code, pkce));
  });

  it('should refuse the code with invalid_grant when the verifier is missing, or is the challenge itself (plain)', async () => {
    const pkce = newPkce();

    expectInvalidGrant(await redeem(await codeFor(pkce), pkce, { code_verifier: undefined }));
    expectInvalidGrant(await redeem(await codeFor(pkce), pkce, { code_verifier: pkce.challenge }));
  });

  it('should refuse a code used a second time, and end the sign-in the first use began', async () => {
    const pkce = newPkce();
    const code = await codeFor(pkce);
    const first = await redeem(code, pkce);
    expect(first.status).toBe(200);

    expectInvalidGrant(await redeem(code, pkce));
    expectInvalidGrant(await refresh(first.body.refresh_token));
  });

  it('should refuse a code redeemed after its 60 seconds', async () => {
    const pkce = newPkce();
    const code = await codeFor(pkce);
    const clock = t.app.get(Clock);
    const later = new Date(Date.now() + 61_000);
    const spy = jest.spyOn(clock, 'now').mockReturnValue(later);

    const res = await redeem(code, pkce);
    spy.mockRestore();

    expectInvalidGrant(res);
    expect(res.body.error_description).toContain('expired');
  });

  it('should refuse the code when the token request names another redirect_uri than the authorization request', async () => {
    const pkce = newPkce();

    expectInvalidGrant(await redeem(await codeFor(pkce), pkce, { redirect_uri: 'http://localhost:3000/annan-sida' }));
  });

  it('should refuse an unknown code with invalid_grant and an unknown client with invalid_client', async () => {
    const pkce = newPkce();

    expectInvalidGrant(await redeem(randomBytes(32).toString('base64url'), pkce));
    const foreign = await redeem(await codeFor(pkce), pkce, { client_id: 'budgetsystemet' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error).toBe('invalid_client');
  });

  it('should answer unsupported_grant_type, and invalid_request for a JSON body, at the token endpoint', async () => {
    const password = await token({ grant_type: 'password', username: 'admin', password: 'admin' });
    const json = await request(t.http).post(OIDC('/token')).send({ grant_type: 'authorization_code', code: 'x' });

    expect(password.status).toBe(400);
    expect(password.body.error).toBe('unsupported_grant_type');
    expect(json.status).toBe(400);
    expect(json.body.error).toBe('invalid_request');
  });

  it('should show a page and redirect nowhere when the redirect_uri is not Samla’s', async () => {
    for (const redirectUri of [
      'https://evil.example/inloggad',
      'http://localhost:3000@evil.example/inloggad',
      '//evil.example/inloggad',
      undefined,
    ]) {
      const res = await request(t.http)
        .get(OIDC('/authorize'))
        .query(authorizeQuery(newPkce(), { redirect_uri: redirectUri }));

      expect({ redirectUri, status: res.status }).toEqual({ redirectUri, status: 400 });
      expect(res.headers.location).toBeUndefined();
      expect(res.text).toMatch(redirectUri ? /redirect_uri\) hör inte till Samla/ : /redirect_uri\) saknas/);
    }
  });

  it('should redirect nowhere when the form’s hidden redirect_uri was changed to a foreign one', async () => {
    const pkce = newPkce();
    const page = await request(t.http).get(OIDC('/authorize')).query(authorizeQuery(pkce));

    const res = await request(t.http)
      .post(OIDC('/authorize'))
      .type('form')
      .send({
        ...hiddenFields(page.text),
        redirect_uri: 'https://evil.example/inloggad',
        action: 'sign_in',
        role: 'admin',
        department: '',
        name: '',
      });

    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('should show a page and redirect nowhere when the client is unknown', async () => {
    const res = await request(t.http)
      .get(OIDC('/authorize'))
      .query(authorizeQuery(newPkce(), { client_id: 'budgetsystemet' }));

    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('okänd');
  });

  it.each([
    ['response_type is not code', { response_type: 'token' }, 'unsupported_response_type'],
    ['PKCE is plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['PKCE names no method', { code_challenge_method: undefined }, 'invalid_request'],
    ['there is no code_challenge', { code_challenge: undefined }, 'invalid_request'],
    ['scope lacks openid', { scope: 'profile' }, 'invalid_scope'],
  ])('should send the browser back with an error and the state when %s', async (_, overrides, error) => {
    const query = authorizeQuery(newPkce(), overrides);

    const res = await request(t.http).get(OIDC('/authorize')).query(query);

    const back = sentBackTo(res);
    expect(back.address).toBe(REDIRECT_URI);
    expect(back.params).toEqual({ error, error_description: expect.any(String), state: query.state });
  });

  it('should send the browser back with access_denied when the person cancels', async () => {
    const { res, query } = await signIn(newPkce(), { action: 'cancel' });

    expect(sentBackTo(res).params).toEqual({
      error: 'access_denied',
      error_description: expect.any(String),
      state: query.state,
    });
  });

  it('should show the form again with the error on the department field when the department is unknown', async () => {
    const { res } = await signIn(newPkce(), { role: 'staff', department: 'FINNS-INTE', name: 'Medarbetare' });

    expect(res.status).toBe(422);
    expect(res.headers.location).toBeUndefined();
    expect(res.text).toContain('<title>Fel: Utvecklingsinloggning – Samla</title>');
    expect(res.text).toMatch(
      /<p class="error" id="department-error">.*Det finns ingen förvaltning med koden FINNS-INTE/,
    );
    expect(res.text).toMatch(
      /<select id="department" name="department" aria-describedby="department-hint department-error" aria-invalid="true">/,
    );
    expect(res.text).toContain('<a href="#department">');
    // What the person chose is kept.
    expect(res.text).toMatch(/<input type="radio" id="role-staff" name="role" value="staff" checked/);
    expect(res.text).toContain('value="Medarbetare"');
  });

  it('should show the form again when a staff member picks no department or nobody picks a role', async () => {
    const noDepartment = await signIn(newPkce(), { role: 'staff', department: '', name: '' });
    const noRole = await signIn(newPkce(), { department: '', name: '' });

    expect(noDepartment.res.status).toBe(422);
    expect(noDepartment.res.text).toContain('En medarbetare agerar för en förvaltning');
    expect(noRole.res.status).toBe(422);
    expect(noRole.res.text).toMatch(/<fieldset aria-describedby="role-error">/);
    expect(noRole.res.text).toContain('<a href="#role-admin">Välj en roll.</a>');
  });

  it('should escape what the request carries when it writes the page', async () => {
    const res = await request(t.http)
      .get(OIDC('/authorize'))
      .query(authorizeQuery(newPkce(), { state: '"><script>alert(1)</script>' }));

    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });

  it('should write an accessible Swedish page: lang sv, one h1, a label for every field, the roles in a fieldset, no script and no inline style', async () => {
    const res = await request(t.http).get(OIDC('/authorize')).query(authorizeQuery(newPkce()));
    const html = res.text;

    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('Utvecklingsinloggning – endast för utveckling och demo');
    const fields = [...html.matchAll(/<(input|select)\b([^>]*)>/g)]
      .map(([, , attributes]) => attributes)
      .filter((a) => !a.includes('type="hidden"'));
    expect(fields.length).toBe(7); // five roles, department, name
    for (const attributes of fields) {
      const id = /\bid="([^"]+)"/.exec(attributes)?.[1];
      expect({ attributes, labelled: id !== undefined && html.includes(`<label for="${id}">`) }).toEqual({
        attributes,
        labelled: true,
      });
    }
    expect(html).toMatch(/<fieldset>\n<legend>Roll<\/legend>/);
    for (const label of ['Administratör', 'Ledningsgrupp', 'Förvaltningschef', 'Medarbetare', 'Revisor'])
      expect(html).toContain(`">${label}</label>`);
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self' http://localhost:3000; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(res.headers['cache-control']).toBe('no-store');

    const css = await request(t.http).get(OIDC('/authorize.css'));
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.text).toContain(':focus-visible');
  });

  it('should send the browser back to Samla after logout, and end the sign-in its ID token names', async () => {
    const pkce = newPkce();
    const tokens = await redeem(await codeFor(pkce), pkce);

    const res = await request(t.http).get(OIDC('/logout')).query({
      id_token_hint: tokens.body.id_token,
      post_logout_redirect_uri: 'http://localhost:3000/',
      state: 'efter',
    });

    expect(sentBackTo(res)).toEqual({ address: 'http://localhost:3000/', params: { state: 'efter' } });
    expectInvalidGrant(await refresh(tokens.body.refresh_token));
  });

  it('should redirect nowhere after logout when post_logout_redirect_uri is not Samla’s', async () => {
    const res = await request(t.http).get(OIDC('/logout')).query({ post_logout_redirect_uri: 'https://evil.example/' });

    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('should keep accepting tokens from npm run token, issued as AUTH_ISSUER', async () => {
    expect((await t.admin.get(api('/me'))).body).toMatchObject({ roles: ['admin'], subject: 'test-admin' });
  });
});

describe('the development issuer’s OpenID Provider once an identity provider is configured', () => {
  const NAMES = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  let t: TestApp;

  beforeAll(async () => {
    // Never fetched: nothing here presents a token.
    t = await createTestApp({
      env: {
        AUTH_JWKS_URL: 'http://127.0.0.1:9/keys',
        AUTH_ISSUER: 'https://login.example.test/samla/v2.0',
        AUTH_AUDIENCE: 'api://samla',
      },
    });
  });

  afterAll(async () => {
    await t.close();
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const pkce = newPkce();
  it.each([
    ['discovery', 'get', '/dev-oidc/.well-known/openid-configuration', undefined],
    [
      'the sign-in page',
      'get',
      `/dev-oidc/authorize?${new URLSearchParams(authorizeQuery(pkce)).toString()}`,
      undefined,
    ],
    [
      'the sign-in form',
      'post',
      '/dev-oidc/authorize',
      { ...authorizeQuery(pkce), action: 'sign_in', role: 'admin', department: '', name: '' },
    ],
    ['the stylesheet', 'get', '/dev-oidc/authorize.css', undefined],
    [
      'the token endpoint (code)',
      'post',
      '/dev-oidc/token',
      {
        grant_type: 'authorization_code',
        code: 'x',
        redirect_uri: REDIRECT_URI,
        client_id: CLIENT_ID,
        code_verifier: pkce.verifier,
      },
    ],
    [
      'the token endpoint (refresh)',
      'post',
      '/dev-oidc/token',
      { grant_type: 'refresh_token', refresh_token: 'x', client_id: CLIENT_ID },
    ],
    ['logout', 'get', '/dev-oidc/logout?post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A3000%2F', undefined],
    ['the public keys', 'get', '/dev-issuer/jwks.json', undefined],
  ] as const)('should answer 404 problem+json, as a path that never existed, for %s', async (_, method, path, form) => {
    const req = request(t.http)[method](api(path));
    const res = form ? await req.type('form').send(form) : await req;

    expectProblem(res, 404);
    expect(res.body.detail).toBe(`No route: ${method.toUpperCase()} ${api(path).split('?')[0]}.`);
    expect(res.headers.location).toBeUndefined();
  });
});
