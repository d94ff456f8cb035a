import { api, createTestApp, type TestApp } from './support/test-app.js';

const ALLOWED = 'https://samla.trollhattan.se';
const OTHER = 'https://elsewhere.example';

describe('CORS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { CORS_ORIGINS: `${ALLOWED}, http://localhost:5173` } });
  });
  afterAll(() => t.close());

  it('should allow the origin and expose ETag and Retry-After when the origin is in CORS_ORIGINS', async () => {
    const res = await t.admin.get(api('/goals')).set('Origin', ALLOWED);

    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers['access-control-expose-headers']).toEqual(expect.stringContaining('ETag'));
    expect(res.headers['access-control-expose-headers']).toEqual(expect.stringContaining('Retry-After'));
  });

  it('should send no Access-Control-Allow-Origin when the origin is not in CORS_ORIGINS', async () => {
    const res = await t.admin.get(api('/goals')).set('Origin', OTHER);

    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('should answer a preflight for the Authorization header when the origin is allowed, and not otherwise', async () => {
    const preflight = (origin: string) =>
      t.admin
        .options(api('/initiatives'))
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');

    const allowed = await preflight(ALLOWED);
    const refused = await preflight(OTHER);

    expect(allowed.status).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(allowed.headers['access-control-allow-headers']).toBe('authorization,content-type');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});
