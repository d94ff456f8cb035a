import { DevelopmentIssuer } from '#identity';
import { api, createTestApp, request, type TestApp } from './support/test-app.js';

const NAMES = [
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'OIDC_AUTHORITY',
  'OIDC_CLIENT_ID',
  'OIDC_SCOPES',
  'MUNICIPALITY_NAME',
  'PUBLIC_URL',
  'CORS_ORIGINS',
] as const;

/** Each app reads the environment when it is assembled; what a block sets is put back for the next. */
function withEnvironment(env: Partial<Record<(typeof NAMES)[number], string>>) {
  const state: { t?: TestApp } = {};
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  beforeAll(async () => {
    state.t = await createTestApp({ env });
  });
  afterAll(async () => {
    await state.t?.close();
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });
  return state;
}

describe('GET /web-config in development', () => {
  const app = withEnvironment({});

  it('should tell the web app, without a token, to sign in with the API’s own issuer as Trollhättans Stad', async () => {
    const res = await request(app.t!.http).get(api('/web-config'));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      municipalityName: 'Trollhättans Stad',
      oidc: {
        authority: 'http://localhost:3000/api/v1/dev-oidc',
        clientId: 'samla-web',
        scopes: ['openid', 'profile', 'offline_access'],
        redirectPath: '/inloggad',
        postLogoutRedirectPath: '/',
      },
      development: true,
    });
  });

  it('should name an authority whose discovery document names it as its issuer', async () => {
    const config = await request(app.t!.http).get(api('/web-config'));
    const authority = new URL(config.body.oidc.authority);

    const discovery = await request(app.t!.http).get(`${authority.pathname}/.well-known/openid-configuration`);

    expect(discovery.body.issuer).toBe(config.body.oidc.authority);
  });
});

describe('GET /web-config in development behind Vite’s dev server (PUBLIC_URL http://localhost:5173)', () => {
  const app = withEnvironment({ PUBLIC_URL: 'http://localhost:5173', CORS_ORIGINS: 'http://localhost:5173' });

  it('should name the issuer on the address the browser uses, and the API should accept the tokens it issues', async () => {
    const config = await request(app.t!.http).get(api('/web-config'));
    const token = await app.t!.app.get(DevelopmentIssuer).signAccessToken(
      { role: 'auditor' },
      {
        issuer: 'http://localhost:5173/api/v1/dev-oidc',
        audience: 'samla-api',
        subject: 'vite-auditor',
        expiresInSeconds: 60,
      },
    );

    const me = await request(app.t!.http).get(api('/me')).set('Authorization', `Bearer ${token}`);

    expect(config.body.oidc.authority).toBe('http://localhost:5173/api/v1/dev-oidc');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ subject: 'vite-auditor', roles: ['auditor'] });
  });
});

describe('GET /web-config with an identity provider (Entra ID)', () => {
  const TENANT = 'https://login.microsoftonline.com/5a1e0000-0000-4000-8000-00000000ab12/v2.0';
  const app = withEnvironment({
    AUTH_JWKS_URL: 'https://login.microsoftonline.com/5a1e0000-0000-4000-8000-00000000ab12/discovery/v2.0/keys',
    AUTH_ISSUER: TENANT,
    AUTH_AUDIENCE: '7c1e0000-0000-4000-8000-0000000000a1',
    OIDC_CLIENT_ID: '7c1e0000-0000-4000-8000-0000000000a1',
    OIDC_SCOPES: 'openid profile offline_access api://7c1e0000-0000-4000-8000-0000000000a1/access_as_user',
    MUNICIPALITY_NAME: 'Vänersborgs kommun',
  });

  it('should tell the web app to sign in with the provider, AUTH_ISSUER being its authority when OIDC_AUTHORITY is unset', async () => {
    const res = await request(app.t!.http).get(api('/web-config'));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      municipalityName: 'Vänersborgs kommun',
      oidc: {
        authority: TENANT,
        clientId: '7c1e0000-0000-4000-8000-0000000000a1',
        scopes: ['openid', 'profile', 'offline_access', 'api://7c1e0000-0000-4000-8000-0000000000a1/access_as_user'],
        redirectPath: '/inloggad',
        postLogoutRedirectPath: '/',
      },
      development: false,
    });
  });
});

describe('GET /web-config with an identity provider whose authority is not its issuer', () => {
  const app = withEnvironment({
    AUTH_JWKS_URL: 'https://idp.example.se/realms/samla/protocol/openid-connect/certs',
    AUTH_ISSUER: 'https://idp.example.se/realms/samla',
    AUTH_AUDIENCE: 'samla-api',
    OIDC_AUTHORITY: 'https://login.example.se/realms/samla',
    OIDC_CLIENT_ID: 'samla-spa',
    OIDC_SCOPES: 'openid samla',
  });

  it('should name OIDC_AUTHORITY as the authority', async () => {
    const res = await request(app.t!.http).get(api('/web-config'));

    expect(res.body.oidc).toMatchObject({
      authority: 'https://login.example.se/realms/samla',
      clientId: 'samla-spa',
      scopes: ['openid', 'samla'],
    });
    expect(res.body.development).toBe(false);
    expect(res.body.municipalityName).toBe('Trollhättans Stad');
  });
});
