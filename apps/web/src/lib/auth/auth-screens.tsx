import { useEffect } from 'react';
import { Page } from '../../components/layout/page';
import { messages } from '../messages';
import styles from './auth-screens.module.css';

const text = messages.auth;

/** Words that say something is under way, with a ring beside them; read out once (role=status). */
function Busy({ label }: { label: string }) {
  return (
    <p className={styles.busy} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span>{label}</span>
    </p>
  );
}

/** Before the frame exists: the app's name, a heading, and what is happening. */
function Standalone({ title, children }: { title: string; children: React.ReactNode }) {
  useEffect(() => {
    document.title = messages.app.documentTitle(title);
  }, [title]);
  return (
    <main className={styles.standalone}>
      <p className={styles.appName}>{messages.app.name}</p>
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/** While web-config loads. */
export function StartingScreen() {
  return (
    <Standalone title={text.starting.title}>
      <Busy label={text.starting.body} />
    </Standalone>
  );
}

/** web-config could not be read: nothing else can work, so say what to do. */
export function ConfigErrorScreen({ onRetry }: { onRetry: () => void }) {
  return (
    <Standalone title={text.configError.title}>
      <div className={styles.error} role="alert">
        <p>{text.configError.body}</p>
        <p>{text.configError.help}</p>
      </div>
      <button type="button" className={styles.button} onClick={onRetry}>
        {text.configError.retry}
      </button>
    </Standalone>
  );
}

/** In the frame, on the way to the provider or back from it. */
export function SigningIn({ returning = false }: { returning?: boolean }) {
  return (
    <Page title={text.signingIn.title}>
      <Busy label={returning ? text.signingIn.returning : text.signingIn.body} />
    </Page>
  );
}

/** The sign-in failed or was cancelled at the provider; the person can try again. */
export function SignInFailed({ cancelled = false, onRetry }: { cancelled?: boolean; onRetry: () => void }) {
  return (
    <Page title={text.signInError.title}>
      <div className={styles.error} role="alert">
        <p>{cancelled ? text.signInError.cancelled : text.signInError.body}</p>
        <p>{text.signInError.help}</p>
      </div>
      <button type="button" className={styles.button} onClick={onRetry}>
        {text.signInError.retry}
      </button>
    </Page>
  );
}

/** After signing out: said, not followed by an immediate new sign-in. */
export function SignedOut({ onSignIn }: { onSignIn: () => void }) {
  return (
    <Page title={text.signedOut.title}>
      <p>{text.signedOut.body}</p>
      <button type="button" className={styles.button} onClick={onSignIn}>
        {text.signedOut.signIn}
      </button>
    </Page>
  );
}
