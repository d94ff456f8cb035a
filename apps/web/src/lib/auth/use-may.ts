import { messages } from '../messages';
import { useMe, type Me, type Permission, type Reach } from './use-me';

/**
 * The record an action would touch, so a department-limited permission can be answered for it: the departments that
 * own it (an initiative's lead and co-owners, an alert's or indicator's department) and, for `lead_department`
 * permissions (coverage decisions), its lead department. Leave it out to ask whether the person may at all.
 */
export type MayScope = {
  /** Departments owning the record: lead and co-owners of an initiative, the department of an alert or indicator. */
  departmentIds?: readonly (string | null | undefined)[];
  /** The initiative's lead department. */
  leadDepartmentId?: string | null;
};

export type MayAnswer = {
  /** Whether to offer the action. False while /me is loading or failed. */
  allowed: boolean;
  /** Which records the permission reaches (null when not allowed). */
  reach: Reach | null;
  /** Why not, in Swedish, for a disabled action's description; null when allowed, or while /me is unknown. */
  reason: string | null;
  /** True until /me has answered: neither offer nor explain the action yet. */
  pending: boolean;
};

const PENDING: MayAnswer = { allowed: false, reach: null, reason: null, pending: true };

/**
 * Answers `permission` for the person from /me's `may` — the API's one permission matrix, never a role name — and,
 * when a `scope` is given, for that record: a permission reaching only `own_department` needs the person's department
 * among the record's, `lead_department` needs it to lead.
 */
export function mayFrom(me: Me | undefined, permission: Permission, scope?: MayScope): MayAnswer {
  if (!me) return PENDING;
  const access = me.may[permission];
  if (!access?.allowed) {
    const reason = access?.reason === 'no_department' ? messages.auth.may.noDepartment : messages.auth.may.notGranted;
    return { allowed: false, reach: null, reason, pending: false };
  }
  const reach = access.reach ?? 'all';
  const mine = me.department?.id;
  if (scope && reach === 'own_department') {
    const owners = [...(scope.departmentIds ?? []), scope.leadDepartmentId];
    if (!mine || !owners.includes(mine))
      return { allowed: false, reach, reason: messages.auth.may.ownDepartment, pending: false };
  }
  if (scope && reach === 'lead_department' && (!mine || scope.leadDepartmentId !== mine)) {
    return { allowed: false, reach, reason: messages.auth.may.leadDepartment, pending: false };
  }
  return { allowed: true, reach, reason: null, pending: false };
}

/** mayFrom for the signed-in person (useMe). */
export function useMay(permission: Permission, scope?: MayScope): MayAnswer {
  const { data } = useMe();
  return mayFrom(data, permission, scope);
}
