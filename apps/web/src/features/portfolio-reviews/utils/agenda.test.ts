import { describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaReason } from '../api/review-queries';
import { formatMoney, formatPercent } from '../../../lib/format';
import type { FormProblem } from '../../../lib/problem';
import { agendaPosition, decisionBody, describeReason, isHeld, reasonSummary, today, withRefusedMove } from './agenda';

const none = { alert: null, fundingCliff: null, overlap: null, dueDecision: null, statusReport: null };
const reason = (overrides: Partial<AgendaReason> & Pick<AgendaReason, 'kind'>): AgendaReason => ({
  ...none,
  ...overrides,
});
const item = (code: string, decided = false, reasons: AgendaReason[] = [reason({ kind: 'overlap' })]): AgendaItem =>
  ({ initiative: { code }, reasons, decision: decided ? { decision: 'continue' } : null }) as unknown as AgendaItem;

describe('describeReason', () => {
  it("should name a funding cliff's lines with their end and the kronor nothing takes over, and the uncovered cost", () => {
    const cliff = reason({
      kind: 'funding_cliff',
      fundingCliff: {
        year: 2027,
        lines: [
          {
            id: 'l',
            sourceType: 'state_grant',
            funder: 'Delmos',
            amountSek: 800_000,
            notTakenOverSek: 600_000,
            periodEnd: '2027-06-30',
            coverageDecision: 'undecided',
          },
        ],
        uncoveredAnnualCostSek: 1_200_000,
      },
    });
    expect(describeReason(cliff)).toEqual({
      heading: 'Tillfällig finansiering som tar slut 2027 utan beslut om vad som händer sedan',
      details: [
        `Delmos: slutar 30 juni 2027, ${formatMoney(600_000)} som inget tar över`,
        `Ofinansierad årskostnad efteråt: ${formatMoney(1_200_000)}.`,
      ],
    });
  });

  it('should say an earlier decision in Swedish with its review, follow-up date and rationale', () => {
    const due = reason({
      kind: 'decision_follow_up',
      dueDecision: {
        decision: 'seek_funding',
        rationale: 'Sök ESF.',
        followUpDate: '2026-10-01',
        reviewTitle: 'Genomgång maj',
        meetingDate: '2026-05-20',
      },
    });
    expect(describeReason(due)).toEqual({
      heading: 'Beslutet ”Sök finansiering” i Genomgång maj (20 maj 2026) ska följas upp',
      details: ['Uppföljning senast 1 oktober 2026.', 'Motivering då: Sök ESF.'],
    });
  });

  it('should tell a missing report from a returned one, and give an overlap its score as a percentage', () => {
    const report = { id: 'r', roundTitle: 'Delår augusti', dueDate: '2026-09-15' };
    expect(
      describeReason(reason({ kind: 'status_report', statusReport: { ...report, status: 'pending' } })).heading,
    ).toBe('Rapporten i Delår augusti saknas (skulle lämnas 15 september 2026)');
    expect(
      describeReason(reason({ kind: 'status_report', statusReport: { ...report, status: 'returned' } })).heading,
    ).toBe('Rapporten i Delår augusti har skickats tillbaka');
    const overlap = reason({
      kind: 'overlap',
      overlap: {
        score: 0.8,
        otherInitiative: { id: 'b', code: 'MBU', title: 'Mötesplats' },
        reasons: ['Samma målgrupper', 'Samma områden'],
      },
    });
    expect(describeReason(overlap)).toEqual({
      heading: `Liknar MBU – Mötesplats (likhet ${formatPercent(0.8)})`,
      details: ['Gemensamt: Samma målgrupper, Samma områden.'],
    });
  });

  it('should give a critical alert its kind, text, date and amount', () => {
    const alert = reason({
      kind: 'critical_alert',
      alert: {
        id: 'a',
        kind: 'funding_gap',
        title: 'Gap 2027',
        detail: 'Saknas pengar.',
        dueDate: '2027-01-01',
        amountSek: 50_000,
      },
    });
    expect(describeReason(alert)).toEqual({
      heading: 'Kritiskt larm: Finansieringsgap',
      details: ['Gap 2027', 'Saknas pengar.', 'Gäller 1 januari 2027.', `Belopp: ${formatMoney(50_000)}.`],
    });
  });
});

describe('reasonSummary', () => {
  it('should list each kind once, and say when a decision has settled every reason', () => {
    expect(
      reasonSummary(
        item('A', false, [
          reason({ kind: 'critical_alert' }),
          reason({ kind: 'critical_alert' }),
          reason({ kind: 'overlap' }),
        ]),
      ),
    ).toBe('Kritiskt larm, Möjligt överlapp');
    expect(reasonSummary(item('A', true, []))).toBe('Inget kvar att besluta om');
  });
});

describe('agendaPosition', () => {
  const items = [item('A', true), item('B'), item('C', true), item('D')];

  it('should give the position, the neighbours and the next undecided item after it', () => {
    const at = agendaPosition(items, 'B')!;
    expect([
      at.position,
      at.total,
      at.previous?.initiative.code,
      at.next?.initiative.code,
      at.nextUndecided?.initiative.code,
    ]).toEqual([2, 4, 'A', 'C', 'D']);
  });

  it('should wrap round to an undecided item before it, and have none once all are decided', () => {
    expect(agendaPosition(items, 'D')!.nextUndecided?.initiative.code).toBe('B');
    expect(agendaPosition([item('A', true)], 'A')!.nextUndecided).toBeNull();
    expect(agendaPosition(items, 'X')).toBeNull();
  });
});

describe('decisionBody', () => {
  it('should send no follow-up date as null', () => {
    expect(decisionBody('i', { decision: 'stop', rationale: 'Klart.', followUpDate: '' })).toEqual({
      initiativeId: 'i',
      decision: 'stop',
      rationale: 'Klart.',
      followUpDate: null,
    });
    expect(
      decisionBody('i', { decision: 'seek_funding', rationale: 'Sök.', followUpDate: '2027-03-01' }).followUpDate,
    ).toBe('2027-03-01');
  });
});

describe('isHeld', () => {
  it('should count a meeting today or earlier in Sweden as held', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z'); // 00:30 on 24 November in Stockholm
    expect(today(lateEvening)).toBe('2026-11-24');
    expect(isHeld('2026-11-24', lateEvening)).toBe(true);
    expect(isHeld('2026-11-25', lateEvening)).toBe(false);
  });
});

describe('withRefusedMove', () => {
  const conflict = (field?: string): FormProblem => ({
    status: 409,
    kind: 'conflict',
    summary: 'Ändringen krockar …',
    fieldErrors: {},
    otherErrors: field ? [{ field, message: 'x', apiMessage: 'x' }] : [],
    unmetGuards: [],
  });

  it("should say a move the lifecycle refuses in Swedish, without the API's English on `to`", () => {
    expect(withRefusedMove(conflict('to'))).toEqual({
      ...conflict(),
      summary:
        'Insatsens status tillåter inte det beslutet: Integrera gäller bara pågående insatser, och en avslutad insats tar inga nya beslut.',
    });
    expect(withRefusedMove(conflict())?.summary).toMatch(/^Insatsens status tillåter inte/);
  });

  it('should leave a second decision on the initiative, and every other problem, as they are', () => {
    expect(withRefusedMove(conflict('initiativeId'))).toEqual(conflict('initiativeId'));
    const invalid = { ...conflict(), status: 400 };
    expect(withRefusedMove(invalid)).toBe(invalid);
    expect(withRefusedMove(null)).toBeNull();
  });
});
