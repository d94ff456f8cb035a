import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AlertScansModule, AlertScansService } from '#alerts';
import { CommonModule } from '#common';
import { DatabaseModule, dataSourceOptions } from '#database';
import { createTestDatabase, type TestDatabase } from '#database/testing';
import { unmetGuards, type InitiativeStatus } from '#portfolio';
import { seedDemo, type DemoSeedResult } from '../libs/database/src/seeds/demo-seed.js';
import { DEMO_DEPARTMENTS, DEMO_GOALS, DEMO_INITIATIVES, DEMO_TARGET_GROUPS } from '../libs/database/src/seeds/trollhattan.demo.js';
import { api, createTestApp, request, rowCounts, type TestApp } from './support/test-app.js';

const VERSIONED_TABLES = ['departments', 'goals', 'districts', 'target_groups', 'initiatives', 'funding_lines'];
const LINK_TABLES = ['initiative_participants', 'initiative_goals', 'initiative_target_groups', 'initiative_districts'];

/** Every seeded row's version and updated_at, to prove a second run touched none of them. */
function rowStamps(dataSource: DataSource) {
  return dataSource.query(
    VERSIONED_TABLES.map((t) => `SELECT '${t}' AS "table", id, version, updated_at AS "updatedAt" FROM ${t}`).join(' UNION ALL ') + ' ORDER BY 1, 2',
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
    const fundingLines = new Set(DEMO_INITIATIVES.flatMap((i) => i.funding.flatMap((line) => [line, ...(line.successor ? [line.successor] : [])]))).size;
    const expected = {
      departments: DEMO_DEPARTMENTS.length,
      goals: DEMO_GOALS.length,
      districts: 8,
      targetGroups: DEMO_TARGET_GROUPS.length,
      initiatives: 8,
      participants: DEMO_INITIATIVES.reduce((n, i) => n + i.participants.length, 0),
      fundingLines,
    };

    const counts = await rowCounts(t.dataSource, ['departments', 'goals', 'districts', 'target_groups', 'initiatives', 'initiative_participants', 'funding_lines']);

    expect(firstRun).toEqual(expected);
    expect(counts).toEqual({
      departments: expected.departments,
      goals: expected.goals,
      districts: expected.districts,
      target_groups: expected.targetGroups,
      initiatives: expected.initiatives,
      initiative_participants: expected.participants,
      funding_lines: expected.fundingLines,
    });
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
    const rows: { code: string; status: InitiativeStatus; leadDepartmentId: string | null; goalCount: number; fundingLineCount: number; hasFollowUpPlan: boolean; startDate: string | null }[] =
      await t.dataSource.query(
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

  it('should insert nothing and touch no row when it runs a second time', async () => {
    const stampsBefore = await rowStamps(t.dataSource);
    const linksBefore = await rowCounts(t.dataSource, LINK_TABLES);

    const secondRun = await seedDemo(t.dataSource);

    expect(Object.values(secondRun).every((n) => n === 0)).toBe(true);
    expect(await rowStamps(t.dataSource)).toEqual(stampsBefore);
    expect(await rowCounts(t.dataSource, LINK_TABLES)).toEqual(linksBefore);
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
    expect(res.body.items[0].goalIds).toHaveLength(3);
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
    const moduleRef = await Test.createTestingModule({ imports: [CommonModule.forRoot(), DatabaseModule, AlertScansModule] }).compile();
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
      .filter(({ line }) => line.sourceType !== 'ordinary_budget' && line.status === 'granted' && (line.coverageDecision ?? 'undecided') === 'undecided')
      .filter(({ line }) => !line.successor && line.periodEnd >= DEMO_TODAY && line.periodEnd <= yearAhead)
      .map(({ code, line }) => ({ code, funder: line.funder }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.funder.localeCompare(b.funder));

    const flagged = await alertsOf('grant_expiring');

    expect(expected.length).toBeGreaterThan(0);
    expect(flagged.map(({ code, funder }) => ({ code, funder }))).toEqual(expected);
  });
});

describe('Trollhättan demo seed on a database that is not empty', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeEach(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: 2 })).initialize();
  });
  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('should leave a row as it is when its code is already taken', async () => {
    await dataSource.query(`INSERT INTO departments (code, name, kind) VALUES ('ASF', 'Socialförvaltningen (eget namn)', 'administration')`);

    const result = await seedDemo(dataSource);

    const [asf] = await dataSource.query(`SELECT name, version FROM departments WHERE code = 'ASF'`);
    expect(asf).toEqual({ name: 'Socialförvaltningen (eget namn)', version: 1 });
    expect(result.departments).toBe(DEMO_DEPARTMENTS.length - 1);
    const [{ led }] = await dataSource.query(
      `SELECT count(*)::int AS led FROM initiatives i JOIN departments d ON d.id = i.lead_department_id WHERE d.code = 'ASF'`,
    );
    expect(led).toBe(DEMO_INITIATIVES.filter((i) => i.leadDepartmentCode === 'ASF').length);
  });

  it('should write nothing at all when a write fails part-way', async () => {
    await dataSource.query(`
      CREATE FUNCTION refuse_funding() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;
      CREATE TRIGGER refuse_funding BEFORE INSERT ON funding_lines FOR EACH ROW EXECUTE FUNCTION refuse_funding();`);

    await expect(seedDemo(dataSource)).rejects.toThrow('refused by test');

    expect(await rowCounts(dataSource, [...VERSIONED_TABLES, ...LINK_TABLES])).toEqual(
      Object.fromEntries([...VERSIONED_TABLES, ...LINK_TABLES].map((table) => [table, 0])),
    );
  });
});
