import { In, type DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { FundingLineEntity } from '#funding';
import { GoalEntity } from '#goals';
import { InitiativeEntity, InitiativeParticipantEntity } from '#portfolio';
import { DepartmentEntity, DistrictEntity, TargetGroupEntity } from '#reference-data';
import {
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_GOALS,
  DEMO_INITIATIVES,
  DEMO_TARGET_GROUPS,
  type DemoFundingLine,
  type DemoInitiative,
} from './trollhattan.demo.js';

/** How many rows of each kind one run inserted; all zero when the demo data was already there. */
export type DemoSeedResult = {
  departments: number;
  goals: number;
  districts: number;
  targetGroups: number;
  initiatives: number;
  participants: number;
  fundingLines: number;
};

// Two seeds started at once (two replicas booting the demo) would otherwise both miss a code and one would fail
// on the unique index; the second now waits and finds everything there.
const SEED_LOCK = 4_711_002;

/**
 * Loads the Trollhättan demo data in one transaction. Everything is keyed by its natural code and only what is
 * missing is inserted; an existing row is never touched, so a second run changes nothing.
 *
 * An initiative is written whole or not at all: its participants, links and funding lines go in only with the
 * initiative itself. `npm run demo` seeds at every start, and a demo user who has since removed a goal link or
 * renamed a grant's decision reference must not find it back (or doubled) behind an unchanged version.
 */
export function seedDemo(dataSource: DataSource): Promise<DemoSeedResult> {
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);

    const departments = await insertMissing(em, DepartmentEntity, DEMO_DEPARTMENTS, (d, ids) => ({
      code: d.code,
      name: d.name,
      kind: d.kind,
      parentId: d.parentCode ? ids.idOf(d.parentCode) : null,
      headEmail: d.headEmail ?? null,
    }));
    const goals = await insertMissing(em, GoalEntity, DEMO_GOALS, (g, ids) => ({
      code: g.code,
      title: g.title,
      description: g.description ?? null,
      level: g.level,
      framework: g.framework,
      parentId: g.parentCode ? ids.idOf(g.parentCode) : null,
      validFrom: g.validFrom ?? null,
      validTo: g.validTo ?? null,
    }));
    const districts = await insertMissing(em, DistrictEntity, DEMO_DISTRICTS, (d) => ({ code: d.code, name: d.name }));
    const targetGroups = await insertMissing(em, TargetGroupEntity, DEMO_TARGET_GROUPS, (t) => ({ code: t.code, name: t.name }));

    const refs: References = { departments, goals, districts, targetGroups };
    const existing = await em.getRepository(InitiativeEntity).find({ select: { code: true }, where: { code: In(DEMO_INITIATIVES.map((i) => i.code)) } });
    const present = new Set(existing.map((i) => i.code));
    let participants = 0;
    let fundingLines = 0;
    const missing = DEMO_INITIATIVES.filter((i) => !present.has(i.code));
    for (const initiative of missing) {
      const written = await insertInitiative(em, initiative, refs);
      participants += written.participants;
      fundingLines += written.fundingLines;
    }

    return {
      departments: departments.inserted,
      goals: goals.inserted,
      districts: districts.inserted,
      targetGroups: targetGroups.inserted,
      initiatives: missing.length,
      participants,
      fundingLines,
    };
  });
}

type CodeIds = { idOf: (code: string) => string; inserted: number };
type References = { departments: CodeIds; goals: CodeIds; districts: CodeIds; targetGroups: CodeIds };
type CodedEntity = { id: string; code: string };

/**
 * Inserts the items whose code is not in the table yet, in the given order, so an item may refer to one listed
 * before it (a unit to its administration, a goal to its parent) through `idOf`.
 */
async function insertMissing<E extends CodedEntity, T extends { code: string }>(
  em: EntityManager,
  entity: EntityTarget<E>,
  items: readonly T[],
  toRow: (item: T, ids: CodeIds) => QueryDeepPartialEntity<E>,
): Promise<CodeIds> {
  const repo = em.getRepository(entity);
  const where = { code: In(items.map((i) => i.code)) } as FindOptionsWhere<E>;
  const found = await repo.find({ where });
  const ids = new Map(found.map((row) => [row.code, row.id]));
  const result: CodeIds = {
    inserted: 0,
    idOf: (code) => {
      const id = ids.get(code);
      if (!id) throw new Error(`The demo data refers to ${repo.metadata.tableName} code ${code}, which it does not define (or defines later).`);
      return id;
    },
  };
  for (const item of items) {
    if (ids.has(item.code)) continue;
    const { identifiers } = await repo.insert(toRow(item, result));
    ids.set(item.code, identifiers[0].id as string);
    result.inserted++;
  }
  return result;
}

async function insertInitiative(em: EntityManager, initiative: DemoInitiative, refs: References) {
  const { identifiers } = await em.getRepository(InitiativeEntity).insert({
    code: initiative.code,
    title: initiative.title,
    summary: initiative.summary,
    kind: initiative.kind,
    status: initiative.status,
    leadDepartmentId: refs.departments.idOf(initiative.leadDepartmentCode),
    processOwner: initiative.processOwner,
    startDate: initiative.startDate,
    endDate: initiative.endDate,
    annualCostSek: initiative.annualCostSek,
    evidenceBase: initiative.evidenceBase,
    budgetProjectCode: initiative.budgetProjectCode,
    followUpPlan: initiative.followUpPlan,
  });
  const initiativeId = identifiers[0].id as string;

  if (initiative.participants.length > 0) {
    await em.getRepository(InitiativeParticipantEntity).insert(
      initiative.participants.map((p) => ({
        initiativeId,
        departmentId: refs.departments.idOf(p.departmentCode),
        role: p.role,
        responsibility: p.responsibility,
      })),
    );
  }
  const link = async (relation: 'goals' | 'targetGroups' | 'districts', ids: string[]) => {
    if (ids.length > 0) await em.createQueryBuilder().relation(InitiativeEntity, relation).of(initiativeId).add(ids);
  };
  await link('goals', initiative.goalCodes.map(refs.goals.idOf));
  await link('targetGroups', initiative.targetGroupCodes.map(refs.targetGroups.idOf));
  await link('districts', initiative.districtCodes.map(refs.districts.idOf));

  return { participants: initiative.participants.length, fundingLines: await insertFundingLines(em, initiativeId, initiative.funding) };
}

/** A successor is inserted before the line it takes over from, so that line can point at it. */
async function insertFundingLines(em: EntityManager, initiativeId: string, lines: readonly DemoFundingLine[]): Promise<number> {
  const repo = em.getRepository(FundingLineEntity);
  const ids = new Map<DemoFundingLine, string>();
  const insert = async (line: DemoFundingLine): Promise<string> => {
    const known = ids.get(line);
    if (known) return known;
    const { successor, ...fields } = line;
    const successorFundingId = successor ? await insert(successor) : null;
    const { identifiers } = await repo.insert({ ...fields, initiativeId, successorFundingId });
    const id = identifiers[0].id as string;
    ids.set(line, id);
    return id;
  };
  for (const line of lines) await insert(line);
  return ids.size;
}
