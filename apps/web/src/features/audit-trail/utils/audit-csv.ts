import { auditEntry, type AuditEvent, type ReferenceName } from '../../../lib/audit-trail';
import { auditTrailPageMessages } from '../messages';

const t = auditTrailPageMessages.csv;

/**
 * A cell as spreadsheet programs read it: quoted when it holds the separator, a quote or a line break; and a leading
 * `=`, `+`, `-` or `@` defused with an apostrophe, so a value someone typed into Samla never runs as a formula.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The events as shown, one row per changed field (an event without changed fields is one row): UTF-8 with a BOM and
 * `;` between cells, as Samla's own exports are written, so Excel in Swedish opens it as it is.
 */
export function auditCsv(events: readonly AuditEvent[], name?: ReferenceName): string {
  const rows: string[][] = [
    [t.id, t.when, t.who, t.what, t.entityType, t.entityId, t.initiativeId, t.field, t.before, t.after],
  ];
  for (const event of events) {
    const entry = auditEntry(event, name);
    const head = [
      event.id,
      entry.when,
      entry.who,
      entry.what,
      event.entityType,
      event.entityId,
      event.initiativeId ?? '',
    ];
    if (entry.changes.length === 0) rows.push([...head, '', '', '']);
    for (const change of entry.changes) rows.push([...head, change.label, change.before ?? '', change.after ?? '']);
  }
  return `\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** `granskning-2026-12-05.csv`: the day the file was made, in Stockholm. */
export function csvFilename(now: Date = new Date()): string {
  return `granskning-${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(now)}.csv`;
}
