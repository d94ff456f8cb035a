import { configure, getConfig } from '@testing-library/react';
import { afterAll, beforeAll } from 'vitest';

/**
 * The whole app in jsdom (a lazy route, then react-aria fields) is slow on a busy machine: for the calling describe,
 * every wait (renderApp's included) may take up to 5 s instead of 1.
 */
export function usePatientWaits() {
  let restore: number;
  beforeAll(() => {
    restore = getConfig().asyncUtilTimeout;
    configure({ asyncUtilTimeout: 5_000 });
  });
  afterAll(() => configure({ asyncUtilTimeout: restore }));
}
