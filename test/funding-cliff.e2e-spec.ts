import { calendarDateIn } from '#common';
import type { FundingLineEntity } from '#funding';
import type { InitiativeEntity } from '#portfolio';
import { seedDemo } from '#demo';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

describe('GET /portfolio/funding-cliff', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const cliff = (query: string) => t.admin.get(api(`/portfolio/funding-cliff${query}`));

  describe('with hand-computed figures', () => {
    let ids: Record<string, string>;
    beforeAll(async () => {
      const department = await givenDepartment(t.dataSource, { code: 'CLIFF-ASF', name: 'Klippförvaltningen' });
      const active = (code: string, annualCostSek: number | null, endDate: string | null = null) =>
        givenInitiative(t.dataSource, {
          code,
          status: 'active',
          leadDepartmentId: department.id,
          annualCostSek,
          endDate,
        });
      // 1 200 000 a year; the grant of 600 000 ends in June 2030; a frame of 240 000 over 24 months (120 000 a year) runs on.
      const faltet = await active('CLIFF-FALTET', 1_200_000);
      await givenFundingLine(t.dataSource, faltet.id, {
        amountSek: 600_000,
        periodStart: '2030-01-01',
        periodEnd: '2030-06-30',
      });
      await givenFundingLine(t.dataSource, faltet.id, {
        sourceType: 'ordinary_budget',
        funder: 'Kommunstyrelsen',
        amountSek: 240_000,
        periodStart: '2030-01-01',
        periodEnd: '2031-12-31',
      });
      // The ESF line starting the day after the grant's end takes over 20 000 of its 100 000 a month, so 480 000 of
      // the grant's 600 000 end with nothing to take over. It is a second cliff in November 2030: after it nothing
      // runs but the frame.
      await givenFundingLine(t.dataSource, faltet.id, {
        sourceType: 'eu_fund',
        funder: 'ESF-rådet',
        amountSek: 100_000,
        periodStart: '2030-07-01',
        periodEnd: '2030-11-30',
      });
      // Decided: listed, not counted.
      const decided = await active('CLIFF-DECIDED', 500_000);
      await givenFundingLine(t.dataSource, decided.id, {
        amountSek: 300_000,
        periodStart: '2030-01-01',
        periodEnd: '2030-03-31',
        coverageDecision: 'phase_out',
        coverageDecidedOn: '2029-12-01',
      });
      // Not cliffs: a granted successor takes over; the initiative ends with the money; a draft; a rejected or applied line.
      const succeeded = await active('CLIFF-SUCCEEDED', 800_000);
      const next = await givenFundingLine(t.dataSource, succeeded.id, {
        periodStart: '2030-07-01',
        periodEnd: '2031-06-30',
      });
      await givenFundingLine(t.dataSource, succeeded.id, {
        periodStart: '2030-01-01',
        periodEnd: '2030-06-30',
        successorFundingId: next.id,
      });
      const ending = await active('CLIFF-ENDING', 800_000, '2030-06-30');
      await givenFundingLine(t.dataSource, ending.id, { periodStart: '2030-01-01', periodEnd: '2030-06-30' });
      const draft = await givenInitiative(t.dataSource, {
        code: 'CLIFF-DRAFT',
        status: 'draft',
        annualCostSek: 800_000,
      });
      await givenFundingLine(t.dataSource, draft.id, { periodStart: '2030-01-01', periodEnd: '2030-06-30' });
      const unsure = await active('CLIFF-UNSURE', 800_000);
      await givenFundingLine(t.dataSource, unsure.id, {
        status: 'rejected',
        periodStart: '2030-01-01',
        periodEnd: '2030-06-30',
      });
      await givenFundingLine(t.dataSource, unsure.id, {
        status: 'applied',
        periodStart: '2030-01-01',
        periodEnd: '2030-06-30',
      });
      ids = { faltet: faltet.id, decided: decided.id, department: department.id };
    });

    it('should give per month the undecided funding ending and the annual cost it leaves uncovered when lines end in the window', async () => {
      const res = await cliff('?from=2030-01&months=12');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ from: '2030-01', to: '2030-12' });
      expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`),
      );
      const [march, june, november] = ['2030-03', '2030-06', '2030-11'].map((m) =>
        res.body.months.find((x: { month: string }) => x.month === m),
      );
      // June: 480 000 of the 600 000 end untaken; after it the frame (120 000/yr) and the ESF line (100 000 over 5 months = 240 000/yr) run.
      expect(june).toMatchObject({
        fundingEndingSek: 480_000,
        uncoveredAnnualCostSek: 1_200_000 - 120_000 - 240_000,
        initiativesUndecided: 1,
        initiativesCoverageDecided: 0,
      });
      expect(june.initiatives).toEqual([
        {
          id: ids.faltet,
          code: 'CLIFF-FALTET',
          title: 'Testinsats',
          leadDepartment: { id: ids.department, code: 'CLIFF-ASF', name: 'Klippförvaltningen' },
          annualCostSek: 1_200_000,
          lines: [
            expect.objectContaining({
              sourceType: 'state_grant',
              amountSek: 600_000,
              notTakenOverSek: 480_000,
              periodEnd: '2030-06-30',
              coverageDecision: 'undecided',
            }),
          ],
          coverageDecided: false,
          uncoveredAnnualCostSek: 840_000,
        },
      ]);
      expect(november).toMatchObject({ fundingEndingSek: 100_000, uncoveredAnnualCostSek: 1_080_000 });
      expect(march).toMatchObject({
        fundingEndingSek: 0,
        uncoveredAnnualCostSek: 0,
        initiativesUndecided: 0,
        initiativesCoverageDecided: 1,
        initiatives: [expect.objectContaining({ id: ids.decided, coverageDecided: true, uncoveredAnnualCostSek: 0 })],
      });
      const quiet = res.body.months.filter(
        (m: { month: string }) => !['2030-03', '2030-06', '2030-11'].includes(m.month),
      );
      expect(
        quiet.every(
          (m: { initiatives: unknown[]; fundingEndingSek: number }) =>
            m.initiatives.length === 0 && m.fundingEndingSek === 0,
        ),
      ).toBe(true);
    });

    it('should total the budget year with what it costs to keep each initiative after its last cliff when one year is asked for', async () => {
      const res = await cliff('?from=2030-01&months=12');

      expect(res.body.budgetYears).toHaveLength(1);
      const [year] = res.body.budgetYears;
      expect(year).toMatchObject({
        year: 2030,
        fundingEndingSek: 580_000,
        uncoveredAnnualCostSek: 1_080_000,
        initiativesUndecided: 1,
        initiativesCoverageDecided: 1,
      });
      expect(year.initiatives.map((i: { code: string }) => i.code)).toEqual(['CLIFF-FALTET', 'CLIFF-DECIDED']);
      expect(year.initiatives[0]).toMatchObject({ uncoveredAnnualCostSek: 1_080_000, coverageDecided: false });
      expect(year.initiatives[1]).toMatchObject({ uncoveredAnnualCostSek: 0, coverageDecided: true });
      expect(year.initiatives[0].lines.map((l: { amountSek: number }) => l.amountSek)).toEqual([600_000, 100_000]);
    });

    it('should split the window into calendar budget years when it spans a year end', async () => {
      const res = await cliff('?from=2030-07&months=12');

      expect(res.body).toMatchObject({ from: '2030-07', to: '2031-06' });
      expect(
        res.body.budgetYears.map((y: { year: number; fundingEndingSek: number }) => [y.year, y.fundingEndingSek]),
      ).toEqual([
        [2030, 100_000],
        // The successor that took over in 2030 ends in June 2031 with nothing after it.
        [2031, 1_200_000],
      ]);
    });

    it('should list a cliff before the window that is still open when the initiative runs on uncovered', async () => {
      const res = await cliff('?from=2031-01&months=1');

      expect(res.body.endedEarlier).toMatchObject({
        fundingEndingSek: 580_000,
        uncoveredAnnualCostSek: 1_080_000,
        initiativesUndecided: 1,
        initiativesCoverageDecided: 0,
      });
      expect(res.body.endedEarlier.initiatives.map((i: { code: string }) => i.code)).toEqual(['CLIFF-FALTET']);
    });

    it('should answer for the current month in Europe/Stockholm and 24 months when no query is given', async () => {
      const res = await cliff('');

      expect(res.status).toBe(200);
      expect(res.body.from).toBe(calendarDateIn(new Date(), 'Europe/Stockholm').slice(0, 7));
      expect(res.body.months).toHaveLength(24);
    });

    it('should let every reading role and no anonymous caller see it', async () => {
      const auditor = await t.as({ role: 'auditor', sub: 'cliff-auditor' });

      expect((await auditor.get(api('/portfolio/funding-cliff?from=2030-01&months=1'))).status).toBe(200);
      expectProblem(await request(t.http).get(api('/portfolio/funding-cliff')), 401);
    });

    it.each([
      ['from is not a month', '?from=2030-13', 'from'],
      ['from is a date', '?from=2030-01-01', 'from'],
      ['months is 0', '?months=0', 'months'],
      ['months is above 60', '?months=61', 'months'],
      ['months is not a number', '?months=två', 'months'],
      ['an unknown parameter is sent', '?year=2030', 'year'],
    ])('should answer 400 problem+json naming the field when %s', async (_, query, field) => {
      const res = await cliff(query);

      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });
  });
});

describe('GET /portfolio/funding-cliff when other lines start as a grant ends', () => {
  let t: TestApp;
  let departmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    departmentId = (await givenDepartment(t.dataSource)).id;
  });
  afterAll(() => t.close());

  type Entry = {
    code: string;
    lines: { funder: string; amountSek: number; notTakenOverSek: number }[];
    coverageDecided: boolean;
    uncoveredAnnualCostSek: number | null;
  };
  /** An active initiative whose grant of 600 000 (100 000 a month) ends in June 2040, followed as given. */
  async function givenGrantFollowedBy(
    code: string,
    following: Partial<FundingLineEntity>[],
    initiative: Partial<InitiativeEntity> = {},
  ) {
    const { id } = await givenInitiative(t.dataSource, {
      code,
      status: 'active',
      leadDepartmentId: departmentId,
      annualCostSek: 1_200_000,
      ...initiative,
    });
    await givenFundingLine(t.dataSource, id, {
      funder: 'Brå',
      amountSek: 600_000,
      periodStart: '2040-01-01',
      periodEnd: '2040-06-30',
    });
    for (const line of following)
      await givenFundingLine(t.dataSource, id, {
        funder: 'Kommunstyrelsen',
        periodStart: '2040-07-01',
        periodEnd: '2041-06-30',
        ...line,
      });
    return id;
  }
  const june = async (code: string): Promise<Entry | undefined> => {
    const res = await t.admin.get(api('/portfolio/funding-cliff?from=2040-06&months=1'));
    expect(res.status).toBe(200);
    return res.body.months[0].initiatives.find((i: Entry) => i.code === code);
  };

  it.each<[string, Partial<FundingLineEntity>[]]>([
    ['a granted line starting the day after that pays as much a month', [{ amountSek: 1_200_000 }]],
    [
      'the ordinary budget starting the day after that pays more',
      [{ sourceType: 'ordinary_budget', amountSek: 2_400_000 }],
    ],
    ["a granted line starting in the grant's last month", [{ amountSek: 1_300_000, periodStart: '2040-06-01' }]],
  ])('should leave the grant out of the cliff when it is followed by %s', async (_, following) => {
    const code = `TAKE-FULL-${following[0].amountSek}`;
    await givenGrantFollowedBy(code, following);

    expect(await june(code)).toBeUndefined();
  });

  it.each<[string, Partial<FundingLineEntity>[], number]>([
    ['a line starting two days after', [{ amountSek: 1_200_000, periodStart: '2040-07-02' }], 600_000],
    ['a line paying a quarter as much a month', [{ amountSek: 300_000 }], 450_000],
    ['a line only applied for', [{ status: 'applied', amountSek: 1_200_000 }], 600_000],
    ['a rejected line', [{ status: 'rejected', amountSek: 1_200_000 }], 600_000],
  ])('should count what is not taken over when the grant is followed by %s', async (_, following, notTakenOverSek) => {
    const code = `TAKE-PART-${following[0].status ?? 'granted'}-${following[0].amountSek}-${following[0].periodStart ?? ''}`;
    await givenGrantFollowedBy(code, following);

    const entry = await june(code);

    expect(entry?.lines).toEqual([expect.objectContaining({ funder: 'Brå', amountSek: 600_000, notTakenOverSek })]);
  });

  it('should not count a line of another initiative starting the day after', async () => {
    await givenGrantFollowedBy('TAKE-ALONE', []);
    const other = await givenInitiative(t.dataSource, {
      code: 'TAKE-OTHER',
      status: 'active',
      leadDepartmentId: departmentId,
      annualCostSek: 1_200_000,
    });
    await givenFundingLine(t.dataSource, other.id, {
      amountSek: 1_200_000,
      periodStart: '2040-07-01',
      periodEnd: '2041-06-30',
    });

    expect((await june('TAKE-ALONE'))?.lines).toEqual([expect.objectContaining({ notTakenOverSek: 600_000 })]);
  });

  it('should answer 0 uncovered for a decided entry and null only for an initiative without an annual cost', async () => {
    await givenGrantFollowedBy('TAKE-NOCOST', [], { annualCostSek: null });
    const decided = await givenInitiative(t.dataSource, {
      code: 'TAKE-DECIDED',
      status: 'active',
      leadDepartmentId: departmentId,
      annualCostSek: 1_200_000,
    });
    await givenFundingLine(t.dataSource, decided.id, {
      amountSek: 600_000,
      periodStart: '2040-01-01',
      periodEnd: '2040-06-30',
      coverageDecision: 'phase_out',
      coverageDecidedOn: '2039-11-01',
    });

    const res = await t.admin.get(api('/portfolio/funding-cliff?from=2040-01&months=12'));
    const inMonth = res.body.months[5].initiatives;
    const inYear = res.body.budgetYears[0].initiatives;

    for (const entries of [inMonth, inYear]) {
      expect(entries.find((i: Entry) => i.code === 'TAKE-DECIDED')).toMatchObject({
        coverageDecided: true,
        uncoveredAnnualCostSek: 0,
      });
      expect(entries.find((i: Entry) => i.code === 'TAKE-NOCOST')).toMatchObject({
        coverageDecided: false,
        uncoveredAnnualCostSek: null,
      });
    }
  });

  it('should document uncoveredAnnualCostSek as 0 when decided and null only without an annual cost', async () => {
    const res = await t.admin.get('/api/docs-json');

    const description: string =
      res.body.components.schemas.CliffInitiativeDto.properties.uncoveredAnnualCostSek.description;
    expect(description).toContain('0 when coverageDecided');
    expect(description).toContain('null only when the initiative has no annual cost');
  });
});

describe('GET /portfolio/funding-cliff on the demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.dataSource);
  });
  afterAll(() => t.close());

  it('should show the field workers losing their state grant in December 2024 with the whole annual cost uncovered', async () => {
    const res = await t.admin.get(api('/portfolio/funding-cliff?from=2024-01&months=24'));

    const december = res.body.months.find((m: { month: string }) => m.month === '2024-12');
    const field = december.initiatives.find((i: { code: string }) => i.code === 'FALTARBETARE');
    expect(field).toMatchObject({
      coverageDecided: false,
      uncoveredAnnualCostSek: 3_400_000,
      leadDepartment: expect.objectContaining({ code: 'ASF' }),
    });
    expect(field.lines).toEqual([
      expect.objectContaining({ funder: 'Delegationen mot segregation (Delmos)', amountSek: 10_200_000 }),
    ]);
    const year2024 = res.body.budgetYears.find((y: { year: number }) => y.year === 2024);
    expect(year2024.initiatives.map((i: { code: string }) => i.code)).toContain('FALTARBETARE');
  });

  it('should keep showing the field workers as an open cliff when the window starts after it', async () => {
    const res = await t.admin.get(api('/portfolio/funding-cliff'));

    expect(res.body.endedEarlier.initiatives).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'FALTARBETARE', uncoveredAnnualCostSek: 3_400_000 })]),
    );
  });
});
