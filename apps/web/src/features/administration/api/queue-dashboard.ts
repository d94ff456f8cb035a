import { api, unwrap } from '../../../lib/api-client';
import { administrationMessages } from '../messages';

/** Where the API mounts bull-board; the session's cookie is sent only below it. */
export const QUEUE_DASHBOARD_PATH = '/api/v1/queues/';

/**
 * Opens the queue dashboard in a new tab. Its page cannot send the app's bearer token, so the API first opens a
 * session for this browser (POST /queue-dashboard/session sets an HttpOnly cookie for the dashboard's path, 15 minutes).
 * The tab is opened at once, while the click is still being handled, since a popup blocker stops one opened after
 * waiting for an answer; it goes to the dashboard once the session is open, and closes again if it was refused.
 * `blocked`: the browser refused even that tab; the session is open, so a link to the dashboard will do.
 */
export async function openQueueDashboard(
  browser: Pick<Window, 'open' | 'location'> = window,
): Promise<'opened' | 'blocked'> {
  const tab = browser.open('', '_blank');
  if (tab) {
    tab.document.documentElement.lang = 'sv';
    tab.document.title = administrationMessages.queueDashboard.title;
    tab.document.body.textContent = administrationMessages.queueDashboard.opening;
  }
  try {
    await unwrap(api.POST('/queue-dashboard/session'));
  } catch (error) {
    tab?.close();
    throw error;
  }
  if (!tab) return 'blocked';
  // The dashboard has no business with the app's window.
  tab.opener = null;
  tab.location.href = new URL(QUEUE_DASHBOARD_PATH, browser.location.origin).href;
  return 'opened';
}
