// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { components } from '../../../lib/api-schema';
import { fundingRows, fundingTimeline } from './funding-timeline';

type FundingLine = components['schemas']['FundingLineDto'];

let next = 0;
function line(overrides: Partial<FundingLine>): FundingLine {
  next += 1;
  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    initiativeId: '00000000-0000-4000-8000-999999999999',
    sourceType: 'state_grant',
    funder: 'Länsstyrelsen Västra Götaland',
    amountSek: 1_200_000,
    periodStart: '2024-01-01',
    periodEnd: '2025-06-30',
    status: 'granted',
    successorFundingId: null,
    coverageDecision: 'undecided',
    version: 1,
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    ...overrides,
  };
}

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the funding timeline', () => {
  // SSPF in the demo: a state grant that ended and was taken over by the ordinary budget, and a temporary appropriation.
  const ordinary = line({
    sourceType: 'ordinary_budget',
    funder: 'Arbetsmarknads- och socialnämnden',
    amountSek: 1_800_000,
    periodStart: '2025-07-01',
    periodEnd: '2027-12-31',
  });
  const grant = line({
    status: 'ended',
    successorFundingId: ordinary.id,
    coverageDecision: 'ordinary_budget',
    coverageNote: 'Samordnartjänsten tas in i förvaltningens ram från 1 juli 2025.',
    coverageDecidedBy: 'Arbetsmarknads- och socialnämnden',
    coverageDecidedOn: '2025-04-23',
  });
  const appropriation = line({
    sourceType: 'temporary_appropriation',
    funder: 'Kommunfullmäktige',
    amountSek: 600_000,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  });
  const lines = [grant, ordinary, appropriation];

  it('should span whole years from the first start to the last end, with a tick at each year', () => {
    const timeline = fundingTimeline(lines, '2026-12-04')!;

    expect(timeline.from).toBe('2024-01-01');
    expect(timeline.to).toBe('2027-12-31');
    expect(timeline.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(timeline.years[0]!.offset).toBe(0);
    // 2024 is a leap year: 366 of the span's 1 461 days.
    expect(timeline.years[1]!.offset).toBeCloseTo(366 / 1461, 6);
  });

  it('should place each period by its days, a line ending on 31 December reaching the edge', () => {
    const timeline = fundingTimeline(lines, '2026-12-04')!;
    const [first, second, third] = timeline.bars;

    expect(first!.offset).toBe(0);
    expect(first!.width).toBeCloseTo(547 / 1461, 6); // 2024-01-01 … 2025-06-30
    expect(second!.offset + second!.width).toBeCloseTo(1, 9);
    expect(third!.offset).toBeCloseTo(731 / 1461, 6);
    expect(third!.width).toBeCloseTo(365 / 1461, 6);
  });

  it('should mark today within the span, and leave it out outside it', () => {
    expect(fundingTimeline(lines, '2026-01-01')!.today).toBeCloseTo(731 / 1461, 6);
    expect(fundingTimeline(lines, '2030-01-01')!.today).toBeNull();
  });

  it('should answer null without lines, so the page says there are none', () => {
    expect(fundingTimeline([], '2026-12-04')).toBeNull();
  });

  it('should give the table every fact in words: funder, kind, amount, period, status, successor and coverage decision', () => {
    const [row, ordinaryRow, appropriationRow] = fundingRows(lines);

    expect({ ...row!, amount: nbsp(row!.amount) }).toEqual({
      id: grant.id,
      funder: 'Länsstyrelsen Västra Götaland',
      sourceType: 'Statsbidrag',
      amount: '1 200 000 kr',
      period: '1 januari 2024 – 30 juni 2025',
      status: 'ended',
      statusLabel: 'Avslutad',
      successor: 'Arbetsmarknads- och socialnämnden, 1 juli 2025 – 31 december 2027',
      coverage: 'Ordinarie budget',
      coverageDetail:
        'Samordnartjänsten tas in i förvaltningens ram från 1 juli 2025. Beslutat av Arbetsmarknads- och socialnämnden, 23 april 2025',
    });
    expect(ordinaryRow).toMatchObject({
      sourceType: 'Ordinarie budget',
      successor: 'Ingen',
      coverage: 'Inte beslutat',
      coverageDetail: null,
      statusLabel: 'Beviljad',
    });
    expect(appropriationRow!.sourceType).toBe('Tillfälligt anslag');
  });
});
