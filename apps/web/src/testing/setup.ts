import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setUserManager } from '../lib/auth/session';

// Files that need no DOM run with `@vitest-environment node`, and this setup runs for them too.
if (typeof window !== 'undefined') {
  // jsdom has no layout: the router's scroll restoration scrolls, and there is nothing to scroll.
  window.scrollTo = () => {};

  afterEach(() => {
    cleanup();
    document.title = '';
    // No sign-in carries over to the next test.
    window.sessionStorage.clear();
    setUserManager(null);
  });
}
