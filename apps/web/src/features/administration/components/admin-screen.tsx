import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { Page } from '../../../components/layout/page';
import { useMay } from '../../../lib/auth/use-may';
import type { Permission } from '../../../lib/auth/use-me';
import { administrationMessages } from '../messages';
import styles from './administration.module.css';

type Props = {
  title: string;
  /** What /me must grant for the screen; without it the screen says `mayNot` and asks the API nothing. */
  permission: Permission;
  mayNot: string;
  wide?: boolean;
  children: ReactNode;
};

/** One administration screen: its page, the way back to the overview, and its content only for whoever /me lets use it. */
export function AdminScreen({ title, permission, mayNot, wide, children }: Props) {
  const may = useMay(permission);
  return (
    <Page title={title} wide={wide}>
      <Link to="/admin" className={styles.back}>
        {administrationMessages.backToOverview}
      </Link>
      {may.pending ? null : may.allowed ? children : <p className={styles.notice}>{mayNot}</p>}
    </Page>
  );
}
