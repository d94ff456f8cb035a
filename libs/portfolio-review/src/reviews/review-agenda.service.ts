import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock, queryOne, queryRows } from '#common';
import { FundingCliffService } from '#funding';
import { OverlapsService } from '../overlaps/overlaps.service.js';
import { DECISIONS_SQL } from './decisions-due.sql.js';
import { AGENDA_REASONS, type AgendaReasonDto, type ReviewAgendaDto } from './dto/review-agenda.dto.js';
import { PortfolioReviewsService } from './portfolio-reviews.service.js';
import { AGENDA_INITIATIVES_SQL, CRITICAL_ALERTS_SQL, REPORTS_SQL } from './review-agenda.sql.js';

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
    const [alerts, cliff, overlaps, decisions, reports] = await Promise.all([
      queryRows(this.dataSource, CRITICAL_ALERTS_SQL),
      this.cliffs.cliff({ from: `${budgetYear}-01`, months: 12 }),
      this.overlaps.toDiscuss(),
      queryOne(this.dataSource, DECISIONS_SQL, [review.meetingDate, 0]),
      queryRows(this.dataSource, REPORTS_SQL, [review.meetingDate, this.clock.today()]),
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
      add(initiative.id, {
        kind: 'funding_cliff',
        fundingCliff: { year: budgetYear, lines, uncoveredAnnualCostSek: initiative.uncoveredAnnualCostSek },
      });
    }
    for (const { initiative, decision, rationale, followUpDate, review: earlier } of decisions.due) {
      add(initiative.id, {
        kind: 'decision_follow_up',
        dueDecision: {
          decision,
          rationale,
          followUpDate,
          reviewTitle: earlier.title,
          meetingDate: earlier.meetingDate,
        },
      });
    }
    for (const { initiativeId, ...statusReport } of reports) add(initiativeId, { kind: 'status_report', statusReport });
    for (const pair of overlaps.items) {
      const labels = pair.reasons.map((reason) => reason.label);
      for (const [one, other] of [
        [pair.initiative, pair.otherInitiative],
        [pair.otherInitiative, pair.initiative],
      ]) {
        add(one.id, {
          kind: 'overlap',
          overlap: {
            score: pair.score,
            otherInitiative: { id: other.id, code: other.code, title: other.title },
            reasons: labels,
          },
        });
      }
    }

    const decided = new Map(review.decisions.map((decision) => [decision.initiativeId, decision]));
    const ids = [...new Set([...reasons.keys(), ...decided.keys()])];
    const initiatives = await queryRows(this.dataSource, AGENDA_INITIATIVES_SQL, [ids]);
    // Most urgent first; an item whose reasons this review's decision settled (a stopped initiative) goes last.
    const rank = (id: string) =>
      Math.min(AGENDA_REASONS.length, ...(reasons.get(id) ?? []).map((r) => AGENDA_REASONS.indexOf(r.kind)));
    const items = initiatives
      .map((initiative) => ({
        initiative,
        reasons: reasons.get(initiative.id) ?? [],
        decision: decided.get(initiative.id) ?? null,
      }))
      .sort(
        (a, b) => rank(a.initiative.id) - rank(b.initiative.id) || a.initiative.code.localeCompare(b.initiative.code),
      );
    return { reviewId, meetingDate: review.meetingDate, budgetYear, items };
  }
}
