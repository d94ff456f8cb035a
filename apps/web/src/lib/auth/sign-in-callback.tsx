import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useAuth } from 'react-oidc-context';
import { SignInFailed, SigningIn } from './auth-screens';
import { safeReturnTo, signIn } from './session';
import { useWebConfig } from './web-config';

/**
 * The page the provider sends the browser back to (web-config's redirectPath, `/inloggad`). The AuthProvider redeems
 * the code; this page then replaces itself in the history with the page the person asked for, so Back does not lead
 * here and no code or state stays in an address. A refused or cancelled sign-in says so, with the way to try again.
 */
export function SignInCallback() {
  const auth = useAuth();
  const router = useRouter();
  const { oidc } = useWebConfig();

  useEffect(() => {
    if (auth.isLoading) return;
    if (auth.isAuthenticated) {
      router.history.replace(safeReturnTo(auth.user?.state));
    } else if (auth.error) {
      window.history.replaceState(window.history.state, '', oidc.redirectPath);
    } else {
      // Opened without a sign-in to finish (a bookmark, Back): the start page, which signs in if need be.
      router.history.replace('/');
    }
  }, [auth.isLoading, auth.isAuthenticated, auth.error, auth.user, router, oidc.redirectPath]);

  if (auth.error && !auth.isAuthenticated) {
    const cancelled = (auth.error as { innerError?: { error?: string } }).innerError?.error === 'access_denied';
    return <SignInFailed cancelled={cancelled} onRetry={() => void signIn('/')} />;
  }
  return <SigningIn returning />;
}
