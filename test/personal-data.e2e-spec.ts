import { givenDepartment, givenFundingLine, givenGoal, givenInitiative, uniqueCode } from './support/factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestApp } from './support/test-app.js';

// Shaped like the Swedish Tax Agency's test numbers; no real person.
const PERSONAL_NUMBER = '19121212-1212';
const COORDINATION_NUMBER = '701063-2391';
// The same, as pasted from Word, a PDF or a file name: no answer may hold the digits in any of these forms.
const PASTED_NUMBER = '811218–9876';
const NUMBER_DIGITS = ['1212121212', '8112189876', '811218', '9876'];
const TABLES = ['initiatives', 'initiative_participants', 'funding_lines', 'goals', 'users', 'audit_events'];

describe('Personal-data guard', () => {
  let t: TestApp;
  let departmentId: string;
  let leadDepartmentId: string;
  beforeAll(async () => {
    t = await createTestApp();
    departmentId = (await givenDepartment(t.dataSource)).id;
    leadDepartmentId = (await givenDepartment(t.dataSource)).id;
  });
  afterAll(() => t.close());

  const initiative = (overrides: Record<string, unknown> = {}) => ({
    code: uniqueCode('PD'),
    title: 'Föräldraskapsstöd i Kronogården',
    kind: 'project',
    leadDepartmentId,
    summary: 'Gruppträffar för föräldrar till barn 3–12 år.',
    participants: [{ departmentId, role: 'partner', responsibility: 'Lokaler och fika' }],
    processOwner: { name: 'Samordnare föräldraskapsstöd', title: 'Samordnare', email: 'samordnare@example.se' },
    followUpPlan: { method: 'Enkät efter varje omgång', frequency: 'biannual', responsible: 'Styrgruppen' },
    ...overrides,
  });

  type Refusal = {
    status: number;
    headers: Record<string, string>;
    body: { type: string; detail: string; errors: { field: string }[] };
    text: string;
  };

  /** The 422 as the guard must give it: problem+json, the fields named, the number itself nowhere in the answer. */
  function expectRefused(res: Refusal, fields: string[], answer = res.text) {
    expectProblem(res as never, 422);
    expect(res.body.type).toBe('/problems/personal-data');
    expect(res.body.errors.map((e) => e.field)).toEqual(fields);
    expect(answer).toMatch(/personal data about residents must not be entered/i);
    for (const number of [PERSONAL_NUMBER, COORDINATION_NUMBER, ...NUMBER_DIGITS]) expect(answer).not.toContain(number);
  }

  describe('initiatives', () => {
    it('should refuse with 422 and write nothing when the summary holds a personal identity number', async () => {
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await t.admin
        .post(api('/initiatives'))
        .send(initiative({ summary: `Gäller en elev, pnr ${PERSONAL_NUMBER}.` }));

      expectRefused(res, ['summary']);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should name every offending field when several nested fields hold identity numbers', async () => {
      const before = await rowCounts(t.dataSource, TABLES);
      const body = initiative({
        participants: [
          { departmentId, role: 'partner', responsibility: `Kontakt med familjen ${COORDINATION_NUMBER}` },
        ],
        processOwner: {
          name: `Vårdnadshavare ${PERSONAL_NUMBER}`,
          title: '1212121212',
          email: 'samordnare@example.se',
        },
        followUpPlan: {
          method: `Uppföljning av 121212-1212 varje vecka`,
          frequency: 'biannual',
          responsible: 'Styrgruppen',
        },
      });

      const res = await t.admin.post(api('/initiatives')).send(body);

      expectRefused(res, [
        'participants[0].responsibility',
        'processOwner.name',
        'processOwner.title',
        'followUpPlan.method',
      ]);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should refuse an update and leave the initiative as it was when the new summary holds a coordination number', async () => {
      const existing = await givenInitiative(t.dataSource, { summary: 'Oförändrad sammanfattning' });

      const res = await t.admin
        .patch(api(`/initiatives/${existing.id}`))
        .set('If-Match', '"1"')
        .send({ summary: `Samordningsnummer ${COORDINATION_NUMBER}` });
      const after = await t.admin.get(api(`/initiatives/${existing.id}`));

      expectRefused(res, ['summary']);
      expect(after.body).toMatchObject({ summary: 'Oförändrad sammanfattning', version: 1 });
    });

    it('should accept phone numbers, amounts, dates and diary numbers when they only look like identity numbers', async () => {
      const summary =
        'Beslut KS 2023/01146 och 851-12345-2024. Budget 1 200 000 kr (1200000) till 2025-06-30. ' +
        'Frågor: 0520-49 50 00 eller 070-123 45 67. Org.nr 212000-1546, projekt P4711.';

      const res = await t.admin.post(api('/initiatives')).send(initiative({ summary }));

      expect(res.status).toBe(201);
      expect(res.body.summary).toBe(summary);
    });

    it('should refuse with 422 and write nothing when numbers are written with dashes, spaces, glued text, fullwidth or zero-width characters', async () => {
      const before = await rowCounts(t.dataSource, TABLES);
      const body = initiative({
        summary: `Gäller eleven ${PASTED_NUMBER} (från Word).`,
        participants: [{ departmentId, role: 'partner', responsibility: 'Kontakt med 19811218 9876' }],
        processOwner: { name: 'pnr.811218-9876', title: 'Se 811218-9876.pdf', email: 'samordnare@example.se' },
        followUpPlan: {
          method: 'Uppföljning av ８１１２１８－９８７６',
          frequency: 'biannual',
          responsible: 'Styrgruppen 8112\u200b18-98\u200d76',
        },
      });

      const res = await t.admin.post(api('/initiatives')).send(body);

      expectRefused(res, [
        'summary',
        'participants[0].responsibility',
        'processOwner.name',
        'processOwner.title',
        'followUpPlan.method',
        'followUpPlan.responsible',
      ]);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should accept organisation numbers, failed check digits and hex ids when they are written like identity numbers', async () => {
      const summary =
        'Org.nr 212000-2411 (212000–2411). Fel kontrollsiffra: 811218–9875 och 811218 9875. ' +
        'Ring +46 70 123 45 67, budget 1 234 567 kr från 2024-05-01. Spårnings-id deadbeefcafeab8112189876cdbeef12.';

      const res = await t.admin.post(api('/initiatives')).send(initiative({ summary }));

      expect(res.status).toBe(201);
      expect(res.body.summary).toBe(summary);
    });

    it('should answer 400 for the malformed body before looking for personal data when the body is invalid too', async () => {
      const res = await t.admin
        .post(api('/initiatives'))
        .send(initiative({ summary: PERSONAL_NUMBER, unknownField: true }));

      expectProblem(res, 400);
      expect(res.body.type).toBe('/problems/validation');
    });
  });

  describe('funding', () => {
    it('should refuse with 422 and write nothing when the coverage note holds a personal identity number', async () => {
      const owner = await givenInitiative(t.dataSource);
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await t.admin.post(api(`/initiatives/${owner.id}/funding`)).send({
        sourceType: 'state_grant',
        funder: 'Länsstyrelsen Västra Götaland',
        amountSek: 1_200_000,
        periodStart: '2024-01-01',
        periodEnd: '2025-06-30',
        coverageNote: `Avser ${PERSONAL_NUMBER} och hens familj`,
      });

      expectRefused(res, ['coverageNote']);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should refuse an update and leave the line as it was when the new coverage note holds an identity number', async () => {
      const owner = await givenInitiative(t.dataSource);
      const line = await givenFundingLine(t.dataSource, owner.id, { coverageNote: 'Tas in i ramen från 2026.' });

      const res = await t.admin
        .patch(api(`/funding/${line.id}`))
        .set('If-Match', '"1"')
        .send({ coverageNote: `Gäller ${COORDINATION_NUMBER}` });
      const after = await t.admin.get(api(`/funding/${line.id}`));

      expectRefused(res, ['coverageNote']);
      expect(after.body).toMatchObject({ coverageNote: 'Tas in i ramen från 2026.', version: 1 });
    });
  });

  describe('goals', () => {
    it('should refuse with 422 and write nothing when the description holds a personal identity number', async () => {
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await t.admin.post(api('/goals')).send({
        code: uniqueCode('PD'),
        title: 'Fler unga i arbete',
        description: `Mäts på individnivå, t.ex. ${PERSONAL_NUMBER}`,
        level: 'priority_area',
        framework: 'Färdplan för social hållbarhet',
      });

      expectRefused(res, ['description']);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should refuse an update and leave the goal as it was when the new description holds an identity number', async () => {
      const goal = await givenGoal(t.dataSource, { description: 'Ett av färdplanens fem områden.' });

      const res = await t.admin
        .patch(api(`/goals/${goal.id}`))
        .set('If-Match', '"1"')
        .send({ description: `Kontaktperson 1212121212` });
      const after = await t.admin.get(api(`/goals/${goal.id}`));

      expectRefused(res, ['description']);
      expect(after.body).toMatchObject({ description: 'Ett av färdplanens fem områden.', version: 1 });
    });
  });

  describe('query, path and headers', () => {
    it('should refuse with 422 naming the parameter when a query parameter holds an identity number', async () => {
      const res = await t.admin.get(api('/initiatives')).query({ q: PASTED_NUMBER });

      expectRefused(res, ['q']);
    });

    it('should answer 200 when a query parameter holds a diary number', async () => {
      const res = await t.admin.get(api('/initiatives')).query({ q: 'KS 2023/01146' });

      expect(res.status).toBe(200);
    });

    it('should refuse with 422 and store no user when the subject in the path holds an identity number', async () => {
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await t.admin.put(api(`/users/${encodeURIComponent(`pnr-${PASTED_NUMBER}`)}`)).send({ departmentId });

      expectRefused(res, ['subject']);
      expect(res.body.instance).toBe('/api/v1/users/[redacted]');
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should refuse with 422, write nothing and answer with an id of its own when X-Request-Id holds an identity number', async () => {
      const before = await rowCounts(t.dataSource, TABLES);

      const res = await t.admin.post(api('/initiatives')).set('X-Request-Id', 'arende-811218-9876').send(initiative());

      expectRefused(res, ['X-Request-Id']);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(await rowCounts(t.dataSource, TABLES)).toEqual(before);
    });

    it('should store the request id in the audit trail when X-Request-Id is a hex trace id with ten digits in a row', async () => {
      const requestId = 'deadbeefcafeab8112189876cdbeef12';

      const res = await t.admin.post(api('/initiatives')).set('X-Request-Id', requestId).send(initiative());

      expect(res.status).toBe(201);
      expect(res.headers['x-request-id']).toBe(requestId);
      expect(
        await t.dataSource.query(`SELECT DISTINCT request_id FROM audit_events WHERE initiative_id = $1`, [
          res.body.id,
        ]),
      ).toEqual([{ request_id: requestId }]);
    });
  });
});
