// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditEntry, auditValue } from './audit-trail';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const event = {
  id: '1042',
  occurredAt: '2025-03-01T09:12:44.120Z',
  actorKind: 'user' as const,
  actorId: 'abc',
  actorName: 'Samordnare SSPF',
  initiativeId: '00000000-0000-4000-8000-000000000001',
  requestId: null,
};

describe('auditEntry', () => {
  it('should say who did what when, in Stockholm time, with Swedish field names and values', () => {
    const entry = auditEntry({
      ...event,
      action: 'update',
      entityType: 'initiative',
      entityId: '00000000-0000-4000-8000-000000000001',
      changes: {
        annualCostSek: { before: 1_500_000, after: 1_800_000 },
        evidenceBase: { before: 'unknown', after: 'national_method' },
        endDate: { before: null, after: '2026-12-31' },
        leadDepartmentId: {
          before: '00000000-0000-4000-8000-000000000002',
          after: '00000000-0000-4000-8000-000000000003',
        },
      },
    });

    expect(nbsp(entry.when)).toBe('1 mars 2025 kl. 10:12');
    expect(entry.who).toBe('Samordnare SSPF');
    expect(entry.what).toBe('Ändrade insatsen');
    expect(
      entry.changes.map((c) => ({ ...c, before: c.before && nbsp(c.before), after: c.after && nbsp(c.after) })),
    ).toEqual([
      { field: 'annualCostSek', label: 'Årlig kostnad', before: '1 500 000 kr', after: '1 800 000 kr' },
      { field: 'evidenceBase', label: 'Kunskapsunderlag', before: 'Okänt', after: 'Nationell metod' },
      { field: 'endDate', label: 'Slutdatum', before: 'tomt', after: '31 december 2026' },
      { field: 'leadDepartmentId', label: 'Ansvarig förvaltning', before: 'en annan post', after: 'en annan post' },
    ]);
  });

  it('should read status in the record’s own vocabulary, leave out links between records, and name the demo seed as the system', () => {
    const entry = auditEntry({
      ...event,
      actorKind: 'system',
      actorName: 'samla-demo-seed',
      action: 'create',
      entityType: 'status_report',
      entityId: '00000000-0000-4000-8000-000000000004',
      changes: { status: { after: 'pending' }, roundId: { after: '00000000-0000-4000-8000-000000000005' } },
    });

    expect(entry.who).toBe('Systemet');
    expect(entry.what).toBe('Skapade en lägesrapport');
    expect(entry.changes).toEqual([{ field: 'status', label: 'Status', before: null, after: 'Väntar' }]);
  });
});

describe('auditValue', () => {
  it('should name a referenced record where the screen knows it, and say only that it points somewhere where not', () => {
    const departments: Record<string, string> = { '00000000-0000-4000-8000-000000000002': 'Arbetsmarknad' };
    const name = (_field: string, id: string) => departments[id];

    expect(auditValue('leadDepartmentId', '00000000-0000-4000-8000-000000000002', 'initiative', name)).toBe(
      'Arbetsmarknad',
    );
    expect(auditValue('leadDepartmentId', '00000000-0000-4000-8000-000000000009', 'initiative', name)).toBe(
      'en annan post',
    );
    expect(auditValue('scopeDepartmentIds', ['00000000-0000-4000-8000-000000000002'], 'reporting_round', name)).toBe(
      'Arbetsmarknad',
    );
    expect(
      auditValue(
        'goalIds',
        ['00000000-0000-4000-8000-000000000009', '00000000-0000-4000-8000-000000000002'],
        'initiative',
        name,
      ),
    ).toBe('2 poster');
  });

  it('should write flags in words and a portfolio decision and its statuses in their vocabularies', () => {
    expect(auditValue('renewable', false, 'funding_line')).toBe('Nej');
    expect(auditValue('decision', 'seek_funding', 'portfolio_decision')).toBe('Sök finansiering');
    expect(auditValue('toStatus', 'discontinued', 'portfolio_decision')).toBe('Avbruten');
  });

  it('should read a kind in the vocabulary of the record it belongs to', () => {
    expect(auditValue('kind', 'project', 'initiative')).toBe('Projekt');
    expect(auditValue('kind', 'committee', 'department')).toBe('Nämnd');
    expect(auditValue('kind', 'funding_gap', 'alert')).toBe('Finansieringsgap');
  });
});
