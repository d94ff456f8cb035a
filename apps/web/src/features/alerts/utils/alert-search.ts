import type { components } from '../../../lib/api-schema';

type AlertDto = components['schemas']['AlertDto'];
export type AlertKind = AlertDto['kind'];
export type AlertSeverity = AlertDto['severity'];
export type AlertStatus = AlertDto['status'];

// The values the API knows, in the order the filters offer them (most severe first).
export const ALERT_KINDS: readonly AlertKind[] = [
  'grant_expiring',
  'grant_expired_initiative_active',
  'funding_gap',
  'funder_report_due',
  'follow_up_overdue',
  'follow_up_plan_missing',
  'baseline_missing',
  'possible_overlap',
  'decision_follow_up_due',
  'overspending',
];
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['critical', 'warning', 'info'];
export const ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'resolved', 'dismissed'];

/** `status=alla` in the URL: every status. Without `status` the list shows the open alerts, what is left to handle. */
export const ALL_STATUSES = 'alla';
export const DEFAULT_STATUS: AlertStatus = 'open';

/** Larm's filters in the URL (`/larm?severity=critical&kind=funding_gap`), named as the API's query parameters. */
export type AlertListSearch = {
  kind?: AlertKind;
  severity?: AlertSeverity;
  status?: AlertStatus | typeof ALL_STATUSES;
  departmentId?: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return values.includes(value as T) ? (value as T) : undefined;
}

/**
 * For TanStack Router's `validateSearch`: keeps what is well-formed and drops the rest, so an old or hand-edited link
 * opens the list instead of an error. Every key is present (undefined when dropped), as the router expects.
 */
export function parseAlertListSearch(raw: Record<string, unknown>): AlertListSearch {
  return {
    kind: oneOf(ALERT_KINDS, raw.kind),
    severity: oneOf(ALERT_SEVERITIES, raw.severity),
    status: oneOf<AlertStatus | typeof ALL_STATUSES>([...ALERT_STATUSES, ALL_STATUSES], raw.status),
    departmentId: typeof raw.departmentId === 'string' && UUID.test(raw.departmentId) ? raw.departmentId : undefined,
  };
}

/** The API's query for the filters: at most 200 alerts, the most severe first (the API's order). */
export function toAlertQuery(search: AlertListSearch) {
  const status = search.status === ALL_STATUSES ? undefined : (search.status ?? DEFAULT_STATUS);
  return {
    limit: 200,
    ...(search.kind ? { kind: search.kind } : {}),
    ...(search.severity ? { severity: search.severity } : {}),
    ...(status ? { status } : {}),
    ...(search.departmentId ? { departmentId: search.departmentId } : {}),
  };
}
