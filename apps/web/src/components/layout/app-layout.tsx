import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { messages } from '../../lib/messages';
import styles from './app-layout.module.css';
import { PrimaryNavigation, type NavigationEntry, type NavigationItem } from './primary-navigation';
import { SignedInPerson } from './signed-in-person';
import { MAIN_CONTENT_ID } from './landmark-ids';
import { SkipLink } from './skip-link';
import { useFocusOnNavigation } from './use-focus-on-navigation';

type AppLayoutProps = {
  municipalityName: string;
  primaryNavigation: readonly NavigationEntry[];
  footerNavigation: readonly NavigationItem[];
  children: ReactNode;
};

/**
 * The frame around every page: skip link, header with the primary navigation and the signed-in person (with
 * "Logga ut"), main content, footer.
 */
export function AppLayout({ municipalityName, primaryNavigation, footerNavigation, children }: AppLayoutProps) {
  useFocusOnNavigation();
  return (
    <div className={styles.frame}>
      <SkipLink />
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <div className={styles.brand}>
            <Link to="/" className={styles.appName}>
              {messages.app.name}
            </Link>
            <span className={styles.municipality}>{municipalityName}</span>
          </div>
          <PrimaryNavigation label={messages.layout.primaryNavigation} entries={primaryNavigation} />
          <SignedInPerson />
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p className={styles.footerName}>
            {messages.app.name} · {municipalityName}
          </p>
          <nav aria-label={messages.layout.footerNavigation}>
            <ul className={styles.footerLinks}>
              {footerNavigation.map((item) => (
                <li key={item.label}>
                  <Link to={item.to}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </footer>
    </div>
  );
}
