import { randomUUID } from 'node:crypto';
import { budgetLine, givenApiKey, putBudgetLines } from './support/budget-factories.js';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { scanCounts, startScans, type Scans } from './support/alert-scans.js';
import { api, createTestApp, expectProblem, request, type TestApp } from './support/test-app.js';

/**
 * Finance figures against hand-computed values. Initiative A (code P100) has a granted line on P101 (1 200 000 kr,
 * 2026) and an applied line without a code. Actuals: 2025-12 30 000 on P100; 2026-01..05 on P101 150 000, 150 000,
 * 200 000, 200 000, 250 000; 2026-05 also 50 000 on P100. Budget on P101: 2025-12 50 000, 2026-01 and -02 100 000
 * each. A line on P999 and one without a projekt attach to nothing.
 */
describe('Budget system integration: finance per initiative and the overspending scan', () => {
  let t: TestApp;
  let scanner: Scans;
  let writer: string;
  let initiativeId: string;
  let grantedId: string;
  let appliedId: string;
  const AS_OF = '2026-06-15';

  const line = (kind: string, period: string, amountSek: number, projekt?: string) =>
    budgetLine({ kind, period, amountSek, dimensions: { ansvar: '1100', ...(projekt ? { projekt } : {}) } });
  const load = async (lines: unknown[]) =>
    expect((await putBudgetLines(t, writer, randomUUID(), { lines })).status).toBe(200);
  const finance = (id: string, asOf = AS_OF) => t.admin.get(api(`/initiatives/${id}/finance?asOf=${asOf}`));

  beforeAll(async () => {
    t = await createTestApp();
    scanner = await startScans();
    writer = await givenApiKey(t, ['budget:write']);
    await request(t.http)
      .put(api('/integrations/budget/dimensions'))
      .set('X-Api-Key', writer)
      .send({
        dimensions: [
          { code: 'ansvar', label: 'Ansvar', position: 1 },
          { code: 'projekt', label: 'Projekt', position: 2, required: false },
        ],
      })
      .expect(200);
    const department = await givenDepartment(t.dataSource);
    const initiative = await givenInitiative(t.dataSource, {
      status: 'active',
      budgetProjectCode: 'P100',
      leadDepartmentId: department.id,
      title: 'Unga till arbete',
    });
    initiativeId = initiative.id;
    grantedId = (
      await givenFundingLine(t.dataSource, initiativeId, {
        budgetProjectCode: 'P101',
        amountSek: 1_200_000,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      })
    ).id;
    appliedId = (
      await givenFundingLine(t.dataSource, initiativeId, {
        status: 'applied',
        amountSek: 500_000,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
      })
    ).id;
    await load([
      line('actual', '2025-12', 30_000, 'P100'),
      line('budget', '2025-12', 50_000, 'P101'),
      line('budget', '2026-01', 100_000, 'P101'),
      line('budget', '2026-02', 100_000, 'P101'),
      line('actual', '2026-01', 150_000, 'P101'),
      line('actual', '2026-02', 150_000, 'P101'),
      line('actual', '2026-03', 200_000, 'P101'),
      line('actual', '2026-04', 200_000, 'P101'),
      line('actual', '2026-05', 250_000, 'P101'),
      line('actual', '2026-05', 50_000, 'P100'),
      line('actual', '2026-05', 999_999, 'P999'),
      line('actual', '2026-05', 888_888),
    ]);
  });

  afterAll(async () => {
    await scanner.close();
    await t.close();
  });

  it('should sum budget and actuals per month and year, spending per funding line, and forecast when the money runs out', async () => {
    const res = await finance(initiativeId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      asOf: AS_OF,
      initiativeId,
      projectCodes: ['P100', 'P101'],
      months: [
        { month: '2025-12', budgetSek: 50_000, actualSek: 30_000 },
        { month: '2026-01', budgetSek: 100_000, actualSek: 150_000 },
        { month: '2026-02', budgetSek: 100_000, actualSek: 150_000 },
        { month: '2026-03', budgetSek: 0, actualSek: 200_000 },
        { month: '2026-04', budgetSek: 0, actualSek: 200_000 },
        { month: '2026-05', budgetSek: 0, actualSek: 300_000 },
      ],
      years: [
        { year: 2025, budgetSek: 50_000, actualSek: 30_000 },
        { year: 2026, budgetSek: 200_000, actualSek: 1_000_000 },
      ],
      // Same period start: by id.
      fundingLines: [
        {
          id: grantedId,
          funder: 'Länsstyrelsen Västra Götaland',
          status: 'granted',
          budgetProjectCode: 'P101',
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          amountSek: 1_200_000,
          actualSek: 950_000,
          remainingSek: 250_000,
        },
        {
          id: appliedId,
          funder: 'Länsstyrelsen Västra Götaland',
          status: 'applied',
          budgetProjectCode: null,
          periodStart: '2026-01-01',
          periodEnd: '2026-12-31',
          amountSek: 500_000,
          actualSek: 0,
          remainingSek: 500_000,
        },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
      // P100 is no funding line's code: 30 000 + 50 000 count against the initiative as a whole.
      initiativeCodeActualSek: 80_000,
      // Running granted: 1 200 000 from 2026-01; spent in it 1 000 000; rate (300 000 + 200 000 + 200 000) / 3;
      // runs out 2026-05 + ceil(200 000 / 233 333.3) = 1 month; 1 000 000 × 12 months > 1 200 000 × 5 months elapsed.
      forecast: {
        fundingSek: 1_200_000,
        fundingStarts: '2026-01',
        fundingEnds: '2026-12-31',
        spentSek: 1_000_000,
        remainingSek: 200_000,
        monthlyRateSek: 233_333,
        lastActualMonth: '2026-05',
        runsOutMonth: '2026-06',
        overspending: true,
      },
    });
  });

  it('should count only actuals up to asOf, and give no forecast when no granted funding runs', async () => {
    // As of 20 February (its month counts): spent 300 000 (Jan, Feb; December is before the funding); the rate takes
    // the last three months with actuals, December included: (30 000 + 150 000 + 150 000) / 3 = 110 000; 900 000 left
    // → ceil(8.18) = 9 months after 2026-02 → 2026-11, before December.
    const february = await finance(initiativeId, '2026-02-20');
    expect(february.body.forecast).toEqual({
      fundingSek: 1_200_000,
      fundingStarts: '2026-01',
      fundingEnds: '2026-12-31',
      spentSek: 300_000,
      remainingSek: 900_000,
      monthlyRateSek: 110_000,
      lastActualMonth: '2026-02',
      runsOutMonth: '2026-11',
      overspending: true,
    });
    const later = await finance(initiativeId, '2027-02-01');
    expect(later.body.forecast).toBeNull();
    expect(later.body.years).toHaveLength(2);
  });

  it('should answer 404 for an unknown initiative, 400 for a bad asOf, and let every reading role in', async () => {
    expectProblem(await t.admin.get(api(`/initiatives/${randomUUID()}/finance`)), 404);
    expectProblem(await finance(initiativeId, '2026-02-30'), 400);
    for (const role of ['leadership', 'department_head', 'staff', 'auditor'] as const) {
      const agent = await t.as({ role });
      expect((await agent.get(api(`/initiatives/${initiativeId}/finance?asOf=${AS_OF}`))).status).toBe(200);
    }
    expect((await request(t.http).get(api(`/initiatives/${initiativeId}/finance`))).status).toBe(401);
    expectProblem(
      await request(t.http)
        .get(api(`/initiatives/${initiativeId}/finance`))
        .set('X-Api-Key', writer),
      403,
    );
    const reader = await givenApiKey(t, ['portfolio:read']);
    expect(
      (
        await request(t.http)
          .get(api(`/initiatives/${initiativeId}/finance?asOf=${AS_OF}`))
          .set('X-Api-Key', reader)
      ).status,
    ).toBe(200);
  });

  describe('overspending scan', () => {
    const scan = (asOf = AS_OF) => scanner.scans.runScan('overspending', asOf);
    const alerts = () =>
      t.dataSource.query(
        `SELECT status, severity, dedupe_key, initiative_id, title, detail, to_char(due_date, 'YYYY-MM-DD') AS due_date, amount_sek::int AS amount FROM alerts WHERE kind = 'overspending' ORDER BY first_raised_at`,
      );

    it('should raise once per initiative, not twice, and resolve when funding is added', async () => {
      expect(await scan()).toEqual(scanCounts(1, 0, 0));
      expect(await scan()).toEqual(scanCounts(0, 0, 0));
      expect(await alerts()).toEqual([
        {
          status: 'open',
          severity: 'warning',
          dedupe_key: `overspending:${initiativeId}`,
          initiative_id: initiativeId,
          title: 'Pengarna tar slut före finansieringsperioden för Unga till arbete',
          detail: expect.stringContaining(
            'utfall 1000000 kr av beviljade 1200000 kr sedan 2026-01. Med nuvarande takt (233333 kr i månaden) tar pengarna slut 2026-06, men finansieringen löper till 2026-12-31.',
          ),
          due_date: '2026-06-01',
          amount: 200_000,
        },
      ]);
      // 3 000 000 more from June: 3 200 000 left at 233 333 a month lasts to 2027-07, past the end.
      const more = await givenFundingLine(t.dataSource, initiativeId, {
        budgetProjectCode: 'P102',
        amountSek: 3_000_000,
        periodStart: '2026-06-01',
        periodEnd: '2026-12-31',
      });
      expect(await scan()).toEqual(scanCounts(0, 0, 1));
      expect((await alerts()).map((a: { status: string }) => a.status)).toEqual(['resolved']);
      await t.dataSource.query(`DELETE FROM funding_lines WHERE id = $1`, [more.id]);
    });

    it('should raise again when the funding shrinks back, and resolve when spending stops', async () => {
      expect(await scan()).toEqual(scanCounts(1, 0, 0));
      // The budget system resends March to May at zero: rate 0, no runs-out month, and 200 000 × 12 < 1 200 000 × 5.
      await load([
        line('actual', '2026-03', 0, 'P101'),
        line('actual', '2026-04', 0, 'P101'),
        line('actual', '2026-05', 0, 'P101'),
        line('actual', '2026-05', 0, 'P100'),
      ]);
      expect((await finance(initiativeId)).body.forecast).toMatchObject({
        spentSek: 300_000,
        monthlyRateSek: 0,
        runsOutMonth: null,
        overspending: false,
      });
      expect(await scan()).toEqual(scanCounts(0, 0, 1));
      expect((await alerts()).map((a: { status: string }) => a.status)).toEqual(['resolved', 'resolved']);
    });
  });
});
