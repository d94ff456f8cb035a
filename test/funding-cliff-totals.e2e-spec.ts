import { calendarDateIn } from '#common';
import type { FundingLineEntity } from '#funding';
import type { InitiativeEntity } from '#portfolio';
import { givenApiKey } from './support/budget-factories.js';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

type Totals = {
  fundingEndingSek: number;
  uncoveredAnnualCostSek: number;
  initiativesUndecided: number;
  initiativesCoverageDecided: number;
};
type Line = { amountSek: number; notTakenOverSek: number };
type Listed = Totals & { initiatives: { uncoveredAnnualCostSek: number | null; lines: Line[] }[] };
type Report = { from: string; to: string; months: Listed[]; budgetYears: Listed[]; endedEarlier: Listed };

/** The full report with every group's `initiatives` left out: what the totals must answer. */
function withoutInitiatives(report: Report) {
  const drop = <T extends Listed>({ initiatives: _, ...totals }: T) => totals;
  return {
    ...report,
    months: report.months.map(drop),
    budgetYears: report.budgetYears.map(drop),
    endedEarlier: drop(report.endedEarlier),
  };
}

describe('GET /portfolio/funding-cliff/totals', () => {
  let t: TestApp;
  // Years around the current one, so the default window (this month, 24 months on) sees cliffs inside and before it.
  const thisYear = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4));
  const next = thisYear + 1;
  const past = thisYear - 2;

  beforeAll(async () => {
    t = await createTestApp();
    const { id: leadDepartmentId } = await givenDepartment(t.dataSource);
    const active = async (code: string, annualCostSek: number | null, more: Partial<InitiativeEntity> = {}) =>
      (await givenInitiative(t.dataSource, { code, status: 'active', leadDepartmentId, annualCostSek, ...more })).id;
    const lines = async (initiativeId: string, ...given: Partial<FundingLineEntity>[]) => {
      for (const line of given) await givenFundingLine(t.dataSource, initiativeId, line);
    };
    const decided = { coverageDecision: 'phase_out', coverageDecidedOn: `${past}-01-15` } as const;

    // A grant ending in June, taken over in part by an EU line (its own cliff in November), a frame running on.
    await lines(
      await active('TOT-PARTLY', 1_200_000),
      { amountSek: 600_000, periodStart: `${next}-01-01`, periodEnd: `${next}-06-30` },
      { sourceType: 'eu_fund', amountSek: 100_000, periodStart: `${next}-07-01`, periodEnd: `${next}-11-30` },
      {
        sourceType: 'ordinary_budget',
        amountSek: 480_000,
        periodStart: `${next}-01-01`,
        periodEnd: `${next + 3}-12-31`,
      },
    );
    // One decided and one undecided line ending in the same month: undecided, counted with the undecided line alone.
    await lines(
      await active('TOT-MIXED', 900_000),
      { amountSek: 300_000, periodStart: `${next}-01-01`, periodEnd: `${next}-03-31`, ...decided },
      { funder: 'Brå', amountSek: 200_000, periodStart: `${next}-01-01`, periodEnd: `${next}-03-31` },
    );
    // Every line decided: listed apart, not in the kronor.
    await lines(await active('TOT-DECIDED', 500_000), {
      amountSek: 400_000,
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-09-30`,
      ...decided,
    });
    // No annual cost: its kronor count, its uncovered cost is null and adds nothing.
    await lines(await active('TOT-NOCOST', null), {
      amountSek: 250_000,
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-08-31`,
    });
    // Cliffs in the year after next and further on, for windows reaching them.
    await lines(
      await active('TOT-LATER', 2_000_000),
      { amountSek: 1_000_000, periodStart: `${next + 1}-01-01`, periodEnd: `${next + 1}-05-31` },
      { amountSek: 700_000, periodStart: `${next + 2}-01-01`, periodEnd: `${next + 2}-10-31` },
    );
    // Before the window: still open and uncovered; decided; and covered now by a line running on.
    await lines(await active('TOT-OPEN', 800_000), {
      amountSek: 900_000,
      periodStart: `${past}-01-01`,
      periodEnd: `${past}-12-31`,
    });
    await lines(await active('TOT-EARLIER-DECIDED', 800_000), {
      amountSek: 900_000,
      periodStart: `${past}-01-01`,
      periodEnd: `${past}-06-30`,
      ...decided,
    });
    await lines(
      await active('TOT-EARLIER-COVERED', 600_000),
      { amountSek: 500_000, periodStart: `${past}-01-01`, periodEnd: `${past}-03-31` },
      { amountSek: 6_000_000, periodStart: `${past}-06-01`, periodEnd: `${next + 3}-05-31` },
    );
    // No cliffs: a successor takes all over; the initiative ends with the money; a draft.
    const succeeded = await active('TOT-SUCCEEDED', 800_000);
    const successor = await givenFundingLine(t.dataSource, succeeded, {
      periodStart: `${next}-07-01`,
      periodEnd: `${next + 3}-06-30`,
    });
    await lines(succeeded, {
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-06-30`,
      successorFundingId: successor.id,
    });
    await lines(await active('TOT-ENDING', 800_000, { endDate: `${next}-06-30` }), {
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-06-30`,
    });
    await lines((await givenInitiative(t.dataSource, { code: 'TOT-DRAFT', annualCostSek: 800_000 })).id, {
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-06-30`,
    });
  });
  afterAll(() => t.close());

  it.each([
    ['the default window', ''],
    ['a window starting between two cliffs of the same year', `?from=${next}-05&months=5`],
    ['a window of five budget years', `?from=${past}-06&months=60`],
  ])('should answer the full report without its initiatives for %s', async (_, query) => {
    const [full, totals] = await Promise.all([
      t.admin.get(api(`/portfolio/funding-cliff${query}`)),
      t.admin.get(api(`/portfolio/funding-cliff/totals${query}`)),
    ]);

    expect(full.status).toBe(200);
    expect(totals.status).toBe(200);
    expect(totals.body).toEqual(withoutInitiatives(full.body));
  });

  // What the equality above is worth: the windows hold every kind of entry the rule tells apart.
  it('should compare windows holding undecided, decided, partly taken over, costless and earlier cliffs', async () => {
    const reports: Report[] = await Promise.all(
      ['', `?from=${next}-05&months=5`, `?from=${past}-06&months=60`].map(
        async (query) => (await t.admin.get(api(`/portfolio/funding-cliff${query}`))).body,
      ),
    );
    const groups = (r: Report) => [...r.months, ...r.budgetYears, r.endedEarlier];
    const entries = (r: Report) => groups(r).flatMap((g) => g.initiatives);

    for (const report of reports) {
      expect(groups(report).some((g) => g.initiativesUndecided > 0 && g.fundingEndingSek > 0)).toBe(true);
      expect(groups(report).some((g) => g.initiativesCoverageDecided > 0)).toBe(true);
      expect(entries(report).some((e) => e.uncoveredAnnualCostSek === null)).toBe(true);
    }
    const [byDefault, between] = reports;
    expect(byDefault.endedEarlier.initiativesUndecided).toBeGreaterThan(0);
    // The mixed initiative's March cliff lies before this window and is still open.
    expect(between.endedEarlier.fundingEndingSek).toBeGreaterThan(0);
    expect(
      entries(byDefault).some((e) => e.lines.some((l) => l.notTakenOverSek > 0 && l.notTakenOverSek < l.amountSek)),
    ).toBe(true);
  });

  it('should let every reading role and a key with portfolio:read see it, and refuse others', async () => {
    const auditor = await t.as({ role: 'auditor', sub: 'totals-auditor' });
    const totals = api('/portfolio/funding-cliff/totals');

    expect((await auditor.get(totals)).status).toBe(200);
    expect(
      (
        await request(t.http)
          .get(totals)
          .set('X-Api-Key', await givenApiKey(t, ['portfolio:read']))
      ).status,
    ).toBe(200);
    expectProblem(
      await request(t.http)
        .get(totals)
        .set('X-Api-Key', await givenApiKey(t, ['budget:read'])),
      403,
    );
    expectProblem(await request(t.http).get(totals), 401);
  });

  it.each([
    ['from is not a month', '?from=2030-13', 'from'],
    ['months is above 60', '?months=61', 'months'],
    ['an unknown parameter is sent', '?initiatives=true', 'initiatives'],
  ])('should answer 400 problem+json naming the field when %s', async (_, query, field) => {
    const res = await t.admin.get(api(`/portfolio/funding-cliff/totals${query}`));

    expectProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
