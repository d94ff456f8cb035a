/**
 * Fills the benchmark database with a large, deterministic portfolio: 40 organisation units, a 200-node goal
 * tree, 20,000 initiatives with their links and 60,000 funding lines (BENCH_FUNDING_LINES; the grant expiry scan
 * benchmark uses 100,000), and the follow-up the portfolio review reads: effect logic with indicators and
 * baselines, reporting rounds with status reports, and alerts. Rows are drawn in JavaScript from a seeded generator (so every run writes the same data)
 * and written one table per statement with unnest().
 *
 *   npm run bench:generate            (BENCH_DATABASE, BENCH_SEED, BENCH_FUNDING_LINES and DATABASE_URL are optional)
 */
import { performance } from 'node:perf_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import type { CoverageDecision, FundingStatus } from '#funding';
import { execute, queryOne, statement, type FundingSourceType } from '#common';
import { dataSourceOptions } from '#database';
import type { GoalLevel } from '#goals';
import type { InitiativeKind, InitiativeStatus } from '#portfolio';
import { BENCH_DATABASE, benchDatabaseUrl, recreateDatabase, TYPICAL } from './bench-database.js';
import * as V from './portfolio-vocabulary.js';

const INITIATIVES = 20_000;
// The initiative list was measured with 60,000; the grant expiry scan benchmark asks for 100,000 (the initiatives
// stay the same rows: funding lines are drawn after them).
const FUNDING_LINES = Number(process.env.BENCH_FUNDING_LINES ?? 60_000);
const SEED = Number(process.env.BENCH_SEED ?? 20_260_101);
// A fixed "today", so the same seed writes the same rows whatever day the generator runs.
const AS_OF = day('2026-11-01');
const TEMPORARY_MONEY = new Set<FundingSourceType>([
  'state_grant',
  'eu_fund',
  'temporary_appropriation',
  'partner_contribution',
  'foundation',
  'other',
]);
const ENDED = new Set<InitiativeStatus>(['completed', 'integrated', 'discontinued']);
const NEEDS_FUNDING = new Set<InitiativeStatus>(['approved', 'active', 'completed', 'integrated', 'discontinued']);
const FOLLOWED_UP = new Set<InitiativeStatus>(['approved', 'active']);
const INDICATORS = 400;

type Row = Record<string, unknown>;
type Goal = { id: string; code: string; level: GoalLevel; roadmap: boolean };
type Owner = {
  id: string;
  code: string;
  status: InitiativeStatus;
  start: number | null;
  annualCost: number | null;
  leadId: string | null;
  leadName: string | null;
};

/** mulberry32: small, fast and good enough to make data look random while staying reproducible. */
class Random {
  constructor(private state: number) {}

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A picker that draws items in proportion to their weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): () => T {
    const cumulative: number[] = [];
    let sum = 0;
    for (const [, weight] of entries) cumulative.push((sum += weight));
    return () => {
      const x = this.next() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return entries[lo][0];
    };
  }

  /** Up to n distinct items from a weighted picker (fewer only if the picker keeps repeating itself). */
  distinct<T>(draw: () => T, n: number, exclude?: T): T[] {
    const chosen = new Set<T>();
    for (let attempts = 0; chosen.size < n && attempts < n * 20; attempts++) {
      const item = draw();
      if (item !== exclude) chosen.add(item);
    }
    return [...chosen];
  }

  /** A version-4-shaped uuid from the seeded stream, so ids (and the runner's filters) repeat across runs. */
  uuid(): string {
    const hex = Array.from({ length: 4 }, () =>
      (Math.floor(this.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0'),
    ).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) & 3]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function iso(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

function generate(rng: Random) {
  const departments = V.DEPARTMENTS.map((d) => ({ ...d, id: rng.uuid() }));
  const departmentByCode = new Map(departments.map((d) => [d.code, d]));
  const targetGroups = V.TARGET_GROUPS.map(([code, name]) => ({ id: rng.uuid(), code, name }));
  const districts = V.DISTRICTS.map(([code, name]) => ({ id: rng.uuid(), code, name }));
  const goalRows = goalTree(
    rng,
    departments.filter((d) => d.kind === 'committee'),
  );

  const pickLead = rng.weighted(departments.map((d) => [d, d.leadWeight] as const));
  const pickParticipant = rng.weighted(
    departments.map((d) => [d, d.kind === 'external' || d.kind === 'company' ? 3 : d.leadWeight + 1] as const),
  );
  const pickRole = rng.weighted([
    ['partner', 45],
    ['co_owner', 25],
    ['informed', 20],
    ['funder', 10],
  ] as const);
  const pickParticipantCount = rng.weighted([
    [0, 12],
    [1, 20],
    [2, 22],
    [3, 18],
    [4, 13],
    [5, 9],
    [6, 6],
  ] as const);
  const pickStatus = rng.weighted<InitiativeStatus>([
    ['active', 45],
    ['completed', 14],
    ['draft', 10],
    ['approved', 10],
    ['proposed', 8],
    ['integrated', 7],
    ['discontinued', 6],
  ]);
  const pickKind = rng.weighted<InitiativeKind>([
    ['project', 55],
    ['method', 15],
    ['agreement', 15],
    ['ordinary_operation', 15],
  ]);
  const pickEvidence = rng.weighted([
    ['local_development', 40],
    ['research_based', 25],
    ['unknown', 20],
    ['national_method', 15],
  ] as const);
  const goals = goalRows.map((g) => g.goal);
  // Initiatives mostly link to the concrete end of the tree, and the roadmap's areas draw more of them.
  const goalWeight: Partial<Record<GoalLevel, number>> = {
    sub_goal: 6,
    priority_area: 3,
    committee_goal: 1,
    priority_goal: 0.5,
  };
  const pickGoal = rng.weighted(goals.map((g) => [g, (goalWeight[g.level] ?? 0) * (g.roadmap ? 3 : 1)] as const));
  const pickTargetGroup = rng.weighted(targetGroups.map((t, i) => [t, i < 5 ? 3 : 1] as const));
  const districtWeights: Record<string, number> = {
    KRONOGARDEN: 4,
    LEXTORP: 3,
    SYLTE: 2,
    HJULKVARNELUND: 2,
    CENTRUM: 1.5,
  };
  const pickDistrict = rng.weighted(districts.map((d) => [d, districtWeights[d.code] ?? 1] as const));
  const pickLinkCount = rng.weighted([
    [1, 45],
    [2, 35],
    [3, 20],
  ] as const);

  const initiatives: Row[] = [];
  const participants: Row[] = [];
  const initiativeGoals: Row[] = [];
  const initiativeTargetGroups: Row[] = [];
  const initiativeDistricts: Row[] = [];
  const owners: Owner[] = [];

  for (let n = 1; n <= INITIATIVES; n++) {
    const id = rng.uuid();
    const code = `INS-${String(n).padStart(5, '0')}`;
    const status = pickStatus();
    const kind = pickKind();
    const lead = status === 'draft' && rng.chance(0.1) ? null : pickLead();
    const { start, end } = period(rng, status, kind);
    const target = rng.pick(V.TITLE_TARGETS);
    const linkedDistricts = rng.chance(0.3) ? [] : rng.distinct(pickDistrict, pickLinkCount());
    const title = [
      `${rng.pick(V.TITLE_PREFIXES)} ${target}`,
      linkedDistricts.length && rng.chance(0.5) ? ` i ${linkedDistricts[0].name}` : '',
      kind === 'project' && rng.chance(0.1) ? ` – etapp ${rng.int(2, 4)}` : '',
    ].join('');
    const summary = rng.chance(0.08)
      ? null
      : `Insatsen ska ${rng.pick(V.SUMMARY_AIMS)} för ${target}. Arbetet bedrivs ${rng.pick(V.SUMMARY_METHODS)}. ${rng.pick(V.SUMMARY_CLOSINGS)}`;
    const annualCost =
      status === 'draft' && rng.chance(0.3)
        ? null
        : Math.round(Math.exp(rng.next() * Math.log(200) + Math.log(100_000)) / 1000) * 1000;
    const role = rng.pick(V.OWNER_ROLES);
    const plan = NEEDS_FUNDING.has(status) || (status === 'proposed' && rng.chance(0.3));

    initiatives.push({
      id,
      code,
      title,
      summary,
      kind,
      status,
      lead_department_id: lead?.id ?? null,
      process_owner:
        lead && rng.chance(0.9)
          ? JSON.stringify({
              name: `${role} ${lead.code}`,
              title: role,
              email: `${role.toLowerCase()}.${lead.code.toLowerCase()}@kommun.example`,
            })
          : null,
      start_date: start === null ? null : iso(start),
      end_date: end === null ? null : iso(end),
      annual_cost_sek: annualCost,
      evidence_base: kind === 'method' && rng.chance(0.7) ? 'national_method' : pickEvidence(),
      budget_project_code: rng.chance(0.7) ? `P${rng.int(1000, 99_999)}` : null,
      follow_up_plan: plan
        ? JSON.stringify({
            method: rng.pick(V.FOLLOW_UP_METHODS),
            frequency: rng.pick(['quarterly', 'biannual', 'biannual', 'annual']),
            responsible: `Styrgruppen för ${code}`,
            firstReportDue: start === null ? null : iso(start + rng.int(90, 270)),
            indicatorIds: [],
          })
        : null,
    });

    for (const department of rng.distinct(pickParticipant, pickParticipantCount(), lead ?? undefined)) {
      participants.push({
        initiative_id: id,
        department_id: department.id,
        role: pickRole(),
        responsibility: rng.chance(0.7) ? rng.pick(V.RESPONSIBILITIES) : null,
      });
    }
    for (const goal of rng.distinct(pickGoal, pickLinkCount()))
      initiativeGoals.push({ initiative_id: id, goal_id: goal.id });
    for (const group of rng.distinct(pickTargetGroup, pickLinkCount()))
      initiativeTargetGroups.push({ initiative_id: id, target_group_id: group.id });
    for (const district of linkedDistricts) initiativeDistricts.push({ initiative_id: id, district_id: district.id });
    owners.push({ id, code, status, start, annualCost, leadId: lead?.id ?? null, leadName: lead?.name ?? null });
  }

  const named = [TYPICAL.leadDepartmentCode, TYPICAL.smallDepartmentCode].every((code) => departmentByCode.has(code));
  if (!named || !goals.some((g) => g.code === TYPICAL.priorityAreaCode)) {
    throw new Error(
      'The runner’s typical queries name rows the generator no longer writes; update TYPICAL in bench-database.ts',
    );
  }

  return {
    departments: departments.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      parent_id: d.parent ? departmentByCode.get(d.parent)!.id : null,
    })),
    target_groups: targetGroups,
    districts,
    goals: goalRows.map((g) => g.row),
    initiatives,
    initiative_participants: participants,
    initiative_goals: initiativeGoals,
    initiative_target_groups: initiativeTargetGroups,
    initiative_districts: initiativeDistricts,
    funding_lines: fundingLines(rng, owners),
    ...followUp(
      owners,
      departments.filter((d) => d.kind !== 'external'),
    ),
  };
}

/** Start and end dates that fit the status: ended work lies in the past, drafts mostly ahead or undecided. */
function period(
  rng: Random,
  status: InitiativeStatus,
  kind: InitiativeKind,
): { start: number | null; end: number | null } {
  const timeLimited = kind === 'project' || rng.chance(0.3);
  if (ENDED.has(status)) {
    const start = rng.int(day('2014-01-01'), AS_OF - 400);
    return { start, end: Math.min(AS_OF - 1, start + rng.int(180, 1500)) };
  }
  if (status === 'draft' || status === 'proposed') {
    if (rng.chance(status === 'draft' ? 0.4 : 0.15)) return { start: null, end: null };
    const start = AS_OF + rng.int(-60, 400);
    return { start, end: timeLimited ? start + rng.int(365, 1460) : null };
  }
  const start = status === 'approved' ? AS_OF + rng.int(-90, 240) : rng.int(day('2016-01-01'), AS_OF - 30);
  return { start, end: timeLimited ? Math.max(start + rng.int(365, 1460), AS_OF + rng.int(30, 900)) : null };
}

/**
 * 17 Agenda 2030 goals → 5 MRP focus areas → 15 priority goals → 38 committee goals → 25 priority areas (the
 * roadmap's five among them) → 100 sub-goals: 200 nodes, each strictly below its parent's level.
 */
function goalTree(rng: Random, committees: { code: string; name: string }[]): { goal: Goal; row: Row }[] {
  const nodes: { goal: Goal; row: Row }[] = [];
  const counters = new Map<string, number>();
  const add = (
    code: string,
    title: string,
    level: GoalLevel,
    framework: string,
    parent: Goal | null,
    roadmap = false,
    validity: [string, string | null] | null = null,
  ): Goal => {
    const goal = { id: rng.uuid(), code, level, roadmap };
    nodes.push({
      goal,
      row: {
        id: goal.id,
        code,
        title,
        description: null,
        level,
        framework,
        parent_id: parent?.id ?? null,
        valid_from: validity?.[0] ?? null,
        valid_to: validity?.[1] ?? null,
      },
    });
    return goal;
  };
  const next = (prefix: string) => counters.set(prefix, (counters.get(prefix) ?? 0) + 1).get(prefix)!;
  const mrp = 'MRP 2024–2027';
  const mrpPeriod: [string, string] = ['2024-01-01', '2027-12-31'];
  const roadmap = 'Färdplan för social hållbarhet';
  const theme = () => rng.pick(V.THEMES);

  const agenda = V.AGENDA_2030.map((title, i) =>
    add(`A2030-${i + 1}`, `Mål ${i + 1}: ${title}`, 'agenda2030', 'Agenda 2030', null),
  );
  const focus = V.FOCUS_AREAS.map(([title, goal], i) =>
    add(`MRP-F${i + 1}`, title, 'focus_area', mrp, agenda[goal - 1], false, mrpPeriod),
  );
  const priorityGoals = [
    add(
      'MRP-P1',
      'Vi stärker invånarnas jämlika och jämställda livsvillkor för ökad tillit och trygghet',
      'priority_goal',
      mrp,
      focus[0],
      false,
      mrpPeriod,
    ),
  ];
  for (let i = 1; i < 15; i++)
    priorityGoals.push(
      add(
        `MRP-P${i + 1}`,
        `${rng.pick(V.GOAL_VERBS)} ${theme()}`,
        'priority_goal',
        mrp,
        focus[i % focus.length],
        false,
        mrpPeriod,
      ),
    );
  const committeeGoals = [
    add(
      `KS-M${next('KS')}`,
      'Kommunstyrelsen ska skapa jämlika förutsättningar för ökad delaktighet och ökat inflytande',
      'committee_goal',
      'Nämndmål 2025',
      priorityGoals[0],
    ),
  ];
  for (let i = 1; i < 38; i++) {
    const committee = committees[i % committees.length];
    committeeGoals.push(
      add(
        `${committee.code}-M${next(committee.code)}`,
        `${committee.name} ska främja ${theme()}`,
        'committee_goal',
        'Nämndmål 2025',
        rng.pick(priorityGoals),
      ),
    );
  }
  const areas = V.ROADMAP_PRIORITY_AREAS.map((title, i) =>
    add(`FP-${i + 1}`, title, 'priority_area', roadmap, committeeGoals[0], true, ['2021-12-01', null]),
  );
  for (let i = areas.length; i < 25; i++) {
    const t = theme();
    areas.push(
      add(
        `PO-${i + 1}`,
        `${t[0].toUpperCase()}${t.slice(1)}`,
        'priority_area',
        'Nämndernas handlingsplaner',
        rng.pick(committeeGoals.slice(1)),
      ),
    );
  }
  for (const area of areas) {
    for (let k = 1; k <= 4; k++)
      add(
        `${area.code}-D${k}`,
        rng.pick(V.SUB_GOAL_PHRASES),
        'sub_goal',
        area.roadmap ? roadmap : 'Nämndernas handlingsplaner',
        area,
        area.roadmap,
      );
  }
  return nodes;
}

/**
 * Every initiative that has been approved gets one line (the approval guard asks for it); the rest are spread at
 * random, about three per initiative. Temporary lines often end with no coverage decision, the funding cliff the
 * portfolio is meant to show; lines that ended more than a year ago mostly have one, as the budget process of their
 * day settled them (otherwise every old grant of an active initiative would be an open alert).
 */
function fundingLines(rng: Random, owners: Owner[]): Row[] {
  const counts = owners.map((o): number => (NEEDS_FUNDING.has(o.status) ? 1 : 0));
  for (let placed = counts.reduce((a, b) => a + b, 0); placed < FUNDING_LINES; placed++)
    counts[rng.int(0, owners.length - 1)]++;
  const pickSource = rng.weighted<FundingSourceType>([
    ['state_grant', 25],
    ['ordinary_budget', 22],
    ['partner_contribution', 13],
    ['temporary_appropriation', 12],
    ['eu_fund', 10],
    ['foundation', 9],
    ['other', 9],
  ]);
  const pickCoverage = rng.weighted<CoverageDecision>([
    ['undecided', 60],
    ['ordinary_budget', 10],
    ['new_external_funding', 8],
    ['extension', 8],
    ['phase_out', 7],
    ['not_needed', 7],
  ]);
  // The settled past is drawn from a stream of its own, so every other column stays what it was before it was added.
  const past = new Random(SEED + 1);
  const pickSettled = past.weighted<CoverageDecision>([
    ['phase_out', 35],
    ['ordinary_budget', 30],
    ['new_external_funding', 15],
    ['extension', 10],
    ['not_needed', 10],
  ]);
  const lines: Row[] = [];
  owners.forEach((owner, i) => {
    let previous: Row | null = null;
    for (let k = 0; k < counts[i]; k++) {
      const sourceType = pickSource();
      const periodStart = (owner.start ?? AS_OF) + rng.int(-30, 900);
      const periodEnd = periodStart + (sourceType === 'ordinary_budget' ? 364 : rng.int(180, 1095));
      const status: FundingStatus =
        periodEnd < AS_OF
          ? rng.chance(0.8)
            ? 'ended'
            : 'granted'
          : owner.status === 'draft' || owner.status === 'proposed'
            ? rng.pick(['applied', 'applied', 'applied', 'granted', 'rejected'] as const)
            : rng.pick([
                'granted',
                'granted',
                'granted',
                'granted',
                'granted',
                'granted',
                'applied',
                'rejected',
              ] as const);
      const settled = TEMPORARY_MONEY.has(sourceType) && periodEnd < AS_OF - 365 && past.chance(0.9);
      const coverage = settled
        ? pickSettled()
        : TEMPORARY_MONEY.has(sourceType) && Math.abs(periodEnd - AS_OF) < 365
          ? pickCoverage()
          : 'undecided';
      const reported = sourceType === 'state_grant' || sourceType === 'eu_fund' || sourceType === 'foundation';
      const line: Row = {
        id: rng.uuid(),
        initiative_id: owner.id,
        source_type: sourceType,
        funder:
          sourceType === 'ordinary_budget' ? (owner.leadName ?? 'Kommunstyrelsen') : rng.pick(V.FUNDERS[sourceType]),
        decision_reference: rng.chance(0.8) ? `Dnr ${iso(periodStart).slice(0, 4)}/${rng.int(100, 9999)}` : null,
        amount_sek:
          sourceType === 'ordinary_budget' && owner.annualCost
            ? Math.round((owner.annualCost * rng.int(20, 100)) / 100_000) * 1000
            : Math.round(Math.exp(rng.next() * Math.log(100) + Math.log(50_000)) / 1000) * 1000,
        period_start: iso(periodStart),
        period_end: iso(periodEnd),
        status,
        renewable: rng.chance(0.3),
        paid_in_arrears: sourceType === 'eu_fund' || rng.chance(0.05),
        successor_funding_id: null,
        reporting_deadlines: JSON.stringify(
          reported
            ? [
                ...(rng.chance(0.4)
                  ? [{ date: iso(periodStart + 180), kind: 'interim', description: 'Delredovisning' }]
                  : []),
                { date: iso(periodEnd + 90), kind: 'final', description: 'Slutredovisning' },
              ]
            : [],
        ),
        coverage_decision: coverage,
        coverage_note: coverage === 'undecided' ? null : 'Beslutat i ledningsgruppens portföljgenomgång',
        coverage_decided_by: coverage === 'undecided' ? null : 'Ledningsgruppen',
        coverage_decided_on:
          coverage === 'undecided' ? null : iso(Math.min(AS_OF, periodEnd - (settled ? past : rng).int(30, 200))),
      };
      // A temporary line is sometimes taken over by the next one, as renewed grants are.
      if (previous && TEMPORARY_MONEY.has(previous.source_type as FundingSourceType) && rng.chance(0.2))
        previous.successor_funding_id = line.id;
      lines.push(line);
      previous = line;
    }
  });
  return lines;
}

const NODE_TITLES: Record<string, string> = {
  activity: 'Aktivitet',
  output: 'Prestation',
  short_term_outcome: 'Kortsiktig effekt',
  long_term_outcome: 'Långsiktig effekt',
  impact: 'Samhällseffekt',
};
const OUTCOMES = new Set(['short_term_outcome', 'long_term_outcome', 'impact']);
const ALERT_KINDS = [
  'grant_expiring',
  'grant_expired_initiative_active',
  'funding_gap',
  'funder_report_due',
  'follow_up_overdue',
  'follow_up_plan_missing',
  'baseline_missing',
] as const;
// Half-year rounds; the last is not due on the generator's "today", so "the latest round due" is 2026-H1.
const ROUNDS = [
  ['2025-H1', '2025-08-31'],
  ['2025-H2', '2026-02-28'],
  ['2026-H1', '2026-08-31'],
  ['2026-H2', '2027-02-28'],
] as const;

/**
 * What the portfolio review reads besides the register, drawn from a stream of its own (so the initiatives and funding
 * lines stay the rows the other benchmarks measured):
 * - effect logic for 65 % of the approved and active initiatives (20 % of the others): activities, outputs and outcomes,
 *   each outcome measured by 0–2 of 400 indicators, three in four of which have a baseline;
 * - four half-year reporting rounds, three of them due, with a report per approved or active initiative that had
 *   started by the round's due date: most approved or submitted (some after the due date), the rest pending or returned;
 * - alerts on a third of the approved and active initiatives, one to three kinds each, mostly open.
 */
function followUp(owners: Owner[], departments: { id: string }[]) {
  const rng = new Random(SEED + 2);
  const pickLevelCount = (level: string) =>
    level === 'activity'
      ? rng.int(1, 3)
      : level === 'impact'
        ? Number(rng.chance(0.2))
        : level === 'long_term_outcome'
          ? rng.int(0, 1)
          : rng.int(1, 2);
  const pickReport = rng.weighted([
    ['approved', 50],
    ['submitted', 25],
    ['pending', 15],
    ['returned', 10],
  ] as const);
  const pickSeverity = rng.weighted([
    ['info', 30],
    ['warning', 50],
    ['critical', 20],
  ] as const);
  const pickAlertStatus = rng.weighted([
    ['open', 70],
    ['acknowledged', 15],
    ['resolved', 10],
    ['dismissed', 5],
  ] as const);

  const indicators = Array.from({ length: INDICATORS }, (_, i) => ({
    id: rng.uuid(),
    code: `BENCH-${String(i + 1).padStart(3, '0')}`,
    name: `Andel som upplever att insatserna ${rng.pick(V.SUMMARY_AIMS)}`,
    unit: 'percent',
    direction: rng.chance(0.7) ? 'increase' : 'decrease',
    source: rng.pick(['survey', 'internal', 'national_statistics']),
    owner_department_id: rng.pick(departments).id,
  }));
  const indicatorValues: Row[] = [];
  for (const indicator of indicators) {
    const base = rng.int(10, 80);
    const points = [
      ...(rng.chance(0.75) ? [['baseline', '2024', '2024-01-01', '2024-12-31', base]] : []),
      ...(rng.chance(0.5) ? [['target', '2027', '2027-01-01', '2027-12-31', base + rng.int(-10, 10)]] : []),
      ['measurement', '2025', '2025-01-01', '2025-12-31', base + rng.int(-5, 5)],
    ];
    for (const [kind, period, periodStart, periodEnd, value] of points) {
      indicatorValues.push({
        id: rng.uuid(),
        indicator_id: indicator.id,
        kind,
        period,
        period_start: periodStart,
        period_end: periodEnd,
        cell: 'all',
        value,
      });
    }
  }

  const nodes: Row[] = [];
  const nodeIndicators: Row[] = [];
  const rounds = ROUNDS.map(([period, due]) => ({
    id: rng.uuid(),
    title: `Uppföljning ${period}`,
    period,
    due_date: due,
    scope_statuses: '{approved,active}',
    created_by: 'Ledningsgruppen',
  }));
  const reports: Row[] = [];
  const alerts: Row[] = [];
  for (const owner of owners) {
    const followed = FOLLOWED_UP.has(owner.status);
    if (rng.chance(followed ? 0.65 : 0.2)) {
      for (const level of Object.keys(NODE_TITLES)) {
        for (let k = pickLevelCount(level); k > 0; k--) {
          const node = {
            id: rng.uuid(),
            level,
            title: `${NODE_TITLES[level]}: ${rng.pick(V.SUMMARY_AIMS)}`,
            initiative_id: owner.id,
          };
          nodes.push(node);
          if (!OUTCOMES.has(level)) continue;
          for (const indicator of rng.distinct(() => rng.pick(indicators), rng.int(0, 2)))
            nodeIndicators.push({ effect_node_id: node.id, indicator_id: indicator.id });
        }
      }
    }
    if (!followed) continue;
    for (const round of rounds) {
      const due = day(round.due_date);
      if (due > AS_OF || (owner.start ?? AS_OF) > due) continue;
      const status = pickReport();
      const submitted = status === 'approved' || status === 'submitted' ? iso(due + rng.int(-30, 14)) : null;
      reports.push({
        round_id: round.id,
        initiative_id: owner.id,
        department_id: owner.leadId,
        status,
        rag_status: submitted ? rng.pick(['green', 'green', 'amber', 'red']) : null,
        submitted_by: submitted ? `Samordnare ${owner.code}` : null,
        submitted_at: submitted ? `${submitted}T10:00:00Z` : null,
      });
    }
    if (!rng.chance(0.33)) continue;
    for (const kind of rng.distinct(() => rng.pick(ALERT_KINDS), rng.int(1, 3))) {
      const status = pickAlertStatus();
      alerts.push({
        kind,
        severity: pickSeverity(),
        status,
        // The key is unique among unresolved alerts, and each initiative gets each kind once.
        dedupe_key: `${kind}:${owner.id}`,
        initiative_id: owner.id,
        department_id: owner.leadId,
        title: `Bevakning för ${owner.code}`,
        detail: `${owner.code}: uppmärksammad i benchmarkdata.`,
        first_raised_at: `${iso(AS_OF - rng.int(0, 200))}T04:00:00Z`,
        last_seen_on: iso(AS_OF),
        resolved_at: status === 'resolved' ? `${iso(AS_OF)}T04:00:00Z` : null,
      });
    }
  }
  return {
    effect_nodes: nodes,
    indicators,
    indicator_values: indicatorValues,
    indicator_effect_nodes: nodeIndicators,
    reporting_rounds: rounds,
    status_reports: reports,
    alerts,
  };
}

/** Column types for the unnest() insert of each table, in the order the tables must be written. */
const TABLES: Record<string, Record<string, string>> = {
  departments: { id: 'uuid', code: 'text', name: 'text', kind: 'text', parent_id: 'uuid' },
  target_groups: { id: 'uuid', code: 'text', name: 'text' },
  districts: { id: 'uuid', code: 'text', name: 'text' },
  goals: {
    id: 'uuid',
    code: 'text',
    title: 'text',
    description: 'text',
    level: 'text',
    framework: 'text',
    parent_id: 'uuid',
    valid_from: 'date',
    valid_to: 'date',
  },
  initiatives: {
    id: 'uuid',
    code: 'text',
    title: 'text',
    summary: 'text',
    kind: 'text',
    status: 'text',
    lead_department_id: 'uuid',
    process_owner: 'jsonb',
    start_date: 'date',
    end_date: 'date',
    annual_cost_sek: 'bigint',
    evidence_base: 'text',
    budget_project_code: 'text',
    follow_up_plan: 'jsonb',
  },
  initiative_participants: { initiative_id: 'uuid', department_id: 'uuid', role: 'text', responsibility: 'text' },
  initiative_goals: { initiative_id: 'uuid', goal_id: 'uuid' },
  initiative_target_groups: { initiative_id: 'uuid', target_group_id: 'uuid' },
  initiative_districts: { initiative_id: 'uuid', district_id: 'uuid' },
  funding_lines: {
    id: 'uuid',
    initiative_id: 'uuid',
    source_type: 'text',
    funder: 'text',
    decision_reference: 'text',
    amount_sek: 'bigint',
    period_start: 'date',
    period_end: 'date',
    status: 'text',
    renewable: 'boolean',
    paid_in_arrears: 'boolean',
    successor_funding_id: 'uuid',
    reporting_deadlines: 'jsonb',
    coverage_decision: 'text',
    coverage_note: 'text',
    coverage_decided_by: 'text',
    coverage_decided_on: 'date',
  },
  effect_nodes: { id: 'uuid', level: 'text', title: 'text', initiative_id: 'uuid' },
  indicators: {
    id: 'uuid',
    code: 'text',
    name: 'text',
    unit: 'text',
    direction: 'text',
    source: 'text',
    owner_department_id: 'uuid',
  },
  indicator_values: {
    id: 'uuid',
    indicator_id: 'uuid',
    kind: 'text',
    period: 'text',
    period_start: 'date',
    period_end: 'date',
    cell: 'text',
    value: 'numeric',
  },
  indicator_effect_nodes: { effect_node_id: 'uuid', indicator_id: 'uuid' },
  reporting_rounds: {
    id: 'uuid',
    title: 'text',
    period: 'text',
    due_date: 'date',
    scope_statuses: 'text[]',
    created_by: 'text',
  },
  status_reports: {
    round_id: 'uuid',
    initiative_id: 'uuid',
    department_id: 'uuid',
    status: 'text',
    rag_status: 'text',
    submitted_by: 'text',
    submitted_at: 'timestamptz',
  },
  alerts: {
    kind: 'text',
    severity: 'text',
    status: 'text',
    dedupe_key: 'text',
    initiative_id: 'uuid',
    department_id: 'uuid',
    title: 'text',
    detail: 'text',
    first_raised_at: 'timestamptz',
    last_seen_on: 'date',
    resolved_at: 'timestamptz',
  },
};

/**
 * One statement per table: each column travels as one array parameter and unnest() zips them back into rows. An
 * array column (`text[]`) travels as array literals and is cast back, as unnest() would flatten an array of arrays.
 */
async function insertAll(em: EntityManager, table: string, rows: Row[]) {
  const columns = Object.entries(TABLES[table]);
  const insert = statement<never>(`INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
               SELECT ${columns.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name)).join(', ')}
                 FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`).join(', ')})
                   AS r(${columns.map(([name]) => name).join(', ')})`);
  await execute(
    em,
    insert,
    columns.map(([name]) => rows.map((row) => row[name])),
  );
}

async function main() {
  if (!Number.isInteger(FUNDING_LINES) || FUNDING_LINES < INITIATIVES) {
    throw new Error(
      `BENCH_FUNDING_LINES must be a whole number of at least ${INITIATIVES} (one per initiative that needs funding)`,
    );
  }
  const started = performance.now();
  const lap = (() => {
    let last = started;
    return (label: string) => {
      const now = performance.now();
      console.log(`  ${label.padEnd(36)} ${((now - last) / 1000).toFixed(1).padStart(6)} s`);
      last = now;
    };
  })();

  console.log(`Generating the benchmark portfolio in ${BENCH_DATABASE} (seed ${SEED})`);
  await recreateDatabase(BENCH_DATABASE);
  const dataSource = new DataSource(dataSourceOptions({ DATABASE_URL: benchDatabaseUrl(), DATABASE_POOL_SIZE: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    lap('database created and migrated');
    const data = generate(new Random(SEED));
    lap('rows drawn');
    await dataSource.transaction(async (em) => {
      for (const table of Object.keys(TABLES)) await insertAll(em, table, data[table as keyof typeof data]);
    });
    lap('rows written');
    await execute(dataSource, statement<never>('VACUUM (ANALYZE)'));
    lap('vacuum and analyze');

    for (const table of Object.keys(TABLES)) {
      const { rows } = await queryOne(
        dataSource,
        statement<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${table}`),
      );
      console.log(`  ${table.padEnd(26)} ${String(rows).padStart(7)} rows`);
    }
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
