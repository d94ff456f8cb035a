import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { User, UserManager } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../lib/messages';
import { ASF, fakeMe, json, TEST_WEB_CONFIG } from '../testing/auth';
import { renderApp } from '../testing/render-app';

const t = messages.auth;

/** The browser's own address: react-oidc-context reads it (not the router's memory history) to finish a sign-in. */
function browserAt(href: string) {
  window.history.replaceState(null, '', href);
}

afterEach(() => {
  browserAt('/');
});

describe('signing in', () => {
  it('should send a signed-out visit to sign in, to come back to the page asked for with its search', async () => {
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);

    await renderApp('/larm?severity=critical', { me: false });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(t.signingIn.title);
    expect(screen.getByRole('status').textContent).toBe(t.signingIn.body);
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ state: { returnTo: '/larm?severity=critical' } }));
  });

  it.each(['/tillganglighet', '/finns-inte'])('should show %s without signing in', async (path) => {
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);

    await renderApp(path, { me: false });

    expect(screen.getByRole('heading', { level: 1 }).textContent).not.toBe(t.signingIn.title);
    expect(screen.queryByRole('button', { name: t.person.signOut })).toBeNull();
    expect(redirect).not.toHaveBeenCalled();
  });

  it('should say what to do when web-config cannot be read, and try again on request', async () => {
    let answer = () => json({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, 503);
    await renderApp('/insatser', { me: false, webConfig: () => answer() });

    expect(await screen.findByRole('heading', { level: 1, name: t.configError.title })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(t.configError.help);
    answer = () => json(TEST_WEB_CONFIG);
    fireEvent.click(screen.getByRole('button', { name: t.configError.retry }));

    expect(await screen.findByRole('heading', { level: 1, name: t.signingIn.title })).toBeTruthy();
  });

  it('should finish the sign-in on /inloggad, leave no code in the address, and replace it with the page asked for', async () => {
    browserAt('/inloggad?code=abc&state=xyz');
    vi.spyOn(UserManager.prototype, 'signinCallback').mockImplementation(async function (this: UserManager) {
      const user = new User({
        access_token: 'fresh',
        refresh_token: 'refresh',
        token_type: 'Bearer',
        profile: { sub: 'subject-staff', iss: 'i', aud: 'a', exp: 0, iat: 0, name: 'Sam Svensson' },
        expires_at: Math.floor(Date.now() / 1000) + 3600,
        userState: { returnTo: '/larm?severity=critical' },
      });
      await this.storeUser(user);
      return user;
    });

    const { router } = await renderApp('/inloggad?code=abc&state=xyz', { me: false });

    await waitFor(() => expect(router.state.location.href).toBe('/larm?severity=critical'));
    expect(window.location.search).not.toContain('code=');
    expect(await screen.findByRole('button', { name: t.person.signOut })).toBeTruthy();
  });

  it('should say that a cancelled sign-in was cancelled, without the code or state in the address', async () => {
    browserAt('/inloggad?error=access_denied&state=xyz');
    vi.spyOn(UserManager.prototype, 'signinCallback').mockRejectedValue(
      Object.assign(new Error('The person cancelled the sign-in.'), { error: 'access_denied' }),
    );
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);

    await renderApp('/inloggad?error=access_denied&state=xyz', { me: false });

    expect(await screen.findByRole('heading', { level: 1, name: t.signInError.title })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(t.signInError.cancelled);
    await waitFor(() => expect(window.location.search).toBe(''));
    fireEvent.click(screen.getByRole('button', { name: t.signInError.retry }));
    await waitFor(() => expect(redirect).toHaveBeenCalled());
  });
});

describe('the signed-in person in the frame', () => {
  it('should show name, role and department from /me', async () => {
    await renderApp('/tillganglighet', { me: fakeMe({ roles: ['department_head'], name: 'Fia Fors' }) });

    const banner = screen.getByRole('banner');
    await waitFor(() => expect(banner.textContent).toContain(`${t.person.role}: ${t.roles.department_head}`));
    expect(banner.textContent).toContain(`${t.person.region}: Fia Fors`);
    expect(banner.textContent).toContain(`${t.person.department}: ${ASF.name}`);
  });

  it('should say when the person has no department', async () => {
    await renderApp('/tillganglighet', { me: fakeMe({ roles: ['auditor'], name: 'Rut Risberg', department: null }) });

    await waitFor(() =>
      expect(screen.getByRole('banner').textContent).toContain(`${t.person.department}: ${t.person.noDepartment}`),
    );
  });

  it('should send every call with the token, /me included', async () => {
    const { requests } = await renderApp('/tillganglighet');

    await waitFor(() => expect(requests.some((request) => request.url.endsWith('/api/v1/me'))).toBe(true));
    const me = requests.find((request) => request.url.endsWith('/api/v1/me'));
    expect(me?.headers.get('Authorization')).toBe('Bearer test-access-token');
    expect(
      requests.find((request) => request.url.endsWith('/api/v1/web-config'))?.headers.get('Authorization'),
    ).toBeNull();
  });

  it('should sign out at the provider with "Logga ut", remove drafts, and then say so instead of signing in again', async () => {
    const signOut = vi.spyOn(UserManager.prototype, 'signoutRedirect').mockImplementation(async function (
      this: UserManager,
    ) {
      await this.removeUser();
    });
    const redirect = vi.spyOn(UserManager.prototype, 'signinRedirect').mockResolvedValue(undefined);
    window.sessionStorage.setItem('samla.draft.x', '{}');
    await renderApp('/insatser');

    fireEvent.click(within(screen.getByRole('banner')).getByRole('button', { name: t.person.signOut }));

    expect(await screen.findByRole('heading', { level: 1, name: t.signedOut.title })).toBeTruthy();
    expect(signOut).toHaveBeenCalledTimes(1);
    expect(redirect).not.toHaveBeenCalled();
    expect(window.sessionStorage.getItem('samla.draft.x')).toBeNull();
    expect(screen.queryByRole('button', { name: t.person.signOut })).toBeNull();
  });
});
