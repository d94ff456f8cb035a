import type { InitiativeEntity, InitiativeStatus } from '#portfolio';
import { OverlapRefreshService } from '#portfolio-review';
import { scanCounts as counts, startScans, type Scans } from './support/alert-scans.js';
import {
  givenAlert,
  givenDepartment,
  givenDistrict,
  givenFundingLine,
  givenGoal,
  givenInitiative,
  givenTargetGroup,
} from './support/factories.js';
import { givenRound, givenStatusReport } from './support/follow-up-factories.js';
import { givenDecision, givenReview } from './support/review-factories.js';
import { api, createTestApp, expectProblem, rowCounts, type TestAgent, type TestApp } from './support/test-app.js';

/** What a decision may write: a refused one leaves every count as it was. */
const WRITTEN = ['portfolio_reviews', 'portfolio_decisions', 'initiative_transitions', 'audit_events'];

describe('portfolio reviews and decisions', () => {
  let t: TestApp;
  let leadership: TestAgent;
  let departmentId: string;
  let departmentCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    leadership = await t.as({ role: 'leadership', sub: 'ledningsgruppen' });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.dataSource.query('TRUNCATE portfolio_decisions, portfolio_reviews, alerts, initiatives CASCADE');
    const department = await givenDepartment(t.dataSource);
    departmentId = department.id;
    departmentCode = department.code;
  });

  const given = (status: InitiativeStatus, overrides: Partial<InitiativeEntity> = {}) =>
    givenInitiative(t.dataSource, { status, leadDepartmentId: departmentId, ...overrides });
  const decide = (reviewId: string, body: Record<string, unknown>, as: TestAgent = leadership) =>
    as.post(api(`/portfolio-reviews/${reviewId}/decisions`)).send(body);
  const statusOf = async (id: string): Promise<string> =>
    (await t.dataSource.query('SELECT status FROM initiatives WHERE id = $1', [id]))[0].status;

  describe('POST /portfolio-reviews and GET /portfolio-reviews', () => {
    it('should record a review with its author, audit it, and answer it with an ETag', async () => {
      const res = await leadership
        .post(api('/portfolio-reviews'))
        .send({ title: ' Portföljgenomgång november 2026 ', meetingDate: '2026-11-23', notes: 'Fokus: överlapp.' });

      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          title: 'Portföljgenomgång november 2026',
          meetingDate: '2026-11-23',
          notes: 'Fokus: överlapp.',
          createdBy: 'ledningsgruppen',
          version: 1,
          decisions: [],
        }),
      );
      const [event] = await t.dataSource.query(
        `SELECT action, actor_id FROM audit_events WHERE entity_type = 'portfolio_review' AND entity_id = $1`,
        [res.body.id],
      );
      expect(event).toEqual({ action: 'create', actor_id: 'ledningsgruppen' });
      const read = await t.admin.get(api(`/portfolio-reviews/${res.body.id}`));
      expect(read.status).toBe(200);
      expect(read.headers.etag).toBe('"1"');
    });

    it('should list reviews newest meeting first with their decision counts', async () => {
      const older = await givenReview(t.dataSource, { title: 'Portföljgenomgång maj 2026', meetingDate: '2026-05-20' });
      const newer = await givenReview(t.dataSource, {
        title: 'Portföljgenomgång november 2026',
        meetingDate: '2026-11-23',
      });
      const [a, b] = [await given('active'), await given('active')];
      await givenDecision(t.dataSource, older.id, a.id);
      await givenDecision(t.dataSource, older.id, b.id, {
        decision: 'stop',
        fromStatus: 'active',
        toStatus: 'discontinued',
      });
      await givenDecision(t.dataSource, newer.id, a.id, { decision: 'scale_up' });

      const res = await t
        .as({ role: 'auditor', sub: 'revisor' })
        .then((auditor) => auditor.get(api('/portfolio-reviews?limit=1')));

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [expect.objectContaining({ id: newer.id, decisionCount: 1, movedCount: 0 })],
        total: 2,
        limit: 1,
        offset: 0,
      });
      const second = await t.admin.get(api('/portfolio-reviews?limit=1&offset=1'));
      expect(second.body.items).toEqual([
        expect.objectContaining({ id: older.id, meetingDate: '2026-05-20', decisionCount: 2, movedCount: 1 }),
      ]);
      expect((await t.admin.get(api('/portfolio-reviews?offset=5'))).body).toEqual({
        items: [],
        total: 2,
        limit: 50,
        offset: 5,
      });
    });
  });

  describe('POST /portfolio-reviews/{id}/decisions', () => {
    it('should record a decision that leaves the status alone, audited, and show it on the review with the initiative', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active', { code: 'FC-1', title: 'Framtidscentrum' });

      const res = await decide(review.id, {
        initiativeId: initiative.id,
        decision: 'pause',
        rationale: 'Avvakta budgeten.',
        followUpDate: '2027-03-01',
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        reviewId: review.id,
        initiativeId: initiative.id,
        decision: 'pause',
        rationale: 'Avvakta budgeten.',
        followUpDate: '2027-03-01',
        fromStatus: null,
        toStatus: null,
        decidedBy: 'ledningsgruppen',
        createdAt: expect.any(String),
      });
      expect(await statusOf(initiative.id)).toBe('active');
      const events = await t.dataSource.query(
        `SELECT entity_type, action, initiative_id FROM audit_events WHERE initiative_id = $1 ORDER BY id`,
        [initiative.id],
      );
      expect(events).toEqual([{ entity_type: 'portfolio_decision', action: 'create', initiative_id: initiative.id }]);
      const read = await t.admin.get(api(`/portfolio-reviews/${review.id}`));
      expect(read.body.decisions).toEqual([
        expect.objectContaining({
          id: res.body.id,
          initiativeCode: 'FC-1',
          initiativeTitle: 'Framtidscentrum',
          decision: 'pause',
        }),
      ]);
    });

    it('should stop an active initiative through the lifecycle: discontinued, a transition naming the review, and both audited', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active');

      const res = await decide(review.id, {
        initiativeId: initiative.id,
        decision: 'stop',
        rationale: 'Målgruppen nås av MBU.',
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual(
        expect.objectContaining({
          decision: 'stop',
          fromStatus: 'active',
          toStatus: 'discontinued',
          followUpDate: null,
        }),
      );
      expect(await statusOf(initiative.id)).toBe('discontinued');
      const transitions = await t.dataSource.query(
        `SELECT from_status, to_status, comment FROM initiative_transitions WHERE initiative_id = $1`,
        [initiative.id],
      );
      expect(transitions).toEqual([
        {
          from_status: 'active',
          to_status: 'discontinued',
          comment: 'Beslut i Portföljgenomgång november 2026: Målgruppen nås av MBU.',
        },
      ]);
      const events = await t.dataSource.query(
        `SELECT entity_type, action, actor_id, changes FROM audit_events WHERE initiative_id = $1 ORDER BY id`,
        [initiative.id],
      );
      expect(events).toEqual([
        expect.objectContaining({
          entity_type: 'initiative',
          action: 'transition',
          actor_id: 'ledningsgruppen',
          changes: expect.objectContaining({ status: { before: 'active', after: 'discontinued' } }),
        }),
        expect.objectContaining({ entity_type: 'portfolio_decision', action: 'create', actor_id: 'ledningsgruppen' }),
      ]);
    });

    it('should integrate an active initiative into ordinary operations', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active');

      const res = await decide(review.id, {
        initiativeId: initiative.id,
        decision: 'integrate',
        rationale: 'Tas in i ramen 2027.',
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual(expect.objectContaining({ fromStatus: 'active', toStatus: 'integrated' }));
      expect(await statusOf(initiative.id)).toBe('integrated');
    });

    it('should refuse to integrate a proposed initiative with 409 as a transition would, writing nothing', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('proposed');
      const before = await rowCounts(t.dataSource, WRITTEN);

      const res = await decide(review.id, {
        initiativeId: initiative.id,
        decision: 'integrate',
        rationale: 'Tas in i ramen.',
      });

      expectProblem(res, 409);
      expect(res.body.errors).toEqual([{ field: 'to', message: 'not allowed from proposed' }]);
      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
      expect(await statusOf(initiative.id)).toBe('proposed');
    });

    it('should refuse a decision that would not move an ended initiative with 409, writing nothing', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('discontinued');
      const before = await rowCounts(t.dataSource, WRITTEN);

      expectProblem(
        await decide(review.id, { initiativeId: initiative.id, decision: 'continue', rationale: 'Fortsätt.' }),
        409,
      );
      expectProblem(
        await decide(review.id, { initiativeId: initiative.id, decision: 'stop', rationale: 'Avsluta.' }),
        409,
      );

      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
    });

    it('should refuse a second decision on the same initiative in one review with 409, writing nothing', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active');
      expect(
        (await decide(review.id, { initiativeId: initiative.id, decision: 'continue', rationale: 'Fortsätt.' })).status,
      ).toBe(201);
      const before = await rowCounts(t.dataSource, WRITTEN);

      const res = await decide(review.id, { initiativeId: initiative.id, decision: 'stop', rationale: 'Ändrade oss.' });

      expectProblem(res, 409);
      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
      expect(await statusOf(initiative.id)).toBe('active');
    });

    it.each([
      ['department_head', { role: 'department_head', department: 'OWN' }],
      ['staff', { role: 'staff', department: 'OWN' }],
      ['auditor', { role: 'auditor' }],
    ] as const)('should refuse a %s with 403, writing nothing', async (_, claims) => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active');
      const agent = await t.as({
        ...claims,
        ...('department' in claims ? { department: departmentCode } : {}),
        sub: `refused-${claims.role}`,
      });
      const before = await rowCounts(t.dataSource, WRITTEN);

      expectProblem(
        await decide(review.id, { initiativeId: initiative.id, decision: 'stop', rationale: 'Avsluta.' }, agent),
        403,
      );
      expectProblem(
        await agent.post(api('/portfolio-reviews')).send({ title: 'Egen genomgång', meetingDate: '2026-11-23' }),
        403,
      );

      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
      expect(await statusOf(initiative.id)).toBe('active');
    });

    it.each<[string, Record<string, unknown>, number, string[]]>([
      ['a missing rationale', { decision: 'stop' }, 400, ['rationale']],
      ['a blank rationale', { decision: 'stop', rationale: '   ' }, 400, ['rationale']],
      ['an unknown decision', { decision: 'terminate', rationale: 'Avsluta.' }, 400, ['decision']],
      [
        'a date that does not exist',
        { decision: 'continue', rationale: 'Fortsätt.', followUpDate: '2027-02-30' },
        400,
        ['followUpDate'],
      ],
      ['an unknown field', { decision: 'continue', rationale: 'Fortsätt.', toStatus: 'active' }, 400, ['toStatus']],
      [
        'an unknown initiative',
        { decision: 'stop', rationale: 'Avsluta.', initiativeId: '00000000-0000-4000-8000-000000000000' },
        422,
        ['initiativeId'],
      ],
    ])('should refuse %s, naming the field, writing nothing', async (_, body, status, fields) => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active');
      const before = await rowCounts(t.dataSource, WRITTEN);

      const res = await decide(review.id, { initiativeId: initiative.id, ...body });

      expectProblem(res, status);
      expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(fields);
      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
      expect(await statusOf(initiative.id)).toBe('active');
    });

    it('should answer 404 for an unknown review, writing nothing', async () => {
      const initiative = await given('active');
      const before = await rowCounts(t.dataSource, WRITTEN);

      expectProblem(
        await decide('00000000-0000-4000-8000-000000000000', {
          initiativeId: initiative.id,
          decision: 'stop',
          rationale: 'Avsluta.',
        }),
        404,
      );

      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
    });

    it('should refuse a review without a real meeting date', async () => {
      const before = await rowCounts(t.dataSource, WRITTEN);

      const res = await leadership.post(api('/portfolio-reviews')).send({ title: '', meetingDate: '2026-13-01' });

      expectProblem(res, 400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['meetingDate', 'title']);
      expect(await rowCounts(t.dataSource, WRITTEN)).toEqual(before);
    });
  });

  describe('GET /initiatives/{id}/decisions', () => {
    it("should give the initiative's decisions across reviews, newest meeting first, with each review's title and date", async () => {
      const may = await givenReview(t.dataSource, { title: 'Portföljgenomgång maj 2026', meetingDate: '2026-05-20' });
      const november = await givenReview(t.dataSource, {
        title: 'Portföljgenomgång november 2026',
        meetingDate: '2026-11-23',
      });
      const initiative = await given('active');
      const other = await given('active');
      // Recorded out of meeting order: the history follows the meetings.
      await decide(november.id, {
        initiativeId: initiative.id,
        decision: 'seek_funding',
        rationale: 'Sök ESF+.',
        followUpDate: '2027-02-01',
      });
      await decide(may.id, { initiativeId: initiative.id, decision: 'adjust', rationale: 'Smalna av målgruppen.' });
      await decide(may.id, { initiativeId: other.id, decision: 'continue', rationale: 'Fortsätt.' });

      const res = await (
        await t.as({ role: 'staff', department: departmentCode, sub: 'handlaggare' })
      ).get(api(`/initiatives/${initiative.id}/decisions`));

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(
        res.body.items.map((d: Record<string, unknown>) => [
          d.reviewTitle,
          d.meetingDate,
          d.decision,
          d.rationale,
          d.followUpDate,
        ]),
      ).toEqual([
        ['Portföljgenomgång november 2026', '2026-11-23', 'seek_funding', 'Sök ESF+.', '2027-02-01'],
        ['Portföljgenomgång maj 2026', '2026-05-20', 'adjust', 'Smalna av målgruppen.', null],
      ]);
    });

    it('should answer 404 for an unknown initiative', async () => {
      expectProblem(await t.admin.get(api('/initiatives/00000000-0000-4000-8000-000000000000/decisions')), 404);
    });
  });

  describe('decision_follow_up_due scan', () => {
    let scanner: Scans;
    beforeAll(async () => {
      scanner = await startScans();
    });
    afterAll(() => scanner.close());

    const scan = (asOf: string) => scanner.scans.runScan('decision_follow_up_due', asOf);
    const alerts = () =>
      t.dataSource.query(
        `SELECT severity, status, dedupe_key, initiative_id, department_id, title, detail, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM alerts WHERE kind = 'decision_follow_up_due' ORDER BY first_raised_at`,
      );

    it('should raise a warning once the follow-up date has passed, not before, and only once', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('active', { code: 'FC-1', title: 'Framtidscentrum' });
      const decision = await givenDecision(t.dataSource, review.id, initiative.id, {
        decision: 'scale_up',
        rationale: 'Fler platser.',
        followUpDate: '2027-03-01',
      });

      expect(await scan('2027-03-01')).toEqual(counts(0, 0, 0));
      expect(await scan('2027-03-02')).toEqual(counts(1, 0, 0));
      expect(await scan('2027-03-03')).toEqual(counts(0, 0, 0));

      expect(await alerts()).toEqual([
        {
          severity: 'warning',
          status: 'open',
          dedupe_key: `decision_follow_up_due:${decision.id}`,
          initiative_id: initiative.id,
          department_id: departmentId,
          title: 'Beslut ska följas upp för Framtidscentrum',
          detail:
            'Framtidscentrum (FC-1): beslutet "Skala upp" i Portföljgenomgång november 2026 (2026-11-23) skulle följas upp senast 2027-03-01, ' +
            'och inget nytt beslut har fattats sedan dess. Ta upp insatsen vid nästa portföljgenomgång. Motivering då: Fler platser.',
          due_date: '2027-03-01',
        },
      ]);
    });

    it('should resolve the alert when a later review decides on the initiative, and not raise it for the earlier decision again', async () => {
      const november = await givenReview(t.dataSource, { meetingDate: '2026-11-23' });
      const initiative = await given('active');
      await givenDecision(t.dataSource, november.id, initiative.id, { followUpDate: '2027-03-01' });
      expect(await scan('2027-03-10')).toEqual(counts(1, 0, 0));

      const march = await givenReview(t.dataSource, {
        title: 'Portföljgenomgång mars 2027',
        meetingDate: '2027-03-15',
      });
      await givenDecision(t.dataSource, march.id, initiative.id, { decision: 'continue', followUpDate: null });

      expect(await scan('2027-03-16')).toEqual(counts(0, 0, 1));
      expect((await alerts()).map((a: { status: string }) => a.status)).toEqual(['resolved']);
    });

    it('should not raise for a decision whose initiative has ended', async () => {
      const review = await givenReview(t.dataSource);
      const initiative = await given('integrated');
      await givenDecision(t.dataSource, review.id, initiative.id, { followUpDate: '2027-03-01' });

      expect(await scan('2027-04-01')).toEqual(counts(0, 0, 0));
    });
  });

  describe('GET /portfolio-reviews/{id}/agenda', () => {
    it('should assemble one item per initiative from what needs the group, most urgent first, and keep a decided one', async () => {
      const ds = t.dataSource;
      const may = await givenReview(ds, { title: 'Portföljgenomgång maj 2026', meetingDate: '2026-05-20' });
      const review = await givenReview(ds, { meetingDate: '2026-11-23' });
      const alerted = await given('active', { code: 'AG-ALERT' });
      await givenAlert(ds, alerted.id, { kind: 'funding_gap', severity: 'critical', title: 'Ofinansierad del 2027' });
      await givenAlert(ds, alerted.id, { kind: 'baseline_missing', severity: 'warning' });
      const ended = await given('discontinued', { code: 'AG-ENDED' });
      await givenAlert(ds, ended.id, { severity: 'critical' });
      // The coming budget year is 2027: June's grant is on the agenda, a decided line and a 2028 line are not.
      const cliff = await given('active', { code: 'AG-CLIFF', annualCostSek: 1_200_000 });
      const line = await givenFundingLine(ds, cliff.id, {
        funder: 'Delmos',
        amountSek: 600_000,
        periodStart: '2026-01-01',
        periodEnd: '2027-06-30',
      });
      const decided = await given('active', { code: 'AG-COVERED' });
      await givenFundingLine(ds, decided.id, {
        periodStart: '2026-01-01',
        periodEnd: '2027-03-31',
        coverageDecision: 'phase_out',
      });
      const later = await given('active', { code: 'AG-LATER' });
      await givenFundingLine(ds, later.id, { periodStart: '2026-01-01', periodEnd: '2028-03-31' });
      const followed = await given('active', { code: 'AG-FOLLOW' });
      await givenDecision(ds, may.id, followed.id, {
        decision: 'seek_funding',
        rationale: 'Sök ESF-medel.',
        followUpDate: '2026-10-01',
      });
      const reported = await given('active', { code: 'AG-REPORT' });
      const round = await givenRound(ds, { title: 'Delårsrapport augusti 2026', dueDate: '2026-09-15' });
      await givenStatusReport(ds, round.id, reported.id, { status: 'returned' });
      const missing = await given('active', { code: 'AG-MISSING' });
      await givenStatusReport(ds, round.id, missing.id, { status: 'pending' });
      const onTime = await given('active', { code: 'AG-SUBMITTED' });
      await givenStatusReport(ds, round.id, onTime.id, { status: 'submitted' });

      const res = await t
        .as({ role: 'auditor', sub: 'revisor' })
        .then((auditor) => auditor.get(api(`/portfolio-reviews/${review.id}/agenda`)));

      expect(res.status).toBe(200);
      expect(res.body).toEqual(
        expect.objectContaining({ reviewId: review.id, meetingDate: '2026-11-23', budgetYear: 2027 }),
      );
      const byCode = (code: string) =>
        res.body.items.find((item: { initiative: { code: string } }) => item.initiative.code === code);
      expect(res.body.items.map((item: { initiative: { code: string } }) => item.initiative.code)).toEqual([
        'AG-ALERT',
        'AG-CLIFF',
        'AG-FOLLOW',
        'AG-MISSING',
        'AG-REPORT',
      ]);
      expect(byCode('AG-ALERT')).toEqual({
        initiative: expect.objectContaining({
          id: alerted.id,
          status: 'active',
          leadDepartment: { id: departmentId, code: departmentCode, name: expect.any(String) },
        }),
        reasons: [
          expect.objectContaining({
            kind: 'critical_alert',
            alert: expect.objectContaining({ kind: 'funding_gap', title: 'Ofinansierad del 2027' }),
            fundingCliff: null,
          }),
        ],
        decision: null,
      });
      expect(byCode('AG-CLIFF').reasons).toEqual([
        expect.objectContaining({
          kind: 'funding_cliff',
          fundingCliff: {
            year: 2027,
            lines: [
              expect.objectContaining({
                id: line.id,
                funder: 'Delmos',
                periodEnd: '2027-06-30',
                coverageDecision: 'undecided',
              }),
            ],
            uncoveredAnnualCostSek: 1_200_000,
          },
        }),
      ]);
      expect(byCode('AG-FOLLOW').reasons).toEqual([
        expect.objectContaining({
          kind: 'decision_follow_up',
          dueDecision: {
            decision: 'seek_funding',
            rationale: 'Sök ESF-medel.',
            followUpDate: '2026-10-01',
            reviewTitle: 'Portföljgenomgång maj 2026',
            meetingDate: '2026-05-20',
          },
        }),
      ]);
      expect(byCode('AG-REPORT').reasons).toEqual([
        expect.objectContaining({
          kind: 'status_report',
          statusReport: expect.objectContaining({
            status: 'returned',
            roundTitle: 'Delårsrapport augusti 2026',
            dueDate: '2026-09-15',
          }),
        }),
      ]);
      expect(byCode('AG-MISSING').reasons).toEqual([
        expect.objectContaining({
          kind: 'status_report',
          statusReport: expect.objectContaining({ status: 'pending' }),
        }),
      ]);

      // Stopped at the meeting, the initiative leaves the cliff but stays on the agenda with its decision, last.
      expect(
        (await decide(review.id, { initiativeId: cliff.id, decision: 'stop', rationale: 'Avslutas.' })).status,
      ).toBe(201);
      const after = await leadership.get(api(`/portfolio-reviews/${review.id}/agenda`));
      expect(after.body.items.at(-1)).toEqual({
        initiative: expect.objectContaining({ code: 'AG-CLIFF', status: 'discontinued' }),
        reasons: [],
        decision: expect.objectContaining({ decision: 'stop', toStatus: 'discontinued', initiativeCode: 'AG-CLIFF' }),
      });
    });

    it('should list both initiatives of an overlap without a verdict, each naming the other', async () => {
      const ds = t.dataSource;
      const review = await givenReview(ds);
      const area = await givenGoal(ds, { level: 'priority_area' });
      const young = await givenTargetGroup(ds);
      const district = await givenDistrict(ds);
      const same = { title: 'Sommarjobb för unga', summary: null };
      const links = { goalIds: [area.id], targetGroupIds: [young.id], districtIds: [district.id] };
      const a = await givenInitiative(
        ds,
        { status: 'proposed', leadDepartmentId: departmentId, code: 'AG-OVL-A', ...same },
        links,
      );
      const b = await givenInitiative(
        ds,
        { status: 'proposed', leadDepartmentId: departmentId, code: 'AG-OVL-B', ...same },
        links,
      );
      // The worker's drain scores the pair; the agenda only reads what is stored.
      await t.app.get(OverlapRefreshService).drain();

      const res = await leadership.get(api(`/portfolio-reviews/${review.id}/agenda`));

      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          initiative: expect.objectContaining({ id: a.id }),
          reasons: [
            expect.objectContaining({
              kind: 'overlap',
              overlap: expect.objectContaining({ otherInitiative: { id: b.id, code: 'AG-OVL-B', title: same.title } }),
            }),
          ],
        }),
        expect.objectContaining({
          initiative: expect.objectContaining({ id: b.id }),
          reasons: [
            expect.objectContaining({
              kind: 'overlap',
              overlap: expect.objectContaining({ otherInitiative: { id: a.id, code: 'AG-OVL-A', title: same.title } }),
            }),
          ],
        }),
      ]);
      expect(res.body.items[0].reasons[0].overlap.score).toBeGreaterThanOrEqual(0.6);
    });

    it('should answer 404 for an unknown review', async () => {
      const res = await leadership.get(api('/portfolio-reviews/00000000-0000-4000-8000-000000000000/agenda'));
      expectProblem(res, 404);
    });
  });
});
