import { useAuth } from 'react-oidc-context';
import { signOut } from '../../lib/auth/session';
import { useMe, type Role } from '../../lib/auth/use-me';
import { messages } from '../../lib/messages';
import styles from './app-layout.module.css';

const text = messages.auth.person;

/** The roles as the frame names them, in the API's order. */
export function roleLabels(roles: readonly Role[]): string {
  return roles.map((role) => messages.auth.roles[role] ?? role).join(', ');
}

/**
 * In the header, once signed in: who the person is to Samla (GET /me: name, role, department) and "Logga ut". Until
 * /me answers, the name from the sign-in itself. Nothing (and no request) while nobody is signed in.
 */
export function SignedInPerson() {
  const auth = useAuth();
  if (!auth.isAuthenticated) return null;
  return <Person signInName={auth.user?.profile.name ?? ''} />;
}

function Person({ signInName }: { signInName: string }) {
  const me = useMe();
  const name = me.data?.name ?? signInName;
  return (
    <div className={styles.person}>
      <p className={styles.personText}>
        <span className="visually-hidden">{text.region}: </span>
        <strong className={styles.personName}>{name}</strong>
        {me.data && (
          <>
            <span className={styles.personDetail}>
              <span className="visually-hidden">{text.role}: </span>
              {roleLabels(me.data.roles)}
            </span>
            <span className={styles.personDetail}>
              <span className="visually-hidden">{text.department}: </span>
              {me.data.department?.name ?? text.noDepartment}
            </span>
          </>
        )}
      </p>
      <button type="button" className={styles.signOut} onClick={() => void signOut()}>
        {text.signOut}
      </button>
    </div>
  );
}
