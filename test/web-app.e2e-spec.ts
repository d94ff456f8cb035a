import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_APP_DIR } from '../apps/api/src/app.module.js';
import { expectProblem, request, type TestApp, createTestApp } from './support/test-app.js';

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
      expect({ path, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ path, status: 200, cacheControl: 'public, max-age=31536000, immutable' });
      expect(res.headers['content-type']).toMatch(path.endsWith('.js') ? /^text\/javascript|^application\/javascript/ : /^text\/css/);
    }
    const icon = await request(t.http).get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('should send a strict Content-Security-Policy with the app: scripts and styles from its own origin only, nothing inline', async () => {
    const res = await request(t.http).get('/insatser');

    const policy = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['script-src-attr']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
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
