import { useEffect, useState, type ReactNode } from 'react';
import { useAuth } from 'react-oidc-context';
import { SignedOut, SignInFailed, SigningIn } from './auth-screens';
import { hasSignedOut, renewSession, signIn } from './session';

type SignInGateProps = {
  /** A page anyone may see (the accessibility statement, 404, the sign-in callback): shown signed in or not. */
  isPublic: boolean;
  /** The page asked for (path, search and hash): where the sign-in comes back to. */
  returnTo: string;
  children: ReactNode;
};

/**
 * Shows `children` to a signed-in person. Anyone else is sent to sign in, and comes back to `returnTo`; a stored
 * sign-in whose access token expired meanwhile (a tab reopened) is renewed silently first. After signing out on
 * purpose the person is told so, and signs in again when they choose to.
 */
export function SignInGate({ isPublic, returnTo, children }: SignInGateProps) {
  const auth = useAuth();
  const [failed, setFailed] = useState(false);
  // Read on every render: "Logga ut" sets it just before the user is removed, which renders this again.
  const signedOut = hasSignedOut();
  const mustSignIn = !isPublic && !auth.isLoading && !auth.isAuthenticated && !auth.error && !signedOut && !failed;
  const canRenew = Boolean(auth.user?.refresh_token);

  useEffect(() => {
    if (!mustSignIn) return;
    let cancelled = false;
    void (async () => {
      if (canRenew && (await renewSession())) return;
      if (cancelled) return;
      await signIn(returnTo).catch(() => setFailed(true));
    })();
    return () => {
      cancelled = true;
    };
  }, [mustSignIn, canRenew, returnTo]);

  const signInAgain = () => {
    setFailed(false);
    void signIn(returnTo).catch(() => setFailed(true));
  };

  if (isPublic || auth.isAuthenticated) return children;
  if (auth.isLoading) return <SigningIn />;
  if (failed || auth.error) return <SignInFailed onRetry={signInAgain} />;
  if (signedOut) return <SignedOut onSignIn={signInAgain} />;
  return <SigningIn />;
}
