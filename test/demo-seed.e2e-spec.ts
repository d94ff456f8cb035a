import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AlertScansModule, AlertScansService } from '#alerts';
import { CommonModule } from '#common';
import { DatabaseModule, dataSourceOptions } from '#database';
import { ENTITIES } from '#schema';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { unmetGuards, type InitiativeStatus } from '#portfolio';
import { linkBreaches, type EffectLevel } from '#results';
import { DEMO_SEED_ACTOR, seedDemo, type DemoSeedResult } from '#demo';
import {
  DEMO_DEPARTMENTS,
  DEMO_EFFECT_LOGIC,
  DEMO_GOALS,
  DEMO_INDICATORS,
  DEMO_INITIATIVES,
  DEMO_PORTFOLIO_REVIEWS,
  DEMO_REPORTING_ROUNDS,
  DEMO_TARGET_GROUPS,
} from '#demo';
import { api, createTestApp, rowCounts, type TestApp } from './support/test-app.js';

const VERSIONED_TABLES = [
  'departments',
  'goals',
  'districts',
  'target_groups',
  'initiatives',
  'funding_lines',
  'effect_nodes',
  'indicators',
  'indicator_values',
  'reporting_rounds',
  'status_reports',
];
const LINK_TABLES = [
  'initiative_participants',
  'initiative_goals',
  'initiative_target_groups',
  'initiative_districts',
  'effect_links',
  'indicator_effect_nodes',
];

/** Every seeded row's version and updated_at, to prove a second run touched none of them. */
function rowStamps(dataSource: DataSource) {
  return dataSource.query(
    VERSIONED_TABLES.map((t) => `SELECT '${t}' AS "table", id, version, updated_at AS "updatedAt" FROM ${t}`).join(
      ' UNION ALL ',
    ) + ' ORDER BY 1, 2',
  );
}

describe('Trollhättan demo seed', () => {
  let t: TestApp;
  let firstRun: DemoSeedResult;
  beforeAll(async () => {
    t = await createTestApp();
    firstRun = await seedDemo(t.dataSource);
  });
  afterAll(() => t.close());

  it('should load the whole register when the database is empty', async () => {
    const effectNodes = DEMO_EFFECT_LOGIC.flatMap((area) => [
      ...area.nodes,
      ...area.initiatives.flatMap((i) => i.nodes),
    ]);
    const fundingLines = new Set(
      DEMO_INITIATIVES.flatMap((i) => i.funding.flatMap((line) => [line, ...(line.successor ? [line.successor] : [])])),
    ).size;
    const expected = {
      departments: DEMO_DEPARTMENTS.length,
      goals: DEMO_GOALS.length,
      districts: 8,
      targetGroups: DEMO_TARGET_GROUPS.length,
      initiatives: 8,
      participants: DEMO_INITIATIVES.reduce((n, i) => n + i.participants.length, 0),
      fundingLines,
      effectNodes: effectNodes.length,
      effectLinks: effectNodes.reduce((n, node) => n + (node.leadsTo?.length ?? 0), 0),
      indicators: DEMO_INDICATORS.length,
      indicatorValues: DEMO_INDICATORS.reduce((n, i) => n + i.values.length, 0),
      indicatorLinks: DEMO_INDICATORS.reduce((n, i) => n + i.measures.length, 0),
      reportingRounds: DEMO_REPORTING_ROUNDS.length,
      // Every round asks each approved or active initiative for a report.
      statusReports:
        DEMO_REPORTING_ROUNDS.length * DEMO_INITIATIVES.filter((i) => ['approved', 'active'].includes(i.status)).length,
      portfolioReviews: DEMO_PORTFOLIO_REVIEWS.length,
      portfolioDecisions: DEMO_PORTFOLIO_REVIEWS.reduce((n, r) => n + r.decisions.length, 0),
    };

    const counts = await rowCounts(t.dataSource, [
      'departments',
      'goals',
      'districts',
      'target_groups',
      'initiatives',
      'initiative_participants',
      'funding_lines',
      'effect_nodes',
      'effect_links',
      'indicators',
      'indicator_values',
      'indicator_effect_nodes',
      'reporting_rounds',
      'status_reports',
      'portfolio_reviews',
      'portfolio_decisions',
    ]);

    expect(firstRun).toEqual(expected);
    expect(counts).toEqual({
      departments: expected.departments,
      goals: expected.goals,
      districts: expected.districts,
      target_groups: expected.targetGroups,
      initiatives: expected.initiatives,
      initiative_participants: expected.participants,
      funding_lines: expected.fundingLines,
      effect_nodes: expected.effectNodes,
      effect_links: expected.effectLinks,
      indicators: expected.indicators,
      indicator_values: expected.indicatorValues,
      indicator_effect_nodes: expected.indicatorLinks,
      reporting_rounds: expected.reportingRounds,
      status_reports: expected.statusReports,
      portfolio_reviews: expected.portfolioReviews,
      portfolio_decisions: expected.portfolioDecisions,
    });
    expect(expected.statusReports).toBe(14);
    expect(expected.portfolioDecisions).toBe(5);
  });

  it('should give each of the five priority areas a chain from short-term outcome to impact', async () => {
    const chains: { code: string; levels: EffectLevel[] }[] = await t.dataSource.query(
      `SELECT g.code, array_agg(DISTINCT n.level::text ORDER BY n.level::text) AS levels
         FROM goals g JOIN effect_nodes n ON n.goal_id = g.id GROUP BY g.code ORDER BY g.code`,
    );

    expect(chains).toEqual(
      ['FP-1', 'FP-2', 'FP-3', 'FP-4', 'FP-5'].map((code) => ({
        code,
        levels: ['impact', 'long_term_outcome', 'short_term_outcome'],
      })),
    );
  });

  it('should seed only links the effect-logic rules allow', async () => {
    type End = { id: string; level: EffectLevel; initiativeId: string | null; goalId: string | null };
    const links: { from: End; to: End; reach: string[] }[] = await t.dataSource.query(
      `WITH RECURSIVE reach(initiative_id, goal_id) AS (
         SELECT initiative_id, goal_id FROM initiative_goals
         UNION
         SELECT r.initiative_id, g.parent_id FROM goals g JOIN reach r ON g.id = r.goal_id WHERE g.parent_id IS NOT NULL
       )
       SELECT json_build_object('id', f.id, 'level', f.level, 'initiativeId', f.initiative_id, 'goalId', f.goal_id) AS "from",
              json_build_object('id', t.id, 'level', t.level, 'initiativeId', t.initiative_id, 'goalId', t.goal_id) AS "to",
              coalesce((SELECT array_agg(r.goal_id) FROM reach r WHERE r.initiative_id = f.initiative_id), '{}') AS reach
         FROM effect_links l JOIN effect_nodes f ON f.id = l.from_node_id JOIN effect_nodes t ON t.id = l.to_node_id`,
    );

    expect(links.length).toBeGreaterThan(0);
    expect(links.flatMap(({ from, to, reach }) => linkBreaches(from, to, new Set(reach)))).toEqual([]);
  });

  it('should list SSPF and the field workers as contributors to the early-intervention area’s outcomes in its goal graph', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM goals WHERE code = 'FP-3'`);

    const res = await t.admin.get(api(`/goals/${id}/effect-logic`));

    expect(res.status).toBe(200);
    const contributors = (title: string) =>
      res.body.nodes
        .find((n: { title: string }) => n.title === title)
        ?.contributors.map((c: { code: string }) => c.code)
        .sort();
    expect(contributors('Unga i riskzon upptäcks tidigt och får samordnat stöd')).toEqual(['FALTARBETARE', 'SSPF']);
    expect(contributors('Fler unga fullföljer studier och färre dras in i kriminalitet')).toEqual([
      'FALTARBETARE',
      'SSPF',
    ]);
  });

  it('should name the Kolada indicators in the employment initiatives’ plans and link them to FP-1’s outcomes', async () => {
    const plans: { code: string; indicators: string[] }[] = await t.dataSource.query(
      `SELECT i.code, array_agg(ind.code ORDER BY ind.code) AS indicators
         FROM initiatives i CROSS JOIN LATERAL jsonb_array_elements_text(i.follow_up_plan -> 'indicatorIds') AS planned(id)
         JOIN indicators ind ON ind.id::text = planned.id
        GROUP BY i.code ORDER BY i.code`,
    );
    const links = await t.dataSource.query(
      `SELECT ind.code, ind.source, d.code AS owner, g.code AS goal, n.level
         FROM indicator_effect_nodes l JOIN indicators ind ON ind.id = l.indicator_id JOIN departments d ON d.id = ind.owner_department_id
         JOIN effect_nodes n ON n.id = l.effect_node_id JOIN goals g ON g.id = n.goal_id ORDER BY 1`,
    );
    const [{ below }] = await t.dataSource.query(
      `SELECT count(*)::int AS below FROM indicator_values WHERE persons IS NULL OR persons < 5`,
    );

    expect(plans).toEqual([
      { code: 'ALLA-BEHOVS-I-JOBB', indicators: ['FORVARV-20-64'] },
      { code: 'FRAMTIDSCENTRUM', indicators: ['FORVARV-20-64', 'UNGA-UVAS'] },
    ]);
    expect(links).toEqual([
      { code: 'FORVARV-20-64', source: 'kolada', owner: 'ASF', goal: 'FP-1', level: 'impact' },
      { code: 'UNGA-UVAS', source: 'kolada', owner: 'ASF', goal: 'FP-1', level: 'long_term_outcome' },
    ]);
    expect(below).toBe(0);
  });

  it('should show baseline, target and progress of the falling share of young people neither working nor studying', async () => {
    const [{ id }] = await t.dataSource.query(`SELECT id FROM indicators WHERE code = 'UNGA-UVAS'`);

    const res = await t.admin.get(api(`/indicators/${id}/series`));

    // Baseline 8.9 % (2023), target 7.0 % (2027), latest 8.1 % (2025): (8.1 − 8.9) / (7.0 − 8.9) = 0.8 / 1.9 = 0.4211.
    expect(res.status).toBe(200);
    expect(res.body.cells[0]).toEqual({
      cell: 'all',
      baseline: { period: '2023', value: 8.9, suppressed: false },
      latest: { period: '2025', value: 8.1, suppressed: false },
      targets: [{ period: '2027', value: 7, suppressed: false, progress: 0.4211, achieved: false }],
      actuals: [
        { period: '2024', value: 8.6, suppressed: false },
        { period: '2025', value: 8.1, suppressed: false },
      ],
      sweden: [],
    });
    // Women 7.7 %, men 8.5 % in 2025.
    expect(res.body.gaps).toEqual([
      { breakdown: 'sex', minuend: 'sex:women', subtrahend: 'sex:men', period: '2025', gap: -0.8 },
    ]);
  });

  it('should show the August report round’s seeded figures per department in its completion', async () => {
    const [round] = await t.dataSource.query(
      `SELECT id FROM reporting_rounds WHERE title = 'Delårsrapport augusti 2026'`,
    );

    const res = await t.admin.get(api(`/reporting-rounds/${round.id}/completion`));

    // Seeded: ASF leads six initiatives (four approved, one submitted, one returned), KFF one (MBU, approved). The
    // returned report is still to be handed in, and the due date 2026-09-15 has passed.
    expect(res.status).toBe(200);
    expect(res.body.departments).toEqual([
      expect.objectContaining({
        departmentName: 'Arbetsmarknads- och socialförvaltningen',
        total: 6,
        submitted: 5,
        approved: 4,
        pending: 1,
        overdue: 1,
      }),
      expect.objectContaining({
        departmentName: 'Kultur- och fritidsförvaltningen',
        total: 1,
        submitted: 1,
        approved: 1,
        pending: 0,
        overdue: 0,
      }),
    ]);
    expect(res.body.totals).toEqual({ total: 7, submitted: 6, approved: 5, pending: 1, overdue: 1 });
  });

  it('should leave every report of the annual round pending before its due date', async () => {
    const rows = await t.dataSource.query(
      `SELECT s.status, count(*)::int AS reports FROM status_reports s JOIN reporting_rounds r ON r.id = s.round_id
        WHERE r.title = 'Årsredovisning 2026' AND r.due_date = '2027-01-31' GROUP BY s.status`,
    );

    expect(rows).toEqual([{ status: 'pending', reports: 7 }]);
  });

  it('should put the units of the board’s administration under it when departments are loaded', async () => {
    const rows: { code: string }[] = await t.dataSource.query(
      `SELECT d.code FROM departments d JOIN departments p ON p.id = d.parent_id WHERE p.code = 'KSF' ORDER BY d.code`,
    );

    expect(rows.map((r) => r.code)).toEqual(['KSF-HALLBARHET', 'KSF-TILLVAXT', 'KSF-TRYGGHET']);
  });

  it('should keep every child’s level below its parent’s when the goal tree is loaded', async () => {
    const levels = `ARRAY['agenda2030', 'focus_area', 'priority_goal', 'committee_goal', 'priority_area', 'sub_goal']::text[]`;

    const [{ violations }] = await t.dataSource.query(
      `SELECT count(*)::int AS violations
         FROM goals c JOIN goals p ON p.id = c.parent_id
        WHERE array_position(${levels}, c.level::text) <= array_position(${levels}, p.level::text)`,
    );
    const byParent: { parent: string | null; level: string; children: number }[] = await t.dataSource.query(
      `SELECT p.code AS parent, c.level, count(*)::int AS children
         FROM goals c LEFT JOIN goals p ON p.id = c.parent_id
        GROUP BY p.code, c.level ORDER BY p.code NULLS FIRST, c.level`,
    );

    expect(violations).toBe(0);
    expect(byParent).toEqual([
      { parent: null, level: 'agenda2030', children: 1 },
      { parent: 'A2030-10', level: 'priority_goal', children: 1 },
      { parent: 'KS-DELAKTIGHET', level: 'priority_area', children: 5 },
      // The board's goal and the nine committee goals of EY 2024 section 2.3 (ASN 4, KFN 3, UN 2).
      { parent: 'MRP-PM-JAMLIKA', level: 'committee_goal', children: 10 },
    ]);
  });

  it('should show the field workers’ grant as ended with no successor while the project still runs', async () => {
    const [project] = await t.dataSource.query(`SELECT id, status FROM initiatives WHERE code = 'FALTARBETARE'`);

    const lines = await t.dataSource.query(
      `SELECT source_type AS "sourceType", funder, period_end AS "periodEnd", status, coverage_decision AS "coverageDecision",
              successor_funding_id AS "successorFundingId"
         FROM funding_lines WHERE initiative_id = $1`,
      [project.id],
    );

    expect(project.status).toBe('active');
    expect(lines).toEqual([
      {
        sourceType: 'state_grant',
        funder: 'Delegationen mot segregation (Delmos)',
        periodEnd: '2024-12-31',
        status: 'ended',
        coverageDecision: 'undecided',
        successorFundingId: null,
      },
    ]);
  });

  it('should meet the lifecycle guards of each initiative’s status, with one not yet approved lacking a follow-up plan', async () => {
    const rows: {
      code: string;
      status: InitiativeStatus;
      leadDepartmentId: string | null;
      goalCount: number;
      fundingLineCount: number;
      hasFollowUpPlan: boolean;
      startDate: string | null;
    }[] = await t.dataSource.query(
      `SELECT i.code, i.status, i.lead_department_id AS "leadDepartmentId", i.start_date AS "startDate",
                i.follow_up_plan IS NOT NULL AS "hasFollowUpPlan",
                (SELECT count(*)::int FROM initiative_goals g WHERE g.initiative_id = i.id) AS "goalCount",
                (SELECT count(*)::int FROM funding_lines f WHERE f.initiative_id = i.id) AS "fundingLineCount"
           FROM initiatives i ORDER BY i.code`,
    );

    const unmet = rows.filter((r) => unmetGuards(r.status, r).length > 0).map((r) => r.code);
    const unplanned = rows.filter((r) => (r.status === 'draft' || r.status === 'proposed') && !r.hasFollowUpPlan);

    expect(unmet).toEqual([]);
    expect(unplanned.length).toBeGreaterThan(0);
  });

  it('should record each row it created in the audit trail as created by the seed, in the same transaction, when it loads the register', async () => {
    const events: {
      entityType: string;
      events: number;
      actors: string[];
      actions: string[];
      requests: number;
      transactions: number;
    }[] = await t.dataSource.query(
      `SELECT entity_type AS "entityType", count(*)::int AS events,
              array_agg(DISTINCT actor_kind || ':' || actor_id || ':' || actor_name) AS actors,
              array_agg(DISTINCT action) AS actions, count(request_id)::int AS requests,
              count(DISTINCT occurred_at)::int AS transactions
         FROM audit_events GROUP BY entity_type ORDER BY entity_type`,
    );

    const expected: Record<string, number> = {
      department: firstRun.departments,
      district: firstRun.districts,
      effect_link: firstRun.effectLinks,
      effect_node: firstRun.effectNodes,
      funding_line: firstRun.fundingLines,
      goal: firstRun.goals,
      indicator: firstRun.indicators,
      indicator_effect_node: firstRun.indicatorLinks,
      indicator_value: firstRun.indicatorValues,
      initiative: firstRun.initiatives,
      portfolio_decision: firstRun.portfolioDecisions,
      portfolio_review: firstRun.portfolioReviews,
      reporting_round: firstRun.reportingRounds,
      status_report: firstRun.statusReports,
      target_group: firstRun.targetGroups,
    };
    expect(Object.fromEntries(events.map((e) => [e.entityType, e.events]))).toEqual(expected);
    const { actor } = DEMO_SEED_ACTOR;
    for (const e of events) {
      expect(e).toMatchObject({
        actors: [`system:${actor.id}:${actor.name}`],
        actions: ['create'],
        requests: 0,
        transactions: 1,
      });
    }
  });

  it('should show the seed creating SSPF with its links and its funding lines when SSPF’s history is read', async () => {
    const [sspf] = await t.dataSource.query(`SELECT id FROM initiatives WHERE code = 'SSPF'`);
    const [{ lines }] = await t.dataSource.query(
      `SELECT count(*)::int AS lines FROM funding_lines WHERE initiative_id = $1`,
      [sspf.id],
    );
    const reader = await t.as({ role: 'auditor', sub: 'demo-history-reader' });

    const res = await reader.get(api(`/initiatives/${sspf.id}/history`)).query({ limit: 200 });

    expect(res.status).toBe(200);
    type Event = {
      action: string;
      entityType: string;
      actorKind: string;
      actorId: string;
      actorName: string;
      changes: Record<string, { after?: unknown }>;
    };
    const byType = (type: string) => (res.body.items as Event[]).filter((e) => e.entityType === type);
    expect(byType('funding_line')).toHaveLength(lines);
    const [created] = byType('initiative');
    expect(created).toMatchObject({
      action: 'create',
      actorKind: 'system',
      actorId: 'samla-demo-seed',
      actorName: 'Demodata (seed)',
    });
    expect(created.changes).toMatchObject({ code: { after: 'SSPF' }, status: { after: 'active' } });
    expect(created.changes.participants.after).toHaveLength(4);
    expect(created.changes.goalIds.after).toHaveLength(4);
    expect(created.changes.leadDepartmentCode).toBeUndefined();
  });

  it('should insert nothing, touch no row and record nothing when it runs a second time', async () => {
    const stampsBefore = await rowStamps(t.dataSource);
    const linksBefore = await rowCounts(t.dataSource, [...LINK_TABLES, 'audit_events']);

    const secondRun = await seedDemo(t.dataSource);

    expect(Object.values(secondRun).every((n) => n === 0)).toBe(true);
    expect(await rowStamps(t.dataSource)).toEqual(stampsBefore);
    expect(await rowCounts(t.dataSource, [...LINK_TABLES, 'audit_events'])).toEqual(linksBefore);
  });

  it('should find SSPF with its partners and links through the API when searching for it', async () => {
    const res = await t.admin.get(api('/initiatives')).query({ q: 'SSPF' });

    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(['SSPF']);
    expect(res.body.items[0]).toMatchObject({
      status: 'active',
      kind: 'method',
      processOwner: { email: 'samordnare.sspf@trollhattan.se' },
      targetGroupCodes: ['UNGA-12-17', 'UNGA-RISK-12-18'],
      annualCostSek: 1_800_000,
    });
    expect(res.body.items[0].participants).toHaveLength(4);
    expect(res.body.items[0].goalIds).toHaveLength(4);
  });

  it('should find the field-worker project by a Swedish word of its title', async () => {
    const res = await t.admin.get(api('/initiatives')).query({ q: 'fältarbetare' });

    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toContain('FALTARBETARE');
  });
});

/** The day the demo data describes: its dates are written as seen from late November 2026. */
const DEMO_TODAY = '2026-11-23';

describe('Trollhättan demo seed scanned as of the demo’s today', () => {
  let t: TestApp;
  let scans: INestApplicationContext;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.dataSource);
    const moduleRef = await Test.createTestingModule({
      imports: [CommonModule.forRoot(), DatabaseModule.forRoot(ENTITIES), AlertScansModule],
    }).compile();
    scans = await moduleRef.createNestApplication({ bufferLogs: true }).init();
    await scans.get(AlertScansService).runAll(DEMO_TODAY);
  });
  afterAll(async () => {
    await scans.close();
    await t.close();
  });

  const alertsOf = (kind: string): Promise<{ code: string; funder: string; severity: string }[]> =>
    t.dataSource.query(
      `SELECT i.code, f.funder, a.severity FROM alerts a JOIN initiatives i ON i.id = a.initiative_id JOIN funding_lines f ON f.id = a.funding_id
        WHERE a.kind = $1 ORDER BY 1, 2`,
      [kind],
    );

  it('should flag the field workers’ ended grant as critical while the project runs on', async () => {
    expect(await alertsOf('grant_expired_initiative_active')).toEqual([
      { code: 'FALTARBETARE', funder: 'Delegationen mot segregation (Delmos)', severity: 'critical' },
    ]);
  });

  it('should flag every granted temporary grant of a running initiative within a year of its end with nothing decided', async () => {
    const yearAhead = '2027-11-23';
    const expected = DEMO_INITIATIVES.filter((i) => ['approved', 'active'].includes(i.status))
      .flatMap((i) => i.funding.map((line) => ({ code: i.code, line })))
      .filter(
        ({ line }) =>
          line.sourceType !== 'ordinary_budget' &&
          line.status === 'granted' &&
          (line.coverageDecision ?? 'undecided') === 'undecided',
      )
      .filter(({ line }) => !line.successor && line.periodEnd >= DEMO_TODAY && line.periodEnd <= yearAhead)
      .map(({ code, line }) => ({ code, funder: line.funder }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.funder.localeCompare(b.funder));

    const flagged = await alertsOf('grant_expiring');

    expect(expected.length).toBeGreaterThan(0);
    expect(flagged.map(({ code, funder }) => ({ code, funder }))).toEqual(expected);
  });

  it('should flag the returned August report as overdue, and no running initiative as lacking a follow-up plan', async () => {
    const rows = await t.dataSource.query(
      `SELECT a.kind, i.code, a.severity FROM alerts a JOIN initiatives i ON i.id = a.initiative_id
        WHERE a.kind IN ('follow_up_overdue', 'follow_up_plan_missing') ORDER BY 1, 2`,
    );

    // 2026-09-15 to 2026-11-23 is 69 days: past the 30 after which a missing report is critical.
    expect(rows).toEqual([{ kind: 'follow_up_overdue', code: 'FALTARBETARE', severity: 'critical' }]);
  });

  it('should find a baseline for every indicator Framtidscentrum follows, active since 2021, and miss one removed', async () => {
    const flagged = () =>
      t.dataSource.query(
        `SELECT i.code FROM alerts a JOIN initiatives i ON i.id = a.initiative_id WHERE a.kind = 'baseline_missing' AND a.status <> 'resolved'`,
      );
    expect(await flagged()).toEqual([]);

    // The last test of this block: it changes the seeded data, to show the scan does look at the demo's plans.
    await t.dataSource.query(
      `DELETE FROM indicator_values WHERE kind = 'baseline' AND indicator_id = (SELECT id FROM indicators WHERE code = 'UNGA-UVAS')`,
    );
    await scans.get(AlertScansService).runAll(DEMO_TODAY);

    expect(await flagged()).toEqual([{ code: 'FRAMTIDSCENTRUM' }]);
  });
});

describe('Trollhättan demo seed on a database that is not empty', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(
      dataSourceOptions({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: 2 }, ENTITIES),
    ).initialize();
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('should leave a row as it is when its code is already taken', async () => {
    await dataSource.query(
      `INSERT INTO departments (code, name, kind) VALUES ('ASF', 'Socialförvaltningen (eget namn)', 'administration')`,
    );

    const result = await seedDemo(dataSource);

    const [asf] = await dataSource.query(`SELECT name, version FROM departments WHERE code = 'ASF'`);
    expect(asf).toEqual({ name: 'Socialförvaltningen (eget namn)', version: 1 });
    expect(result.departments).toBe(DEMO_DEPARTMENTS.length - 1);
    const [{ led }] = await dataSource.query(
      `SELECT count(*)::int AS led FROM initiatives i JOIN departments d ON d.id = i.lead_department_id WHERE d.code = 'ASF'`,
    );
    expect(led).toBe(DEMO_INITIATIVES.filter((i) => i.leadDepartmentCode === 'ASF').length);
  });

  it('should leave a priority area’s effect logic as users made it, and skip an initiative no longer linked to its area', async () => {
    await seedDemo(dataSource);
    await dataSource.query(`DELETE FROM effect_nodes`);
    await dataSource.query(
      `INSERT INTO effect_nodes (level, title, goal_id) SELECT 'impact', 'Eget mål för området', id FROM goals WHERE code = 'FP-3'`,
    );
    await dataSource.query(
      `DELETE FROM initiative_goals WHERE initiative_id = (SELECT id FROM initiatives WHERE code = 'FRAMTIDSCENTRUM')
          AND goal_id = (SELECT id FROM goals WHERE code = 'FP-1')`,
    );

    const result = await seedDemo(dataSource);

    const owners: { owner: string; nodes: number }[] = await dataSource.query(
      `SELECT coalesce(g.code, i.code) AS owner, count(*)::int AS nodes
         FROM effect_nodes n LEFT JOIN goals g ON g.id = n.goal_id LEFT JOIN initiatives i ON i.id = n.initiative_id
        GROUP BY 1 ORDER BY 1`,
    );
    expect(owners).toEqual([
      { owner: 'FORALDRASKAPSSTOD', nodes: 2 },
      { owner: 'FP-1', nodes: 3 },
      { owner: 'FP-2', nodes: 3 },
      { owner: 'FP-3', nodes: 1 },
      { owner: 'FP-4', nodes: 3 },
      { owner: 'FP-5', nodes: 3 },
    ]);
    expect(result).toMatchObject({ effectNodes: 14, reportingRounds: 0, statusReports: 0 });
  });

  it('should write nothing at all when a write fails part-way', async () => {
    await dataSource.query(`
      CREATE FUNCTION refuse_funding() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;
      CREATE TRIGGER refuse_funding BEFORE INSERT ON funding_lines FOR EACH ROW EXECUTE FUNCTION refuse_funding();`);

    await expect(seedDemo(dataSource)).rejects.toThrow('refused by test');

    const tables = [...VERSIONED_TABLES, ...LINK_TABLES, 'audit_events'];
    expect(await rowCounts(dataSource, tables)).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
  });
});
