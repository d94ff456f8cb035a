import { mayFrom } from '../../../lib/auth/use-may';
import { useMe, type Me } from '../../../lib/auth/use-me';

/** Who is looking, as far as Larm needs: their department, and whether and where they may handle alerts. */
export type AlertViewer = {
  me: Me | undefined;
  department: { id: string; code: string; name: string } | null;
  /** Why the person may handle no alert at all (`not_granted`, `no_department`); null when they may, or while unknown. */
  refusal: 'not_granted' | 'no_department' | null;
  /** Whether the permission reaches every department's alerts, or only the person's own. */
  reachesAll: boolean;
};

export function useAlertViewer(): AlertViewer {
  const { data: me } = useMe();
  const access = me?.may['alerts:handle'];
  return {
    me,
    department: me?.department ?? null,
    refusal: access && !access.allowed ? (access.reason ?? 'not_granted') : null,
    reachesAll: access?.allowed === true && access.reach === 'all',
  };
}

/** Whether the viewer may acknowledge or dismiss this alert: /me's `may`, applied to the alert's department. */
export function mayHandle(viewer: AlertViewer, alert: { departmentId: string | null }): boolean {
  return mayFrom(viewer.me, 'alerts:handle', { departmentIds: [alert.departmentId] }).allowed;
}
