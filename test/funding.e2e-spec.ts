import type { InitiativeStatus } from '#portfolio';
import { givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

const UNKNOWN_ID = '7b9d1f3a-5c7e-4a0b-8d2f-4a6c8e0b2d4f';

const fullLine = () => ({
  sourceType: 'eu_fund',
  funder: 'ESF-rådet',
  decisionReference: '2024/00123',
  amountSek: 3_450_000,
  periodStart: '2024-01-01',
  periodEnd: '2025-06-30',
  status: 'granted',
  renewable: true,
  paidInArrears: true,
  successorFundingId: null,
  budgetProjectCode: 'P4712',
  reportingDeadlines: [
    { date: '2024-09-30', kind: 'interim', description: 'Lägesrapport' },
    { date: '2025-09-30', kind: 'final', description: 'Slutredovisning' },
    { date: '2025-10-31', kind: 'claim', description: null },
  ],
  coverageDecision: 'ordinary_budget',
  coverageNote: 'Tas in i ramen från 2026 enligt KS beslut.',
  coverageDecidedBy: 'Kommunstyrelsen',
  coverageDecidedOn: '2025-03-12',
});

describe('Funding lines', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (initiativeId: string, body: Record<string, unknown>) =>
    t.admin.post(api(`/initiatives/${initiativeId}/funding`)).send(body);
  const read = async (id: string) => (await t.admin.get(api(`/funding/${id}`))).body;
  const patch = (id: string, version: number | null, body: Record<string, unknown>) => {
    const req = t.admin.patch(api(`/funding/${id}`));
    return (version === null ? req : req.set('If-Match', `"${version}"`)).send(body);
  };

  describe('create and read', () => {
    it('should store every field and read it back identically when the body is complete', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const body = fullLine();

      const created = await post(initiative.id, body);
      const got = await t.admin.get(api(`/funding/${created.body.id}`));

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        ...body,
        id: expect.any(String),
        initiativeId: initiative.id,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(created.body);
    });

    it('should apply the defaults when only the required fields are sent', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const body = {
        sourceType: 'state_grant',
        funder: 'Länsstyrelsen Västra Götaland',
        amountSek: 1_200_000,
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      };

      const res = await post(initiative.id, body);

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        ...body,
        id: expect.any(String),
        initiativeId: initiative.id,
        decisionReference: null,
        status: 'applied',
        renewable: false,
        paidInArrears: false,
        successorFundingId: null,
        budgetProjectCode: null,
        reportingDeadlines: [],
        coverageDecision: 'undecided',
        coverageNote: null,
        coverageDecidedBy: null,
        coverageDecidedOn: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it.each([0, 1, 999_999_999_999, 1_000_000_000_000])(
      'should return amountSek %p as the same number when it is read back',
      async (amountSek) => {
        const initiative = await givenInitiative(t.dataSource);

        const created = await post(initiative.id, { ...fullLine(), amountSek });

        expect(created.status).toBe(201);
        expect((await read(created.body.id)).amountSek).toBe(amountSek);
        const [{ stored }] = await t.dataSource.query(
          'SELECT amount_sek::text AS stored FROM funding_lines WHERE id = $1',
          [created.body.id],
        );
        expect(stored).toBe(String(amountSek));
      },
    );

    it.each([1_000_000_000_001, -1, 12.5, '1200000'])(
      'should answer 400 and write nothing when amountSek is %p',
      async (amountSek) => {
        const initiative = await givenInitiative(t.dataSource);
        const before = await rowCounts(t.dataSource, ['funding_lines']);

        const res = await post(initiative.id, { ...fullLine(), amountSek });

        expectProblem(res, 400);
        expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['amountSek']));
        expect(await rowCounts(t.dataSource, ['funding_lines'])).toEqual(before);
      },
    );

    it('should answer 404 and write nothing when the initiative does not exist', async () => {
      const before = await rowCounts(t.dataSource, ['funding_lines']);

      expectProblem(await post(UNKNOWN_ID, fullLine()), 404);
      expect(await rowCounts(t.dataSource, ['funding_lines'])).toEqual(before);
    });

    it.each<InitiativeStatus>(['completed', 'integrated', 'discontinued'])(
      'should answer 409 and write nothing when the initiative is %s',
      async (status) => {
        const initiative = await givenInitiative(t.dataSource, { status });
        const before = await rowCounts(t.dataSource, ['funding_lines']);

        const res = await post(initiative.id, fullLine());

        expectProblem(res, 409);
        expect(await rowCounts(t.dataSource, ['funding_lines'])).toEqual(before);
      },
    );

    it('should answer 404 when no funding line has the id', async () => {
      expectProblem(await t.admin.get(api(`/funding/${UNKNOWN_ID}`)), 404);
    });
  });

  describe('successors', () => {
    it('should link a successor of the same initiative when it is given on create', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const successor = await givenFundingLine(t.dataSource, initiative.id, {
        sourceType: 'ordinary_budget',
        periodStart: '2025-07-01',
        periodEnd: '2026-12-31',
      });

      const res = await post(initiative.id, { ...fullLine(), successorFundingId: successor.id });

      expect(res.status).toBe(201);
      expect(res.body.successorFundingId).toBe(successor.id);
    });

    it('should answer 422 and write nothing when the successor belongs to another initiative', async () => {
      const [initiative, other] = [await givenInitiative(t.dataSource), await givenInitiative(t.dataSource)];
      const foreign = await givenFundingLine(t.dataSource, other.id);
      const before = await rowCounts(t.dataSource, ['funding_lines']);

      const res = await post(initiative.id, { ...fullLine(), successorFundingId: foreign.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'successorFundingId', message: 'belongs to another initiative' }]);
      expect(await rowCounts(t.dataSource, ['funding_lines'])).toEqual(before);
    });

    it('should answer 422 naming successorFundingId when the successor does not exist', async () => {
      const initiative = await givenInitiative(t.dataSource);

      const res = await post(initiative.id, { ...fullLine(), successorFundingId: UNKNOWN_ID });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'successorFundingId', message: expect.any(String) }]);
    });

    it('should answer 422 and change nothing when a PATCH would close a circle of successors', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const third = await givenFundingLine(t.dataSource, initiative.id);
      const second = await givenFundingLine(t.dataSource, initiative.id, { successorFundingId: third.id });
      const first = await givenFundingLine(t.dataSource, initiative.id, { successorFundingId: second.id });

      const res = await patch(third.id, 1, { successorFundingId: first.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'successorFundingId', message: 'would create a cycle of successors' }]);
      expect(await read(third.id)).toMatchObject({ successorFundingId: null, version: 1 });
    });

    it('should answer 422 when a PATCH makes a line its own successor', async () => {
      const initiative = await givenInitiative(t.dataSource);
      const line = await givenFundingLine(t.dataSource, initiative.id);

      const res = await patch(line.id, 1, { successorFundingId: line.id });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'successorFundingId', message: expect.any(String) }]);
    });

    it('should answer 422 when a PATCH names a successor of another initiative', async () => {
      const [initiative, other] = [await givenInitiative(t.dataSource), await givenInitiative(t.dataSource)];
      const line = await givenFundingLine(t.dataSource, initiative.id);
      const foreign = await givenFundingLine(t.dataSource, other.id);

      const res = await patch(line.id, 1, { successorFundingId: foreign.id });

      expectProblem(res, 422);
      expect(await read(line.id)).toMatchObject({ successorFundingId: null, version: 1 });
    });
  });

  describe('list', () => {
    it('should list only the initiative’s lines by period start with the page envelope', async () => {
      const [initiative, other] = [await givenInitiative(t.dataSource), await givenInitiative(t.dataSource)];
      const later = await givenFundingLine(t.dataSource, initiative.id, {
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        status: 'applied',
      });
      const earlier = await givenFundingLine(t.dataSource, initiative.id, {
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
        status: 'granted',
      });
      await givenFundingLine(t.dataSource, other.id);

      const all = await t.admin.get(api(`/initiatives/${initiative.id}/funding`));
      const granted = await t.admin.get(api(`/initiatives/${initiative.id}/funding`)).query({ status: 'granted' });
      const paged = await t.admin.get(api(`/initiatives/${initiative.id}/funding`)).query({ limit: 1, offset: 1 });

      expect(all.status).toBe(200);
      expect(all.body).toEqual({
        items: [expect.objectContaining({ id: earlier.id }), expect.objectContaining({ id: later.id })],
        total: 2,
        limit: 50,
        offset: 0,
      });
      expect(all.body.items[0].amountSek).toBe(1_200_000);
      expect(granted.body.items.map((l: { id: string }) => l.id)).toEqual([earlier.id]);
      expect(paged.body).toEqual({ items: [expect.objectContaining({ id: later.id })], total: 2, limit: 1, offset: 1 });
    });

    it('should answer 404 when the initiative does not exist', async () => {
      expectProblem(await t.admin.get(api(`/initiatives/${UNKNOWN_ID}/funding`)), 404);
    });
  });

  describe('PATCH', () => {
    it('should record the coverage decision and bump the version when If-Match is current', async () => {
      const initiative = await givenInitiative(t.dataSource, { status: 'active' });
      const line = await givenFundingLine(t.dataSource, initiative.id);
      const decision = {
        coverageDecision: 'phase_out',
        coverageNote: 'Avvecklas när statsbidraget tar slut.',
        coverageDecidedBy: 'Arbetsmarknads- och socialnämnden',
        coverageDecidedOn: '2025-02-20',
      };

      const res = await patch(line.id, 1, decision);

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({ ...decision, version: 2, amountSek: 1_200_000 });
      expect(await read(line.id)).toEqual(res.body);
    });

    it('should end a line and replace its reporting deadlines when both are sent', async () => {
      const initiative = await givenInitiative(t.dataSource, { status: 'active' });
      const line = await givenFundingLine(t.dataSource, initiative.id, {
        reportingDeadlines: [{ date: '2024-06-30', kind: 'interim', description: null }],
      });

      const res = await patch(line.id, 1, {
        status: 'ended',
        reportingDeadlines: [{ date: '2025-09-30', kind: 'final' }],
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'ended',
        reportingDeadlines: [{ date: '2025-09-30', kind: 'final', description: null }],
      });
    });

    it('should answer 428 and change nothing when If-Match is missing', async () => {
      const line = await givenFundingLine(t.dataSource, (await givenInitiative(t.dataSource)).id);

      expectProblem(await patch(line.id, null, { amountSek: 5 }), 428);
      expect(await read(line.id)).toMatchObject({ amountSek: 1_200_000, version: 1 });
    });

    it('should answer 412 and change nothing when If-Match is stale', async () => {
      const line = await givenFundingLine(t.dataSource, (await givenInitiative(t.dataSource)).id);
      await patch(line.id, 1, { amountSek: 1_300_000 });

      const res = await patch(line.id, 1, { amountSek: 1_400_000 });

      expectProblem(res, 412);
      expect(await read(line.id)).toMatchObject({ amountSek: 1_300_000, version: 2 });
    });

    it('should answer 400 and change nothing when the new period end falls before the stored start', async () => {
      const line = await givenFundingLine(t.dataSource, (await givenInitiative(t.dataSource)).id, {
        periodStart: '2024-01-01',
        periodEnd: '2025-06-30',
      });

      const res = await patch(line.id, 1, { periodEnd: '2023-12-31' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'periodEnd', message: expect.any(String) }]);
      expect(await read(line.id)).toMatchObject({ periodEnd: '2025-06-30', version: 1 });
    });

    it.each([{ funder: null }, { renewable: null }, { reportingDeadlines: null }, { initiativeId: UNKNOWN_ID }])(
      'should answer 400 and change nothing when the PATCH is %p',
      async (body) => {
        const line = await givenFundingLine(t.dataSource, (await givenInitiative(t.dataSource)).id);

        expectProblem(await patch(line.id, 1, body), 400);
        expect(await read(line.id)).toMatchObject({ version: 1 });
      },
    );
  });

  describe('DELETE', () => {
    it('should delete a draft’s line and clear it as another line’s successor', async () => {
      const draft = await givenInitiative(t.dataSource);
      const line = await givenFundingLine(t.dataSource, draft.id);
      const predecessor = await givenFundingLine(t.dataSource, draft.id, { successorFundingId: line.id });

      const res = await t.admin.delete(api(`/funding/${line.id}`));

      expect(res.status).toBe(204);
      expectProblem(await t.admin.get(api(`/funding/${line.id}`)), 404);
      expect(await read(predecessor.id)).toMatchObject({ successorFundingId: null, version: 2 });
    });

    it.each<InitiativeStatus>(['proposed', 'approved', 'active', 'completed', 'discontinued'])(
      'should answer 409 and keep the line when the initiative is %s',
      async (status) => {
        const initiative = await givenInitiative(t.dataSource, { status });
        const line = await givenFundingLine(t.dataSource, initiative.id);

        const res = await t.admin.delete(api(`/funding/${line.id}`));

        expectProblem(res, 409);
        expect((await t.admin.get(api(`/funding/${line.id}`))).status).toBe(200);
      },
    );

    it('should answer 404 when no funding line has the id', async () => {
      expectProblem(await t.admin.delete(api(`/funding/${UNKNOWN_ID}`)), 404);
    });
  });
});
