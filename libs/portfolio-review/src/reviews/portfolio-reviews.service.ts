import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ConflictProblem,
  lockOneOrNotFound,
  NotFoundProblem,
  queryOne,
  queryRow,
  queryRows,
  UnknownReferenceProblem,
  type Page,
  type PageWindow,
} from '#common';
import { AuditService, type RequestContext } from '#identity';
import { ENDED_STATUSES, InitiativesService } from '#portfolio';
import { statusAfterDecision, transitionComment } from './decision-rules.js';
import type {
  CreatePortfolioDecisionDto,
  CreatePortfolioReviewDto,
  InitiativeDecisionDto,
  PortfolioDecisionDto,
  PortfolioReviewListItemDto,
  PortfolioReviewWithDecisionsDto,
} from './dto/portfolio-review.dto.js';
import { PortfolioDecisionEntity } from './portfolio-decision.entity.js';
import { PortfolioReviewEntity } from './portfolio-review.entity.js';
import {
  DECISION_SQL,
  INITIATIVE_DECISION_COUNT_SQL,
  INITIATIVE_DECISIONS_PAGE_SQL,
  INITIATIVE_STATUS_SQL,
  REVIEW_COUNT_SQL,
  REVIEW_DECISIONS_SQL,
  REVIEWS_PAGE_SQL,
  type Counted,
} from './portfolio-reviews.sql.js';

@Injectable()
export class PortfolioReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly initiatives: InitiativesService,
    private readonly audit: AuditService,
  ) {}

  /** Newest meeting first, each with its decision counts, in one statement. */
  async list(window: PageWindow): Promise<Page<PortfolioReviewListItemDto>> {
    const rows = await queryRows(this.dataSource, REVIEWS_PAGE_SQL, [window.limit, window.offset]);
    return this.page(rows, window, () => queryOne(this.dataSource, REVIEW_COUNT_SQL));
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<PortfolioReviewWithDecisionsDto> {
    const review = await em.findOneBy(PortfolioReviewEntity, { id });
    if (!review) throw new NotFoundProblem('portfolio review', id);
    const decisions = await queryRows(em, REVIEW_DECISIONS_SQL, [id]);
    return { ...review, decisions };
  }

  async create(ctx: RequestContext, dto: CreatePortfolioReviewDto): Promise<PortfolioReviewWithDecisionsDto> {
    return this.dataSource.transaction(async (em) => {
      const review = await em.save(
        em.create(PortfolioReviewEntity, {
          title: dto.title,
          meetingDate: dto.meetingDate,
          notes: dto.notes ?? null,
          createdBy: ctx.actor.id,
        }),
      );
      const created = await em.findOneByOrFail(PortfolioReviewEntity, { id: review.id });
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'portfolio_review',
        entityId: review.id,
        after: created,
      });
      return { ...created, decisions: [] };
    });
  }

  /**
   * Records a decision. `stop` and `integrate` move the initiative through the lifecycle exactly as a transition
   * would (who may move, the allowed moves, the guards, the transition row and its audit event), in the same
   * transaction as the decision: a refused move leaves no decision behind.
   */
  async decide(ctx: RequestContext, reviewId: string, dto: CreatePortfolioDecisionDto): Promise<PortfolioDecisionDto> {
    return this.dataSource.transaction(async (em) => {
      // Locking the review makes two decisions for the same initiative take turns, so the second sees the first.
      const review = await lockOneOrNotFound(em, PortfolioReviewEntity, 'portfolio review', reviewId);
      const initiative = await queryRow(em, INITIATIVE_STATUS_SQL, [dto.initiativeId]);
      if (!initiative)
        throw new UnknownReferenceProblem([{ field: 'initiativeId', message: 'no initiative with this id' }]);
      if (await em.existsBy(PortfolioDecisionEntity, { reviewId, initiativeId: dto.initiativeId })) {
        throw new ConflictProblem(
          `This review already has a decision on the initiative; a later review takes a new one.`,
          [{ field: 'initiativeId', message: 'already decided in this review' }],
        );
      }
      const to = statusAfterDecision(dto.decision);
      // An ended initiative is a public record: the leadership group takes no further decisions on it.
      if (!to && ENDED_STATUSES.includes(initiative.status)) {
        throw new ConflictProblem(
          `The initiative is ${initiative.status}; an ended initiative takes no further decisions.`,
        );
      }
      const move = to
        ? await this.initiatives.moveWithin(
            em,
            ctx,
            dto.initiativeId,
            to,
            transitionComment(review.title, dto.rationale),
          )
        : null;
      const { id } = await em.save(
        em.create(PortfolioDecisionEntity, {
          reviewId,
          initiativeId: dto.initiativeId,
          decision: dto.decision,
          rationale: dto.rationale,
          followUpDate: dto.followUpDate ?? null,
          fromStatus: move?.from ?? null,
          toStatus: move ? to : null,
          decidedBy: ctx.actor.id,
        }),
      );
      const created = await queryOne(em, DECISION_SQL, [id]);
      await this.audit.record(em, ctx, {
        action: 'create',
        entityType: 'portfolio_decision',
        entityId: id,
        initiativeId: dto.initiativeId,
        after: created,
      });
      return created;
    });
  }

  /** The initiative's decisions across reviews, newest meeting first, with each review's title and date. */
  async history(initiativeId: string, window: PageWindow): Promise<Page<InitiativeDecisionDto>> {
    await this.initiatives.get(initiativeId);
    const rows = await queryRows(this.dataSource, INITIATIVE_DECISIONS_PAGE_SQL, [
      initiativeId,
      window.limit,
      window.offset,
    ]);
    return this.page(rows, window, () => queryOne(this.dataSource, INITIATIVE_DECISION_COUNT_SQL, [initiativeId]));
  }

  /** The page counts its matches itself; only a page past the end needs a count of its own. */
  private async page<T>(
    rows: Counted<T>[],
    window: PageWindow,
    count: () => Promise<{ total: number }>,
  ): Promise<Page<T>> {
    const total = rows.length > 0 ? rows[0].total : window.offset === 0 ? 0 : (await count()).total;
    return { items: rows.map(({ total: _, ...item }) => item as T), total, limit: window.limit, offset: window.offset };
  }
}
