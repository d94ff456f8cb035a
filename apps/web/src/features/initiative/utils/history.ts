import type { components } from '../../../lib/api-schema';
import { formatDate, formatMoney, formatNumber, LOCALE } from '../../../lib/format';
import { messages, type InitiativeStatusKey } from '../../../lib/messages';
import { initiativeMessages } from '../messages';

type AuditEvent = components['schemas']['AuditEventDto'];

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

// The municipality's time, whatever the browser's: an audit trail is read as Stockholm lived it.
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Stockholm' });

/** `2025-03-01T09:12:44.120Z` → `1 mars 2025 10:12`. */
export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

export type HistoryChange = { field: string; label: string; before: string | null; after: string | null };

export type HistoryEntry = { id: string; when: string; who: string; what: string; changes: HistoryChange[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Links between records that say nothing to a reader (the record's own initiative, round, review, nodes). */
const HIDDEN_FIELDS = new Set(['initiativeId', 'roundId', 'reviewId', 'departmentId', 'fromNodeId', 'toNodeId', 'indicatorId', 'effectNodeId', 'goalId', 'version']);

/** `status` means another vocabulary on each kind of record. */
const STATUS_LABELS: Record<string, Record<string, string>> = {
  initiative: messages.initiativeStatus,
  funding_line: messages.vocabulary.fundingStatus,
  status_report: initiativeMessages.statusReport.statusLabel,
};

const ENUM_LABELS: Record<string, Record<string, string>> = {
  kind: initiativeMessages.kind,
  evidenceBase: initiativeMessages.evidenceBase,
  sourceType: messages.vocabulary.fundingSourceType,
  coverageDecision: initiativeMessages.funding.coverageLabel,
  ragStatus: messages.vocabulary.ragStatus,
  decision: initiativeMessages.decisions.decisionLabel,
  level: initiativeMessages.effectLogic.level,
  role: initiativeMessages.participants.role_,
};

/**
 * A value from the trail in words: labels for known codes, Swedish dates, times and kronor, lists joined; a reference
 * to another record by id says only that it points somewhere.
 */
export function historyValue(field: string, value: unknown, entityType = 'initiative'): string {
  const text = initiativeMessages.history;
  if (value === null || value === undefined || value === '') return text.empty;
  if (typeof value === 'boolean') return value ? text.yes : text.no;
  if (typeof value === 'number') return field.endsWith('Sek') ? formatMoney(value) : formatNumber(value);
  if (typeof value === 'string') {
    const label = (field === 'status' ? STATUS_LABELS[entityType] : ENUM_LABELS[field])?.[value];
    if (label) return label;
    if (UUID.test(value)) return text.reference;
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
    if (value.every((item) => typeof item === 'string' && UUID.test(item))) return text.references(value.length);
    return value.map((item) => historyValue(field, item, entityType)).join(', ');
  }
  return Object.entries(value as Record<string, unknown>)
    .filter(([key, inner]) => !HIDDEN_FIELDS.has(key) && inner !== null && inner !== undefined && !(Array.isArray(inner) && inner.length === 0))
    .map(([key, inner]) => `${text.field[key] ?? key}: ${historyValue(key, inner, entityType)}`)
    .join('; ');
}

/** One audit event as the history table shows it: when, who, what was done to which record, and each changed field. */
export function historyEntry(event: AuditEvent): HistoryEntry {
  const text = initiativeMessages.history;
  const who = event.actorKind === 'system' ? text.system : (event.actorName ?? (event.actorKind === 'api_key' ? text.apiKey : event.actorId));
  const entity = text.entity[event.entityType] ?? event.entityType;
  const changes = Object.entries(event.changes ?? {})
    .filter(([field]) => !HIDDEN_FIELDS.has(field))
    .map(([field, change]) => ({
      field,
      label: text.field[field] ?? field,
      before: change && 'before' in change ? historyValue(field, change.before, event.entityType) : null,
      after: change && 'after' in change ? historyValue(field, change.after, event.entityType) : null,
    }));
  return { id: event.id, when: formatDateTime(event.occurredAt), who, what: `${text.action[event.action] ?? event.action} ${entity}`, changes };
}

export function statusLabel(status: string): string {
  return messages.initiativeStatus[status as InitiativeStatusKey] ?? status;
}
