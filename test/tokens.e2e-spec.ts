import { jest } from '@jest/globals';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

const ISSUER = 'https://login.example.test/samla-tenant/v2.0';
const AUDIENCE = 'api://samla-test';
const AUTH_ENV = ['AUTH_JWKS_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const;

type SigningKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK; publicPem: string };

async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
    publicPem: await exportSPKI(publicKey),
  };
}

/** The identity provider's key endpoint, on loopback: publishes whatever keys the test puts in `keys`. */
async function startJwksServer() {
  const state = { keys: [] as JWK[], requests: 0 };
  const server = createServer((req, res) => {
    state.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { state, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/discovery/v2.0/keys` };
}

function closeServer(server: Server) {
  return new Promise<void>((resolve) => server.close(() => resolve()));
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const SUBJECT = '5d0f1e2a-0000-4000-8000-00000000c1a1';

/** A token as the provider issues it, before header and signature. */
function providerJwt(claims: JWTPayload = {}) {
  return new SignJWT({ roles: ['leadership'], name: 'Stadsdirektör', ...claims })
    .setSubject(SUBJECT)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h');
}

function sign(key: SigningKey, claims: JWTPayload = {}, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) {
  return edit(providerJwt(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })).sign(key.privateKey);
}

function expectRefused(res: request.Response) {
  expectProblem(res, 401);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="samla"/);
}

describe('bearer tokens from an identity provider’s JWKS over HTTP', () => {
  const savedEnv = Object.fromEntries(AUTH_ENV.map((name) => [name, process.env[name]]));
  let t: TestApp;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let current: SigningKey;

  const call = (token: string) => request(t.http).get(api('/initiatives')).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    current = await newSigningKey('key-2025-01');
    jwks = await startJwksServer();
    jwks.state.keys = [current.publicJwk];
    t = await createTestApp({ env: { AUTH_JWKS_URL: jwks.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE } });
  });

  afterAll(async () => {
    await t.close();
    await closeServer(jwks.server);
    for (const name of AUTH_ENV) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  it('should answer 200 when the token is signed by a published key with the right issuer and audience', async () => {
    const res = await call(await sign(current));

    expect(res.status).toBe(200);
    expect(jwks.state.requests).toBeGreaterThanOrEqual(1);
  });

  it('should answer 401 when the token says alg none and carries no signature', async () => {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'intruder', roles: ['admin'], iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600 })}.`;

    const res = await call(unsigned);

    expectRefused(res);
    expect(res.body.detail).toContain('algorithm');
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('should answer 401 when the payload was changed after signing', async () => {
    const [header, , signature] = (await sign(current)).split('.');
    const now = Math.floor(Date.now() / 1000);
    const elevated = b64({ sub: SUBJECT, roles: ['admin'], iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 3600 });

    const res = await call(`${header}.${elevated}.${signature}`);

    expectRefused(res);
    expect(res.body.detail).toContain('signature');
  });

  it('should answer 401 when a byte of the signature is changed, even right after the token was accepted', async () => {
    const token = await sign(current);
    expect((await call(token)).status).toBe(200);
    const [header, payload, signature] = token.split('.');
    const bytes = Buffer.from(signature, 'base64url');
    bytes[10] ^= 0xff;

    const res = await call(`${header}.${payload}.${bytes.toString('base64url')}`);

    expectRefused(res);
    expect(res.body.detail).toContain('signature');
  });

  it('should check another token in full when one was accepted before, and refuse it every time it is sent', async () => {
    expect((await call(await sign(current))).status).toBe(200);
    const other = await sign(current, {}, (jwt) => jwt.setAudience('api://another-application'));

    const first = await call(other);
    const again = await call(other);

    expectRefused(first);
    expectRefused(again);
    expect(again.body.detail).toContain('claim aud');
  });

  it('should answer 401 when the issuer is another one', async () => {
    const res = await call(
      await sign(current, {}, (jwt) => jwt.setIssuer('https://login.example.test/other-tenant/v2.0')),
    );

    expectRefused(res);
    expect(res.body.detail).toContain('iss');
  });

  it('should answer 401 when the audience is another application', async () => {
    const res = await call(await sign(current, {}, (jwt) => jwt.setAudience('api://budget-system')));

    expectRefused(res);
    expect(res.body.detail).toContain('aud');
  });

  it('should answer 401 when the token expired beyond the clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);

    const res = await call(await sign(current, {}, (jwt) => jwt.setIssuedAt(now - 7200).setExpirationTime(now - 120)));

    expectRefused(res);
    expect(res.body.detail).toContain('expired');
  });

  it('should answer 401 when the token is not valid yet', async () => {
    const res = await call(await sign(current, {}, (jwt) => jwt.setNotBefore(Math.floor(Date.now() / 1000) + 300)));

    expectRefused(res);
    expect(res.body.detail).toContain('nbf');
  });

  it('should answer 401 when the token names no subject', async () => {
    const now = Math.floor(Date.now() / 1000);
    const withoutSubject = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'RS256', kid: current.kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(current.privateKey);

    const res = await call(withoutSubject);

    expectRefused(res);
    expect(res.body.detail).toContain('sub');
  });

  it('should answer 401 when an HS256 token is signed with the published public key as its secret', async () => {
    const secret = new TextEncoder().encode(current.publicPem);
    const hs = await providerJwt({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: current.kid, typ: 'JWT' })
      .sign(secret);

    const res = await call(hs);

    expectRefused(res);
    expect(res.body.detail).toContain('algorithm');
  });

  it('should accept a token signed with a new key once the provider publishes it, fetching the keys again', async () => {
    expect((await call(await sign(current))).status).toBe(200);
    const next = await newSigningKey('key-2025-07');
    const tokenWithNewKey = await sign(next);
    const fetchesBefore = jwks.state.requests;
    jwks.state.keys = [current.publicJwk, next.publicJwk];
    // jose fetches again on an unknown kid at most every 30 s (cooldown); step the clock past it rather than wait.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now + 31_000);

    const res = await call(tokenWithNewKey);
    clock.mockRestore();

    expect(res.status).toBe(200);
    expect(jwks.state.requests).toBe(fetchesBefore + 1);
  });

  it('should answer 401 without fetching again when a token names an unknown key within the cooldown', async () => {
    const stranger = await newSigningKey('key-nobody-published');
    expect((await call(await sign(current))).status).toBe(200);
    const fetchesBefore = jwks.state.requests;

    const res = await call(await sign(stranger));

    expectRefused(res);
    expect(res.body.detail).toContain('no key');
    expect(jwks.state.requests).toBe(fetchesBefore);
  });
});

describe('bearer tokens when the identity provider’s JWKS cannot be reached', () => {
  const savedEnv = Object.fromEntries(AUTH_ENV.map((name) => [name, process.env[name]]));
  let t: TestApp;
  let key: SigningKey;

  beforeAll(async () => {
    key = await newSigningKey('key-2025-01');
    // A port that was just free and is closed again: connections to it are refused.
    const gone = await startJwksServer();
    await closeServer(gone.server);
    t = await createTestApp({ env: { AUTH_JWKS_URL: gone.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE } });
  });

  afterAll(async () => {
    await t.close();
    for (const name of AUTH_ENV) {
      if (savedEnv[name] === undefined) delete process.env[name];
      else process.env[name] = savedEnv[name];
    }
  });

  it('should answer 401 problem+json, not 500, when the JWKS server is down', async () => {
    const res = await request(t.http)
      .get(api('/initiatives'))
      .set('Authorization', `Bearer ${await sign(key)}`);

    expectRefused(res);
    expect(res.body.detail).toContain('unavailable');
    expect(res.body.errorId).toBeUndefined();
  });
});
