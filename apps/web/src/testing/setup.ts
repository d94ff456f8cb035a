import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setUserManager } from '../lib/auth/session';

// Files that need no DOM run with `@vitest-environment node`, and this setup runs for them too.
if (typeof window !== 'undefined') {
  // jsdom has no layout: the router's scroll restoration scrolls, and there is nothing to scroll.
  window.scrollTo = () => {};
  // findBy* and waitFor wait for lazily loaded routes and queried data; the default 1 s ran out on a loaded machine
  // (CI shares 2 cores with PostgreSQL and the browser suite's servers). Still bounded, and a passing wait ends at once.
  configure({ asyncUtilTimeout: 5000 });

  afterEach(() => {
    cleanup();
    document.title = '';
    // No sign-in carries over to the next test.
    window.sessionStorage.clear();
    setUserManager(null);
  });
}
