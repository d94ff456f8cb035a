import { User, UserManager } from 'oidc-client-ts';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { json, storeSignedInUser, stubApi, TEST_WEB_CONFIG } from '../testing/auth';
import { api, ApiProblemError, unwrap } from './api-client';
import { createUserManager, onSessionEnding, setUserManager } from './auth/session';
import type { ProblemDetails } from './problem';

const response = (status: number) => new Response(null, { status });

describe('unwrap', () => {
  it('should give the data when the call succeeded', async () => {
    await expect(unwrap(Promise.resolve({ data: { id: 'a' }, response: response(200) }))).resolves.toEqual({ id: 'a' });
  });

  it('should reject with the API’s problem details when the call was refused', async () => {
    const problem = { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'Code taken.' };

    const error = await unwrap(Promise.resolve({ error: problem, response: response(409) })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblemError);
    expect((error as ApiProblemError).problem).toBe(problem);
  });

  it('should reject with problem details made from the status when the body is not problem+json', async () => {
    const error = await unwrap(Promise.resolve({ error: 'Bad Gateway', response: response(502) })).catch(
      (e: unknown) => e,
    );

    expect((error as ApiProblemError).problem.status).toBe(502);
  });

  it('should reject with status 0 when the request got no answer', async () => {
    const error = await unwrap(Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);

    expect((error as ApiProblemError).problem.status).toBe(0);
  });

  it('should pass an abort through untouched, as TanStack Query cancels that way', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError');

    await expect(unwrap(Promise.reject(abort))).rejects.toBe(abort);
  });
});

describe('api', () => {
  // Never called: `npm run web:typecheck` (tsc) checks these calls against the API's OpenAPI document, and fails when
  // an @ts-expect-error line compiles, that is when the document stops requiring what the comment says.
  async function calls(id: string) {
    const read = await api.GET('/initiatives/{id}', { params: { path: { id } } });
    expectTypeOf(read.data?.leadDepartmentId).toEqualTypeOf<string | null | undefined>();
    const problem: ProblemDetails | undefined = read.error;
    expectTypeOf(problem?.unmetGuards).toEqualTypeOf<string[] | undefined>();

    await api.PATCH('/initiatives/{id}', {
      params: { path: { id }, header: { 'If-Match': '"3"' } },
      body: { title: 'SSPF' },
    });
    // @ts-expect-error an update needs If-Match
    await api.PATCH('/initiatives/{id}', { params: { path: { id } }, body: { title: 'SSPF' } });
    await api.PATCH('/initiatives/{id}', {
      params: { path: { id }, header: { 'If-Match': '"3"' } },
      // @ts-expect-error `kind` is one of the API's kinds
      body: { kind: 'projekt' },
    });
    // @ts-expect-error the API knows no field `titel`
    await api.POST('/initiatives', { body: { code: 'SSPF', titel: 'SSPF', kind: 'method' } });
    // @ts-expect-error nor such a path
    await api.GET('/initiative/{id}', { params: { path: { id } } });
  }

  it('should be typed by the API’s OpenAPI document', () => {
    expect(calls).toBeTypeOf('function');
  });
});

describe('the bearer token', () => {
  const initiatives = { items: [], total: 0, limit: 50, offset: 0 };

  beforeEach(() => {
    setUserManager(createUserManager(TEST_WEB_CONFIG));
  });

  it('should send no Authorization header while nobody is signed in', async () => {
    const requests = stubApi({ handle: () => json(initiatives) });

    await api.GET('/initiatives');

    expect(requests[0]?.headers.get('Authorization')).toBeNull();
  });

  it('should send the signed-in person’s access token with every call', async () => {
    storeSignedInUser();
    const requests = stubApi({ handle: () => json(initiatives) });

    const { data } = await api.GET('/initiatives');

    expect(data).toEqual(initiatives);
    expect(requests[0]?.headers.get('Authorization')).toBe('Bearer test-access-token');
  });

  it('should renew once on 401 and send the refused call again with the new token', async () => {
    storeSignedInUser();
    const renew = vi.spyOn(UserManager.prototype, 'signinSilent').mockImplementation(async function (
      this: UserManager,
    ) {
      const user = new User({
        access_token: 'renewed-token',
        token_type: 'Bearer',
        profile: { sub: 's', iss: 'i', aud: 'a', exp: 0, iat: 0 },
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      });
      await this.storeUser(user);
      return user;
    });
    const requests = stubApi({
      handle: (request) =>
        request.headers.get('Authorization') === 'Bearer renewed-token'
          ? json(initiatives)
          : json({ status: 401, title: 'Unauthorized' }, 401),
    });

    const [first, second] = await Promise.all([
      api.GET('/initiatives'),
      api.GET('/initiatives', { params: { query: { q: 'unga' } } }),
    ]);

    expect(first.data).toEqual(initiatives);
    expect(second.data).toEqual(initiatives);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(requests.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer test-access-token',
      'Bearer test-access-token',
      'Bearer renewed-token',
      'Bearer renewed-token',
    ]);
  });

  it('should send a call refused after another call renewed again with the new token, without renewing twice', async () => {
    storeSignedInUser();
    const renew = vi.spyOn(UserManager.prototype, 'signinSilent').mockImplementation(async function (
      this: UserManager,
    ) {
      const user = new User({
        access_token: 'renewed-token',
        token_type: 'Bearer',
        profile: { sub: 's', iss: 'i', aud: 'a', exp: 0, iat: 0 },
        expires_at: Math.floor(Date.now() / 1000) + 3600,
      });
      await this.storeUser(user);
      return user;
    });
    let answerLate: (() => void) | undefined;
    const late = new Promise<void>((resolve) => (answerLate = resolve));
    stubApi({
      handle: async (request) => {
        if (request.headers.get('Authorization') === 'Bearer renewed-token') return json(initiatives);
        // The second call's refusal arrives only after the first call has renewed and been answered.
        if (new URL(request.url).searchParams.has('q')) await late;
        return json({ status: 401, title: 'Unauthorized' }, 401);
      },
    });

    const second = api.GET('/initiatives', { params: { query: { q: 'unga' } } });
    const first = await api.GET('/initiatives');
    answerLate?.();

    expect(first.data).toEqual(initiatives);
    expect((await second).data).toEqual(initiatives);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('should send the person to sign in, back to this page, when renewal fails, telling forms first', async () => {
    storeSignedInUser();
    vi.spyOn(UserManager.prototype, 'signinSilent').mockRejectedValue(new Error('invalid_grant'));
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);
    const ending = vi.fn();
    const stop = onSessionEnding(ending);
    window.history.replaceState(null, '', '/larm?severity=critical');
    stubApi({ handle: () => json({ status: 401, title: 'Unauthorized' }, 401) });

    const { response } = await api.GET('/initiatives');

    stop();
    expect(response.status).toBe(401);
    expect(ending).toHaveBeenCalledTimes(1);
    expect(redirect).toHaveBeenCalledWith({ state: { returnTo: '/larm?severity=critical' } });
  });
});
