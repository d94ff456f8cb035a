import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, type ReactNode } from 'react';
import { AuthProvider as OidcAuthProvider } from 'react-oidc-context';
import { ConfigErrorScreen, StartingScreen } from './auth-screens';
import { createUserManager, setUserManager } from './session';
import { fetchWebConfig, WebConfigContext } from './web-config';

export const WEB_CONFIG_QUERY_KEY = ['web-config'] as const;

/**
 * Sign-in for everything inside: reads the public web-config, builds the UserManager from it (the same code for
 * Entra ID in production and the API's development issuer in the demo) and hands it to react-oidc-context, which
 * finishes a sign-in that comes back to web-config's redirectPath (`/inloggad`). Until web-config is there it shows
 * that Samla is starting; if it cannot be read, what to do. Needs TanStack Query's provider above it.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const config = useQuery({
    queryKey: WEB_CONFIG_QUERY_KEY,
    queryFn: ({ signal }) => fetchWebConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    // One more try after a moment, then say what to do (with a button to try again).
    retry: 1,
    retryDelay: 300,
  });
  // Set during render, not in an effect: the children's first requests (their effects run before ours) need it.
  const userManager = useMemo(() => {
    if (!config.data) return null;
    const manager = createUserManager(config.data);
    setUserManager(manager);
    return manager;
  }, [config.data]);
  const redirectPath = config.data?.oidc.redirectPath;
  const postLogoutPath = config.data?.oidc.postLogoutRedirectPath;

  // Only the callback page finishes a sign-in; a `?code=…&state=…` on another page is left alone.
  const skipSigninCallback = redirectPath === undefined || window.location.pathname !== redirectPath;
  // The code and state leave the address bar (and the history) as soon as they are redeemed.
  const onSigninCallback = useCallback(() => {
    if (redirectPath) window.history.replaceState(window.history.state, '', redirectPath);
  }, [redirectPath]);
  // Back from the provider's logout with its state: oidc-client-ts removes that state from sessionStorage.
  const matchSignoutCallback = useCallback(
    () => window.location.pathname === postLogoutPath && new URLSearchParams(window.location.search).has('state'),
    [postLogoutPath],
  );

  if (config.isError) return <ConfigErrorScreen onRetry={() => void config.refetch()} />;
  if (!config.data || !userManager) return <StartingScreen />;
  return (
    <WebConfigContext.Provider value={config.data}>
      <OidcAuthProvider
        userManager={userManager}
        skipSigninCallback={skipSigninCallback}
        onSigninCallback={onSigninCallback}
        matchSignoutCallback={matchSignoutCallback}
      >
        {children}
      </OidcAuthProvider>
    </WebConfigContext.Provider>
  );
}
