import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, sqlList } from '#common';
import { FundingCliffService } from '#funding';
import { ENDED_STATUSES } from '#portfolio';
import { OverlapsService } from '../overlaps/overlaps.service.js';
import { DECISIONS_SQL } from './decisions-due.sql.js';
import { AGENDA_REASONS, type AgendaInitiativeDto, type AgendaReasonDto, type ReviewAgendaDto } from './dto/review-agenda.dto.js';
import type { PortfolioDecision } from './decision-rules.js';
import { PortfolioReviewsService } from './portfolio-reviews.service.js';

/** Until the next scan resolves them, an ended initiative's alerts are no longer the group's business. */
const CRITICAL_ALERTS_SQL = `
  SELECT a.id, a.initiative_id AS "initiativeId", a.kind, a.title, a.detail, to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
         a.amount_sek::float8 AS "amountSek"
    FROM alerts a
    JOIN initiatives i ON i.id = a.initiative_id
   WHERE a.severity = 'critical' AND a.status IN ('open', 'acknowledged') AND i.status NOT IN (${sqlList(ENDED_STATUSES)})
   ORDER BY a.due_date NULLS LAST, a.id`;

/** Reports sent back, and reports still pending after their round's due date (as of the meeting, or today if sooner). */
const REPORTS_SQL = `
  SELECT s.id, s.initiative_id AS "initiativeId", s.status, r.title AS "roundTitle", to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate"
    FROM status_reports s
    JOIN reporting_rounds r ON r.id = s.round_id
    JOIN initiatives i ON i.id = s.initiative_id
   WHERE i.status NOT IN (${sqlList(ENDED_STATUSES)})
     AND (s.status = 'returned' OR (s.status = 'pending' AND r.due_date < least($1::date, $2::date)))
   ORDER BY r.due_date, s.id`;

const INITIATIVES_SQL = `
  SELECT i.id, i.code, i.title, i.status, i.annual_cost_sek::float8 AS "annualCostSek",
         to_char(i.start_date, 'YYYY-MM-DD') AS "startDate", to_char(i.end_date, 'YYYY-MM-DD') AS "endDate",
         CASE WHEN d.id IS NULL THEN NULL ELSE jsonb_build_object('id', d.id, 'code', d.code, 'name', d.name) END AS "leadDepartment"
    FROM initiatives i
    LEFT JOIN departments d ON d.id = i.lead_department_id
   WHERE i.id = ANY($1::uuid[])`;

type DueDecision = {
  initiative: { id: string };
  decision: PortfolioDecision;
  rationale: string;
  followUpDate: string;
  review: { title: string; meetingDate: string };
};

const NO_FACTS = { alert: null, fundingCliff: null, overlap: null, dueDecision: null, statusReport: null } as const;

/**
 * A review's agenda: what needs the leadership group, assembled from the portfolio as the meeting finds it, one item
 * per initiative with every reason it is there and this review's decision once taken.
 */
@Injectable()
export class ReviewAgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reviews: PortfolioReviewsService,
    private readonly cliffs: FundingCliffService,
    private readonly overlaps: OverlapsService,
  ) {}

  async agenda(reviewId: string): Promise<ReviewAgendaDto> {
    const review = await this.reviews.get(reviewId);
    const budgetYear = Number(review.meetingDate.slice(0, 4)) + 1;
    const [alerts, cliff, overlaps, [decisions], reports] = await Promise.all([
      this.dataSource.query(CRITICAL_ALERTS_SQL),
      this.cliffs.cliff({ from: `${budgetYear}-01`, months: 12 }),
      this.overlaps.toDiscuss(),
      this.dataSource.query(DECISIONS_SQL, [review.meetingDate, 0]) as Promise<{ due: DueDecision[] }[]>,
      this.dataSource.query(REPORTS_SQL, [review.meetingDate, this.clock.today()]),
    ]);

    const reasons = new Map<string, AgendaReasonDto[]>();
    const add = (initiativeId: string, reason: Partial<AgendaReasonDto> & Pick<AgendaReasonDto, 'kind'>) => {
      const list = reasons.get(initiativeId) ?? [];
      reasons.set(initiativeId, [...list, { ...NO_FACTS, ...reason }]);
    };
    for (const { initiativeId, ...alert } of alerts) add(initiativeId, { kind: 'critical_alert', alert });
    for (const initiative of cliff.budgetYears[0]?.initiatives ?? []) {
      if (initiative.coverageDecided) continue;
      const lines = initiative.lines.filter((line) => line.coverageDecision === 'undecided');
      add(initiative.id, { kind: 'funding_cliff', fundingCliff: { year: budgetYear, lines, uncoveredAnnualCostSek: initiative.uncoveredAnnualCostSek } });
    }
    for (const { initiative, decision, rationale, followUpDate, review: earlier } of decisions.due) {
      add(initiative.id, { kind: 'decision_follow_up', dueDecision: { decision, rationale, followUpDate, reviewTitle: earlier.title, meetingDate: earlier.meetingDate } });
    }
    for (const { initiativeId, ...statusReport } of reports) add(initiativeId, { kind: 'status_report', statusReport });
    for (const pair of overlaps.items) {
      const labels = pair.reasons.map((reason) => reason.label);
      for (const [one, other] of [[pair.initiative, pair.otherInitiative], [pair.otherInitiative, pair.initiative]]) {
        add(one.id, { kind: 'overlap', overlap: { score: pair.score, otherInitiative: { id: other.id, code: other.code, title: other.title }, reasons: labels } });
      }
    }

    const decided = new Map(review.decisions.map((decision) => [decision.initiativeId, decision]));
    const ids = [...new Set([...reasons.keys(), ...decided.keys()])];
    const initiatives: AgendaInitiativeDto[] = await this.dataSource.query(INITIATIVES_SQL, [ids]);
    // Most urgent first; an item whose reasons this review's decision settled (a stopped initiative) goes last.
    const rank = (id: string) => Math.min(AGENDA_REASONS.length, ...(reasons.get(id) ?? []).map((r) => AGENDA_REASONS.indexOf(r.kind)));
    const items = initiatives
      .map((initiative) => ({ initiative, reasons: reasons.get(initiative.id) ?? [], decision: decided.get(initiative.id) ?? null }))
      .sort((a, b) => rank(a.initiative.id) - rank(b.initiative.id) || a.initiative.code.localeCompare(b.initiative.code));
    return { reviewId, meetingDate: review.meetingDate, budgetYear, items };
  }
}
