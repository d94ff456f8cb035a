import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { execute, queryRows } from '#common';
import { DEFAULT_SCOPE_STATUSES, ReportingRoundEntity, StatusReportEntity } from '#follow-up';
import { FundingLineEntity } from '#funding';
import { GoalEntity } from '#goals';
import { recordAuditEvents, type AuditContext, type AuditedChange } from '#identity';
import { auditedInitiative, buildInitiativeListSql, InitiativeEntity, InitiativeParticipantEntity } from '#portfolio';
import { PortfolioDecisionEntity, PortfolioReviewEntity } from '#portfolio-review';
import { DepartmentEntity, DistrictEntity, TargetGroupEntity } from '#reference-data';
import {
  canonicalCell,
  EffectLinkEntity,
  EffectNodeEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  periodRange,
} from '#results';
import {
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_EFFECT_LOGIC,
  DEMO_GOALS,
  DEMO_INDICATORS,
  DEMO_INITIATIVES,
  DEMO_PORTFOLIO_REVIEWS,
  DEMO_REPORTING_ROUNDS,
  DEMO_TARGET_GROUPS,
  type DemoEffectNode,
  type DemoFollowUpPlan,
  type DemoFundingLine,
  type DemoInitiative,
} from './trollhattan.demo.js';
import {
  CREATED_EFFECT_LINKS_SQL,
  DEMO_CHAIN_OWNERS_SQL,
  EXISTING_REVIEWS_SQL,
  EXISTING_ROUNDS_SQL,
  GOALS_WITH_NODES_SQL,
  INSERT_DEMO_DECISIONS_SQL,
  INSERT_DEMO_STATUS_REPORTS_SQL,
  LINK_DEMO_INDICATORS_SQL,
  SEED_LOCK_SQL,
} from './demo-seed.sql.js';

/** How many rows of each kind one run inserted; all zero when the demo data was already there. */
export type DemoSeedResult = {
  departments: number;
  goals: number;
  districts: number;
  targetGroups: number;
  initiatives: number;
  participants: number;
  fundingLines: number;
  effectNodes: number;
  effectLinks: number;
  indicators: number;
  indicatorValues: number;
  indicatorLinks: number;
  reportingRounds: number;
  statusReports: number;
  portfolioReviews: number;
  portfolioDecisions: number;
};

/** Who the audit trail says created the demo's rows: the seed itself, not a person. */
export const DEMO_SEED_ACTOR: AuditContext = {
  actor: { kind: 'system', id: 'samla-demo-seed', name: 'Demodata (seed)' },
  requestId: null,
};

// Two seeds started at once (two replicas booting the demo) would otherwise both miss a code and one would fail
// on the unique index; the second now waits and finds everything there.
const SEED_LOCK = 4_711_002;

/**
 * Loads the Trollhättan demo data in one transaction. Everything is keyed by its natural code and only what is
 * missing is inserted; an existing row is never touched, so a second run changes nothing. Every row inserted is
 * recorded in the audit trail as created by DEMO_SEED_ACTOR, in the same transaction, so the demo's initiatives have
 * a history like any other.
 *
 * An initiative is written whole or not at all: its participants, links and funding lines go in only with the
 * initiative itself. `npm run demo` seeds at every start, and a demo user who has since removed a goal link or
 * renamed a grant's decision reference must not find it back (or doubled) behind an unchanged version.
 */
export function seedDemo(dataSource: DataSource): Promise<DemoSeedResult> {
  return dataSource.transaction(async (em) => {
    await execute(em, SEED_LOCK_SQL, [SEED_LOCK]);

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
    const targetGroups = await insertMissing(em, TargetGroupEntity, DEMO_TARGET_GROUPS, (t) => ({
      code: t.code,
      name: t.name,
    }));

    const indicators = await insertMissing(em, IndicatorEntity, DEMO_INDICATORS, (d) => ({
      code: d.code,
      name: d.name,
      unit: d.unit,
      direction: d.direction,
      source: 'kolada' as const,
      breakdowns: d.breakdowns,
      koladaKpis: d.koladaKpis,
      ownerDepartmentId: departments.idOf(d.ownerDepartmentCode),
    }));
    const indicatorValueIds = await insertIndicatorValues(em, indicators);

    const refs: References = { departments, goals, districts, targetGroups, indicators };
    const existing = await em
      .getRepository(InitiativeEntity)
      .find({ select: { code: true }, where: { code: In(DEMO_INITIATIVES.map((i) => i.code)) } });
    const present = new Set(existing.map((i) => i.code));
    let participants = 0;
    const initiativeIds: string[] = [];
    const fundingLineIds: string[] = [];
    const missing = DEMO_INITIATIVES.filter((i) => !present.has(i.code));
    for (const initiative of missing) {
      const written = await insertInitiative(em, initiative, refs);
      initiativeIds.push(written.id);
      participants += initiative.participants.length;
      fundingLineIds.push(...written.fundingLineIds);
    }

    const effectLogic = await insertEffectLogic(em, goals);
    const indicatorLinks = await linkIndicators(em, indicators);
    const rounds = await insertReportingRounds(em);
    const reviews = await insertPortfolioReviews(em);

    const codedIds = (codes: CodeIds) => codes.inserted.map(codes.idOf);
    await recordAuditEvents(em, DEMO_SEED_ACTOR, [
      ...(await createdRows(em, DepartmentEntity, 'department', codedIds(departments))),
      ...(await createdRows(em, GoalEntity, 'goal', codedIds(goals))),
      ...(await createdRows(em, DistrictEntity, 'district', codedIds(districts))),
      ...(await createdRows(em, TargetGroupEntity, 'target_group', codedIds(targetGroups))),
      ...(await createdRows(em, IndicatorEntity, 'indicator', codedIds(indicators))),
      ...(await createdRows(em, IndicatorValueEntity, 'indicator_value', indicatorValueIds)),
      ...(await createdInitiatives(em, initiativeIds)),
      ...(await createdRows(em, FundingLineEntity, 'funding_line', fundingLineIds)),
      ...(await createdRows(em, EffectNodeEntity, 'effect_node', effectLogic.nodeIds)),
      ...(await createdEffectLinks(em, effectLogic.linkIds)),
      ...indicatorLinks,
      ...(await createdRows(em, ReportingRoundEntity, 'reporting_round', rounds.roundIds)),
      ...(await createdRows(em, StatusReportEntity, 'status_report', rounds.statusReportIds)),
      ...(await createdRows(em, PortfolioReviewEntity, 'portfolio_review', reviews.reviewIds)),
      ...(await createdRows(em, PortfolioDecisionEntity, 'portfolio_decision', reviews.decisionIds)),
    ]);

    return {
      departments: departments.inserted.length,
      goals: goals.inserted.length,
      districts: districts.inserted.length,
      targetGroups: targetGroups.inserted.length,
      initiatives: initiativeIds.length,
      participants,
      fundingLines: fundingLineIds.length,
      effectNodes: effectLogic.nodeIds.length,
      effectLinks: effectLogic.linkIds.length,
      indicators: indicators.inserted.length,
      indicatorValues: indicatorValueIds.length,
      indicatorLinks: indicatorLinks.length,
      reportingRounds: rounds.roundIds.length,
      statusReports: rounds.statusReportIds.length,
      portfolioReviews: reviews.reviewIds.length,
      portfolioDecisions: reviews.decisionIds.length,
    };
  });
}

/** Creation events for rows this run inserted, as stored (defaults included), each tied to its initiative if it has one. */
async function createdRows<E extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  entity: EntityTarget<E>,
  entityType: string,
  ids: string[],
): Promise<AuditedChange[]> {
  if (ids.length === 0) return [];
  const rows = await em.getRepository(entity).findBy({ id: In(ids) } as FindOptionsWhere<E>);
  return rows.map((row) => ({
    action: 'create',
    entityType,
    entityId: row.id,
    initiativeId: (row.initiativeId as string | null | undefined) ?? null,
    after: row,
  }));
}

/** Initiatives as the API records their creation: in their API shape, links included. */
async function createdInitiatives(em: EntityManager, ids: string[]): Promise<AuditedChange[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows(em, buildInitiativeListSql({ ids }, { sort: [], limit: ids.length, offset: 0 }));
  return rows.map(({ total: _total, ...initiative }) => ({
    action: 'create',
    entityType: 'initiative',
    entityId: initiative.id,
    initiativeId: initiative.id,
    after: auditedInitiative(initiative),
  }));
}

/** Effect links as the API records them: the two ends, tied to the initiative whose chain the link starts in. */
async function createdEffectLinks(em: EntityManager, ids: string[]): Promise<AuditedChange[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows(em, CREATED_EFFECT_LINKS_SQL, [ids]);
  return rows.map(({ id, initiativeId, ...ends }) => ({
    action: 'create',
    entityType: 'effect_link',
    entityId: id,
    initiativeId,
    after: ends,
  }));
}

/** `inserted` lists the codes this run added, in the order of the items. */
type CodeIds = { idOf: (code: string) => string; inserted: string[] };
type References = {
  departments: CodeIds;
  goals: CodeIds;
  districts: CodeIds;
  targetGroups: CodeIds;
  indicators: CodeIds;
};
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
    inserted: [],
    idOf: (code) => {
      const id = ids.get(code);
      if (!id)
        throw new Error(
          `The demo data refers to ${repo.metadata.tableName} code ${code}, which it does not define (or defines later).`,
        );
      return id;
    },
  };
  for (const item of items) {
    if (ids.has(item.code)) continue;
    const { identifiers } = await repo.insert(toRow(item, result));
    ids.set(item.code, identifiers[0].id as string);
    result.inserted.push(item.code);
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
    followUpPlan: initiative.followUpPlan && followUpPlan(initiative.followUpPlan, refs.indicators),
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

  return { id: initiativeId, fundingLineIds: await insertFundingLines(em, initiativeId, initiative.funding) };
}

/** The plan as the initiative keeps it: its indicators by id, resolved now that they are in. */
function followUpPlan({ indicatorCodes, ...plan }: DemoFollowUpPlan, indicators: CodeIds) {
  return { ...plan, indicatorIds: indicatorCodes.map(indicators.idOf) };
}

/**
 * An indicator's baselines, targets and measurements go in with the indicator only, like an initiative's parts: a
 * value a demo user has corrected or deleted since stays as they left it.
 */
async function insertIndicatorValues(em: EntityManager, indicators: CodeIds): Promise<string[]> {
  const rows = DEMO_INDICATORS.filter((d) => indicators.inserted.includes(d.code)).flatMap((d) =>
    d.values.map((v) => {
      if (canonicalCell(v.cell, d.breakdowns).cell !== v.cell)
        throw new Error(`The demo indicator ${d.code} has a value for ${v.cell}, which is not one of its cells.`);
      const { start, end } = periodRange(v.period);
      return {
        indicatorId: indicators.idOf(d.code),
        kind: v.kind,
        period: v.period,
        periodStart: start,
        periodEnd: end,
        cell: v.cell,
        value: v.value,
        persons: v.persons,
      };
    }),
  );
  if (rows.length === 0) return [];
  const { identifiers } = await em.getRepository(IndicatorValueEntity).insert(rows);
  return identifiers.map((i) => i.id as string);
}

/**
 * Links the indicators this run added to the outcomes they measure, answering the links' creation events. Nodes have
 * no natural key, so a node is found by its owner goal and title as DEMO_EFFECT_LOGIC writes them; one a demo user has
 * renamed or removed is not linked.
 */
async function linkIndicators(em: EntityManager, indicators: CodeIds): Promise<AuditedChange[]> {
  const wanted = DEMO_INDICATORS.filter((d) => indicators.inserted.includes(d.code)).flatMap((d) =>
    d.measures.map((key) => {
      const area = DEMO_EFFECT_LOGIC.find((a) => a.nodes.some((n) => n.key === key));
      if (!area)
        throw new Error(`The demo indicator ${d.code} measures ${key}, which no priority area's chain defines.`);
      return {
        indicatorId: indicators.idOf(d.code),
        goalCode: area.goalCode,
        title: area.nodes.find((n) => n.key === key)?.title,
      };
    }),
  );
  if (wanted.length === 0) return [];
  const linked = await queryRows(em, LINK_DEMO_INDICATORS_SQL, [JSON.stringify(wanted)]);
  // As the API records a link: under the node it measures.
  return linked.map(({ indicatorId, effectNodeId, initiativeId }) => ({
    action: 'create',
    entityType: 'indicator_effect_node',
    entityId: effectNodeId,
    initiativeId,
    after: { indicatorId, effectNodeId },
  }));
}

/** A successor is inserted before the line it takes over from, so that line can point at it. */
async function insertFundingLines(
  em: EntityManager,
  initiativeId: string,
  lines: readonly DemoFundingLine[],
): Promise<string[]> {
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
  return [...ids.values()];
}

/**
 * The priority areas' effect logic. Nodes have no natural key, so an owner's chain is the unit: a priority area's
 * chain goes in only while the goal has no node at all (otherwise the area is left as the users made it), and with
 * it the chains of its contributing initiatives that have no node yet and can reach the area through their goal
 * links (the rule the API enforces; a demo user may have unlinked the goal since).
 */
async function insertEffectLogic(em: EntityManager, goals: CodeIds): Promise<{ nodeIds: string[]; linkIds: string[] }> {
  const codes = DEMO_EFFECT_LOGIC.flatMap((area) => area.initiatives.map((i) => i.code));
  const goalIds = DEMO_EFFECT_LOGIC.map((area) => goals.idOf(area.goalCode));
  const initiatives = await queryRows(em, DEMO_CHAIN_OWNERS_SQL, [codes]);
  const goalsWithNodes = new Set((await queryRows(em, GOALS_WITH_NODES_SQL, [goalIds])).map((r) => r.goal_id));

  const nodeIds: string[] = [];
  const linkIds: string[] = [];
  for (const area of DEMO_EFFECT_LOGIC) {
    const goalId = goals.idOf(area.goalCode);
    if (goalsWithNodes.has(goalId)) continue;
    const chains: { owner: { goalId: string } | { initiativeId: string }; nodes: DemoEffectNode[] }[] = [
      { owner: { goalId }, nodes: area.nodes },
    ];
    for (const chain of area.initiatives) {
      const initiative = initiatives.find((i) => i.code === chain.code);
      if (initiative && !initiative.hasNodes && initiative.reach.includes(goalId))
        chains.push({ owner: { initiativeId: initiative.id }, nodes: chain.nodes });
    }
    const rows = chains.flatMap(({ owner, nodes }) =>
      nodes.map((n) => ({ goalId: null, initiativeId: null, ...owner, level: n.level, title: n.title })),
    );
    const { identifiers } = await em.getRepository(EffectNodeEntity).insert(rows);
    const keys = chains.flatMap((c) => c.nodes);
    const idOf = new Map(keys.map((n, i) => [n.key, identifiers[i].id as string]));
    const links = keys.flatMap((n) =>
      (n.leadsTo ?? []).map((to) => ({ fromNodeId: idOf.get(n.key) as string, toNodeId: idOf.get(to) })),
    );
    const missing = links.find((l) => !l.toNodeId);
    if (missing) throw new Error(`The demo effect logic of ${area.goalCode} links to a node it does not define.`);
    const inserted = await em.getRepository(EffectLinkEntity).insert(links);
    nodeIds.push(...identifiers.map((i) => i.id as string));
    linkIds.push(...inserted.identifiers.map((i) => i.id as string));
  }
  return { nodeIds, linkIds };
}

/**
 * The demo's reporting rounds, keyed by title; a round goes in with its status reports or not at all. The reports
 * are written here, the way the round's job would create them (one per initiative in scope, for its lead
 * department), with the answers and decisions the demo shows; initiatives the demo gives no answer stay pending.
 */
async function insertReportingRounds(em: EntityManager): Promise<{ roundIds: string[]; statusReportIds: string[] }> {
  const existing = await queryRows(em, EXISTING_ROUNDS_SQL, [DEMO_REPORTING_ROUNDS.map((r) => r.title)]);
  const missing = DEMO_REPORTING_ROUNDS.filter((round) => !existing.some((e) => e.title === round.title));
  const roundIds: string[] = [];
  const statusReportIds: string[] = [];
  for (const round of missing) {
    const { identifiers } = await em.getRepository(ReportingRoundEntity).insert({
      title: round.title,
      period: round.period,
      dueDate: round.dueDate,
      scopeStatuses: [...DEFAULT_SCOPE_STATUSES],
      scopeDepartmentIds: null,
      createdBy: 'demo-seed',
    });
    const answers = Object.entries(round.reports).map(([code, report]) => ({ code, ...report }));
    const reports = await queryRows(em, INSERT_DEMO_STATUS_REPORTS_SQL, [
      identifiers[0].id,
      [...DEFAULT_SCOPE_STATUSES],
      JSON.stringify(answers),
    ]);
    roundIds.push(identifiers[0].id as string);
    statusReportIds.push(...reports.map((r) => r.id));
  }
  return { roundIds, statusReportIds };
}

/** The demo's past portfolio reviews, keyed by title, each written with its decisions in one statement. */
async function insertPortfolioReviews(em: EntityManager): Promise<{ reviewIds: string[]; decisionIds: string[] }> {
  const existing = await queryRows(em, EXISTING_REVIEWS_SQL, [DEMO_PORTFOLIO_REVIEWS.map((r) => r.title)]);
  const missing = DEMO_PORTFOLIO_REVIEWS.filter((review) => !existing.some((e) => e.title === review.title));
  const reviewIds: string[] = [];
  const decisionIds: string[] = [];
  for (const review of missing) {
    const { identifiers } = await em
      .getRepository(PortfolioReviewEntity)
      .insert({ title: review.title, meetingDate: review.meetingDate, notes: review.notes, createdBy: 'demo-seed' });
    const decisions = await queryRows(em, INSERT_DEMO_DECISIONS_SQL, [
      identifiers[0].id,
      JSON.stringify(review.decisions),
      review.meetingDate,
    ]);
    reviewIds.push(identifiers[0].id as string);
    decisionIds.push(...decisions.map((d) => d.id));
  }
  return { reviewIds, decisionIds };
}
