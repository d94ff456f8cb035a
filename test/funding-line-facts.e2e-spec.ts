import { FundingLineEntity } from '#funding';
import { givenDepartment, givenGoal, givenInitiative } from './support/factories.js';
import { api, createTestApp, type TestApp } from './support/test-app.js';

type Fact = {
  funding_id: string;
  initiative_id: string;
  share: string;
  not_taken_over_sek: string;
  cover_after_end_sek: string;
  period_end: string;
  coverage_decision: string;
  granted_temporary: boolean;
};

/**
 * funding_line_facts (migrations FundingLineFacts and FundingLineCliffFacts) holds each funding line's share taken
 * over, the kronor nothing takes over, what the initiative's granted lines running the month after its end month pay
 * a year (the funding cliff's cover) and the cliff's copies of the line, kept by triggers on funding_lines. After
 * every kind of write through the API the maintained rows must equal the rule computed from scratch (the view
 * funding_line_facts_computed), line for line, and each line's kept monthly share `funding_monthly_share` of its
 * amount and period.
 */
describe('Funding line facts kept by the triggers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const facts = async (sql: string): Promise<Fact[]> =>
    t.dataSource.query(
      `SELECT funding_id, initiative_id, share::text, not_taken_over_sek::text, cover_after_end_sek::text,
              period_end::text, coverage_decision, granted_temporary
         FROM (${sql}) x ORDER BY funding_id`,
    );
  const expectMaintainedEqualsFromScratch = async () => {
    const maintained = await facts('SELECT * FROM funding_line_facts');
    const fromScratch = await facts('SELECT * FROM funding_line_facts_computed');
    expect(maintained).toEqual(fromScratch);
    // Every line has its row: the readers join on it.
    const [{ lines }] = await t.dataSource.query<{ lines: number }[]>(
      'SELECT count(*)::int AS lines FROM funding_lines',
    );
    expect(maintained).toHaveLength(lines);
    // Each line's monthly share, kept by its own trigger (migration FundingLineMonthlyShare), is the rule's.
    const stale = await t.dataSource.query(
      `SELECT id, monthly_share_sek::text AS kept, funding_monthly_share(amount_sek, period_start, period_end)::text AS rule
         FROM funding_lines WHERE monthly_share_sek IS DISTINCT FROM funding_monthly_share(amount_sek, period_start, period_end)`,
    );
    expect(stale).toEqual([]);
  };
  /** One line's maintained fact as numbers, for the figures the steps below expect. */
  const factOf = async (
    id: string,
  ): Promise<
    | { share: number; notTakenOverSek: number; coverAfterEndSek: number; coverageDecision: string; temporary: boolean }
    | undefined
  > =>
    (
      await t.dataSource.query(
        `SELECT share::float8 AS share, not_taken_over_sek::float8 AS "notTakenOverSek",
                cover_after_end_sek::float8 AS "coverAfterEndSek", coverage_decision AS "coverageDecision",
                granted_temporary AS temporary
           FROM funding_line_facts WHERE funding_id = $1`,
        [id],
      )
    )[0];

  const post = async (initiativeId: string, body: Record<string, unknown>) => {
    const res = await t.admin.post(api(`/initiatives/${initiativeId}/funding`)).send({
      sourceType: 'state_grant',
      funder: 'Länsstyrelsen Västra Götaland',
      amountSek: 1_200_000,
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      status: 'granted',
      ...body,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const patch = async (line: { id: string; version: number }, body: Record<string, unknown>) => {
    const res = await t.admin
      .patch(api(`/funding/${line.id}`))
      .set('If-Match', `"${line.version}"`)
      .send(body);
    expect(res.status).toBe(200);
    line.version = res.body.version;
  };

  it('should equal the from-scratch rule after every kind of write to funding lines and initiatives', async () => {
    const lead = await givenDepartment(t.dataSource);
    const draft = await givenInitiative(
      t.dataSource,
      { leadDepartmentId: lead.id },
      { goalIds: [(await givenGoal(t.dataSource)).id] },
    );
    const other = await givenInitiative(t.dataSource, { status: 'active', leadDepartmentId: lead.id });
    await expectMaintainedEqualsFromScratch();

    // A grant of 100 000 a month in 2030, nothing after it: nothing taken over.
    const grant = await post(draft.id, {});
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({
      share: 0,
      notTakenOverSek: 1_200_000,
      coverAfterEndSek: 0,
      coverageDecision: 'undecided',
      temporary: true,
    });

    // A frame from the day after, 30 000 a month: takes over 30 % of the grant.
    const frame = await post(draft.id, {
      sourceType: 'ordinary_budget',
      funder: 'Kommunstyrelsen',
      amountSek: 360_000,
      periodStart: '2031-01-01',
      periodEnd: '2031-12-31',
    });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ notTakenOverSek: 840_000, coverAfterEndSek: 360_000 });
    expect(await factOf(frame.id)).toMatchObject({ temporary: false });

    // More frame money, then a later start (a gap: takes over nothing), then back.
    await patch(frame, { amountSek: 2_400_000 });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ share: 1, notTakenOverSek: 0, coverAfterEndSek: 2_400_000 });
    await patch(frame, { periodStart: '2031-03-01' });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ share: 0, coverAfterEndSek: 0 });
    await patch(frame, { periodStart: '2031-01-01', amountSek: 360_000 });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ coverAfterEndSek: 360_000 });

    // An applied-for line is not money yet; granted, it takes over; rejected, not.
    const applied = await post(draft.id, {
      funder: 'MUCF',
      amountSek: 600_000,
      periodStart: '2031-01-01',
      periodEnd: '2031-06-30',
      status: 'applied',
    });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(applied.id)).toMatchObject({ temporary: false });
    await patch(applied, { status: 'granted' });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ share: 1, coverAfterEndSek: 1_560_000 });
    expect(await factOf(applied.id)).toMatchObject({ temporary: true });
    await patch(applied, { status: 'rejected' });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ coverAfterEndSek: 360_000 });

    // A second grant ending the same month draws on the same new money after the first (by end date, then id).
    const sameMonth = await post(draft.id, { funder: 'Brå', amountSek: 240_000, periodStart: '2030-07-01' });
    await expectMaintainedEqualsFromScratch();

    // The explicit successor takes over all of it; a successor that is rejected does not.
    const successor = await post(draft.id, {
      funder: 'Allmänna arvsfonden',
      sourceType: 'foundation',
      amountSek: 100_000,
      periodStart: '2031-01-01',
      periodEnd: '2031-12-31',
      status: 'applied',
    });
    await patch(sameMonth, { successorFundingId: successor.id });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(sameMonth.id)).toMatchObject({ share: 1, notTakenOverSek: 0 });
    await patch(successor, { status: 'rejected' });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(sameMonth.id)).not.toMatchObject({ share: 1 });
    await patch(successor, { status: 'applied', periodStart: '2031-02-01' });
    await expectMaintainedEqualsFromScratch();

    // A coverage decision leaves the share as it is; the cliff's copy of it follows.
    const decision = await t.admin
      .put(api(`/funding/${grant.id}/coverage-decision`))
      .set('If-Match', `"${grant.version}"`)
      .send({ decision: 'phase_out', decidedBy: 'Kommunstyrelsen' });
    expect(decision.status).toBe(200);
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ coverageDecision: 'phase_out', coverAfterEndSek: 360_000 });

    // Ending a line (status ended still counts as taken over, but is no longer money running: no cover), a zero
    // amount, a line on another initiative and one starting after its end month.
    await patch(frame, { status: 'ended' });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(grant.id)).toMatchObject({ coverAfterEndSek: 0 });
    await patch(sameMonth, { amountSek: 0 });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(sameMonth.id)).toMatchObject({ share: 0, notTakenOverSek: 0 });
    const early = await post(other.id, { periodEnd: '2030-06-30' });
    await expectMaintainedEqualsFromScratch();
    const next = await post(other.id, { periodStart: '2030-07-01', periodEnd: '2030-12-31', amountSek: 300_000 });
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(early.id)).toMatchObject({ coverAfterEndSek: 600_000 });
    // The API keeps granted lines; an import or a correction in the database may still delete one.
    await t.dataSource.query('DELETE FROM funding_lines WHERE id = $1', [next.id]);
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(early.id)).toMatchObject({ coverAfterEndSek: 0 });

    // Deleting a line (the draft's successor: its predecessor loses it in the same transaction).
    expect((await t.admin.delete(api(`/funding/${successor.id}`))).status).toBe(204);
    await expectMaintainedEqualsFromScratch();
    expect(await factOf(successor.id)).toBeUndefined();

    // The initiative moves on: the facts do not depend on it, and stay equal.
    const moved = await t.admin.post(api(`/initiatives/${draft.id}/transitions`)).send({ to: 'proposed' });
    expect(moved.status).toBe(200);
    await expectMaintainedEqualsFromScratch();

    // Deleting a draft initiative takes its lines and their facts with it.
    const doomed = await givenInitiative(t.dataSource);
    await post(doomed.id, {});
    await post(doomed.id, {
      sourceType: 'ordinary_budget',
      funder: 'KS',
      periodStart: '2031-01-01',
      periodEnd: '2031-12-31',
    });
    expect((await t.admin.delete(api(`/initiatives/${doomed.id}`))).status).toBe(204);
    await expectMaintainedEqualsFromScratch();
    expect(await facts(`SELECT * FROM funding_line_facts WHERE initiative_id = '${doomed.id}'`)).toEqual([]);
  });

  it('should recompute every initiative one statement touches, and nothing when the rule reads no changed column', async () => {
    const a = await givenInitiative(t.dataSource);
    const b = await givenInitiative(t.dataSource);
    const lineA = await post(a.id, {});
    await post(a.id, { periodStart: '2031-01-01', periodEnd: '2031-12-31', amountSek: 600_000 });
    await post(b.id, {});
    await post(b.id, { periodStart: '2031-01-01', periodEnd: '2031-03-31', amountSek: 150_000 });

    // One multi-row statement over both initiatives (the triggers see it as one transition table).
    await t.dataSource.query(
      `UPDATE funding_lines SET period_start = period_start - 31, version = version + 1 WHERE initiative_id IN ($1, $2) AND period_start = '2031-01-01'`,
      [a.id, b.id],
    );
    await expectMaintainedEqualsFromScratch();
    await t.dataSource.query(`UPDATE funding_lines SET funder = 'Ny finansiär' WHERE id = $1`, [lineA.id]);
    await expectMaintainedEqualsFromScratch();
    await t.dataSource.query(
      `DELETE FROM funding_lines WHERE initiative_id IN ($1, $2) AND period_start <> '2030-01-01'`,
      [a.id, b.id],
    );
    await expectMaintainedEqualsFromScratch();
  });
  it('should see a line written alongside in another transaction: the second writer recomputes after the first commits', async () => {
    const initiative = await givenInitiative(t.dataSource);
    const [first, second] = [t.dataSource.createQueryRunner(), t.dataSource.createQueryRunner()];
    const line = (overrides: Partial<FundingLineEntity>) => ({
      initiativeId: initiative.id,
      sourceType: 'state_grant' as const,
      funder: 'Länsstyrelsen Västra Götaland',
      amountSek: 1_200_000,
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      status: 'granted' as const,
      ...overrides,
    });
    try {
      await first.startTransaction();
      await second.startTransaction();
      // The grant, not yet committed; then the line taking all of it over, in a transaction that cannot see the grant.
      await first.manager.save(FundingLineEntity, first.manager.create(FundingLineEntity, line({})));
      const [{ pid }] = await second.query('SELECT pg_backend_pid() AS pid');
      let finished = false;
      const secondSave = second.manager
        .save(
          FundingLineEntity,
          second.manager.create(
            FundingLineEntity,
            line({ periodStart: '2031-01-01', periodEnd: '2031-12-31', amountSek: 2_400_000 }),
          ),
        )
        .then(() => (finished = true));
      // Without the triggers' lock the second writer would finish now, its facts computed without the uncommitted
      // grant (which would keep a share of 0): wait, bounded, until it either finishes or waits on a lock.
      for (let i = 0; i < 200 && !finished; i++) {
        const [activity] = await t.dataSource.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [
          pid,
        ]);
        if (activity?.wait_event_type === 'Lock') break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(finished).toBe(false);
      await first.commitTransaction();
      await secondSave;
      await second.commitTransaction();
    } finally {
      for (const runner of [first, second]) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }

    await expectMaintainedEqualsFromScratch();
    const [grant] = await facts(
      `SELECT * FROM funding_line_facts WHERE initiative_id = '${initiative.id}' AND share = 1`,
    );
    expect(grant).toBeDefined();
  });
});
