import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../lib/api-client';
import { messages } from '../../../lib/messages';
import { fakeMe } from '../../../testing/auth';
import { parseInitiativeListSearch } from '../utils/initiative-list-search';
import { InitiativeListRoute } from './initiative-list-page';
import { portfolioMessages } from '../messages';

const DEPARTMENT = {
  id: '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b',
  code: 'ASF',
  name: 'Arbetsmarknads- och socialförvaltningen',
};

function initiative(code: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `id-${code}`,
    code,
    title: `Insatsen ${code}`,
    status: 'active',
    leadDepartmentId: DEPARTMENT.id,
    leadDepartmentName: DEPARTMENT.name,
    latestRagStatus: null,
    temporaryFundingEndsOn: null,
    openAlertCount: 0,
    ...overrides,
  };
}

type Answer = { status?: number; body: unknown };
let listAnswer: (query: Record<string, unknown>) => Answer;
let me = fakeMe();
const listQueries: Record<string, unknown>[] = [];

/** The API at its client: GET answers by path, the list by `listAnswer`. */
function stubApi() {
  return vi.spyOn(api, 'GET').mockImplementation((async (
    path: string,
    init?: { params?: { query?: Record<string, unknown> } },
  ) => {
    const answer: Answer =
      path === '/me'
        ? { body: me }
        : path === '/initiatives'
          ? (listQueries.push(init?.params?.query ?? {}), listAnswer(init?.params?.query ?? {}))
          : path === '/departments'
            ? { body: { items: [DEPARTMENT], total: 1, limit: 200, offset: 0 } }
            : path === '/goals/tree'
              ? {
                  body: [
                    {
                      id: 'g1',
                      code: 'FP-1',
                      title: 'Fler i arbete',
                      children: [{ id: 'g2', code: 'FP-1.1', title: 'Unga i arbete', children: [] }],
                    },
                  ],
                }
              : { body: { items: [{ id: 'x', code: 'UNGA', name: 'Unga 16–24' }], total: 1, limit: 200, offset: 0 } };
    const status = answer.status ?? 200;
    return status < 400
      ? { data: answer.body, response: new Response(null, { status }) }
      : { error: answer.body, response: new Response(null, { status }) };
  }) as never);
}

/** The list on a router of its own (its route and the initiative's), on a memory history. */
function renderList(path = '/insatser') {
  const rootRoute = createRootRoute({ component: () => <Outlet /> });
  const listRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/insatser',
    validateSearch: parseInitiativeListSearch,
    component: InitiativeListRoute,
  });
  const initiativeRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/insatser/$code',
    component: () => <h1>Insatsen</h1>,
  });
  const newRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/insatser/ny',
    component: () => <h1>Ny insats</h1>,
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([listRoute, newRoute, initiativeRoute]),
    history: createMemoryHistory({ initialEntries: [path] }),
  });
  // As the app's client (app/provider.tsx) but without retries: answers stay fresh for a while, so a prefetched view is not asked for again.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 30_000 } } });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router as never} />
    </QueryClientProvider>,
  );
  return router;
}

const t = portfolioMessages;

beforeEach(() => {
  me = fakeMe();
  listQueries.length = 0;
  listAnswer = () => ({
    body: {
      items: [
        initiative('MBU', {
          status: 'approved',
          latestRagStatus: 'amber',
          temporaryFundingEndsOn: '2027-06-30',
          openAlertCount: 2,
        }),
        initiative('SSPF', { latestRagStatus: 'red' }),
      ],
      total: 2,
      limit: 50,
      offset: 0,
    },
  });
  stubApi();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('Insatser', () => {
  it('should show each initiative with its code as a link, status and RAG as text, the end of temporary funding and open alerts', async () => {
    renderList();

    const table = await screen.findByRole('grid', { name: t.table.label });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    const mbu = within(rows[1]!)
      .getAllByRole('gridcell')
      .map((cell) => cell.textContent);
    expect(mbu).toEqual(['MBU', DEPARTMENT.name, 'Beslutad', 'Gul – avvikelser', '30 juni 2027', '2']);
    expect(within(rows[1]!).getByRole('rowheader').textContent).toBe('Insatsen MBU');
    expect(within(rows[1]!).getByRole('link', { name: 'MBU' }).getAttribute('href')).toBe('/insatser/MBU');
    expect(within(rows[2]!).getByText(t.table.noTemporaryEnd)).toBeTruthy();
    expect(screen.getByText(t.paging.showing(1, 2, 2))).toBeTruthy();
  });

  it('should offer "Ny insats" only to whom /me allows registering initiatives', async () => {
    renderList();
    await screen.findByRole('grid', { name: t.table.label });
    expect(screen.queryByRole('link', { name: t.newInitiative })).toBeNull();

    cleanup();
    me = fakeMe({
      roles: ['department_head'],
      allow: { 'portfolio:read': 'all', 'initiatives:create': 'own_department' },
    });
    renderList();
    expect((await screen.findByRole('link', { name: t.newInitiative })).getAttribute('href')).toBe('/insatser/ny');
  });

  it('should sort by a column into the URL and ask the API for that order, descending on the second press', async () => {
    const router = renderList();
    await screen.findByRole('grid');

    fireEvent.click(screen.getByRole('columnheader', { name: t.table.openAlerts }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: 'openAlertCount' }));
    await waitFor(() => expect(listQueries.at(-1)).toMatchObject({ sort: 'openAlertCount' }));
    expect(screen.getByRole('columnheader', { name: t.table.openAlerts }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('columnheader', { name: t.table.openAlerts }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ sort: '-openAlertCount' }));
  });

  it('should put a status filter in the URL, back on the first page, and send it to the API', async () => {
    const router = renderList('/insatser?offset=50');
    await screen.findByRole('grid');

    fireEvent.click(screen.getByRole('checkbox', { name: messages.initiativeStatus.active }));

    await waitFor(() => expect(router.state.location.search).toEqual({ status: ['active'] }));
    await waitFor(() => expect(listQueries.at(-1)).toMatchObject({ status: ['active'], offset: 0 }));
  });

  it('should ask the API once for each new view, the request made on the press joined by the page’s own', async () => {
    renderList('/insatser?sort=-code');
    await screen.findByRole('grid');

    fireEvent.click(screen.getByRole('checkbox', { name: messages.initiativeStatus.active }));
    // Asked for on the press, before the navigation re-renders the page.
    expect(listQueries).toHaveLength(2);
    await screen.findByText(/^Visar/);
    fireEvent.click(screen.getByRole('checkbox', { name: messages.initiativeStatus.proposed }));
    await waitFor(() => expect(listQueries).toHaveLength(3));
    await screen.findByText(/^Visar/);

    expect(listQueries).toHaveLength(3);
    expect(listQueries.at(-1)).toMatchObject({ sort: '-code', status: ['active', 'proposed'] });
  });

  it('should search the text when typing pauses, and at once on Enter', async () => {
    const router = renderList();
    await screen.findByRole('grid');
    const field = screen.getByRole('searchbox', { name: t.filters.search });

    vi.useFakeTimers();
    fireEvent.change(field, { target: { value: 'unga' } });
    expect(router.state.location.search).toEqual({});
    await act(async () => vi.advanceTimersByTime(500));
    vi.useRealTimers();
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'unga' }));

    fireEvent.change(field, { target: { value: 'polis' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'polis' }));
  });

  it('should say that nothing matches and offer to clear the filters when the list is empty', async () => {
    listAnswer = (query) => ({
      body: { items: query.status ? [] : [initiative('SSPF')], total: query.status ? 0 : 1, limit: 50, offset: 0 },
    });
    const router = renderList('/insatser?status=completed&sort=title');

    const empty = (await screen.findByRole('heading', { name: t.empty.title })).parentElement!;
    fireEvent.click(within(empty).getByRole('button', { name: t.filters.clear }));

    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'title' }));
    expect(await screen.findByRole('grid')).toBeTruthy();
  });

  it('should say in Swedish what went wrong and what to do, and try again on request', async () => {
    listAnswer = () => ({
      status: 503,
      body: { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: '' },
    });
    renderList();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t.error.title);
    expect(alert.textContent).toContain(messages.problem.byStatus[503]);

    listAnswer = () => ({ body: { items: [initiative('SSPF')], total: 1, limit: 50, offset: 0 } });
    fireEvent.click(within(alert).getByRole('button', { name: messages.loadError.retry }));
    expect(await screen.findByRole('grid')).toBeTruthy();
  });

  it('should page with previous and next, the offset in the URL', async () => {
    listAnswer = (query) => ({
      body: { items: [initiative(`I${String(query.offset)}`)], total: 134, limit: 50, offset: query.offset },
    });
    const router = renderList();
    await screen.findByText(t.paging.showing(1, 1, 134));

    expect(screen.getByRole('button', { name: t.paging.previous }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: t.paging.next }));

    await waitFor(() => expect(router.state.location.search).toEqual({ offset: 50 }));
    expect(await screen.findByText(t.paging.showing(51, 51, 134))).toBeTruthy();
  });
});
