import { expect } from 'vitest';
import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen, waitFor } from '@testing-library/react';
import { App } from '../app/app';
import { createAppRouter } from '../app/router';
import type { Me } from '../lib/auth/use-me';
import { messages } from '../lib/messages';
import { fakeMe, storeSignedInUser, stubApi, type FetchHandler } from './auth';

type RenderAppOptions = {
  /** Signed in (the default) with this /me, or signed out (`false`). */
  me?: Me | false;
  /** Answers the API's other requests (see stubApi). */
  handle?: FetchHandler;
};

/**
 * The whole app at `path`, on a memory history, signed in as a staff member of ASF unless told otherwise (tokens in
 * sessionStorage, fetch stubbed for web-config, /me and `handle`); resolves once the page's heading is there (signed
 * in: once it is not "Loggar in" any more).
 */
export async function renderApp(path: string, { me = fakeMe(), handle }: RenderAppOptions = {}) {
  const requests = stubApi({ me: me || undefined, handle });
  if (me) storeSignedInUser(undefined, me.name ?? undefined);
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  const view = render(<App router={router} />);
  if (me) {
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(messages.auth.signingIn.title));
  } else {
    await screen.findByRole('heading', { level: 1 });
  }
  return { router, requests, ...view };
}
