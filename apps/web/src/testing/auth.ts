import { User } from 'oidc-client-ts';
import { onTestFinished } from 'vitest';
import type { Me, Permission, Reach, Role } from '../lib/auth/use-me';
import type { WebConfig } from '../lib/auth/web-config';

/** What GET /api/v1/web-config answers in the tests (the development issuer's shape). */
export const TEST_WEB_CONFIG: WebConfig = {
  municipalityName: 'Trollhättans Stad',
  oidc: {
    authority: 'http://localhost:3000/api/v1/dev-oidc',
    clientId: 'samla-web',
    scopes: ['openid', 'profile', 'offline_access'],
    redirectPath: '/inloggad',
    postLogoutRedirectPath: '/',
  },
  development: true,
};

export const ASF = {
  id: '7a1e4a52-2f6b-4e0b-9d43-0d1b7a9f3c11',
  code: 'ASF',
  name: 'Arbetsmarknads- och socialförvaltningen',
};

/** Every permission of the API's matrix (a missing or unknown one is a compile error). */
const PERMISSIONS = Object.keys({
  'portfolio:read': 1,
  'reference-data:write': 1,
  'goals:write': 1,
  'initiatives:create': 1,
  'initiatives:write': 1,
  'initiatives:hand-over': 1,
  'initiatives:import': 1,
  'initiatives:delete': 1,
  'initiatives:transition': 1,
  'funding:write': 1,
  'funding:decide-coverage': 1,
  'alerts:handle': 1,
  'effect-logic:write': 1,
  'effect-logic:goal-chains': 1,
  'indicators:write': 1,
  'indicator-values:write': 1,
  'audit:read': 1,
  'reporting-rounds:write': 1,
  'status-reports:write': 1,
  'status-reports:decide': 1,
  'portfolio-reviews:write': 1,
  'overlaps:review': 1,
  'jobs:run': 1,
  'budget:write': 1,
  'budget:read': 1,
  'webhooks:manage': 1,
  'access:manage': 1,
} satisfies Record<Permission, 1>) as Permission[];

type FakeMe = {
  roles?: Role[];
  name?: string;
  department?: Me['department'];
  /** The permissions granted, with their reach; every other one is refused `not_granted`. Default: reading. */
  allow?: Partial<Record<Permission, Reach>>;
  /** Permissions refused for want of a department (`no_department`). */
  noDepartment?: Permission[];
};

/** A GET /me answer: a staff member of ASF who may read, unless told otherwise. */
export function fakeMe({
  roles = ['staff'],
  name = 'Medarbetare ASF',
  department = ASF,
  allow = { 'portfolio:read': 'all' },
  noDepartment = [],
}: FakeMe = {}): Me {
  const may = Object.fromEntries(
    PERMISSIONS.map((permission) => {
      const reach = allow[permission];
      if (reach) return [permission, { allowed: true, reach, reason: null }];
      return [
        permission,
        { allowed: false, reach: null, reason: noDepartment.includes(permission) ? 'no_department' : 'not_granted' },
      ];
    }),
  ) as Me['may'];
  return {
    actorKind: 'user',
    subject: `subject-${roles.join('-')}`,
    name,
    email: null,
    roles,
    scopes: null,
    department,
    permissions: PERMISSIONS.filter((permission) => allow[permission]),
    may,
  };
}

/** Puts a signed-in person's tokens where oidc-client-ts keeps them (this tab's sessionStorage), valid for an hour. */
export function storeSignedInUser(config: WebConfig = TEST_WEB_CONFIG, name = 'Medarbetare ASF') {
  const user = new User({
    access_token: 'test-access-token',
    refresh_token: 'test-refresh-token',
    id_token: 'test-id-token',
    token_type: 'Bearer',
    scope: config.oidc.scopes.join(' '),
    profile: { sub: 'subject-staff', iss: config.oidc.authority, aud: config.oidc.clientId, exp: 0, iat: 0, name },
    expires_at: Math.floor(Date.now() / 1000) + 3600,
  });
  window.sessionStorage.setItem(`oidc.user:${config.oidc.authority}:${config.oidc.clientId}`, user.toStorageString());
}

export type FetchHandler = (request: Request) => Response | undefined | Promise<Response | undefined>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

type StubApiOptions = {
  /** The config, or an answer (made anew for each request when a function). */
  webConfig?: WebConfig | Response | (() => Response);
  me?: Me | Response;
  /** Answers the other requests; one it leaves (undefined) is answered 404 problem+json. */
  handle?: FetchHandler;
};

/**
 * Stubs the global fetch for this test (restored when it ends): web-config and /me answered from `options`, other
 * requests by `handle`. Returns the requests seen, for expectations on what was sent (the bearer token, say).
 */
export function stubApi({ webConfig = TEST_WEB_CONFIG, me = fakeMe(), handle }: StubApiOptions = {}) {
  const requests: Request[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    requests.push(request.clone());
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/web-config') {
      if (typeof webConfig === 'function') return webConfig();
      return webConfig instanceof Response ? webConfig.clone() : json(webConfig);
    }
    if (pathname === '/api/v1/me') return me instanceof Response ? me.clone() : json(me);
    return (await handle?.(request)) ?? json({ type: '/problems/not-found', title: 'Not Found', status: 404 }, 404);
  };
  onTestFinished(() => {
    globalThis.fetch = original;
  });
  return requests;
}
