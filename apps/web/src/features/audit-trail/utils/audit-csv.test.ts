// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { auditCsv, csvFilename } from './audit-csv';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const event = {
  id: '7',
  occurredAt: '2025-03-01T09:12:44.120Z',
  actorKind: 'user' as const,
  actorId: 'abc',
  actorName: 'Förvaltningschef ASF',
  action: 'update' as const,
  entityType: 'funding_line',
  entityId: 'line-1',
  initiativeId: 'init-1',
  requestId: null,
};

describe('auditCsv', () => {
  it('should write one row per changed field with Swedish words and values, as the page shows them', () => {
    const csv = auditCsv([
      {
        ...event,
        changes: {
          amountSek: { before: 1_400_000, after: 1_600_000 },
          funder: { before: 'A; B', after: '=HYPERLINK("x")' },
        },
      },
    ]);
    const lines = nbsp(csv).split('\r\n');

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('\uFEFFHändelse;Tidpunkt;Vem;Vad;Typ av post;Postens id;Insatsens id;Uppgift;Före;Efter');
    expect(lines[1]).toBe(
      '7;1 mars 2025 kl. 10:12;Förvaltningschef ASF;Ändrade en finansieringsrad;funding_line;line-1;init-1;Belopp;1 400 000 kr;1 600 000 kr',
    );
    // The separator is quoted and a formula is defused, so a typed value never runs in Excel.
    expect(lines[2]).toBe(
      '7;1 mars 2025 kl. 10:12;Förvaltningschef ASF;Ändrade en finansieringsrad;funding_line;line-1;init-1;Finansiär;"A; B";"\'=HYPERLINK(""x"")"',
    );
    expect(lines).toHaveLength(4);
  });

  it('should write an event without changed fields as one row', () => {
    const lines = auditCsv([{ ...event, action: 'delete', initiativeId: null, changes: {} }]).split('\r\n');

    expect(lines[1]).toMatch(/^7;.*;Tog bort en finansieringsrad;funding_line;line-1;;;;$/);
  });
});

describe('csvFilename', () => {
  it('should name the file by the day in Stockholm', () => {
    expect(csvFilename(new Date('2026-12-31T23:30:00Z'))).toBe('granskning-2027-01-01.csv');
  });
});
