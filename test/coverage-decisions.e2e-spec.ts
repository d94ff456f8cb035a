import { calendarDateIn } from '#common';
import type { DepartmentEntity } from '#reference-data';
import { givenDepartment, givenFundingLine, givenInitiative } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

describe('Coverage decisions on funding lines', () => {
  let t: TestApp;
  let lead: DepartmentEntity;
  let coOwner: DepartmentEntity;
  beforeAll(async () => {
    t = await createTestApp();
    lead = await givenDepartment(t.dataSource, { name: 'Ledande förvaltningen' });
    coOwner = await givenDepartment(t.dataSource, { name: 'Medägande förvaltningen' });
  });
  afterAll(() => t.close());

  async function givenLine() {
    const initiative = await givenInitiative(
      t.dataSource,
      { status: 'active', leadDepartmentId: lead.id },
      { participants: [{ departmentId: coOwner.id, role: 'co_owner', responsibility: 'Delar ansvaret' }] },
    );
    return givenFundingLine(t.dataSource, initiative.id);
  }
  const head = (department: DepartmentEntity) =>
    t.as({
      role: 'department_head',
      department: department.code,
      sub: `head-${department.code}`,
      name: 'Förvaltningschef',
    });
  const staff = (department: DepartmentEntity) =>
    t.as({ role: 'staff', department: department.code, sub: `staff-${department.code}` });
  const decide = async (agent: Awaited<ReturnType<typeof head>>, id: string, body: object, version = 1) =>
    agent
      .put(api(`/funding/${id}/coverage-decision`))
      .set('If-Match', `"${version}"`)
      .send(body);
  const lineRow = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT coverage_decision, coverage_note, coverage_decided_by, coverage_decided_on::text, version FROM funding_lines WHERE id = $1`,
        [id],
      )
    )[0];

  describe('PUT /funding/{id}/coverage-decision', () => {
    it.each([
      ['leadership', () => t.as({ role: 'leadership', sub: 'ledningsgruppen' })],
      ["the lead department's head", () => head(lead)],
      ['an admin', () => Promise.resolve(t.admin)],
    ])('should record the decision with its note, who and when when %s decides', async (_, agent) => {
      const line = await givenLine();

      const res = await decide(await agent(), line.id, {
        decision: 'ordinary_budget',
        note: 'Tas in i ramen från 2026.',
        decidedBy: 'Kommunstyrelsen',
        decidedOn: '2025-03-12',
      });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        coverageDecision: 'ordinary_budget',
        coverageNote: 'Tas in i ramen från 2026.',
        coverageDecidedBy: 'Kommunstyrelsen',
        coverageDecidedOn: '2025-03-12',
        amountSek: 1_200_000,
      });
    });

    it('should default the date to today in Europe/Stockholm and the decider to the person recording when neither is given', async () => {
      const line = await givenLine();

      const res = await decide(await head(lead), line.id, { decision: 'phase_out' });

      expect(res.body).toMatchObject({
        coverageDecision: 'phase_out',
        coverageDecidedOn: calendarDateIn(new Date(), 'Europe/Stockholm'),
        coverageDecidedBy: 'Förvaltningschef',
      });
    });

    it('should clear who and when when the decision is withdrawn to undecided', async () => {
      const line = await givenLine();
      await decide(t.admin, line.id, { decision: 'extension', decidedOn: '2025-01-10' });

      const res = await decide(t.admin, line.id, { decision: 'undecided' }, 2);

      expect(res.body).toMatchObject({
        coverageDecision: 'undecided',
        coverageNote: null,
        coverageDecidedBy: null,
        coverageDecidedOn: null,
        version: 3,
      });
    });

    it('should write an audit event with the values before and after when a decision is recorded', async () => {
      const line = await givenLine();

      await decide(t.admin, line.id, {
        decision: 'not_needed',
        decidedBy: 'Arbetsmarknads- och socialnämnden',
        decidedOn: '2025-02-20',
      });

      const events = await t.dataSource.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1`, [
        line.id,
      ]);
      expect(events).toEqual([
        {
          action: 'decision',
          changes: {
            coverageDecision: { before: 'undecided', after: 'not_needed' },
            coverageDecidedBy: { before: null, after: 'Arbetsmarknads- och socialnämnden' },
            coverageDecidedOn: { before: null, after: '2025-02-20' },
          },
        },
      ]);
    });

    it.each([
      ["a co-owner's head", () => head(coOwner)],
      ['staff of the lead department', () => staff(lead)],
      ['an auditor', () => t.as({ role: 'auditor', sub: 'revisor' })],
    ])('should answer 403 and change nothing when %s tries to decide', async (_, agent) => {
      const line = await givenLine();
      const before = await rowCounts(t.dataSource, ['audit_events']);

      const res = await decide(await agent(), line.id, { decision: 'ordinary_budget' });

      expectProblem(res, 403);
      expect(await lineRow(line.id)).toMatchObject({ coverage_decision: 'undecided', version: 1 });
      expect(await rowCounts(t.dataSource, ['audit_events'])).toEqual(before);
    });

    it.each([
      ['the decision is not one of the decisions', { decision: 'hope_for_the_best' }, 'decision'],
      ['the decision is missing', { note: 'Något' }, 'decision'],
      ['the date is not a date', { decision: 'phase_out', decidedOn: '2025-02-30' }, 'decidedOn'],
      ['an unknown field is sent', { decision: 'phase_out', amountSek: 1 }, 'amountSek'],
    ])('should answer 400 and change nothing when %s', async (_, body, field) => {
      const line = await givenLine();

      const res = await decide(t.admin, line.id, body);

      expectProblem(res, 400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(await lineRow(line.id)).toMatchObject({ version: 1 });
    });

    it('should answer 428 without If-Match and 412 when it is stale', async () => {
      const line = await givenLine();

      expectProblem(
        await t.admin.put(api(`/funding/${line.id}/coverage-decision`)).send({ decision: 'phase_out' }),
        428,
      );
      expectProblem(await decide(t.admin, line.id, { decision: 'phase_out' }, 7), 412);
      expect(await lineRow(line.id)).toMatchObject({ coverage_decision: 'undecided', version: 1 });
    });
  });

  describe('PATCH /funding/{id} and POST /initiatives/{id}/funding', () => {
    it('should let staff and co-owners change other fields when the coverage decision is left alone', async () => {
      const line = await givenLine();

      const res = await (
        await staff(coOwner)
      )
        .patch(api(`/funding/${line.id}`))
        .set('If-Match', '"1"')
        .send({ amountSek: 900_000, coverageDecision: 'undecided' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ amountSek: 900_000, coverageDecision: 'undecided' });
    });

    it.each([
      ['staff of the lead department', () => staff(lead), { coverageDecision: 'ordinary_budget' }],
      ["a co-owner's head", () => head(coOwner), { coverageDecision: 'phase_out' }],
      ['staff writing a coverage note', () => staff(lead), { coverageNote: 'Vi tror att ramen tar över.' }],
    ])('should answer 403 and change nothing when %s touches the coverage decision', async (_, agent, body) => {
      const line = await givenLine();

      const res = await (
        await agent()
      )
        .patch(api(`/funding/${line.id}`))
        .set('If-Match', '"1"')
        .send({ amountSek: 900_000, ...body });

      expectProblem(res, 403);
      expect(await lineRow(line.id)).toMatchObject({ coverage_decision: 'undecided', coverage_note: null, version: 1 });
    });

    it("should let the lead department's head record it by PATCH and date it today when no date is given", async () => {
      const line = await givenLine();

      const res = await (
        await head(lead)
      )
        .patch(api(`/funding/${line.id}`))
        .set('If-Match', '"1"')
        .send({ coverageDecision: 'new_external_funding' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        coverageDecision: 'new_external_funding',
        coverageDecidedOn: calendarDateIn(new Date(), 'Europe/Stockholm'),
      });
    });

    it('should answer 403 and write nothing when staff create a line with a coverage decision', async () => {
      const line = await givenLine();
      const before = await rowCounts(t.dataSource, ['funding_lines', 'audit_events']);

      const res = await (await staff(lead)).post(api(`/initiatives/${line.initiativeId}/funding`)).send({
        sourceType: 'state_grant',
        funder: 'MUCF',
        amountSek: 400_000,
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        coverageDecision: 'ordinary_budget',
      });

      expectProblem(res, 403);
      expect(await rowCounts(t.dataSource, ['funding_lines', 'audit_events'])).toEqual(before);
    });
  });
});
