import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_DIR } from '../apps/api/src/app.module.js';
import { expectProblem, request, type TestApp, createTestApp } from './support/test-app.js';

/** The policy's directives by name. */
function directives(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

// scripts/test.sh builds the web app (dist/apps/web) before Jest starts, as it builds the server.
const INDEX = join(WEB_APP_DIR, 'index.html');

describe('the web app on the API’s origin', () => {
  let t: TestApp;
  beforeAll(async () => {
    if (!existsSync(INDEX)) throw new Error(`${INDEX} is missing: run \`npm run web:build\` first (npm test does)`);
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const expectIndexHtml = (res: request.Response) => {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="sv">');
    expect(res.text).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js">/);
    expect(res.headers['cache-control']).toBe('no-cache');
  };

  it('should answer / with the app’s index.html, never cached without asking again', async () => {
    expectIndexHtml(await request(t.http).get('/'));
  });

  it.each(['/insatser', '/insatser/SSPF', '/tillganglighet', '/portfoljen?status=active', '/finns-inte/alls'])(
    'should answer the app’s page %s with index.html, so its router shows the page (or its own 404)',
    async (path) => {
      expectIndexHtml(await request(t.http).get(path));
    },
  );

  it('should serve the hashed assets index.html names with a year of immutable caching, and the icon revalidated', async () => {
    const index = await request(t.http).get('/');
    const assets = [...index.text.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((path) => path.endsWith('.js'))).toBe(true);
    expect(assets.some((path) => path.endsWith('.css'))).toBe(true);

    for (const path of assets) {
      const res = await request(t.http).get(path);
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({
        path,
        status: 200,
        cacheControl: 'public, max-age=31536000, immutable',
      });
      expect(res.headers['content-type']).toMatch(
        path.endsWith('.js') ? /^text\/javascript|^application\/javascript/ : /^text\/css/,
      );
    }
    const icon = await request(t.http).get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('should send a strict Content-Security-Policy with the app: scripts and styles from its own origin only, nothing inline', async () => {
    const res = await request(t.http).get('/insatser');

    const policy = directives(res.headers['content-security-policy']);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    // The API is its own issuer here: the web app signs in on its own origin, and connects nowhere else.
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should allow inline styles for Swagger UI at /api/docs only, and still no inline script there', async () => {
    const docs = await request(t.http).get('/api/docs/');

    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs.headers['content-security-policy']).toContain("script-src 'self';");
  });

  it.each([
    ['get', '/api/v1/nope'],
    ['get', '/api/anything'],
    ['get', '/api'],
    ['get', '/health/nope'],
    ['get', '/assets/index-missing.js'],
    ['get', '/favicon.ico'],
    ['post', '/insatser'],
  ] as const)('should answer %s %s with 404 problem+json, not the app', async (method, path) => {
    const res = await request(t.http)[method](path);

    expectProblem(res, 404);
    expect(res.text).not.toContain('<html');
  });

  it('should keep the API, its docs and the health checks where they were', async () => {
    expect((await t.admin.get('/api/v1/goals')).status).toBe(200);
    expect((await request(t.http).get('/api/docs-json')).body).toMatchObject({ info: { title: 'Samla API' } });
    expect((await request(t.http).get('/health/live')).status).toBe(200);
  });
});

describe('the web app’s Content-Security-Policy with an identity provider', () => {
  const NAMES = [
    'AUTH_JWKS_URL',
    'AUTH_ISSUER',
    'AUTH_AUDIENCE',
    'OIDC_AUTHORITY',
    'OIDC_CLIENT_ID',
    'OIDC_SCOPES',
  ] as const;
  const TENANT = '5a1e0000-0000-4000-8000-00000000ab12';
  const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        AUTH_JWKS_URL: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
        AUTH_ISSUER: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        AUTH_AUDIENCE: '7c1e0000-0000-4000-8000-0000000000a1',
        OIDC_CLIENT_ID: '7c1e0000-0000-4000-8000-0000000000b2',
        OIDC_SCOPES: 'openid profile offline_access api://7c1e0000-0000-4000-8000-0000000000a1/access_as_user',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    for (const name of NAMES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('should let the app connect to the provider’s origin (discovery, token endpoint) and nowhere else new', async () => {
    const app = directives((await request(t.http).get('/insatser')).headers['content-security-policy']);
    const docs = directives((await request(t.http).get('/api/docs/')).headers['content-security-policy']);
    const config = await request(t.http).get('/api/v1/web-config');

    expect(new URL(config.body.oidc.authority).origin).toBe('https://login.microsoftonline.com');
    expect(app['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(docs['connect-src']).toEqual(["'self'", 'https://login.microsoftonline.com']);
    // Only connect-src: scripts, styles, frames and forms stay this origin's.
    expect(app['script-src']).toEqual(["'self'"]);
    expect(app['form-action']).toEqual(["'self'"]);
    expect(app['frame-ancestors']).toEqual(["'none'"]);
  });
});
