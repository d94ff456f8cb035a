import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AlertEntity } from '#alerts';
import { FundingLineEntity } from '#funding';
import { GoalEntity } from '#goals';
import { InitiativeEntity, InitiativeParticipantEntity, type FollowUpPlan } from '#portfolio';
import { DepartmentEntity, DistrictEntity, TargetGroupEntity } from '#reference-data';

/**
 * Builders that write rows straight to the database, for arranging a test without going through endpoints that
 * are not under test. Every builder takes overrides; codes are unique per call.
 */
// Six random bytes: with three, a suite writing a few thousand initiatives to one database hit a duplicate code
// about once in ten runs (the birthday bound), failing a unique constraint no test was about.
export const uniqueCode = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex').toUpperCase()}`;

export function givenDepartment(ds: DataSource, overrides: Partial<DepartmentEntity> = {}) {
  const repo = ds.getRepository(DepartmentEntity);
  return repo.save(
    repo.create({
      code: uniqueCode('DEP'),
      name: 'Testförvaltningen',
      kind: 'administration',
      parentId: null,
      ...overrides,
    }),
  );
}

export function givenTargetGroup(ds: DataSource, overrides: Partial<TargetGroupEntity> = {}) {
  const repo = ds.getRepository(TargetGroupEntity);
  return repo.save(repo.create({ code: uniqueCode('TG'), name: 'Unga 16–24', ...overrides }));
}

export function givenDistrict(ds: DataSource, overrides: Partial<DistrictEntity> = {}) {
  const repo = ds.getRepository(DistrictEntity);
  return repo.save(repo.create({ code: uniqueCode('DIST'), name: 'Kronogården', ...overrides }));
}

export function givenGoal(ds: DataSource, overrides: Partial<GoalEntity> = {}) {
  const repo = ds.getRepository(GoalEntity);
  return repo.save(
    repo.create({
      code: uniqueCode('G'),
      title: 'Testmål',
      level: 'priority_area',
      framework: 'Färdplan för social hållbarhet',
      parentId: null,
      ...overrides,
    }),
  );
}

export async function givenInitiative(
  ds: DataSource,
  overrides: Partial<InitiativeEntity> = {},
  links: {
    goalIds?: string[];
    targetGroupIds?: string[];
    districtIds?: string[];
    participants?: Partial<InitiativeParticipantEntity>[];
  } = {},
) {
  const repo = ds.getRepository(InitiativeEntity);
  // An approved or active initiative has a follow-up plan (the lifecycle guard), unless the test says otherwise.
  const status = overrides.status ?? 'draft';
  const plan: FollowUpPlan = {
    method: 'Lägesrapport',
    frequency: 'quarterly',
    responsible: 'Processägaren',
    firstReportDue: null,
    indicatorIds: [],
  };
  const followUpPlan = status === 'approved' || status === 'active' ? plan : null;
  const initiative = await repo.save(
    repo.create({
      code: uniqueCode('INI'),
      title: 'Testinsats',
      kind: 'project',
      status,
      summary: null,
      followUpPlan,
      ...overrides,
    }),
  );
  const insertLinks = (table: string, column: string, ids: string[] = []) =>
    ids.length
      ? ds.query(`INSERT INTO ${table} (initiative_id, ${column}) SELECT $1, unnest($2::uuid[])`, [initiative.id, ids])
      : undefined;
  await insertLinks('initiative_goals', 'goal_id', links.goalIds);
  await insertLinks('initiative_target_groups', 'target_group_id', links.targetGroupIds);
  await insertLinks('initiative_districts', 'district_id', links.districtIds);
  for (const p of links.participants ?? []) {
    await ds
      .getRepository(InitiativeParticipantEntity)
      .insert({ role: 'partner', responsibility: null, ...p, initiativeId: initiative.id });
  }
  return initiative;
}

export function givenFundingLine(ds: DataSource, initiativeId: string, overrides: Partial<FundingLineEntity> = {}) {
  const repo = ds.getRepository(FundingLineEntity);
  return repo.save(
    repo.create({
      initiativeId,
      sourceType: 'state_grant',
      funder: 'Länsstyrelsen Västra Götaland',
      amountSek: 1_200_000,
      periodStart: '2024-01-01',
      periodEnd: '2025-06-30',
      status: 'granted',
      ...overrides,
    }),
  );
}

/** An alert as a scan would have raised it, written directly (the scans are under test elsewhere). */
export function givenAlert(ds: DataSource, initiativeId: string | null, overrides: Partial<AlertEntity> = {}) {
  const repo = ds.getRepository(AlertEntity);
  const kind = overrides.kind ?? 'grant_expiring';
  return repo.save(
    repo.create({
      kind,
      severity: 'warning',
      status: 'open',
      dedupeKey: uniqueCode(`${kind}:test`),
      initiativeId,
      departmentId: null,
      title: 'Testlarm',
      detail: 'Testlarm för en insats.',
      dueDate: null,
      amountSek: null,
      lastSeenOn: '2026-01-02',
      ...overrides,
    }),
  );
}
