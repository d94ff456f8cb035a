import type { DataSource } from 'typeorm';
import type { FollowUpPlan, InitiativeStatus } from '#portfolio';
import {
  givenAlert,
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
  uniqueCode,
} from './support/factories.js';
import { api, createTestApp, expectProblem, request, rowCounts, type TestApp } from './support/test-app.js';

type Participant = {
  departmentId: string;
  role: string;
  responsibility: string | null;
  departmentCode?: string;
  departmentName?: string;
};
type GoalRef = { id: string; code: string; title: string };
type Initiative = {
  id: string;
  code: string;
  title: string;
  status: string;
  version: number;
  participants: Participant[];
  goalIds: string[];
  goals: GoalRef[];
  targetGroupCodes: string[];
  districtCodes: string[];
  [field: string]: unknown;
};

const LINK_TABLES = [
  'initiatives',
  'initiative_participants',
  'initiative_goals',
  'initiative_target_groups',
  'initiative_districts',
  'funding_lines',
  'initiative_transitions',
];
const UNKNOWN_ID = '3e5f7a9b-1c2d-4e6f-8a0b-2c4d6e8f0a1b';
const PLAN: FollowUpPlan = {
  method: 'Halvårsvis uppföljning av nyckeltal och verksamhetsberättelse',
  frequency: 'biannual',
  responsible: 'Styrgruppen för SSPF',
  firstReportDue: '2024-08-31',
  indicatorIds: [],
};

/** The API returns link lists in a fixed order of its own; compare them as sets. */
function asSets<
  T extends { participants?: Participant[]; goalIds?: string[]; targetGroupCodes?: string[]; districtCodes?: string[] },
>(i: T): T {
  return {
    ...i,
    participants: [...(i.participants ?? [])].sort((a, b) => a.departmentId.localeCompare(b.departmentId)),
    goalIds: [...(i.goalIds ?? [])].sort(),
    targetGroupCodes: [...(i.targetGroupCodes ?? [])].sort(),
    districtCodes: [...(i.districtCodes ?? [])].sort(),
  };
}

async function givenReference(ds: DataSource) {
  const [lead, coOwner, partner] = [await givenDepartment(ds), await givenDepartment(ds), await givenDepartment(ds)];
  const committeeGoal = await givenGoal(ds, { level: 'committee_goal', framework: 'MRP 2024–2027' });
  const priorityArea = await givenGoal(ds, { level: 'priority_area', parentId: committeeGoal.id });
  const subGoal = await givenGoal(ds, { level: 'sub_goal', parentId: priorityArea.id });
  const [youth, parents] = [
    await givenTargetGroup(ds, { name: 'Unga 12–17' }),
    await givenTargetGroup(ds, { name: 'Föräldrar till förskolebarn' }),
  ];
  const [kronogarden, lextorp] = [
    await givenDistrict(ds, { name: 'Kronogården' }),
    await givenDistrict(ds, { name: 'Lextorp' }),
  ];
  return { lead, coOwner, partner, committeeGoal, priorityArea, subGoal, youth, parents, kronogarden, lextorp };
}

describe('Initiatives', () => {
  let t: TestApp;
  let ref: Awaited<ReturnType<typeof givenReference>>;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await givenReference(t.dataSource);
  });
  afterAll(() => t.close());

  const fullBody = () => ({
    code: uniqueCode('SSPF'),
    title: 'SSPF – skola, socialtjänst, polis och fritid',
    summary:
      'Samverkan kring unga i riskzonen för kriminalitet, med gemensamma insatser från skola, socialtjänst, polis och fritid.',
    kind: 'method',
    leadDepartmentId: ref.lead.id,
    participants: [
      { departmentId: ref.coOwner.id, role: 'co_owner', responsibility: 'Ansvarar för skolans del av samverkan' },
      { departmentId: ref.partner.id, role: 'partner', responsibility: null },
    ],
    processOwner: { name: 'Samordnare SSPF', title: 'Samordnare', email: 'samordnare.sspf@example.se' },
    goalIds: [ref.priorityArea.id, ref.subGoal.id],
    targetGroupCodes: [ref.youth.code, ref.parents.code],
    districtCodes: [ref.kronogarden.code, ref.lextorp.code],
    startDate: '2024-01-15',
    endDate: '2026-12-31',
    annualCostSek: 1_800_000,
    evidenceBase: 'national_method',
    budgetProjectCode: 'P4711',
    followUpPlan: PLAN,
  });

  const create = async (body: Record<string, unknown>) => {
    const res = await t.admin.post(api('/initiatives')).send(body);
    expect(res.status).toBe(201);
    return res.body as Initiative;
  };
  const read = async (id: string) => (await t.admin.get(api(`/initiatives/${id}`))).body as Initiative;
  const patch = (id: string, version: number | null, body: Record<string, unknown>) => {
    const req = t.admin.patch(api(`/initiatives/${id}`));
    return (version === null ? req : req.set('If-Match', `"${version}"`)).send(body);
  };
  const move = (id: string, to: string, comment?: string) =>
    t.admin.post(api(`/initiatives/${id}/transitions`)).send({ to, comment });

  describe('create and read', () => {
    it('should store every field and read it back identically, each department and goal named, when the body is complete', async () => {
      const body = fullBody();

      const created = await t.admin.post(api('/initiatives')).send(body);
      const got = await t.admin.get(api(`/initiatives/${created.body.id}`));

      expect(created.status).toBe(201);
      const named = (id: string) => [ref.lead, ref.coOwner, ref.partner].find((d) => d.id === id)!;
      const expected = {
        ...body,
        leadDepartmentCode: ref.lead.code,
        leadDepartmentName: ref.lead.name,
        participants: body.participants.map((p) => ({
          ...p,
          departmentCode: named(p.departmentId).code,
          departmentName: named(p.departmentId).name,
        })),
        goals: [ref.priorityArea, ref.subGoal]
          .map(({ id, code, title }) => ({ id, code, title }))
          .sort((a, b) => a.code.localeCompare(b.code)),
        id: expect.any(String),
        status: 'draft',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        latestRagStatus: null,
        temporaryFundingEndsOn: null,
        openAlertCount: 0,
      };
      expect(asSets(created.body)).toEqual(asSets(expected));
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"1"');
      expect(got.body).toEqual(created.body);
    });

    it('should fill absent optional fields with null or empty lists when only the required fields are sent', async () => {
      const body = {
        code: uniqueCode('MIN'),
        title: 'Alla behövs i jobb',
        kind: 'project',
        leadDepartmentId: ref.lead.id,
      };

      const created = await create(body);

      expect(created).toEqual({
        ...body,
        id: expect.any(String),
        summary: null,
        leadDepartmentCode: ref.lead.code,
        leadDepartmentName: ref.lead.name,
        participants: [],
        processOwner: null,
        goalIds: [],
        goals: [],
        targetGroupCodes: [],
        districtCodes: [],
        startDate: null,
        endDate: null,
        annualCostSek: null,
        evidenceBase: 'unknown',
        budgetProjectCode: null,
        followUpPlan: null,
        status: 'draft',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        latestRagStatus: null,
        temporaryFundingEndsOn: null,
        openAlertCount: 0,
      });
    });

    it('should read back the same keys when the process owner and follow-up plan leave out optional fields', async () => {
      const created = await create({
        code: uniqueCode('MBU'),
        title: 'MBU – Människan bakom uniformen',
        kind: 'method',
        leadDepartmentId: ref.lead.id,
        processOwner: { name: 'Samordnare MBU' },
        followUpPlan: { method: 'Årlig enkät', frequency: 'annual', responsible: 'Räddningstjänsten' },
      });

      expect(created.processOwner).toEqual({ name: 'Samordnare MBU', title: null, email: null });
      expect(created.followUpPlan).toEqual({
        method: 'Årlig enkät',
        frequency: 'annual',
        responsible: 'Räddningstjänsten',
        firstReportDue: null,
        indicatorIds: [],
      });
    });

    it('should keep whole kronor up to 10^12 exactly when the annual cost is large', async () => {
      const created = await create({
        code: uniqueCode('BIG'),
        title: 'Stor satsning',
        kind: 'project',
        leadDepartmentId: ref.lead.id,
        annualCostSek: 1_000_000_000_000,
      });

      expect((await read(created.id)).annualCostSek).toBe(1_000_000_000_000);
    });

    it('should answer 422 naming every unknown reference and write nothing when references point at nothing', async () => {
      const before = await rowCounts(t.dataSource, LINK_TABLES);

      const res = await t.admin.post(api('/initiatives')).send({
        ...fullBody(),
        leadDepartmentId: UNKNOWN_ID,
        goalIds: [ref.subGoal.id, UNKNOWN_ID],
        targetGroupCodes: ['FINNS-INTE'],
        districtCodes: [ref.lextorp.code, 'INGENSTANS'],
      });

      expectProblem(res, 422);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'districtCodes[1]',
        'goalIds[1]',
        'leadDepartmentId',
        'targetGroupCodes[0]',
      ]);
      expect(await rowCounts(t.dataSource, LINK_TABLES)).toEqual(before);
    });

    it('should answer 409 and write nothing when the code is taken', async () => {
      const existing = await givenInitiative(t.dataSource);
      const before = await rowCounts(t.dataSource, LINK_TABLES);

      const res = await t.admin.post(api('/initiatives')).send({ ...fullBody(), code: existing.code });

      expectProblem(res, 409);
      expect(await rowCounts(t.dataSource, LINK_TABLES)).toEqual(before);
    });

    it('should answer 422 when the lead department is also listed as a participant', async () => {
      const res = await t.admin
        .post(api('/initiatives'))
        .send({ ...fullBody(), participants: [{ departmentId: ref.lead.id, role: 'co_owner' }] });

      expectProblem(res, 422);
      expect(res.body.errors).toEqual([{ field: 'participants[0].departmentId', message: expect.any(String) }]);
    });

    it('should answer 400 when a status is sent on create', async () => {
      const res = await t.admin.post(api('/initiatives')).send({ ...fullBody(), status: 'active' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    });

    it('should answer 400 naming leadDepartmentId and write nothing when an admin leaves the lead department out', async () => {
      const before = await rowCounts(t.dataSource, LINK_TABLES);

      const res = await t.admin.post(api('/initiatives')).send({ ...fullBody(), leadDepartmentId: undefined });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'leadDepartmentId', message: expect.any(String) }]);
      expect(await rowCounts(t.dataSource, LINK_TABLES)).toEqual(before);
    });

    it('should answer 404 when no initiative has the id', async () => {
      expectProblem(await t.admin.get(api(`/initiatives/${UNKNOWN_ID}`)), 404);
    });

    it('should answer exactly as by id, ETag included, when the initiative is read by its code', async () => {
      const created = await create(fullBody());

      const byId = await t.admin.get(api(`/initiatives/${created.id}`));
      const byCode = await t.as({ role: 'auditor' }).then((reader) => reader.get(api(`/initiatives/${created.code}`)));

      expect(byCode.status).toBe(200);
      expect(byCode.headers.etag).toBe(byId.headers.etag);
      expect(byCode.body).toEqual(byId.body);
    });

    it('should answer 404 naming the code when no initiative has it', async () => {
      const res = await t.admin.get(api('/initiatives/FINNS-INTE'));

      expectProblem(res, 404);
      expect(res.body.detail).toBe('No initiative with code FINNS-INTE.');
    });

    it.each(['sspf', 'SSPF!', '-SSPF'])(
      'should answer 400 naming id when the path holds %s, neither a UUID nor a code',
      async (value) => {
        const res = await t.admin.get(api(`/initiatives/${encodeURIComponent(value)}`));

        expectProblem(res, 400);
        expect(res.body.errors).toEqual([{ field: 'id', message: expect.stringMatching(/UUID or a code/) }]);
      },
    );
  });

  describe('PATCH', () => {
    it('should name the new lead department and goals when an admin hands the initiative over and changes its goals', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, {
        leadDepartmentId: ref.partner.id,
        participants: [],
        goalIds: [ref.committeeGoal.id],
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        leadDepartmentId: ref.partner.id,
        leadDepartmentCode: ref.partner.code,
        leadDepartmentName: ref.partner.name,
        goals: [{ id: ref.committeeGoal.id, code: ref.committeeGoal.code, title: ref.committeeGoal.title }],
      });
    });

    it('should refuse the read-only labels with 400 when a read initiative is sent back whole', async () => {
      const created = await create(fullBody());
      const { id: _id, status: _status, version: _version, createdAt: _c, updatedAt: _u, ...editable } = created;

      const res = await patch(created.id, 1, editable);

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        expect.arrayContaining([
          'goals',
          'leadDepartmentCode',
          'leadDepartmentName',
          'participants[0].departmentCode',
          'participants[0].departmentName',
        ]),
      );
    });

    it('should replace the participants and goals it is sent and keep the lists it is not sent', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, {
        title: 'SSPF i hela kommunen',
        participants: [{ departmentId: ref.partner.id, role: 'informed', responsibility: 'Hålls informerad' }],
        goalIds: [ref.priorityArea.id],
      });

      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        title: 'SSPF i hela kommunen',
        version: 2,
        participants: [{ departmentId: ref.partner.id, role: 'informed', responsibility: 'Hålls informerad' }],
        goalIds: [ref.priorityArea.id],
        targetGroupCodes: created.targetGroupCodes,
        districtCodes: created.districtCodes,
      });
      expect(await read(created.id)).toEqual(res.body);
    });

    it('should empty a link list when it is sent empty', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, { participants: [], districtCodes: [] });

      expect(res.body).toMatchObject({
        participants: [],
        districtCodes: [],
        goalIds: expect.arrayContaining(created.goalIds),
      });
    });

    it('should answer 428 and change nothing when If-Match is missing', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, null, { title: 'Utan villkor' });

      expectProblem(res, 428);
      expect(await read(created.id)).toEqual(created);
    });

    it('should answer 412 and change nothing, links included, when If-Match is stale', async () => {
      const created = await create(fullBody());
      await patch(created.id, 1, { title: 'Först' });

      const res = await patch(created.id, 1, { title: 'Sedan', goalIds: [], participants: [] });

      expectProblem(res, 412);
      expect(await read(created.id)).toMatchObject({
        title: 'Först',
        version: 2,
        goalIds: expect.arrayContaining(created.goalIds),
        participants: expect.any(Array),
      });
      expect((await read(created.id)).participants).toHaveLength(2);
    });

    it('should answer 400 and change nothing when it tries to set the status', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, { status: 'active' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
      expect(await read(created.id)).toMatchObject({ status: 'draft', version: 1 });
    });

    it('should answer 400 when a required field is set to null', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, { title: null });

      expectProblem(res, 400);
      expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['title']));
      expect(await read(created.id)).toMatchObject({ title: created.title, version: 1 });
    });

    it('should answer 400 when a PATCH of one date puts it on the wrong side of the stored other', async () => {
      const created = await create(fullBody());

      const res = await patch(created.id, 1, { endDate: '2023-12-31' });

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'endDate' })]);
      expect(await read(created.id)).toMatchObject({ endDate: '2026-12-31', version: 1 });
    });

    it.each<InitiativeStatus>(['completed', 'integrated', 'discontinued'])(
      'should answer 409 and change nothing when the initiative is %s',
      async (status) => {
        const ended = await givenInitiative(t.dataSource, { status });

        const res = await patch(ended.id, 1, { title: 'Ändrat i efterhand' });

        expectProblem(res, 409);
        expect(await read(ended.id)).toMatchObject({ title: ended.title, status, version: 1 });
      },
    );

    it('should answer 422 and change nothing when a change would take away what an approved initiative was approved on', async () => {
      const approved = await givenInitiative(
        t.dataSource,
        { status: 'approved', leadDepartmentId: ref.lead.id, followUpPlan: PLAN },
        { goalIds: [ref.subGoal.id] },
      );
      await givenFundingLine(t.dataSource, approved.id);

      const res = await patch(approved.id, 1, { goalIds: [], followUpPlan: null });

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['goal', 'followUpPlan']);
      expect(await read(approved.id)).toMatchObject({ goalIds: [ref.subGoal.id], version: 1 });
    });
  });

  describe('lifecycle', () => {
    it('should refuse proposed listing both guards when a draft has no lead department and no goal', async () => {
      const draft = await givenInitiative(t.dataSource);

      const res = await move(draft.id, 'proposed');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['leadDepartment', 'goal']);
      expect(await read(draft.id)).toMatchObject({ status: 'draft', version: 1 });
    });

    it('should refuse proposed naming only the lead department when a goal is linked', async () => {
      const draft = await givenInitiative(t.dataSource, {}, { goalIds: [ref.subGoal.id] });

      const res = await move(draft.id, 'proposed');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['leadDepartment']);
    });

    it('should refuse proposed naming only the goal when the lead department is set', async () => {
      const draft = await givenInitiative(t.dataSource, { leadDepartmentId: ref.lead.id });

      const res = await move(draft.id, 'proposed');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['goal']);
    });

    it('should refuse approved listing every unmet guard at once when nothing is in place', async () => {
      const proposed = await givenInitiative(t.dataSource, { status: 'proposed' });

      const res = await move(proposed.id, 'approved');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['leadDepartment', 'goal', 'followUpPlan', 'funding']);
      expect(res.body.detail).toMatch(/follow-up plan/);
    });

    it('should not count a rejected funding application as funding when approving', async () => {
      const proposed = await givenInitiative(
        t.dataSource,
        { status: 'proposed', leadDepartmentId: ref.lead.id, followUpPlan: PLAN },
        { goalIds: [ref.subGoal.id] },
      );
      await givenFundingLine(t.dataSource, proposed.id, { status: 'rejected' });

      const res = await move(proposed.id, 'approved');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['funding']);
    });

    it('should refuse active naming the start date when an approved initiative has none', async () => {
      const approved = await givenInitiative(
        t.dataSource,
        { status: 'approved', leadDepartmentId: ref.lead.id, followUpPlan: PLAN, startDate: null },
        { goalIds: [ref.subGoal.id] },
      );
      await givenFundingLine(t.dataSource, approved.id);

      const res = await move(approved.id, 'active');

      expectProblem(res, 422);
      expect(res.body.unmetGuards).toEqual(['startDate']);
    });

    it('should walk draft → proposed → approved → active → integrated and record each move with its comment when every guard is met', async () => {
      const created = await create(fullBody());
      await givenFundingLine(t.dataSource, created.id);

      const steps = [];
      for (const to of ['proposed', 'approved', 'active', 'integrated']) {
        const res = await move(created.id, to, `Beslut: ${to}`);
        steps.push({ status: res.status, to: res.body.status, version: res.body.version });
      }

      expect(steps).toEqual([
        { status: 200, to: 'proposed', version: 2 },
        { status: 200, to: 'approved', version: 3 },
        { status: 200, to: 'active', version: 4 },
        { status: 200, to: 'integrated', version: 5 },
      ]);
      const recorded = await t.dataSource.query(
        'SELECT from_status AS "from", to_status AS "to", comment FROM initiative_transitions WHERE initiative_id = $1 ORDER BY created_at',
        [created.id],
      );
      expect(recorded).toEqual([
        { from: 'draft', to: 'proposed', comment: 'Beslut: proposed' },
        { from: 'proposed', to: 'approved', comment: 'Beslut: approved' },
        { from: 'approved', to: 'active', comment: 'Beslut: active' },
        { from: 'active', to: 'integrated', comment: 'Beslut: integrated' },
      ]);
    });

    it.each<[InitiativeStatus, InitiativeStatus]>([
      ['draft', 'active'],
      ['draft', 'approved'],
      ['proposed', 'active'],
      ['active', 'draft'],
      ['completed', 'active'],
      ['discontinued', 'draft'],
    ])('should refuse %s → %s with 409 and change nothing when the move is not allowed', async (from, to) => {
      const initiative = await givenInitiative(
        t.dataSource,
        { status: from, leadDepartmentId: ref.lead.id, followUpPlan: PLAN, startDate: '2024-01-15' },
        { goalIds: [ref.subGoal.id] },
      );
      await givenFundingLine(t.dataSource, initiative.id);

      const res = await move(initiative.id, to);

      expectProblem(res, 409);
      expect(await read(initiative.id)).toMatchObject({ status: from, version: 1 });
      const [{ n }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM initiative_transitions WHERE initiative_id = $1',
        [initiative.id],
      );
      expect(n).toBe(0);
    });

    it('should answer 400 when the target status is unknown', async () => {
      const draft = await givenInitiative(t.dataSource);

      const res = await move(draft.id, 'paused');

      expectProblem(res, 400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    });

    it('should answer 404 when the initiative does not exist', async () => {
      expectProblem(await move(UNKNOWN_ID, 'proposed'), 404);
    });
  });

  describe('the next moves (GET /initiatives/{id}/transitions)', () => {
    const nextMoves = (agent: typeof t.admin, idOrCode: string) =>
      agent.get(api(`/initiatives/${idOrCode}/transitions`));

    it('should list every move the lifecycle allows with the guards the move would refuse with, changing nothing', async () => {
      const proposed = await givenInitiative(
        t.dataSource,
        { status: 'proposed', leadDepartmentId: ref.lead.id },
        { goalIds: [ref.subGoal.id] },
      );
      const before = await rowCounts(t.dataSource, LINK_TABLES);

      const res = await nextMoves(t.admin, proposed.id);

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        status: 'proposed',
        moves: [
          { to: 'draft', unmetGuards: [], allowed: true },
          { to: 'approved', unmetGuards: ['followUpPlan', 'funding'], allowed: true },
          { to: 'discontinued', unmetGuards: [], allowed: true },
        ],
      });
      expect(await rowCounts(t.dataSource, LINK_TABLES)).toEqual(before);
      expect(await read(proposed.id)).toMatchObject({ status: 'proposed', version: 1 });
      // What the move itself answers: the same guards.
      expect((await move(proposed.id, 'approved')).body.unmetGuards).toEqual(['followUpPlan', 'funding']);
    });

    it('should read the initiative by its code too, and list every guard a bare draft lacks', async () => {
      const draft = await givenInitiative(t.dataSource);

      const res = await nextMoves(t.admin, draft.code);

      expect(res.status).toBe(200);
      expect(res.body.moves).toEqual([
        { to: 'proposed', unmetGuards: ['leadDepartment', 'goal'], allowed: true },
        { to: 'discontinued', unmetGuards: [], allowed: true },
      ]);
    });

    it('should not count a rejected funding application, and need the start date for active', async () => {
      const approved = await givenInitiative(
        t.dataSource,
        { status: 'approved', leadDepartmentId: ref.lead.id, followUpPlan: PLAN, startDate: null },
        { goalIds: [ref.subGoal.id] },
      );
      await givenFundingLine(t.dataSource, approved.id, { status: 'rejected' });

      const res = await nextMoves(t.admin, approved.id);

      expect(res.body.moves).toEqual([
        { to: 'active', unmetGuards: ['funding', 'startDate'], allowed: true },
        { to: 'discontinued', unmetGuards: [], allowed: true },
      ]);
    });

    it('should have no moves once the initiative has ended', async () => {
      const integrated = await givenInitiative(t.dataSource, { status: 'integrated', leadDepartmentId: ref.lead.id });

      const res = await nextMoves(t.admin, integrated.id);

      expect(res.body).toEqual({ status: 'integrated', moves: [] });
    });

    it('should say which moves the caller may make: a department head their own proposals, leadership the decisions, staff and auditors none', async () => {
      const draft = await givenInitiative(
        t.dataSource,
        { leadDepartmentId: ref.lead.id },
        { goalIds: [ref.subGoal.id] },
      );
      const proposed = await givenInitiative(
        t.dataSource,
        { status: 'proposed', leadDepartmentId: ref.lead.id },
        { goalIds: [ref.subGoal.id] },
      );
      const allowed = async (agent: typeof t.admin, id: string) =>
        Object.fromEntries(
          ((await nextMoves(agent, id)).body.moves as { to: string; allowed: boolean }[]).map((m) => [m.to, m.allowed]),
        );
      const ownHead = await t.as({ role: 'department_head', department: ref.lead.code, sub: 'moves-own-head' });
      const otherHead = await t.as({ role: 'department_head', department: ref.partner.code, sub: 'moves-other-head' });
      const leadership = await t.as({ role: 'leadership', sub: 'moves-leadership' });
      const staff = await t.as({ role: 'staff', department: ref.lead.code, sub: 'moves-staff' });
      const auditor = await t.as({ role: 'auditor', sub: 'moves-auditor' });

      expect(await allowed(ownHead, draft.id)).toEqual({ proposed: true, discontinued: false });
      expect(await allowed(otherHead, draft.id)).toEqual({ proposed: false, discontinued: false });
      expect(await allowed(leadership, draft.id)).toEqual({ proposed: false, discontinued: true });
      expect(await allowed(ownHead, proposed.id)).toEqual({ draft: true, approved: false, discontinued: false });
      expect(await allowed(leadership, proposed.id)).toEqual({ draft: true, approved: true, discontinued: true });
      expect(await allowed(staff, proposed.id)).toEqual({ draft: false, approved: false, discontinued: false });
      expect(await allowed(auditor, proposed.id)).toEqual({ draft: false, approved: false, discontinued: false });
    });

    it('should answer 404 for an unknown id or code, and 401 without an identity', async () => {
      expectProblem(await nextMoves(t.admin, UNKNOWN_ID), 404);
      expectProblem(await nextMoves(t.admin, 'FINNS-INTE'), 404);
      expectProblem(await request(t.http).get(api(`/initiatives/${UNKNOWN_ID}/transitions`)), 401);
    });
  });

  describe('DELETE', () => {
    it('should delete a draft and every row that belongs to it', async () => {
      const created = await create(fullBody());
      await givenFundingLine(t.dataSource, created.id);
      await move(created.id, 'proposed');
      await move(created.id, 'draft');
      const rowsOf = () =>
        t.dataSource.query(
          `SELECT (SELECT count(*)::int FROM initiatives WHERE id = $1) AS initiatives,
                  (SELECT count(*)::int FROM initiative_participants WHERE initiative_id = $1) AS participants,
                  (SELECT count(*)::int FROM initiative_goals WHERE initiative_id = $1) AS goals,
                  (SELECT count(*)::int FROM initiative_target_groups WHERE initiative_id = $1) AS "targetGroups",
                  (SELECT count(*)::int FROM initiative_districts WHERE initiative_id = $1) AS districts,
                  (SELECT count(*)::int FROM funding_lines WHERE initiative_id = $1) AS funding,
                  (SELECT count(*)::int FROM initiative_transitions WHERE initiative_id = $1) AS transitions`,
          [created.id],
        );
      expect(await rowsOf()).toEqual([
        { initiatives: 1, participants: 2, goals: 2, targetGroups: 2, districts: 2, funding: 1, transitions: 2 },
      ]);

      const res = await t.admin.delete(api(`/initiatives/${created.id}`));

      expect(res.status).toBe(204);
      expect(await rowsOf()).toEqual([
        { initiatives: 0, participants: 0, goals: 0, targetGroups: 0, districts: 0, funding: 0, transitions: 0 },
      ]);
      expectProblem(await t.admin.get(api(`/initiatives/${created.id}`)), 404);
    });

    it('should keep the departments, goals and codes a deleted draft pointed at', async () => {
      const before = await rowCounts(t.dataSource, ['departments', 'goals', 'target_groups', 'districts']);
      const created = await create(fullBody());

      await t.admin.delete(api(`/initiatives/${created.id}`));

      expect(await rowCounts(t.dataSource, ['departments', 'goals', 'target_groups', 'districts'])).toEqual(before);
    });

    it.each<InitiativeStatus>(['proposed', 'approved', 'active', 'completed', 'integrated', 'discontinued'])(
      'should answer 409 and delete nothing when the initiative is %s',
      async (status) => {
        const initiative = await givenInitiative(t.dataSource, { status });

        const res = await t.admin.delete(api(`/initiatives/${initiative.id}`));

        expectProblem(res, 409);
        expect((await t.admin.get(api(`/initiatives/${initiative.id}`))).status).toBe(200);
      },
    );

    it('should answer 404 when the initiative does not exist', async () => {
      expectProblem(await t.admin.delete(api(`/initiatives/${UNKNOWN_ID}`)), 404);
    });
  });
});

describe('Initiative list', () => {
  // A database of its own, so totals count exactly the initiatives arranged here.
  let t: TestApp;
  let ref: Awaited<ReturnType<typeof givenReference>>;
  let other: { dept: { id: string }; goal: { id: string } };
  const ids: Record<string, string> = {};

  const list = async (query: Record<string, string | number>) => {
    const res = await t.admin.get(api('/initiatives')).query(query);
    expect(res.status).toBe(200);
    return res.body as { items: Initiative[]; total: number; limit: number; offset: number };
  };
  const codesOf = (page: { items: Initiative[] }) => page.items.map((i) => i.code);

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    ref = await givenReference(ds);
    other = { dept: await givenDepartment(ds), goal: await givenGoal(ds, { level: 'priority_area' }) };

    const sspf = await givenInitiative(
      ds,
      {
        code: 'SSPF',
        title: 'SSPF – skola, socialtjänst, polis och fritid',
        summary: 'Samverkan där skolorna och polisen möter unga i riskzonen.',
        status: 'active',
        leadDepartmentId: ref.lead.id,
        startDate: '2024-01-15',
        annualCostSek: 1_800_000,
      },
      {
        goalIds: [ref.subGoal.id],
        targetGroupIds: [ref.youth.id],
        districtIds: [ref.kronogarden.id],
        participants: [{ departmentId: ref.partner.id, role: 'informed' }],
      },
    );
    const mbu = await givenInitiative(
      ds,
      {
        code: 'MBU',
        title: 'Människan bakom uniformen',
        summary: 'Polis och räddningstjänst möter unga.',
        status: 'active',
        leadDepartmentId: ref.coOwner.id,
        startDate: '2022-09-01',
        annualCostSek: 400_000,
      },
      {
        goalIds: [ref.priorityArea.id],
        targetGroupIds: [ref.youth.id, ref.parents.id],
        districtIds: [ref.lextorp.id],
        participants: [{ departmentId: ref.lead.id, role: 'funder' }],
      },
    );
    const parenting = await givenInitiative(
      ds,
      {
        code: 'FORALDRASTOD',
        title: 'Brottsförebyggande föräldraskapsstöd',
        summary: 'Stöd till föräldrar med barn i förskolan (100% frivilligt).',
        status: 'proposed',
        leadDepartmentId: other.dept.id,
        startDate: '2025-03-01',
        annualCostSek: 250_000,
      },
      { goalIds: [other.goal.id], targetGroupIds: [ref.parents.id], districtIds: [ref.lextorp.id] },
    );
    const jobs = await givenInitiative(ds, {
      code: 'ABIJ',
      title: 'Alla behövs i jobb',
      summary: null,
      status: 'draft',
      startDate: null,
      annualCostSek: null,
    });
    await givenFundingLine(ds, sspf.id, { sourceType: 'state_grant' });
    await givenFundingLine(ds, mbu.id, { sourceType: 'ordinary_budget' });
    await givenFundingLine(ds, parenting.id, { sourceType: 'eu_fund' });
    await givenFundingLine(ds, parenting.id, { sourceType: 'state_grant' });
    Object.assign(ids, { sspf: sspf.id, mbu: mbu.id, parenting: parenting.id, jobs: jobs.id });
  });
  afterAll(() => t.close());

  it('should answer the envelope with every initiative and its aggregates when no filter is given', async () => {
    const page = await list({});

    expect(page).toEqual({ items: expect.any(Array), total: 4, limit: 50, offset: 0 });
    expect(codesOf(page)).toEqual(['ABIJ', 'FORALDRASTOD', 'MBU', 'SSPF']);
    const sspf = page.items.find((i) => i.code === 'SSPF')!;
    expect(sspf).toEqual((await t.admin.get(api(`/initiatives/${ids.sspf}`))).body);
    expect(sspf).toMatchObject({
      leadDepartmentCode: ref.lead.code,
      participants: [
        {
          departmentId: ref.partner.id,
          departmentCode: ref.partner.code,
          departmentName: ref.partner.name,
          role: 'informed',
          responsibility: null,
        },
      ],
      goalIds: [ref.subGoal.id],
      goals: [{ id: ref.subGoal.id, code: ref.subGoal.code, title: ref.subGoal.title }],
      targetGroupCodes: [ref.youth.code],
      districtCodes: [ref.kronogarden.code],
      annualCostSek: 1_800_000,
    });
  });

  it.each([
    { filter: { status: 'active' }, codes: ['MBU', 'SSPF'] },
    { filter: { status: 'draft,proposed' }, codes: ['ABIJ', 'FORALDRASTOD'] },
    { filter: { status: 'completed' }, codes: [] },
  ])('should filter by status when given $filter.status', async ({ filter, codes }) => {
    const page = await list(filter);

    expect(codesOf(page)).toEqual(codes);
    expect(page.total).toBe(codes.length);
  });

  it('should match the code exactly, not as a prefix or in another case, when code is given', async () => {
    expect(codesOf(await list({ code: 'SSPF' }))).toEqual(['SSPF']);
    expect(codesOf(await list({ code: 'SSP' }))).toEqual([]);
    expect(codesOf(await list({ code: 'MBU', status: 'draft' }))).toEqual([]);
  });

  it('should filter by lead department when leadDepartmentId is given', async () => {
    expect(codesOf(await list({ leadDepartmentId: ref.lead.id }))).toEqual(['SSPF']);
  });

  it('should match the lead and every participant role when departmentId is given', async () => {
    expect(codesOf(await list({ departmentId: ref.lead.id }))).toEqual(['MBU', 'SSPF']);
    expect(codesOf(await list({ departmentId: ref.partner.id }))).toEqual(['SSPF']);
    expect(codesOf(await list({ departmentId: other.dept.id }))).toEqual(['FORALDRASTOD']);
  });

  it('should include initiatives linked to descendants of the goal at any depth when goalId is given', async () => {
    expect(codesOf(await list({ goalId: ref.committeeGoal.id }))).toEqual(['MBU', 'SSPF']);
    expect(codesOf(await list({ goalId: ref.priorityArea.id }))).toEqual(['MBU', 'SSPF']);
    expect(codesOf(await list({ goalId: ref.subGoal.id }))).toEqual(['SSPF']);
    expect(codesOf(await list({ goalId: other.goal.id }))).toEqual(['FORALDRASTOD']);
  });

  it('should match any of the codes when target groups or districts are given', async () => {
    expect(codesOf(await list({ targetGroup: ref.parents.code }))).toEqual(['FORALDRASTOD', 'MBU']);
    expect(codesOf(await list({ targetGroup: `${ref.youth.code},${ref.parents.code}` }))).toEqual([
      'FORALDRASTOD',
      'MBU',
      'SSPF',
    ]);
    expect(codesOf(await list({ district: ref.kronogarden.code }))).toEqual(['SSPF']);
    expect(codesOf(await list({ district: ref.lextorp.code, targetGroup: ref.youth.code }))).toEqual(['MBU']);
  });

  it('should filter by the source type of any funding line when fundingSourceType is given', async () => {
    expect(codesOf(await list({ fundingSourceType: 'state_grant' }))).toEqual(['FORALDRASTOD', 'SSPF']);
    expect(codesOf(await list({ fundingSourceType: 'eu_fund,ordinary_budget' }))).toEqual(['FORALDRASTOD', 'MBU']);
    expect(codesOf(await list({ fundingSourceType: 'foundation' }))).toEqual([]);
    // The total of a source type alone counts the lines' initiatives, each once however many lines it has.
    for (const fundingSourceType of ['state_grant', 'eu_fund,ordinary_budget,state_grant', 'foundation']) {
      const all = await list({ fundingSourceType });
      expect(await list({ fundingSourceType, limit: 1 })).toMatchObject({ total: all.items.length });
      expect(await list({ fundingSourceType, offset: 10 })).toMatchObject({ items: [], total: all.items.length });
    }
    expect((await list({ fundingSourceType: 'eu_fund,ordinary_budget,state_grant' })).total).toBe(3);
  });

  it('should find Swedish word forms through full text when q names the words in another form', async () => {
    // None of these is a substring of any text: they match only through Swedish stemming.
    expect(codesOf(await list({ q: 'skolornas polisens' }))).toEqual(['SSPF']);
    expect(codesOf(await list({ q: 'föräldrarna' }))).toEqual(['FORALDRASTOD']);
    expect(codesOf(await list({ q: 'uniformer' }))).toEqual(['MBU']);
  });

  it('should find partial words in code, title and summary when q is a fragment', async () => {
    expect(codesOf(await list({ q: 'ssp' }))).toEqual(['SSPF']);
    expect(codesOf(await list({ q: 'uniform' }))).toEqual(['MBU']);
    expect(codesOf(await list({ q: 'behövs i' }))).toEqual(['ABIJ']);
    expect(codesOf(await list({ q: 'räddningstj' }))).toEqual(['MBU']);
  });

  it('should treat % and _ in q as plain characters', async () => {
    expect(codesOf(await list({ q: '100%' }))).toEqual(['FORALDRASTOD']);
    expect(codesOf(await list({ q: '%' }))).toEqual(['FORALDRASTOD']);
    expect(codesOf(await list({ q: '_' }))).toEqual([]);
  });

  it('should answer 200 with no match when q is only operators or an unclosed quote', async () => {
    expect((await list({ q: '!!& |' })).items).toEqual([]);
    expect(codesOf(await list({ q: '"polis' }))).toEqual(['MBU', 'SSPF']);
  });

  it('should combine filters with AND when several are given', async () => {
    expect(codesOf(await list({ status: 'active', departmentId: ref.lead.id, q: 'uniform' }))).toEqual(['MBU']);
  });

  it.each([
    { sort: 'title', codes: ['ABIJ', 'FORALDRASTOD', 'MBU', 'SSPF'] },
    { sort: '-annualCostSek', codes: ['SSPF', 'MBU', 'FORALDRASTOD', 'ABIJ'] },
    { sort: 'annualCostSek', codes: ['FORALDRASTOD', 'MBU', 'SSPF', 'ABIJ'] },
    { sort: '-startDate', codes: ['FORALDRASTOD', 'SSPF', 'MBU', 'ABIJ'] },
    { sort: 'status,-code', codes: ['SSPF', 'MBU', 'ABIJ', 'FORALDRASTOD'] },
  ])('should order by $sort, initiatives without a value last, when sort is given', async ({ sort, codes }) => {
    expect(codesOf(await list({ sort }))).toEqual(codes);
  });

  it('should answer 400 naming the sort field when a sort key is not allow-listed', async () => {
    const res = await t.admin
      .get(api('/initiatives'))
      .query({ sort: 'title,lead_department_id; DROP TABLE initiatives' });

    expectProblem(res, 400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
  });

  it('should page with a stable total when limit and offset are given', async () => {
    const first = await list({ limit: 3, offset: 0 });
    const second = await list({ limit: 3, offset: 3 });
    const beyond = await list({ limit: 3, offset: 10 });

    expect(first).toMatchObject({ total: 4, limit: 3, offset: 0 });
    expect(second).toMatchObject({ total: 4, limit: 3, offset: 3 });
    expect([...codesOf(first), ...codesOf(second)]).toEqual(['ABIJ', 'FORALDRASTOD', 'MBU', 'SSPF']);
    expect(beyond).toEqual({ items: [], total: 4, limit: 3, offset: 10 });
  });

  it('should cap limit at 200 when more is asked for', async () => {
    expect((await list({ limit: 1000 })).limit).toBe(200);
  });

  it.each([
    { query: { status: 'paused' }, field: 'status' },
    { query: { goalId: 'not-a-uuid' }, field: 'goalId' },
    { query: { code: 'sspf' }, field: 'code' },
    { query: { fundingSourceType: 'lottery' }, field: 'fundingSourceType' },
    { query: { limit: 0 }, field: 'limit' },
    { query: { colour: 'red' }, field: 'colour' },
  ])('should answer 400 naming $field when a filter is invalid', async ({ query, field }) => {
    const res = await t.admin.get(api('/initiatives')).query(query);

    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('Initiative list: the latest report, temporary funding and open alerts', () => {
  // A database of its own: the rows arranged here would change other blocks' totals and orders.
  let t: TestApp;
  const DAY = 86_400_000;
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
  const list = async (query: Record<string, string | number>) => {
    const res = await t.admin.get(api('/initiatives')).query(query);
    expect(res.status).toBe(200);
    return res.body as { items: Initiative[] };
  };
  const codesOf = (page: { items: Initiative[] }) => page.items.map((i) => i.code);

  async function givenRound(ds: DataSource, dueDate: string) {
    const [round] = await ds.query(
      `INSERT INTO reporting_rounds (title, period, due_date, scope_statuses, created_by) VALUES ($1, $2, $3, '{active}', 'test') RETURNING id`,
      [`Omgång ${dueDate}`, dueDate.slice(0, 4), dueDate],
    );
    return round.id as string;
  }
  async function givenReport(
    ds: DataSource,
    roundId: string,
    initiativeId: string,
    status: string,
    ragStatus: string | null,
  ) {
    await ds.query(`INSERT INTO status_reports (round_id, initiative_id, status, rag_status) VALUES ($1, $2, $3, $4)`, [
      roundId,
      initiativeId,
      status,
      ragStatus,
    ]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    const [alfa, beta, gamma] = [
      await givenDepartment(ds, { name: 'Alfaförvaltningen' }),
      await givenDepartment(ds, { name: 'Betaförvaltningen' }),
      await givenDepartment(ds, { name: 'Gammaförvaltningen' }),
    ];
    // AMBER: reports red, then amber, then one pending without a RAG; temporary money ending in 100 and 400 days;
    // two open alerts (one acknowledged) and two closed.
    const amber = await givenInitiative(ds, { code: 'AMBER', status: 'active', leadDepartmentId: gamma.id });
    // NONE: no report; its temporary line is taken over by an explicit successor; no alerts.
    const none = await givenInitiative(ds, { code: 'NONE', status: 'active', leadDepartmentId: alfa.id });
    // GREEN: one green report; temporary money ending in 300 days; one open alert.
    const green = await givenInitiative(ds, { code: 'GREEN', status: 'active', leadDepartmentId: beta.id });

    const [early, middle, late] = [
      await givenRound(ds, '2025-03-31'),
      await givenRound(ds, '2025-09-30'),
      await givenRound(ds, '2025-12-31'),
    ];
    await givenReport(ds, early, amber.id, 'approved', 'red');
    await givenReport(ds, middle, amber.id, 'submitted', 'amber');
    await givenReport(ds, late, amber.id, 'pending', null);
    await givenReport(ds, late, green.id, 'approved', 'green');

    await givenFundingLine(ds, amber.id, {
      sourceType: 'state_grant',
      periodStart: inDays(-300),
      periodEnd: inDays(100),
    });
    await givenFundingLine(ds, amber.id, { sourceType: 'eu_fund', periodStart: inDays(-300), periodEnd: inDays(400) });
    await givenFundingLine(ds, amber.id, {
      sourceType: 'ordinary_budget',
      periodStart: inDays(-300),
      periodEnd: inDays(50),
    });
    await givenFundingLine(ds, amber.id, {
      sourceType: 'state_grant',
      status: 'applied',
      periodStart: inDays(-300),
      periodEnd: inDays(30),
    });
    await givenFundingLine(ds, amber.id, {
      sourceType: 'state_grant',
      periodStart: inDays(-400),
      periodEnd: inDays(-10),
    });
    const successor = await givenFundingLine(ds, none.id, {
      sourceType: 'ordinary_budget',
      periodStart: inDays(201),
      periodEnd: inDays(600),
    });
    await givenFundingLine(ds, none.id, {
      sourceType: 'state_grant',
      periodStart: inDays(-100),
      periodEnd: inDays(200),
      successorFundingId: successor.id,
    });
    await givenFundingLine(ds, green.id, {
      sourceType: 'foundation',
      periodStart: inDays(-100),
      periodEnd: inDays(300),
    });

    await givenAlert(ds, amber.id, { status: 'open' });
    await givenAlert(ds, amber.id, { status: 'acknowledged' });
    await givenAlert(ds, amber.id, { status: 'resolved' });
    await givenAlert(ds, amber.id, { status: 'dismissed' });
    await givenAlert(ds, green.id, { status: 'open' });
  });
  afterAll(() => t.close());

  it('should name the latest RAG, the end of temporary funding nothing takes over and the open alerts of each initiative in the list and by code', async () => {
    const page = await list({});

    expect(
      page.items.map(({ code, latestRagStatus, temporaryFundingEndsOn, openAlertCount }) => ({
        code,
        latestRagStatus,
        temporaryFundingEndsOn,
        openAlertCount,
      })),
    ).toEqual([
      { code: 'AMBER', latestRagStatus: 'amber', temporaryFundingEndsOn: inDays(100), openAlertCount: 2 },
      { code: 'GREEN', latestRagStatus: 'green', temporaryFundingEndsOn: inDays(300), openAlertCount: 1 },
      { code: 'NONE', latestRagStatus: null, temporaryFundingEndsOn: null, openAlertCount: 0 },
    ]);
    expect((await t.admin.get(api('/initiatives/AMBER'))).body).toEqual(page.items[0]);
  });

  it.each([
    { sort: 'latestRagStatus', codes: ['GREEN', 'AMBER', 'NONE'] },
    { sort: '-latestRagStatus', codes: ['AMBER', 'GREEN', 'NONE'] },
    { sort: 'temporaryFundingEndsOn', codes: ['AMBER', 'GREEN', 'NONE'] },
    { sort: '-temporaryFundingEndsOn', codes: ['GREEN', 'AMBER', 'NONE'] },
    { sort: 'openAlertCount', codes: ['NONE', 'GREEN', 'AMBER'] },
    { sort: '-openAlertCount', codes: ['AMBER', 'GREEN', 'NONE'] },
    { sort: 'leadDepartmentName', codes: ['NONE', 'GREEN', 'AMBER'] },
    { sort: '-leadDepartmentName', codes: ['AMBER', 'GREEN', 'NONE'] },
  ])('should order by $sort, initiatives without a value last, when sort is given', async ({ sort, codes }) => {
    expect(codesOf(await list({ sort }))).toEqual(codes);
  });

  it('should page by a derived sort without overlap when limit and offset are given', async () => {
    const first = await list({ sort: '-openAlertCount', limit: 2, offset: 0 });
    const rest = await list({ sort: '-openAlertCount', limit: 2, offset: 2 });

    expect([...codesOf(first), ...codesOf(rest)]).toEqual(['AMBER', 'GREEN', 'NONE']);
  });
});
