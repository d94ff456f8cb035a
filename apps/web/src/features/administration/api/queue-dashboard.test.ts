import { describe, expect, it, vi } from 'vitest';
import { ApiProblemError } from '../../../lib/api-client';
import { json, stubApi } from '../../../testing/auth';
import { administrationMessages } from '../messages';
import { openQueueDashboard } from './queue-dashboard';

/** A browser whose `open` hands out a blank tab (or nothing, as a popup blocker would), recording the order of events. */
function fakeBrowser(events: string[], { blocked = false } = {}) {
  const tab = {
    document: document.implementation.createHTMLDocument(''),
    opener: window as unknown,
    location: { href: 'about:blank' },
    close: vi.fn(),
  };
  const open = vi.fn(() => {
    events.push('tab opened');
    return blocked ? null : tab;
  });
  return { tab, browser: { open, location: { origin: 'https://samla.example' } } as unknown as Window };
}

describe('openQueueDashboard', () => {
  it('should open a blank tab before asking for the session, then send it to the dashboard', async () => {
    const events: string[] = [];
    const { tab, browser } = fakeBrowser(events);
    stubApi({
      handle: (request) => {
        if (new URL(request.url).pathname !== '/api/v1/queue-dashboard/session' || request.method !== 'POST')
          return undefined;
        events.push('session asked for');
        return new Response(null, { status: 204 });
      },
    });

    await expect(openQueueDashboard(browser)).resolves.toBe('opened');

    expect(events).toEqual(['tab opened', 'session asked for']);
    expect(tab.location.href).toBe('https://samla.example/api/v1/queues/');
    expect(tab.opener).toBeNull();
    expect(tab.document.title).toBe(administrationMessages.queueDashboard.title);
    expect(tab.close).not.toHaveBeenCalled();
  });

  it('should close the tab again when the session is refused', async () => {
    const { tab, browser } = fakeBrowser([]);
    stubApi({ handle: () => json({ type: '/problems/forbidden', title: 'Forbidden', status: 403, detail: '' }, 403) });

    const refused = await openQueueDashboard(browser).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(ApiProblemError);
    expect((refused as ApiProblemError).problem.status).toBe(403);
    expect(tab.close).toHaveBeenCalled();
    expect(tab.location.href).toBe('about:blank');
  });

  it('should still open the session when the browser blocked the tab, and say so', async () => {
    const { browser } = fakeBrowser([], { blocked: true });
    const requests = stubApi({ handle: () => new Response(null, { status: 204 }) });

    await expect(openQueueDashboard(browser)).resolves.toBe('blocked');
    expect(requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /api/v1/queue-dashboard/session',
    ]);
  });
});
