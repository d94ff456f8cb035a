import type { components } from './api-schema';
import { auditTrailMessages as text } from './audit-trail-messages';
import { formatDate, formatMoney, formatNumber, LOCALE } from './format';
import { messages } from './messages';

export type AuditEvent = components['schemas']['AuditEventDto'];

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

// The municipality's time, whatever the browser's: an audit trail is read as Stockholm lived it.
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Stockholm',
});

/** `2025-03-01T09:12:44.120Z` → `1 mars 2025 kl. 10:12`. */
export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

/** Links between records that say nothing to a reader (the record's own initiative, round, review, nodes). */
const HIDDEN_FIELDS = new Set([
  'initiativeId',
  'roundId',
  'reviewId',
  'departmentId',
  'fromNodeId',
  'toNodeId',
  'indicatorId',
  'effectNodeId',
  'goalId',
  'version',
]);

const vocabulary = messages.vocabulary as unknown as Record<string, Record<string, string>>;

/** `status` and `kind` mean another vocabulary on each kind of record. */
const BY_ENTITY: Record<string, Record<string, Record<string, string>>> = {
  status: {
    initiative: vocabulary.initiativeStatus!,
    funding_line: vocabulary.fundingStatus!,
    status_report: vocabulary.reportStatus!,
    alert: vocabulary.alertStatus!,
  },
  kind: { initiative: vocabulary.initiativeKind!, alert: vocabulary.alertKind!, department: text.departmentKind },
};

const ENUM_LABELS: Record<string, Record<string, string>> = {
  evidenceBase: vocabulary.evidenceBase!,
  sourceType: vocabulary.fundingSourceType!,
  coverageDecision: vocabulary.coverageDecision!,
  ragStatus: vocabulary.ragStatus!,
  decision: vocabulary.portfolioDecision!,
  fromStatus: vocabulary.initiativeStatus!,
  toStatus: vocabulary.initiativeStatus!,
  level: { ...vocabulary.effectLevel, ...vocabulary.goalLevel },
  role: vocabulary.participantRole!,
  frequency: vocabulary.followUpFrequency!,
  severity: vocabulary.alertSeverity!,
  scopeStatuses: vocabulary.initiativeStatus!,
};

/** Names a referenced record (a department by its id) where the reader's screen knows it; else it stays "en annan post". */
export type ReferenceName = (field: string, id: string) => string | undefined;

/**
 * A value from the trail in words: labels for known codes, Swedish dates, times and kronor, lists joined; a reference
 * to another record by id is named where `name` knows it, else says only that it points somewhere.
 */
export function auditValue(field: string, value: unknown, entityType = 'initiative', name?: ReferenceName): string {
  if (value === null || value === undefined || value === '') return text.empty;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (typeof value === 'number') return field.endsWith('Sek') ? formatMoney(value) : formatNumber(value);
  if (typeof value === 'string') {
    const label = (BY_ENTITY[field] ? BY_ENTITY[field][entityType] : ENUM_LABELS[field])?.[value];
    if (label) return label;
    if (UUID.test(value)) return name?.(field, value) ?? text.reference;
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    if (CALENDAR_DATE.test(value)) {
      try {
        return formatDate(value);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return text.empty;
    if (value.every((item) => typeof item === 'string' && UUID.test(item))) {
      const names = value.map((id: string) => name?.(field, id));
      return names.every((n) => n !== undefined) ? names.join(', ') : text.references(value.length);
    }
    return value.map((item) => auditValue(field, item, entityType, name)).join(', ');
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(
      ([key, inner]) =>
        !HIDDEN_FIELDS.has(key) &&
        inner !== null &&
        inner !== undefined &&
        !(Array.isArray(inner) && inner.length === 0),
    )
    .map(([key, inner]) => `${text.field[key] ?? key}: ${auditValue(key, inner, entityType, name)}`)
    .join('; ');
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null };

export type AuditEntry = { id: string; when: string; who: string; what: string; changes: AuditChange[] };

/** Who acted: the person's name, or what kind of actor it was. */
export function auditActor(event: Pick<AuditEvent, 'actorKind' | 'actorName' | 'actorId'>): string {
  return event.actorKind === 'system'
    ? text.system
    : (event.actorName ?? (event.actorKind === 'api_key' ? text.apiKey : event.actorId));
}

/** One audit event in words: when, who, what was done to which record, and each changed field before and after. */
export function auditEntry(event: AuditEvent, name?: ReferenceName): AuditEntry {
  const entity = text.entity[event.entityType] ?? event.entityType;
  const changes = Object.entries(event.changes ?? {})
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, change]) => ({
      field,
      label: text.field[field] ?? field,
      before: change && 'before' in change ? auditValue(field, change.before, event.entityType, name) : null,
      after: change && 'after' in change ? auditValue(field, change.after, event.entityType, name) : null,
    }));
  return {
    id: event.id,
    when: formatDateTime(event.occurredAt),
    who: auditActor(event),
    what: `${text.action[event.action] ?? event.action} ${entity}`,
    changes,
  };
}
