import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { App } from '../app/app';
import { createAppRouter } from '../app/router';

/** The whole app at `path`, on a memory history; resolves once the page's heading is there. */
export async function renderApp(path: string) {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [path] }));
  const view = render(<App router={router} />);
  await screen.findByRole('heading', { level: 1 });
  return { router, ...view };
}
