import type { components, operations } from '../../../lib/api-schema';

export type AuditAction = components['schemas']['AuditEventDto']['action'];
export const AUDIT_ACTIONS: readonly AuditAction[] = ['create', 'update', 'delete', 'transition', 'decision', 'revoke'];

/** The kinds of record the trail is most often searched by, in the order the filter offers them. */
export const ENTITY_TYPES = [
  'initiative',
  'funding_line',
  'status_report',
  'portfolio_decision',
  'reporting_round',
  'effect_node',
  'indicator',
  'indicator_value',
  'alert',
  'overlap_review',
  'department',
  'goal',
  'target_group',
  'district',
  'user',
  'api_key',
  'webhook_subscription',
] as const;

export const PAGE_SIZE = 25;

/**
 * Granskning's search in the URL (`/granskning?initiative=SSPF&action=update&from=2025-01-01`): the initiative by
 * its code (what an auditor knows and a link can carry); the rest named as `GET /audit-events`'s query.
 */
export type AuditSearch = {
  initiative?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: AuditAction;
  from?: string;
  to?: string;
  offset?: number;
};

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const ENTITY_TYPE = /^[a-z][a-z_]{0,39}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (value: unknown, max = 200) =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value.trim() : undefined;

/** For TanStack Router's `validateSearch`: keeps what the API could take and drops anything malformed. */
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const initiative = text(raw.initiative, 40);
  const entityType = text(raw.entityType, 40);
  const offset = Number(raw.offset);
  const date = (value: unknown) => (typeof value === 'string' && DATE.test(value) ? value : undefined);
  return {
    initiative: initiative && CODE.test(initiative) ? initiative.toUpperCase() : undefined,
    entityType: entityType && ENTITY_TYPE.test(entityType) ? entityType : undefined,
    entityId: text(raw.entityId),
    actor: text(raw.actor),
    action: AUDIT_ACTIONS.includes(raw.action as AuditAction) ? (raw.action as AuditAction) : undefined,
    from: date(raw.from),
    to: date(raw.to),
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

export type AuditQuery = NonNullable<operations['AuditEventsController_list']['parameters']['query']>;

/** `GET /audit-events`'s query for the search, the initiative given by its id (read from its code first). */
export function toAuditQuery(
  search: AuditSearch,
  initiativeId: string | undefined,
  page: { limit: number; offset: number },
): AuditQuery {
  const query: AuditQuery = { limit: page.limit, offset: page.offset };
  if (initiativeId) query.initiativeId = initiativeId;
  for (const key of ['entityType', 'entityId', 'actor', 'action', 'from', 'to'] as const) {
    if (search[key] !== undefined) Object.assign(query, { [key]: search[key] });
  }
  return query;
}

/** Whether any filter narrows the trail (the page's offset is not one). */
export function isFiltered(search: AuditSearch): boolean {
  return Object.entries(search).some(([key, value]) => key !== 'offset' && value !== undefined);
}
