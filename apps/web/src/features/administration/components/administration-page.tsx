import { Link, type LinkProps } from '@tanstack/react-router';
import { Page } from '../../../components/layout/page';
import { mayFrom } from '../../../lib/auth/use-may';
import { useMe, type Permission } from '../../../lib/auth/use-me';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';
import { QueueDashboardCard } from './queue-dashboard-card';

const t = administrationMessages;

type Screen = { to: LinkProps['to']; permission: Permission; title: string; description: string };

// Each screen with the permission /me must grant for it, in the order an administrator sets Samla up.
const SCREENS: readonly Screen[] = [
  { to: '/admin/forvaltningar', permission: 'reference-data:write', ...t.screens.departments },
  { to: '/admin/malgrupper', permission: 'reference-data:write', ...t.screens.codeLists },
  { to: '/admin/mal', permission: 'goals:write', ...t.screens.goals },
  { to: '/admin/import', permission: 'initiatives:import', ...t.screens.import },
  { to: '/admin/anvandare', permission: 'access:manage', ...t.screens.users },
  { to: '/admin/nycklar', permission: 'access:manage', ...t.screens.apiKeys },
  { to: '/admin/budget', permission: 'budget:write', ...t.screens.budget },
  { to: '/admin/webhooks', permission: 'webhooks:manage', ...t.screens.webhooks },
  { to: '/admin/jobb', permission: 'jobs:run', ...t.screens.jobs },
];

/** /admin: every administration screen the person may use, or why there is none. */
export function AdministrationPage() {
  const { data: me } = useMe();
  const screens = SCREENS.filter((screen) => mayFrom(me, screen.permission).allowed);
  return (
    <Page title={t.title}>
      {!me ? null : screens.length === 0 ? (
        <p className={styles.notice}>{t.mayNot}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <h2>{t.screensHeading}</h2>
          <ul className={styles.cards}>
            {screens.map((screen) => (
              <li key={screen.to} className={styles.card}>
                <h3 className={styles.cardTitle}>
                  <Link to={screen.to}>{screen.title}</Link>
                </h3>
                <p>{screen.description}</p>
              </li>
            ))}
            {mayFrom(me, 'jobs:run').allowed ? <QueueDashboardCard /> : null}
          </ul>
        </>
      )}
    </Page>
  );
}
