import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';
import { clearAllDrafts } from './drafts';
import type { WebConfig } from './web-config';

/**
 * The sign-in session outside React: the one UserManager (oidc-client-ts) the AuthProvider builds from web-config,
 * for the API client's bearer middleware and its 401 handling. React code uses the hooks (useAuth, useMe, useMay).
 */

/** Where a sign-in returns to, carried through the provider in the request's `state` (kept in sessionStorage). */
export type SignInState = { returnTo: string };

/** Fired on window right before the browser leaves for the sign-in page (session ended, 401, sign-out): save drafts. */
export const SESSION_ENDING_EVENT = 'samla:session-ending';
/** Set when the person signed out in this tab: the app then says so instead of signing in again at once. */
const SIGNED_OUT_KEY = 'samla.signedOut';

let userManager: UserManager | null = null;
let renewing: Promise<boolean> | null = null;
let redirecting = false;

/**
 * The UserManager for web-config's provider: authorization code flow with PKCE, silent renewal with the refresh
 * token, and tokens in this tab's sessionStorage (and memory), never localStorage — the sign-in's state and PKCE
 * verifier too (oidc-client-ts keeps those in localStorage unless told otherwise).
 */
export function createUserManager(config: WebConfig, origin: string = window.location.origin): UserManager {
  const settings: UserManagerSettings = {
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    redirect_uri: `${origin}${config.oidc.redirectPath}`,
    post_logout_redirect_uri: `${origin}${config.oidc.postLogoutRedirectPath}`,
    scope: config.oidc.scopes.join(' '),
    response_type: 'code',
    automaticSilentRenew: true,
    // Renewal uses the refresh token (offline_access); renewSession never falls back to a hidden iframe.
    silentRequestTimeoutInSeconds: 10,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
    loadUserInfo: false,
    monitorSession: false,
  };
  return new UserManager(settings);
}

/** Makes `manager` the session the API client uses (the AuthProvider calls this); null forgets it. */
export function setUserManager(manager: UserManager | null) {
  if (!manager) userManager?.stopSilentRenew();
  userManager = manager;
  renewing = null;
  redirecting = false;
}

export function currentUserManager(): UserManager | null {
  return userManager;
}

/** The signed-in person's access token, renewed first when it has expired; null when nobody is signed in. */
export async function accessToken(): Promise<string | null> {
  if (!userManager) return null;
  let user = await userManager.getUser();
  if (user?.expired && (await renewSession())) user = await userManager.getUser();
  return user && !user.expired ? user.access_token : null;
}

/**
 * One silent renewal with the refresh token at a time, however many requests ask; true when it gave a fresh token.
 * Without a refresh token there is nothing to renew with (no hidden iframe: providers forbid framing their pages).
 */
export function renewSession(): Promise<boolean> {
  const manager = userManager;
  if (!manager) return Promise.resolve(false);
  renewing ??= manager
    .getUser()
    .then(async (user) => {
      if (!user?.refresh_token) return false;
      const renewed = await manager.signinSilent();
      return renewed !== null && !renewed.expired;
    })
    .catch(() => false)
    .finally(() => {
      renewing = null;
    });
  return renewing;
}

/** The page the person is on, as the router's href (path, search, hash): where a sign-in comes back to. */
export function currentHref(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

/** Only a path of this app: anything else (another origin, `//host`) returns to the start page. */
export function safeReturnTo(value: unknown): string {
  const returnTo = (value as Partial<SignInState> | null | undefined)?.returnTo;
  if (
    typeof returnTo !== 'string' ||
    !returnTo.startsWith('/') ||
    returnTo.startsWith('//') ||
    returnTo.startsWith('/\\')
  )
    return '/';
  return returnTo;
}

/** Tells forms the browser is about to leave for the sign-in page, so they can save what was typed (see drafts.ts). */
export function announceSessionEnding() {
  window.dispatchEvent(new CustomEvent(SESSION_ENDING_EVENT));
}

/** Calls `listener` right before the browser leaves for sign-in; returns the unsubscribe. */
export function onSessionEnding(listener: () => void): () => void {
  window.addEventListener(SESSION_ENDING_EVENT, listener);
  return () => window.removeEventListener(SESSION_ENDING_EVENT, listener);
}

/**
 * Sends the browser to the provider's sign-in, to come back to `returnTo` (the current page by default). Forms hear
 * SESSION_ENDING_EVENT first. Once per page: later calls while the browser is leaving do nothing.
 */
export async function signIn(returnTo: string = currentHref()): Promise<void> {
  const manager = userManager;
  if (!manager || redirecting) return;
  redirecting = true;
  window.sessionStorage.removeItem(SIGNED_OUT_KEY);
  announceSessionEnding();
  try {
    await manager.signinRedirect({ state: { returnTo } satisfies SignInState });
  } catch (error) {
    redirecting = false;
    throw error;
  }
}

/** A 401 from the API: one silent renewal; when that fails, to sign-in and back to this page. True if renewed. */
export async function handleUnauthorized(): Promise<boolean> {
  if (await renewSession()) return true;
  await signIn().catch(() => undefined);
  return false;
}

/**
 * Signs out at the provider and comes back to the app, which then says the person is signed out. A sign-out on
 * purpose keeps nothing: drafts are removed (the next person at this computer should not find them).
 */
export async function signOut(): Promise<void> {
  const manager = userManager;
  if (!manager || redirecting) return;
  // Nothing starts a sign-in while the browser leaves for the provider's logout.
  redirecting = true;
  clearAllDrafts();
  window.sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  try {
    await manager.signoutRedirect();
  } catch (error) {
    redirecting = false;
    throw error;
  }
}

/** Whether the person signed out in this tab and has not signed in again since. */
export function hasSignedOut(): boolean {
  return window.sessionStorage.getItem(SIGNED_OUT_KEY) === '1';
}
