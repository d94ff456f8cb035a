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
type Line = { amountSek: number; notTakenOverSek: number; coverageDecision: string };
type Initiative = {
  code: string;
  leadDepartment: { id: string } | null;
  coverageDecided: boolean;
  uncoveredAnnualCostSek: number | null;
  lines: Line[];
};
type DepartmentTotals = Totals & { department: { id: string; code: string; name: string } | null };
type Listed = Totals & { initiatives: Initiative[]; departments?: DepartmentTotals[] };
type Month = Listed & { month: string };
type Report = { from: string; to: string; months: Month[]; budgetYears: Listed[]; endedEarlier: Listed };
type InitiativesPage = { items: Initiative[]; total: number; limit: number; offset: number };

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

/**
 * A group's totals per lead department computed from scratch, from the initiatives the full report lists: undecided
 * initiatives count their undecided lines' kronor not taken over and their uncovered cost, decided ones are counted
 * apart. Keyed by department id ('' for none).
 */
function departmentsFromScratch(group: Listed): Map<string, Totals> {
  const totals = new Map<string, Totals>();
  for (const initiative of group.initiatives) {
    const key = initiative.leadDepartment?.id ?? '';
    const row = totals.get(key) ?? {
      fundingEndingSek: 0,
      uncoveredAnnualCostSek: 0,
      initiativesUndecided: 0,
      initiativesCoverageDecided: 0,
    };
    const undecided = initiative.lines.filter((line) => line.coverageDecision === 'undecided');
    row.fundingEndingSek += undecided.reduce((sum, line) => sum + line.notTakenOverSek, 0);
    row.uncoveredAnnualCostSek += initiative.uncoveredAnnualCostSek ?? 0;
    if (initiative.coverageDecided) row.initiativesCoverageDecided += 1;
    else row.initiativesUndecided += 1;
    totals.set(key, row);
  }
  return totals;
}

describe('The funding cliff in parts: its totals, per department, and its initiatives a page at a time', () => {
  let t: TestApp;
  // Years around the current one, so the default window (this month, 24 months on) sees cliffs inside and before it.
  const thisYear = Number(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 4));
  const next = thisYear + 1;
  const past = thisYear - 2;
  const windows = ['', `?from=${next}-05&months=5`, `?from=${past}-06&months=60`];
  let otherDepartmentCode: string;

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
    // Led by another department, and by none: the departments' totals tell them apart.
    const other = await givenDepartment(t.dataSource);
    otherDepartmentCode = other.code;
    await lines(await active('TOT-OTHER', 300_000, { leadDepartmentId: other.id }), {
      amountSek: 150_000,
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-06-30`,
    });
    await lines(await active('TOT-UNLED', 200_000, { leadDepartmentId: null }), {
      amountSek: 120_000,
      periodStart: `${next}-01-01`,
      periodEnd: `${next}-06-30`,
    });
    // More open cliffs before the window, of the other department and without annual cost: a page of two is too short.
    await lines(await active('TOT-OPEN-OTHER', 500_000, { leadDepartmentId: other.id }), {
      amountSek: 300_000,
      periodStart: `${past}-01-01`,
      periodEnd: `${past}-09-30`,
    });
    await lines(await active('TOT-OPEN-NOCOST', null), {
      amountSek: 100_000,
      periodStart: `${past}-01-01`,
      periodEnd: `${past}-05-31`,
    });
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
    ['the default window', windows[0]],
    ['a window starting between two cliffs of the same year', windows[1]],
    ['a window of five budget years', windows[2]],
  ])('should answer the full report without its initiatives for %s', async (_, query) => {
    const [full, totals] = await Promise.all([
      t.admin.get(api(`/portfolio/funding-cliff${query}`)),
      t.admin.get(api(`/portfolio/funding-cliff/totals${query}`)),
    ]);

    expect(full.status).toBe(200);
    expect(totals.status).toBe(200);
    expect(totals.body).toEqual(withoutInitiatives(full.body));
  });

  it.each(windows)(
    "should split every budget year's and the earlier cliffs' totals by lead department as the listed initiatives add up (window '%s')",
    async (query) => {
      const report: Report = (await t.admin.get(api(`/portfolio/funding-cliff${query}`))).body;

      for (const group of [...report.budgetYears, report.endedEarlier]) {
        const departments = group.departments!;
        const expected = departmentsFromScratch(group);
        expect(new Map(departments.map(({ department, ...totals }) => [department?.id ?? '', totals]))).toEqual(
          expected,
        );
        const uncovered = departments.filter((row) => row.department !== null).map((row) => row.uncoveredAnnualCostSek);
        expect(uncovered).toEqual([...uncovered].sort((a, b) => b - a));
        expect(departments.slice(0, -1).every((row) => row.department !== null)).toBe(true);
      }
    },
  );

  it.each(windows)(
    "should list each month's and the earlier cliffs' initiatives page by page as the full report lists them (window '%s')",
    async (query) => {
      const report: Report = (await t.admin.get(api(`/portfolio/funding-cliff${query}`))).body;
      // Pages of two: every group of more than two initiatives takes several.
      const everyPage = async (path: string, search = '') => {
        const items: Initiative[] = [];
        for (let offset = 0; offset < 50; offset += 2) {
          const res = await t.admin.get(api(`${path}?${search}limit=2&offset=${offset}`));
          expect(res.status).toBe(200);
          const page = res.body as InitiativesPage;
          expect(page).toMatchObject({ limit: 2, offset });
          items.push(...page.items);
          if (offset + 2 >= page.total) return { items, total: page.total };
        }
        throw new Error(`${path} answered more pages than the test reads`);
      };

      for (const month of report.months) {
        const listed = await everyPage(`/portfolio/funding-cliff/months/${month.month}/initiatives`);
        expect(listed).toEqual({ items: month.initiatives, total: month.initiatives.length });
      }
      const from = new URLSearchParams(query).get('from');
      const earlier = await everyPage('/portfolio/funding-cliff/earlier/initiatives', from ? `from=${from}&` : '');
      expect(earlier).toEqual({
        items: report.endedEarlier.initiatives,
        total: report.endedEarlier.initiatives.length,
      });
    },
  );

  // What the equalities above are worth: the windows hold every kind of entry the rule tells apart.
  it('should compare windows holding undecided, decided, partly taken over, costless and earlier cliffs', async () => {
    const reports: Report[] = await Promise.all(
      windows.map(async (query) => (await t.admin.get(api(`/portfolio/funding-cliff${query}`))).body),
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
    // Three lead departments and none, and groups listing more than one page of two.
    const departments = groups(byDefault).flatMap((g) => g.departments ?? []);
    expect(departments.some((row) => row.department === null)).toBe(true);
    expect(departments.some((row) => row.department?.code === otherDepartmentCode)).toBe(true);
    expect(byDefault.months.some((month) => month.initiatives.length > 2)).toBe(true);
    expect(byDefault.endedEarlier.initiatives.length).toBeGreaterThan(2);
  });

  it.each([
    ['the totals', '/portfolio/funding-cliff/totals'],
    ["a month's initiatives", `/portfolio/funding-cliff/months/${next}-06/initiatives`],
    ["the earlier cliffs' initiatives", '/portfolio/funding-cliff/earlier/initiatives'],
  ])('should let every reading role and a key with portfolio:read see %s, and refuse others', async (_, path) => {
    const auditor = await t.as({ role: 'auditor', sub: 'totals-auditor' });
    const totals = api(path);

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
    ['from is not a month', '/portfolio/funding-cliff/totals?from=2030-13', 'from'],
    ['months is above 60', '/portfolio/funding-cliff/totals?months=61', 'months'],
    ['an unknown parameter is sent', '/portfolio/funding-cliff/totals?initiatives=true', 'initiatives'],
    ["a month's page is not a month", '/portfolio/funding-cliff/months/2030-6/initiatives', 'month'],
    ["a month's page is given a window", `/portfolio/funding-cliff/months/${next}-06/initiatives?months=12`, 'months'],
    [
      "a month's page starts before the first",
      `/portfolio/funding-cliff/months/${next}-06/initiatives?offset=-1`,
      'offset',
    ],
    ["the earlier cliffs' page is of no initiatives", '/portfolio/funding-cliff/earlier/initiatives?limit=0', 'limit'],
    ["the earlier cliffs' window starts at no month", '/portfolio/funding-cliff/earlier/initiatives?from=2030', 'from'],
    ["the earlier cliffs' page is given a length", '/portfolio/funding-cliff/earlier/initiatives?months=12', 'months'],
  ])('should answer 400 problem+json naming the field when %s', async (_, path, field) => {
    const res = await t.admin.get(api(path));

    expectProblem(res, 400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
