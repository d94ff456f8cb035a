import { expect } from 'vitest';
import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../app/app';
import { createAppRouter } from '../app/router';
import type { Me } from '../lib/auth/use-me';
import { messages } from '../lib/messages';
import type { WebConfig } from '../lib/auth/web-config';
import { fakeMe, storeSignedInUser, stubApi, type FetchHandler } from './auth';

type RenderAppOptions = {
  /** Signed in (the default) with this /me, or signed out (`false`). */
  me?: Me | false;
  /** Answers the API's other requests (see stubApi). */
  handle?: FetchHandler;
  /** What GET /web-config answers: TEST_WEB_CONFIG by default. */
  webConfig?: WebConfig | Response | (() => Response);
};

/**
 * The whole app at `path`, on a memory history, signed in as a staff member of ASF unless told otherwise (tokens in
 * sessionStorage, fetch stubbed for web-config, /me and `handle`); resolves once the page's heading is there (past
 * "Samla startar", and when signed in past "Loggar in").
 */
export async function renderApp(path: string, { me = fakeMe(), handle, webConfig }: RenderAppOptions = {}) {
  const requests = stubApi({ me: me || undefined, handle, webConfig });
  if (me) storeSignedInUser(undefined, me.name ?? undefined);
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  const view = render(<App router={router} />);
  // Past "Samla startar" (web-config), and signed in past "Loggar in" too. A lazily loaded page took over the default
  // second once on a busy CI machine, hence the longer wait.
  const passing = me ? [messages.auth.starting.title, messages.auth.signingIn.title] : [messages.auth.starting.title];
  await waitFor(() => expect(passing).not.toContain(screen.getByRole('heading', { level: 1 }).textContent), {
    timeout: 5_000,
  });
  return { router, requests, ...view };
}
